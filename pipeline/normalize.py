"""Normalize: one clean NFC text per document, with page boundaries kept as character offsets.

Each step is a small function of a page's text; :func:`normalize` runs them in order and joins the pages.
Character offsets of every later stage index the text made here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

from pipeline.language.dates import EXACT_DATE
from pipeline.language.name_breaks import breaks_a_name
from pipeline.model import Document, RawDocument
from pipeline.structure.lines import is_rule, vocabulary
from pipeline.vietnamese import (
    goes_on_with_a_syllable, has_diacritic, is_capitals, is_syllable, longest_syllable, splits_a_syllable,
)

PAGE_SEPARATOR = "\n\n"

# Characters that look like others: no-break and odd spaces, invisible marks, the Icelandic eth OCR gives for Đ.
# Replaced one by one (str.replace is a scan in C; str.translate with a dict is a Python lookup per character).
LOOKALIKES = (
    ("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\u2009", " "), ("\u200a", " "), ("\u3000", " "), ("\t", " "),
    ("\u200b", ""), ("\u200c", ""), ("\u200d", ""), ("\u2060", ""), ("\ufeff", ""), ("\u00ad", ""),
    ("\u00d0", "\u0110"), ("\u00f0", "\u0111"), ("\r", "\n"), ("\v", "\n"), ("\f", "\n"),
)  # fmt: skip
# Cyrillic letters drawn like Latin ones, typed into a document's number-symbol (``152/2025/TT-BTС`` with a Cyrillic
# Es: 5 bulk texts, 13 letters; 4 readable texts print their own number so): read as the Latin letter in a symbol (a
# word with a slash or a hyphen) that holds no other Cyrillic letter. A name keeps its letters as printed.
CYRILLIC_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CYRILLIC_WORD = re.compile(r"[^\s/-]*[\u0400-\u04ff][^\s/-]*")
LATIN_LOOKING = frozenset("АВЕКМНОРСТХаеорсух")

# ``**``, ``__`` and ``*`` around words; a run of three underscores or more is no emphasis but a rule under a header's
# authority or closing block (``________``: 131 bulk texts) or a blank to fill in (``Họ và tên: ______``)
MARKDOWN_EMPHASIS = re.compile(r"\*\*|(?<!_)__(?!_)|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)")
MARKDOWN_ESCAPE = re.compile(r"\\([.\-*_#()\[\]+])")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_BULLET = re.compile(r"^\*\s+")
# a third party's label such as 2638_2019_CV_LĐTBXH_KHTC_preamble (a rule of underscores alone is none)
CHUNK_LABEL = re.compile(r"(?=[\w.\-]*[^\W_])[\w.\-]*_[\w.\-]*")
TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")
TRAILING_PUNCTUATION = ",.;:)"
DECORATIVE_RULE = re.compile(r"\s*-{3,}\s*")
SYMBOL_SPACING = (
    (re.compile(r"(\d) ?- ?(?=[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ])"), r"\1-"),  # 12 - CT/TW → 12-CT/TW
    (re.compile(r"(/[A-ZĐ][A-Za-zĐđ&]{0,9}) ?- ?(?=[A-ZĐ])"), r"\1-"),  # 1351/QĐ - UBND → 1351/QĐ-UBND
)
PAGE_NUMBER = re.compile(r"(?:Trang )?[-–]? ?# ?[-–]?(?:/#)?")
HYPHENATED = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-\n([^\W\d_]+)(?=([^\n]*))")  # from a word's start: one try a word
SENTENCE_END = tuple(".:;!?")
CLOSING_PUNCTUATION = (",", ";")  # marks no line begins with: one that does was cut from the line above
TABLE_CELL = " | "  # how a Markdown table row reads once its cells are joined on one line
NUMBER_BEFORE_BREAK = re.compile(r"\b(?:năm|số|ngày|tháng|Số)$")
BLOCK_START = re.compile(
    r"^(?:Kính gửi|Nơi nhận|Căn cứ|Thực hiện|Theo đề nghị|Xét|Ngày \d|Điều \d|Chương [IVXLC\d]|Mục \d|PHỤ LỤC|Phụ lục|"
    r"T/M|TM\.|KT\.|TL\.|Q\.|Số\b|V/v)"
)
PLACE_DATE_LINE = re.compile(rf",\s*{EXACT_DATE}\s*$", re.IGNORECASE)
LIST_START = re.compile(r"^(?:[-+*•]|\d+[.)]|[a-zđ]\)|[IVXLC]+[.\-–])")
# A line that ends like this is cut inside a phrase (… Thủ trưởng cơ quan thuộc | Chính phủ): no heading ends so.
OPEN_END = re.compile(r"(?:,|\s(?:của|và|thuộc|các|với|cho|về|trong|tại|theo|những|là|được|để|hoặc|hay))$")
# A number-symbol web text cut over lines (one HTML text node a line): ``số 78/`` / ``2025/`` / ``NĐ-CP ngày …``,
# ``số 26`` / ``/2025/NĐ-CP``, ``số 01/2001/`` / ``TTLT/`` / ``BNG-TCBĐ của …``, ``Số: 2`` / ``95`` / ``/2025/NĐ-CP``,
# ``/202`` / ``5`` / ``/QH1`` / ``5``. Its pieces join without a space: a line that ends inside the number (on a digit
# after ``số`` or a slash, or digits alone, or on a slash or hyphen after its digits) and one that goes on with it (a slash or hyphen
# and capitals or digits; capitals or digits after a slash; the rest of a number its next line goes on from with a
# slash; the last figure of a National Assembly's ``QH1x``; the symbol's last capitals: ``/TT-BNNM`` / ``T``).
NUMBER_ENDS_IN_DIGITS = re.compile(r"(?:^|(?<!\w)(?:số|Số|SỐ)\s*:?\s*|/)\d{1,5}$")
NUMBER_ENDS_IN_MARK = re.compile(r"(?<![\w/-])\d{1,5}(?:/\d{4})?(?:/[A-ZĐ][A-ZĐ\d&]*)*(?:-[A-ZĐ][A-ZĐ\d&]*)*[/-]$")
_SYMBOL_PIECE = r"[A-ZĐ\d][A-ZĐ\d&]*(?:[/-][A-ZĐ\d][A-ZĐ\d&]*)*[/-]?(?=$|[\s,;:)])"
GOES_ON_AFTER_DIGITS = re.compile(rf"^(?:/|-(?=[A-ZĐ])){_SYMBOL_PIECE}")  # not 0 / -136 dB: a table's figures
GOES_ON_AFTER_MARK = re.compile(rf"^(?![IVXLC]+[.)])(?:{_SYMBOL_PIECE}|\d{{1,5}}$)")
REST_OF_DIGITS = re.compile(r"^\d{1,4}(?:$|/(?=[\dA-ZĐ]))")  # /202 / 5/NĐ-CP, số 1 / 0 / /2018/TTLT
SYMBOL_ENDS_IN_CAPITALS = re.compile(r"(?<![\w/])\d{1,5}/\d{4}/[A-ZĐ]+-[A-ZĐ]+$")  # 90/2025/TT-BNNM / T
LAST_CAPITALS = re.compile(r"^[A-ZĐ]{1,2}$")
LAST_FIGURE = re.compile(r"(?<=/)(?:[A-ZĐ]+-)?(?:UBTV)?QH1$")  # QH1 / 5: the National Assembly's term, 11-15


def normalize(raw: RawDocument) -> Document:
    """Normalise every page and join them; running headers and footers repeated across pages are dropped."""
    pages = drop_running_lines([repair_page(p.text) for p in raw.pages])
    wrapped = is_wrapped("\n".join(pages))
    pages = [reflow_page(page, wrapped) for page in pages]
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
    """All repairs of a page that stands alone, in order."""
    text = repair_page(text)
    return reflow_page(text, is_wrapped(text))


def repair_page(text: str) -> str:
    """Character and word repairs: NFC, odd spaces, Cyrillic lookalikes, Markdown, letter-spacing, spaced symbols."""
    text = unicodedata.normalize("NFC", text)
    for lookalike, replacement in LOOKALIKES:
        if lookalike in text:
            text = text.replace(lookalike, replacement)
    if CYRILLIC.search(text):
        text = CYRILLIC_WORD.sub(_latin_lookalikes, text)
    text = "\n".join(line for raw in text.split("\n") for line in strip_markdown(" ".join(raw.split())))
    text = join_letter_spacing(text)
    for pattern, replacement in SYMBOL_SPACING:
        text = pattern.sub(replacement, text)
    return text


def _latin_lookalikes(word: re.Match[str]) -> str:
    """A symbol's part with Cyrillic letters, read in Latin when all of them are drawn like Latin ones."""
    text, start, end = word.string, word.start(), word.end()
    in_symbol = text[start - 1 : start] in ("/", "-") or text[end : end + 1] in ("/", "-")
    cyrillic = set(CYRILLIC.findall(word.group()))
    return word.group().translate(CYRILLIC_LOOKALIKES) if in_symbol and cyrillic <= LATIN_LOOKING else word.group()


