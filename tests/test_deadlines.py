"""The deadline grammar: every time limit a text sets, typed; and the words that are no deadline left out."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.evaluate.run import bulk_texts
from pipeline.language.deadline_words import words
from pipeline.language.deadlines import find_deadlines, is_time_column, next_due, read_time_value
from pipeline.language.relative_limits import NEXT_DAY_WORDS
from tests.test_structure import dev, structure_of


def typed(text: str, issued: date | None = None) -> list[tuple]:
    return [
        (d.kind, d.text, d.deadline, d.precision, d.relative_amount, d.relative_unit, d.relative_anchor, d.recurrence)
        for d in find_deadlines(text, issued)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gửi về Văn phòng trước ngày 15/12/2022.", ("trước ngày 15/12/2022", date(2022, 12, 15), "day")),
        ("hoàn thành trước ngày 31 tháng 12 năm 2025;", ("trước ngày 31 tháng 12 năm 2025", date(2025, 12, 31), "day")),
        ("hoàn thành trong quý I/2023.", ("trong quý I/2023", date(2023, 3, 31), "quarter")),
        ("Sở Nội vụ triển khai trong tháng 9/2025.", ("trong tháng 9/2025", date(2025, 9, 30), "month")),
        ("Các địa phương thực hiện xong đến hết năm 2019.", ("đến hết năm 2019", date(2019, 12, 31), "year")),
        ("báo cáo 6 tháng đầu năm trong 6 tháng đầu năm 2023", ("trong 6 tháng đầu năm 2023", date(2023, 6, 30), "half_year")),
        ("3. Chậm nhất đến ngày 01 tháng 7 năm 2027, các Bộ phải hoàn thành", ("Chậm nhất đến ngày 01 tháng 7 năm 2027", date(2027, 7, 1), "day")),
    ],
)
def test_a_date_or_period_after_a_limit_word_is_a_deadline_with_its_last_day(text, expected) -> None:
    (found,) = typed(text)
    assert found[0] == "by_date" and found[1:4] == expected


def test_a_limit_counted_from_an_event_keeps_amount_unit_and_anchor() -> None:
    text = "Trong thời hạn không quá 15 (mười lăm) ngày làm việc kể từ ngày nhận được văn bản đề nghị của Ủy ban nhân dân xã, phường, thị trấn, Sở Tài nguyên và Môi trường có trách nhiệm:"
    (found,) = typed(text)
    # the anchor reads on through a list of its own (xã, phường, thị trấn) and stops at a word that opens more
    assert found[0] == "relative" and found[4:7] == (15, "working_day", "kể từ ngày nhận được văn bản đề nghị của Ủy ban nhân dân xã, phường, thị trấn")
    (hours,) = typed("báo cáo trong thời hạn 12 giờ kể từ khi phát hiện, Sở Y tế tổng hợp")
    assert hours[4:7] == (12, "hour", "kể từ khi phát hiện")
    (before,) = typed("chậm nhất 03 ngày trước thời điểm tổ chức hội nghị.")
    assert before[4:7] == (3, "day", "trước thời điểm tổ chức hội nghị")
    (later,) = typed("phải có thông báo yêu cầu bổ sung hồ sơ không muộn hơn 08 giờ làm việc hoặc theo thời hạn")
    assert later[1] == "không muộn hơn 08 giờ làm việc" and later[4:6] == (8, "hour")
    # the anchor stops where the text cites where the event's thing is defined, and keeps the rule it happens under
    (cited,) = typed("Trong thời hạn 10 ngày làm việc kể từ ngày nhận đầy đủ hồ sơ quy định tại khoản 1 Điều này, Bộ")
    assert cited[6] == "kể từ ngày nhận đầy đủ hồ sơ"
    (law,) = typed("Bộ Ngoại giao có trách nhiệm kiểm tra điều ước quốc tế trong thời hạn 10 ngày kể từ ngày nhận đủ hồ sơ "
                   "theo quy định tại Điều 21 của Luật này.")  # bulk2 doc_000348
    assert law[6] == "kể từ ngày nhận đủ hồ sơ theo quy định tại Điều 21 của Luật này"


@pytest.mark.parametrize(
    ("text", "anchor"),
    [  # items of a list in the event: about 250 in 110 bulk documents stopped at their first comma
        ("Trong thời hạn 15 ngày, kể từ ngày nhận được báo cáo giải trình, tiếp thu ý kiến thẩm định, Bộ Khoa học và Công nghệ ban hành",
         "kể từ ngày nhận được báo cáo giải trình, tiếp thu ý kiến thẩm định"),
        ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ, hợp lệ, Ngân hàng Nhà nước xem xét",
         "kể từ ngày nhận được hồ sơ đầy đủ, hợp lệ"),
        ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được ý kiến của bộ, ngành chủ quản, Ủy ban nhân dân tỉnh",
         "kể từ ngày nhận được ý kiến của bộ, ngành chủ quản"),
        # … but not the doer of the clause, nor a phrase of it, after the comma
        ("Trong thời hạn 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ, cơ quan, đơn vị quy định tại khoản 4 Điều này thẩm định",
         "kể từ ngày nhận đủ hồ sơ hợp lệ"),
        ("Trong thời hạn 60 ngày, kể từ ngày nhận được hồ sơ đề xuất hợp lệ, bộ, cơ quan ngang bộ có trách nhiệm",
         "kể từ ngày nhận được hồ sơ đề xuất hợp lệ"),
        ("Trong thời hạn 30 ngày kể từ ngày Thông tư này có hiệu lực, chủ trì, phối hợp với các cơ quan xây dựng",
         "kể từ ngày Thông tư này có hiệu lực"),
        ("Trong thời hạn 20 ngày làm việc, kể từ ngày kết thúc hội đàm, căn cứ kết quả hội đàm, Bộ Quốc phòng",
         "kể từ ngày kết thúc hội đàm"),
        ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận hồ sơ, Bộ trưởng quyết định", "kể từ ngày nhận hồ sơ"),
    ],
)
def test_an_anchor_reads_on_through_a_list_of_its_event_to_the_clauses_doer(text, anchor) -> None:
    (found,) = typed(text)
    assert found[6] == anchor


def test_an_anchor_reads_on_through_a_longer_item_that_repeats_the_head_of_the_one_before() -> None:
    # 12 anchors in 10 bulk documents: bulk3 doc_000536 (cuộc thi viết, cuộc thi sáng tác …), doc_000290
    texts = bulk_texts(["doc_000536", "doc_000290"])
    anchors = {d.relative_anchor for text in texts.values() for d in find_deadlines(text) if d.relative_anchor}
    assert "kể từ ngày kết thúc cuộc thi viết, cuộc thi sáng tác tác phẩm văn học" in anchors
    assert "kể từ ngày ký thỏa thuận cho vay, thỏa thuận gia hạn khoản cho vay" in anchors
    # … but not through a doer and its verb (…, tác giả hoàn thành tác phẩm và gửi trực tiếp …)
    assert "kể từ ngày thông báo được hỗ trợ đề cương tác phẩm" in anchors


def test_an_anchor_reads_on_past_a_doers_noun_that_is_the_events_own() -> None:
    # bulk doc_000010: 143 anchors in 59 bulk documents stopped at the word after khi, của, ngày …
    text = bulk_texts(["doc_000010"])["doc_000010"]
    anchors = [d.relative_anchor for d in find_deadlines(text) if d.relative_amount == 24]
    assert "kể từ khi cơ quan có thẩm quyền yêu cầu" in anchors
    (found,) = typed("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được thông báo của cơ quan chuyên môn, Sở Tài chính trình")
    assert found[6] == "kể từ ngày nhận được thông báo của cơ quan chuyên môn"


def test_an_anchor_reads_on_past_a_determiner_and_leaves_out_what_joins_it_to_the_duty() -> None:
    # bulk doc_000035, doc_000365: 23 anchors in 11 bulk documents ended on các, 9 in 7 on và / hoặc
    texts = bulk_texts(["doc_000035", "doc_000365"])
    anchors = {d.relative_anchor for text in texts.values() for d in find_deadlines(text) if d.relative_anchor}
    assert "kể từ ngày nhận đủ ý kiến của các cơ quan liên quan" in anchors
    assert "kể từ ngày kết thúc năm tài chính" in anchors
    assert not any(a.split()[-1] in ("các", "và", "hoặc") for a in anchors)


def test_an_anchor_ends_before_the_case_its_limit_is_set_for_but_not_before_a_nouns_complement() -> None:
    # `đối với` after the event names the case or party (58 anchors in 23 bulk documents): bulk doc_000246, doc_000167
    texts = bulk_texts(["doc_000246", "doc_000167"])
    anchors = {d.relative_anchor for text in texts.values() for d in find_deadlines(text) if d.relative_anchor}
    assert "kể từ ngày nhận được hồ sơ" in anchors
    assert "kể từ ngày quyết định xử phạt vi phạm hành chính có hiệu lực" in anchors
    assert not any("đối với" in a for a in anchors)
    (case,) = typed("trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ đối với trường hợp tổ chức, Sở Tư pháp cấp")
    assert case[1] == "trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ"
    (complement,) = typed("Trong thời hạn 05 ngày kể từ ngày nhận được văn bản tham gia ý kiến đối với dự án, Bộ Tài chính gửi")
    assert complement[6] == "kể từ ngày nhận được văn bản tham gia ý kiến đối với dự án"


@pytest.mark.parametrize(
    ("text", "anchor"),
    [  # what a document of the event is about (45 in 26 bulk documents), not the form it is made on (73 in 21)
        ("Trong thời hạn 10 ngày kể từ ngày nhận được văn bản của Cơ quan có thẩm quyền về việc không cấp lại Giấy phép, "
         "tổ chức phải nộp lại", "kể từ ngày nhận được văn bản của Cơ quan có thẩm quyền về việc không cấp lại Giấy phép"),
        ("trong thời gian 02 ngày làm việc kể từ ngày nhận được đơn đề nghị về việc thay đổi nơi thường trú của đối tượng "
         "theo Mẫu số 06a tại Phụ lục, Ban Chỉ huy gửi", "kể từ ngày nhận được đơn đề nghị về việc thay đổi nơi thường trú của đối tượng"),
        # … who hands the event's thing over, to that verb (18 in 11 bulk documents); any other `do` ends the event
        ("Trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ do cơ quan, đơn vị cấp trên trực tiếp của đội quy tập chuyển đến, "
         "Cục Chính sách phải", "kể từ ngày nhận đủ hồ sơ do cơ quan, đơn vị cấp trên trực tiếp của đội quy tập chuyển đến"),
        ("Trong thời hạn 10 ngày kể từ ngày nhận hồ sơ do thiếu thông tin, Sở phải trả lời", "kể từ ngày nhận hồ sơ"),
    ],
)
def test_an_anchor_keeps_the_complements_of_its_events_nouns(text, anchor) -> None:
    assert typed(text)[0][6] == anchor


def test_a_note_in_brackets_between_an_amount_and_its_event_is_part_of_the_limit() -> None:
    # 10 in 6 bulk documents (tune gold bulk doc_000213): the event after the note is the anchor
    text = ("a) nhà đầu tư gửi văn bản đề nghị làm rõ hồ sơ tối thiểu 05 ngày làm việc (đối với lựa chọn nhà đầu tư trong "
            "nước), 07 ngày làm việc (đối với lựa chọn nhà đầu tư quốc tế) trước ngày có thời điểm đóng thầu.")
    (found,) = [d for d in typed(text) if d[4] == 7]
    assert found[1] == "07 ngày làm việc (đối với lựa chọn nhà đầu tư quốc tế) trước ngày có thời điểm đóng thầu"
    assert found[6] == "trước ngày có thời điểm đóng thầu"


def test_a_limit_with_no_event_of_its_own_counts_from_the_clause_its_sentence_opens_with() -> None:
    # a `Khi …`, `Sau khi …`, `Trước khi …` clause before the limit (27 in 21 bulk documents; tune gold bulk3 doc_000392,
    # bulk4 doc_000177): the event as written, the limit's phrase alone
    (found,) = typed("Sau khi tiếp nhận đầy đủ hồ sơ, trong thời hạn 02 ngày làm việc, Ủy ban Công tác gửi văn bản lấy ý kiến.")
    assert found[1] == "trong thời hạn 02 ngày làm việc" and found[6] == "Sau khi tiếp nhận đầy đủ hồ sơ"
    (proposal,) = typed("b) Khi nhận được đề xuất của Công an cấp xã, trong thời hạn 03 ngày làm việc, Chủ tịch xem xét.")
    assert proposal[6] == "Khi nhận được đề xuất của Công an cấp xã"
    # … a limit with its own event keeps it
    (own,) = typed("Khi có yêu cầu, trong thời hạn 10 ngày kể từ ngày nhận hồ sơ, Sở phải trả lời.")
    assert own[6] == "kể từ ngày nhận hồ sơ"


def test_days_after_an_event_that_open_a_duty_are_its_time_but_not_when_they_open_a_condition() -> None:
    # bulk doc_000346 (3 such limits), doc_000109 (1); doc_000290, doc_000542: the same opening before `nếu`
    texts = bulk_texts(["doc_000346", "doc_000109", "doc_000290", "doc_000542"])
    found = {i: [d for d in find_deadlines(t) if d.text.lower().startswith("sau ")] for i, t in texts.items()}
    assert [(d.relative_amount, d.relative_unit, d.relative_anchor) for d in found["doc_000346"]] == [
        (10, "working_day", "kể từ ngày có quyết định thu hồi giấy phép")
    ] * 3
    assert [d.text for d in found["doc_000109"]] == ["Sau 30 ngày, kể từ khi khởi công dự án"]
    assert found["doc_000290"] == found["doc_000542"] == []


def test_a_recurring_day_has_no_written_precision_and_a_limit_from_an_event_no_recurrence() -> None:
    (day,) = find_deadlines("Sở Nội vụ báo cáo trước ngày 15 tháng 12 hằng năm.")
    assert day.columns()["deadline_precision"] is None and day.columns()["recurrence"] == "yearly"
    (quarter,) = typed("Hàng quý, năm lập báo cáo gửi Bộ chậm nhất sau khi kết thúc quý 15 ngày.")
    assert quarter[0] == "relative" and quarter[7] is None


def test_a_term_a_range_or_a_period_run_out_is_no_limit() -> None:
    # bulk: a licence's term (doc_000155), a record kept (doc_000215), a sanction's range (doc_000167), a period
    # that runs out before something happens (doc_000468: 32 in 10 bulk documents)
    texts = bulk_texts(["doc_000155", "doc_000215", "doc_000167", "doc_000468"])
    found = {i: [d.text for d in find_deadlines(t) if d.kind == "relative"] for i, t in texts.items()}
    assert "06 tháng kể từ ngày cấp" not in found["doc_000155"]
    assert not [d for d in found["doc_000215"] if "30 năm" in d]
    assert "trong thời hạn 03 tháng" not in found["doc_000167"]
    assert "15 ngày kể từ ngày được thông báo" not in found["doc_000468"]  # Hết thời hạn 15 ngày … mà …
    (notice,) = typed("a) Trước thời gian đi công tác ít nhất 20 (hai mươi) ngày làm việc, đơn vị gửi hồ sơ")
    assert notice[4:7] == (20, "working_day", "Trước thời gian đi công tác")


def test_working_days_after_trong_are_a_time_to_act_unless_they_run_on() -> None:
    (days,) = typed("dự án sử dụng vốn ngân sách trung ương đã được quyết định, báo cáo Bộ Tài chính trong 03 ngày làm việc.")
    assert days[:2] == ("relative", "trong 03 ngày làm việc") and days[4:6] == (3, "working_day")
    assert typed("nếu chênh lệch này vượt quá 50% trong 03 ngày làm việc liên tục.") == []
    assert typed("thực hiện trong 6 tháng đầu năm") == []


def test_an_event_named_before_its_amount_is_a_relative_limit() -> None:
    # bulk corpus: renewals and notices due some days before an event (Trước thời điểm … hết hạn ít nhất 60 ngày, …)
    (renewal,) = typed("1. Trước thời điểm Giấy đăng ký hoạt động hết hạn ít nhất 60 ngày, tổ chức phi chính phủ nước ngoài nộp")
    assert renewal[4:7] == (60, "day", "Trước thời điểm Giấy đăng ký hoạt động hết hạn")
    (notice,) = typed("a) Trước khi kê biên tài sản là bất động sản ít nhất là 03 ngày làm việc, Chấp hành viên thông báo")
    assert notice[1] == "Trước khi kê biên tài sản là bất động sản ít nhất là 03 ngày làm việc" and notice[5] == "working_day"


def test_a_span_counted_back_to_a_point_is_a_limit_only_when_due_before_it() -> None:
    assert typed("những vấn đề đã được nêu trong thời gian 12 tháng tính đến thời điểm chất vấn.") == []
    # an age or a validity after a limit word (36 in 17 bulk documents)
    assert typed("03 ảnh màu cỡ 3x4cm ảnh chụp trong thời hạn không quá 06 tháng tính đến ngày nộp hồ sơ.") == []
    assert typed("và thời gian gián đoạn không quá hai năm tính đến thời điểm đề nghị cấp thẻ giám định viên;") == []
    (notice,) = typed("phải kết thúc trước 10 ngày tính đến ngày Chủ tịch Ủy ban nhân dân cấp xã có Quyết định gọi công dân")
    assert notice[4:6] == (10, "day")
    (limit,) = typed("phải được ban hành chậm nhất trước 20 (hai mươi) ngày làm việc tính đến ngày văn bản có hiệu lực")
    assert limit[4:7] == (20, "working_day", "tính đến ngày văn bản có hiệu lực")


def test_a_recurring_deadline_keeps_its_day_and_frequency() -> None:
    assert typed("Định kỳ trước ngày 15 hằng tháng, các sở báo cáo.")[0][1::6] == ("Định kỳ trước ngày 15 hằng tháng", "monthly")
    assert [(d[1], d[7]) for d in typed("báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 6 và trước ngày 15 tháng 12 hằng năm.")] == [
        ("trước ngày 15 tháng 6", "yearly"), ("trước ngày 15 tháng 12 hằng năm", "yearly")
    ]
    # the issue's own example: a report named by its period, then its day (no amount counted back from a day)
    assert [(d[0], d[1]) for d in typed("báo cáo 6 tháng trước ngày 15/6 và năm trước ngày 15/12.")] == [
        ("recurring", "trước ngày 15/6"), ("recurring", "trước ngày 15/12")
    ]
    # a frequency and the days it governs: the days, with the frequency's recurrence
    found = typed("định kỳ 6 tháng báo cáo kết quả về Bộ Khoa học và Công nghệ trước ngày 15 tháng 6 và trước ngày 01 tháng 12.")
    assert [(d[1], d[7]) for d in found] == [("trước ngày 15 tháng 6", "half_yearly"), ("trước ngày 01 tháng 12", "half_yearly")]
    assert typed("gửi về Sở Xây dựng (trước ngày 20 tháng cuối quý)")[0][7] == "quarterly"
    # a day and month of every year written without `ngày` (4 in 3 bulk documents: doc_000115, 344, 753), or run into it
    assert [(d[1], d[7]) for d in typed("gửi về Bộ: Trước ngày 28/02 hằng năm và trước 15/8 hằng năm đối với khối trường")] == [
        ("Trước ngày 28/02 hằng năm", "yearly"), ("trước 15/8 hằng năm", "yearly")
    ]
    assert typed("báo cáo Bộ trưởng số lượng hóa chất cấm trước 30 tháng 01 hằng năm.")[0][1] == "trước 30 tháng 01 hằng năm"
    assert typed("báo cáo kết quả thực hiện về Bộ Công Thương trước ngày15 tháng 01 hằng năm.")[0][1] == "trước ngày15 tháng 01 hằng năm"
    assert typed("hoàn thành trong 6 tháng hằng năm") == []  # an amount of months, no day
    # a day in the period after the one reported on (bulk corpus: quarterly and monthly reports)
    reports = [
        ("gửi kết quả giám sát hằng quý chậm nhất là ngày 15 của tháng đầu tiên của quý tiếp theo để tổng hợp",
         "chậm nhất là ngày 15 của tháng đầu tiên của quý tiếp theo", "quarterly"),
        ("b) Định kỳ hàng quý, chậm nhất ngày 15 của tháng đầu quý sau, DNCX phải nộp báo cáo",
         "chậm nhất ngày 15 của tháng đầu quý sau", "quarterly"),
        ("c) Báo cáo hàng tháng gửi về đơn vị theo quy định trước ngày 28 tháng kế tiếp.", "trước ngày 28 tháng kế tiếp", "monthly"),
        ("thời hạn gửi báo cáo chậm nhất vào ngày 20 của tháng đầu năm liền kề tiếp theo.",
         "chậm nhất vào ngày 20 của tháng đầu năm liền kề tiếp theo", "yearly"),
    ]  # fmt: skip
    assert [(d[1], d[7]) for text, _, _ in reports for d in typed(text)] == [(p, r) for _, p, r in reports]
    assert next_due("chậm nhất ngày 15 của tháng đầu quý sau", date(2025, 6, 21)) == date(2025, 7, 15)


@pytest.mark.parametrize(
    ("text", "phrase", "recurrence", "due"),
    [
        ("b) Trước ngày 25 tháng cuối năm, Cục Đường sắt Việt Nam gửi báo cáo", "Trước ngày 25 tháng cuối năm", "yearly",
         date(2025, 12, 25)),
        ("gửi Ủy ban nhân dân cấp tỉnh chậm nhất vào ngày 17 của tháng cuối thuộc kỳ báo cáo;",
         "chậm nhất vào ngày 17 của tháng cuối thuộc kỳ báo cáo", None, None),
        ("đóng bảo hiểm y tế chậm nhất vào ngày cuối cùng của tháng đầu quý liền kề sau cho cơ quan",
         "chậm nhất vào ngày cuối cùng của tháng đầu quý liền kề sau", "quarterly", date(2025, 7, 31)),
        ("a) Báo cáo tháng: Trước ngày 15 của tháng báo cáo;", "Trước ngày 15 của tháng báo cáo", "monthly", date(2025, 7, 15)),
        ("phải gửi Văn phòng chậm nhất vào ngày 20 tháng trước;", "chậm nhất vào ngày 20 tháng trước", "monthly",
         date(2025, 7, 20)),
    ],
)  # fmt: skip
def test_a_day_in_a_month_named_by_its_place_in_a_period_recurs(text, phrase, recurrence, due) -> None:
    """The bulk corpus names the month of a report's day by its place (tháng cuối năm, tháng cuối thuộc kỳ báo cáo,
    tháng đầu quý liền kề sau, tháng báo cáo, tháng trước; 37 texts), its day a number or ``cuối cùng``."""
    (found,) = find_deadlines(text)
    assert (found.kind, found.text, found.recurrence, next_due(found, date(2025, 6, 21))) == (
        "recurring", phrase, recurrence, due
    )


def test_a_frequency_is_a_deadline_where_it_opens_a_duty_not_where_it_qualifies_a_thing() -> None:
    assert [d[1] for d in typed("Hàng quý, UBND xã có trách nhiệm lập hồ sơ. Định kỳ kiểm tra việc chi trả.")] == ["Hàng quý", "Định kỳ"]
    assert typed("chi trả trợ cấp hàng tháng; xây dựng kế hoạch hằng năm; dự toán kinh phí hàng năm") == []
    assert typed("chỉ đạo xây dựng kế hoạch công tác nhiệm kỳ và hằng năm của ngành, lĩnh vực tại địa phương;") == []
    # a frequency written as a period per time (bulk: 34 in 9 texts)
    assert [(d[1], d[7]) for d in typed("phải thực hiện đánh giá giám sát 12 tháng/lần theo quy định")] == [
        ("12 tháng/lần", "yearly")
    ]
    assert typed("Nội dung báo cáo định kỳ:") == []


def test_ongoing_duties_and_what_only_sounds_like_one() -> None:
    assert [d[:2] for d in typed("Sở Tư pháp thường xuyên kiểm tra việc thực hiện.")] == [("ongoing", "thường xuyên")]
    assert typed("bên cạnh các nhiệm vụ thường xuyên, hộ gia đình thuộc vùng thường xuyên xảy ra thiên tai") == []


def test_effective_dates_validity_goals_and_cited_dates_are_no_deadlines() -> None:
    assert typed("Quyết định này có hiệu lực thi hành sau 10 ngày, kể từ ngày ký.") == []
    assert typed("Giấy ủy quyền có hiệu lực không quá một năm kể từ ngày xác lập việc ủy quyền.") == []
    # … only in the limit's own sentence: a validity word in the heading or sentence before it leaves it a limit
    # (bulk: 27 limits in 16 documents were lost so; doc_000084, doc_000514)
    (limit,) = typed("Điều 40. Thi hành quyết định giải quyết khiếu nại có hiệu lực pháp luật\na) Chậm nhất 05 ngày làm việc, kể "
                     "từ ngày quyết định giải quyết khiếu nại có hiệu lực pháp luật, người giải quyết khiếu nại có trách nhiệm")  # fmt: skip
    assert limit[4:6] == (5, "working_day")
    assert typed("văn bản chấp thuận đương nhiên hết hiệu lực.\n8. Trong thời hạn 24 tháng kể từ ngày Ngân hàng Nhà nước có "
                 "văn bản chấp thuận, ngân hàng thương mại phải khai trương")[0][4:6] == (24, "month")  # fmt: skip
    assert typed("Phấn đấu đến năm 2030 đạt 50 % doanh nghiệp, trong năm 2030 có 05 dự án.") == []
    assert typed("Thực hiện Quyết định số 1237/QĐ-TTg ngày 27/7/2013 của Thủ tướng Chính phủ.") == []
    # a date long before the document's own is a condition (đã thôi việc trước ngày 01 tháng 01 năm 1995)
    assert typed("đã thôi việc trước ngày 01 tháng 01 năm 1995", issued=date(2011, 11, 9)) == []
    # a date after a participle further back is a condition too (đã được … tiếp nhận trước ngày …)
    assert typed("đơn vị bán lẻ điện nông thôn được cấp giấy phép hoạt động điện lực trước ngày 01 tháng 7 năm 2025.") == []
    assert typed("phải được hoàn thành trước ngày 30 tháng 6 năm 2026.")[0][2] == date(2026, 6, 30)


@pytest.mark.parametrize(
    "text",
    [
        "a) Quá 05 ngày kể từ ngày hết hạn mà không thông báo;",  # an offence of a sanctions decree
        "Quá thời hạn 06 tháng, kể từ ngày nhận được thông báo đến nhận tài sản mà cá nhân không đến nhận thì",
        "ngân hàng không đáp ứng quy định tại điểm b khoản 3 Điều 9 Nghị định này trong vòng 06 tháng liên tiếp;",
        "đã có từ đủ 05 năm trở lên (60 tháng) công tác trong Ngành",  # a term restated in months
        "Mỗi công tương ứng với thời gian làm việc 01 ngày làm việc (08 giờ) của người lao động",
    ],
)
def test_a_limit_run_out_a_span_that_runs_on_and_a_restated_term_are_no_deadlines(text: str) -> None:
    assert typed(text) == []


def test_a_time_value_reads_bare_months_years_and_lists() -> None:
    values = {v: [(d.kind, d.text, d.deadline) for d in read_time_value(v)] for v in ("6/2025", "2025 - 2026", "2025-2026", "Thường xuyên")}
    assert values == {
        "6/2025": [("by_date", "6/2025", date(2025, 6, 30))],
        "2025 - 2026": [("by_date", "2025 - 2026", date(2026, 12, 31))],
        "2025-2026": [("by_date", "2025-2026", date(2026, 12, 31))],
        "Thường xuyên": [("ongoing", "Thường xuyên", None)],
    }
    assert [d.text for d in read_time_value("6 tháng, hằng năm và định kỳ")] == ["6 tháng", "hằng năm", "định kỳ"]
    assert [(d.kind, d.text) for d in find_deadlines("3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.")] == [
        ("by_date", "Tháng 12/2013"), ("ongoing", "thường xuyên")
    ]
    assert is_time_column("Thời gian hoàn thành") and not is_time_column("Cơ quan chủ trì")
    assert read_time_value("một nghìn tấn dầu tương đương (1000 TOE)") == []  # no year of a calendar


def test_a_task_table_row_takes_the_deadline_of_its_time_column() -> None:
    plan = dev("src-vnmp-06.txt")  # the Government's programme: a table of tasks with `Thời gian hoàn thành`
    rows = {t.text.split(" | ")[0]: t for t in plan.tasks if " | " in t.text}
    assert [(d.text, d.deadline, d.kind) for d in rows["1."].deadlines] == [("6/2025", date(2025, 6, 30), "by_date")]
    assert [d.kind for d in rows["2."].deadlines] == ["ongoing"]
    text = plan.tasks[0].text  # offsets index the document's text
    for task in plan.tasks:
        for d in task.deadlines:
            assert task.char_start <= d.start < d.end <= task.char_end


def test_a_regulation_s_recurring_and_relative_limits_are_all_found() -> None:
    regulation = dev("src-congbot-10.txt")
    found = [d.text for t in regulation.tasks for d in t.deadlines]
    assert "trong vòng 02 ngày làm việc kể từ khi nhận chứng từ hợp lệ" in found
    assert found.count("trước ngày 05 tháng 7 hàng năm") == 2
    assert "chậm nhất sau khi kết thúc quý 15 ngày" in found


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ngàyháquýnăm hằngtrướcđịnhkỳ0123456789/()-,.:;IVthườngxuyên")), max_size=200))
def test_odd_text_never_raises_and_spans_index_it(text: str) -> None:
    for d in find_deadlines(text) + read_time_value(text):
        assert 0 <= d.start <= d.end <= len(text) and text[d.start : d.end] == d.text


def test_the_next_day_a_deadline_falls_due() -> None:
    today = date(2025, 6, 21)
    assert next_due("trước ngày 15 hằng tháng", today) == date(2025, 7, 15)
    assert next_due("trước ngày 05 tháng 7 hàng năm", today) == date(2025, 7, 5)
    assert next_due("trước ngày 30 tháng 4 hàng năm", today) == date(2026, 4, 30)
    assert next_due("trước ngày 20 tháng cuối quý", today) == date(2025, 9, 20)
    (dated,) = find_deadlines("hoàn thành trước ngày 15/12/2025.")
    assert next_due(dated, today) == date(2025, 12, 15) and next_due(dated, date(2026, 1, 1)) is None
    assert next_due("thường xuyên", today) is None and next_due("Hàng quý", today) is None


def test_a_procedural_sentence_that_sets_a_time_limit_is_a_task_with_its_deadline() -> None:
    # Nghị định on the recovery of training costs: no part is headed as tasks, no "có trách nhiệm" in the sentence
    decree = dev("src-vbpl-25.txt")
    (task,) = [t for t in decree.tasks if t.text.startswith("Trong thời hạn 20 ngày làm việc, kể từ ngày nhận đủ")]
    (limit,) = task.deadlines
    assert (limit.kind, limit.relative_amount, limit.relative_unit, limit.relative_anchor) == (
        "relative", 20, "working_day", "kể từ ngày nhận đủ hồ sơ hợp lệ"
    )


def test_a_clause_that_sets_a_limit_and_lists_what_is_due_is_a_task() -> None:
    # Nghị định on criminal judgments (bulk doc_000130): short clauses ending in a colon read like headings
    decree = structure_of(bulk_texts(["doc_000130"])["doc_000130"])
    opening = "2. Trong thời hạn 02 ngày làm việc kể từ ngày ra quyết định thi hành án phạt tù, Tòa án phải gửi quyết định đó"
    (task,) = [t for t in decree.tasks if t.text.startswith(opening)]
    assert [(d.relative_amount, d.relative_anchor) for d in task.deadlines] == [(2, "kể từ ngày ra quyết định thi hành án phạt tù")]


def test_a_procedure_table_continued_after_a_heading_keeps_its_time_column() -> None:
    # Quyết định 1766/QĐ-UBND: the annex's table of procedures goes on under new headings without its heading row,
    # whose `Thời hạn giải quyết (Ngày làm việc)` still gives its days' unit
    decision = dev("src-congbot-14.txt")
    (row,) = [t for t in decision.tasks if "| 2.002039 | Thủ tục nhập quốc tịch Việt Nam |" in t.text]
    assert [(d.text, d.relative_amount, d.relative_unit) for d in row.deadlines] == [("115 ngày", 115, "working_day")]


def test_a_limit_in_a_sentence_that_obliges_or_thuong_xuyen_opening_a_clause_makes_a_task() -> None:
    # bulk doc_000215 (radiation safety) and doc_000346 (railway maintenance): duties outside a task part
    texts = bulk_texts(["doc_000215", "doc_000346"])
    (periodic,) = [t for t in structure_of(texts["doc_000215"]).tasks if t.text.startswith("b) Định kỳ 06 tháng phải")]
    assert [d.text for d in periodic.deadlines] == ["Định kỳ 06 tháng"]
    ongoing = [t for t in structure_of(texts["doc_000346"]).tasks if t.text.startswith("a) Thường xuyên kiểm tra")]
    assert ongoing and all(t.deadlines[0].text == "Thường xuyên" for t in ongoing)


def test_a_day_and_month_in_a_year_named_by_its_place_recur_yearly_as_one_phrase() -> None:
    # 13 bulk documents (35 phrases): trước ngày 15 tháng 4 năm tiếp theo, … của năm liền kề, … năm kế hoạch
    assert [(d[1], d[7]) for d in typed("- Báo cáo định kỳ hàng năm (trước ngày 15 tháng 4 năm tiếp theo) tình hình")] == [
        ("trước ngày 15 tháng 4 năm tiếp theo", "yearly")
    ]
    found = typed("c) Định kỳ 06 tháng và hằng năm, trước ngày 10 tháng 7 năm kế hoạch và trước ngày 28 tháng 02 năm sau năm")
    assert [d[1] for d in found] == ["trước ngày 10 tháng 7 năm kế hoạch", "trước ngày 28 tháng 02 năm sau"]


def test_thuong_xuyen_before_a_word_that_opens_no_verb_qualifies_what_precedes_it() -> None:
    # bulk: 40 of 180 'thường xuyên' read on tasks stand before a preposition, a conjunction or a frequency
    assert typed("a) Giúp Bộ trưởng tổ chức tiếp công dân thường xuyên tại địa điểm tiếp công dân của Bộ;") == []
    assert typed("nguồn ngân sách quốc phòng thường xuyên hằng năm và nguồn ngân sách khác") == []
    assert typed("c) Có sự phối hợp chặt chẽ, thường xuyên giữa các bộ, cơ quan ngang bộ") == []
    assert typed("4.3. Nếu một dòng chất thải phát sinh thường xuyên (có tính chất lặp đi lặp lại) từ một nguồn") == []
    # before a verb, at a clause's end, or with another frequency of the same duty it is the duty's time
    for text in ("Tổ bầu cử phải thường xuyên thông báo cho cử tri", "tổ chức kiểm tra, giám sát thường xuyên hoặc đột xuất",
                 "mở chuyên mục tuyên truyền, thực hiện thường xuyên."):  # fmt: skip
        assert [d[:2] for d in typed(text)] == [("ongoing", "thường xuyên")]


def test_a_limit_inside_a_condition_sets_no_duty() -> None:
    # transitional provisions (16 bulk documents): what was done before a day, what happens if a limit passes
    assert typed("1. Tổ chức, cá nhân đã được cơ quan nhà nước, người có thẩm quyền tiếp nhận hồ sơ để giải quyết thủ tục "
                 "hành chính trước ngày 01 tháng 01 năm 2026 mà chưa có kết quả thì tiếp tục được giải quyết") == []  # fmt: skip
    assert typed("5. Trường hợp địa phương chưa có kế hoạch sử dụng hết số tiền trồng rừng thay thế trong thời hạn 12 tháng "
                 "kể từ thời điểm chủ đầu tư hoàn thành nghĩa vụ nộp tiền thì phải chuyển số tiền còn lại") == []  # fmt: skip
    # the limit after the condition's 'thì', or a duty after the past, is the duty's
    assert typed("Trường hợp không công nhận thì trong thời hạn 03 ngày làm việc, Chủ tịch phải có văn bản trả lời")[0][1] == (
        "trong thời hạn 03 ngày làm việc"
    )
    assert typed("Các đơn vị đã được giao nhiệm vụ phải hoàn thành trước ngày 30/6/2026.")[0][1] == "trước ngày 30/6/2026"


def test_a_date_its_clause_goes_on_from_with_thi_is_what_happened_by_then() -> None:
    # bulk: 11 dates in 10 documents, each the condition of a transitional rule with no opener (doc_000063, doc_000308)
    texts = bulk_texts(["doc_000063", "doc_000308"])
    assert not [d for d in find_deadlines(texts["doc_000063"]) if d.kind == "by_date"]
    assert "trước ngày 01 tháng 01 năm 2026" not in [d.text for d in find_deadlines(texts["doc_000308"])]
    # a day a duty is due by, then a condition of its own, stays (thì after a comma opens another clause)
    assert typed("Các đơn vị báo cáo trước ngày 15/12/2025, nếu quá hạn thì Sở Nội vụ tổng hợp.")[0][1] == "trước ngày 15/12/2025"


def test_a_frequency_opening_a_sentence_makes_a_duty_unless_it_grants() -> None:
    # bulk: 34 paragraphs in 25 documents open with a frequency outside a task part (Hằng tuần, Cục … rà soát)
    texts = bulk_texts(["doc_000434", "doc_000001"])
    weekly = [t for t in structure_of(texts["doc_000434"]).tasks if t.text.startswith("b) Hằng tuần, Cục Thủy sản")]
    assert weekly and weekly[0].deadlines[0].text == "Hằng tuần"
    # recurring, with no recurrence: the contract names monthly, quarterly, half-yearly and yearly ones alone
    assert weekly[0].deadlines[0].kind == "recurring" and weekly[0].deadlines[0].recurrence is None
    assert not [t for t in structure_of(texts["doc_000001"]).tasks if t.text.startswith("b) Hằng năm, được hưởng")]
    # 'được' after the duty's verb is no grant (… thực hiện quyết toán số tiền phí thu được: doc_000044)
    fees = structure_of(bulk_texts(["doc_000044"])["doc_000044"]).tasks
    assert [t.deadlines[0].text for t in fees if t.text.startswith("c) Hằng năm, tổ chức thu phí thực hiện")] == ["Hằng năm"]


def test_the_end_of_a_span_from_a_day_is_no_limit() -> None:
    # reporting periods and school years (14 bulk documents): từ ngày … đến (hết) ngày …
    assert typed("6. Năm học được tính từ ngày 01 tháng 7 năm trước đến hết ngày 30 tháng 6 của năm liền kề.") == []
    assert typed("c) Kỳ báo cáo: từ ngày 01 tháng 01 đến hết ngày 31 tháng 12 của năm báo cáo.") == []
    assert [d[1] for d in typed("Kỳ báo cáo từ ngày 01/01 đến ngày 31/12; gửi báo cáo trước ngày 15 tháng 01 năm sau.")] == [
        "trước ngày 15 tháng 01 năm sau"
    ]


def test_a_period_of_years_or_months_once_recurs() -> None:
    # 32 bulk documents: định kỳ 05 năm một lần, ba (03) năm một lần, định kỳ tối thiểu 03 tháng một lần
    assert [(d[1], d[7]) for d in typed("7. Định kỳ ba (03) năm một lần, Bộ Xây dựng công bố cập nhật Danh mục")] == [
        ("Định kỳ ba (03) năm một lần", None)
    ]
    assert [(d[1], d[7]) for d in typed("a) Định kỳ tối thiểu 03 tháng một lần, đơn vị phải đánh giá an toàn")] == [
        ("Định kỳ tối thiểu 03 tháng một lần", "quarterly")
    ]
    assert typed("Tần suất khảo sát 01 năm/lần đối với khu neo đậu")[0][7] == "yearly"




def test_a_notice_before_an_event_and_a_reply_after_one_are_limits() -> None:
    # bulk: notices of N days before (trước 03 ngày làm việc; trước ít nhất 24 giờ; tối thiểu trước 25 ngày làm việc so
    # với …: 20 limits in 9 documents) and replies due after an event at the end of a duty (… sau 03 ngày làm việc
    # kể từ ngày nhận được hồ sơ; sau không quá 10 ngày làm việc kể từ …: 3 in 3 documents)
    (meeting,) = typed("người có thẩm quyền giải quyết khiếu nại phải có văn bản thông báo với cơ quan, tổ chức, cá nhân có "
                       "liên quan biết trước 03 ngày làm việc.")  # fmt: skip
    assert meeting[1] == "trước 03 ngày làm việc" and meeting[4:7] == (3, "working_day", None)
    assert typed("phải thông báo cho Ban chỉ huy Bộ đội Biên phòng nơi đến biết trước ít nhất 24 giờ;")[0][1] == "trước ít nhất 24 giờ"
    (compared,) = typed("Hồ sơ gửi về Thường trực Hội đồng tối thiểu trước 25 ngày làm việc so với thời gian dự kiến tổ chức Hội nghị")
    assert compared[4:7] == (25, "working_day", "so với thời gian dự kiến tổ chức Hội nghị")
    (reply,) = typed("ý kiến bằng văn bản của Bộ, ngành chủ quản về Phương án được gửi tới tập đoàn, tổng công ty sau 03 ngày "
                     "làm việc kể từ ngày nhận được hồ sơ xin ý kiến.")  # fmt: skip
    assert reply[4:7] == (3, "working_day", "kể từ ngày nhận được hồ sơ xin ý kiến")
    assert typed("gửi báo cáo đến người thành lập Hội đồng sau không quá 10 ngày làm việc kể từ ngày thành lập Hội đồng.")[0][4] == 10
    # … but not a time of day, an overrun, what may happen after an event, or the earliest time something may be done
    assert typed("không cử nhạc tang trước 06 giờ sáng và sau 22 giờ đêm") == []
    assert typed("b) Nộp Chứng chỉ hành nghề lưu trữ bị thu hồi cho cơ quan có thẩm quyền chậm dưới 30 ngày so với thời hạn quy định.") == []
    assert typed("Sau 60 ngày kể từ khi có văn bản yêu cầu bổ sung, nếu bên đi vay không hoàn thành thì Ngân hàng Nhà nước") == []
    assert typed("1. Công ty đại chúng được bán cổ phiếu quỹ sau ít nhất 24 giờ kể từ khi gửi Báo cáo kết quả giao dịch.") == []


def test_a_least_span_is_no_limit_unless_it_comes_before_an_event() -> None:
    # bulk: minimum spans (niêm yết ít nhất là 15 ngày, kể từ …; trong thời hạn tối thiểu là 10 ngày; thời gian hoạt
    # động tối thiểu 12 tháng tính từ …: 15 in 11 documents) against notices before an event, kept whole
    assert typed("Thời gian niêm yết quyết định giải quyết khiếu nại ít nhất là 15 ngày, kể từ ngày niêm yết.") == []
    assert typed("b) Việc đăng tải quyết định sửa đổi hồ sơ mời thầu được thực hiện trong thời hạn tối thiểu là 10 ngày đối "
                 "với lựa chọn nhà đầu tư trong nước") == []  # fmt: skip
    (notice,) = typed("phải thông báo cho Bộ Tài chính ít nhất 15 ngày trước ngày chính thức hoạt động; trường hợp")
    assert notice[1] == "ít nhất 15 ngày trước ngày chính thức hoạt động"
    # … nor a wait, a storage or an interval between acts after one, the earliest time (57 in 6 bulk documents)
    assert typed("- Chủ nợ cho phép ân hạn để khắc phục vi phạm ít nhất là 12 tháng sau ngày kết thúc kỳ kế toán.") == []
    assert typed("a) Hồ sơ quy định tại khoản 1 Điều này được lưu trữ tối thiểu 05 năm sau khi thanh lý hợp đồng dự án PPP;") == []
    assert typed("c) Chỉ xét tặng Kỷ niệm chương thứ hai sau khi cá nhân được nhận Kỷ niệm chương thứ nhất ít nhất 03 năm;") == []
    (renewal,) = typed("d) Hồ sơ đề nghị gia hạn được gửi trước thời điểm hết hạn của Giấy phép ít nhất 30 ngày làm việc.")
    assert renewal[1] == "trước thời điểm hết hạn của Giấy phép ít nhất 30 ngày làm việc"


def test_an_amount_that_ends_a_range_or_passes_a_threshold_is_a_bracket_not_a_limit() -> None:
    # bulk: 33 in 11 documents (a risk table's overdue brackets, debts classed by their term, loans by their age)
    assert typed("1\nTừ 0 đến 15 ngày sau thời hạn thanh toán, chuyển giao chứng khoán\n2") == []
    assert typed("chưa thu hồi được trong thời gian từ 30 ngày đến 60 ngày kể từ ngày có quyết định thu hồi;") == []
    assert typed("không được sử dụng để thanh toán cho một nghĩa vụ nợ phải trả trên 12 tháng kể từ ngày kết thúc kỳ kế toán.") == []
    assert typed("mà chưa thu hồi được trong thời gian dưới 30 ngày kể từ ngày có quyết định thu hồi;") == []
    (limit,) = typed("ý kiến được gửi tới tập đoàn sau 03 ngày làm việc kể từ ngày nhận được hồ sơ.")
    assert limit[4:6] == (3, "working_day")


def test_years_in_a_sentence_that_grants_or_forbids_are_how_long_a_right_holds() -> None:
    # bulk: 16 in 10 documents outside check (a founder's shares, a licence barred, losses carried forward)
    assert typed("3. Thành viên sáng lập chỉ được chuyển nhượng phần vốn góp cho thành viên sáng lập khác trong thời hạn 05 "
                 "năm kể từ ngày được cấp Giấy phép.") == []  # fmt: skip
    assert typed("2. Trong thời hạn 05 năm kể từ ngày được cấp Giấy phép, thành viên sáng lập chỉ được chuyển nhượng.") == []
    assert typed("5. Doanh nghiệp không được cấp Giấy phép trong thời hạn 03 năm kể từ ngày bị thu hồi Giấy phép.") == []
    (limit,) = typed("Chậm nhất là 05 năm kể từ ngày quyết định sắp xếp có hiệu lực, đơn vị phải thực hiện số lượng cấp phó")
    assert limit[4:6] == (60, "month")


def test_a_sentence_whose_subject_is_a_time_limit_names_one() -> None:
    # bulk: 'Thời hạn <act> là / không quá / tối đa / : N ngày' (52 documents carry a 'Thời hạn' or 'Thời gian' subject
    # with an amount; 'Thời gian' is read only before a duty's verb, it as often measures a stay or an aid: 26 limits in 17
    # documents)
    assert typed("3. Thời hạn trả lời văn bản không quá 05 ngày làm việc.")[0][1:2] == ("không quá 05 ngày làm việc",)
    assert [d[1] for d in typed("Thời hạn thẩm định là 20 ngày làm việc.")] == ["20 ngày làm việc"]
    assert typed("Trường hợp đặc biệt phức tạp, thời hạn xử lý không quá 45 ngày và phải thông báo lý do gia hạn;")[0][4] == 45
    # the time of a duty (Thời gian + its verb) names one too
    assert typed("2. Thời gian xây dựng báo cáo kết quả thanh tra của Thanh tra Bộ không quá 20 ngày, trường hợp phức tạp")[0][1] == (
        "không quá 20 ngày"
    )
    # not a term in months or a duration in another subject
    assert typed("Thời hạn vay vốn tối đa là 60 tháng.") == []
    assert typed("Thời gian vắng mặt tại nơi cư trú mỗi lần không quá 30 ngày.") == []



def test_the_most_a_limit_may_be_extended_by_is_a_limit_too() -> None:
    # bulk: gia hạn (một lần) / kéo dài / dài hơn (nhưng) không quá N ngày (41 in 14 documents; tests/gold/README.md,
    # bulk3 doc_000463: the extension a second item)
    assert [d[1] for d in typed("Thời hạn kiểm tra không quá 10 ngày làm việc kể từ ngày công bố quyết định kiểm tra, được "
                                "gia hạn một lần không quá 05 ngày làm việc;")] == [  # fmt: skip
        "không quá 10 ngày làm việc kể từ ngày công bố quyết định kiểm tra", "không quá 05 ngày làm việc"
    ]
    assert typed("thì thời hạn cấp Phiếu lý lịch tư pháp có thể kéo dài hơn nhưng không quá 15 ngày.")[0][1:2] == ("không quá 15 ngày",)
    # a limit in the main clause after a topic (Đối với …,) is no condition of the `thì` of a later case
    assert [d[1] for d in typed("a) Đối với cuộc thanh tra do Thanh tra Ngân hàng Nhà nước tiến hành, thời gian xây dựng báo cáo "
                                "kết quả thanh tra không quá 20 ngày, trường hợp phức tạp thì có thể kéo dài nhưng không quá 30 ngày;")] == [
        "không quá 20 ngày", "không quá 30 ngày"
    ]  # fmt: skip
    # … not a licence's term
    assert typed("Giấy phép có thời hạn 10 năm và được xem xét gia hạn nhiều lần, mỗi lần gia hạn không quá 05 năm.") == []


def test_a_time_limit_named_after_a_conditions_thi_names_one() -> None:
    # bulk doc_000083 (Luật chuyển giao người đang chấp hành án phạt tù): 'Nếu thuộc trường hợp đặc biệt … thì thời hạn
    # <act> là N ngày', 18 times; 'thì thời hạn' before an amount names one in 8 bulk documents
    text = bulk_texts(["doc_000083"])["doc_000083"]
    special = [d for d in find_deadlines(text) if re.search(r"thì thời hạn [^.;]* là $", text[d.start - 120 : d.start])]
    assert len(special) >= 16 and {(d.kind, d.relative_unit) for d in special} == {("relative", "day")}
    (found,) = typed("Nếu thuộc trường hợp đặc biệt quy định tại điểm c khoản 1 Điều 15 của Luật này thì thời hạn kiểm tra hồ sơ là 07 ngày.")
    assert found[1] == "07 ngày" and found[4:6] == (7, "day")
    # a condition that names no limit gives none (… thì thời gian thử thách là 14 ngày is how long a test runs)
    assert typed("đối với hình thức phê bình thì thời gian thử thách là 14 ngày.") == []


def test_a_frequency_inside_a_condition_sets_no_duty() -> None:
    text = ("Trường hợp cơ quan nhà nước có thẩm quyền có quy định về thời hạn tổ chức thu phí phải gửi số tiền phí đã thu "
            "được vào tài khoản định kỳ hằng ngày hoặc hằng tuần thì thực hiện theo quy định đó.")  # fmt: skip
    assert typed(text) == []


def test_the_limits_of_an_english_translation_are_read_and_make_tasks() -> None:
    # the bulk corpus holds 50 English translations (vbpqta pages); doc_000901 (Decree 52/2008 on security services)
    text = bulk_texts(["doc_000901"])["doc_000901"]
    found = [d.text for task in structure_of(text).tasks for d in task.deadlines]
    assert "within seven working days after receiving complete and valid dossiers" in found
    assert "At least ten days before commencing security service business activities" in found
    assert found.count("within 12 months from the effective date of this Decree") == 2
    (days,) = typed("shall notify business registration offices within ten days from the date such change is effected.")
    assert days[4:7] == (10, "day", "from the date such change is effected")
    assert typed("1. This Decree takes effect 15 days after its publication in CONG BAO.") == []
    assert typed("Night working hours shall be counted from 22:00 hours of a day to 06:00 hours of the next day.") == []


def test_english_adverbs_of_frequency_open_or_sit_in_a_duty_not_a_noun_phrase() -> None:
    assert typed("2. Annually, employers shall report on the results of vocational training.")[0][7] == "yearly"
    assert typed("The centre shall report quarterly to the Department.")[0][1] == "quarterly"
    assert typed("Social relief establishments shall periodically report on the financial operation.")[0][1] == "periodically"
    assert typed("Employees shall receive a monthly allowance.") == []
    assert typed("electricity and water for daily-life activities shall be ensured every month-end") == []


def test_a_month_in_every_year_recurs_yearly_and_falls_due_at_its_end() -> None:
    # 9 in 7 bulk documents: chi trả vào tháng 12 hằng năm; Chậm nhất tháng 7 hàng năm, liên đoàn … đề xuất …
    found = typed("được thực hiện 02 lần trong năm học: lần 1 chi trả 4 tháng vào tháng 12 hằng năm; lần 2 chi trả vào tháng 4 hằng năm.")
    assert [(d[1], d[3], d[7]) for d in found] == [
        ("vào tháng 12 hằng năm", "month", "yearly"), ("vào tháng 4 hằng năm", "month", "yearly")
    ]
    assert next_due("Chậm nhất tháng 7 hàng năm", date(2025, 6, 21)) == date(2025, 7, 31)
    assert next_due("vào tháng 4 hằng năm", date(2025, 6, 21)) == date(2026, 4, 30)


def test_an_english_day_and_month_with_no_year_recurs_yearly() -> None:
    # 5 in 3 of the bulk corpus's English translations (Before December 31 every year, ministries … shall send …)
    (found,) = typed("3. Before December 31 every year, ministries and provincial-level People's Committees shall send")
    assert found[1] == "Before December 31 every year" and found[3] == "day" and found[7] == "yearly"
    assert next_due("Before December 31 every year", date(2025, 6, 21)) == date(2025, 12, 31)
    assert next_due("before the 15th of June", date(2025, 6, 21)) == date(2026, 6, 15)
    assert typed("Enterprises licensed prior to January 1, 2021 may continue") == []  # a dated condition, no limit


def test_a_duty_due_at_a_meeting_is_a_limit_with_its_month_or_after_its_event() -> None:
    """The next meeting of a council (13 bulk documents: báo cáo Quốc hội tại kỳ họp gần nhất) is a relative limit;
    a meeting named by its month (the National Assembly's legislative programmes) is due by that month's end."""
    assert typed("Chính phủ báo cáo Quốc hội tại kỳ họp gần nhất.") == [
        ("relative", "tại kỳ họp gần nhất", None, None, None, None, "tại kỳ họp gần nhất", None)
    ]
    resolution = dev("src-vbpl-01.txt")
    (limit,) = [d for t in resolution.tasks for d in t.deadlines if "họp" in d.text]
    assert (limit.text, limit.kind, limit.relative_anchor) == (
        "tại phiên họp, kỳ họp gần nhất sau khi Nghị quyết được ban hành", "relative", "sau khi Nghị quyết được ban hành"
    )
    programme = structure_of(bulk_texts(["doc_000092"])["doc_000092"])  # Nghị quyết điều chỉnh Chương trình lập pháp
    found = [(d.text, d.deadline, d.precision) for t in programme.tasks for d in t.deadlines]
    assert found == [("tại Kỳ họp thứ 10 (tháng 10/2025)", date(2025, 10, 31), "month")] + [
        ("Phiên họp tháng 9/2025", date(2025, 9, 30), "month")  # the table's column `Tiến độ trình UBTVQH`, a row each
    ] * 3
    assert typed("Nghị quyết này được thông qua tại Phiên họp thứ 49 ngày 26 tháng 9 năm 2025.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # bulk corpus: doc_000619 (an election's time table), doc_000315, doc_000349 (reports due by a time of day)
        ("2. Chậm nhất là 17 giờ 00 ngày 01 tháng 02 năm 2026, người ứng cử phải hoàn thành việc nộp hồ sơ",
         ("by_date", "Chậm nhất là 17 giờ 00 ngày 01 tháng 02 năm 2026", date(2026, 2, 1), "day", None, None)),
        ("Các phòng gửi báo cáo về Văn phòng trước 16h00 ngày 20/11/2025.",
         ("by_date", "trước 16h00 ngày 20/11/2025", date(2025, 11, 20), "day", None, None)),
        ("1. Chậm nhất 17 giờ của ngày làm việc tiếp theo, Sở giao dịch chứng khoán có trách nhiệm gửi báo cáo",
         ("relative", "Chậm nhất 17 giờ của ngày làm việc tiếp theo", None, None, 1, "working_day")),
        ("Trước 10 giờ sáng ngày hôm sau, ngân hàng thành viên phải có văn bản gửi Cơ quan giám sát",
         ("relative", "Trước 10 giờ sáng ngày hôm sau", None, None, 1, "day")),
    ],
)
def test_a_time_of_day_is_no_amount_of_hours_but_part_of_the_day_it_falls_on(text: str, expected: tuple) -> None:
    assert [row[:6] for row in typed(text)] == [expected]
    assert typed("phải thông báo trong thời hạn 24 giờ kể từ khi phát hiện")[0][4:6] == (24, "hour")


@pytest.mark.parametrize(
    "text",
    [  # bulk corpus: 11 documents read such spans as limits (doc_000339, doc_000313, doc_000360 …)
        "d) Không bị xử phạt vi phạm hành chính trong lĩnh vực tiền tệ và ngân hàng trong thời hạn 12 tháng trở về "
        "trước tính từ thời điểm đề nghị chuyển đổi",
        "e) 02 ảnh màu cỡ 3cm x 4cm, nền trắng, chụp trong vòng 06 tháng gần nhất;",
        "I Tổng chi phí hoạt động phát sinh trong vòng 12 tháng tính tới tháng xx năm 20xx",
        "tổ chức hoạt động hợp pháp trong vòng hai năm trước đó",  # doc_000373
        "các danh hiệu thi đua đã được tặng trong vòng 05 năm trước thời điểm nghỉ hưu.",  # doc_000066, 216, 514
        # from one point to another (10 bulk documents: doc_000256, doc_000286, doc_000509 …)
        "thông tin về thời hạn sử dụng hàng hóa không quá 03 (ba) năm kể từ ngày sản xuất đến ngày mở tờ khai nhập khẩu;",
        "a) Có thời gian hoạt động tối thiểu 12 tháng tính từ ngày khai trương hoạt động đến thời điểm đề nghị;",
    ],
)
def test_a_span_looked_back_on_or_between_two_points_is_no_limit(text: str) -> None:
    assert typed(text) == []


@pytest.mark.parametrize(
    "text",
    [  # bulk corpus: doc_000013, doc_000148, doc_000142
        "1. Căn cứ chương trình, kế hoạch công tác (định kỳ, chuyên đề, đột xuất hoặc kế hoạch soạn thảo chi tiết)",
        "cơ chế ra quyết định, cơ chế họp (định kỳ, đột xuất).",
        "đặt lệnh vừa mua vừa bán cùng một mã chứng khoán trong từng đợt khớp lệnh (định kỳ hoặc liên tục)",
    ],
)
def test_a_frequency_among_other_words_in_brackets_is_a_kind_not_a_limit(text: str) -> None:
    assert typed(text) == []
    assert [d.text for d in find_deadlines("Hoàn thành các nhiệm vụ (Quý IV/2013 và thường xuyên).")] == [
        "Quý IV/2013", "thường xuyên"
    ]


def test_the_time_limit_an_english_sentence_names_is_its_amount() -> None:
    # English translations (6 bulk documents): the time limit for … is 30 working days, as Thời hạn … là 30 ngày làm việc
    found = typed("4. In case the inquiries are complicated, the time limit for answering is 30 working days.")
    assert [d[:2] + d[4:6] for d in found] == [("relative", "30 working days", 30, "working_day")]
    (event,) = typed("2. The time limit for verification of the damage is 20 days after the compensation claim is accepted.")
    assert event[4:7] == (20, "day", "after the compensation claim is accepted")
    assert typed("This report is 30 days late.") == []


def test_a_frequency_among_a_plans_horizons_is_a_kind_of_plan() -> None:
    # bulk: 4 documents list horizons of a plan (dài hạn, trung hạn, 05 năm, hằng năm): no duty's time
    assert typed("a) Xây dựng Chương trình, Kế hoạch công tác dài hạn, hằng năm hoặc đột xuất hoặc các văn bản khác") == []
    assert typed("trình Chính phủ kế hoạch phát triển dài hạn, 05 năm, hàng năm và các dự án quan trọng quốc gia") == []
    assert [d[1] for d in typed("Hằng năm, Sở Nội vụ tổng hợp, báo cáo.")] == ["Hằng năm"]


def test_a_periodic_report_named_as_a_thing_has_no_frequency_of_a_duty() -> None:
    # bulk: 7 rows in 6 documents name a kind of report or check (a title, a heading, trong/ngoài/đối với báo cáo …)
    assert typed("Thông tư số 29/2019/TT-BTNMT quy định chế độ báo cáo định kỳ hàng năm thuộc phạm vi quản lý") == []
    assert typed("1. Báo cáo định kỳ hằng năm về kết quả thực hiện cho vay:") == []
    assert typed("a) Căn cứ vào kế hoạch kiểm tra định kỳ hằng năm, chỉ đạo của cơ quan") == []
    # after a duty's verb the frequency is the duty's
    found = typed("(i) Tổ chức tín dụng thực hiện báo cáo định kỳ hằng năm hoặc đột xuất theo quy định nội bộ")
    assert [(d[0], d[1]) for d in found] == [("recurring", "định kỳ hằng năm")]


def test_every_next_day_phrase_holds_a_word_its_screen_looks_for() -> None:
    """A line is tried for `… 17 giờ của ngày làm việc tiếp theo` only when it holds one of the screen's words: a
    phrase added to the data without one would never be found."""
    for phrase in words()["next_days"]:
        assert any(word in phrase.lower() for word in NEXT_DAY_WORDS), phrase


@pytest.mark.parametrize(
    "text",
    ["Định kỳ 06 tháng một lần, Sở Y tế kiểm tra", "kiểm tra ba (03) năm một lần", "Tần suất khảo sát 12 tháng/lần",
     "kiểm tra tối thiểu 01 lần/năm", "Trước thời điểm Giấy đăng ký hết hạn ít nhất 60 ngày, tổ chức nộp hồ sơ",
     "gửi báo cáo chậm nhất sau khi kết thúc quý 15 ngày"],
)
def test_a_screened_pattern_still_reads_each_way_of_writing_it(text) -> None:
    """Frequencies of so many months hold `lần` or `định kỳ`, an event named first a word of least, an event after
    `sau khi` those words: a line without them is passed over (the bulk corpus's 96,000 lines give the same
    deadlines either way, in about three quarters of the time)."""
    assert find_deadlines(text)
