"""Undo the interleaving of side-by-side columns (header blocks, Nơi nhận beside the signature) that OCR reads
line by line: a printed line with a wide gap is split into segments, and in a run of such lines the left
column is read before the right one."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from statistics import median

from pipeline.model import LayoutLine
from pipeline.structure.lines import fold_chars, folded_pattern, vocabulary

CONTINUATION_GAP = 0.6  # a line this many of its heights or less below the one above continues its column
GAP_HEIGHTS = 2.5  # a horizontal gap wider than this many word heights separates two columns
GAP_WIDTH = 0.06  # … and wider than this share of the text width (justified body text has wide gaps too)
WIDE_LINE = 0.6  # a line wider than this share of the text width is body text, which ends a two-column run


def segments(words: list[LayoutLine], text_width: float) -> list[LayoutLine]:
    """Split one printed line (its words, left to right) wherever the gap between words is a column gap, and
    before a national line (``CỘNG HÒA XÃ HỘI …``) that follows the issuer's column too closely for a gap."""
    if not words:
        return []
    height = median(w.bottom - w.top for w in words) or 1
    gap = max(GAP_HEIGHTS * height, GAP_WIDTH * text_width)
    national = _national_line_start(words)
    parts: list[list[LayoutLine]] = [[words[0]]]
    for i, word in enumerate(words[1:], start=1):
        if word.x0 - parts[-1][-1].x1 > gap or i == national:
            parts.append([])
        parts[-1].append(word)
    return [merge(part) for part in parts]


@cache
def _national_patterns() -> list[re.Pattern[str]]:
    return [folded_pattern(line) for line in vocabulary()["national_lines"]]


def _national_line_start(words: list[LayoutLine]) -> int | None:
    """Index of the word where a national line begins after other words, if it does."""
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word.text) + 1
    folded = fold_chars(" ".join(w.text for w in words))
    for pattern in _national_patterns():
        match = pattern.search(folded)
        if match and match.start() in starts[1:]:
            return starts.index(match.start())
    return None


def merge(words: list[LayoutLine]) -> LayoutLine:
    """One line of `words`, in their order, over the box that holds them all."""
    return LayoutLine(
        " ".join(w.text for w in words),
        min(w.x0 for w in words),
        max(w.x1 for w in words),
        min(w.top for w in words),
        max(w.bottom for w in words),
        tuple(c for w in words for c in w.confidences),
    )


def reading_order(lines: list[list[LayoutLine]]) -> list[LayoutLine]:
    """Lines (each a list of its segments) in reading order: within a run of two-column lines, the left
    column's segments first, then the right column's."""
    if not lines:
        return []
    left_edge = min(s.x0 for line in lines for s in line)
    right_edge = max(s.x1 for line in lines for s in line)
    width = max(1.0, right_edge - left_edge)
    ordered: list[LayoutLine] = []
    run: list[list[LayoutLine]] = []

    def flush() -> None:
        if any(len(line) > 1 for line in run):
            boundary = median((line[0].x1 + line[1].x0) / 2 for line in run if len(line) > 1)

            def is_left(segment: LayoutLine) -> bool:
                return segment.x1 <= boundary or segment.x0 < boundary - width * 0.05

            # lines after the right column's last line are read after both columns (Kính gửi under a header),
            # except those that go on with the left column without a blank line (the rest of a V/v subject)
            last_right = max(i for i, line in enumerate(run) if any(not is_left(s) for s in line))
            while last_right + 1 < len(run) and _continues_left(run[last_right + 1], run[last_right], is_left):
                last_right += 1
            columns, after = run[: last_right + 1], run[last_right + 1 :]
            ordered.extend(s for line in columns for s in line if is_left(s))
            ordered.extend(s for line in columns for s in line if not is_left(s))
            ordered.extend(s for line in after for s in line)
        else:
            ordered.extend(s for line in run for s in line)
        run.clear()

    for line in lines:
        wide = len(line) == 1 and (line[0].x1 - line[0].x0) > WIDE_LINE * width
        if wide:
            flush()
            ordered.append(line[0])
        else:
            run.append(line)
    flush()
    return ordered


def _continues_left(line: list[LayoutLine], above: list[LayoutLine], is_left: Callable[[LayoutLine], bool]) -> bool:
    """Is `line` the next line of the left column, right under the line above (no blank line between)?"""
    top, bottom = min(s.top for s in line), max(s.bottom for s in line)
    return all(is_left(s) for s in line) and top - max(s.bottom for s in above) <= CONTINUATION_GAP * (bottom - top)
