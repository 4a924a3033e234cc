"""Lines of a normalised text with their character offsets, and the vocabulary the structure stage reads."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from pipeline.language.labels import label, words
from pipeline.vietnamese import goes_on_with_a_syllable, splits_a_syllable


@dataclass(frozen=True)
class Line:
    """A line of the document's text: ``text == document_text[start:end]``, except in a line that
    :func:`join_split_labels` put together, whose text is read without the breaks (same length: spaces at its
    end make up for the characters taken out)."""

    index: int
    start: int
    end: int
    text: str
    stripped: str = field(init=False, repr=False, compare=False)  # the text without the spaces around it

    def __post_init__(self) -> None:
        # asked of each line by header, sections and tasks in turn (340,000 times in 100 bulk docs): made once here,
        # where a cached property's first reading (under its lock) took 1.2 % of the bulk corpus's time
        object.__setattr__(self, "stripped", self.text.strip())


def split_lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for index, line in enumerate(text.split("\n")):
        lines.append(Line(index, offset, offset + len(line), line))
        offset += len(line) + 1
    return lines


# How a line that holds only the beginning of a label joins the next line: (this line, next line, separator).
# Web pages give each HTML text node its own line (``Điều 8`` / ``.`` / ``Công bố …``, ``Đ`` / ``iều 6.``,
# ``Chương`` / ``III``, ``4.`` / ``Nợ cơ cấu lại …``, ``II.`` / ``THÔNG TIN CHUNG``, ``6`` / ``. Trụ sở …``, ``12`` /
# ``.`` / ``Quản lý …``), a document's number after its label (``Số:`` / ``70/2025/TT-NHNN``; never a clause:
# ``lưu trữ số`` / ``1. Thu nộp …``; the number's own pieces the normaliser joined: ``normalize.join_cut_numbers``)
# and a date.
_LABEL_WORDS, _ARTICLE_WORD = words(), words("dieu")  # the language layer's label grammar: English translations too
_NUMBER_LABEL = r"^(?:Số|SỐ|.{0,40}\ssố)\s*:?"
_NOT_A_LABEL = r"(?!\d{1,3}\s*[.)]|[a-zđ]\s*\)|Điều\s+\d|[“\"])"
# A date cut into pieces (``ngày`` / ``29`` / ``tháng`` / ``8`` / ``năm 202`` / ``5``): a line ending inside a date
# joins the next while it goes on with the date; digits a break split join without a space.
_DATE_WORD = r"\b(?:ngày|tháng|năm)"
_NO_LABEL = r"(?![\d.)/:,-])"  # a number that is no clause label (2.), no date in figures (01/2025), no amount
# The verbs an instruction of an amending text opens with (``Sửa đổi, bổ sung Điều 35 như sau:``).
INSTRUCTING = r"(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Thay cụm|Thay đổi|Đình chỉ|Hủy bỏ|Huỷ bỏ|Bỏ)\b"
# An instruction that web text cut before the article it names, with no stop yet (``Điều 1. Sửa đổi, bổ sung`` /
# ``Điều 7``, ``6. Sửa đổi, bổ sung một số điểm của khoản 1, khoản 8`` / ``Điều 18``, ``Sửa đổi Điều`` / ``14``).
_CUT_INSTRUCTION = rf"^(?:\d{{1,3}}\s*\.\s*|[a-zđ]\s*\)\s*|{label('dieu', None)}\s*)?{INSTRUCTING}[^.:;“”\"]*"
LABEL_PIECES: list[tuple[re.Pattern[str], re.Pattern[str], str]] = [
    (re.compile(r"^Đ$"), re.compile(r"^iều\b"), ""),
    (re.compile(rf"^{_LABEL_WORDS}$"), re.compile(r"^(?:\d{1,3}[a-z]?|[IVXLC]+)\b"), " "),
    (re.compile(rf"^{_ARTICLE_WORD} \d{{1,2}}$"), re.compile(r"^\d{1,2}$"), ""),
    (re.compile(rf"^{_LABEL_WORDS} [IVXLC]+$"), re.compile(r"^[IVXLC]+$"), ""),  # Chương I / II: Chương III
    (re.compile(rf"^{_ARTICLE_WORD} \d{{1,3}}[a-z]?$"), re.compile(r"^[.:]"), ""),
    (re.compile(r"^(?:\d{1,3}\.|[a-zđ]\))$"), re.compile(rf"^{_NOT_A_LABEL}[^\W\d_]"), " "),
    (re.compile(r"^[IVXLC]{1,6}\s*[.)]$"), re.compile(rf"^{_NOT_A_LABEL}[^\W\d_]"), " "),  # II. / THÔNG TIN CHUNG
    (re.compile(r"^\d{1,3}$"), re.compile(r"^\.\s*[^\W\d_]"), ""),  # 6 / . Trụ sở của người nộp thuế
    (re.compile(r"^\d{1,3}$"), re.compile(r"^\.$"), ""),  # 12 / . / Quản lý rủi ro …: the stop alone on its line
    (re.compile(r"^[a-zđ]$"), re.compile(r"^\)$"), ""),
    (re.compile(r"^[a-zđ]$"), re.compile(r"^\)\s*[^\W\d_]"), ""),  # c / ) Thay thế cụm từ …
    (re.compile(rf"{_NUMBER_LABEL}$"), re.compile(r"^(?!\d{1,3}\s*[.)]\s)\d"), " "),
    (re.compile(rf"{_DATE_WORD}$"), re.compile(rf"^\d{{1,2}}{_NO_LABEL}"), " "),
    (re.compile(r"\b(?:ngày|tháng)\s*\d$"), re.compile(rf"^\d{_NO_LABEL}"), ""),
    (re.compile(r"\bnăm\s*\d{1,3}$"), re.compile(rf"^\d{{1,3}}{_NO_LABEL}"), ""),
    (re.compile(r"\b(?:ngày|tháng)\s*\d{1,2}$"), re.compile(r"^(?:tháng|năm)\b"), " "),
]
# Whether two lines can be a label's pieces, tested once for all the pieces before any is tried: a line that holds a
# label's beginning anchored at its start (nearly all are: ``4.``, ``Điều 8``, ``Số:``) is one short line, and the line
# after one of the others (a date's word at the end of a line) begins with digits, ``tháng`` or ``năm``. Most lines
# are prose that starts with a letter, which the pieces after ``4.`` or ``II.`` let through: tried on each piece, they
# were a third of the structure's time outside tasks.
BEGINS_A_LABEL = re.compile("|".join(f"(?:{this.pattern})" for this, _, _ in LABEL_PIECES if this.pattern.startswith("^")))
COMPLETES_A_LABEL = re.compile(
    "|".join(f"(?:{after.pattern})" for this, after, _ in LABEL_PIECES if not this.pattern.startswith("^"))
)
# How an amending instruction cut before the article it names joins the line that names it (as LABEL_PIECES): unless
# that line is an article's own label, whose stop the line after it holds (``3. Bãi bỏ Quyết định số 12/2020/QĐ-UBND``
# / ``Điều 3`` / ``.`` / ``Tổ chức thực hiện``).
NAMED_ARTICLE_PIECES: list[tuple[re.Pattern[str], re.Pattern[str], str]] = [
    (re.compile(rf"{_CUT_INSTRUCTION}$"), re.compile(rf"^{_ARTICLE_WORD}\s+\d{{1,3}}[a-z]?$"), " "),
    (re.compile(rf"{_CUT_INSTRUCTION}\s{_ARTICLE_WORD}$"), re.compile(r"^\d{1,3}[a-z]?$"), " "),
    (re.compile(rf"{_CUT_INSTRUCTION}\s{_ARTICLE_WORD} \d{{1,2}}$"), re.compile(r"^\d{1,2}$"), ""),  # Điều 4 / 8
]
# A line break at a label's edge cuts no syllable: after a whole label (``Chương V`` / ``ƯU ĐÃI …`` is no ``VƯU``) or
# before one (``… obligations: l`` / ``a) To establish …`` is no ``la``).
WHOLE_LABEL = re.compile(rf"^{_LABEL_WORDS}\s+(?:\d{{1,3}}[a-z]?|[IVXLC]+)$")
OPENS_A_LABEL = re.compile(rf"^(?:[a-zđ]\s*\)|{_LABEL_WORDS}\s+(?:\d|[IVXLC]+\b))")
NAMES_AN_ARTICLE = re.compile("|".join(f"(?:{after.pattern})" for _, after, _ in NAMED_ARTICLE_PIECES))
_NAMED_LAST = re.compile(rf"\s{_ARTICLE_WORD}\s+\d{{1,3}}[a-z]?$")  # an instruction that ends on the article it names
PLACEHOLDER = re.compile(r"\.{4,}|…{2,}")  # what a form leaves to be filled in
CITED_PART_END = re.compile(r"\b(?:khoản|điểm)\s+\w{1,4}$", re.IGNORECASE)  # ``… khoản 1`` / ``Điều 12a …``
ORNAMENT = "-–—_=*~|•· "  # what a line may hold besides its words: a rule's strokes, bullets, a table's bars, spaces


def is_rule(text: str) -> bool:
    """A line drawn under a header's authority or title, or a form's, or between blocks (``-------``, ``______``,
    ``- - -``): three characters or more, all ornament. Normalisation joins no line across it; the header ends a
    title at it; the sections read no dash item in it."""
    return len(text) >= 3 and not text.strip(ORNAMENT)

SPLIT_LABEL_WORD = re.compile(r"^(\s*)Đ\s+(iều\b)")  # ``Đ iều 7.``: the pieces of a word a line break split


def join_split_labels(lines: list[Line]) -> list[Line]:
    """The lines as read: a line holding only the beginning of a label (:data:`LABEL_PIECES`) joined with the
    lines that complete it, and renumbered. Written once, for header, sections and tasks alike."""
    joined: list[Line] = []
    position = 0
    while position < len(lines):
        first = lines[position]
        text, last, in_syllable = first.stripped, position, False
        while last + 1 < len(lines):
            following = lines[last + 1].stripped
            separator = next(  # the next line first: its test is anchored at its start, this line's is not
                (sep for this, after, sep in LABEL_PIECES if after.match(following) and this.search(text)), None
            ) if BEGINS_A_LABEL.match(text) or COMPLETES_A_LABEL.match(following) else None
            if separator is None and NAMES_AN_ARTICLE.match(following):
                separator = _names_the_article(text, following, [line.stripped for line in lines[last + 2 : last + 4]])
            went_on = in_syllable and goes_on_with_a_syllable(text, lines[last + 1].text)
            at_a_label = bool(WHOLE_LABEL.match(text) or OPENS_A_LABEL.match(following))
            in_syllable = separator is None and not at_a_label and (splits_a_syllable(text, following) or went_on)
            if in_syllable:
                separator = ""
            if separator is None:
                break
            text, last = text + separator + following, last + 1
        if last > position:
            text = first.text[: len(first.text) - len(first.text.lstrip())] + text
        else:
            text = first.text
        if SPLIT_LABEL_WORD.match(text):  # (a substitution's template, read on each call, cost more than the test)
            text = SPLIT_LABEL_WORD.sub(r"\1Đ\2", text)
        end = lines[last].end
        joined.append(Line(len(joined), first.start, end, text.ljust(end - first.start)))
        position = last + 1
    return joined


def _names_the_article(text: str, following: str, after: list[str]) -> str | None:
    """The separator with which an instruction cut before its article (`text`) joins the line naming it
    (`following`), if it does: see :data:`NAMED_ARTICLE_PIECES`; `after`: the next lines. A bare ``Điều N`` is none
    when the instruction names its article already, or when its stop follows, maybe after the rest of its number
    (``Điều 1`` / ``0`` / ``.``)."""
    if following[:1].isalpha() and _NAMED_LAST.search(text):
        return None
    rest = after[1:] if after and after[0].isdigit() and following[:1].isalpha() else after
    if rest and rest[0].startswith((".", ":")):
        return None
    return next((sep for this, names, sep in NAMED_ARTICLE_PIECES if names.match(following) and this.search(text)), None)


@cache
def vocabulary() -> dict[str, Any]:
    """structure.toml, as read."""
    return tomllib.loads(resources.files("pipeline.data").joinpath("structure.toml").read_text("utf-8"))


def is_a_lone_word(text: str) -> bool:
    """A line of one word, which goes on with the name or title above it: web text that gives each word its own line
    (``BỘ`` / ``TÀI`` / ``CHÍNH`` in an issuer block, ``KT.`` / ``BỘ`` / ``TRƯỞNG`` in a signature)."""
    words = text.split()
    return len(words) == 1 and any(char.isalpha() for char in words[0])


def title_goes_on(text: str) -> bool:
    """Does a title line end on a word no title ends with (``… thuộc thẩm quyền của``), or on a clause or point a
    citation names (``… CÁC ĐIỂM đ, h, i, k KHOẢN 1`` / ``ĐIỀU 12a NGHỊ ĐỊNH …``: of the 18 bulk lines that end so
    before a line opening with ``Điều``, none is followed by an article's heading): the next line goes on with it,
    whatever it begins with (a document title's, an article's: ``… một số điều của`` / ``Thông tư liên tịch số …``)?"""
    text = text.rstrip()
    return text.lower().endswith(tuple(f" {word}" for word in vocabulary()["title_goes_on"])) or bool(
        CITED_PART_END.search(text)
    )


def fold_chars(text: str) -> str:
    """Lower case without diacritics, one character for one (so offsets in the result are offsets in `text`)."""
    return text.translate(_FOLDED)


class _FoldTable(dict[int, str]):
    """A `str.translate` table that folds each character the first time it is seen (a Python call a character
    was a twentieth of the bulk corpus's time)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐ":
            folded = "d"
        else:
            folded = unicodedata.normalize("NFD", char)[0].lower() if char.isalpha() else char.lower()
        self[code] = folded
        return folded


_FOLDED = _FoldTable()


PHRASE_SEPARATORS = "-–—.,:;=~_"  # what may stand between the words of a phrase found by folded_pattern


def folded_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern that finds `phrase` in folded text, whatever its marks, spacing and hyphens (OCR-tolerant)."""
    words = re.findall(r"\w+", fold_chars(phrase))
    return re.compile(r"\b" + rf"[\s{re.escape(PHRASE_SEPARATORS)}]*".join(re.escape(w) for w in words) + r"\b")
