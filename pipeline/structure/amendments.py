"""Quoted passages: the new wording an amending text quotes (``Sửa đổi, bổ sung Điều 35 như sau: “Điều 35. …”``).

Their articles, clauses and points belong to the amended document, not to this one: sections and tasks leave them
out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.structure.lines import Line

OPENING, CLOSING = "“", "”"
# An instruction of the amending text itself: where a passage whose closing mark is missing ends at the latest.
INSTRUCTION = re.compile(
    r"^(?:\d{1,3}\s*\.|[a-zđ]\s*\)|Điều\s+\d+[a-z]?\s*[.:])?\s*"
    r"(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Thay cụm|Thay đổi|Đình chỉ|Hủy bỏ|Huỷ bỏ|Bỏ)\b[^“”]*:$"
)


@dataclass(frozen=True)
class Passage:
    """Lines ``first``..``last`` (indices) are quoted text."""

    first: int
    last: int


def quoted_passages(lines: list[Line]) -> list[Passage]:
    """Runs of lines that are quoted text: from a line that opens with a quotation mark to the line where the
    marks opened are closed again (or, when a closing mark is missing, to the line before the next instruction
    of the amending text)."""
    passages: list[Passage] = []
    first: int | None = None
    depth, mark = 0, OPENING
    for line in lines:
        text = line.stripped
        if first is not None and INSTRUCTION.match(text):
            passages.append(Passage(first, line.index - 1))
            first, depth = None, 0
        if first is None:
            if not text.startswith((OPENING, '"')):
                continue
            first, mark = line.index, text[0]
        if mark == '"':  # straight quotes: open while their count is odd
            depth = (depth + text.count('"')) % 2
        else:
            depth = max(0, depth + text.count(OPENING) - text.count(CLOSING))
        if depth == 0:
            passages.append(Passage(first, line.index))
            first = None
    if first is not None:
        passages.append(Passage(first, len(lines) - 1))
    return passages
