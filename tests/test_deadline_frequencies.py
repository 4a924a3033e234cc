"""Frequencies of the deadline grammar: how often a duty is done (counted in times, with an ad hoc check, at several
periods)."""

from __future__ import annotations

from pipeline.language.deadlines import read_time_value
from tests.test_deadlines import typed


def test_a_duty_done_at_several_periods_has_no_one_recurrence() -> None:
    # tune gold: 'Định kỳ 6 tháng, hằng năm', 'định kỳ 06 tháng và hằng năm', 'Định kỳ hàng quý, hàng năm' (6 in 5 files)
    # have no recurrence; bulk: 28 such frequencies in 18 documents
    assert [(d[1], d[7]) for d in typed("2. Định kỳ 6 tháng và hằng năm, Thường trực Hội đồng Dân tộc báo cáo")] == [
        ("Định kỳ 6 tháng", None)
    ]
    assert typed("c) Định kỳ hàng quý, hàng năm, Văn phòng Bộ có trách nhiệm tổng hợp")[0][7] is None
    assert typed("1. Hàng tháng, quý, các cơ quan chuyên môn báo cáo")[0][1::6] == ("Hàng tháng, quý", None)
    assert typed("Hàng năm, Sở tổng hợp")[0][7] == "yearly"  # … one period keeps its own
    assert [d.recurrence for d in read_time_value("6 tháng, hằng năm")] == ["half_yearly", "yearly"]  # a time value's list


def test_a_frequency_counted_in_times_recurs() -> None:
    # bulk (check set aside): ít nhất / tối thiểu / không ít hơn + times in a period, once a period after mỗi (49 in 22
    # documents: inspections and maintenance of technical circulars, meetings of councils)
    frequency = lambda text: [(d[1], d[7]) for d in typed(text)]  # noqa: E731
    assert frequency("b) Tổng kiểm tra ít nhất mỗi năm 01 lần; hoặc") == [("ít nhất mỗi năm 01 lần", "yearly")]  # doc_000608
    assert frequency("sức căng của từng dây neo ít nhất 06 giờ một lần khi") == [("ít nhất 06 giờ một lần", None)]
    assert frequency("c) Cập nhật các bản vá tối thiểu 03 (ba) tháng một lần theo") == [("tối thiểu 03 (ba) tháng một lần", "quarterly")]
    assert frequency("lập báo cáo đánh giá tổng thể hệ thống định kỳ 01 lần trong sáu tháng.") == [
        ("định kỳ 01 lần trong sáu tháng", "half_yearly")
    ]  # doc_000736
    assert frequency("phải được bảo trì định kỳ tối thiểu 02 lần trong một năm;") == [("định kỳ tối thiểu 02 lần trong một năm", None)]
    assert frequency("1. Ủy ban nhân dân cấp tỉnh họp thường kỳ mỗi tháng một lần.") == [("mỗi tháng một lần", "monthly")]
    assert frequency("1. Hội đồng nhân dân họp mỗi năm ít nhất 02 kỳ.") == [("mỗi năm ít nhất 02 kỳ", None)]  # sessions: doc_000085
    # … not a cap, nor how often something is allowed or given
    assert typed("được gửi, nhận thư không quá 02 lần trong 01 tháng.") == []
    assert typed("Phạm nhân được liên lạc với người thân thích ở trong nước mỗi tháng 01 lần, mỗi lần không quá 10 phút") == []
    assert typed("b) Đối tượng quy định tại điểm d khoản 2 Điều 2 Nghị định này, mỗi năm một lần được hỗ trợ tiền") == []


def test_periodic_and_ad_hoc_is_how_often_a_duty_is_done() -> None:
    # bulk: định kỳ và / hoặc đột xuất after a duty's verb or before one (28 of 49 pairs in 32 documents)
    assert [d[1] for d in typed("e) Báo cáo định kỳ và đột xuất về hoạt động thanh toán bù trừ")] == ["định kỳ"]  # doc_000580
    assert [d[1] for d in typed("4. Bộ Tài chính định kỳ hoặc đột xuất kiểm tra việc quản lý")] == ["định kỳ"]
    assert [d[1] for d in typed("chủ trì, phối hợp với các cơ quan liên quan kiểm tra định kỳ và đột xuất về tình hình")] == ["định kỳ"]
    # … not a kind of report or check
    assert typed("Mức chi thù lao các cuộc họp định kỳ và đột xuất của Ban Chủ nhiệm") == []
    assert typed("b) Qua báo cáo định kỳ hoặc đột xuất;") == []
    assert typed("có cơ chế kiểm tra định kỳ và đột xuất đối với các điều kiện") == []


def test_the_first_days_of_every_period_are_a_window_that_recurs() -> None:
    # bulk: 2 documents set a window at the start of every month or quarter (tune gold doc_000177, doc_000409): recurring,
    # no amount counted from an event; the frequency before it is part of the phrase
    window = lambda text: [(d[1], d[0], d[7]) for d in typed(text)]  # noqa: E731
    assert window("a) Định kỳ hằng tháng, trong thời hạn 05 ngày làm việc đầu tiên của tháng, phải nộp báo cáo") == [
        ("Định kỳ hằng tháng, trong thời hạn 05 ngày làm việc đầu tiên của tháng", "recurring", "monthly")
    ]
    assert window("4. Trong thời hạn 05 ngày đầu của tháng đầu trong quý, người được chỉ định báo cáo")[0][2] == "quarterly"
    assert window("tại cộng đồng trong 05 ngày đầu của Quý I, định kỳ 06 tháng tiến hành sơ kết")[0] == (
        "trong 05 ngày đầu của Quý I", "recurring", "yearly"
    )
    # … the first days of the month after an event are counted from it (tune gold doc_000524)
    assert window("d) Trong thời hạn 07 ngày làm việc đầu tiên của tháng tiếp theo của tháng có dư nợ, bên vay gửi")[0][1] == "relative"
