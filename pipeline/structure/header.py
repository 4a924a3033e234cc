"""The header of a document: issuer block, number and symbol, place and date, type and title (trích yếu), and the
stamps a scan carries (incoming-document stamp, SAO Y copies).

Text rules, since the two header columns arrive interleaved or one after the other depending on the source:
national lines are cut out wherever they stand, and each remaining line is classified by what it holds.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from pipeline.document_types import document_types, symbol_types
from pipeline.language.dates import EXACT_DATE, iso_date, parse_date
from pipeline.structure.place_date import mended_date, spelt_as_place
from pipeline.structure.lines import (
    PHRASE_SEPARATORS,
    Line,
    fold_chars,
    folded_pattern,
    vocabulary,
)
from pipeline.vietnamese import is_capitals

NAME_GOES_ON = re.compile(r"(?:\sVÀ|,|\s-)$")  # an issuer line that breaks its name after a connective
HEADER_LINES = 60  # the header is looked for in the first lines of the text only
NATIONAL_PIECES = 6  # the most lines a national line is found cut into
NUMBER_LINE = re.compile(
    r"(?:(?:^|[\s|])(?<!ĐẾN )(?:S[ốô]|SỐ)\s*[:.]?|^[^\W\d_][^\d:]{0,20}\ssố\s*:)\s*(?P<rest>\d.*|$)"
)
NUMBER_SYMBOL = re.compile(
    r"(?P<number>\d+(?:\.\d+)*)\s*\.?\s*(?:/\s*(?P<year>(?:19|20)\d\d)\s*)?(?P<sep>[/-])\s*"
    r"(?P<symbol>(?:[^\W\d_]|§)[\w&.§-]*(?:\s*[/-]\s*[\w&.§]+)*)"
)
WRITTEN = r"(?=ngày\s*\d(?:\s?\d)?\s*tháng)"  # a date in words: ngày 15 tháng 12 năm 2025, ngày 0 5 tháng 0 6 …
PLACE_DATE = re.compile(
    rf"(?P<place>(?:[^\W\d_][\w.]*\s+){{0,5}}?[^\W\d_][\w.]*)\s*,\s*(?P<date>{WRITTEN}{EXACT_DATE})"
)  # Hà Nội, ngày 15 tháng 12 năm 2025 (and the spellings of the one date grammar: tháng 0 6, 15/12/2025)
DATE_LINE = re.compile(rf"^(?P<date>{WRITTEN}{EXACT_DATE})[\s.]*$", re.IGNORECASE)  # a date line without a place
INCOMING = re.compile(r"\bĐ[ẾEÉÊ]N\b\s*[:.]?\s*(?:[Ss][ốôo]\s*[:.]?\s*(?P<number>\d+))?")
INCOMING_NUMBER = re.compile(r"^\W{0,2}[Ss][ốôo]\s*[:.]?\s*(?P<number>\d+)")
INCOMING_DATE = re.compile(r"Ngày\s*[:.]?\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{2,4})")
FORWARDED = re.compile(r"^Chuyển\s*:?\s*")
SUBJECT = re.compile(r"^\W?(?:V\s*/\s*[vV%]|Về việc)\s*:?\s*")
DECORATION = "-–—_=*~|.,:;•· "
ORNAMENT = "-–—_=*~|•· "
PLACE_UNIT_WORDS = {"phố", "xã", "trấn"}  # the lower-case half of Thành phố, Thị xã, Thị trấn  # what a title line may lose at its ends: its punctuation is the document's
HEADING_START = re.compile(r"^(?:[IVXLC]+\s*[.\-–/)]\s|\d+\.\s|Điều\s+\d|Chương\s+[IVXLC\d]|PHẦN\s|Phần\s+[IVXLC\d])")
ADOPTED = re.compile(rf"\bthông qua\b[^.;]{{0,80}}?(?P<date>{WRITTEN}{EXACT_DATE})")
FULL_CITATION_TITLE = re.compile(
    r"^(?P<type>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+số\s+(?P<number_symbol>\d[\w./-]*[\w])(?:\s+ngày\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?))?\s+(?P<title>về\s.+)$"
)

ENGLISH_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
ENGLISH_IDENTIFICATION = re.compile(
    rf"^(?P<type>(?:Joint\s+)?[A-Z][a-z]+)\s+No\.?\s*(?P<number_symbol>\d[\w./-]*\w)\s+of\s+"
    rf"(?P<month>{'|'.join(ENGLISH_MONTHS)})\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}})\b"
)  # an English translation's title line: Circular No. 20/2010/TT-BTP of November 30, 2010, detailing …

@dataclass
class Header:
    """What the header says, and where the body begins."""

    doc_type: str | None = None
    number_symbol: str | None = None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    issue_date: str | None = None
    issue_place: str | None = None
    issuer: str | None = None
    issuer_parent: str | None = None
    title: str | None = None
    incoming_number: str | None = None
    incoming_date: str | None = None
    incoming_office: str | None = None
    is_copy: bool = False
    body_start: int = 0
    stamp_lines: set[int] = field(default_factory=set)


@cache
def _national_patterns() -> list[re.Pattern[str]]:
    return [folded_pattern(p) for p in vocabulary()["national_lines"]]


@cache
def _type_names() -> dict[str, str]:
    """Folded type title → the type's name (an English translation's title word → the type it translates); the
    longest names first."""
    names = {fold_chars(title): t["name"] for t in document_types() for title in [t["name"], *t.get("english", [])]}
    return dict(sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True))


def _symbol_types() -> dict[str, str]:
    """Symbol abbreviation → type name for the header's own symbol: Party ones, where the state reads them
    otherwise (TT) the state's."""
    return symbol_types("party") | symbol_types("state")


