"""Undo the interleaving of side-by-side columns (header blocks, Nơi nhận beside the signature) that OCR reads
line by line: a printed line with a wide gap is split into segments, and in a run of such lines the left
column is read before the right one."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from statistics import median

from pipeline.model import LayoutLine
from pipeline.vietnamese import is_capitals
from pipeline.structure.lines import fold_chars, folded_pattern, vocabulary

CONTINUATION_GAP = 0.6  # a line this many of its heights or less below the one above continues its column
NUMBER_LINE = re.compile(r"Số\s*[:.]", re.IGNORECASE)  # the number line under the issuer: ``Số: 45-KH/TU``
GAP_HEIGHTS = 2.5  # a horizontal gap wider than this many word heights separates two columns
GAP_WIDTH = 0.06  # … and wider than this share of the text width (justified body text has wide gaps too)
NEAR_LINES = 4  # two-column lines this many lines above or below tell where the right column is centred
SPLIT_GAP_HEIGHTS = 0.8  # … and a gap this many word heights wide may part a run-together line there
CENTRE_TOLERANCE = 0.03  # share of the text width by which the right part's centre may miss the column's
WRAPPED_PAIR = 0.05  # share of a syllable's uses followed by the next line's first: the issuer's name wrapped
WIDE_LINE = 0.6  # a line wider than this share of the text width is body text, which ends a two-column run
RIGHT_BLOCK = 0.4  # lines starting past this share of the text width, two or more in a row, are a block on the right
NAME_ALONE_REACH = 10  # a name alone on its page (the body ended on the page before, a seal hid the lines above
# it): its signature block is taken to reach this many of its line heights above it (authority, title, the signature)
SPECK_HEIGHT = 0.35  # a lone mark or digit standing less tall than this share of the page's usual line is a speck
WORDY_LINE = 10  # characters of a line that counts towards the usual height of the page's lines
NATIONAL_OPENING = 4  # a national line's first words in capitals begin it though a later word is misread (``CỘNG
# HÒA XÃ HỘI GHỦ NGHĨA``): 543 bulk texts print the line; 5 print ``CỘNG HÒA XÃ HỘI`` in capitals otherwise
RING_MARK_CONFIDENCE = 60.0  # a word of marks read less surely than this is a seal's ring's, bridging no column gap
TICKS = set("'`´‘’^ˆ¬")  # marks that, standing alone as a word, are specks


def without_specks(lines: list[list[LayoutLine]]) -> list[list[LayoutLine]]:
    """The engine's lines (each its words) without specks read as text: a word of ticks alone (``'``, `````, ``^``:
    no text of the 767 bulk documents has one standing apart; a dash misread ``~`` stays), and a line of one word with
    no two letters (``7``, ``:``, ``¬4``) standing less than SPECK_HEIGHT of the median height of the page's lines of
    more than WORDY_LINE characters. A scanner's dot read ``7`` under a title, or ``'`` after it, would be joined
    into it; a page number or a list label (``4.``) stands as tall as the text around it."""
    lines = [kept for kept in ([w for w in line if not set(w.text) <= TICKS] for line in lines) if kept]
    heights = sorted(_height(line) for line in lines if sum(len(w.text) + 1 for w in line) > WORDY_LINE)
    if not heights:
        return lines
    usual = heights[len(heights) // 2]
    return [line for line in lines if not _is_speck(line, usual)]


def _height(line: list[LayoutLine]) -> float:
    return max(w.bottom for w in line) - min(w.top for w in line)


def _is_speck(line: list[LayoutLine], usual: float) -> bool:
    letters = sum(c.isalpha() for w in line for c in w.text)
    return len(line) == 1 and letters < 2 and _height(line) < SPECK_HEIGHT * usual


def segments(words: list[LayoutLine], text_width: float) -> list[list[LayoutLine]]:
    """Split one printed line (its words, left to right) wherever the gap between words is a column gap, and
    before a national line (``CỘNG HÒA XÃ HỘI …``) that follows the issuer's column too closely for a gap. Marks a
    seal's ring leaves at a column gap (:func:`_ring_mark`) are text of neither column and are left out; where they
    fill the gap before a line in capitals (``Chính. “@: : THỨ TRƯỞNG``: a Nơi nhận item beside the signer's title
    under the seal), they bridge no gap. Before words in lower case they stand where the seal hid words of the line
    (``bộ luật =- thực hiện quy``) and stay."""
    if not words:
        return []
    height = median(w.bottom - w.top for w in words) or 1
    gap = max(GAP_HEIGHTS * height, GAP_WIDTH * text_width)
    national = _national_line_start(words)
    parts: list[list[LayoutLine]] = [[words[0]]]
    last, marks = words[0], []  # the last word that is no ring mark, the ring marks read after it
    for i, word in enumerate(words[1:], start=1):
        if _ring_mark(word):
            marks.append(word)
            continue
        between = [last, *marks, word]
        apart = any(b.x0 - a.x1 > gap for a, b in zip(between, between[1:]))
        bridged = word.x0 - last.x1 > gap and is_capitals(" ".join(w.text for w in words[i:]))
        split = apart or (bool(marks) and bridged)
        if split or i == national:
            parts.append([])
        parts[-1] += [word] if split and marks else [*marks, word]
        last, marks = word, []
    if marks and marks[0].x0 - last.x1 > gap:
        parts.append([])
    parts[-1] += marks
    return parts


def _ring_mark(word: LayoutLine) -> bool:
    """A word of marks only (no letter, no figure) read unsure: what a seal's ring leaves (``“@:``, ``&``, ``:``,
    read at 0-57), not a printed dash or stop (read at 90 and more)."""
    return not any(c.isalnum() for c in word.text) and min(word.confidences, default=100.0) < RING_MARK_CONFIDENCE


def split_merged_columns(lines: list[list[list[LayoutLine]]], text_width: float) -> list[list[list[LayoutLine]]]:
    """Lines (each its segments, each segment its words) where a line of one segment that is two columns' lines
    run together (the end of a V/v subject a short gap before the place-date line) is split in two: at the gap
    that leaves a right part centred on the right column of the two-column lines near it (header blocks and the
    signature are centred in their columns)."""
    split = list(lines)
    for i, line in enumerate(lines):
        if len(line) != 1 or len(line[0]) < 2:
            continue
        near = [other for other in lines[max(0, i - NEAR_LINES) : i + NEAR_LINES + 1] if len(other) == 2]
        if not near:
            continue
        centre = median(_centre(other[1]) for other in near)
        words = line[0]
        height = median(w.bottom - w.top for w in words) or 1
        for k in range(1, len(words)):
            gap = words[k].x0 - words[k - 1].x1
            if gap >= SPLIT_GAP_HEIGHTS * height and abs(_centre(words[k:]) - centre) <= CENTRE_TOLERANCE * text_width:
                split[i] = [words[:k], words[k:]]
                break
    return split


def _centre(words: list[LayoutLine]) -> float:
    return (min(w.x0 for w in words) + max(w.x1 for w in words)) / 2


@cache
def _national_patterns() -> list[re.Pattern[str]]:
    return [folded_pattern(line) for line in vocabulary()["national_lines"]]


@cache
def _national_openings() -> list[re.Pattern[str]]:
    lines = [line for line in vocabulary()["national_lines"] if is_capitals(line)]
    return [folded_pattern(" ".join(line.split()[:NATIONAL_OPENING])) for line in lines]


def _national_line_start(words: list[LayoutLine]) -> int | None:
    """Index of the word where a national line begins after other words, if it does: the whole line, or the opening
    words of one in capitals followed by capitals only (its later words misread)."""
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word.text) + 1
    text = " ".join(w.text for w in words)
    folded = fold_chars(text)
    for pattern in _national_patterns():
        match = pattern.search(folded)
        if match and match.start() in starts[1:]:
            return starts.index(match.start())
    for pattern in _national_openings():
        match = pattern.search(folded)
        if match and match.start() in starts[1:] and is_capitals(text[match.start() :]):
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


@dataclass(frozen=True)
class Reading:
    """A page's lines in reading order, and the box of each column of its two-column runs (header blocks, Nơi nhận
    beside the signature) and of each block standing alone on the right (a signature with no Nơi nhận beside it)."""

    lines: list[LayoutLine]
    columns: list[LayoutLine]


def reading_order(lines: list[list[LayoutLine]], page_width: float | None = None) -> Reading:
    """Lines (each a list of its segments) in reading order: within a run of two-column lines, the left
    column's segments first, then the right column's. A block on the right is told from the page's width where
    known (a page holding only a signature block has no text on its left to tell it by)."""
    if not lines:
        return Reading([], [])
    boxes: list[LayoutLine] = []
    left_edge = min(s.x0 for line in lines for s in line)
    right_edge = max(s.x1 for line in lines for s in line)
    width = max(1.0, right_edge - left_edge)
    on_the_right = bool(page_width) and left_edge > RIGHT_BLOCK * page_width  # all the page holds is a block on its
    # right (a signature whose page ends there): no line of it is body text
    right_start = RIGHT_BLOCK * page_width if on_the_right else left_edge + RIGHT_BLOCK * width
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
            left = [s for line in columns for s in line if is_left(s)]
            right = [s for line in columns for s in line if not is_left(s)]
            ordered.extend(left + right)
            if left and right:
                boxes.extend(_side_by_side(merge(left), merge(right), left_edge, boundary))
            else:
                boxes.extend(merge(side) for side in (left, right) if side)
            ordered.extend(s for line in after for s in line)
        else:
            ordered.extend(s for line in run for s in line)
            boxes.extend(_right_blocks(run, right_start))
        run.clear()

    for line in lines:
        wide = len(line) == 1 and (line[0].x1 - line[0].x0) > WIDE_LINE * width and not on_the_right
        if wide:
            flush()
            ordered.append(line[0])
        else:
            run.append(line)
    flush()
    foot = lines[-1]
    alone = len(lines) == 1 or any(s.x0 <= right_start for s in lines[-2])
    boxed = any(box.top <= s.top and s.bottom <= box.bottom and box.x0 <= s.x0 for box in boxes for s in foot)
    if all(s.x0 > right_start for s in foot) and alone and not boxed:
        top, height = min(s.top for s in foot), foot[0].bottom - foot[0].top
        ceiling = max(s.bottom for s in lines[-2]) if len(lines) > 1 else top - NAME_ALONE_REACH * height
        boxes.append(_below(merge(foot), ceiling, right_start, right_edge))
    return Reading(ordered, boxes)


def _side_by_side(left: LayoutLine, right: LayoutLine, left_edge: float, boundary: float) -> list[LayoutLine]:
    """The boxes of two columns side by side; where the left one begins a line or more below the right one (the
    header's blocks begin on one row: a received stamp across the issuer's lines left the page's reading of them out,
    the number line alone read), the left one reaches up to the right one's top and across from the text's left edge
    to the boundary, over the lines the page lost, so that it is read again whole."""
    if left.top - right.top < min(left.bottom - left.top, right.bottom - right.top):  # a line's height at least
        return [left, right]
    whole = LayoutLine(left.text, min(left_edge, left.x0), max(boundary, left.x1), right.top, left.bottom,
                       left.confidences)  # fmt: skip
    return [whole, right]


def _right_blocks(run: list[list[LayoutLine]], start: float) -> list[LayoutLine]:
    """Boxes of the stretches of two or more lines of a one-column run that all start right of `start`."""
    blocks: list[list[list[LayoutLine]]] = [[]]
    for line in run:
        if all(s.x0 > start for s in line):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [merge([s for line in block for s in line]) for block in blocks if len(block) >= 2]


def _below(line: LayoutLine, ceiling: float, start: float, right_edge: float) -> LayoutLine:
    """The box of a line alone on the right at the foot of a page (a signer's name whose title lines a seal hid)
    reaching up to the line above (`ceiling`; not above the page) and across the right of the page: the signature
    block as printed."""
    top = max(0.0, min(ceiling, line.top))
    return LayoutLine(line.text, min(start, line.x0), max(right_edge, line.x1), top, line.bottom, line.confidences)


def _continues_left(line: list[LayoutLine], above: list[LayoutLine], is_left: Callable[[LayoutLine], bool]) -> bool:
    """Is `line` the next line of the left column, right under the line above (no blank line between)?"""
    top, bottom = min(s.top for s in line), max(s.bottom for s in line)
    return all(is_left(s) for s in line) and top - max(s.bottom for s in above) <= CONTINUATION_GAP * (bottom - top)


def join_wrapped_issuer(lines: list[LayoutLine], follows: Callable[[str, str], float]) -> list[LayoutLine]:
    """Lines in reading order with the issuer's name joined where its column wrapped it (``BỘ LAO ĐỘNG - THƯƠNG`` /
    ``BINH VÀ XÃ HỘI``, ``ỦY BAN NHÂN DÂN TỈNH BÀ RỊA -`` / ``VŨNG TÀU``), and a parent's line kept apart from its
    child's (``UBND TỈNH BẮC LÂM`` / ``SỞ NỘI VỤ``). Only capitals lines above the page's number line, each right
    under the other, are joined: when the upper one ends with a hyphen or comma or an administrative unit's word
    (``TỈNH``, ``THÀNH PHỐ``), or when its last syllable is followed by the lower one's first in at least
    WRAPPED_PAIR of its uses (`follows`; read after the correction, ``PHÔ`` is ``PHỐ``) — a wrap cuts a name, a
    parent's name and a child's do not run on."""
    number = next((i for i, line in enumerate(lines) if NUMBER_LINE.match(line.text)), None)
    if number is None:
        return lines
    joined: list[LayoutLine] = []
    for line in lines[:number]:
        above = joined[-1] if joined else None
        if above and _wraps_into(above, line, follows):
            joined[-1] = merge([above, line])
        else:
            joined.append(line)
    return joined + lines[number:]


def _wraps_into(above: LayoutLine, line: LayoutLine, follows: Callable[[str, str], float]) -> bool:
    if not (is_capitals(above.text) and is_capitals(line.text)):
        return False
    height = line.bottom - line.top
    beneath = 0 <= line.top - above.bottom <= CONTINUATION_GAP * height or abs(line.top - above.bottom) < height / 2
    overlapping = min(above.x1, line.x1) > max(above.x0, line.x0)
    if not (beneath and overlapping):
        return False
    last, first = above.text.split()[-1], line.text.split()[0]
    return last.endswith(("-", ",")) or _ends_with_place_opening(above.text) or follows(last, first) >= WRAPPED_PAIR


@cache
def _place_openings() -> tuple[str, ...]:
    return tuple(f" {fold_chars(word)}" for word in vocabulary()["place_openings"])


def _ends_with_place_opening(text: str) -> bool:
    """Ends with an administrative unit's word (``ỦY BAN NHÂN DÂN TỈNH``), whose name must follow: the column
    wrapped it (``TUYÊN QUANG``: a province the corpus may never name, so no pair of syllables tells)."""
    return f" {fold_chars(text)}".endswith(_place_openings())
