"""The deadline grammar on the ways plans, công văn and procedure lists write a time: a table column's heading that
gives the unit of its amounts, a weekday inside a date, a clock time before it, periods that share a year, a period
opening a clause, a labelled time line under a task, and the spellings OCR leaves in a quarter."""

from __future__ import annotations

from datetime import date

from pipeline.language.deadlines import column_unit, read_time_value
from tests.test_structure import dev


def test_a_time_column_heading_gives_the_unit_of_its_amounts() -> None:
    assert column_unit("Thời hạn giải quyết (Ngày làm việc)") == "working_day"
    assert column_unit("Thời hạn giải quyết (ngày)") == "day"
    assert column_unit("Thời gian hoàn thành") is None
    # days written plainly under a heading in working days are working days; a bare amount is one in the heading's unit
    assert [(d.relative_amount, d.relative_unit) for d in read_time_value("07 ngày", "working_day")] == [(7, "working_day")]
    assert [(d.text, d.relative_amount, d.relative_unit) for d in read_time_value("15", "day")] == [("15", 15, "day")]
    assert [(d.relative_amount, d.relative_unit) for d in read_time_value("07 ngày")] == [(7, "day")]
    assert read_time_value("15") == []  # an amount alone is no limit without a unit


def test_a_procedure_list_s_days_are_working_days_when_its_column_says_so() -> None:
    # Quyết định 1766/QĐ-UBND (Bình Thuận): `| TT | Mã số TTHC | Tên TTHC | Thời hạn giải quyết (Ngày làm việc) | …`
    decision = dev("src-congbot-14.txt")
    (row,) = [t for t in decision.tasks if t.text.startswith("1 | 2.000815 |")]
    assert [(d.text, d.relative_amount, d.relative_unit) for d in row.deadlines] == [
        ("Trong ngày", 0, "day"),  # the same day stays a day
        ("Không quá 02 ngày", 2, "working_day"),
    ]
