"""The one date grammar: days, months, quarters, half-years and years in every way documents write them.

Read ``ngày 15/12/2022``, ``15-12-2022``, ``15.12.22``, ``ngày 15 tháng 12 năm 2022``, ``ngày 0 5 tháng 0 6 năm
2022`` (digits split by OCR or typing), ``tháng 9/2025``, ``quý IV/2022``, ``quý 1 năm 2019``, ``6 tháng đầu năm
2023``, ``năm 2030``; a day and month without a year after ``ngày`` (``ngày 15/6``, ``ngày 15 tháng 6``).

The API:

- :func:`find_dates` — every date or period in a text, left to right, as :class:`WrittenDate` (span, precision,
  parts, :attr:`~WrittenDate.last_day`); a day and month that make no date (``31/02``) are skipped.
- :func:`parse_date` — the first exact date (day precision) of a text as a :class:`datetime.date`, or None.
- :func:`iso_date` — ``YYYY-MM-DD`` of a year, month and day, or None when they make no date.
- :data:`TIME_OF_DAY` — regular-expression source of a time of day (``17 giờ``, ``16h00``) written before a day.
- :data:`WEEKDAY` — regular-expression source of a day of the week (``thứ Sáu``) written before its date.
- :data:`EXACT_DATE` — regular-expression source (no capturing groups) of an exact date with its year, to embed
  in another pattern; read what it matched with :func:`parse_date`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "quarter", "half_year", "year"]

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
LISTED = re.compile(r"ngày\s*\d{1,2}(?:\s*tháng\s*|\s*/\s*)\d{1,2}\s*(?:,|và|hoặc)\s*$", re.IGNORECASE)

_SEP = r"\s*[/.-]\s*"
_DD = r"\d(?:\s?\d)?"  # one or two digits; OCR and typists split ``06`` as ``0 6``
_YYYY = r"[12]\s?\d\s?\d\s?\d"
_MONTH_WORD = r"tháng"
_YEAR_WORD = r"[,.]?\s*năm"

_QUARTER_WORD = r"(?:quý|qúy|quí|qúi)"  # and the spellings typists and OCR leave (Qúy II/2025, quí 1/2025)
_QUARTER = r"(?:IV|I{1,3}|[1-4])(?![\w])"
_LIST_JOINT = r"\s*(?:,|và|hoặc|-|–)\s*"

_NUMERIC = rf"(?<![\d/.-])\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}(?:\d{{4}}|\d{{2}})(?![\d/]|\.\d)"
_WORDS = rf"(?<!\d)(?:{_DD})\s*{_MONTH_WORD}\s*{_DD}{_YEAR_WORD}\s*{_YYYY}(?!\d)"

TIME_OF_DAY = r"(?<![\d/.,])\d{1,2}\s*(?:giờ|h)(?:\s*\d{2}(?:\s*phút)?)?(?:\s*(?:sáng|chiều|tối|trưa))?(?!\w)"
"""A time of day as written before the day it falls on (``17 giờ``, ``16h00``, ``10 giờ 30 phút sáng``): regular-
expression source, no capturing groups."""

WEEKDAY = r"(?:ngày\s+)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)(?!\w)"
"""A day of the week as written before the date it names (``thứ Sáu, ngày 15/8/2025``, ``ngày thứ 2, 18/8/2025``):
regular-expression source, no capturing groups."""

EXACT_DATE = rf"(?:ngày\s*)?(?:{_NUMERIC}|{_WORDS})"
"""An exact date with its year (``ngày 15/12/2022``, ``15 tháng 12 năm 2022``), to embed in a larger pattern."""

_GRAMMAR = re.compile(
    # a lookahead on the first character of any date (a digit, ngày, tháng, quý, sáu, nửa, năm): the eight
    # alternatives are not each tried at every position of a text; it changes no match
    r"(?=[\dntqs])(?:"
    rf"(?P<numeric>(?:ngày\s*)?(?<![\d/.-])(?P<nd>\d{{1,2}}){_SEP}(?P<nm>\d{{1,2}}){_SEP}"
    rf"(?P<ny>\d{{4}}|\d{{2}})(?![\d/]|\.\d))"
    rf"|(?P<words>(?:ngày\s*)?(?<!\d)(?P<wd>{_DD})\s*{_MONTH_WORD}\s*(?P<wm>{_DD})(?:{_YEAR_WORD}\s*(?P<wy>{_YYYY}))?"
    r"(?!\s?\d))"
    rf"|(?P<day_month>ngày\s*(?<!\d)(?P<dd>\d{{1,2}}){_SEP}(?P<dm>\d{{1,2}})(?![\d/]|\.\d|\s*-\s*\d))"
    rf"|(?P<month>{_MONTH_WORD}\s+(?:{_DD}\s*(?:,|và|-|–)\s*)*(?P<mm>{_DD})(?:\s*[/-]\s*|{_YEAR_WORD}\s+)(?P<my>{_YYYY})(?!\d))"
    rf"|(?P<quarter>{_QUARTER_WORD}\s+(?P<q>{_QUARTER})(?:\s*[/-]\s*|{_YEAR_WORD}\s+)(?P<qy>{_YYYY})(?!\d))"
    rf"|(?P<half>(?:6|sáu)\s+tháng\s+(?P<h>đầu|cuối)(?:\s+năm)?\s+(?P<hy>{_YYYY})(?!\d)"
    rf"|nửa\s+(?P<h2>đầu|cuối)\s+năm\s+(?P<hy2>{_YYYY})(?!\d))"
    rf"|(?P<year>năm\s+(?P<yy>{_YYYY})(?!\d|\s*[/-]\s*\d)))",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# Quarters that share the year written after the last (Quý III và Quý IV/2025, quý III, IV năm 2025): each its own.
_SHARED_YEAR = re.compile(
    rf"{_QUARTER_WORD}\s+{_QUARTER}(?:{_LIST_JOINT}(?:{_QUARTER_WORD}\s+)?{_QUARTER})+"
    rf"(?:\s*[/-]\s*|{_YEAR_WORD}\s+)(?P<year>{_YYYY})(?!\d)",
    re.IGNORECASE,
)
_ONE_QUARTER = re.compile(rf"(?:{_QUARTER_WORD}\s+)?(?P<q>{_QUARTER})", re.IGNORECASE)
# What a cell of a time column or a ``Thời gian thực hiện:`` line may hold besides: ``6/2025``, ``2025``.
_BARE = re.compile(
    r"(?P<month>(?<![\d/.-])(?P<mm>\d{1,2})\s*/\s*(?P<my>[12]\d{3})(?![\d/]))"
    r"|(?P<year>(?<![\d/.])(?:(?<=[12]\d{3}-)|(?<!-))(?P<yy>[12]\d{3})(?![\d/]|\s*/))"
)  # a year after a dash only in a span of years (2025-2026), not in a day written with dashes (01-02-2026)


@dataclass(frozen=True)
class WrittenDate:
    """A date or period as written: its span in the text, its precision and parts (a part not written is None:
    ``ngày 15/6`` has no year)."""

    start: int
    end: int
    text: str
    precision: Precision
    year: int | None
    month: int | None = None
    day: int | None = None
    part: int | None = None  # the quarter (1–4) or the half-year (1–2)

    @property
    def last_day(self) -> date | None:
        """The date itself (day precision) or the period's last day; None without a year."""
        if self.year is None:
            return None
        if self.precision == "day":
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        last_month = {
            "month": self.month,
            "quarter": 3 * (self.part or 0),
            "half_year": 6 * (self.part or 0),
            "year": 12,
        }[self.precision]
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])  # type: ignore[arg-type]


