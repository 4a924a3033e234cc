"""Where the anchor event of a limit counted from an event ends."""

from __future__ import annotations

from pipeline.language.deadlines import find_deadlines


def anchors(text: str) -> list[str | None]:
    return [d.relative_anchor for d in find_deadlines(text) if d.kind == "relative"]


def test_an_anchor_ends_before_a_list_it_points_to_a_second_condition_or_the_way_a_thing_is_sent() -> None:
    # bulk: `sau đây` 14 anchors in 6 documents, `và trước khi` 7 in 2; tune gold doc_000558, doc_000542, doc_000161
    assert anchors("chậm nhất 07 (bảy) ngày làm việc kể từ ngày có các nội dung thay đổi sau đây:") == [
        "kể từ ngày có các nội dung thay đổi"
    ]
    assert anchors("Trong thời hạn 30 ngày kể từ ngày thư bảo lãnh được ký và trước khi thực hiện rút vốn, bên đi vay gửi") == [
        "kể từ ngày thư bảo lãnh được ký"
    ]
    assert anchors("trình chậm nhất 10 ngày kể từ ngày nhận được thông báo dự toán bằng hình thức gửi trực tiếp.") == [
        "kể từ ngày nhận được thông báo dự toán"
    ]
    # … and what a list's pointer follows is the duty's object, no item of the event (bulk doc_000514)
    assert anchors("gửi chậm nhất 20 ngày trước ngày dự kiến khai trương hoạt động chi nhánh, phòng giao dịch các nội dung sau đây:") == [
        "trước ngày dự kiến khai trương hoạt động chi nhánh"
    ]
