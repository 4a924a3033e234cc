"""The context of a citation: its date (``ngày 15 tháng 5 năm 2020``) and its issuer (``của Chính phủ``), read
around it.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from pipeline.extract.citations.grammar import (
    ANCHOR_BEFORE, BEFORE_ISSUER, DATE_LEADING, DATE_TRAILING, PUNCTUATION, TOKEN, grammar,
)


def iso(match: re.Match[str]) -> str | None:
    day, month, year = match.group("d"), match.group("m") or match.group("m2"), match.group("y") or match.group("y2")
    if not (day and month and year):
        return None
    full_year = int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 50 else 1900 + int(year))
    try:
        return date(full_year, int(month), int(day)).isoformat()
    except ValueError:
        return None


def phrase_at(words: list[str], i: int, phrases: dict[int, frozenset[tuple[str, ...]]]) -> int:
    for n, items in phrases.items():
        if i + n <= len(words) and tuple(words[i : i + n]) in items:
            return n
    return 0


def _ends_name(tokens: list[str], words: list[str], i: int) -> bool:
    """A stop word (lower case, or in an upper-case title), a clause opener or a type word at token `i` ends
    a name; a one-word type word only when capitalised (``Luật``, not ``pháp luật``)."""
    g = grammar()
    n = phrase_at(words, i, g.stops)
    if n and all(t.islower() or t.isupper() for t in tokens[i : i + n]):
        return True
    n = phrase_at(words, i, g.openers)
    if n and tokens[i][0].isupper() and not tokens[i].isupper():
        return True
    n = phrase_at(words, i, g.type_phrases)
    return bool(n) and (n > 1 or words[i] not in g.short_types or tokens[i][0].isupper())


def issuer_at(text: str, start: int, limit: int, need_head: bool, several: bool = False) -> tuple[int, int] | None:
    """Span of the body written at `start`: words up to a stop word, a type word, punctuation or the line end.

    Known names (``Bộ Kế hoạch và Đầu tư``, ``Bộ Văn hóa, Thể thao và Du lịch``) are taken whole; after a full
    name only place words go on (``Ủy ban nhân dân tỉnh Nghệ An``, not ``Quốc hội thí điểm``). Where the citation
    is of a joint document (`several`), a comma that a body's head follows goes on to the next co-issuer (``của
    Bộ Tài chính, Bộ Kế hoạch và Đầu tư, Bộ Thông tin và Truyền thông``).
    """
    g = grammar()
    line_end = text.find("\n", start, limit)
    tokens_found = TOKEN.finditer(text, start, limit if line_end < 0 else line_end)
    found = [(m.start(), m.end(), m.group()) for m in itertools.islice(tokens_found, 40)]
    if not found or not found[0][2][0].isupper() or (need_head and not g.heads.match(text, found[0][0])):
        return None
    tokens = [t[2] for t in found]
    words = [t.lower() for t in tokens]
    i, end, count, complete = 0, None, 0, False
    while i < len(tokens) and count < 16:
        n = phrase_at(words, i, g.fragments)
        if n:
            complete = complete or tuple(words[i : i + n]) in g.full_names
            end, i, count = found[i + n - 1][1], i + n, count + n
            continue
        if _ends_name(tokens, words, i) or (i == 0 and words[0] in ("các", "những")):
            break
        if tokens[i] in ("-", "–", "và", "&"):
            following = i + 1 < len(tokens) and tokens[i + 1][0].isupper() and not _ends_name(tokens, words, i + 1)
            if not following:
                break
            i, complete = i + 1, False
            continue
        if several and tokens[i] == "," and end and i + 1 < len(tokens) and g.heads.match(text, found[i + 1][0]):
            i, complete = i + 1, False
            continue
        if tokens[i][0] in PUNCTUATION or not tokens[i][0].isalnum():
            break
        if complete and tokens[i][0].islower():
            n = phrase_at(words, i, g.continuations)
            if not n:
                break
            end, i, count = found[i + n - 1][1], i + n, count + n
            continue
        end, i, count = found[i][1], i + 1, count + 1
    return (found[0][0], end) if end else None


def issuer_before(text: str, cite_start: int, floor: int) -> tuple[str | None, str | None]:
    """Issuer (and date) written before a citation: ``Sở Xây dựng tại Công văn số``, ``UBND tỉnh (Công văn số``,
    ``Ngày 09/4/2013, Chính phủ đã ban hành Nghị định số``, ``ý kiến của các Bộ: Tài chính (Công văn số``."""
    g = grammar()
    lo = max(floor, cite_start - 300)
    window = text[lo:cite_start]
    anchor = ANCHOR_BEFORE.search(window)
    if not anchor:
        return None, None
    strict = "(" not in anchor.group()
    before = window[: anchor.start()]
    bounds = list(BEFORE_ISSUER.finditer(before))
    seg_start = bounds[-1].end() if bounds else 0
    seg_start += len(before[seg_start:]) - len(before[seg_start:].lstrip())
    segment_date = None
    leading = DATE_LEADING.match(before, seg_start)
    if leading:
        segment_date, seg_start = iso(leading), leading.end()
    elif bounds and bounds[-1].group() == ",":
        trailing = DATE_TRAILING.search(before, 0, bounds[-1].start() + 1)
        segment_date = iso(trailing) if trailing else None
    absolute = lo + seg_start
    span = issuer_at(text, absolute, lo + anchor.start(), need_head=True)
    prefix = ""
    if span is None:
        enumeration = None
        for enumeration in g.enumeration.finditer(before, 0, seg_start):
            pass
        if enumeration is None or any(c in ".;" for c in before[enumeration.end() : seg_start]):
            return None, None
        span = issuer_at(text, absolute, lo + anchor.start(), need_head=False)
        prefix = enumeration.group("head").capitalize() + " "
    if span is None or (strict and text[span[1] : lo + anchor.start()].strip()):
        return None, None
    return prefix + text[span[0] : span[1]], segment_date
