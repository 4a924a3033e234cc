"""Lines of a normalised text with their character offsets, and the vocabulary the structure stage reads."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Line:
    """A line of the document's text: ``text == document_text[start:end]``."""

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for index, line in enumerate(text.split("\n")):
        lines.append(Line(index, offset, offset + len(line), line))
        offset += len(line) + 1
    return lines


@cache
def vocabulary() -> dict[str, Any]:
    """structure.toml, as read."""
    return tomllib.loads(resources.files("pipeline.data").joinpath("structure.toml").read_text("utf-8"))




def fold_chars(text: str) -> str:
    """Lower case without diacritics, one character for one (so offsets in the result are offsets in `text`)."""
    return "".join(_fold_char(c) for c in text)


@cache
def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    return unicodedata.normalize("NFD", char)[0].lower() if char.isalpha() else char.lower()


def folded_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern that finds `phrase` in folded text, whatever its marks, spacing and hyphens (OCR-tolerant)."""
    words = re.findall(r"\w+", fold_chars(phrase))
    return re.compile(r"\b" + r"[\s\-–.,]*".join(re.escape(w) for w in words) + r"\b")
