"""The place-date line read again alone where the page's reading of it makes no date.

A seal across the place-date line (``Hà Nội, ngày 27 tháng 11 năm 2025``) leaves its ring's marks in the line:
read with the page, the line comes out with a figure misread (``ngày 37 thang TÌ``), a speck read between two words
(``ngày 15.tháng 10``, ``tháng, 11``) or ``tháng`` garbled (``thán4á 12``), and the header gets no date, no place
and, the date line being where the header's right column ends, no title either. Read alone (tesseract's reading of
one block of text, no page layout to make), as it is, with its lighter ink whitened (a grey seal) and at twice the
size, the same line mostly reads as printed. The line is taken from the readings that make a place-date line with a
date that exists: the one most of them read, the first of those in the order above on a tie.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

from pipeline.ingest.prepare import engine_file, without_light_ink
from pipeline.language.dates import iso_date, parse_date
from pipeline.model import LayoutLine, OcrFailure
from pipeline.ocr.engine import Word, placed, read_again, text_of

# a line as a scan reads a place-date line: up to six words of a place, a mark, ``ngày`` and up to 30 characters
# ending in four characters of a year (figures or the letters OCR reads for them), no ``;`` after it (``Căn cứ Luật
# Giá ngày 19 tháng 6 năm 2023;`` cites a law)
SCANNED_PLACE_DATE = re.compile(
    r"^\W*[^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*){0,5}\W{0,3}\s*ngày\b.{5,30}[\dOoZlSB]{4}[^\w;]*$"
)
HEADER_LINES = 15  # the place-date line is looked for among the page's first lines in reading order
PLACE_DATE = re.compile(
    r"^(?P<place>[^\W\d_]+(?:\s+[^\W\d_]+){0,5}),\s+ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+"
    r"(?P<year>\d{4})$"
)  # the line as printed: Hà Nội, ngày 27 tháng 11 năm 2025
MARGIN_HEIGHTS = 0.6  # the cut-out reaches this many line heights above and below the line …
SIDE_HEIGHTS = 1.2  # … and this many to its left and right (a first or last letter the page did not read)
SCALE = 2  # the enlarged reading: a seal's ring over a figure reads apart from it at twice the size


def read_date_line_again(
    words: list[Word], lines: list[LayoutLine], image_path: Path, read: Callable[[Path, int], list[Word]]
) -> tuple[list[Word], bool]:
    """The page's words with its place-date line read again alone where the page's reading of it makes no date
    (the first such line only: a page prints one), and whether it was replaced. `read` reads an image file as one
    block of text, told its resolution is that many times the page's."""
    line = next((ln for ln in lines[:HEADER_LINES] if misread_date_line(ln.text)), None)
    if line is None:
        return words, False
    image = cv2.imread(str(image_path), cv2.IMREAD_UNCHANGED)
    if image is None:
        return words, False
    height = line.bottom - line.top
    top, left = max(0, round(line.top - MARGIN_HEIGHTS * height)), max(0, round(line.x0 - SIDE_HEIGHTS * height))
    cut = image[top : round(line.bottom + MARGIN_HEIGHTS * height), left : round(line.x1 + SIDE_HEIGHTS * height)]
    dated = [(r, text) for r in line_readings(cut, read) if printed_date(text := text_of(r))]
    if not dated:
        return words, False
    most = Counter(text for _, text in dated).most_common(1)[0][0]
    chosen = next(r for r, text in dated if text == most)  # the first reading of the text most readings give
    return read_again(words, line, placed(chosen, left, top, words)), True


def misread_date_line(text: str) -> bool:
    """Whether a line reads as a scan reads a place-date line yet the date grammar makes no date of it (a line it
    reads, ``Đà Nẵng, ngày 26tháng 7 năm 2020`` with a space lost, gives the header its date as it is)."""
    return bool(SCANNED_PLACE_DATE.match(text)) and parse_date(text) is None


def printed_date(text: str) -> str | None:
    """The ISO date of a place-date line as printed (``Hà Nội, ngày 27 tháng 11 năm 2025``), None for any other
    text or a date that does not exist."""
    found = PLACE_DATE.match(text.strip())
    return iso_date(int(found["year"]), int(found["month"]), int(found["day"])) if found else None


def line_readings(cut: np.ndarray, read: Callable[[Path, int], list[Word]]) -> list[list[Word]]:
    """The cut-out's readings, in order: as it is, its lighter ink whitened, both at SCALE times the size (the words'
    boxes in the cut-out's pixels)."""
    whitened = without_light_ink(cut) if cut.ndim == 2 else None
    variants = [(cut, 1), (whitened, 1), (cut, SCALE), (whitened, SCALE)]
    readings = []
    with tempfile.TemporaryDirectory(prefix="vanban-date-") as folder:
        for n, (pixels, scale) in enumerate(variants):
            if pixels is None:
                continue
            if scale != 1:
                pixels = cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
            try:
                words = read(engine_file(pixels, Path(folder), f"date-{n}"), scale)
            except OcrFailure:  # the page's own reading stands
                continue
            readings.append([_shrunk(w, scale) for w in words])
    return readings


def _shrunk(word: Word, scale: int) -> Word:
    return replace(word, left=word.left // scale, top=word.top // scale, width=word.width // scale,
                   height=word.height // scale)  # fmt: skip