def without_national_lines(text: str) -> str:
    """The line with the national block's phrases cut out (OCR-tolerant: matched without diacritics)."""
    folded = fold_chars(text)
    found = (m.span() for p in _national_patterns() for m in p.finditer(folded))
    spans = sorted(span for span in found if not _in_a_sentence(text, span[0]))
    if all(end <= start for (_, end), (start, _) in zip(spans, spans[1:])):  # apart: cut in one pass
        cuts = [0, *(bound for span in spans for bound in span), len(text)]
        text = " ".join(text[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2))
    else:
        for start, end in reversed(spans):
            text = text[:start] + " " + text[end:]
    return " ".join(text.split()).strip(ORNAMENT)


def _in_a_sentence(text: str, start: int) -> bool:
    """Is the national phrase at `start` part of a sentence (``Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam và
    …`` in a title), not a national line: the word before it is in lower case. The word is found by looking back
    from `start`, not by splitting all the text before it (a text on one line has thousands of phrases)."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:end]
    return bool(word) and word.isalpha() and word.islower()


def _is_noise(text: str) -> bool:
    """Nothing, OCR specks, or what is left of a national line that a stamp or a fold cut short."""
    folded = fold_chars(text).strip()
    if sum(c.isalnum() for c in folded) <= 1:
        return True
    return len(folded) >= 10 and any(fold_chars(n).startswith(folded) for n in vocabulary()["national_lines"])


def type_of_title(text: str) -> str | None:
    """The document type when `text` is a type title line (``KẾ HOẠCH``, ``QUYẾT ĐỊNH:`` …)."""
    folded = " ".join(re.findall(r"\w+", fold_chars(text)))
    return _type_names().get(folded)


ISSUED_WITH = re.compile(r"\((?:Ban hành )?[Kk]èm theo")


def starts_attached_document(lines: list[Line], position: int) -> bool:
    """Does the document issued with the one before it (the plan a decision issues) begin at this line? Its
    title is a document type in capitals (``KẾ HOẠCH``), or one with more words (``CHƯƠNG TRÌNH HÀNH ĐỘNG
    CỦA CHÍNH PHỦ``) when a ``(Kèm theo …)`` line follows."""
    text = lines[position].stripped
    if not is_capitals(text) or len(text) > 120:
        return False
    folded = " ".join(re.findall(r"\w+", fold_chars(text)))
    if folded in _type_names():
        return True
    named = any(folded.startswith(f"{name} ") for name in _type_names())
    return named and any(ISSUED_WITH.search(line.text) for line in lines[position + 1 : position + 5])


def split_number_symbol(number_symbol: str) -> tuple[str | None, int | None, str | None]:
    """``30/2020/NĐ-CP`` → (``30``, 2020, ``NĐ-CP``); ``12-CT/TW`` → (``12``, None, ``CT/TW``)."""
    match = NUMBER_SYMBOL.match(number_symbol)
    if not match:
        return None, None, None
    return match["number"], int(match["year"]) if match["year"] else None, match["symbol"]


def clean_number_symbol(match: re.Match[str]) -> str:
    """As printed, spaces and OCR's stray dots before the slash removed (``1906. /SGDĐT`` → ``1906/SGDĐT``)."""
    year = f"/{match['year']}" if match["year"] else ""
    symbol = re.sub(r"\s+", "", match["symbol"]).replace("§", "S").rstrip(".-")
    return f"{match['number']}{year}{match['sep']}{symbol}"


