"""The adoption sentence read again alone where the page's reading of it makes no date.

A law or a resolution of the National Assembly or its Standing Committee prints no place-date line: its closing
sentence dates it (``Nghị quyết này được Ủy ban Thường vụ Quốc hội … khóa XV thông qua ngày 03 tháng 02 năm
2026.``), and it stands right above the signature, where the seal falls. Read with the page, the seal's ring takes
words of it (``thông:`` / ``gày 03 tháng 02``) or makes tesseract lay the sentence and the signature out as blocks
of pieces (``Nam khóa XV, kỳ họp thứ 10 thốt`` / ``hòa xã hội chủ nghĩa Việt tháng 12 năm 2025./.``): the document
gets no date. Read alone (as the place-date line is, :mod:`.date_line`: as it is, its lighter ink whitened, both at
twice the size), the sentence mostly reads as printed: its lines up to the date, from the most confident of the
readings giving the date most of them give, replace the page's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import cv2

from pipeline.ingest.date_line import line_readings
from pipeline.language.dates import adoption_date
from pipeline.model import LayoutLine
from pipeline.ocr.engine import Word, placed, read_again, text_of

# the sentence's opening as a scan reads it: the act, ``này (đã) được`` and the adopting body's first letter
# (``Quốc hội``, ``Ủy ban Thường vụ Quốc hội``, ``Hội đồng nhân dân``) or ``thông qua``: 51 bulk lines open so (one
# a text), 42 of them dated there by the adoption (a scan's reading of the others is read again for nothing)
OPENING = re.compile(r"\b(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh)\s+này\s+(?:đã\s+)?được\s+(?:[QỦUH]|thông\b)")
SENTENCE_LINES = 3  # the sentence's lines in reading order looked at for its date (it prints on two)
TAIL_LINES = 30  # the sentence is looked for among the page's last lines in reading order
DEPTH_HEIGHTS = 4.0  # the cut-out reaches this many of the opening line's heights below its top (two lines and
# a half of body text: the sentence's two lines, not the signature block's name)
MARGIN_HEIGHTS = 0.6  # … and this many above it and beyond the text's left and right edges


def read_adoption_again(
    words: list[Word], lines: list[LayoutLine], image_path: Path, read: Callable[[Path, int], list[Word]]
) -> tuple[list[Word], bool]:
    """The page's words with its adoption sentence read again alone where the page's reading makes no date of it,
    and whether it was replaced. `read` reads an image file as one block of text, told its resolution is that many
    times the page's."""
    tail = lines[-TAIL_LINES:]
    opening = next((k for k in range(len(tail) - 1, -1, -1) if OPENING.search(tail[k].text)), None)
    if opening is None or adoption_date(" ".join(ln.text for ln in tail[opening : opening + SENTENCE_LINES])):
        return words, False
    image = cv2.imread(str(image_path), cv2.IMREAD_UNCHANGED)
    if image is None:
        return words, False
    line = tail[opening]
    height = line.bottom - line.top
    margin = round(MARGIN_HEIGHTS * height)
    top, left = max(0, round(line.top) - margin), max(0, round(min(ln.x0 for ln in lines)) - margin)
    bottom, right = round(line.top + DEPTH_HEIGHTS * height), round(max(ln.x1 for ln in lines)) + margin
    dated = [kept for r in line_readings(image[top:bottom, left:right], read) if (kept := _up_to_the_date(r))]
    if not dated:
        return words, False
    dates = [adoption_date(text_of(r)) for r in dated]
    most = Counter(dates).most_common(1)[0][0]  # of the readings giving the date most give, the most confident
    best = max((r for r, d in zip(dated, dates) if d == most), key=lambda r: sum(w.confidence for w in r) / len(r))
    chosen = placed(best, left, top, words)
    upper, lower = min(w.top for w in chosen), max(w.top + w.height for w in chosen)
    return read_again(words, LayoutLine("", left, right, upper, lower), chosen), True


def _up_to_the_date(reading: list[Word]) -> list[Word]:
    """The reading's lines from the one that opens the sentence to the one its date ends on; none when no line
    opens it or no date follows."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in sorted(reading, key=lambda w: (w.line, w.left)):
        lines.setdefault(word.line, []).append(word)
    ordered = sorted(lines.values(), key=lambda ln: min(w.top for w in ln))
    start = next((k for k, ln in enumerate(ordered) if OPENING.search(text_of(ln))), None)
    if start is None:
        return []
    for end in range(start, min(len(ordered), start + SENTENCE_LINES)):
        if adoption_date(text_of([w for ln in ordered[start : end + 1] for w in ln])):
            return [w for ln in ordered[start : end + 1] for w in ln]
    return []
