"""Merging: every mention of the same document into one :class:`Citation` (an abbreviated mention to its full one,
a typo to the reading most mentions agree on).
"""

from __future__ import annotations


from pipeline.extract.citations.grammar import fold_cached
from pipeline.extract.citations.model import Citation, Cite, Mention
from pipeline.extract.citations.numbered import compatible_codes, issuer_name
from pipeline.keys import name_key, number_symbol_key


def merge(text: str, cites: list[Cite]) -> list[Citation]:
    """One :class:`Citation` per cited document. The same number-symbol is another document only when both
    dates are given and differ; short forms join the full citation they abbreviate."""
    refs: list[list[Cite]] = []
    by_key: dict[str, list[int]] = {}
    by_short: dict[str, list[int]] = {}  # a number or a law's name → numbered references that may own a short form
    for cite in sorted(cites, key=lambda c: (c.partial or c.name_only, c.start)):
        short = "name:" + fold_cached(cite.name or "") if cite.name_only else _bare(cite.number)
        if cite.name_only:
            key = short
        elif cite.partial:
            key = f"partial:{fold_cached(cite.doc_type or '')}:{short}"
        else:
            key = number_symbol_key(cite.number_symbol or "")
        target = _target(refs, by_key.get(key, []), cite)
        if target is None:
            fits = {i for i in by_short.get(short, []) if any(_abbreviates(cite, c) for c in refs[i])}
            target = fits.pop() if len(fits) == 1 else None
        if target is None:
            by_key.setdefault(key, []).append(len(refs))
            target = len(refs)
            refs.append([])
        refs[target].append(cite)
        if not (cite.partial or cite.name_only):
            for owner in {short, "name:" + fold_cached(cite.name)} if cite.name else {short}:
                if target not in by_short.setdefault(owner, []):
                    by_short[owner].append(target)
    ordered = sorted(refs, key=lambda group: min(c.start for c in group))
    return [_reference(text, f"r{i}", group) for i, group in enumerate(ordered, start=1)]


def _bare(number: str | None) -> str:
    return (number or "").lstrip("0") or "0"


def _target(refs: list[list[Cite]], candidates: list[int], cite: Cite) -> int | None:
    if not candidates:
        return None
    if cite.date:
        dated = [i for i in candidates if any(c.date == cite.date for c in refs[i])]
        undated = [i for i in candidates if not any(c.date for c in refs[i])]
        return (dated or undated or [None])[0]
    before = [i for i in candidates if refs[i][0].start <= cite.start]
    return before[-1] if before else candidates[0]


def _abbreviates(short: Cite, full: Cite) -> bool:
    """Whether `short` is another spelling of the document `full` cites.

    The same number and date with one issuer code cut short (``1217/QĐ-BT`` for ``1217/QĐ-BTP``, ``118/TTg`` for
    ``118/QĐ-TTg``) or contradicting the issuer written beside it (``98/2013/TT-BXD ... của Bộ Tài chính`` for
    ``98/2013/TT-BTC``); a state symbol without its year (``62/QĐ-TTg`` for ``62/2011/QĐ-TTg``); a bare number of
    the same type (``Nghị quyết 57``); a law's name (``Luật Tổ chức Chính phủ``).
    """
    if full.partial or full.name_only:
        return False
    if short.name_only:
        return bool(full.name) and fold_cached(full.name or "") == fold_cached(short.name or "")
    if _bare(short.number) != _bare(full.number):
        return False
    if short.partial:
        return short.doc_type == full.doc_type
    if short.party != full.party:
        return False
    same_day = bool(short.date) and short.date == full.date
    if same_day and short.doc_type == full.doc_type and (_contradicts(short, full) or _contradicts(full, short)):
        return True
    if not compatible_codes(short, full):
        return False
    if same_day:
        return True
    return not short.party and short.year is None and full.year is not None and short.symbol == full.symbol


def _consistent(cite: Cite, issuer: str | None = None) -> bool:
    """Whether the body a symbol's issuer code names agrees with the issuer written (``Bộ trưởng Bộ Tài chính``
    holds ``Bộ Tài chính``); unknown on either side counts as agreeing."""
    written = issuer or cite.issuer
    if not written or not cite.implied_issuer:
        return True
    x, y = name_key(written), name_key(cite.implied_issuer)
    return x in y or y in x


def _contradicts(typo: Cite, other: Cite) -> bool:
    """`typo`'s code disagrees with the issuer written beside it, which `other`'s code names."""
    return bool(typo.issuer) and not _consistent(typo) and _consistent(other, typo.issuer)


def _spelling(cite: Cite) -> tuple[bool, bool]:
    """Which of a document's spellings to print: one agreeing with its written issuer, then one whose issuer
    code the grammar knows."""
    return _consistent(cite), issuer_name(cite.issuer_code, cite.party) is not None


def _reference(text: str, ref_id: str, group: list[Cite]) -> Citation:
    full = [c for c in group if not (c.partial or c.name_only)] or group
    in_order = sorted(group, key=lambda c: c.start)
    first = min(full, key=lambda c: c.start)
    spelled = max(full, key=lambda c: (_spelling(c), c.year is not None, -c.start))
    mentions = [first, *(c for c in in_order if c is not first)]
    relation = next((c.relation for c in in_order if c.relation != "cites"), "cites")
    dated = next((c for c in mentions if c.date), None)
    written = [c.issuer for c in mentions if c.issuer]
    issuer = next((i for i in written if not i.isupper()), written[0] if written else spelled.implied_issuer)
    year = spelled.year or (int(dated.date[:4]) if dated and dated.date else None)
    return Citation(
        ref_id=ref_id,
        doc_type=next((c.doc_type for c in mentions if c.doc_type), None),
        number_symbol=spelled.number_symbol,
        number=spelled.number,
        year=year,
        symbol=spelled.symbol,
        date=dated.date if dated else None,
        issuer=issuer,
        relation=relation,
        partial=first.partial,
        name_only=first.name_only,
        name=first.name if first.name_only else None,
        mentions=[Mention(c.start, c.end, text[c.start : c.end], c.form) for c in mentions],
    )
