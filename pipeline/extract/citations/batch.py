"""Resolving in a batch: a citation linked to the document of the batch it cites.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from pipeline.extract.citations.grammar import NAME_MATCH, grammar
from pipeline.extract.citations.model import Citation
from pipeline.keys import name_key, number_symbol_key


def _same_issuer(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    equivalent = grammar().equivalent
    x, y = name_key(a), name_key(b)
    x, y = equivalent.get(x, x), equivalent.get(y, y)
    return x.startswith(y) or y.startswith(x) or fuzz.token_sort_ratio(x, y) >= NAME_MATCH


def resolve_in_batch(
    references: list[tuple[str, Citation]], documents: list[tuple[str, str | None, str | None, int | None]]
) -> dict[tuple[str, str], str]:
    """Map (doc_id, ref_id) to the doc_id of the cited document when it is in the batch.

    `documents` lists (doc_id, number_symbol, issuer, year). A reference resolves to a document with the same
    number-symbol key, a compatible year (equal, or unknown on either side) and a compatible issuer (unknown on
    either side, or the same body by name); a document never resolves to itself, and an ambiguous match to none.
    """
    by_key: dict[str, list[tuple[str, str | None, int | None]]] = {}
    for doc_id, number_symbol, issuer, year in documents:
        if number_symbol:
            by_key.setdefault(number_symbol_key(number_symbol), []).append((doc_id, issuer, year))
    resolved: dict[tuple[str, str], str] = {}
    for doc_id, ref in references:
        if ref.partial or ref.name_only or not ref.number_symbol:
            continue
        matches = [
            target
            for target, issuer, year in by_key.get(number_symbol_key(ref.number_symbol), [])
            if target != doc_id
            and (ref.year is None or year is None or ref.year == year)
            and _same_issuer(ref.issuer, issuer)
        ]
        if len(set(matches)) == 1:
            resolved[(doc_id, ref.ref_id)] = matches[0]
    return resolved
