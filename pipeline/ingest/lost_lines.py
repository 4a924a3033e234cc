"""Lines of print tesseract's page layout left out, found on the page image and read again.

Tesseract lays out a page before it reads it, and on a page with some skew its layout may leave whole lines of
body text out of every block (a rendered page skewed by 1.4° lost ``Điều 3. Quy định về địa bàn …`` and the last
line of a paragraph; plain tesseract on the same page, its grey differing by rounding only, lost other lines):
nothing of them comes out. The page's ink is compared with the words read: letter-sized marks outside every word
box that run along a row as a line of print does are a lost line; each stretch of lost lines is cut out and read
as one block of text, and its lines are added to the page's words where they read as Vietnamese (read surely and
likely under the language model: a seal's ring or a signature's strokes read as letters are not).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from statistics import median

import cv2
import numpy as np

from pipeline.ingest.prepare import engine_file
from pipeline.model import OcrFailure
from pipeline.ocr.engine import Word, placed
from pipeline.ocr.language_model import UNREADABLE, plausibility

LETTER_SPAN = (0.25, 1.6)  # a letter's mark is this many (at least, at most) times a word's median height high
COVER_MARGIN = 0.3  # word boxes are widened by this many word heights before marks are taken as theirs
JOIN_HEIGHTS = 1.2  # marks of one line are at most this many word heights apart (a word space is about 0.3)
MIN_LINE_HEIGHTS = 3.0  # a lost line is at least this many word heights long … (a signer's title: ``THỦ TƯỚNG``,
# ``BỘ TRƯỞNG``, 8 letters and 9 heights, lost beside a seal while the name under it was read)
MIN_MARKS = 5  # … of at least this many marks …
LINE_SHAPE = 3.0  # … and this many times as long as high at least (lines run together by skew and marks stay
# long and low; a seal's ring is round)
MARGIN_HEIGHTS = 0.5  # the cut-out reaches this many word heights beyond the lost lines
MIN_WORDS = 2  # a page's reading with fewer words gives no line height to measure marks by (a signature page read
# as its signer's name alone, three words, is one to look at: a seal beside it hid the authority and title lines)
LEGIBLE = 30.0  # a word of a lost stretch's reading read with less confidence is a piece of a line cut at its edge
LINE_SURE = 60.0  # a lost line's words are read with this mean confidence at least …
LINE_LIKELY = 0.75 * UNREADABLE  # … and are likelier than this under the language model (regions.HIDDEN_LINE)


def read_lost_lines(words: list[Word], image_path: Path, read: Callable[[Path], list[Word]]) -> tuple[list[Word], int]:
    """The page's words with the lines its layout lost read again and added, and how many lines were added.
    `read` reads an image file as one block of text."""
    if len(words) < MIN_WORDS:
        return words, 0
    image = cv2.imread(str(image_path), cv2.IMREAD_GRAYSCALE)
    if image is None:
        return words, 0
    height = median(w.height for w in words)
    bands = lost_bands(image, words, height)
    added: list[Word] = []
    for x0, top, x1, bottom in bands:
        margin = round(MARGIN_HEIGHTS * height)
        left, upper = max(0, x0 - margin), max(0, top - margin)
        cut = image[upper : bottom + margin, left : x1 + margin]
        with tempfile.TemporaryDirectory(prefix="vanban-lost-") as folder:
            try:
                reading = read(engine_file(cut, Path(folder), "lost"))
            except OcrFailure:
                continue
        added += _legible_lines(placed(reading, left, upper, words + added), words + added, (x0, top, x1, bottom))
    lines = {w.line for w in added}
    return words + added, len(lines)


def lost_bands(image: np.ndarray, words: list[Word], height: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, top, x1, bottom) of the stretches of lines of print on the grey page `image` that no word box
    holds: letter-sized marks outside the boxes, joined along rows into lines, the lines near each other (one
    above the other) joined into one stretch."""
    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    covered = np.zeros(image.shape, np.uint8)
    pad = round(COVER_MARGIN * height)
    for w in words:
        cv2.rectangle(covered, (w.left - pad, w.top - pad), (w.left + w.width + pad, w.top + w.height + pad), 255, -1)
    marks = np.zeros(image.shape, np.uint8)
    low, high = LETTER_SPAN[0] * height, LETTER_SPAN[1] * height
    x, y, w, h = (stats[1:, k] for k in range(4))
    cx, cy = centres[1:, 0].astype(int), centres[1:, 1].astype(int)
    letters = np.flatnonzero((low <= h) & (h <= high) & (w <= 3 * high))
    for i in letters[covered[cy[letters], cx[letters]] == 0]:  # a page's marks are mostly its words' letters
        marks[y[i] : y[i] + h[i], x[i] : x[i] + w[i]] = 255
    rows, columns = np.flatnonzero(marks.any(axis=1)), np.flatnonzero(marks.any(axis=0))
    if not rows.size:
        return []
    # marks are joined along rows only: the components of the marks' own stretch of the page are the page's
    reach = round(JOIN_HEIGHTS * height)
    top, left = rows[0], max(0, columns[0] - reach)
    stretch = marks[top : rows[-1] + 1, left : columns[-1] + 1 + reach]
    joined = cv2.dilate(stretch, cv2.getStructuringElement(cv2.MORPH_RECT, (reach, 1)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    lines = []
    for i in range(1, count):
        x0, y0, w0, h0 = stats[i, :4]
        if w0 < MIN_LINE_HEIGHTS * height or w0 < LINE_SHAPE * h0:
            continue
        inside = cv2.connectedComponentsWithStats(stretch[y0 : y0 + h0, x0 : x0 + w0], connectivity=8)[0] - 1
        if inside >= MIN_MARKS:
            lines.append((int(left + x0), int(top + y0), int(left + x0 + w0), int(top + y0 + h0)))
    bands: list[tuple[int, int, int, int]] = []
    for x0, top, x1, bottom in sorted(lines, key=lambda box: box[1]):
        if bands and top - bands[-1][3] <= height and min(x1, bands[-1][2]) > max(x0, bands[-1][0]):
            bx0, btop, bx1, bbottom = bands[-1]
            bands[-1] = (min(bx0, x0), btop, max(bx1, x1), max(bbottom, bottom))
        else:
            bands.append((x0, top, x1, bottom))
    return bands


def _legible_lines(reading: list[Word], page: list[Word], band: tuple[int, int, int, int]) -> list[Word]:
    """The words of a lost stretch's reading that lie in the stretch and on no word of the page, line by line where
    a line's new words are read surely and likely."""
    x0, top, x1, bottom = band
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in reading:
        cx, cy = word.left + word.width / 2, word.top + word.height / 2
        if x0 <= cx <= x1 and top <= cy <= bottom and word.confidence >= LEGIBLE and not _on_any(word, page):
            lines.setdefault(word.line, []).append(word)
    kept = []
    for line in lines.values():
        ordered = sorted(line, key=lambda w: w.left)
        mean = sum(w.confidence for w in line) / len(line)
        if len(line) >= 2 and mean >= LINE_SURE and plausibility([w.text for w in ordered]) > LINE_LIKELY:
            kept.extend(ordered)
    return kept


def _on_any(word: Word, page: list[Word]) -> bool:
    """Does `word` lie on a word of the page (sharing half the smaller box)?"""
    for other in page:
        across = min(word.left + word.width, other.left + other.width) - max(word.left, other.left)
        down = min(word.top + word.height, other.top + other.height) - max(word.top, other.top)
        if across > 0 and down > 0 and across * down > 0.5 * min(word.width * word.height, other.width * other.height):
            return True
    return False