def parse_header(lines: list[Line]) -> Header:
    """Read the header from the first lines. Never raises: what it cannot find stays empty."""
    header = property_sheet(lines)
    if header is None:
        reader = _HeaderReader(lines[:HEADER_LINES])
        reader.read()
        header = reader.header
    if header.issue_date is None:
        header.issue_date = adoption_date(lines)
    if header.year is None and header.issue_date:
        header.year = int(header.issue_date[:4])
    header.is_copy = _is_copy(lines)
    return header


def property_sheet(lines: list[Line]) -> Header | None:
    """The header of a legal database's property sheet (``Số hiệu`` / ``01/2021/TT-BXD`` / ``Loại văn bản`` /
    ``Thông tư`` …, labels in ``structure.toml``), when the text is one; its title is what follows the type and
    number on the line that names them (``Thông tư số 01/2021/TT-BXD ban hành QCVN …``). The whole text is header."""
    values = sheet_values(lines)
    texts = [line.stripped for line in lines[: 2 * HEADER_LINES]]
    number = NUMBER_SYMBOL.match(values.get("number_symbol", ""))
    if number is None or "doc_type" not in values:
        return None
    header = Header(number_symbol=clean_number_symbol(number), issuer=values.get("issuer"))
    header.number, header.year, header.symbol = split_number_symbol(header.number_symbol)
    header.doc_type = type_of_title(values["doc_type"]) or values["doc_type"]
    issued = parse_date(values.get("issue_date", ""))
    header.issue_date = issued.isoformat() if issued else None
    named = re.compile(  # Thông tư số 01/2021/TT-BXD ban hành …, THÔNG TƯ SỐ 59/2018/TT-BGTVT HƯỚNG DẪN …, Thông tư 32/2022/TT-BCT …
        rf"^{re.escape(values['doc_type'])}\s+(?:số\s+)?{_spaced(header.number_symbol)}\s+(?P<title>\S.*)$", re.IGNORECASE
    )
    header.title = next((m["title"] for m in map(named.match, texts) if m), None)
    header.body_start = lines[-1].end + 1 if lines else 0
    return header


def _spaced(number_symbol: str) -> str:
    """A pattern of the number-symbol as a page may print it, spaces around its slashes and hyphens
    (``8376 /VBHN-BTP``)."""
    return r"\s*[/-]\s*".join(re.escape(part) for part in re.split(r"[/-]", number_symbol))


def sheet_values(lines: list[Line]) -> dict[str, str]:
    """The fields of a property sheet as printed (field name of ``structure.toml`` → value); empty for a text."""
    labels = vocabulary()["property_sheet"]
    texts = [line.stripped for line in lines[: 2 * HEADER_LINES]]
    values: dict[str, str] = {}
    for label, value in zip(texts, texts[1:], strict=False):
        if label in labels and value not in labels and value.strip("-"):
            values.setdefault(labels[label], value)
    return values