def reflow_page(text: str, wrapped: bool) -> str:
    """Line repairs: syllables cut around a lone vowel, hyphens at line ends, sentences broken across lines, and in
    `wrapped` text (lines cut at the page width, as OCR and PDF extraction give them) whole paragraphs put back on
    one line."""
    text = join_lone_vowels(text)
    text = join_hyphenation(text)
    text = join_cut_numbers(text)
    text = join_broken_lines(text, wrapped)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def is_wrapped(text: str) -> bool:
    """Are the lines cut at a fixed width (OCR, PDF text) rather than one paragraph a line? Many long lines
    that end without punctuation tell; a table row is one line whatever its last cell ends with, and tells nothing."""
    long_lines = [line for line in text.split("\n") if len(line) >= 40 and TABLE_CELL not in line]
    if len(long_lines) < 5:
        return False
    open_ended = sum(not line.rstrip().endswith(SENTENCE_END + (",", ")")) for line in long_lines)
    return open_ended / len(long_lines) > 0.4


def strip_markdown(line: str) -> list[str]:
    """A third party's Markdown transcription back to plain lines: no emphasis, heading marks, escapes or
    chunk labels; a two-cell layout row (header, signature) becomes one line per cell, a wider table row one
    line with its cells separated by `` | ``."""
    if "\\" in line:
        line = MARKDOWN_ESCAPE.sub(r"\1", line)
    if "*" in line or "__" in line:
        line = MARKDOWN_BULLET.sub("- ", MARKDOWN_EMPHASIS.sub("", line))
    if line.startswith("#"):
        line = MARKDOWN_HEADING.sub("", line)
    line = line.strip()
    if CHUNK_LABEL.fullmatch(line) or TABLE_RULE.fullmatch(line) or line == "|":
        return []
    if line.startswith("|"):
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) <= 2:
            return [part.strip() for cell in cells for part in DECORATIVE_RULE.split(cell) if part.strip()]
        return [TABLE_CELL.join(cells)]
    return [line]


