"""What identifies a document in its header: its type, number and symbol, and the record the header is read into;
read from a type title, a symbol, a citation-like heading or an English translation's title line, and the whole
of a legal database's property sheet."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.document_types import document_types, symbol_types
from pipeline.language.dates import iso_date, parse_date
from pipeline.structure.lines import Line, fold_chars, vocabulary

HEADER_LINES = 60  # the header is looked for in the first lines of the text only
NUMBER_SYMBOL = re.compile(
    r"(?P<number>\d+(?:\.\d+)*)\s*\.?\s*(?:/\s*(?P<year>(?:19|20)\d\d)\s*)?(?P<sep>[/-])\s*"
    r"(?P<symbol>(?:[^\W\d_]|§)[\w&.§-]*(?:\s*[/-]\s*[\w&.§]+)*)"
)
FULL_CITATION_TITLE = re.compile(
    r"^(?P<type>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+số\s+(?P<number_symbol>\d[\w./-]*[\w])(?:\s+ngày\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?))?\s+(?P<title>về\s.+)$"
)

ENGLISH_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_ENGLISH_DATE = rf"(?P<month>{'|'.join(ENGLISH_MONTHS)})\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}})\b"
ENGLISH_IDENTIFICATION = re.compile(
    rf"^(?P<type>(?:Joint\s+)?[A-Z][a-z]+)\s+No\.?\s*(?P<number_symbol>\d[\w./-]*\w)\s+of\s+{_ENGLISH_DATE}"
)  # an English translation's title line: Circular No. 20/2010/TT-BTP of November 30, 2010, detailing …
# A translated law's closing sentence, its only date (``This Code was passed on November 20, 2019, by the XIVth
# National Assembly …``); a law it cites was passed too (``the Law on …, which was passed on June 18, 2009``)
ENGLISH_ADOPTION = re.compile(rf"\bThis\s+[A-Z][a-z]+\s+was\s+passed\s+on\s+{_ENGLISH_DATE}")


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
    co_issuers: list[str] = field(default_factory=list)  # a joint text's bodies, each as printed, in the order printed
    title: str | None = None
    incoming_number: str | None = None
    incoming_date: str | None = None
    incoming_office: str | None = None
    is_copy: bool = False
    body_start: int = 0
    stamp_lines: set[int] = field(default_factory=set)


@cache
def type_names() -> dict[str, str]:
    """Folded type title → the type's name (an English translation's title word → the type it translates); the
    longest names first."""
    names = {fold_chars(title): t["name"] for t in document_types() for title in [t["name"], *t.get("english", [])]}
    return dict(sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True))


def _symbol_types() -> dict[str, str]:
    """Symbol abbreviation → type name for the header's own symbol: Party ones, where the state reads them
    otherwise (TT) the state's."""
    return symbol_types("party") | symbol_types("state")


def type_of_title(text: str) -> str | None:
    """The document type when `text` is a type title line (``KẾ HOẠCH``, ``QUYẾT ĐỊNH:`` …)."""
    folded = " ".join(re.findall(r"\w+", fold_chars(text)))
    return type_names().get(folded)


@cache
def _named_types() -> dict[str, str]:
    """The last word of an English title line that names its document before it (``CODE``) → the type."""
    return {word: t["name"] for t in document_types() for word in t.get("english_named", [])}


def type_of_named_title(text: str) -> str | None:
    """The type of an English translation's title line that names the document before the type's word (``LABOR
    CODE``, ``PENAL CODE``: a Bộ luật), in capitals."""
    words = text.split()
    named = len(words) >= 2 and all(re.fullmatch(r"[A-Z][A-Z’'-]*", word) for word in words)
    return _named_types().get(words[-1]) if named else None


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
        rf"^{re.escape(values['doc_type'])}\s+(?:số\s+)?{_spaced(header.number_symbol)}(?:[/-]\s*|\s+)(?P<title>\S.*)$", re.IGNORECASE
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


def type_from_symbol(symbol: str) -> str:
    """A header without a type line: the type the symbol names, or a công văn (its symbol names no type)."""
    first = re.split(r"[-/]", symbol)[0]
    return _symbol_types().get(first, "Công văn")


def from_citation_title(header: Header, citation: re.Match[str]) -> None:
    """A transcription that lost its header but keeps a heading like ``Kết luận số 69-KL/TW ngày … của … về …``."""
    header.doc_type = type_of_title(citation["type"])
    header.number_symbol = citation["number_symbol"]
    header.number, header.year, header.symbol = split_number_symbol(header.number_symbol)
    if citation["year"]:
        header.issue_date = iso_date(int(citation["year"]), int(citation["month"]), int(citation["day"]))
    header.issuer = citation["issuer"]
    header.title = citation["title"]


def from_english_identification(header: Header, text: str) -> str | None:
    """The type, number-symbol and date of an English translation that prints no number line, from its title line
    (``Joint Circular No. 43/2011/TTLT-BTC-BGTVT of March 28, 2011, amending …``); the line's subject after the date
    (``amending …``: the title, as a trích yếu follows the type), the whole line when nothing follows the date; None
    when the line is no such line."""
    match = ENGLISH_IDENTIFICATION.match(text)
    doc_type = type_of_title(match["type"]) if match else None
    if match is None or doc_type is None:
        return None
    header.doc_type = header.doc_type or doc_type
    header.number_symbol = match["number_symbol"]
    header.number, header.year, header.symbol = split_number_symbol(header.number_symbol)
    header.issue_date = header.issue_date or english_date(match)
    return text[match.end() :].strip(" ,;:") or text


def english_date(match: re.Match[str]) -> str | None:
    """The ISO date of a match of an English date (groups ``month``, ``day``, ``year``)."""
    return iso_date(int(match["year"]), ENGLISH_MONTHS[match["month"]], int(match["day"]))