class _HeaderReader:
    """Reads header lines in order, each classified by what it holds, until the body begins."""

    def __init__(self, zone: list[Line]) -> None:
        self.zone = zone
        self.header = Header()
        self.issuer_lines: list[str] = []
        self.title: list[str] = []
        self.authority: str | None = None
        self.in_title = False
        self.seen_number = False
        self.consumed: set[int] = set()
        self.last: Line | None = None

    def read(self) -> None:
        _read_stamps(self.zone, self.header)
        self.consumed |= self.header.stamp_lines | _national_pieces(self.zone)
        body_start = self._walk()
        header = self.header
        header.body_start = body_start if body_start is not None else (self.last.end + 1 if self.last else 0)
        if self.title and header.title is None:
            header.title = " ".join(" ".join(self.title).split()).strip(ORNAMENT) or None
        if header.number_symbol is None and header.title:
            _from_english_identification(header, header.title)
        _set_issuer(header, self.issuer_lines or ([self.authority] if self.authority else []))
        if header.doc_type is None and header.number_symbol:
            header.doc_type = _type_from_symbol(header.symbol or "")
        if header.issue_date is None:
            self._late_place_date()
        for name in ("issuer", "issuer_parent", "title"):  # a scan's capitals, spelt as the date line spells the place
            setattr(header, name, spelt_as_place(getattr(header, name), header.issue_place))

    def _walk(self) -> int | None:
        """Classify lines until the body; returns where the body begins (None: at the end of the header)."""
        header = self.header
        for position, line in enumerate(self.zone):
            if line.index in self.consumed:
                continue
            raw = line.stripped
            if not raw:
                if self.title and header.doc_type and self.in_title:
                    return line.start
                continue
            begun = bool(header.doc_type or self.seen_number or self.title)
            goes_on = self.in_title and bool(self.title) and _title_goes_on(self.title[-1])
            if begun and _opens_body(raw) and not goes_on:
                return line.start
            if self.title and HEADING_START.match(raw):
                return line.start
            if (self.title or header.doc_type) and not goes_on and self._is_authority_line(position):
                self.authority, self.last = raw, line
                return line.end + 1
            text = without_national_lines(raw)
            if self.in_title and self.title and text == "" and raw in "-–":
                self.title.append(raw)  # a range's dash on a line of its own (2026 / - / 2030)
                continue
            if _is_noise(text) or text in vocabulary()["ignored_header_lines"]:
                self.last = line
                continue
            whole = text
            text = self._take_number(self._take_place_date(text, line), line, position)
            if not text:
                continue
            if self._take_title(text, line, position, residue=text != whole) or text != whole:
                continue  # what is left beside a number or a date never ends the header
            if not self.seen_number and not header.doc_type and is_capitals(text):
                self.issuer_lines.append(text)
                self.last = line
                continue
            citation = FULL_CITATION_TITLE.match(text)
            if citation and not header.doc_type and type_of_title(citation["type"]):
                _from_citation_title(header, citation)
                return line.end + 1
            if not begun and _from_english_identification(header, text):
                header.title = text
                return line.end + 1
            if begun:
                return line.start
        return None

    def _take_place_date(self, text: str, line: Line) -> str:
        """``Hà Nội, ngày 15 tháng 12 năm 2025``, or a date line without its place; returns what else it holds."""
        text = mended_date(text)
        place_date = PLACE_DATE.search(text) or DATE_LINE.match(text)
        if not place_date or self.header.issue_date is not None:
            return text
        issued = parse_date(place_date["date"])  # None for a date that is none (ngày 32 tháng 12)
        self.header.issue_date = issued.isoformat() if issued else None
        self.header.issue_place = _place(place_date["place"]) if "place" in place_date.groupdict() else None
        self.last = line
        return (text[: place_date.start()] + " " + text[place_date.end() :]).strip(DECORATION)

    def _take_number(self, text: str, line: Line, position: int) -> str:
        """``Số: 1351/QĐ-UBND`` (the number may stand on the next line); returns what the line holds besides."""
        number_line = NUMBER_LINE.search(text)
        if not number_line or self.seen_number or self.in_title:
            return text
        rest = number_line["rest"]
        if not rest.strip():
            following = next((f for f in self.zone[position + 1 : position + 3] if f.stripped), None)
            if following is not None and NUMBER_SYMBOL.match(following.stripped):
                rest = following.stripped
                self.consumed.add(following.index)
        match = NUMBER_SYMBOL.match(rest)
        if match:
            self.header.number_symbol = clean_number_symbol(match)
            self.header.number, self.header.year, self.header.symbol = split_number_symbol(self.header.number_symbol)
        self.seen_number = True
        self.last = line
        before = text[: number_line.start()].strip(DECORATION)
        if before and is_capitals(before) and not self.header.doc_type:
            self.issuer_lines.append(before)
        return rest[match.end() :].strip(DECORATION) if match else ""

    def _take_title(self, text: str, line: Line, position: int, residue: bool) -> bool:
        """A subject line (V/v …), a type title (KẾ HOẠCH) or a line of the title that follows them."""
        header = self.header
        subject = SUBJECT.match(text)
        if subject:
            if self._is_transcriber_label(position):
                return True
            self.title = [text[subject.end() :]]
            self.in_title = True
            self.last = line
            return True
        doc_type = type_of_title(text) or self._type_title_cut_in_two(text, position)
        if doc_type and header.doc_type is None and not self.title:
            header.doc_type = doc_type
            self.in_title = True
            self.last = line
            return True
        if self.in_title:
            if residue:
                return True  # what is left of a number or date line read inside the title block
            self.title.append(text)
            self.last = line
            return True
        return False

    def _type_title_cut_in_two(self, text: str, position: int) -> str | None:
        """A type title web text cut after its first word (``NGHỊ`` / ``ĐỊNH``, ``THÔNG`` / ``TƯ``): the type, the
        second piece consumed."""
        following = self.zone[position + 1] if position + 1 < len(self.zone) else None
        if self.header.doc_type or self.title or following is None or not is_capitals(text) or len(text) > 20:
            return None
        doc_type = type_of_title(f"{text} {following.stripped}")
        if doc_type:
            self.consumed.add(following.index)
        return doc_type

    def _is_authority_line(self, position: int) -> bool:
        """The line that names who decides, under the title (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …``), unless the next
        line is one: then this one is a title line that begins like it (``HỘI ĐỒNG NHÂN DÂN CẤP TỈNH, CẤP XÃ HOẠT
        ĐỘNG CHUYÊN TRÁCH`` / ``ỦY BAN THƯỜNG VỤ QUỐC HỘI``)."""
        if not _is_authority(self.zone[position].stripped):
            return False
        following = next((line.stripped for line in self.zone[position + 1 :] if line.stripped), "")
        return not _is_authority(following)

    def _is_transcriber_label(self, position: int) -> bool:
        """A ``V/v …`` line before any header element, set apart by a blank line, is a third party's label of the
        document (Markdown transcriptions open with one), not its subject: the real header follows it."""
        nothing_yet = not (self.issuer_lines or self.seen_number or self.header.doc_type)
        following = self.zone[position + 1] if position + 1 < len(self.zone) else None
        return nothing_yet and following is not None and not following.stripped

    def _late_place_date(self) -> None:
        """A place-date line that OCR put after the addressees (its column was read last)."""
        for line in self.zone:
            if PLACE_DATE.search(line.text):
                self._take_place_date(without_national_lines(line.stripped), line)
                return


