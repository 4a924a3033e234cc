"""Relations: what a citing text does with a cited document (implements, legal basis, amends, replaces, repeals,
cites), from the nearest verb that governs it.
"""

from __future__ import annotations

import re

from pipeline.extract.citations.grammar import (
    LIST_ITEM, LIST_MARKER, SKIP_ARTICLE, SUBJECT_AND, WORDS, grammar, starts_word,
)
from pipeline.extract.citations.model import Cite, Index


def _clause_start(text: str, pos: int) -> tuple[int, str]:
    """Where the clause holding `pos` begins, and the boundary that opens it ("" at the text start)."""
    lo = max(0, pos - 500)
    last = None
    for last in grammar().clause_boundary.finditer(text, lo, pos):
        pass
    return (last.end(), last.group()) if last else (lo, "")


def _verb_counts(text: str, verb: re.Match[str], start: int, pos: int, others: list[Cite]) -> bool:
    """Whether a verb speaks for this document: not passive (``được sửa đổi``), not the action of another
    citation before it, not inside a closed parenthesis, not part of a name (``Luật sửa đổi, bổ sung ...``)."""
    g = grammar()
    if g.passive.search(text, max(0, verb.start() - 12), verb.start()):
        return False
    if verb.group()[0].islower() and any(c.start < verb.start() for c in others):
        return False
    opened = text.count("(", start, verb.start()) - text.count(")", start, verb.start())
    if opened > 0 and text.count("(", start, pos) - text.count(")", start, pos) < opened:
        return False
    named = g.named_by_type.search(text, max(0, verb.start() - 30), verb.start())
    return not named or bool(g.issuing.search(text, max(0, named.start() - 20), named.start()))


def governing(text: str, pos: int, cites: Index, group: int, depth: int = 0) -> str | None:
    """The relation said by the nearest verb before `pos` in its clause; None when no verb governs it.

    A clause that opens with a citation, or a list item after ``...:``, continues the clause before it: it takes
    the relation of that clause's last citation, or of its verb (``Thông tư này bãi bỏ:\na) Thông tư số ...``).
    """
    g = grammar()
    start, boundary = _clause_start(text, pos)
    others = [c for c in cites.starting(start, pos) if c.group != group]
    verbs = list(g.verbs.finditer(text, start, pos))
    passive = [v.start() for v in verbs if g.passive.search(text, max(0, v.start() - 12), v.start())]
    for verb in reversed(verbs):
        relation = g.verb_relation[verb.group().lower()]
        if relation is None or not _verb_counts(text, verb, start, pos, others):
            continue
        if relation == "cites" and passive and passive[0] < verb.start():
            continue  # "được sửa đổi, bổ sung một số điều theo Nghị quyết số ...": part of the passive
        if verb.group().lower() == "căn cứ":
            opening = LIST_MARKER.fullmatch(text, start, verb.start()) is not None
            on_document = g.type_word.match(text, SKIP_ARTICLE.match(text, verb.end()).end())
            return "legal_basis" if opening and on_document else "cites"
        gap = len(WORDS.findall(text, verb.end(), pos))
        if relation == "cites" or (depth == 0 and gap > g.max_gap.get(relation, 0)):
            return "cites"
        return relation
    if depth >= 6 or start == 0 or not boundary or boundary in "|!?.":
        return None
    previous_end = start - len(boundary)
    previous_start = _clause_start(text, previous_end)[0]
    opens_list = bool(LIST_MARKER.fullmatch(text, start, pos)) and not others
    item_after_colon = bool(LIST_ITEM.match(text, start)) and text[previous_start:previous_end].rstrip()[-1:] in ":;"
    if not (opens_list or item_after_colon):
        return None
    previous = [c for c in cites.starting(previous_start, previous_end) if c.end <= previous_end]
    if previous:
        return previous[-1].relation
    return governing(text, previous_end, cites, group, depth + 1)


def relate(text: str, groups: list[list[Cite]], cites: Index) -> None:
    """Set every citation's relation: its list's governing verb; else the relation of a citation it is joined to
    after that one's subject (``Thực hiện Chỉ thị số 16/CT-TTg ... về ... và Thông tư số 38/2019/TT-BTC``);
    a Party document taken as legal basis is carried out."""
    g = grammar()
    previous: list[Cite] | None = None
    for members in groups:
        head = members[0]
        relation = governing(text, head.start, cites, head.group) or "cites"
        if relation == "cites" and previous and SUBJECT_AND.fullmatch(text, previous[-1].end, head.start):
            if not g.verbs.search(text, previous[-1].end, head.start):
                relation = previous[-1].relation
        for cite in members:
            cite.relation = g.party_basis if relation == "legal_basis" and cite.party else relation
        previous = members


def repealed_after(text: str, cites: Index) -> None:
    """``Nghị định số 30/2025/NĐ-CP ... sửa đổi ... Nghị định số 07/2021/NĐ-CP hết hiệu lực``: the verb said
    after the citations speaks of the first citation (and its list) of the clause."""
    g = grammar()
    for verb in g.after_verbs.finditer(text):
        if not starts_word(text, verb.start()):
            continue
        start = _clause_start(text, verb.start())[0]
        subject = next((c for c in cites.starting(start, verb.start()) if c.end <= verb.start()), None)
        if subject is None:
            continue
        for cite in cites.starting(start, verb.start() + 1):
            if cite.group == subject.group and cite.name_only == subject.name_only and cite.relation == "cites":
                cite.relation = "repeals"
