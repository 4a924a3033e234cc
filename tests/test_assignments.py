"""Assignments: what a task asks of which body, in which role, read from real directive sentences."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pipeline
from pipeline.extract.assignments import Assignment, find_assignments
from pipeline.language.clauses import column_roles, heading_subjects, names_a_doer, names_an_agent, role_of_heading
from pipeline.language.levels import Place, place_of
from pipeline.language.name_grammar import is_collective
from pipeline.language.names import canonical_name
from pipeline.evaluate.run import bulk_texts
from pipeline.model import PageText, RawDocument, TextSource
from pipeline.normalize import normalize
from pipeline.process import assignments_of
from pipeline.structure import Structure, parse
from pipeline.workload import assignments_for
from tests.conftest import DEV, written_for

BINH_DINH = Place("Bình Định", "tỉnh")


def roles(text: str, **kwargs) -> list[tuple[str, str]]:
    found = find_assignments("t1", text, 0, BINH_DINH, **kwargs)
    assert all(written_for(a.assignee, text[a.char_start : a.char_end]) for a in found)  # spans index the text
    return [(a.role, a.assignee) for a in found]


def test_lead_support_and_report_to_in_one_instruction() -> None:
    text = (
        "3. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc việc phổ biến, "
        "quán triệt và tổ chức thực hiện Chỉ thị số 12-CT/TW và Kế hoạch này, định kỳ báo cáo Ban Thường vụ Tỉnh ủy."
    )
    assert roles(text) == [
        ("lead", "Ban Tuyên giáo Tỉnh ủy"),
        ("support", "Văn phòng Tỉnh ủy"),
        ("report_to", "Ban Thường vụ Tỉnh ủy"),
    ]


def test_a_report_sent_to_a_body_makes_it_report_to() -> None:
    # bulk doc_000545: a report word right before gửi and the body (the gold README's report_to by gửi)
    text = "Các Sở Khoa học và Công nghệ thực hiện chế độ báo cáo gửi Bộ Khoa học và Công nghệ theo quy định."
    assert roles(text) == [("lead", "Các Sở Khoa học và Công nghệ"), ("report_to", "Bộ Khoa học và Công nghệ")]


def test_a_list_of_supporting_bodies_gives_one_row_each_and_keeps_và_inside_names() -> None:
    text = (
        "Sở Xây dựng chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Tài chính và Sở Tài nguyên và Môi trường rà soát."
    )
    assert roles(text) == [
        ("lead", "Sở Xây dựng"),
        ("support", "Sở Kế hoạch và Đầu tư"),
        ("support", "Sở Tài chính"),
        ("support", "Sở Tài nguyên và Môi trường"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giao Sở Nội vụ tổng hợp nhu cầu nhà ở.", [("lead", "Sở Nội vụ")]),
        ("- Sở Tài chính: bố trí kinh phí thực hiện.", [("lead", "Sở Tài chính")]),
        ("Đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố bố trí quỹ đất.",
         [("lead", "Ủy ban nhân dân các huyện, thị xã, thành phố")]),
        ("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này.",
         [("lead", "Chánh Văn phòng Ủy ban nhân dân tỉnh"), ("lead", "Giám đốc Sở Tài chính")]),
        ("Ban hành kèm theo Quyết định này Kế hoạch thực hiện.", []),
    ],
)  # fmt: skip
def test_lead_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body given powers is given no work, even when a lead verb follows
        ("9. Cục trưởng Cục Quản lý xuất nhập cảnh có thẩm quyền xử phạt và có quyền quyết định áp dụng trục xuất.",
         []),
        # a list written without a space after its comma
        ("Bộ Tài chính chủ trì, phối hợp với Bộ Lao động - Thương binh và Xã hội,Thanh tra Chính phủ rà soát.",
         [("lead", "Bộ Tài chính"), ("support", "Bộ Lao động - Thương binh và Xã hội"),
          ("support", "Thanh tra Chính phủ")]),
        # … but a comma inside capitals belongs to the name
        ("Thường trực Ủy ban KH,CN&MT của Quốc hội chủ trì tổ chức hội thảo.",
         [("lead", "Thường trực Ủy ban KH,CN&MT của Quốc hội")]),
        # a known body's name ends at a verb no stop word knows; one that goes on with a place is kept whole
        ("Giao Bộ Lao động - Thương binh và Xã hội tạm dừng chi trả trợ cấp.",
         [("lead", "Bộ Lao động - Thương binh và Xã hội")]),
        ("Giao Ủy ban nhân dân tỉnh cấp kinh phí cho Hội Nông dân.", [("lead", "Ủy ban nhân dân tỉnh")]),
        # a subject before its verb and a colon
        ("7. Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh; Chủ tịch UBND các huyện, thành phố có trách nhiệm: "
         "Lãnh đạo, chỉ đạo thực hiện tốt các quy định.",
         [("lead", "Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh"), ("lead", "Chủ tịch UBND các huyện, thành phố")]),
        # a verb that stops the name, and no name ends in a function word left before a stop
        ("Yêu cầu cơ sở sản xuất, kinh doanh thực phẩm tiến hành truy xuất nguồn gốc thực phẩm.",
         [("lead", "cơ sở sản xuất, kinh doanh thực phẩm")]),
        ("Thủ trưởng các đơn vị trực thuộc Sở Y tế có sử dụng kinh phí chịu trách nhiệm quyết toán.",
         [("lead", "Thủ trưởng các đơn vị trực thuộc Sở Y tế")]),
        # the first cue gives the subject's role; an inserted phrase between subject and verb is skipped
        ("2. Tòa án nhân dân tối cao, Kiểm toán nhà nước, trong phạm vi nhiệm vụ, quyền hạn của mình, phối hợp tổ "
         "chức thực hiện Nghị quyết này.",
         [("support", "Tòa án nhân dân tối cao"), ("support", "Kiểm toán nhà nước")]),
        # … and so is one that opens the sentence, before its subject
        ("1. Trong phạm vi nhiệm vụ, quyền hạn của mình, Bộ Công Thương thực hiện các nội dung sau:",
         [("lead", "Bộ Công Thương")]),
        ("Việc kiểm tra được thực hiện hằng năm. Trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình, các thành viên Ủy "
         "ban nhân dân cấp tỉnh có trách nhiệm tổ chức công tác kiểm tra.",
         [("lead", "các thành viên Ủy ban nhân dân cấp tỉnh")]),
        # … "X phối hợp với Y làm" with no lead cue: X and Y both support (gold README)
        ("Đảng đoàn Quốc hội phối hợp với Đảng ủy cơ quan Văn phòng Quốc hội tổ chức phổ biến, quán triệt.",
         [("support", "Đảng đoàn Quốc hội"), ("support", "Đảng ủy cơ quan Văn phòng Quốc hội")]),
        # a subject after an opening phrase, right before its verb
        ("3. Căn cứ báo cáo của Ủy ban nhân dân các tỉnh, thành phố, Bộ trưởng Bộ Tài chính ban hành Quyết định.",
         [("lead", "Bộ trưởng Bộ Tài chính")]),
        ("Trường hợp chưa có trong quy hoạch thì Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an chủ trì thẩm định.",
         [("lead", "Bộ trưởng Bộ Quốc phòng"), ("lead", "Bộ trưởng Bộ Công an")]),
        ("Khi có yêu cầu của Văn phòng Quốc hội, Văn phòng Chính phủ, việc vận chuyển được bố trí bảo vệ.", []),
        # a verb of two words ends the name before its first word (thành lập, not … thành | lập)
        ("Ủy ban nhân dân xã, phường, thị trấn thành lập Ban Chỉ đạo thực hiện hỗ trợ nhà ở.",
         [("lead", "Ủy ban nhân dân xã, phường, thị trấn")]),
        ("Cơ sở sản xuất, kinh doanh thực phẩm thiết lập hệ thống truy xuất.",
         [("lead", "Cơ sở sản xuất, kinh doanh thực phẩm")]),
        # an opening phrase before a comma; a known name that goes on with a capital is one name
        ("3. Định kỳ, Thường trực Ủy ban KH,CN&MT của Quốc hội chủ trì, phối hợp với Văn phòng Quốc hội theo dõi.",
         [("lead", "Thường trực Ủy ban KH,CN&MT của Quốc hội"), ("support", "Văn phòng Quốc hội")]),
        ("- Các tổ chức chính trị - xã hội, Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh đẩy mạnh công "
         "tác tuyên truyền.",
         [("lead", "Các tổ chức chính trị - xã hội"),
          ("lead", "Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh")]),
        ("Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an gửi văn bản lấy ý kiến của Ủy ban nhân dân cấp tỉnh.",
         [("lead", "Bộ trưởng Bộ Quốc phòng"), ("lead", "Bộ trưởng Bộ Công an")]),
        # a generic name closes with "có liên quan"; a verb that no stop list holds follows it
        ("Bộ Tài chính chủ trì, phối hợp với Bộ Tư pháp và các cơ quan khác có liên quan đàm phán với nhà tài trợ.",
         [("lead", "Bộ Tài chính"), ("support", "Bộ Tư pháp"), ("support", "các cơ quan khác có liên quan")]),
        # a stop word inside a known name does not end it
        ("2. Tổng cục Hậu cần - Kỹ thuật chỉ đạo sản xuất các mặt hàng trang phục.",
         [("lead", "Tổng cục Hậu cần - Kỹ thuật")]),
        # no list splits inside a known name
        ("Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố, Giám đốc Sở Tài chính chịu trách "
         "nhiệm thi hành Quyết định này.",
         [("lead", "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố"),
          ("lead", "Giám đốc Sở Tài chính")]),
        # a generic subject after a named one is a body of its own; after bare kinds it goes on with them
        ("2. Chủ tịch Ủy ban nhân dân các cấp, tổ chức và cá nhân khác có liên quan chịu trách nhiệm thi hành.",
         [("lead", "Chủ tịch Ủy ban nhân dân các cấp"), ("lead", "tổ chức và cá nhân khác có liên quan")]),
        ("Giao Sở Lao động - Thương binh và Xã hội, phòng Lao động - Thương binh và Xã hội cấp huyện rà soát.",
         [("lead", "Sở Lao động - Thương binh và Xã hội"),
          ("lead", "phòng Lao động - Thương binh và Xã hội cấp huyện")]),
        ("Các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành.",
         [("lead", "Các cơ quan, tổ chức, cá nhân có liên quan")]),
        # kinds listed together are one subject; other generic subjects are subjects of their own
        ("Sở Giáo dục và Đào tạo đề nghị tổ dân phố, chính quyền địa phương và kêu gọi toàn thể nhân dân tăng cường "
         "giám sát.",
         [("lead", "Sở Giáo dục và Đào tạo"), ("lead", "tổ dân phố"), ("lead", "chính quyền địa phương"),
          ("lead", "toàn thể nhân dân")]),
        ("Thủ trưởng các cơ quan, đơn vị thuộc và trực thuộc Bộ Công Thương chịu trách nhiệm thi hành.",
         [("lead", "Thủ trưởng các cơ quan, đơn vị thuộc và trực thuộc Bộ Công Thương")]),
        # a duty to work with others is a support duty, and the partner supports too (gold README)
        ("2. Các đơn vị thuộc Bộ Công Thương theo phạm vi quản lý có trách nhiệm phối hợp với Cục Công nghiệp thực "
         "hiện Thông tư này.",
         [("support", "Các đơn vị thuộc Bộ Công Thương"), ("support", "Cục Công nghiệp")]),
        # what is reported may hold commas and numbers before the body it goes to
        ("Ủy ban nhân dân cấp tỉnh gửi kết quả việc tiếp nhận, sử dụng gạo đến Bộ Tài chính, Bộ Giáo dục và Đào "
         "tạo.",
         [("lead", "Ủy ban nhân dân cấp tỉnh"), ("report_to", "Bộ Tài chính"),
          ("report_to", "Bộ Giáo dục và Đào tạo")]),
        ("- Định kỳ tổng hợp, báo cáo tình hình kết quả các hoạt động thăm hỏi, tặng quà các gia đình chính sách trên "
         "địa bàn với Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội theo quy định.",
         [("report_to", "Ủy ban nhân dân tỉnh"), ("report_to", "Bộ Lao động - Thương binh và Xã hội")]),
        ("c) Các cơ sở giáo dục gửi báo cáo dự toán theo Mẫu số 03.1 về Sở Giáo dục và Đào tạo.",
         [("lead", "Các cơ sở giáo dục"), ("report_to", "Sở Giáo dục và Đào tạo")]),
        # a body defined by what it does is named up to its duty, verbs and all; a sentence is no name
        ("Đơn vị tiếp nhận hồ sơ chịu trách nhiệm kiểm tra mục lục hồ sơ.", [("lead", "Đơn vị tiếp nhận hồ sơ")]),
        ("Cơ quan chủ trì soạn thảo có trách nhiệm nghiên cứu, tiếp thu, giải trình.",
         [("lead", "Cơ quan chủ trì soạn thảo")]),
        ("1. Cơ sở sản xuất thực phẩm tiến hành truy xuất nguồn gốc ngay khi tự giám sát và có trách nhiệm báo cáo.",
         [("lead", "Cơ sở sản xuất thực phẩm")]),
        # a negated verb describes an offence, not a task
        ("đ) Cơ sở kinh doanh lưu trú và các cơ sở khác không thực hiện thông báo lưu trú;", []),
        ("Cơ sở lưu trú chưa thực hiện việc khai báo tạm trú theo quy định.", []),
        # two known bodies side by side in a table cell whose line break was lost
        ("Giao Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ xây dựng văn bản.",
         [("lead", "Bộ Thông tin và Truyền thông"), ("lead", "Bộ Khoa học và Công nghệ")]),
        # what is reported, then to whom
        ("- Định kỳ báo cáo tình hình kết quả các hoạt động thăm hỏi trên địa bàn với Ủy ban nhân dân tỉnh.",
         [("report_to", "Ủy ban nhân dân tỉnh")]),
        ("Sở Y tế kịp thời phản ánh bằng văn bản về Bộ Công Thương để được hướng dẫn.",
         [("lead", "Sở Y tế"), ("report_to", "Bộ Công Thương")]),
        # reports sent "về" a body after what they report on
        ("Sở Y tế định kỳ báo cáo kết quả thực hiện về Sở Xây dựng.",
         [("lead", "Sở Y tế"), ("report_to", "Sở Xây dựng")]),
    ],
)  # fmt: skip
def test_powers_lists_and_name_ends(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


def test_a_list_under_a_shared_title_and_kind_gives_one_body_per_item() -> None:
    """``Giám đốc các Sở: …, Tài chính`` names Giám đốc Sở Tài chính; its span is the words written for it."""
    text = (
        "Điều 3. Chánh văn phòng UBND tỉnh; Giám đốc các Sở: Lao động Thương binh và Xã hội, Tài chính; Cục trưởng "
        "Cục Thuế tỉnh chịu trách nhiệm thi hành Quyết định này."
    )
    found = [(a.assignee, text[a.char_start : a.char_end]) for a in find_assignments("t1", text, 0, None)]
    assert found == [
        ("Chánh văn phòng UBND tỉnh", "Chánh văn phòng UBND tỉnh"),
        ("Giám đốc Sở Lao động Thương binh và Xã hội", "Giám đốc các Sở: Lao động Thương binh và Xã hội"),
        ("Giám đốc Sở Tài chính", "Tài chính"),
        ("Cục trưởng Cục Thuế tỉnh", "Cục trưởng Cục Thuế tỉnh"),
    ]
    partners = "c) Chủ trì, phối hợp với các Bộ: Quốc phòng, Văn hóa, Thể thao và Du lịch, Tài chính và Xây dựng."
    assert roles(partners) == [
        ("support", "Bộ Quốc phòng"), ("support", "Bộ Văn hóa, Thể thao và Du lịch"), ("support", "Bộ Tài chính"),
        ("support", "Bộ Xây dựng"),
    ]  # fmt: skip
    asked = "Đề nghị các Sở: Xây dựng, Y tế, Ủy ban nhân dân cấp xã cho ý kiến."  # the list ends at another kind
    assert roles(asked) == [("lead", "Sở Xây dựng"), ("lead", "Sở Y tế"), ("lead", "Ủy ban nhân dân cấp xã")]


def test_task_table_columns_give_the_roles() -> None:
    columns = column_roles("TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành")
    assert columns == {2: "lead", 3: "support"}
    cut_off = "3 | Xây dựng nền tảng | Bộ Tài chính | Bộ Khoa học và Công nghệ, Bộ"  # the cell's last name is lost
    assert roles(cut_off, columns=columns) == [("lead", "Bộ Tài chính"), ("support", "Bộ Khoa học và Công nghệ")]
    row = "5 | Xây dựng cơ sở dữ liệu | Bộ Khoa học và Công nghệ | Bộ Tài chính; các bộ, ngành | Quý II/2025"
    assert roles(row, columns=columns) == [
        ("lead", "Bộ Khoa học và Công nghệ"), ("support", "Bộ Tài chính"), ("support", "các bộ, ngành"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("a) Cơ quan chủ trì", "lead"), ("b) Cơ quan phối hợp", "support"), ("Cơ quan, đơn vị chủ trì", "lead"),
        ("Chủ trì thực hiện", "lead"), ("b) Đơn vị thực hiện", "lead"), ("Cơ quan nhận báo cáo", "report_to"),
        ("4. Chế độ phối hợp, báo cáo", None), ("Thực hiện các nhiệm vụ", None),
    ],
)  # fmt: skip
def test_a_heading_gives_a_role_only_when_the_role_opens_it(heading: str, role: str | None) -> None:
    assert role_of_heading(heading) == role


def test_a_heading_may_name_bodies_in_groups_split_by_semicolons() -> None:
    heading = (
        "Trách nhiệm của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; Ủy ban nhân dân các tỉnh, thành phố "
        "trực thuộc Trung ương và các cơ quan khác của Nhà nước"
    )
    assert [(heading[s : s + len(n)], n) == (n, n) for s, n in heading_subjects(heading)] == [True] * 5
    assert [n for _, n in heading_subjects(heading)] == [  # the ministerial block is three subjects (gold README)
        "các bộ",
        "cơ quan ngang bộ",
        "cơ quan thuộc Chính phủ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "các cơ quan khác của Nhà nước",
    ]


def test_canonical_names_expand_abbreviations_and_take_the_issuers_place() -> None:
    assert place_of("ỦY BAN NHÂN DÂN TỈNH SƠN LA", None) == Place("Sơn La", "tỉnh")
    assert canonical_name("UBND tỉnh", Place("Sơn La", "tỉnh")) == "Ủy ban nhân dân tỉnh Sơn La"
    assert canonical_name("Bộ LĐTBXH", None) == "Bộ Lao động - Thương binh và Xã hội"
    assert canonical_name("Ủy ban nhân dân các huyện", Place("Sơn La", "tỉnh")) == "Ủy ban nhân dân các huyện"


def test_places_and_names_whatever_their_case() -> None:
    assert place_of("TỈNH ỦY", "ĐẢNG BỘ TỈNH BẮC LÂM") == Place("Bắc Lâm", "tỉnh")  # the word ủy is no place
    assert place_of("TỈNH ỦY BÌNH ĐỊNH", None) == Place("Bình Định", "tỉnh")
    assert place_of("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", None) == Place("", "trung ương")  # xã hội is no commune
    assert canonical_name("Kho bạc Nhà nước Thành phố", Place("Hà Nội", "thành phố")).endswith("Thành phố Hà Nội")
    assert "Bắc Lâm" not in canonical_name("Các huyện ủy trực thuộc Tỉnh ủy", Place("Bắc Lâm", "tỉnh"))


def test_a_body_below_the_issuers_level_named_without_its_place_is_every_such_body() -> None:
    central, province = place_of("THỦ TƯỚNG CHÍNH PHỦ", None), place_of("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", None)
    assert central == Place("", "trung ương") and place_of("TỈNH ỦY", None) is None  # a place it does not name
    assert is_collective("Công an tỉnh", central) and not is_collective("Công an tỉnh", province)
    assert is_collective("Phòng Lao động - Thương binh và Xã hội", province)  # a district's office
    assert not is_collective("Phòng Lao động - Thương binh và Xã hội", place_of("UBND HUYỆN YÊN SƠN", None))
    assert canonical_name("Công an tỉnh", central) == "Công an tỉnh"


def test_a_provinces_office_in_a_central_document_is_every_provinces() -> None:
    ministry, province = place_of("BỘ TƯ PHÁP", None), place_of("ỦY BAN NHÂN DÂN TỈNH SƠN LA", None)
    for office in ("Sở Tư pháp", "Giám đốc Sở Tư pháp", "Ngân hàng Nhà nước chi nhánh Khu vực", "Kho bạc Nhà nước khu vực"):
        assert is_collective(office, ministry) and not is_collective(office, province)
    # one body however central the document: the State Bank's transaction office, a stock exchange, a named place
    for one in ("Sở Giao dịch", "Sở Giao dịch Chứng khoán Việt Nam", "Sở Y tế tỉnh Bình Định"):
        assert not is_collective(one, ministry)
    # a region's and a special zone's bodies, a province's delegation: every one of them in a law or a decree
    national_assembly = place_of("QUỐC HỘI", None)
    for office in ("Viện kiểm sát nhân dân khu vực", "Ủy ban nhân dân đặc khu", "Phó Trưởng Đoàn đại biểu Quốc hội"):
        assert is_collective(office, national_assembly)
    assert not is_collective("Viện kiểm sát nhân dân khu vực", province)
    # the organs of a People's Council of no level or place: every council's in a law, the province's own in its text
    assert is_collective("Thường trực Hội đồng nhân dân", national_assembly)
    assert not is_collective("Thường trực Hội đồng nhân dân", province)


def test_a_known_name_inside_a_longer_one_does_not_end_it() -> None:
    assert roles("Giao Ngân hàng Nhà nước chi nhánh tỉnh hướng dẫn thủ tục.") == [
        ("lead", "Ngân hàng Nhà nước chi nhánh tỉnh")
    ]


def test_a_numbered_paragraph_that_opens_with_a_body_and_its_verb_assigns_work() -> None:
    assert names_a_doer("2. Ủy ban nhân dân huyện xây dựng kế hoạch thực hiện, trình Ban Thường vụ Huyện ủy.")
    assert not names_a_doer("2. Cơ sở dữ liệu quốc gia được xây dựng thống nhất.")
    assert names_a_doer(  # the subject after an opening phrase (src-vbpl-13, Điều 4)
        "2. Trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ của Ủy ban nhân dân cấp xã, Sở Nội vụ "
        "tổ chức thẩm định hồ sơ công nhận xã đảo."
    )


def test_a_long_item_whose_heading_is_shortened_gives_its_tasks_no_error() -> None:
    """A list item's heading is its first 200 characters and an ellipsis, which the text does not hold as such."""
    item = "1. Hội đồng nhân dân cấp tỉnh miễn nhiệm, bãi nhiệm Chủ tịch Hội đồng nhân dân, " + (
        "Phó Chủ tịch Hội đồng nhân dân, Trưởng Ban của Hội đồng nhân dân, " * 4
    )
    text = f"NGHỊ QUYẾT\nvề việc thử\nĐiều 1. Nhiệm vụ\n{item}\na) Ủy ban nhân dân tỉnh chủ trì thẩm định.\n"
    raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, text, TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    structure = parse(document)
    assert any(s.heading.endswith("…") for s in structure.sections)
    found = {(a.role, a.assignee) for a in assignments_of(document, structure)}
    assert ("lead", "Ủy ban nhân dân tỉnh") in found