def join_letter_spacing(text: str) -> str:
    """``B Ộ LAO ĐỘNG`` → ``BỘ LAO ĐỘNG``, ``T hủ tướ ng`` → ``Thủ tướng``: fragments of a syllable that PDF
    conversion spaced apart are joined to the following ones until they spell a syllable. A line's last
    fragment that the next line completes (``Nơi nh`` / ``ận:``) is left for the lines to join."""
    lines = text.split("\n")
    return "\n".join(
        line if _plain(line) else _join_fragments(line, keep_last=splits_a_syllable(line, following))
        for line, following in zip(lines, [*lines[1:], ""], strict=True)
    )


# Tokens that can be no piece of a spaced-out syllable (:func:`_may_be_spaced` is false of them): a line made of them
# only is left as it is by one set test in C, not a cached call per token (most lines; they were 4 % of a bulk
# text's CPU). Emptied when it grows past the bound, so a batch's memory stays flat.
_PLAIN_TOKENS: set[str] = set()
_PLAIN_TOKENS_BOUND = 50_000  # about 6 MiB; the 767 bulk texts hold 42,339 such tokens


def _plain(line: str) -> bool:
    """Whether no token of `line` may be a piece of a spaced-out syllable: :func:`_join_fragments` leaves it as it
    is, whatever follows it (so the next line is not asked whether it completes this one's last syllable)."""
    tokens = line.split(" ")
    if _PLAIN_TOKENS.issuperset(tokens):
        return True
    if any(map(_may_be_spaced, tokens)):
        return False
    if len(_PLAIN_TOKENS) > _PLAIN_TOKENS_BOUND:
        _PLAIN_TOKENS.clear()
    _PLAIN_TOKENS.update(tokens)
    return True