@cache
def _national_chars() -> frozenset[str]:
    """Every character a national line can be written with once folded, the ornaments and separators too."""
    return frozenset("".join(fold_chars(p) for p in vocabulary()["national_lines"]) + ORNAMENT + PHRASE_SEPARATORS)


def _may_be_national(text: str) -> bool:
    """Whether `text` may be (a piece of) a national line: no character of it is foreign to one. A line that
    fails this leaves something after :func:`without_national_lines`, alone or joined to others."""
    allowed = _national_chars()
    return all(char in allowed or char.isspace() for char in set(fold_chars(text)))


def _national_pieces(zone: list[Line]) -> set[int]:
    """The lines of a national line that web text cut into pieces (``Độc lập`` / ``-`` / ``Tự do`` / ``-`` /
    ``Hạnh phúc``, ``CỘNG HÒA XÃ HỘI CHỦ`` / ``NGHĨA VIỆT NAM``): lines that together hold nothing but it.
    Only lines written with a national line's characters are tried (most of a zone is not: trying them was a
    seventh of the bulk corpus's time)."""
    candidate = [_may_be_national(line.stripped) for line in zone]
    pieces: set[int] = set()
    for position, line in enumerate(zone):
        if not candidate[position] or line.index in pieces or not line.stripped:
            continue
        if not without_national_lines(line.stripped):
            continue
        joined = line.stripped
        for last in range(position + 1, min(position + NATIONAL_PIECES, len(zone))):
            if not candidate[last]:
                break  # every longer join holds this line's foreign character too
            joined = f"{joined} {zone[last].stripped}"
            if not without_national_lines(joined):
                pieces |= {piece.index for piece in zone[position : last + 1]}
                break
    return pieces


