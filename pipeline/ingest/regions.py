"""Columns of a page read again on their own: the header's two blocks, Nơi nhận beside the signature, a signature
block alone on the right.

Tesseract lays out a whole page before reading it, and where two columns stand side by side it may make one text
line of words from both (the number line of the left block with the underlined motto of the right one, a seal
across the date line), with two baselines: those words come out as garbage (``POIDp TỊUU HU DUỤC`` for ``Độc lập -
Tự do - Hạnh phúc``) or on the wrong line. Each column found from the word boxes (:mod:`.layout`) that holds a word
read unsure, or crossed by a stamp's lighter ink (a grey seal across the date line or the signer's lines, which
leaves words misread with confidence), is cut out and read again as one block of text, as it is and (where it
holds light ink) with its lighter ink whitened; the more confident reading of the column's own words replaces the
page's words in that column when it is read with more confidence (a stamped column's with at most STAMP_MARGIN
less) and makes likelier Vietnamese (and no line of it is read twice). Where a stamped column's reading loses
so, the lines it reads surely where the page's reading has none (lines a grey seal hid) are added to the page's.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from statistics import median

import cv2
import numpy as np

from pipeline.ingest.prepare import engine_file, stray_ink_share, without_light_ink
from pipeline.model import LayoutLine, OcrFailure
from pipeline.ocr.engine import Word, placed, read_again, within
from pipeline.ocr.language_model import UNREADABLE, plausibility

UNSURE = 60.0  # a column holding a word read with less confidence than this is read again …
STAMPED = 0.15  # … and so is one where this share of the ink is a stamp's (prepare.stray_ink_share): a seal's ring
# across ``TM. CHÍNH PHỦ`` / ``PHÓ THỦ TƯỚNG`` leaves ``M. CHÍNH PHỦ`` / ``HÓ THỦ TƯỚNG``, read with confidence 92-96
LIGHT_INK = 0.02  # a cut-out with a smaller share of stray light ink (plain print: about 0.002; a phone photo's
# uneven light 0.03-0.10) is not read again whitened: the whitened reading is the same text at the cost of one more
# tesseract run (a quarter of the CPU a scanned page took, ocr_throughput)
STAMP_MARGIN = 5.0  # the reading of a stamped column with the stamp whitened may be this much less confident
SURE = 90.0  # a line the page read short of its first words is taken whole from the column read with each word so sure
LEGIBLE = 50.0  # a hidden line's words read with less confidence are the seal's ring
INK = 128  # a grey level darker than this is ink
WHITE_STRIP = 0.3  # line heights of paper with no ink that end a column's cut-out on its left or right …
REACH = 2.0  # … looked for up to this many line heights beyond the margin
RING_MARKS = "=©`_'\"~^*<>|/\\⁄()[]{}:;,.-+ "  # marks a seal's ring leaves before a word
HIDDEN_LINE = 0.75 * UNREADABLE  # a line a stamp hid is taken when likelier than this (``PHO THU TƯƠNG``: -10.1,
# the ring's letters ``LÍ (CC II, UHICCHIIL``: -15.4)
MARGIN_HEIGHTS = 0.6  # the cut-out reaches this many line heights beyond the column's words
MIN_CUT = 20  # px: a cut-out narrower or lower than this is no column (tesseract's thresholding refuses it)
WIDE = 0.6  # a "column" wider than this share of the page is a run of body lines the layout paired, not a block
# beside another: tesseract read it in the page's own layout already, and reading it again costs a run per page


def read_columns_apart(
    words: list[Word], columns: list[LayoutLine], image_path: Path, read: Callable[[Path], list[Word]]
) -> tuple[list[Word], int]:
    """The page's words with the columns that hold an unsure word or a stamp read again apart (where that reads
    better), and how many columns were replaced. `read` reads an image file as one block of text."""
    image = None
    replaced = 0
    for number, column in enumerate(columns):
        inside = [w for w in words if within(w, column)]
        if not inside:
            continue
        if image is None:
            image = cv2.imread(str(image_path), cv2.IMREAD_UNCHANGED)
        if column.x1 - column.x0 > WIDE * image.shape[1]:
            continue
        height = median(w.height for w in inside)
        margin = round(MARGIN_HEIGHTS * height)
        x0, top = max(0, round(column.x0) - margin), max(0, round(column.top) - margin)
        x1, bottom = round(column.x1) + margin, round(column.bottom) + margin
        white0, white1 = _to_the_white(image[top:bottom], x0, x1, height)
        if min(white1 - white0, bottom - top) < MIN_CUT:  # a speck, not a column
            continue
        # a word the cut-out's edge moved out to take in (``BỘ`` under a received stamp) is the column's own
        left = white0 if white0 < x0 else white0 + margin
        column = replace(column, x0=min(column.x0, left), x1=max(column.x1, white1 if white1 > x1 else white1 - margin))
        x0, x1 = white0, white1
        cut = image[top:bottom, x0:x1]
        light_ink = stray_ink_share(cut) if cut.ndim == 2 else 0.0
        stamped = light_ink >= STAMPED
        if min(w.confidence for w in inside) >= UNSURE and not stamped:
            continue
        readings = [placed(reading, x0, top, words) for reading in _readings(cut, read, whiten=light_ink >= LIGHT_INK)]
        # the margin may hold pieces of the lines around: only the column's own words are weighed and kept
        own = [[w for w in r if within(w, column)] for r in readings]
        moved = max(own, key=_mean_or_nothing, default=[])
        better = moved and not _stacked(moved) and _more_plausible(moved, inside)
        if better and _mean(moved) > _mean(inside) - (STAMP_MARGIN if stamped else 0.0):
            words, replaced = read_again(words, column, _line_by_line(moved, inside)), replaced + 1
        elif stamped and (hidden := max((_hidden_lines(r, inside) for r in own), key=len, default=[])):
            words, replaced = words + hidden, replaced + 1
        elif moved and (whole := _whole_lines(moved, inside)):
            added, cut = whole
            gone = {id(w) for w in cut}
            words, replaced = [w for w in words if id(w) not in gone] + added, replaced + 1
    return words, replaced


def _to_the_white(rows: np.ndarray, x0: int, x1: int, height: float) -> tuple[int, int]:
    """The cut-out's left and right edges moved out of the ink they fall in, to the first strip of paper WHITE_STRIP
    line heights wide, at most REACH line heights further: the column's box is that of the words the page read in it,
    and a word it read as garbage or not at all (``BỘ`` under a received stamp, doc_000128) lies outside it."""
    grey = rows if rows.ndim == 2 else cv2.cvtColor(rows[..., :3], cv2.COLOR_BGR2GRAY)
    inked = (grey < INK).any(axis=0)
    strip, reach = max(2, round(WHITE_STRIP * height)), round(REACH * height)

    def white_at(x: int, step: int) -> int:
        for edge in range(x, x + step * reach, step):
            lo, hi = sorted((edge, edge + step * strip))
            if lo < 0 or hi > len(inked):
                return x
            if not inked[lo:hi].any():
                return edge
        return x

    return white_at(x0, -1), white_at(min(x1, len(inked)), 1)


def _line_by_line(moved: list[Word], inside: list[Word]) -> list[Word]:
    """The column's better reading with each of its lines taken back from the page's reading where the page read
    that line (the lines lying across it) more surely and as plausibly: a reading better as a whole may lose one
    line (the last Nơi nhận line ``- Lưu: VT, PC, YDCT.``, read at 90-93 by the page, read ``š10uU:VI,FC, LÓCI.``
    at 12 and 1 in the column read alone)."""
    kept: list[Word] = []
    for ours, theirs in _facing_lines(moved, inside):
        page_better = theirs and _mean(theirs) > _mean(ours) and _plausibility(theirs) >= _plausibility(ours)
        kept.extend(theirs if page_better else ours)
    return kept


def _facing_lines(reading: list[Word], other: list[Word]) -> list[tuple[list[Word], list[Word]]]:
    """The lines of `reading`, in stretches of lines that lie across one another, each with the words of the
    lines of `other` across them (two readings of one column, which may split or join lines differently)."""
    mine = _spans(reading)
    spans = {**mine, **_spans(other)}
    groups: list[set[tuple[int, int, int]]] = []
    for line in sorted(spans, key=lambda ln: spans[ln]):
        top, bottom = spans[line]
        touching = [g for g in groups if any(_across(spans[ln], (top, bottom)) for ln in g)]
        merged = {line}.union(*touching)
        groups = [g for g in groups if g not in touching] + [merged]
    pairs = []
    for group in groups:
        ours = [w for w in reading if w.line in group and w.line in mine]
        if ours:
            pairs.append((ours, [w for w in other if w.line in group and w.line not in mine]))
    return pairs


def _whole_lines(moved: list[Word], inside: list[Word]) -> tuple[list[Word], list[Word]] | None:
    """Where the column's reading loses as a whole, its lines that the page read short of their first words (a seal's
    ring across ``PHÓ`` of ``PHÓ THỐNG ĐỐC``: the page read ``THỐNG ĐỐC``, the column alone the whole line, the words
    the page read at SURE or more, those it lost words of letters at UNSURE or more; doc_000290), with the page's
    words they replace; None when there are none."""
    added: list[Word] = []
    cut: list[Word] = []
    for ours, theirs in _facing_lines(moved, inside):
        kept = [w for w in _in_order(ours) if any(c.isalnum() for c in w.text)]  # the ring's marks left out
        page = [w.text for w in _in_order(theirs)]
        if not page or len(kept) <= len(page) or [w.text for w in kept[-len(page):]] != page:
            continue
        lost, shared = kept[: -len(page)], kept[-len(page):]
        if all(w.confidence >= SURE for w in shared) and all(w.confidence >= UNSURE and w.text.isalpha() for w in lost):
            added += kept
            cut += theirs
    return (added, cut) if added else None


def _spans(words: list[Word]) -> dict[tuple[int, int, int], tuple[int, int]]:
    spans: dict[tuple[int, int, int], tuple[int, int]] = {}
    for w in words:
        top, bottom = spans.get(w.line, (w.top, w.top + w.height))
        spans[w.line] = (min(top, w.top), max(bottom, w.top + w.height))
    return spans


def _across(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two lines' spans (top, bottom) overlapping by half the lower one's height."""
    return min(a[1], b[1]) - max(a[0], b[0]) > 0.5 * min(a[1] - a[0], b[1] - b[0])


