"""Aliases (form ``alias``): the short name a text gives a document it cited (``(sau đây gọi là Nghị định 15)``)
and its later uses.
"""

from __future__ import annotations

import bisect
import re

from pipeline.extract.citations.grammar import ALIAS_END, NUMBER_AFTER, grammar
from pipeline.extract.citations.model import Cite, Index


def alias_mentions(text: str, cites: Index) -> list[Cite]:
    """``(sau đây gọi là Chỉ thị)``: later uses of an alias that is a bare type word are mentions of the document
    cited just before it, until the alias names another (aliases holding a number are found as citations)."""
    g = grammar()
    defined: dict[str, list[tuple[int, Cite]]] = {}
    for marker in g.alias.finditer(text):
        alias_match = ALIAS_END.match(text, marker.end())
        alias = alias_match.group("alias").strip() if alias_match else ""
        at = marker.start()
        before = [c for c in cites.starting(at - 2000, at) if 0 <= at - c.end < 400]
        if alias_match and before and g.type_word.fullmatch(alias):
            defined.setdefault(alias, []).append((alias_match.end(), before[-1]))
    found: list[Cite] = []
    for alias, owners in defined.items():
        ends = [end for end, _ in owners]
        for use in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            at, tail = use.start(), text[use.end() : use.end() + 12]
            defining = bisect.bisect_right(ends, at)
            if not defining or cites.overlaps(at, use.end()) or NUMBER_AFTER.match(tail):
                continue
            if not g.after_type.match(tail):
                owner = owners[defining - 1][1]
                found.append(Cite(**{**owner.__dict__, "start": at, "end": use.end(), "form": "alias"}))
    return found