def adoption_date(lines: list[Line]) -> str | None:
    """The date a resolution of the National Assembly or its Standing Committee was passed (``… thông qua … ngày
    26 tháng 9 năm 2025``): such a resolution prints no place-date line, its closing sentence dates it."""
    for line in reversed(lines):
        match = ADOPTED.search(line.text)
        adopted = parse_date(match["date"]) if match else None
        if adopted:
            return adopted.isoformat()
    return None


def _opens_body(text: str) -> bool:
    return text.startswith(tuple(vocabulary()["body_openings"]))


def _title_goes_on(text: str) -> bool:
    """Does a title line end on a word no title ends with (``… thuộc thẩm quyền của``)?"""
    return text.rstrip().lower().endswith(tuple(f" {word}" for word in vocabulary()["title_goes_on"]))


def _is_authority(text: str) -> bool:
    return is_capitals(text) and text.startswith(tuple(vocabulary()["authority_openings"])) and len(text) < 90


def _place(text: str) -> str:
    """The place of a place-date line: its last capitalised words, with ``Thành phố``/``Thị xã`` before them
    (OCR may have glued the number before the place)."""
    words = text.split()
    kept: list[str] = []
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        unit = word in PLACE_UNIT_WORDS and position > 0 and words[position - 1][:1].isupper()
        if (not word[:1].isupper() and not unit) or len(kept) == 5 or "/" in word:
            break
        kept.insert(0, word)
    return " ".join(kept or words[-1:]).strip(DECORATION)


def _set_issuer(header: Header, lines: list[str]) -> None:
    """Lower line of the issuer block is the issuer, the line above it the parent; a body name wrapped onto a
    second line (ỦY BAN NHÂN DÂN / TỈNH BẮC LÂM) is one issuer. A header without an issuer block names its issuer
    in the authority line under the title (THE GOVERNMENT of an English translation)."""
    lines = [line.strip(DECORATION) for line in _whole_words_joined(lines) if line.strip(DECORATION)]
    if not lines:
        return
    lines = list(dict.fromkeys(lines))  # the Công báo prints the issuer twice
    if len(lines) >= 2 and _wraps_a_name(lines[-2], lines[-1]):
        lines = [*lines[:-2], f"{lines[-2]} {lines[-1]}"]
    header.issuer = lines[-1]
    header.issuer_parent = lines[-2] if len(lines) >= 2 else None


def _whole_words_joined(lines: list[str]) -> list[str]:
    """Web text that gives each word its own line (``BỘ`` / ``TÀI`` / ``CHÍNH``, ``BỘ VĂN HÓA,`` / ``THỂ`` / ``THAO``
    / ``VÀ`` / ``DU`` / ``LỊCH``): a line of one word goes on with the name above it, as a line after a connective;
    the block's first line of one word (``BỘ`` / ``NÔNG NGHIỆP VÀ MÔI TRƯỜNG``) is no name, the line below ends it."""
    joined: list[str] = []
    for line in map(str.strip, lines):
        lone_head = len(joined) == 1 and len(joined[0].split()) == 1 and joined[0].strip(DECORATION)
        if (joined and len(line.split()) == 1 and line.strip(DECORATION)) or lone_head:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _wraps_a_name(upper: str, lower: str) -> bool:
    """Whether `lower` ends the body name begun on `upper`: a place after a generic body (ỦY BAN NHÂN DÂN / TỈNH
    BẮC LÂM), the rest of a name around its connective (BỘ NÔNG NGHIỆP VÀ / MÔI TRƯỜNG), or the country that ends a
    name (NGÂN HÀNG NHÀ NƯỚC / VIỆT NAM)."""
    vocab = vocabulary()
    place_openings = tuple(fold_chars(p) for p in vocab["place_openings"])
    after_generic = fold_chars(lower).startswith(place_openings) and fold_chars(upper) in {
        fold_chars(b) for b in vocab["generic_bodies"]
    }
    goes_on = bool(NAME_GOES_ON.search(upper)) or lower.startswith("VÀ ")
    return after_generic or goes_on or lower in vocab["name_endings"]