@lru_cache(maxsize=100_000)
def _is_fragment(token: str) -> bool:
    """A letter-only token that is not a syllable and not an abbreviation (UBND, TP stay as they are)."""
    token = token.rstrip(TRAILING_PUNCTUATION)
    if not token.isalpha() or is_syllable(token):
        return False
    return len(token) == 1 or not token.isupper()


@lru_cache(maxsize=100_000)
def _may_be_spaced(token: str) -> bool:
    """Can `token` be a piece of a spaced-out syllable: a fragment, or a short letter run that is no syllable?
    A line without one is left as it is (most lines: the test is cached per token)."""
    return (token.isalpha() and len(token) <= 3 and not is_syllable(token)) or _is_fragment(token)


def _join_fragments(line: str, keep_last: bool = False) -> str:
    tokens = line.split(" ")
    if not any(map(_may_be_spaced, tokens)):
        return line
    if keep_last:
        return f"{_join_fragments(' '.join(tokens[:-1]))} {tokens[-1]}".lstrip()
    joined: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _may_join(token):  # most tokens of such a line: neither begins a run nor closes a syllable
            joined.append(token)
            i += 1
            continue
        # a fragment that ends in punctuation (b), c,) begins no run: punctuation may only close one
        end = _syllable_end(tokens, i) if _is_fragment(token) and token[-1] not in TRAILING_PUNCTUATION else None
        if end:
            joined.append("".join(tokens[i:end]))
        elif joined and _closes_syllable(joined[-1], token):
            joined[-1] += token  # TỊ CH → TỊCH: a fragment that can only end the syllable before it
        else:
            joined.append(token)
        i = end or i + 1
    return " ".join(joined)


@lru_cache(maxsize=100_000)
def _may_join(token: str) -> bool:
    """Whether `token` may begin a run of fragments (:func:`_syllable_end` is asked of it) or end the syllable before
    it (:func:`_closes_syllable`): a token that can do neither is kept as it is by :func:`_join_fragments`, at the
    cost of one cached test (every token of a line that may be spaced out is asked)."""
    return (_is_fragment(token) and token[-1] not in TRAILING_PUNCTUATION) or _may_close(token)


@lru_cache(maxsize=100_000)
def _may_close(piece: str) -> bool:
    """Can `piece` end a syllable before it: one or two letters that are no syllable (asked of every token of a
    line that may be spaced out, so cached)?"""
    core = piece.rstrip(TRAILING_PUNCTUATION)
    return len(core) <= 2 and core.isalpha() and not is_syllable(core)


def _closes_syllable(word: str, piece: str) -> bool:
    """Is `piece` a stray end of the syllable `word` (``TỊ`` ``CH``)? Only consonant pieces that are no syllable."""
    if not _may_close(piece) or not word.isalpha():
        return False
    core = piece.rstrip(TRAILING_PUNCTUATION)
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
        if not core.isalpha() or len(core) > longest_syllable():
            return None  # no longer run spells a syllable either (English text: many runs of words that are none)
        if is_syllable(core):
            while core == word and end < len(tokens) and _continues_syllable(word, tokens[end]):
                single = len(tokens[end]) == 1 and end + 1 < len(tokens)
                if single and is_syllable(tokens[end] + tokens[end + 1]):
                    break  # CHÍ M INH: a lone consonant begins the next syllable rather than ending this one
                longer = word + tokens[end]
                if not is_syllable(longer.rstrip(TRAILING_PUNCTUATION)):
                    break
                word, core, end = longer, longer.rstrip(TRAILING_PUNCTUATION), end + 1
            return end
    return None


