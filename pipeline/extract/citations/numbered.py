"""Numbered citations (form ``numbered``): every number-symbol (``12-CT/TW``, ``30/2020/NĐ-CP``) with the type word
before it, the lists it heads (``Nghị định số 48/2013/NĐ-CP và 92/2017/NĐ-CP``) and what a list shares.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.extract.citations.context import iso, issuer_at, issuer_before
from pipeline.extract.citations.grammar import (
    ALONE, DATE_AFTER, LIST_GLUE, LIST_NUMBERS, OF, OWN_NUMBER, ROMAN, SO_END, SPACE, SYMBOL_YEAR, TERM, TITLE_SO,
    TYPE_BOUNDARY, WORDS, code_key, grammar, starts_word,
)
from pipeline.document_types import is_joint
from pipeline.extract.citations.model import Cite
from pipeline.keys import number_symbol_key


def _canonical(segment: str) -> str:
    """A code as it should be printed: ``TTG`` → ``TTg``, ``ND`` → ``NĐ``, ``QH15`` kept with its term."""
    term = TERM.search(segment)
    stem = segment[: term.start()] if term and term.start() else segment
    known = grammar().canonical.get(code_key(stem))
    return known + segment[len(stem) :] if known else segment


def _valid_segment(segment: str, first: bool = False) -> bool:
    """A code: known, or at least two capitals; a Roman numeral (``02/II``) is no first code."""
    known = code_key(TERM.sub("", segment)) in grammar().canonical
    return known or (sum(c.isupper() for c in segment) >= 2 and not (first and ROMAN.fullmatch(segment)))


def _trim_segment(segment: str) -> str:
    """Cut a code where lower-case text glued to it begins (``CPngày`` → ``CP``)."""
    for i in range(len(segment) - 1):
        if segment[i].islower() and segment[i + 1].islower():
            return segment[:i]
    return segment


def _segments(raw: str) -> tuple[list[str], int]:
    """The valid codes of a symbol and how many characters of `raw` they cover."""
    kept: list[str] = []
    covered = 0
    for match in re.finditer(r"[^-\s]+", raw):
        segment = _trim_segment(match.group())
        if not segment or not _valid_segment(segment, first=not kept):
            break
        kept.append(_canonical(segment))
        covered = match.start() + len(segment)
        if len(segment) < len(match.group()):
            break
    return kept, covered


def issuer_name(code: str | None, party: bool) -> str | None:
    if not code:
        return None
    g = grammar()
    stem = TERM.sub("", code) or code
    first, second = (g.party_issuers, g.state_issuers) if party else (g.state_issuers, g.party_issuers)
    return first.get(stem) or second.get(stem)


def _parse_symbol(text: str, match: re.Match[str]) -> Cite | None:
    """The number-symbol at `match`, canonical, with what its codes imply; None when it is not one."""
    g = grammar()
    number = match.group("num").replace("O", "0").replace("o", "0").replace("l", "1").replace("I", "1")
    start = match.start()
    if match.group("ptype") or match.group("dtype"):
        kind = _canonical((match.group("ptype") or match.group("dtype")).translate(g.lookalikes))
        issuer_raw = (match.group("pissuer") or match.group("dissuer")).translate(g.lookalikes)
        issuers, covered = _segments(issuer_raw)
        if not issuers or (not _valid_segment(kind) and kind not in g.party_types):
            return None
        end = (match.start("pissuer") if match.group("pissuer") else match.start("dissuer")) + covered
        symbol = f"{kind}/{'-'.join(issuers)}"
        return Cite(
            start=start, end=end, number=number, symbol=symbol, number_symbol=f"{number}-{symbol}", party=True,
            issuer_code=issuers[0], implied_issuer=issuer_name(issuers[0], True), doc_type=g.party_types.get(kind),
        )  # fmt: skip
    segments, covered = _segments(match.group("scode").translate(g.lookalikes))
    if not segments:
        return None
    year = int(match.group("year").replace("\n", "")) if match.group("year") else None
    symbol = "-".join(segments)
    doc_type = g.state_types.get(segments[0])
    issuer_codes = segments[1:] if doc_type else segments
    if doc_type and segments[0] in g.joint_types:
        names = [n for n in (issuer_name(c, False) for c in issuer_codes) if n]
        implied = " - ".join(names) or None
    else:
        implied = issuer_name(issuer_codes[0] if issuer_codes else None, False)
    if not doc_type and not year and issuer_codes and TERM.sub("", issuer_codes[0]) not in ("QH", "UBTVQH"):
        doc_type = g.untyped_state
    number_symbol = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    return Cite(
        start=start, end=match.start("scode") + covered, number=number, year=year, symbol=symbol,
        number_symbol=number_symbol, issuer_code=issuer_codes[0] if issuer_codes else None, implied_issuer=implied,
        doc_type=doc_type,
    )  # fmt: skip


def _type_before(text: str, start: int, floor: int) -> tuple[int, str | None, str | None] | None:
    """The type word a citation opens with, its position and what stands between it and ``số``:
    ``Chỉ thị số``, ``Nghị định``, ``Luật Tổ chức Chính phủ số``, ``các Quyết định của Thủ tướng Chính phủ số``.

    With words between, the farthest type word wins (``Luật sửa đổi, bổ sung một số điều của Luật ... số``)
    as long as no verb separates it from the number (``QUYẾT ĐỊNH ... Căn cứ Luật ... số``).
    """
    g = grammar()
    lo = max(floor, start - 200)
    window = text[lo:start]
    so = SO_END.search(window)
    head = window[: so.start()] if so else window
    bound = 0
    for bound_match in TYPE_BOUNDARY.finditer(head):
        bound = bound_match.end()
    found = [t for t in g.type_word.finditer(head, bound) if t.group()[0].isupper() or " " in t.group()]
    if not found:
        return None
    last = found[-1]
    if not head[last.end() :].strip():
        return lo + last.start(), last.group(), None
    if not so:
        return None
    for first in (f for f in found if f.group()[0].isupper()):
        between = head[first.end() :].strip()
        verbs = [v for v in g.verbs.finditer(head, first.end()) if head[first.end() : v.start()].strip()]
        if len(WORDS.findall(between)) <= 30 and not verbs and not g.after_type.match(head, first.end()):
            return lo + first.start(), first.group(), between
    return None


def type_of(spelled: str | None, cite: Cite) -> str | None:
    """The spelled type word decides (``Quy định số 69-QĐ/TW``); a generic one (``văn bản``) leaves it to the
    symbol."""
    g = grammar()
    if not spelled:
        return cite.doc_type
    name = g.type_names.get(spelled.lower(), spelled[0].upper() + spelled[1:].lower())
    return cite.doc_type or g.untyped_state if name in g.generic else name


def _read_citation(text: str, match: re.Match[str], floor: int, left: int) -> Cite | None:
    """One full citation around the number-symbol at `match`: type word, date and issuer; the type word is read
    before `left`, where a list of numbers sharing the symbol begins."""
    cite = _parse_symbol(text, match)
    if cite is None:
        return None
    symbol_end = cite.end
    opening = _type_before(text, left, floor)
    so = SO_END.search(text, max(floor, left - 12), left)
    if opening:
        cite.start, spelled, between = opening
        cite.doc_type = type_of(spelled, cite)
        if between:
            of = OF.match(between)
            span = issuer_at(between, of.end(), len(between), need_head=False) if of else None
            if span and not between[span[1] :].strip():
                cite.issuer = between[span[0] : span[1]]  # "các Quyết định của Thủ tướng Chính phủ số ..."
            elif not of:
                cite.name = f"{spelled} {between}"  # "Luật Tổ chức Chính phủ số ..."
    elif so:
        cite.start = so.start()
    after = DATE_AFTER.match(text, symbol_end)
    if after and iso(after):
        cite.date, cite.end = iso(after), after.end()
    of = OF.match(text, cite.end)
    if of:
        span = issuer_at(text, of.end(), of.end() + 200, need_head=False, several=is_joint(cite.symbol))
    elif cite.date:
        space = SPACE.match(text, cite.end)
        span = issuer_at(text, space.end(), space.end() + 200, need_head=True)
    else:
        span = None
    if span:
        cite.issuer, cite.end = text[span[0] : span[1]], span[1]
    if cite.issuer is None:
        issuer, before_date = issuer_before(text, cite.start, floor)
        cite.issuer = issuer
        cite.date = cite.date or before_date
    if cite.year is None and cite.date:
        cite.year = int(cite.date[:4])
    return cite


def _list_members(text: str, match: re.Match[str], listed: re.Match[str] | None, cite: Cite) -> list[Cite]:
    """``Thông tư số 01, 02/2020/TT-BTC``: the numbers listed before one number-symbol share its suffix."""
    if not listed or cite.number_symbol is None or cite.number is None:
        return []
    suffix = cite.number_symbol[len(cite.number) :]
    members = []
    for number in re.finditer(r"\d{1,5}", listed.group(1)):
        at = listed.start(1) + number.start()
        member = Cite(**{**cite.__dict__, "start": at, "end": listed.start(1) + number.end()})
        member.number, member.number_symbol = number.group(), number.group() + suffix
        year = SYMBOL_YEAR.match(suffix)
        member.date, member.year = None, int(year.group(1)) if year else None
        members.append(member)
    if members:
        members[0].start = cite.start
        cite.start = match.start()
    return members


def document_start(text: str) -> int:
    """Where the document proper begins: at its header's motto when one stands near the top; text before it is
    a transcriber's or an archive's title."""
    motto = grammar().motto.search(text, 0, 3000)
    return text.rfind("\n", 0, motto.start()) + 1 if motto else 0


def own_keys(text: str, own_number_symbol: str | None) -> set[str]:
    """Keys of the document's own number: the one given, the first number-symbol of the header field ``Số:`` (a
    line opening with ``Số``, or ``số:`` with its colon) at the top, and a first line that is only a citation
    (``Kết luận số 69-KL/TW``, a title)."""
    g = grammar()
    keys = {number_symbol_key(own_number_symbol)} if own_number_symbol else set()
    for so in OWN_NUMBER.finditer(text, 0, 4000):
        match = g.symbol.match(text, so.end())
        cite = _parse_symbol(text, match) if match else None
        if cite and cite.number_symbol:
            keys.add(number_symbol_key(cite.number_symbol))
            break
    first = len(text) - len(text.lstrip())
    opening = g.type_word.match(text, first)
    if opening:
        so = TITLE_SO.match(text, opening.end())
        match = g.symbol.match(text, so.end()) if so else None
        cite = _parse_symbol(text, match) if match else None
        if cite and cite.number_symbol and not text[cite.end : _line_end(text, first)].strip():
            keys.add(number_symbol_key(cite.number_symbol))
    return keys


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


class _LineBreaks:
    """Where the line around an offset starts and ends, by bisection over the text's line breaks found once (a
    search from each citation to the break before it or after it makes a text on one line quadratic)."""

    def __init__(self, text: str):
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.length = len(text)

    def start(self, pos: int) -> int:
        """As ``text.rfind("\\n", 0, pos) + 1``."""
        before = bisect_left(self.breaks, pos)
        return self.breaks[before - 1] + 1 if before else 0

    def end(self, pos: int) -> int:
        """As :func:`_line_end`."""
        after = bisect_left(self.breaks, pos)
        return self.breaks[after] if after < len(self.breaks) else self.length


def numbered_mentions(text: str, skip_before: int, own: set[str]) -> tuple[list[Cite], list[Cite]]:
    """Every number-symbol citation after `skip_before`, and apart the mentions of the document's own number."""
    g = grammar()
    cites: list[Cite] = []
    own_mentions: list[Cite] = []
    floor = skip_before
    form_end = -1  # forms and annexes are listed too: "biểu 01/TCD, 02/XLD, 03/GQKN"
    lines = _LineBreaks(text)
    for match in g.symbol.finditer(text, skip_before):
        at = match.start()
        decimal = text[at - 1 : at] == "." and text[at - 2 : at - 1].isdigit()
        if at < floor or decimal or not starts_word(text, at, "/:-"):
            continue  # inside a number, a date or a code; "No.85/2007/ND-CP" is a citation
        if g.before_number.search(text, max(0, match.start() - 20), match.start()) or (
            form_end >= 0 and LIST_GLUE.fullmatch(text, form_end, match.start())
        ):
            form_end = match.end()
            continue
        listed = LIST_NUMBERS.search(text, max(floor, match.start() - 60), match.start())
        cite = _read_citation(text, match, floor, listed.start(1) if listed else match.start())
        if cite is None or cite.number_symbol is None:
            continue
        if cite.start == match.start() and ALONE.fullmatch(text, lines.start(cite.start), lines.end(cite.end)):
            form_end = match.end()  # a bare code alone on its line labels a form: "01/TCD"
            continue
        if number_symbol_key(cite.number_symbol) in own:
            own_mentions.append(cite)
        else:
            cites.extend(_list_members(text, match, listed, cite))
            cites.append(cite)
        floor = cite.end
    return cites, own_mentions