def _type_from_symbol(symbol: str) -> str:
    """A header without a type line: the type the symbol names, or a công văn (its symbol names no type)."""
    first = re.split(r"[-/]", symbol)[0]
    return _symbol_types().get(first, "Công văn")


def _from_citation_title(header: Header, citation: re.Match[str]) -> None:
    """A transcription that lost its header but keeps a heading like ``Kết luận số 69-KL/TW ngày … của … về …``."""
    header.doc_type = type_of_title(citation["type"])
    header.number_symbol = citation["number_symbol"]
    header.number, header.year, header.symbol = split_number_symbol(header.number_symbol)
    if citation["year"]:
        header.issue_date = iso_date(int(citation["year"]), int(citation["month"]), int(citation["day"]))
    header.issuer = citation["issuer"]
    header.title = citation["title"]


def _from_english_identification(header: Header, text: str) -> bool:
    """The type, number-symbol and date of an English translation that prints no number line, from its title line
    (``Joint Circular No. 43/2011/TTLT-BTC-BGTVT of March 28, 2011, amending …``); whether it is one."""
    match = ENGLISH_IDENTIFICATION.match(text)
    doc_type = type_of_title(match["type"]) if match else None
    if match is None or doc_type is None:
        return False
    header.doc_type = header.doc_type or doc_type
    header.number_symbol = match["number_symbol"]
    header.number, header.year, header.symbol = split_number_symbol(header.number_symbol)
    header.issue_date = header.issue_date or iso_date(
        int(match["year"]), ENGLISH_MONTHS[match["month"]], int(match["day"])
    )
    return True


def _read_stamps(zone: list[Line], header: Header) -> None:
    """The incoming-document stamp (``SỞ NỘI VỤ ĐẾN Số: 12106 Ngày: 31/10/22 Chuyển: …``): its number, date and
    office, and the lines it occupies, which are neither title nor body."""
    for position, line in enumerate(zone):
        match = INCOMING.search(line.text)
        if not match or not (match["number"] or _next_has(zone, position, INCOMING_NUMBER)):
            continue
        stamp = {line.index}
        header.incoming_number = match["number"]
        before = line.text[: match.start()].strip(DECORATION)
        if before and is_capitals(before):
            header.incoming_office = before
        else:
            office = next(
                (above for above in reversed(zone[max(0, position - 2) : position])
                 if is_capitals(above.stripped) and len(above.stripped) < 60
                 and not INCOMING_NUMBER.match(above.stripped)),
                None,
            )  # fmt: skip
            if office is not None:
                header.incoming_office = office.stripped
                stamp.add(office.index)
        for following in zone[max(0, position - 2) : position + 4]:
            number = INCOMING_NUMBER.match(following.stripped)
            if number and header.incoming_number is None:
                header.incoming_number = number["number"]
                stamp.add(following.index)
            when = INCOMING_DATE.search(following.text)
            if when and header.incoming_date is None:
                year = int(when["year"]) + (2000 if len(when["year"]) == 2 else 0)
                header.incoming_date = iso_date(year, int(when["month"]), int(when["day"]))
                stamp.add(following.index)
            forwarded = FORWARDED.match(following.stripped)
            if forwarded and len(following.stripped) < 40:
                stamp.add(following.index)
        header.stamp_lines = stamp
        return


def _next_has(zone: list[Line], position: int, pattern: re.Pattern[str]) -> bool:
    """Does a line just above or below `position` match (OCR reads a stamp's fields in any order)?"""
    return any(pattern.match(line.stripped) for line in zone[max(0, position - 2) : position + 3])


def _is_copy(lines: list[Line]) -> bool:
    marks = tuple(vocabulary()["copy_marks"])
    return any(line.stripped.startswith(marks) for line in lines)
