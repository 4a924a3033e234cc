"""Partial citations (form ``partial``): a type and a bare number, ``Nghị quyết 57``.
"""

from __future__ import annotations

from pipeline.extract.citations.context import iso, issuer_at
from pipeline.extract.citations.grammar import DATE_AFTER, OF, grammar, starts_word
from pipeline.extract.citations.model import Cite, Index
from pipeline.extract.citations.numbered import type_of


def partial_mentions(text: str, skip_before: int, taken: Index) -> list[Cite]:
    """``Nghị quyết 57``, ``Kết luận số 12``: a type word with a bare number (a year is none, nor ``Chương trình
    135``)."""
    g = grammar()
    found = []
    for match in g.partial.finditer(text, skip_before):
        spelled = match.group("type")
        number = match.group("num")
        if not starts_word(text, match.start()) or taken.overlaps(*match.span()):
            continue
        year = len(number) == 4 and 1945 <= int(number.split(".")[0]) <= 2050
        if "số" not in match.group().lower() and (year or spelled.lower() in g.partial_after_so):
            continue
        cite = Cite(
            start=match.start(), end=match.end(), number=number, number_symbol=number, partial=True, form="partial"
        )
        cite.doc_type = type_of(spelled, cite)
        after = DATE_AFTER.match(text, match.end())
        if after and iso(after):
            cite.date, cite.end = iso(after), after.end()
            cite.year = int(cite.date[:4])
        of = OF.match(text, cite.end)
        span = issuer_at(text, of.end(), of.end() + 200, need_head=False) if of else None
        if span:
            cite.issuer, cite.end = text[span[0] : span[1]], span[1]
        found.append(cite)
    return found