def group_lists(text: str, cites: list[Cite]) -> list[list[Cite]]:
    """Citations joined only by ``,``, ``;``, ``và``, ``hoặc`` form a list sharing a verb, a type and an issuer."""
    groups: list[list[Cite]] = []
    for cite in cites:
        previous = groups[-1][-1] if groups else None
        if previous and previous.end <= cite.start and LIST_GLUE.fullmatch(text, previous.end, cite.start):
            groups[-1].append(cite)
        else:
            groups.append([cite])
        cite.group = len(groups) - 1
    return groups


def compatible_codes(a: Cite, b: Cite) -> bool:
    if not a.issuer_code or not b.issuer_code:
        return a.issuer_code == b.issuer_code
    x, y = code_key(TERM.sub("", a.issuer_code)), code_key(TERM.sub("", b.issuer_code))
    return x.startswith(y) or y.startswith(x)


def share_in_group(members: list[Cite]) -> None:
    """A list's type word reaches the members after it; an issuer written after the list (or else before it)
    reaches the members without their own whose issuer codes agree."""
    kind = None
    for cite in members:
        cite.doc_type = cite.doc_type or kind
        kind = cite.doc_type
    for order in (members[::-1], members):
        holder = None
        for cite in order:
            if cite.issuer is None and holder is not None and compatible_codes(holder, cite):
                cite.issuer = holder.issuer
            elif cite.issuer is not None:
                holder = cite