def _number(digits: str) -> int:
    return int(re.sub(r"\s", "", digits))


def _full_year(digits: str) -> int:
    year = _number(digits)
    return year + (2000 if year < 70 else 1900) if year < 100 else year


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12 or (year is not None and not 1900 <= year <= 2199):
        return False
    if day is None:
        return True
    return 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _read(match: re.Match[str], text: str) -> WrittenDate | None:
    span = dict(start=match.start(), end=match.end(), text=match.group(0))
    g = dict.fromkeys(("numeric", "words", "day_month", "month", "quarter", "half"), None) | match.groupdict()
    if g["numeric"]:
        year, month, day = _full_year(g["ny"]), int(g["nm"]), int(g["nd"])
        return WrittenDate(**span, precision="day", year=year, month=month, day=day) if _valid(year, month, day) else None
    if g["words"] or g["day_month"]:
        if g["words"] and not g["wy"] and not match.group(0)[:4].lower() == "ngày" and not LISTED.search(
            text, 0, match.start()
        ):
            return None  # ``6 tháng 12`` is a count, unless ``ngày`` or a date listed before it (``và``) says so
        day = _number(g["wd"] or g["dd"])
        month = _number(g["wm"] or g["dm"])
        year = _number(g["wy"]) if g["wy"] else None
        return WrittenDate(**span, precision="day", year=year, month=month, day=day) if _valid(year, month, day) else None
    if g["month"]:
        year, month = _number(g["my"]), _number(g["mm"])
        return WrittenDate(**span, precision="month", year=year, month=month) if _valid(year, month, None) else None
    if g["quarter"]:
        part = ROMAN.get(g["q"].upper()) or int(g["q"])
        return WrittenDate(**span, precision="quarter", year=_number(g["qy"]), part=part)
    if g["half"]:
        half = g["h"] or g["h2"]
        return WrittenDate(**span, precision="half_year", year=_number(g["hy"] or g["hy2"]),
                           part=1 if half.lower() == "đầu" else 2)  # fmt: skip
    year = _number(g["yy"])
    return WrittenDate(**span, precision="year", year=year) if _valid(year, 1, None) else None  # (1000 TOE) is no year


