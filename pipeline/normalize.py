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

MARKDOWN_EMPHASIS = re.compile(r"\*\*|__|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)")
MARKDOWN_ESCAPE = re.compile(r"\\([.\-*_#()\[\]+])")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_BULLET = re.compile(r"^\*\s+")
CHUNK_LABEL = re.compile(r"[\w.\-]*_[\w.\-]*")  # a third party's label such as 2638_2019_CV_LĐTBXH_KHTC_preamble
TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")
TRAILING_PUNCTUATION = ",.;:)"
DECORATIVE_RULE = re.compile(r"\s*-{3,}\s*")
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
    text = "\n".join(line for raw in text.split("\n") for line in strip_markdown(" ".join(raw.split())))
    text = join_letter_spacing(text)
    for pattern, replacement in SYMBOL_SPACING:
        text = pattern.sub(replacement, text)
    text = join_hyphenation(text)
    text = join_broken_lines(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def strip_markdown(line: str) -> list[str]:
    """A third party's Markdown transcription back to plain lines: no emphasis, heading marks, escapes or
    chunk labels; a two-cell layout row (header, signature) becomes one line per cell, a wider table row one
    line with its cells separated by `` | ``."""
    line = MARKDOWN_EMPHASIS.sub("", MARKDOWN_ESCAPE.sub(r"\1", line))
    line = MARKDOWN_HEADING.sub("", MARKDOWN_BULLET.sub("- ", line)).strip()
    if CHUNK_LABEL.fullmatch(line) or TABLE_RULE.fullmatch(line) or line == "|":
        return []
    if line.startswith("|"):
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) <= 2:
            return [part.strip() for cell in cells for part in DECORATIVE_RULE.split(cell) if part.strip()]
        return [" | ".join(cells)]
    return [line]


def join_letter_spacing(text: str) -> str:
    """``B Ộ LAO ĐỘNG`` → ``BỘ LAO ĐỘNG``, ``T hủ tướ ng`` → ``Thủ tướng``: fragments of a syllable that PDF
    conversion spaced apart are joined to the following ones until they spell a syllable."""
    return "\n".join(_join_fragments(line) for line in text.split("\n"))


def _is_fragment(token: str) -> bool:
    """A letter-only token that is not a syllable and not an abbreviation (UBND, TP stay as they are)."""
    token = token.rstrip(TRAILING_PUNCTUATION)
    if not token.isalpha() or is_syllable(token):
        return False
    return len(token) == 1 or not token.isupper()


def _join_fragments(line: str) -> str:
    tokens = line.split(" ")
    if not any(t.isalpha() and len(t) <= 3 and not is_syllable(t) for t in tokens) and not any(
        _is_fragment(t) for t in tokens
    ):
        return line
    joined: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        end = _syllable_end(tokens, i) if _is_fragment(token) else None
        if end:
            joined.append("".join(tokens[i:end]))
        elif joined and _closes_syllable(joined[-1], token):
            joined[-1] += token  # TỊ CH → TỊCH: a fragment that can only end the syllable before it
        else:
            joined.append(token)
        i = end or i + 1
    return " ".join(joined)


def _closes_syllable(word: str, piece: str) -> bool:
    """Is `piece` a stray end of the syllable `word` (``TỊ`` ``CH``)? Only consonant pieces that are no syllable."""
    core = piece.rstrip(TRAILING_PUNCTUATION)
    if not core.isalpha() or is_syllable(core) or not word.isalpha() or len(core) > 2:
        return False
    case_fits = word.isupper() == core.isupper() or not core[0].isupper()
    return case_fits and is_syllable(word + core)


def _continues_syllable(word: str, piece: str) -> bool:
    """Can `piece` be the rest of a spaced-out syllable begun by `word`? A fragment or a vowel-initial piece can,
    if the case fits (``Bộ`` is not continued by ``T``)."""
    if not piece or (piece[0].isupper() and not word.isupper()):
        return False
    vowel_initial = unicodedata.normalize("NFD", piece[0].lower())[0] in "aeiouy"
    return _is_fragment(piece) or vowel_initial


def _syllable_end(tokens: list[str], start: int, max_pieces: int = 5) -> int | None:
    """End (exclusive) of the shortest run of tokens from `start` that spells a syllable, extended while the
    next fragments still make one; None when there is no such run. Punctuation may only close the run."""
    for end in range(start + 1, min(len(tokens), start + max_pieces) + 1):
        word = "".join(tokens[start:end])
        core = word.rstrip(TRAILING_PUNCTUATION)
        if not core.isalpha():
            return None
        if is_syllable(core):
            while core == word and end < len(tokens) and _continues_syllable(word, tokens[end]):
                longer = word + tokens[end]
                if not is_syllable(longer.rstrip(TRAILING_PUNCTUATION)):
                    break
                word, core, end = longer, longer.rstrip(TRAILING_PUNCTUATION), end + 1
            return end
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
