"""The deadline grammar on the ways plans, công văn and procedure lists write a time: a table column's heading that
gives the unit of its amounts, a weekday inside a date, a clock time before it, periods that share a year, a period
opening a clause, a labelled time line under a task, and the spellings OCR leaves in a quarter."""

from __future__ import annotations

from datetime import date

from pipeline.language.deadlines import column_unit, find_deadlines, is_time_line, read_time_value
from tests.test_structure import dev, structure_of


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


def typed(text: str, issued: date | None = None) -> list[tuple]:
    return [(d.kind, d.text, d.deadline, d.precision) for d in find_deadlines(text, issued)]


def test_a_weekday_inside_a_date_and_a_clock_time_before_it_are_part_of_the_limit() -> None:
    # công văn write the day of the week (phrasings of the independent set; none in the bulk corpus of decrees)
    assert typed("Các sở gửi báo cáo về Sở Nội vụ trước thứ Sáu, ngày 15/8/2025.") == [
        ("by_date", "trước thứ Sáu, ngày 15/8/2025", date(2025, 8, 15), "day")
    ]
    # a clock time is no amount of hours: not a 10-hour limit
    assert typed("Đề nghị các đơn vị gửi trước 10 giờ, thứ Hai, ngày 18/8/2025.") == [
        ("by_date", "trước 10 giờ, thứ Hai, ngày 18/8/2025", date(2025, 8, 18), "day")
    ]
    assert typed("gửi trước 10 giờ 00 ngày thứ 2, 18/8/2025")[0][1:3] == ("trước 10 giờ 00 ngày thứ 2, 18/8/2025", date(2025, 8, 18))


def test_a_completion_verb_makes_den_ngay_a_limit_but_a_point_data_run_to_is_none() -> None:
    assert typed("Sở Tài chính hoàn thành đến ngày 30/9/2025.") == [("by_date", "đến ngày 30/9/2025", date(2025, 9, 30), "day")]
    assert typed("Số liệu báo cáo tính đến ngày 30/6/2025.") == []


def test_quarters_that_share_a_year_are_each_a_deadline_in_that_year() -> None:
    assert typed("Sở Xây dựng triển khai trong Quý III và Quý IV/2025.") == [
        ("by_date", "trong Quý III", date(2025, 9, 30), "quarter"),
        ("by_date", "Quý IV/2025", date(2025, 12, 31), "quarter"),
    ]
    assert [(d.text, d.deadline) for d in read_time_value("Quý III, IV năm 2025")] == [
        ("Quý III", date(2025, 9, 30)), ("IV năm 2025", date(2025, 12, 31))
    ]
    # a range of quarters is read as its end
    assert typed("hoàn thành trong Quý III - Quý IV/2025")[0][1:3] == ("trong Quý III - Quý IV/2025", date(2025, 12, 31))


def test_the_spellings_typists_and_ocr_leave_in_a_quarter_are_read() -> None:
    # the plan kh-45-tu (data/raw) is read by OCR as `hoàn thành trong quý 1/2025`
    assert typed("hoàn thành trong quý 1/2025.")[0][2:] == (date(2025, 3, 31), "quarter")
    assert typed("hoàn thành trong Qúy II/2025")[0][1:3] == ("trong Qúy II/2025", date(2025, 6, 30))
    assert typed("hoàn thành trong quí IV năm 2025")[0][2] == date(2025, 12, 31)


def test_a_period_opening_a_duty_s_clause_is_its_deadline_but_not_a_past_step_or_a_goal() -> None:
    issued = date(2025, 8, 1)
    assert typed("Tháng 10/2025, Sở Nội vụ tổ chức sơ kết việc thực hiện Kế hoạch.", issued) == [
        ("by_date", "Tháng 10/2025", date(2025, 10, 31), "month")
    ]
    assert typed("- Quý IV/2025: Sở Tư pháp tổng kết, báo cáo Ủy ban nhân dân tỉnh.", issued)[0][1] == "Quý IV/2025"
    assert typed("Tháng 7/2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 120/KH-UBND.", issued) == []  # before the date
    assert typed("Năm 2025, toàn tỉnh đã hoàn thành xóa nhà tạm.", issued) == []  # what was done
    assert typed("Năm 2026: đạt 50% hộ dân sử dụng dịch vụ công trực tuyến.", issued) == []  # a goal
    assert typed("Báo cáo tình hình tháng 10/2025, Sở Nội vụ tổng hợp.", issued) == []  # inside a sentence: a date named
    # … or the verb of its duty right after it (Nghị định on the poverty line, src-vbpl-27 = bulk doc_000389)
    duty = "tại các địa phương; năm 2030 tổ chức tổng kết việc thực hiện chuẩn nghèo đa chiều quốc gia giai đoạn 2027 - 2030."
    assert typed(duty, date(2025, 10, 1)) == [("by_date", "năm 2030", date(2030, 12, 31), "year")]
    assert typed("Năm 2025 toàn tỉnh có 300 hộ nghèo.", issued) == []  # no duty's verb


def test_a_labelled_time_line_under_a_plan_s_item_is_that_item_s_deadline() -> None:
    assert is_time_line("- Thời gian: Quý III/2025") and is_time_line("Thời gian thực hiện: Tháng 12/2013 và thường xuyên.")
    assert not is_time_line("Thời gian: ..... giờ ..... phút, ngày ....... tháng .... năm .....")  # a form's blank
    assert not is_time_line("b) Cách ly thời gian: Thực vật biến đổi gen khảo nghiệm được cách ly")
    plan = structure_of(
        "KẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 34-CT/TW\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Sở Xây dựng chủ trì rà soát quỹ đất phát triển nhà ở xã hội trên địa bàn tỉnh.\n- Thời gian: Quý III/2025\n"
        "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
    )
    (task,) = [t for t in plan.tasks if t.text.startswith("1. Sở Xây dựng")]
    assert [(d.text, d.deadline) for d in task.deadlines] == [("Quý III/2025", date(2025, 9, 30))]


def test_a_list_of_periods_opening_a_line_is_no_duty_s_time() -> None:
    # a line of months alone (a long time cell of a legislative programme, src-vbpl-07) sets no duty
    assert typed("Tháng 03/2026, tháng 04/2026, tháng 05/2026", date(2025, 12, 1)) == []