def _hidden_lines(reading: list[Word], inside: list[Word]) -> list[Word]:
    """Lines of a stamped column's reading where the page's reading has none, read surely and likely (a grey seal
    across ``KT. THỦ TƯỚNG`` / ``PHÓ THỦ TƯỚNG`` hides both lines from the page's reading, while its ring read as
    letters makes the column's reading as a whole the less confident one): of each, its words of letters read with
    some confidence, the ring's marks before them dropped (``=KT.``, ``©`_``)."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in reading:
        lines.setdefault(word.line, []).append(word)
    hidden = []
    for line in lines.values():
        top, bottom = min(w.top for w in line), max(w.top + w.height for w in line)
        if any(min(bottom, w.top + w.height) - max(top, w.top) > 0 for w in inside):
            continue
        kept = [replace(w, text=w.text.lstrip(RING_MARKS)) for w in _in_order(line) if w.confidence >= LEGIBLE]
        kept = [w for w in kept if len(w.text) >= 2 and w.text.rstrip(".,").isalpha()]
        likelihood = plausibility([w.text for w in kept])
        if len(kept) >= 2 and _mean(kept) >= UNSURE and HIDDEN_LINE < likelihood:
            hidden.extend(kept)
    return hidden


def _readings(cut: np.ndarray, read: Callable[[Path], list[Word]], whiten: bool) -> list[list[Word]]:
    """The readings of a cut-out as it is and, with `whiten`, with its lighter ink (a grey seal) whitened."""
    readings = []
    with tempfile.TemporaryDirectory(prefix="vanban-column-") as folder:
        for n, pixels in enumerate((cut, without_light_ink(cut) if whiten else None)):
            if pixels is not None:
                try:
                    readings.append(read(engine_file(pixels, Path(folder), f"column-{n}")))
                except OcrFailure:  # the page's own reading stands
                    continue
    return readings


def _more_plausible(words: list[Word], than: list[Word]) -> bool:
    """The words, in reading order, make likelier Vietnamese than the others (``TĨNH UY`` is less likely than
    ``TỈNH ỦY`` read with a little less confidence)."""
    return _plausibility(words) >= _plausibility(than)


def _plausibility(words: list[Word]) -> float:
    ordered = _in_order(words)
    return plausibility([w.text for w in ordered], [w.confidence for w in ordered])


def _in_order(words: list[Word]) -> list[Word]:
    return sorted(words, key=lambda w: (w.line, w.left))


def _stacked(words: list[Word]) -> bool:
    """Two lines of a reading at the same height: a line read twice (a rule under it taken for a second one)."""
    ordered = sorted(_spans(words).values())
    return any(_across(a, b) for a, b in zip(ordered, ordered[1:]))


def _mean_or_nothing(words: list[Word]) -> float:
    return _mean(words) if words else -1.0


def _mean(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words)
