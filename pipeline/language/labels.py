"""The labels of a legal text's parts, written once for every stage: ``Phần I``, ``Chương II``, ``Mục 1``, ``Điều 5.``
and an English translation's ``Chapter II``, ``Article 12.`` (vbpl.vn's "vbpqta" pages). The header ends at the first
chapter or article label, the sections read the hierarchy from them, line joining glues back the pieces web text cut
them into (``Điều 1`` / ``0`` / ``.``)."""

from __future__ import annotations

ROMAN = r"[IVXLC]+"
# The word of each labelled part, as printed: in title case, in capitals, and an English translation's.
WORDS = {
    "phan": ("Phần", "PHẦN"),
    "chuong": ("Chương", "CHƯƠNG", "Chapter", "CHAPTER"),
    "muc": ("Mục", "MỤC"),
    "dieu": ("Điều", "ĐIỀU", "Article", "ARTICLE"),
}
# What numbers each part: Phần I, Phần 2, PHẦN THỨ NHẤT; Chương II, Chương 3; Mục 1, Mục II; Điều 5, Điều 5a.
NUMBERS = {"phan": rf"{ROMAN}|\d+|THỨ\s+\w+", "chuong": rf"{ROMAN}|\d+", "muc": rf"\d+|{ROMAN}", "dieu": r"\d+[a-z]?"}
ENDS = {"phan": r"\b", "chuong": r"\b", "muc": r"\b", "dieu": r"\s*[.:]"}  # an article's number has its stop


def words(*kinds: str) -> str:
    """An alternation of the words of the labels of `kinds` (of all of them when none is named)."""
    return "(?:" + "|".join(word for kind in (kinds or tuple(WORDS)) for word in WORDS[kind]) + ")"


def label(kind: str, group: str | None = "label") -> str:
    """A pattern for a label of `kind` (``Chương II``, ``Điều 5.``): its word, its number (in the named `group`, if
    any) and what ends it."""
    number = f"(?P<{group}>{NUMBERS[kind]})" if group else f"(?:{NUMBERS[kind]})"
    return rf"{words(kind)}\s+{number}{ENDS[kind]}"


# Where any label begins: its word and the first letters of a number (``Chương III``, ``PHẦN THỨ NHẤT``, ``Điều 5``;
# ``Phần mở đầu`` is none).
LABEL_START = rf"{words()}\s+(?:{ROMAN}|\d|THỨ\s)"