def test_seed_plan_acceptance_example() -> None:
    raw = RawDocument(source_file="seed.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, (DEV / "seed-binhdinh-kh-ct12.txt").read_text(encoding="utf-8"), TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    found = {(a.role, a.assignee, a.collective) for a in assignments_of(document, parse(document))}
    assert {
        ("lead", "Ban cán sự đảng Ủy ban nhân dân tỉnh", False),
        ("lead", "Ban Tuyên giáo Tỉnh ủy", False),
        ("support", "Văn phòng Tỉnh ủy", False),
        ("report_to", "Ban Thường vụ Tỉnh ủy", False),
    } <= found
    assert any(
        role == "lead" and name.startswith("Cấp ủy, tổ chức đảng") and collective for role, name, collective in found
    )


def test_an_article_of_responsibilities_names_the_body_that_leads_or_supports_its_tasks() -> None:
    """A task that opens ``Phối hợp với Bộ Nội vụ`` is the article's body's support duty, and Bộ Nội vụ, its partner,
    supports too (the gold README, doc_000545). Where the article's body leads (``Chủ trì, phối hợp với Bộ Tài
    chính``), its partner supports."""
    text = (
        "Điều 28. Trách nhiệm của Bộ Khoa học và Công nghệ\n"
        "1. Chủ trì xây dựng cơ sở dữ liệu quốc gia về khoa học, công nghệ.\n"
        "2. Phối hợp với Bộ Nội vụ bảo đảm an toàn thông tin.\n"
        "3. Chủ trì, phối hợp với Bộ Tài chính lập dự toán kinh phí.\n"
    )
    raw = RawDocument(source_file="nd.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, text, TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    found = {(a.task_id, a.role, a.assignee) for a in assignments_of(document, parse(document))}
    assert found == {
        ("t1", "lead", "Bộ Khoa học và Công nghệ"),
        ("t2", "support", "Bộ Khoa học và Công nghệ"),
        ("t2", "support", "Bộ Nội vụ"),
        ("t3", "lead", "Bộ Khoa học và Công nghệ"),
        ("t3", "support", "Bộ Tài chính"),
    }


def test_a_task_table_read_one_cell_a_line_gives_its_columns_roles() -> None:
    """doc_000089 (bulk corpus, Nghị quyết of the Standing Committee): its table ``STT / Tên dự án / Cơ quan trình
    / Cơ quan chủ trì thẩm tra / Cơ quan tham gia thẩm tra / Tiến độ trình UBTVQH`` arrives one cell a line; the
    body that submits (``Cơ quan trình``) is given no role."""
    raw = RawDocument(source_file="doc_000089.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, bulk_texts(["doc_000089"])["doc_000089"], TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    found = {(a.role, a.assignee) for a in assignments_of(document, parse(document))}
    assert found == {
        ("lead", "Ủy ban Quốc phòng, An ninh và Đối ngoại"),
        ("lead", "Ủy ban Pháp luật và Tư pháp"),
        ("lead", "Ủy ban Kinh tế và Tài chính"),
        ("support", "Hội đồng Dân tộc"),
        ("support", "các Ủy ban khác của Quốc hội"),
    }


def test_plural_subjects_are_collective() -> None:
    collective = {a.assignee: a.collective for a in find_assignments(
        "t1", "Ủy ban nhân dân các huyện chủ trì, phối hợp với Sở Tài chính rà soát.", 0, None)}  # fmt: skip
    assert collective == {"Ủy ban nhân dân các huyện": True, "Sở Tài chính": False}


def test_các_inside_a_known_bodys_own_name_makes_no_plural() -> None:
    """``Vụ Tín dụng các ngành kinh tế`` (the State Bank's department for the economic sectors' credit, 51 bulk hits)
    and ``Cục Văn hóa các dân tộc Việt Nam`` are one body each: their ``các`` names what they serve, while ``các`` that
    stands outside a known name (``Chủ tịch Ủy ban nhân dân các tỉnh``) makes a plural subject."""
    assert not is_collective("Vụ trưởng Vụ Tín dụng các ngành kinh tế")
    assert not is_collective("Cục Văn hóa các dân tộc Việt Nam")
    assert not is_collective("Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài")
    assert is_collective("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")
    assert is_collective("các đơn vị thuộc Vụ Tín dụng các ngành kinh tế")


def test_all_tasks_a_body_leads_or_supports_across_a_batch(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(DEV / "seed-binhdinh-kh-ct12.txt", inbox)
    pipeline.run([inbox], tmp_path / "out", jobs=1)
    tables = pipeline.load(tmp_path / "out")
    propaganda = assignments_for(tables, "Ban Tuyên giáo Tỉnh ủy")
    assert set(propaganda["role"]) == {"lead"} and set(propaganda["doc_type"]) == {"Kế hoạch"}
    assert propaganda["text"].str.contains("theo dõi, đôn đốc").any()
    office = assignments_for(tmp_path / "out", "van phong tinh uy")  # a folder, diacritics and case folded
    assert list(office["role"]) == ["support"]
    assert assignments_for(tables, "Ban Thường vụ Tỉnh ủy").empty  # reported to, neither leads nor supports
    assert len(assignments_for(tables, "Ban Thường vụ Tỉnh ủy", roles=["report_to"])) >= 1


def test_a_duty_heading_over_a_list_of_kinds_names_each_kind() -> None:
    # bulk doc_000595: "Điều 21. Trách nhiệm của ngân hàng thương mại, chi nhánh ngân hàng nước ngoài" (83 bulk
    # documents head duties with a lower-case list); a list of bare kinds stays one subject
    heading = "Trách nhiệm của ngân hàng thương mại, chi nhánh ngân hàng nước ngoài"
    assert [n for _, n in heading_subjects(heading)] == ["ngân hàng thương mại", "chi nhánh ngân hàng nước ngoài"]
    assert [(heading[s : s + len(n)]) for s, n in heading_subjects(heading)] == [n for _, n in heading_subjects(heading)]
    heading = "Trách nhiệm của cơ quan, tổ chức, cá nhân sử dụng không gian mạng"
    assert [n for _, n in heading_subjects(heading)] == ["cơ quan, tổ chức, cá nhân sử dụng không gian mạng"]


def bulk_assignments(doc_id: str) -> tuple[Structure, dict[str, set[tuple[str, str]]]]:
    """A bulk corpus text parsed, with the (role, assignee) pairs of each of its tasks."""
    raw = RawDocument(source_file=f"{doc_id}.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, bulk_texts([doc_id])[doc_id], TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    structure = parse(document)
    rows = assignments_of(document, structure)
    return structure, {t.task_id: {(a.role, a.assignee) for a in rows if a.task_id == t.task_id} for t in structure.tasks}


def test_an_item_that_grants_a_right_takes_no_body_from_its_heading() -> None:
    """bulk doc_000468 (a law on civil judgment enforcement): ``Điều 20. Nhiệm vụ, quyền hạn của cơ quan thi hành án
    dân sự tỉnh, thành phố`` lists the body's duties and one right, ``9. Được truy cập, truy xuất dữ liệu …``, which
    gives it no task (as ``Được yêu cầu …`` in the lists of rights of parties to a complaint)."""
    structure, by_task = bulk_assignments("doc_000468")
    duties = [by_task[t.task_id] for t in structure.tasks if t.text.startswith("8. Tạo lập, cập nhật cơ sở dữ liệu")]
    rights = [by_task[t.task_id] for t in structure.tasks if t.text.startswith(("8. Được truy cập", "9. Được truy cập"))]
    assert duties[0] == {("lead", "cơ quan thi hành án dân sự tỉnh, thành phố")}
    assert len(rights) == 2 and rights == [set(), set()]  # Điều 20's item 9, Điều 21's item 8


def test_a_heading_printed_under_its_label_is_no_task() -> None:
    """bulk3 doc_000290 prints ``Điều 25.`` and, on the line below, its heading ``Trách nhiệm của các đơn vị thuộc Ngân
    hàng Nhà nước`` (122 such headings in 51 bulk documents were read as tasks): the heading asks nothing, and its
    umbrella body is no assignee where each khoản names its own (``1. Trách nhiệm của Cục Quản lý Ngoại hối:``)."""
    raw = RawDocument(source_file="doc_000290.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, bulk_texts(["doc_000290"])["doc_000290"], TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    structure = parse(document)
    assert not [t for t in structure.tasks if t.text.strip() == "Trách nhiệm của các đơn vị thuộc Ngân hàng Nhà nước"]
    rows = assignments_of(document, structure)
    assert "các đơn vị thuộc Ngân hàng Nhà nước" not in {a.assignee for a in rows}
    assert ("lead", "Cục Quản lý Ngoại hối") in {(a.role, a.assignee) for a in rows}


def test_an_approval_under_a_heading_of_powers_is_no_task() -> None:
    """bulk doc_000595 (a State Bank circular): ``Điều 4. Thẩm quyền chấp thuận thay đổi`` says who approves what
    (``1. Thống đốc Ngân hàng Nhà nước chấp thuận những nội dung thay đổi …``): a competence, no task (gold README;
    7 bulk circulars list approvals so); an approval its procedure binds to a time limit (``b) Trong thời hạn 25 ngày
    làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, Ngân hàng Nhà nước chấp thuận …``) is a duty and leads."""
    structure, by_task = bulk_assignments("doc_000595")
    assert not [t for t in structure.tasks if t.text.startswith(("1. Thống đốc", "2. Cục trưởng", "3. Giám đốc"))]
    limited = next(t for t in structure.tasks if t.text.startswith("b) Trong thời hạn 25 ngày làm việc kể từ"))
    assert by_task[limited.task_id] == {("lead", "Ngân hàng Nhà nước Việt Nam")}  # its defined short name, in full


def test_a_body_that_decides_a_matter_holds_a_power_unless_a_time_limit_binds_it() -> None:
    """bulk3 doc_000347 (a National Assembly resolution): ``2. Chủ tịch Hội đồng Dân tộc, Chủ nhiệm Ủy ban của Quốc
    hội, Chủ nhiệm Văn phòng Quốc hội quyết định việc tham gia tổ chức, diễn đàn …`` says who decides, a power (gold
    README; the file's notes), though no heading names powers; bulk3 doc_000580's ``Trong thời hạn 15 ngày làm việc …,
    Cơ quan điều hành tại các thành phố quyết định việc sửa đổi, bổ sung Giấy phép`` is a duty and leads."""
    structure, by_task = bulk_assignments("doc_000347")
    deciding = [t for t in structure.tasks if t.text.startswith(("2. Chủ tịch Hội đồng Dân tộc", "3. Chánh án Tòa án"))]
    assert len(deciding) == 2 and all(not by_task[t.task_id] for t in deciding)
    structure, by_task = bulk_assignments("doc_000580")
    limited = next(t for t in structure.tasks if t.text.startswith("3. Trong thời hạn 15 ngày làm việc"))
    assert by_task[limited.task_id] == {("lead", "Cơ quan điều hành tại các thành phố")}


def test_the_agent_of_a_passive_duty_that_ends_its_clause_leads() -> None:
    """bulk3 doc_000384 (a law amending planning laws): ``3. Các bản vẽ thể hiện nội dung quy hoạch chung xã được lập
    theo tỷ lệ do Bộ trưởng Bộ Xây dựng quy định.`` binds the minister to set the scale (gold README, passive duties;
    65 bulk clauses of 37 documents end ``do <body> quy định``): the paragraph is a task, which no assigning word made
    one, and its agent leads. An agent before other words is read only where a task named as a noun (``Việc …``) is
    what it does (``việc phân quyền … do Bộ Khoa học và Công nghệ thực hiện theo quy định``: the bulk2 gold of doc_000545
    lists the ministry as lead), not where it names who gives a thing (``giấy chứng nhận do cơ quan có thẩm quyền
    cấp``)."""
    structure, by_task = bulk_assignments("doc_000384")
    scale = [t for t in structure.tasks if t.text.startswith("3. Các bản vẽ thể hiện nội dung quy hoạch chung xã")]
    assert len(scale) == 1 and by_task[scale[0].task_id] == {("lead", "Bộ trưởng Bộ Xây dựng")}
    assert names_an_agent("2. Các khoản chi được giảm trừ vào thu nhập theo mức do Chính phủ quy định.")
    assert names_an_agent("việc phân quyền tài khoản do Bộ Khoa học và Công nghệ thực hiện theo quy định.")
    assert not names_an_agent("Tài khoản do Bộ Khoa học và Công nghệ cấp theo quy định.")
    assert not names_an_agent("Hồ sơ gồm giấy chứng nhận do cơ quan có thẩm quyền cấp.")


def test_a_request_that_is_a_right_gives_the_body_asked_no_task() -> None:
    """bulk4 doc_000002 (a law on supervision): ``Điều 4. Quyền của chủ thể giám sát`` / ``1. Yêu cầu cơ quan, tổ chức,
    cá nhân chịu sự giám sát báo cáo, cung cấp thông tin …``: the supervisor's right, which gives the bodies it may ask
    no task (gold README); so does ``Được yêu cầu …`` opening an item (8 bulk documents), as ``được yêu cầu`` inside a
    clause did."""
    structure, by_task = bulk_assignments("doc_000002")
    right = next(t for t in structure.tasks if t.text.startswith("1. Yêu cầu cơ quan, tổ chức, cá nhân chịu sự"))
    assert not [role for role, _ in by_task[right.task_id] if role == "lead"]
    assert roles("b) Được yêu cầu Kho bạc Nhà nước nơi đăng ký tài khoản tất toán tài khoản khi cần thiết.") == []


def test_a_request_that_opens_an_item_of_a_bodys_duties_is_that_bodys_power() -> None:
    """bulk3 doc_000538: ``1. Văn phòng Bộ có trách nhiệm:`` / ``c) Yêu cầu thủ trưởng các cơ quan, đơn vị có liên quan
    cử cán bộ, công chức cùng tham gia tiếp công dân …``: the office may ask; the heads asked are given no task by the
    text (gold README; 120 items of 35 bulk documents open with a request under a heading that names their body)."""
    structure, by_task = bulk_assignments("doc_000538")
    asked = next(t for t in structure.tasks if t.text.startswith("c) Yêu cầu thủ trưởng các cơ quan, đơn vị"))
    assert by_task[asked.task_id] == {("lead", "Văn phòng Bộ")}


def test_an_execution_clause_keeps_each_items_qualifier_up_to_the_next_item() -> None:
    """The execution clause is a list of subjects and nothing else, so words that end a name elsewhere only qualify an
    item: bulk doc_000610's ``người đứng đầu cơ quan do Chính phủ, Thủ tướng Chính phủ thành lập mà không phải là đơn
    vị sự nghiệp công lập`` (the bodies of its agent are no items), doc_000319's ``các đơn vị tham gia TABMIS`` (the
    scope that closes the last item is no part of it)."""
    structure, by_task = bulk_assignments("doc_000610")
    [closing] = [by_task[t.task_id] for t in structure.tasks if "chịu trách nhiệm thi hành Nghị định này" in t.text]
    assert closing == {
        ("lead", "Bộ trưởng"),
        ("lead", "Thủ trưởng cơ quan ngang bộ"),
        ("lead", "Thủ trưởng cơ quan thuộc Chính phủ"),
        ("lead", "người đứng đầu cơ quan do Chính phủ, Thủ tướng Chính phủ thành lập mà không phải là đơn vị sự nghiệp công lập"),
        ("lead", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"),
        ("lead", "người đứng đầu đơn vị sự nghiệp công lập"),
        ("lead", "các cơ quan, tổ chức có liên quan"),
    }
    structure, by_task = bulk_assignments("doc_000319")
    [closing] = [by_task[t.task_id] for t in structure.tasks if "thi hành Thông tư này" in t.text]
    assert {("lead", "các đơn vị tham gia TABMIS"), ("lead", "các đơn vị khác có giao dịch với Kho bạc Nhà nước")} < closing


def test_an_execution_clause_of_a_provincial_decision_reads_past_a_qualifier() -> None:
    # dev src-congbot-10 (a Ho Chi Minh City decision): ``Thủ trưởng các đơn vị trực thuộc Sở … có sử dụng kinh phí
    # thực hiện chính sách … | và Chủ tịch Ủy ban nhân dân xã, phường, thị trấn chịu trách nhiệm thi hành Quyết định này``
    text = (DEV / "src-congbot-10.txt").read_text(encoding="utf-8")
    clause = next(line for line in text.splitlines() if "chịu trách nhiệm thi hành Quyết định này" in line)
    found = roles(clause)
    assert ("lead", "Chủ tịch Ủy ban nhân dân xã, phường, thị trấn") in found
    assert found[-2][1].endswith("có sử dụng kinh phí thực hiện chính sách ưu đãi người có công với cách mạng và người trực tiếp tham gia kháng chiến")


def test_a_clause_before_an_execution_cue_is_no_list_of_subjects() -> None:
    # a lead and its partners before … thực hiện Quyết định này: the partners' list is no item's qualifier
    text = "Bộ Tài chính chủ trì, phối hợp với Bộ Y tế, Bộ Công an có trách nhiệm thực hiện Quyết định này."
    assert roles(text) == [("lead", "Bộ Tài chính"), ("support", "Bộ Y tế"), ("support", "Bộ Công an")]


def test_an_execution_clause_reads_on_past_a_kind_the_names_grammar_stops_at() -> None:
    # bulk doc_000374 (a securities circular): "tổ chức" reads as a verb, so the names grammar stops before the
    # regulated kinds; in the execution clause each kind is an item of its own
    structure, by_task = bulk_assignments("doc_000374")
    [closing] = [by_task[t.task_id] for t in structure.tasks if "chịu trách nhiệm thực hiện Thông tư này" in t.text]
    assert {("lead", "tổ chức phát hành"), ("lead", "công ty đại chúng"), ("lead", "công ty chứng khoán")} < closing


def test_an_item_that_opens_with_its_own_duty_heading_takes_no_body_of_the_heading_above() -> None:
    # bulk doc_000552: the duties of the council's secretary are the secretary's, not the council's
    found = _rows_of(
        "Điều 5. Trách nhiệm của Hội đồng sát hạch\n"
        "1. Tổ chức kỳ sát hạch theo nội dung, quy trình quy định tại Thông tư này.\n"
        "2. Nhiệm vụ của thành viên thư ký hội đồng sát hạch: chuẩn bị các văn bản, tài liệu phục vụ các cuộc họp "
        "của hội đồng sát hạch; ghi biên bản các cuộc họp của hội đồng sát hạch.\n"
    )
    assert ("t1", "lead", "Hội đồng sát hạch") in found
    assert {(role, body) for task, role, body in found if task == "t2"} == {
        ("lead", "thành viên thư ký hội đồng sát hạch")
    }


def _rows_of(text: str) -> set[tuple[str, str, str]]:
    """The (task, role, assignee) rows the pipeline reads in a plain text."""
    return {(a.task_id, a.role, a.assignee) for a in _assignments_in_text(text)}


def _assignments_in_text(text: str) -> list[Assignment]:
    """The assignments the pipeline reads in a plain text."""
    raw = RawDocument(source_file="text.txt", sha256="0" * 64, kind="text", pages=[PageText(1, text, TextSource.PLAIN_TEXT)])
    document = normalize(raw)
    return assignments_of(document, parse(document))


def test_the_items_of_a_lead_in_that_hands_work_to_a_body_are_that_body_s() -> None:
    # bulk doc_000011 (decree 254/2025, Điều 50): after the duties of the article's two bodies, khoản 6 hands five
    # more to the ministry; they are not the article's bodies' (the reading audit's recall span)
    found = _rows_of(
        "Điều 50. Nhiệm vụ của cơ quan tài chính các cấp\n"
        "1. Hướng dẫn, kiểm tra việc quản lý, sử dụng vốn đầu tư công.\n"
        "2. Ngoài những nhiệm vụ quy định tại khoản 1 Điều này, giao Bộ Tài chính:\n"
        "a) Giúp Chính phủ thống nhất quản lý nhà nước về quản lý, thanh toán, quyết toán vốn đầu tư công;\n"
        "b) Phối hợp với các bộ, cơ quan liên quan thanh tra, kiểm tra việc thanh toán vốn đầu tư công.\n"
    )
    assert ("t1", "lead", "cơ quan tài chính các cấp") in found
    handed = {(task, role, body) for task, role, body in found if task in ("t2", "t3")}  # a) and b)
    assert ("t2", "lead", "Bộ Tài chính") in handed and ("t3", "support", "Bộ Tài chính") in handed
    assert not any(body == "cơ quan tài chính các cấp" for _, _, body in handed)


def test_a_heading_about_the_parties_gives_its_items_no_body() -> None:
    # bulk doc_000216 (the PPP contract guide): what a contract must settle for its parties, no duty of any body
    found = _rows_of(
        "Điều 7. Trách nhiệm của Bộ Tài chính\n"
        "1. Hướng dẫn lập hợp đồng dự án.\n"
        "2. Quyền, nghĩa vụ của các bên trước giai đoạn xây dựng\n"
        "a) Việc thu xếp tài chính.\n"
        "b) Việc lập, thẩm định, phê duyệt thiết kế sau thiết kế cơ sở và dự toán.\n"
    )
    assert ("t1", "lead", "Bộ Tài chính") in found
    assert {body for _, _, body in found} == {"Bộ Tài chính"} and {task for task, _, _ in found} == {"t1"}


def test_a_body_that_directs_another_over_a_list_leads_its_items_but_shares_no_partner_s_item() -> None:
    # bulk doc_000606 (the army health insurance circular): the unit head directs its own office; a "Phối hợp" item
    # is the office's duty alone (gold README: the body that directs gets nothing from it)
    found = _rows_of(
        "Điều 22. Trách nhiệm của các cơ quan, đơn vị\n"
        "1. Thủ trưởng đơn vị cấp trực thuộc Bộ Quốc phòng có trách nhiệm chỉ đạo cơ quan thuộc quyền:\n"
        "a) Phối hợp chặt chẽ các cơ quan có liên quan bảo đảm đầy đủ quyền lợi về bảo hiểm y tế cho đối tượng;\n"
        "b) Lập Danh sách tham gia bảo hiểm y tế và gửi về cơ quan bảo hiểm xã hội đúng thời hạn quy định.\n"
    )
    assert ("t2", "lead", "Thủ trưởng đơn vị cấp trực thuộc Bộ Quốc phòng") in found
    assert ("t2", "lead", "cơ quan thuộc quyền") in found and ("t1", "support", "cơ quan thuộc quyền") in found
    assert ("t1", "support", "Thủ trưởng đơn vị cấp trực thuộc Bộ Quốc phòng") not in found


def test_the_collective_flag_of_bodies_named_by_kind() -> None:
    # gold README, the flag audit: a document with no issuer printed is central when only the centre issues its kind
    assert place_of(None, None, "Nghị định") == Place("", "trung ương") and place_of(None, None, "Quyết định") is None
    assert is_collective("Giám đốc Ngân hàng Nhà nước Khu vực", place_of(None, None, "Nghị định"))
    central, province = place_of("CHÍNH PHỦ", None), place_of("ỦY BAN NHÂN DÂN TỈNH SƠN LA", None)
    # bodies set up for each case and their posts, named by kind: every such body in a central document
    for body in ("Hội đồng thẩm định", "Trưởng đoàn thanh tra", "Chủ tịch Hội đồng bình chọn", "Ban quản lý dự án"):
        assert is_collective(body, central)
    assert not is_collective("Hội đồng thẩm định", province)
    # ... not the document's own council named by its kind alone, nor a national one
    assert not is_collective("Chủ tịch Hội đồng", central)
    assert not is_collective("Hội đồng quốc gia thẩm định sách giáo khoa", central)
    assert not is_collective("Cơ quan an toàn bức xạ và hạt nhân quốc gia", central)
    assert is_collective("đơn vị dự trữ quốc gia", central)
    # a court or procuracy by its kind alone, the police of the localities, a province's military command
    for kind in ("Tòa án", "Viện kiểm sát", "Công an địa phương"):
        assert is_collective(kind, central)
    assert is_collective("Bộ Chỉ huy quân sự", central) and not is_collective("Bộ Chỉ huy quân sự", province)
    assert not is_collective("VNNIC", central)  # a body's own abbreviation
    # the deputies of a post are several, unless a rank or an assignment singles one out
    assert is_collective("Phó Chủ tịch Hội đồng Dân tộc") and not is_collective("Phó Chủ tịch thường trực Hội đồng")


def _minister_flags(issuer: str, body: str) -> set[bool]:
    text = f"{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 01/2025/TT-BKHCN\nTHÔNG TƯ\nQuy định thử\n{body}"
    raw = RawDocument(source_file="tt.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, text, TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    return {a.collective for a in assignments_of(document, parse(document)) if a.assignee == "Bộ trưởng"}


def test_the_minister_alone_in_a_ministrys_own_circular_is_that_minister() -> None:
    # gold README, the flag audit: báo cáo Bộ trưởng in a ministry's circular (14 bulk circulars) is its minister;
    # first in the list of every minister's title it is every minister, and so in a decree
    report = "Điều 5. Báo cáo\n1. Văn phòng Bộ có trách nhiệm tổng hợp, báo cáo Bộ trưởng xem xét, quyết định.\n"
    assert _minister_flags("BỘ KHOA HỌC VÀ CÔNG NGHỆ", report) == {False}
    assert _minister_flags("CHÍNH PHỦ", report) == {True}
    listed = "Điều 9. Tổ chức thực hiện\nBộ trưởng, Thủ trưởng cơ quan ngang Bộ chịu trách nhiệm thi hành Thông tư này.\n"
    assert _minister_flags("BỘ KHOA HỌC VÀ CÔNG NGHỆ", listed) == {True}