def find_dates(text: str, bare: bool = False) -> list[WrittenDate]:
    """Every date and period written in `text`, left to right, none overlapping. `bare`: the text is a time
    value alone (a table's time column), where ``6/2025`` is a month and ``2025`` a year."""
    if not _DIGIT.search(text):
        return []  # every date has digits: the grammar, tried at each position, is not tried on a text with none
    found = [w for w in (_read(match, text) for match in _GRAMMAR.finditer(text)) if w is not None]
    if shared := _quarters_sharing_a_year(text):
        found = sorted(shared + [w for w in found if not any(q.start < w.end and w.start < q.end for q in shared)],
                       key=lambda w: w.start)  # fmt: skip
    if bare:
        taken = [(w.start, w.end) for w in found]
        for match in _BARE.finditer(text):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                written = _read(match, text)
                found += [written] if written is not None else []
        found.sort(key=lambda w: w.start)
    return found


def _quarters_sharing_a_year(text: str) -> list[WrittenDate]:
    """Each quarter of a list whose year is written once, after the last (``Quý III và Quý IV/2025``): the last
    with the year, the others alone, all in that year."""
    found = []
    for match in _SHARED_YEAR.finditer(text):
        year = _number(match["year"])
        quarters = list(_ONE_QUARTER.finditer(text, match.start(), match.start("year")))
        for i, quarter in enumerate(quarters):
            end = match.end() if i == len(quarters) - 1 else quarter.end()
            part = ROMAN.get(quarter["q"].upper()) or int(quarter["q"])
            found.append(WrittenDate(quarter.start(), end, text[quarter.start() : end], "quarter", year, part=part))
    return found


IN_WORDS = r"(?=ngày\s*\d(?:\s?\d)?\s*tháng)"  # a date in words ahead: ngày 15 tháng 12 năm 2025, ngày 0 5 tháng 0 6 …
ADOPTION = re.compile(rf"\bthông\s+qua\b[^.;]{{0,80}}?(?P<date>{IN_WORDS}{EXACT_DATE})")
"""The date a law or a resolution was passed (``… thông qua ngày 26 tháng 9 năm 2025``), in words."""


def adoption_date(text: str) -> date | None:
    """The date the adoption sentence in `text` gives (``Luật này được Quốc hội … thông qua ngày 10 tháng 12 năm
    2025``), None where it gives none or one that does not exist."""
    found = ADOPTION.search(text)
    return parse_date(found["date"]) if found else None


def parse_date(text: str) -> date | None:
    """The first exact date with its year written in `text` (``ngày 15 tháng 12 năm 2022`` → 2022-12-15)."""
    for written in find_dates(text):
        if written.precision == "day" and written.year is not None:
            return written.last_day
    return None


def iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or None when the three make no date (``31/02``)."""
    return date(year, month, day).isoformat() if _valid(year, month, day) else None
