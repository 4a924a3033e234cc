"""The header of a document: issuer block, number and symbol, place and date, type and title (trích yếu), and the
stamps a scan carries (incoming-document stamp, SAO Y copies).

Text rules, since the two header columns arrive interleaved or one after the other depending on the source:
national lines are cut out wherever they stand, and each remaining line is classified by what it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from pipeline.structure.lines import (
    Line,
    document_types,
    fold_chars,
    folded_pattern,
    is_upper_line,
    vocabulary,
)

HEADER_LINES = 60  # the header is looked for in the first lines of the text only
NUMBER_LINE = re.compile(r"(?:^|[\s|])(?<!ĐẾN )S[ốô]\s*[:.]?\s*(?P<rest>\d.*)")
NUMBER_SYMBOL = re.compile(
    r"(?P<number>\d+(?:\.\d+)*)\s*\.?\s*(?:/\s*(?P<year>(?:19|20)\d\d)\s*)?(?P<sep>[/-])\s*"
    r"(?P<symbol>[^\W\d_][\w&.§-]*(?:\s*[/-]\s*[\w&.§]+)*)"
)
PLACE_DATE = re.compile(
    r"(?P<place>(?:[^\W\d_][\w.]*\s+){0,3}?[^\W\d_][\w.]*)\s*,\s*ngày\s*(?P<day>\d{1,2})\s*tháng\s*(?P<month>\d{1,2})"
    r"\s*năm\s*(?P<year>\d{4})",
)
INCOMING = re.compile(r"\bĐẾN\b\s*[:.]?\s*(?:S[ốô]\s*[:.]?\s*(?P<number>\d+))?")
INCOMING_NUMBER = re.compile(r"^S[ốô]\s*[:.]?\s*(?P<number>\d+)")
INCOMING_DATE = re.compile(r"Ngày\s*[:.]?\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{2,4})")
FORWARDED = re.compile(r"^Chuyển\s*:?\s*")
SUBJECT = re.compile(r"^(?:V/v|V/V|Về việc)\s*:?\s*")
DECORATION = "-–—_=*~|.,:;•· "
HEADING_START = re.compile(r"^(?:[IVXLC]+\s*[.\-–/)]\s|\d+\.\s|Điều\s+\d|Chương\s+[IVXLC\d]|PHẦN\s|Phần\s+[IVXLC\d])")
FULL_CITATION_TITLE = re.compile(
    r"^(?P<type>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+số\s+(?P<number_symbol>\d[\w./-]*[\w])(?:\s+ngày\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?))?\s+(?P<title>về\s.+)$"
)


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
    """Folded type title → the type's name; the longest names first."""
    names = {fold_chars(t["name"]): t["name"] for t in document_types()}
    return dict(sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True))


@cache
def _symbol_types() -> dict[str, str]:
    """Symbol abbreviation → type name, for the state family (the header's own symbols)."""
    found: dict[str, str] = {}
    for t in document_types():
        if t.get("family") == "party":
            continue
        for abbreviation in t["abbreviations"]:
            found.setdefault(abbreviation, t["name"])
    return found


def without_national_lines(text: str) -> str:
    """The line with the national block's phrases cut out (OCR-tolerant: matched without diacritics)."""
    folded = fold_chars(text)
    spans = [m.span() for p in _national_patterns() for m in p.finditer(folded)]
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split()).strip(DECORATION)


def type_of_title(text: str) -> str | None:
    """The document type when `text` is a type title line (``KẾ HOẠCH``, ``QUYẾT ĐỊNH:`` …)."""
    folded = " ".join(re.findall(r"\w+", fold_chars(text)))
    return _type_names().get(folded)


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


def iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_header(lines: list[Line]) -> Header:
    """Read the header from the first lines. Never raises: what it cannot find stays empty."""
    header = Header()
    zone = lines[:HEADER_LINES]
    _read_stamps(zone, header)
    issuer_lines: list[str] = []
    title: list[str] = []
    in_title = False
    seen_number = False
    last_header_line: Line | None = None
    for line in zone:
        if line.index in header.stamp_lines:
            continue
        raw = line.stripped
        if not raw:
            if title and in_title:
                in_title = False if header.doc_type else in_title
                if header.doc_type:
                    break
            continue
        if _opens_body(raw) and (header.doc_type or seen_number or title):
            header.body_start = line.start
            break
        if title and (HEADING_START.match(raw) or _is_authority(raw)):
            header.body_start = line.end + 1 if _is_authority(raw) else line.start
            last_header_line = line if _is_authority(raw) else last_header_line
            break
        text = without_national_lines(raw)
        if not text:
            last_header_line = line
            continue
        place_date = PLACE_DATE.search(text)
        if place_date and header.issue_date is None:
            header.issue_date = iso_date(int(place_date["year"]), int(place_date["month"]), int(place_date["day"]))
            header.issue_place = _place(place_date["place"])
            text = (text[: place_date.start()] + text[place_date.end() :]).strip(DECORATION)
            last_header_line = line
        number_line = NUMBER_LINE.search(text)
        if number_line and header.number_symbol is None and not seen_number:
            match = NUMBER_SYMBOL.match(number_line["rest"])
            if match:
                header.number_symbol = clean_number_symbol(match)
                header.number, header.year, header.symbol = split_number_symbol(header.number_symbol)
            seen_number = True
            before = text[: number_line.start()].strip(DECORATION)
            if before and is_upper_line(before):
                issuer_lines.append(before)
            text = number_line["rest"][match.end() :].strip(DECORATION) if match else ""
            last_header_line = line
        subject = SUBJECT.match(text)
        if subject:
            title = [text[subject.end() :]]
            in_title = True
            last_header_line = line
            continue
        doc_type = type_of_title(text)
        if doc_type and header.doc_type is None and not title:
            header.doc_type = doc_type
            in_title = True
            last_header_line = line
            continue
        if in_title:
            if not place_date and not number_line:
                title.append(text)
            last_header_line = line
            continue
        if not seen_number and not header.doc_type and is_upper_line(text) and not place_date:
            issuer_lines.append(text)
            last_header_line = line
            continue
        if place_date or number_line:
            continue
        citation = FULL_CITATION_TITLE.match(text)
        if citation and not header.doc_type and type_of_title(citation["type"]):
            _from_citation_title(header, citation)
            header.body_start = line.end + 1
            break
        if header.doc_type or seen_number:
            header.body_start = line.start
            break
    else:
        if last_header_line is not None:
            header.body_start = last_header_line.end + 1
    if not header.body_start and last_header_line is not None:
        header.body_start = last_header_line.end + 1
    if title and header.title is None:
        header.title = " ".join(" ".join(title).split()).strip(DECORATION) or None
    _set_issuer(header, issuer_lines)
    if header.doc_type is None and header.number_symbol:
        header.doc_type = _type_from_symbol(header.symbol or "")
    if header.year is None and header.issue_date:
        header.year = int(header.issue_date[:4])
    header.is_copy = _is_copy(lines)
    return header


def _opens_body(text: str) -> bool:
    return text.startswith(tuple(vocabulary()["body_openings"]))


def _is_authority(text: str) -> bool:
    return is_upper_line(text) and text.startswith(tuple(vocabulary()["authority_openings"])) and len(text) < 90


def _place(text: str) -> str:
    """The place of a place-date line: its last capitalised words (OCR may have glued the number before them)."""
    words = text.split()
    kept: list[str] = []
    for word in reversed(words):
        if not word[0].isupper() or len(kept) == 4 or "/" in word:
            break
        kept.insert(0, word)
    return " ".join(kept or words[-1:]).strip(DECORATION)


def _set_issuer(header: Header, lines: list[str]) -> None:
    """Lower line of the issuer block is the issuer, the line above it the parent; a body name wrapped onto a
    second line (ỦY BAN NHÂN DÂN / TỈNH BẮC LÂM) is one issuer."""
    lines = [line.strip(DECORATION) for line in lines if line.strip(DECORATION)]
    if not lines:
        return
    vocab = vocabulary()
    if len(lines) >= 2 and lines[-1].startswith(tuple(vocab["place_openings"])) and lines[-2] in vocab["generic_bodies"]:
        lines = [*lines[:-2], f"{lines[-2]} {lines[-1]}"]
    header.issuer = lines[-1]
    header.issuer_parent = lines[-2] if len(lines) >= 2 else None


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
        if before and is_upper_line(before):
            header.incoming_office = before
        elif position and is_upper_line(zone[position - 1].stripped) and len(zone[position - 1].stripped) < 60:
            header.incoming_office = zone[position - 1].stripped
            stamp.add(zone[position - 1].index)
        for following in zone[position : position + 4]:
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
    return any(pattern.match(line.stripped) for line in zone[position + 1 : position + 3])


def _is_copy(lines: list[Line]) -> bool:
    marks = tuple(vocabulary()["copy_marks"])
    return any(line.stripped.startswith(marks) for line in lines)
