"""Normalize: one clean NFC text per document, with page boundaries kept as character offsets.

Each step is a small function of a page's text; :func:`normalize` runs them in order and joins the pages.
Character offsets of every later stage index the text made here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pipeline.model import Document, RawDocument
from pipeline.vietnamese import is_syllable

PAGE_SEPARATOR = "\n\n"

# Characters that look like others: no-break and odd spaces, invisible marks, the Icelandic eth OCR gives for Đ.
CHARACTER_MAP = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ", "\t": " ",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
        "\u00d0": "\u0110", "\u00f0": "\u0111", "\r": "\n", "\v": "\n", "\f": "\n",
    }
)  # fmt: skip

LETTER_SPACED = re.compile(r"(?<!\w)(?:[^\W\d_] ){1,}[^\W\d_](?!\w)")
SYMBOL_SPACING = (
    (re.compile(r"(\d) ?- ?(?=[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ])"), r"\1-"),  # 12 - CT/TW → 12-CT/TW
    (re.compile(r"(/[A-ZĐ][A-Za-zĐđ&]{0,9}) ?- ?(?=[A-ZĐ])"), r"\1-"),  # 1351/QĐ - UBND → 1351/QĐ-UBND
)
PAGE_NUMBER = re.compile(r"(?:Trang )?[-–]? ?# ?[-–]?(?:/#)?")
HYPHENATED = re.compile(r"([^\W\d_]+)-\n([^\W\d_]+)")
SENTENCE_END = tuple(".:;!?")
NUMBER_BEFORE_BREAK = re.compile(r"\b(?:năm|số|ngày|tháng|Số)$")
LIST_START = re.compile(r"^(?:[-+*•]|\d+[.)]|[a-zđ]\)|[IVXLC]+[.\-–])")


def normalize(raw: RawDocument) -> Document:
    """Normalise every page and join them; running headers and footers repeated across pages are dropped."""
    pages = [clean_page(p.text) for p in raw.pages]
    pages = drop_running_lines(pages)
    text_parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for index, page in enumerate(pages):
        if index:
            text_parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        starts.append(offset)
        text_parts.append(page)
        offset += len(page)
    return Document(raw=raw, text="".join(text_parts), page_starts=starts)


def clean_page(text: str) -> str:
    """All text-level repairs of one page, in order."""
    text = unicodedata.normalize("NFC", text).translate(CHARACTER_MAP)
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    text = join_letter_spacing(text)
    for pattern, replacement in SYMBOL_SPACING:
        text = pattern.sub(replacement, text)
    text = join_hyphenation(text)
    text = join_broken_lines(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def join_letter_spacing(text: str) -> str:
    """``B Ộ LAO ĐỘNG`` → ``BỘ LAO ĐỘNG``: runs of single capitals that spell syllables are closed up."""

    def close_up(match: re.Match[str]) -> str:
        letters = match.group(0).replace(" ", "")
        if not letters.isupper():
            return match.group(0)
        syllables = split_syllables(letters)
        return " ".join(syllables) if syllables else match.group(0)

    return LETTER_SPACED.sub(close_up, text)


def split_syllables(letters: str) -> list[str] | None:
    """Split a run of letters into valid syllables of two or more letters, longest first; None if it cannot."""
    if not letters:
        return []
    for end in range(len(letters), 1, -1):
        if is_syllable(letters[:end]):
            rest = split_syllables(letters[end:])
            if rest is not None:
                return [letters[:end], *rest]
    return None


def join_hyphenation(text: str) -> str:
    """Undo a line-end hyphen: a cut syllable is closed up, two whole syllables (Vietnamese writes compounds
    with a space) get a space, anything else (a loan word, a code) keeps its hyphen without the break."""

    def join(match: re.Match[str]) -> str:
        left, right = match.groups()
        if is_syllable(left + right) and not is_syllable(left):
            return left + right
        if is_syllable(left) and is_syllable(right):
            return f"{left} {right}"
        return f"{left}-{right}"

    return HYPHENATED.sub(join, text)


def join_broken_lines(text: str) -> str:
    """Join a line to the next when the break falls inside a sentence (the next line goes on in lower case)."""
    lines = text.split("\n")
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1] and line and _continues(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)


def _continues(previous: str, line: str) -> bool:
    if previous.endswith(SENTENCE_END) or previous.isupper() or LIST_START.match(line):
        return False
    first = line[0]
    return (first.isalpha() and first.islower()) or (first.isdigit() and bool(NUMBER_BEFORE_BREAK.search(previous)))


def drop_running_lines(pages: list[str], edge_lines: int = 5) -> list[str]:
    """Remove running headers, footers and page numbers: lines among the first or last `edge_lines` non-blank
    lines of a page that recur (digits aside) on many pages."""
    if len(pages) < 3:
        return pages

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    def edges(lines: list[str]) -> set[int]:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        return set(filled[:edge_lines] + filled[-edge_lines:])

    split = [page.split("\n") for page in pages]
    counts: Counter[str] = Counter()
    for lines in split:
        counts.update({key(lines[i]) for i in edges(lines)})
    running = {k for k, n in counts.items() if n >= max(3, len(pages) * 0.3) or PAGE_NUMBER.fullmatch(k)}
    cleaned = []
    for lines in split:
        edge = edges(lines)
        kept = "\n".join(line for i, line in enumerate(lines) if not (i in edge and key(line) in running))
        cleaned.append(re.sub(r"\n{3,}", "\n\n", kept).strip())
    return cleaned