# Web text gives a marked vowel a line of its own inside a word (``CHÍNH PH`` / ``Ủ``, ``Tr`` / ``ầ`` / ``n Thanh``,
# ``phát tri`` / ``ể`` / ``n``): a line of one letter between the letters before and after it.
# (The break first, the letter before it looked behind from there: a pattern that opens with a character is sought by
# that character, where one that opens looking behind is tried at each position of the text.)
LONE_LETTER = re.compile(r"\n(?<=[^\W\d_]\n)([^\W\d_])\n(?=([^\W\d_]*))")
_WORD_END = re.compile(r"[^\W\d_]+$")


def join_lone_vowels(text: str) -> str:
    """Close up a syllable a web page cut around a lone letter: with the letters on both sides when the three make
    a syllable (``Tr`` / ``ầ`` / ``n`` → ``Trần``), else with the letters before it when those are no syllable and
    the two make one (``Căn c`` / ``ứ`` → ``Căn cứ``). A letter that is a word (``ở``, ``ý``) keeps its breaks."""

    def join(match: re.Match[str]) -> str:
        letter, after = match[1], match[2]
        if not has_diacritic(letter):
            return match[0]  # an unmarked letter is as often a formula's subscript (V / i)
        before = _WORD_END.search(text, max(0, match.start() - 8), match.start())
        if before is None or before.end() != match.start():
            return match[0]
        word = before[0]
        if after and (after.islower() or letter.isupper()) and is_syllable(word + letter + after):  # vị / T / ổng
            return letter
        if not is_syllable(word) and is_syllable(word + letter):
            return letter + "\n"
        return match[0]

    return LONE_LETTER.sub(join, text) if "\n" in text else text


def join_hyphenation(text: str) -> str:
    """Undo a line-end hyphen: a cut syllable is closed up, two whole syllables (Vietnamese writes compounds
    with a space) get a space, anything else (a loan word, a code) keeps its hyphen without the break. A property
    sheet's label is no word's end: the value above it (``10/VBHN-`` / ``Loại văn bản``) keeps its line."""

    def join(match: re.Match[str]) -> str:
        left, right, rest = match.groups()
        if right + rest in _sheet_labels():
            return match[0]
        if is_syllable(left + right) and not is_syllable(left):
            return left + right
        if is_syllable(left) and is_syllable(right):
            return f"{left} {right}"
        return f"{left}-{right}"

    return HYPHENATED.sub(join, text) if "-\n" in text else text


