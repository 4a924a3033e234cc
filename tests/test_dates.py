"""The date grammar reads a date or period in every form documents write it, and never raises on odd text."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline.language.dates import EXACT_DATE, find_dates, iso_date, parse_date


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("trước ngày 15/12/2022", date(2022, 12, 15)),
        ("ngày 15 tháng 12 năm 2022", date(2022, 12, 15)),
        ("15-12-2022", date(2022, 12, 15)),
        ("15.12.2022", date(2022, 12, 15)),
        ("Ngày: 31/10/22", date(2022, 10, 31)),
        ("ngày 0 5 tháng 0 6 năm 2 022", date(2022, 6, 5)),  # digits split by OCR
        ("ngày 15tháng 12năm 2022", date(2022, 12, 15)),
        ("ngày 15 tháng 12, năm 2022", date(2022, 12, 15)),
    ],
)
def test_an_exact_date_in_any_written_form(written: str, expected: date) -> None:
    assert parse_date(written) == expected
    assert [(d.precision, d.last_day) for d in find_dates(written)] == [("day", expected)]


@pytest.mark.parametrize(
    ("written", "precision", "last_day"),
    [
        ("trong tháng 9/2025", "month", date(2025, 9, 30)),
        ("tháng 0 2 năm 2024", "month", date(2024, 2, 29)),
        ("trong quý IV/2022", "quarter", date(2022, 12, 31)),
        ("Quý III - 2022", "quarter", date(2022, 9, 30)),
        ("quý 1 năm 2019", "quarter", date(2019, 3, 31)),
        ("quý I, năm 2019", "quarter", date(2019, 3, 31)),
        ("6 tháng đầu năm 2023", "half_year", date(2023, 6, 30)),
        ("6 tháng cuối năm 2023", "half_year", date(2023, 12, 31)),
        ("đến hết năm 2019", "year", date(2019, 12, 31)),
    ],
)
def test_a_period_gives_its_last_day_and_precision(written: str, precision: str, last_day: date) -> None:
    (found,) = find_dates(written)
    assert (found.precision, found.last_day) == (precision, last_day)
    assert written.endswith(found.text)


def test_a_day_and_month_without_year_keep_no_year() -> None:
    found = find_dates("trước ngày 15 tháng 6 và 15 tháng 12 hằng năm")
    assert [(d.day, d.month, d.year, d.last_day) for d in found] == [(15, 6, None, None), (15, 12, None, None)]
    assert [(d.day, d.month) for d in find_dates("trước ngày 15/6 hằng năm")] == [(15, 6)]


def test_what_is_no_date_is_not_read_as_one() -> None:
    assert find_dates("Quyết định số 12/2019/QĐ-UBND") == []
    assert find_dates("trong 6 tháng 12 ngày") == []  # a count of months, no date
    assert find_dates("ngày 31/02/2020 và 32/13/2020") == []
    assert parse_date("tháng 9/2025") is None  # a month is no exact date
    assert iso_date(2022, 2, 31) is None and iso_date(2022, 2, 28) == "2022-02-28"


def test_the_dates_of_a_cited_document_are_found_beside_its_number() -> None:
    text = "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ"
    assert [(d.text, d.last_day) for d in find_dates(text)] == [("ngày 05/3/2020", date(2020, 3, 5))]


def test_the_exact_date_pattern_embeds_in_another() -> None:
    place_date = re.compile(rf"(?P<place>[^\W\d_]+),\s*(?P<date>{EXACT_DATE})")
    match = place_date.search("Bình Định, ngày 18 tháng 10 năm 2022")
    assert match and match["place"] == "Định" and parse_date(match["date"]) == date(2022, 10, 18)


def test_odd_text_never_raises() -> None:
    for text in ("", "ngày", "quý V/2020", "tháng 13/2020", "năm 99999", "ngày 00/00/0000", "\x00 ngày 1/1/1"):
        find_dates(text)
        parse_date(text)
