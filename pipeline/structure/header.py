"""The header of a document: issuer block, number and symbol, place and date, type and title (trích yếu); the
stamps a scan carries are read in :mod:`stamps`, a property sheet's fields in :mod:`identification`.

Text rules, since the two header columns arrive interleaved or one after the other depending on the source:
national lines are cut out wherever they stand, and each remaining line is classified by what it holds.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache
from itertools import combinations

from pipeline.document_types import is_joint, symbol_codes
from pipeline.language.dates import EXACT_DATE, IN_WORDS, adoption_date, parse_date
from pipeline.language.labels import LABEL_START, ROMAN, label
from pipeline.structure.identification import (
    ENGLISH_ADOPTION,
    FULL_CITATION_TITLE,
    HEADER_LINES,
    NUMBER_SYMBOL,
    Header,
    clean_number_symbol,
    english_date,
    from_citation_title,
    from_english_identification,
    property_sheet,
    split_number_symbol,
    type_from_symbol,
    type_names,
    type_of_named_title,
    type_of_title,
)
from pipeline.structure.lines import ORNAMENT, Line, fold_chars, is_a_lone_word, is_rule, title_goes_on, vocabulary
from pipeline.structure.national import DECORATION, is_noise, national_pieces, without_national_lines
from pipeline.structure.place_date import mended_date, spelt_as_place
from pipeline.structure.stamps import is_copy, read_stamps
from pipeline.vietnamese import is_capitals

NAME_GOES_ON = re.compile(r"(?:\sVÀ|,|\s-)$")  # an issuer line that breaks its name after a connective
NUMBER_LINE = re.compile(
    r"(?:(?:^|[\s|])(?<!ĐẾN )(?:S[ốô]|SỐ)\s*[:.]?|^[^\W\d_][^\d:]{0,20}\ssố\s*:)\s*(?P<rest>\d.*|/.*|$)"
)
# a scan's reading of the number line's label under a stamp (``S6: 71/2025/TT-NHNN``: the ring took ``ố``'s marks):
# ``S``, one letter or figure, a stop, then the number (no bulk text opens a line so but with ``Số``: 478 print the
# label in their first 1,500 characters)
SCANNED_NUMBER_LABEL = re.compile(r"^S[^\W_]?\s*[:.;]\s*(?P<rest>\d.*)")
# … or the number alone under the issuer, its label lost under the stamp (``100/2025/TT-BCA``): a text's layer puts the
# number on a line of its own after its label's line (170 bulk texts), a scan whose label is read never so
BARE_NUMBER = re.compile(r"^(?P<rest>\d+/(?:19|20)\d\d/[^\W\d_][\w-]*[\s.]*)$")
PLACE_DATE = re.compile(
    rf"(?P<place>(?:[^\W\d_][\w.]*\s+){{0,5}}?[^\W\d_][\w.]*)\s*,\s*(?P<date>{IN_WORDS}{EXACT_DATE})"
)  # Hà Nội, ngày 15 tháng 12 năm 2025 (and the spellings of the one date grammar: tháng 0 6, 15/12/2025)
BLANK_DATE = re.compile(  # a draft's date line, its figures left to be filled in: Hà Nội, ngày    tháng    năm 2024
    r"(?P<place>(?:[^\W\d_][\w.]*\s+){0,5}?[^\W\d_][\w.]*)\s*,\s*ngày[\s.…]*tháng[\s.…]*năm\b[\s.…]*(?:\d{4})?"
)
DATE_LINE = re.compile(rf"^(?P<date>{IN_WORDS}{EXACT_DATE})[\s.]*$", re.IGNORECASE)  # a date line without a place
SUBJECT = re.compile(r"^\W?(?:V\s*/\s*[vV%]|Về việc)\s*:?\s*")
PLACE_UNIT_WORDS = {"phố", "xã", "trấn"}  # the lower-case half of Thành phố, Thị xã, Thị trấn
# A heading under the title begins the body: a numbered item (``I. MỤC TIÊU``, ``1. Mục đích``) or a part's label.
HEADING_START = re.compile(rf"^(?:{ROMAN}\s*[.\-–/)]\s|\d+\.\s|{LABEL_START})")
# A chapter's or an article's label, Vietnamese or English: no header holds one, the body has begun even where no
# header field was read (an English translation that prints no type title line: ``LABOR CODE`` / ``Chapter I``).
BODY_LABEL = re.compile(rf"^{label('chuong', None)}|^{label('dieu', None)}")
ISSUED_WITH = re.compile(r"\((?:Ban hành )?[Kk]èm theo")
CO_ISSUER = re.compile(r"\s+[-–]\s+")  # between the bodies of a joint issuer block: BỘ TƯ PHÁP - BỘ CÔNG AN


def starts_attached_document(lines: list[Line], position: int) -> bool:
    """Does the document issued with the one before it (the plan a decision issues) begin at this line? Its
    title is a document type in capitals (``KẾ HOẠCH``), one of the attached titles (``QUY CHUẨN KỸ THUẬT QUỐC GIA
    …``), or a type with more words (``CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ``) when a ``(Kèm theo …)`` line follows."""
    text = lines[position].stripped
    if not is_capitals(text) or len(text) > 120:
        return False
    folded = " ".join(re.findall(r"\w+", fold_chars(text)))
    if folded in type_names() or folded.startswith(_attached_titles()):
        return True
    named = any(folded.startswith(f"{name} ") for name in type_names())
    return named and any(ISSUED_WITH.search(line.text) for line in lines[position + 1 : position + 5])


@cache
def _attached_titles() -> tuple[str, ...]:
    return tuple(" ".join(re.findall(r"\w+", fold_chars(title))) for title in vocabulary()["attached_titles"])


def parse_header(lines: list[Line], scanned: bool = False) -> Header:
    """Read the header from the first lines (of a scan's OCR, `scanned`). Never raises: what it cannot find stays
    empty."""
    header = property_sheet(lines)
    if header is None:
        reader = _HeaderReader(lines[:HEADER_LINES], scanned)
        reader.read()
        header = reader.header
    if header.issue_date is None:
        header.issue_date = date_passed(lines)
    if header.year is None and header.issue_date:
        header.year = int(header.issue_date[:4])
    header.is_copy = is_copy(lines)
    return header


class _HeaderReader:
    """Reads header lines in order, each classified by what it holds, until the body begins."""

    def __init__(self, zone: list[Line], scanned: bool = False) -> None:
        self.zone = zone
        self.scanned = scanned
        self.header = Header()
        self.issuer_lines: list[str] = []
        self.title: list[str] = []
        self.authority: str | None = None
        self.in_title = False
        self.seen_number = False
        self.consumed: set[int] = set()
        self.last: Line | None = None

    def read(self) -> None:
        read_stamps(self.zone, self.header)
        self.consumed |= self.header.stamp_lines | national_pieces(self.zone)
        body_start = self._walk()
        header = self.header
        header.body_start = body_start if body_start is not None else (self.last.end + 1 if self.last else 0)
        if self.title and header.title is None:
            header.title = " ".join(" ".join(self.title).split()).strip(ORNAMENT) or None
        if header.number_symbol is None and header.title:
            header.title = from_english_identification(header, header.title) or header.title
        _set_issuer(header, self.issuer_lines or ([self.authority] if self.authority else []))
        if header.doc_type is None and header.number_symbol:
            header.doc_type = type_from_symbol(header.symbol or "")
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
            if not raw or is_rule(raw):  # a rule under the title block (``______``) ends it as a blank line does
                if self.title and header.doc_type and self.in_title:
                    return line.start
                continue
            begun = bool(header.doc_type or self.seen_number or self.title)
            goes_on = self.in_title and bool(self.title) and title_goes_on(self.title[-1])
            if begun and _opens_body(raw) and not goes_on:
                return line.start
            if (self.title and HEADING_START.match(raw) and not goes_on) or BODY_LABEL.match(raw):
                return line.start
            if (self.title or header.doc_type) and not goes_on and self._is_authority_line(position):
                self.authority, self.last = raw, line
                return line.end + 1
            text = without_national_lines(raw)
            if self.in_title and self.title and text == "" and raw in "-–":
                self.title.append(raw)  # a range's dash on a line of its own (2026 / - / 2030)
                continue
            if is_noise(text) or text in vocabulary()["ignored_header_lines"]:
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
                from_citation_title(header, citation)
                return line.end + 1
            if not begun and (subject := from_english_identification(header, text)):
                header.title = subject
                return line.end + 1
            if begun:
                return line.start
        return None

    def _take_place_date(self, text: str, line: Line) -> str:
        """``Hà Nội, ngày 15 tháng 12 năm 2025``, or a date line without its place; returns what else it holds."""
        text = mended_date(text)
        place_date = PLACE_DATE.search(text) or DATE_LINE.match(text)
        blank = BLANK_DATE.search(text) if place_date is None and self.header.issue_place is None else None
        if blank:
            self.header.issue_place, self.last = _place(blank["place"]), line
            return (text[: blank.start()] + " " + text[blank.end() :]).strip(DECORATION)
        if not place_date or self.header.issue_date is not None:
            return text
        issued = parse_date(place_date["date"])  # None for a date that is none (ngày 32 tháng 12)
        self.header.issue_date = issued.isoformat() if issued else None
        self.header.issue_place = _place(place_date["place"]) if "place" in place_date.groupdict() else None
        self.last = line
        return (text[: place_date.start()] + " " + text[place_date.end() :]).strip(DECORATION)

    def _take_number(self, text: str, line: Line, position: int) -> str:
        """``Số: 1351/QĐ-UBND`` (the number may stand on the next line); returns what the line holds besides."""
        number_line = NUMBER_LINE.search(text) or (self._scanned_number_line(text) if self.scanned else None)
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

    def _scanned_number_line(self, text: str) -> re.Match[str] | None:
        """A scan's number line whose label a stamp misread (``S6:``) or hid, the number standing under the issuer."""
        return SCANNED_NUMBER_LABEL.match(text) or (BARE_NUMBER.match(text) if self.issuer_lines else None)

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
        if header.doc_type is None and not self.title and (named := type_of_named_title(text)):
            header.doc_type, self.title, self.in_title, self.last = named, [text], True, line
            return True  # LABOR CODE: the type and the title, no issuer
        doc_type = type_of_title(text) or self._type_title_cut_in_two(text, position)
        if doc_type and header.doc_type is None and not self.title:
            header.doc_type = doc_type
            self.in_title = True
            self.last = line
            return True
        if self.in_title:
            if residue:
                return True  # what is left of a number or date line read inside the title block
            if self.scanned and self.title and all(map(is_capitals, self.title)) and _in_lower_case(text):
                return False  # a title set in capitals goes on in capitals: the OCR lost the preamble's first lines
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


def date_passed(lines: list[Line]) -> str | None:
    """The date a resolution of the National Assembly or its Standing Committee was passed (``… thông qua … ngày
    26 tháng 9 năm 2025``): such a resolution prints no place-date line, its closing sentence dates it; so does a
    translated law's (``This Law was passed on November 20, 2012, …``)."""
    for line in reversed(lines):
        adopted = adoption_date(line.text)
        if adopted:
            return adopted.isoformat()
        if english := ENGLISH_ADOPTION.search(line.text):
            return english_date(english)
    return None


def _in_lower_case(text: str) -> bool:
    """Are most of the line's letters small (``của Quốc hội phê duyệt …``; not ``ĐIỂM đ, h, i, k KHOẢN 1``)?"""
    letters = [c for c in text if c.isalpha()]
    return sum(c.islower() for c in letters) > len(letters) / 2


def _opens_body(text: str) -> bool:
    return text.startswith(tuple(vocabulary()["body_openings"]))


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
    if co_issuers := _co_issuers(lines, header.symbol or ""):
        header.issuer, header.issuer_parent, header.co_issuers = " - ".join(co_issuers), None, co_issuers
        return
    if len(lines) >= 2 and _wraps_a_name(lines[-2], lines[-1]):
        lines = [*lines[:-2], f"{lines[-2]} {lines[-1]}"]
    header.issuer = lines[-1]
    header.issuer_parent = lines[-2] if len(lines) >= 2 else None


def _co_issuers(lines: list[str], symbol: str) -> list[str] | None:
    """A joint document's issuers (a ``joint`` type: ``TTLT``, ``NQLT``), one for each issuer code its symbol lists,
    as printed (``BỘ TƯ PHÁP``, ``BỘ CÔNG AN``, …; the issuer joins them by `` - ``). Web text cuts the block's columns into lines
    anywhere (``ỦY BAN THƯỜNG VỤ QUỐC HỘI`` / ``CHÍNH PHỦ - ĐOÀN CHỦ TỊCH`` / ``ỦY BAN TRUNG ƯƠNG`` / ``MẶT TRẬN …``):
    of the line breaks, those that part two bodies are the ones whose bodies' initials read most like the codes
    (``UBTVQH``, ``CP``, ``ĐCTUBTWMTQVN``). None for a document of one issuer, or a block that names too few."""
    codes = symbol_codes(symbol)[1:]
    if not codes or not is_joint(symbol):
        return None
    pieces = [(piece.strip(), index > 0) for line in lines for index, piece in enumerate(CO_ISSUER.split(line))]
    breaks = [index for index, (_, in_line) in enumerate(pieces) if index and not in_line]
    parted = {index for index, (_, in_line) in enumerate(pieces) if in_line}
    wanted = len(codes) - 1 - len(parted)
    if wanted < 0 or wanted > len(breaks):
        return None

    def bodies(cuts: set[int]) -> list[str]:
        cut_at = sorted(cuts | {0, len(pieces)})
        return [" ".join(p for p, _ in pieces[start:end]) for start, end in zip(cut_at, cut_at[1:])]

    best = max(
        (bodies(parted | set(chosen)) for chosen in combinations(breaks, wanted)),
        key=lambda found: sum(_initials_like(body, code) for body, code in zip(found, codes)),
    )
    return best


def _initials_like(body: str, code: str) -> float:
    """How much a body's initials read like an issuer code (``ỦY BAN THƯỜNG VỤ QUỐC HỘI``, ``UBTVQH15``)."""
    initials = "".join(fold_chars(word[0]) for word in body.split() if word[0].isalpha())
    return SequenceMatcher(None, initials, fold_chars(code.rstrip("0123456789"))).ratio()


def _whole_words_joined(lines: list[str]) -> list[str]:
    """Web text that gives each word its own line (``BỘ`` / ``TÀI`` / ``CHÍNH``, ``BỘ VĂN HÓA,`` / ``THỂ`` / ``THAO``
    / ``VÀ`` / ``DU`` / ``LỊCH``): a line of one word goes on with the name above it, as a line after a connective;
    the block's first line of one word (``BỘ`` / ``NÔNG NGHIỆP VÀ MÔI TRƯỜNG``) is no name, the line below ends it."""
    joined: list[str] = []
    for line in map(str.strip, lines):
        lone_head = len(joined) == 1 and is_a_lone_word(joined[0])
        if (joined and is_a_lone_word(line)) or lone_head:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _wraps_a_name(upper: str, lower: str) -> bool:
    """Whether `lower` ends the body name begun on `upper`: a place after a generic body (ỦY BAN NHÂN DÂN / TỈNH
    BẮC LÂM, and a head's office over it: CHỦ TỊCH ỦY BAN NHÂN DÂN / TỈNH BẮC LÂM), the rest of a name around its
    connective (BỘ NÔNG NGHIỆP VÀ / MÔI TRƯỜNG), the country that ends a name (NGÂN HÀNG NHÀ NƯỚC / VIỆT NAM), or
    the body a head's title alone names (CHỦ TỊCH / ỦY BAN NHÂN DÂN TỈNH BẮC LÂM: the issuer is the head's office)."""
    vocab = vocabulary()
    place_openings = tuple(fold_chars(p) for p in vocab["place_openings"])
    generic = tuple(fold_chars(b) for b in vocab["generic_bodies"])
    head = upper in vocab["signer_titles"]
    generic_upper = fold_chars(upper) in generic or (fold_chars(upper).endswith(generic) and _opens_with_a_title(upper))
    after_generic = fold_chars(lower).startswith(place_openings) and generic_upper
    goes_on = bool(NAME_GOES_ON.search(upper)) or lower.startswith("VÀ ")
    return after_generic or goes_on or head or lower in vocab["name_endings"]


def _opens_with_a_title(text: str) -> bool:
    return any(text.startswith(f"{title} ") for title in vocabulary()["signer_titles"])