def join_cut_numbers(text: str) -> str:
    """Put back on one line a number-symbol cut over lines (:data:`NUMBER_ENDS_IN_DIGITS` …): written once here, so
    header, sections, tasks and citations all read ``78/2025/NĐ-CP`` whole."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    joined: list[str] = []
    for position, line in enumerate(lines):
        following = lines[position + 1].lstrip() if position + 1 < len(lines) else ""
        if joined and _cuts_a_number(joined[-1].rstrip(), line.strip(), following):
            joined[-1] = joined[-1].rstrip() + line.strip()
        else:
            joined.append(line)
    return "\n".join(joined)


def _cuts_a_number(above: str, line: str, following: str) -> bool:
    """Does the break between `above` and `line` fall inside a number-symbol (`following`: the line after `line`)?"""
    if not line or not (above[-1:].isalnum() or above[-1:] in "/-") or not (line[:1].isalnum() or line[:1] in "/-"):
        return False
    if digits := NUMBER_ENDS_IN_DIGITS.search(above):
        if GOES_ON_AFTER_DIGITS.match(line) or (line == "/" and following[:1].isalnum()):
            return True
        rest_follows = bool(REST_OF_DIGITS.match(line)) and (not line.isdigit() or following.startswith("/"))
        if rest_follows and not re.search(r"\d+$", digits.group()).group().startswith("0"):  # Mẫu số 06 / 58 / /2025/…: two numbers
            return True
    if NUMBER_ENDS_IN_MARK.search(above) and GOES_ON_AFTER_MARK.match(line):
        return True
    if SYMBOL_ENDS_IN_CAPITALS.search(above) and LAST_CAPITALS.match(line):
        return True
    return line.isdigit() and len(line) == 1 and bool(LAST_FIGURE.search(above))


def join_broken_lines(text: str, wrapped: bool = False) -> str:
    """Join a line to the next when the break falls inside a sentence: the next line goes on in lower case or with
    the rest of a body's name the line began (``… trình Ban`` / ``Thường vụ Huyện ủy …``), or, in wrapped text, the
    line runs to the full width and the next one starts no new block."""
    lines = text.split("\n")
    width = sorted(len(line) for line in lines)[int(len(lines) * 0.9)] if lines else 0
    joined: list[str] = []
    last_raw = ""
    for line in lines:
        if joined and joined[-1] and line and _continues(last_raw, line, width if wrapped else None, joined[-1]):
            closed_up = line.startswith(CLOSING_PUNCTUATION) or splits_a_syllable(last_raw, line) or _ends_a_word(last_raw, line)
            joined[-1] += ("" if closed_up else " ") + line  # Căn c / ứ: Căn cứ; Văn hóa / , Thể thao; phú / c
        else:
            joined.append(line)
        last_raw = line
    return "\n".join(joined)


def _ends_a_word(previous: str, line: str) -> bool:
    """Does `line` open with the last letters of the word `previous` ends with (``Hạnh phú`` / ``c``): a piece that is
    no syllable, with which that word makes one?"""
    piece = line.split(" ", 1)[0].rstrip(TRAILING_PUNCTUATION)
    return piece.isalpha() and not is_syllable(piece) and goes_on_with_a_syllable(previous, piece)


def _continues(previous: str, line: str, width: int | None, above: str) -> bool:
    """Does `line` continue the sentence of `previous` (the line above it as printed; `above`: as joined so far)? A
    table row never does, nor is one continued: each row of a Markdown table is one line, whatever its last cell ends
    with."""
    if TABLE_CELL in previous or TABLE_CELL in line or is_rule(previous) or is_rule(line):
        return False  # a rule (``______``) delimits a block: the lines on either side of it stay apart
    if line.startswith(CLOSING_PUNCTUATION) and not previous.endswith(SENTENCE_END + CLOSING_PUNCTUATION):
        return True  # a comma or semicolon web text gave a line of its own ends the phrase above it
    if previous.endswith(SENTENCE_END) or is_capitals(previous) or LIST_START.match(line) or is_capitals(line):
        return False
    first = line[0]
    if (first.isalpha() and first.islower()) or (first.isdigit() and bool(NUMBER_BEFORE_BREAK.search(previous))):
        return True
    if breaks_a_name(above, line):
        return True  # … trình Ban / Thường vụ Huyện ủy …: a capital inside a body's name opens no new line
    return (
        width is not None
        and (not LIST_START.match(previous) or bool(OPEN_END.search(previous)))  # a numbered heading may run to
        # the full width too, but it does not end inside a phrase
        and len(previous) >= 0.7 * width
        and not BLOCK_START.match(line)
        and not PLACE_DATE_LINE.search(previous)
        and line not in _sheet_labels()
    )


@cache
def _sheet_labels() -> frozenset[str]:
    """The labels of a legal database's property sheet (``Cơ quan ban hành``, ``Chức danh`` …): a line that is one
    starts a field of its own, however wide the value above it."""
    words = vocabulary()
    return frozenset(words["property_sheet"]) | frozenset(words["property_sheet_more"]["labels"])



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
