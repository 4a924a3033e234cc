"""The clause reader and the grammar of names (pipeline.language): subjects, titles, headings that name a body,
on sentences as the bulk corpus writes them."""

from __future__ import annotations

import pytest

from pipeline.extract.assignments import find_assignments
from pipeline.language.clauses import clause_mentions, heading_subjects
from pipeline.language.names import names
from pipeline.model import PageText, RawDocument, TextSource
from pipeline.process import finish
from pipeline.settings import Settings


def mentions(text: str) -> list[tuple[str, str]]:
    return [(role, name) for role, _, name in clause_mentions(text)]


def test_a_list_of_titles_gives_one_subject_per_title() -> None:
    text = (
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chánh án Tòa án nhân dân tối cao, Viện trưởng Viện kiểm sát "
        "nhân dân tối cao và Phó Chủ tịch Ủy ban nhân dân tỉnh có trách nhiệm thi hành Nghị định này."
    )
    assert mentions(text) == [
        ("lead", "Các Bộ trưởng"),
        ("lead", "Thủ trưởng cơ quan ngang bộ"),
        ("lead", "Chánh án Tòa án nhân dân tối cao"),
        ("lead", "Viện trưởng Viện kiểm sát nhân dân tối cao"),
        ("lead", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    ]


def test_a_subject_defined_by_what_it_does_needs_no_head_of_a_body() -> None:
    text = "1. Doanh nghiệp kinh doanh vận tải đường sắt có trách nhiệm bảo quản hàng hóa kể từ lúc nhận chở hàng hóa."
    assert mentions(text) == [("lead", "Doanh nghiệp kinh doanh vận tải đường sắt")]


def test_a_paper_that_asks_directs_no_body() -> None:
    text = "1. Văn bản của tổ chức tài chính vi mô đề nghị Ngân hàng Nhà nước chấp thuận thành lập chi nhánh."
    assert mentions(text) == []


@pytest.mark.parametrize(
    ("heading", "subjects"),
    [
        ("Quyền, nghĩa vụ và trách nhiệm của Bộ Tài chính", ["Bộ Tài chính"]),
        ("Nhiệm vụ, quyền hạn của Ủy ban nhân dân cấp tỉnh", ["Ủy ban nhân dân cấp tỉnh"]),
        ("Trưởng Công an cấp xã có các nhiệm vụ, quyền hạn sau đây:", ["Trưởng Công an cấp xã"]),
        ("Sở Lao động - Thương binh và Xã hội có nhiệm vụ", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Trưởng Công an cấp xã có quyền:", []),  # powers to sanction, not tasks
        ("Quyền của tổ chức tín dụng", []),
        ("Trách nhiệm tổ chức thực hiện", []),
        # a body named by its kind, in lower case, up to the matter the heading adds
        ("Trách nhiệm của người sử dụng lao động", ["người sử dụng lao động"]),
        ("Quyền, nghĩa vụ và trách nhiệm của chủ đầu tư trong việc giám sát thi công xây dựng", ["chủ đầu tư"]),
        ("Trách nhiệm của chủ dự án đầu tư sau khi được xác nhận dự án đầu tư", ["chủ dự án đầu tư"]),
        ("Quyền của đăng kiểm viên", []),
        # a named body, up to the matter the heading adds in lower case (bulk doc_000267, doc_000468, doc_000106)
        ("Trách nhiệm của Bộ Khoa học và Công nghệ trong việc thực hiện thanh sát", ["Bộ Khoa học và Công nghệ"]),
        ("Nhiệm vụ, quyền hạn của Tòa án nhân dân trong thi hành án dân sự", ["Tòa án nhân dân"]),
        ("Nhiệm vụ, quyền hạn của Viện kiểm sát khi kiểm sát quản lý, thi hành tạm giữ, tạm giam", ["Viện kiểm sát"]),
        # … and the matter goes on past a semicolon (doc_000451); each "của" names a body (doc_000075)
        ("Trách nhiệm của Hội đồng quản lý quỹ trong việc hợp nhất, sáp nhập; đổi tên quỹ", ["Hội đồng quản lý quỹ"]),
        (
            "Trách nhiệm của Bộ trưởng Bộ Công an, của Thủ trưởng công an các đơn vị, địa phương trong tổ chức",
            ["Bộ trưởng Bộ Công an", "Thủ trưởng công an các đơn vị, địa phương"],
        ),
        # no duty nouns: a heading whose name a stop word breaks is a topic (doc_000345)
        ("Đơn vị tính giá dịch vụ đăng kiểm theo thời gian thực hiện công việc", []),
        # a party no head opens, capitalised: an acronym, a person's post, a fund (doc_000124, 538, 468, 751)
        ("Nhiệm vụ, quyền hạn của KBNN", ["KBNN"]),
        ("Trách nhiệm của VNNIC trong quản lý, thúc đẩy tài nguyên Internet", ["VNNIC"]),
        ("Nhiệm vụ, quyền hạn của Chấp hành viên", ["Chấp hành viên"]),
        ("Trách nhiệm của Quỹ", ["Quỹ"]),
        # a list of kinds in lower case runs longer than a name (doc_000215); a long capitalised one is a sentence
        # (doc_000087)
        (
            "Trách nhiệm của tổ chức, cá nhân tham gia chuẩn bị ứng phó và hoạt động ứng phó sự cố",
            ["tổ chức, cá nhân tham gia chuẩn bị ứng phó và hoạt động ứng phó sự cố"],
        ),
        (
            "Nhiệm vụ, quyền hạn của Bộ phận tuân thủ do Tổng giám đốc (Giám đốc) của tổ chức tín dụng quyết định, đảm"
            " bảo Bộ phận tuân thủ có tối thiểu các nhiệm vụ sau đây",
            [],
        ),
        # a known name holds its stop words (doc_000117); a "nơi" clause says which body of its kind (gold README)
        ("Trách nhiệm của Tổng cục Hậu cần - Kỹ thuật", ["Tổng cục Hậu cần - Kỹ thuật"]),
        ("Trách nhiệm của Hải quan nơi đăng ký tờ khai:", ["Hải quan nơi đăng ký tờ khai"]),
        (
            "Trách nhiệm của Ủy ban nhân dân cấp tỉnh nơi có nhà máy điện hạt nhân, lò phản ứng hạt nhân nghiên cứu",
            ["Ủy ban nhân dân cấp tỉnh nơi có nhà máy điện hạt nhân"],
        ),
        # a lead-in whose body a second duty cue follows (doc_000130)
        ("Công an cấp xã có nhiệm vụ trực tiếp giúp Ủy ban nhân dân cấp xã quản lý và có nhiệm vụ, quyền hạn sau đây:",
         ["Công an cấp xã"]),
        # a lead-in naming its body by what it does, read as a clause's subject (doc_000545, doc_000298, doc_000538)
        ("Cơ quan, tổ chức thực hiện chế độ báo cáo có trách nhiệm:", ["Cơ quan, tổ chức thực hiện chế độ báo cáo"]),
        (
            "Tổ chức, cá nhân kinh doanh đối tượng thủy sản nuôi chủ lực có trách nhiệm:",
            ["Tổ chức, cá nhân kinh doanh đối tượng thủy sản nuôi chủ lực"],
        ),
        # the provision that defines the kind is part of its name (tune doc_000538's gold)
        ("Các cơ quan, đơn vị được quy định tại điểm a, b, c khoản 1 Điều 3 Thông tư này có trách nhiệm:",
         ["Các cơ quan, đơn vị được quy định tại điểm a, b, c khoản 1 Điều 3 Thông tư này"]),
        ("Doanh nghiệp kinh doanh dịch vụ có quyền và nghĩa vụ sau:", []),  # rights and conduct, no duties of a lead-in
        # a lead-in or heading that hands work to a body: the body handed, and the one that hands where it is named
        # (doc_000011, doc_000141, doc_000606, doc_000292)
        ("Ngoài những nhiệm vụ quy định tại các khoản 1, 2, 3, 4, 5 Điều này, giao Bộ Tài chính:", ["Bộ Tài chính"]),
        ("Ủy ban nhân dân cấp tỉnh giao Sở Nội vụ chịu trách nhiệm:", ["Ủy ban nhân dân cấp tỉnh", "Sở Nội vụ"]),
        (
            "Thủ trưởng đơn vị cấp trực thuộc Bộ Quốc phòng có trách nhiệm chỉ đạo cơ quan thuộc quyền:",
            ["Thủ trưởng đơn vị cấp trực thuộc Bộ Quốc phòng", "cơ quan thuộc quyền"],
        ),
        (
            "Phân cấp thực hiện một số nhiệm vụ và giải quyết một số thủ tục hành chính trong lĩnh vực an toàn thực phẩm"
            " thuộc thẩm quyền của Bộ Y tế cho Cục An toàn thực phẩm",
            ["Cục An toàn thực phẩm"],
        ),
        ("Giao Sở Y tế chủ trì thực hiện", []),  # a task of its own, no lead-in
        ("Chuyển giao đơn vị sự nghiệp công lập", []),  # a handing that is the topic (doc_000610)
        # the parties named by no role: a contract's clauses, or parts that name each party (doc_000216, doc_000509)
        ("Quyền, nghĩa vụ của các bên trước giai đoạn xây dựng", []),
        ("Trách nhiệm của các bên liên quan", []),
    ],
)
def test_a_heading_of_duty_nouns_names_the_body_of_the_tasks_under_it(heading: str, subjects: list[str]) -> None:
    assert [name for _, name in heading_subjects(heading)] == subjects


def test_a_body_answerable_to_the_law_is_given_no_task() -> None:
    text = "c) Tổ chức xác nhận độc lập chịu trách nhiệm trước pháp luật về kết quả xác nhận của mình."
    assert mentions(text) == []
    assert mentions("c) Tổ chức xác nhận độc lập chịu trách nhiệm công bố kết quả xác nhận.") == [
        ("lead", "Tổ chức xác nhận độc lập")
    ]


def test_a_subject_after_an_opening_phrase_may_carry_a_qualifier_before_its_verb() -> None:
    text = (
        "2. Khi người sử dụng trái phép chất ma túy thay đổi nơi cư trú thì Công an cấp xã nơi chuyển đi có trách "
        "nhiệm thông báo cho Công an cấp xã nơi chuyển đến."
    )
    assert mentions(text) == [("lead", "Công an cấp xã nơi chuyển đi")]  # the qualifier is the name's (gold README)


@pytest.mark.parametrize(
    ("text", "subject"),
    [  # bulk doc_000025, doc_000035, doc_000190: a kind of body named by what it does
        ("3. Cơ quan quản lý thuế thực hiện chuyển đổi số, tự động hóa công tác quản lý thuế.", "Cơ quan quản lý thuế"),
        ("3. Ban quản lý dự án thực hiện các nhiệm vụ trong khuôn khổ dự án.", "Ban quản lý dự án"),
        ("1. Cơ quan điều hành có trách nhiệm báo cáo.", "Cơ quan điều hành"),
        (  # doc_000265: two such verbs, and a kind of body as what they are about
            "3. Cục Quản lý, giám sát tổ chức tín dụng có trách nhiệm theo dõi việc thực hiện Thông tư này.",
            "Cục Quản lý, giám sát tổ chức tín dụng",
        ),
    ],
)
def test_a_verb_right_after_a_kind_of_body_begins_its_name(text: str, subject: str) -> None:
    assert mentions(text) == [("lead", subject)]
    # after a name, the same verb is the body's own: the name ends there
    assert mentions("Sở Tài chính quản lý kinh phí và thực hiện thanh toán.") == [("lead", "Sở Tài chính")]


def test_a_kind_of_body_named_by_its_verb_alone_on_a_line_is_read_without_a_task() -> None:
    # a heading or table cell that holds only the name: its verb is part of the name, nothing follows it
    assert mentions("Hội đồng thẩm định") == []
    assert mentions("Hội đồng thẩm định có trách nhiệm thẩm định hồ sơ.") == [("lead", "Hội đồng thẩm định")]


def test_the_words_of_a_known_name_are_no_verbs() -> None:
    text = (  # bulk doc_000248: gửi would end the name, and be taken for its verb
        "Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước, Kho bạc Nhà nước Việt Nam, Bảo hiểm tiền gửi Việt Nam, các "
        "tổ chức tín dụng chịu trách nhiệm tổ chức thực hiện Thông tư này./."
    )
    assert ("lead", "Bảo hiểm tiền gửi Việt Nam") in mentions(text)
    assert ("lead", "Kho bạc Nhà nước Việt Nam") in mentions(text)


def test_a_body_named_with_its_parent_is_one_body_named_without_it() -> None:
    # bulk doc_000016, doc_000395: a department, then its ministry (the gold names it alone, as with `thuộc`)
    text = "3. Vụ Tổ chức cán bộ, Bộ Giáo dục và Đào tạo thẩm định hồ sơ."
    assert mentions(text) == [("lead", "Vụ Tổ chức cán bộ")]
    text = "Đề nghị Cục Biến đổi khí hậu, Bộ Nông nghiệp và Môi trường hướng dẫn điều chỉnh nội dung."
    assert mentions(text) == [("lead", "Cục Biến đổi khí hậu")]
    # after a slash or a dash (bulk doc_000117, doc_000606, doc_000298), after `thuộc` whatever the head (doc_000084)
    text = "4. Cục Tài chính/Bộ Quốc phòng chủ trì, phối hợp với Cục Quân y/Tổng cục Hậu cần - Kỹ thuật thẩm định."
    assert mentions(text) == [("lead", "Cục Tài chính"), ("support", "Cục Quân y")]
    text = "Cục Thủy sản và Kiểm ngư - Bộ Nông nghiệp và Môi trường hướng dẫn thực hiện."
    assert mentions(text) == [("lead", "Cục Thủy sản và Kiểm ngư")]
    text = "2. Bảo hiểm xã hội Việt Nam thuộc Bộ Tài chính có trách nhiệm theo dõi người lao động."
    assert mentions(text) == [("lead", "Bảo hiểm xã hội Việt Nam")]
    # two bodies one or the other of which acts are no child and parent (bulk doc_000354)
    text = "Ngân hàng Nhà nước Việt Nam/Ngân hàng Nhà nước chi nhánh Khu vực xem xét, chấp thuận danh sách."
    assert "Ngân hàng Nhà nước Việt Nam" not in [name for _, name in mentions(text)]
    # a list of departments and a ministry, and a list of heads, are bodies each
    text = "Vụ Pháp chế, Vụ Tài chính, Bộ Tư pháp phối hợp thực hiện."
    assert mentions(text) == [("support", "Vụ Pháp chế"), ("support", "Vụ Tài chính"), ("support", "Bộ Tư pháp")]
    text = "Vụ trưởng Vụ Pháp chế, Bộ trưởng Bộ Tư pháp chịu trách nhiệm thi hành."
    assert mentions(text) == [("lead", "Vụ trưởng Vụ Pháp chế"), ("lead", "Bộ trưởng Bộ Tư pháp")]
    # the procuracy belongs to no ministry, and a department has one parent (bulk doc_000077, doc_000130)
    text = "1. Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao, Bộ Tư pháp, Bộ Quốc phòng có trách nhiệm phối hợp."
    assert mentions(text) == [
        ("support", "Tòa án nhân dân tối cao"),
        ("support", "Viện kiểm sát nhân dân tối cao"),
        ("support", "Bộ Tư pháp"),
        ("support", "Bộ Quốc phòng"),
    ]
    text = "Cục Biến đổi khí hậu, Bộ Nông nghiệp và Môi trường, Bộ Tài chính chủ trì thực hiện."
    assert mentions(text) == [("lead", "Cục Biến đổi khí hậu"), ("lead", "Bộ Tài chính")]


def test_a_kind_of_body_defined_by_what_it_is_given_to_do_keeps_its_definition() -> None:
    # bulk doc_000628: a partner defined after "được", with two verbs joined by a comma, up to "trong việc"
    text = (
        "3. Chỉ đạo các đơn vị trực thuộc Bộ Công an phối hợp với Cục Bưu điện Trung ương và doanh nghiệp được chỉ "
        "định thực hiện duy trì, quản lý mạng bưu chính công cộng trong việc thẩm tra tiêu chuẩn chính trị."
    )
    assert ("support", "doanh nghiệp được chỉ định thực hiện duy trì, quản lý mạng bưu chính công cộng") in mentions(text)
    # bulk doc_000462: the definition's object, then the sentence's own verb
    text = "Cơ quan, đơn vị được giao nhiệm vụ bồi dưỡng công chức căn cứ sự cần thiết quyết định việc mua sắm."
    assert mentions(text) == [("lead", "Cơ quan, đơn vị được giao nhiệm vụ bồi dưỡng công chức")]
    # a body named by its own name is given the task: "được giao" is the sentence's verb
    assert mentions("Sở Tài chính được giao chủ trì thẩm định.") == [("lead", "Sở Tài chính")]


@pytest.mark.parametrize(
    ("text", "subject"),
    [  # procedural articles of legal texts: a body, then at once the verb of its duty
        (  # bulk doc_000004
            "b) Bộ trưởng Bộ Nông nghiệp và Môi trường quyết định cấp, cấp lại và thu hồi Giấy phép khảo nghiệm.",
            "Bộ trưởng Bộ Nông nghiệp và Môi trường",
        ),
        ("Bộ Quốc phòng có văn bản trả lời Cơ quan chức năng của quốc gia có tàu quân sự.", "Bộ Quốc phòng"),  # doc_000082
        ("2. Bộ Công Thương chỉ định các thương nhân có Giấy phép sản xuất sản phẩm thuốc lá.", "Bộ Công Thương"),
        ("Ủy ban nhân dân cấp xã, Công an cấp xã được giao quản lý, giám sát người được hưởng án treo.", (  # doc_000130
            "Ủy ban nhân dân cấp xã"
        )),
    ],
)
def test_a_verb_right_after_a_name_makes_the_body_lead(text: str, subject: str) -> None:
    assert mentions(text)[0] == ("lead", subject)


def test_a_verb_that_names_a_kind_of_body_is_no_verb_of_its_own() -> None:
    # bulk doc_000087, doc_000064: Ban kiểm soát, Cơ quan giúp việc are bodies, not a body and its verb
    assert mentions("Ban kiểm soát được thuê tổ chức bên ngoài có chuyên môn đánh giá chất lượng hoạt động.") == []
    assert mentions("3. Cơ quan đề xuất ký kết thỏa thuận về vốn ODA, vốn vay ưu đãi.") == []


def test_a_subject_after_an_opening_phrase_may_be_written_in_lower_case() -> None:
    text = (  # bulk doc_000528
        "b) Trong thời hạn 15 ngày, kể từ ngày nhận được báo cáo thẩm định, cơ quan đề xuất có trách nhiệm hoàn thiện "
        "hồ sơ và ban hành chương trình."
    )
    assert mentions(text) == [("lead", "cơ quan đề xuất")]
    text = (  # src-vbpl-31 and 33 of the dev texts close so, as do many bulk circulars
        "Trong quá trình thực hiện, nếu có vướng mắc, tổ chức, cá nhân có trách nhiệm phản ánh về Bộ Công Thương để "
        "xem xét, giải quyết."
    )
    assert mentions(text) == [("lead", "tổ chức, cá nhân"), ("report_to", "Bộ Công Thương")]
    # "tổ chức" alone after an opening phrase is the verb (organise), no body
    assert mentions("Trường hợp cần thiết, tổ chức kiểm tra đột xuất.") == []


def test_a_condition_with_no_opening_word_passes_the_subject_to_what_follows_thi() -> None:
    """``<condition> thì X <verb>`` with no opening word (42 bulk documents, 65 paragraphs: doc_000468, doc_000215,
    doc_000509): X is the subject, as after ``Trường hợp … thì``; the condition's own nouns are none. A clause whose
    words before ``thì`` give a body its verb keeps that subject."""
    text = (  # bulk doc_000468
        "6. Vật chứng đã được cơ quan thi hành án dân sự tiếp nhận trước ngày Luật này có hiệu lực thi hành thì cơ "
        "quan thi hành án dân sự tiếp tục bảo quản và xử lý theo quy định của pháp luật."
    )
    assert mentions(text) == [("lead", "cơ quan thi hành án dân sự")]
    text = (  # bulk doc_000215
        "3. Kế hoạch ứng phó sự cố bức xạ và hạt nhân cấp tỉnh đã được lập và nộp cho cơ quan có thẩm quyền nhưng chưa "
        "được phê duyệt trước ngày Thông tư này có hiệu lực thi hành thì Bộ Khoa học và Công nghệ tiếp tục thẩm định."
    )
    assert mentions(text) == [("lead", "Bộ Khoa học và Công nghệ")]
    text = "Sở Y tế chủ trì kiểm tra, nếu phát hiện vi phạm thì báo cáo Ủy ban nhân dân tỉnh."
    assert mentions(text) == [("lead", "Sở Y tế"), ("report_to", "Ủy ban nhân dân tỉnh")]


def test_a_subject_after_an_opening_phrase_may_open_with_an_accented_capital() -> None:
    text = (  # src-vbpl-34 of the dev texts
        "c) Trường hợp bổ sung, hoàn thiện hồ sơ, Ủy ban nhân dân cấp tỉnh chỉ đạo cơ quan, đơn vị có liên quan tổ "
        "chức bổ sung, hoàn thiện và báo cáo kết quả về Bộ Nội vụ."
    )
    assert mentions(text)[0] == ("lead", "Ủy ban nhân dân cấp tỉnh")


def test_past_the_verb_of_an_opening_clause_a_comma_opens_no_subject() -> None:
    text = (  # src-vbpl-17 of the dev texts: the task's own body leads, the bodies listed after phối hợp với support
        "b) Trong quá trình triển khai thực hiện, nếu có vấn đề phát sinh, chủ trì, phối hợp với các bộ, cơ quan trung "
        "ương liên quan và các địa phương nghiên cứu, rà soát, tổng hợp trình Thủ tướng Chính phủ xem xét."
    )
    assert all(role == "support" for role, _ in mentions(text))


def test_an_amended_paragraph_in_quotation_marks_is_read_as_any_other() -> None:
    text = (  # bulk doc_000482: an amending circular quotes the paragraph it puts in
        "“Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước Việt Nam, tổ chức tín dụng, chi nhánh ngân hàng nước ngoài "
        "chịu trách nhiệm tổ chức thực hiện Thông tư này.”."
    )
    assert mentions(text)[0] == ("lead", "Thủ trưởng các đơn vị thuộc Ngân hàng Nhà nước Việt Nam")


def test_a_generic_subject_that_closes_a_list_before_a_duty_is_one_more_subject() -> None:
    text = (  # bulk doc_000001: "tổ chức" opens the last subject, it is no verb
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân "
        "tỉnh, thành phố trực thuộc trung ương và tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này."
    )
    assert mentions(text)[-2:] == [
        ("lead", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"),
        ("lead", "tổ chức, cá nhân có liên quan"),
    ]


def test_a_list_that_goes_on_into_a_clause_gives_no_generic_subject() -> None:
    text = (  # bulk doc_000098: the bodies after the opening phrase ask, the one after the comma decides
        "Trường hợp có nhiều nhà thầu thi công, nhà đầu tư, chủ đầu tư đề nghị cấp giấy phép thăm dò khoáng sản, Chủ "
        "tịch Ủy ban nhân dân cấp tỉnh quyết định lựa chọn tổ chức, cá nhân để xem xét cấp giấy phép thăm dò khoáng "
        "sản;"
    )
    assert not any(name.startswith(("chủ đầu tư", "nhà đầu tư")) for _, name in mentions(text))


@pytest.mark.parametrize(
    ("text", "subject"),
    [  # bulk doc_000267, doc_000165: "có thẩm quyền" right after a kind of body is the name's, no power; the
        # provision that says which one it is, no part of it
        ("d) Trường hợp không đồng ý cấp Chứng chỉ nhân viên bức xạ: chậm nhất trong thời hạn quy định tại điểm c "
         "khoản này, cơ quan có thẩm quyền phải trả lời bằng văn bản và nêu rõ lý do.",
         "cơ quan có thẩm quyền"),
        ("1. Người có thẩm quyền quy định tại các khoản 1, 2 và 3 Điều 11 của Luật này quyết định việc cung cấp, "
         "chuyển giao bí mật nhà nước thuộc phạm vi quản lý.",
         "Người có thẩm quyền"),
    ],
)  # fmt: skip
def test_a_kind_of_body_named_by_its_competence_leads_the_verb_after_it(text: str, subject: str) -> None:
    assert mentions(text) == [("lead", subject)]


@pytest.mark.parametrize(
    "text",
    [  # bulk doc_000131: a power to delegate; doc_000029: "tiếp nhận, giải quyết …" says which one it is
        "5. Người có thẩm quyền quy định tại khoản 4 Điều này có thể giao quyền cho cấp phó thực hiện thẩm quyền giữ "
        "người trong trường hợp khẩn cấp.",
        "Người có thẩm quyền tiếp nhận, giải quyết thủ tục hành chính khai thác, sử dụng thông tin đã có trong các cơ "
        "sở dữ liệu.",
    ],
)
def test_a_competence_without_a_verb_of_procedure_after_it_names_no_subject(text: str) -> None:
    assert mentions(text) == []


def test_past_a_kind_of_body_and_a_comma_a_list_of_kinds_goes_on() -> None:
    text = (  # bulk doc_000419: "về cơ quan, | người có thẩm quyền thực hiện …" is inside the opening phrase
        "3. Trường hợp có sự thay đổi về cơ quan, người có thẩm quyền thực hiện thủ tục hành chính khi Thông tư này "
        "có hiệu lực thì cơ quan, người có thẩm quyền có trách nhiệm: kế thừa toàn bộ kết quả giải quyết."
    )
    assert mentions(text) == [("lead", "cơ quan, người có thẩm quyền")]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # doc_000478: a public body named by its kind and what it does, given its duty by "phải"
        ("c) Hội đồng kiểm tra sát hạch phải họp để giải quyết:", "Hội đồng kiểm tra sát hạch"),
        (
            "“3. Trong thời gian 05 ngày làm việc, kể từ ngày nhận được hồ sơ hợp lệ, cơ quan tiếp nhận hồ sơ phải "
            "tiến hành cấp lại giấy chứng nhận lương y cho đối tượng nộp hồ sơ theo quy định.”.",
            "cơ quan tiếp nhận hồ sơ",
        ),
    ],
)
def test_a_public_body_named_by_its_kind_is_given_a_duty_by_phai(text: str, subject: str) -> None:
    assert mentions(text) == [("lead", subject)]


@pytest.mark.parametrize(
    "text",
    [
        "Cơ quan tài chính không phải làm thủ tục xét chuyển.",  # no duty
        "Sau khi sáp nhập, đơn vị hành chính phải được phân loại.",  # a passive: no doer
        "Doanh nghiệp phải thực hiện các quy định của pháp luật về kế toán.",  # a private party's rule of conduct
    ],
)
def test_phai_gives_no_duty_when_negated_passive_or_of_a_private_party(text: str) -> None:
    assert mentions(text) == []


def test_a_subject_comes_after_any_phrase_of_time_that_a_comma_closes() -> None:
    text = (
        "c) Trong 05 ngày làm việc, kể từ ngày nhận được danh sách của Tổ thư ký, Hội đồng kiểm tra sát hạch phải "
        "họp để giải quyết:"
    )
    assert mentions(text) == [("lead", "Hội đồng kiểm tra sát hạch")]
    text = "Ngay sau khi người chấp hành án có việc làm, Công an cấp xã báo cáo Ủy ban nhân dân cấp xã."
    assert mentions(text) == [("lead", "Công an cấp xã"), ("report_to", "Ủy ban nhân dân cấp xã")]


def test_a_copy_of_what_a_task_sends_goes_to_a_body_as_a_report() -> None:
    text = (
        "Bộ Công an báo cáo Thủ tướng Chính phủ, đồng gửi Bộ Tài chính để theo dõi, tập hợp chung."  # doc_000158
    )
    assert mentions(text) == [
        ("lead", "Bộ Công an"),
        ("report_to", "Thủ tướng Chính phủ"),
        ("report_to", "Bộ Tài chính"),
    ]
    # a report sent to a body (bulk doc_000192, doc_000340)
    text = "Sở Tư pháp tổng hợp, báo cáo kết quả triển khai Thông tư liên tịch này gửi Bộ Tư pháp."
    assert mentions(text) == [("lead", "Sở Tư pháp"), ("report_to", "Bộ Tư pháp")]
    # a dossier a party files is an application, not a report
    text = "Người có công lập 03 bộ hồ sơ gửi Ủy ban nhân dân xã nơi có đất."
    assert ("report_to", "Ủy ban nhân dân xã") not in mentions(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is sent for a body to compile goes to it as a report does (bulk3 doc_000090, doc_000359)
        (
            "Hằng năm, căn cứ vào Chương trình lập pháp, các cơ quan xây dựng dự toán gửi Văn phòng Quốc hội để tổng hợp.",
            [("lead", "các cơ quan"), ("report_to", "Văn phòng Quốc hội")],
        ),
        (
            "đ) Hằng năm, tổng hợp đề xuất ngân sách thực hiện chính sách thu hút, trọng dụng nhân tài đối với Quân đội "
            "nhân dân Việt Nam, gửi Bộ Tài chính tổng hợp báo cáo theo quy định.",
            [("report_to", "Bộ Tài chính")],
        ),
        # nor is a notice: what a body tells those under it (bulk3 doc_000754)
        (
            "Ủy ban nhân dân cấp tỉnh có trách nhiệm tổ chức xem xét phê duyệt đối tượng được hưởng chính sách, thông báo "
            "kết quả phê duyệt chính sách cho Ủy ban nhân dân cấp xã và cơ sở giáo dục mầm non.",
            [("lead", "Ủy ban nhân dân cấp tỉnh")],
        ),
    ],
)
def test_what_a_body_is_sent_to_compile_goes_to_it_as_a_report(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (tune bulk3 doc_000015, doc_000077)
        (
            "3. Bộ, cơ quan ngang Bộ, trong phạm vi nhiệm vụ, quyền hạn của mình, có trách nhiệm phối hợp với Ngân hàng "
            "Nhà nước Việt Nam thực hiện quản lý nhà nước về bảo hiểm tiền gửi.",
            [("support", "Bộ"), ("support", "cơ quan ngang Bộ")],
        ),
        (
            "2. Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao có trách nhiệm phối hợp với Chính phủ thực hiện "
            "quản lý nhà nước về lý lịch tư pháp.",
            [("support", "Tòa án nhân dân tối cao"), ("support", "Viện kiểm sát nhân dân tối cao")],
        ),
        # (bulk doc_000098) and a partner in a task of its own supports
        (
            "c) Ủy ban nhân dân cấp tỉnh phối hợp với Bộ Công Thương, Bộ Xây dựng thực hiện chức năng quản lý nhà nước "
            "đối với hoạt động chế biến và xuất khẩu khoáng sản.",
            [("support", "Ủy ban nhân dân cấp tỉnh")],
        ),
        (
            "3. Bộ Công an chủ trì, phối hợp với Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao tổ chức kết nối.",
            [("lead", "Bộ Công an"), ("support", "Tòa án nhân dân tối cao"), ("support", "Viện kiểm sát nhân dân tối cao")],
        ),
    ],
)
def test_a_partner_that_holds_the_state_management_the_subject_helps_with_is_given_no_task(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "giao" in a name directs no body: the partners after it are still named (tune bulk4 doc_000403)
        (
            "c) Bộ Ngoại giao phối hợp với Bộ Khoa học và Công nghệ trong việc đàm phán, ký kết, thực hiện điều ước và "
            "thỏa thuận quốc tế về năng lượng nguyên tử.",
            [("support", "Bộ Ngoại giao"), ("support", "Bộ Khoa học và Công nghệ")],
        ),
        ("Bộ Quốc phòng, Bộ Ngoại giao phối hợp triển khai.", [("support", "Bộ Quốc phòng"), ("support", "Bộ Ngoại giao")]),
        # a handover gives the body that receives no task (tune bulk4 doc_000171, bulk2 doc_000610)
        (
            "Công an cấp tỉnh tiếp nhận công dân được tuyển chọn thực hiện nghĩa vụ tham gia Công an nhân dân từ địa "
            "phương giao quân để bàn giao cho các đơn vị nhận quân, thời gian bàn giao chậm nhất là 03 ngày.",
            [("lead", "Công an cấp tỉnh")],
        ),
        (
            "a) Cơ quan đề nghị chuyển giao đơn vị sự nghiệp công lập gửi các văn bản theo quy định tại điểm a khoản 3 "
            "Điều này đến cơ quan, tổ chức nhận chuyển giao đơn vị sự nghiệp công lập, Bộ Nội vụ, Bộ Tư pháp.",
            [],
        ),
    ],
)
def test_giao_in_a_name_or_a_handover_directs_no_body(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_quy_dinh_after_theo_is_no_verb_of_the_body() -> None:
    """``theo quy định`` (as laid down) says how, not what the body does: the verb after it gives the role (dev
    src-vnmp-04), and a body that has no other verb is given no task (tune bulk4 doc_000508)."""
    text = (
        "Ủy ban Thường vụ Quốc hội, Hội đồng Dân tộc, các cơ quan, tổ chức hữu quan cần cứ chức năng, nhiệm vụ theo quy "
        "định của pháp luật có trách nhiệm phối hợp tổ chức thực hiện có hiệu quả nhiệm vụ được phân công."
    )
    assert mentions(text) == [
        ("support", "Ủy ban Thường vụ Quốc hội"),
        ("support", "Hội đồng Dân tộc"),
        ("support", "các cơ quan, tổ chức hữu quan"),
    ]
    assert mentions("3. Cơ quan báo chí có tư cách pháp nhân, có con dấu, tài khoản theo quy định của pháp luật.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # English translations of bulk legal texts (doc_000905, doc_000919, doc_000811)
        (
            "3. Ministers, Heads of Ministerial Level Agencies, Heads of Government's agencies, Chairman of People's "
            "Committee in provinces, cities under the central Government's management shall be responsible for the "
            "implementation of this Decree.",
            [
                ("lead", "Ministers"),
                ("lead", "Heads of Ministerial Level Agencies"),
                ("lead", "Heads of Government's agencies"),
                ("lead", "Chairman of People's Committee in provinces, cities under the central Government's management"),
            ],
        ),
        (
            "1. MARD shall be responsible for chairing and coordinating with related ministries and sectors:",
            [("lead", "MARD"), ("support", "related ministries and sectors")],
        ),
        (
            "c) Ministry of Agriculture and Rural Development shall provide guidance on the standards.",
            [("lead", "Ministry of Agriculture and Rural Development")],
        ),
        ("e) Conduct periodical monitoring, report the competent authorities on the status of biodiversity.",
         [("report_to", "competent authorities")]),
        # a rule of things, a passive, a document: no body is given work
        ("d) Tourist vessels operated within MPA shall comply with regulations on protection of aquatic species.", []),
        ("Marine protected areas with national importance shall be classified into three kinds.", []),
        ("1. This Circular shall take effect on May 20, 2016.", []),
        # an opening phrase after a list marker; a partner list cut where the verb's matter begins (bulk doc_000928,
        # doc_000943, doc_000895)
        (
            "c) Within 10 working days after receiving a valid dossier, the Ministry of Information and Communication "
            "shall consider it for approval.",
            [("lead", "Ministry of Information and Communication")],
        ),
        (
            "b) The Ministry of Home Affairs shall assume the prime responsibility for, and coordinate with the Ministry "
            "of Natural Resources and Environment in, guiding the tasks of the River Basin Office.",
            [("lead", "Ministry of Home Affairs"), ("support", "Ministry of Natural Resources and Environment")],
        ),
        # a sector whose name holds a comma is one body; a head after a level opens a body of its own
        (
            "2. The Ministry of Labor, War Invalids and Social Affairs shall coordinate with ministries and "
            "provincial-level People's Committees in guiding the implementation.",
            [
                ("support", "Ministry of Labor, War Invalids and Social Affairs"),
                ("support", "ministries"),
                ("support", "provincial-level People's Committees"),
            ],
        ),
        # an item with no subject: its partners support the heading's body; a body directed to act leads
        ("a) To coordinate with state management agencies and other concerned organizations in providing legal aid.",
         [("support", "state management agencies"), ("support", "other concerned organizations")]),
        ("2. To direct police offices at all levels to inspect the implementation of this Decree.",
         [("lead", "police offices at all levels")]),
        # after an opening phrase the subject begins at the first comma before a capital; an article is no part of a
        # name; a name's own "for" and capitals; a violation is no task (bulk doc_000935,
        # doc_000768, doc_000909, doc_000922)
        (
            "Every five years, the Ministry of Industry and Trade, the Ministry of Agriculture and Rural Development "
            "and provincial-level People's Committees shall review the functions of reservoirs.",
            [
                ("lead", "Ministry of Industry and Trade"),
                ("lead", "Ministry of Agriculture and Rural Development"),
                ("lead", "provincial-level People's Committees"),
            ],
        ),
        (
            "2. After receiving information on disasters, ministries, branches or People's Committees at different "
            "levels shall notify their agencies.",
            [("lead", "ministries, branches"), ("lead", "People's Committees at different levels")],
        ),
        ("3. Within 30 days after being established, a labor arbitration board shall make a decision.",
         [("lead", "labor arbitration board")]),
        (
            "1. A provincial-level Relief Committee shall report to the Ministry of Labor, War Invalids and Social "
            "Affairs and the Central Steering Committee for Flood and Storm Control on the money mobilized.",
            [
                ("lead", "provincial-level Relief Committee"),
                ("report_to", "Ministry of Labor, War Invalids and Social Affairs"),
                ("report_to", "Central Steering Committee for Flood and Storm Control"),
            ],
        ),
        ("d) Failing to collaborate with domestic Internet service providers in restricting spam;", []),
        # "Peoples" printed without its apostrophe; a kind after a proper name (bulk doc_000940)
        (
            "2. The Ministry of Defense and military zone commands shall coordinate with concerned ministries and "
            "provincial-level Peoples Committees in guiding.",
            [
                ("support", "Ministry of Defense"),
                ("support", "military zone commands"),
                ("support", "concerned ministries"),
                ("support", "provincial-level Peoples Committees"),
            ],
        ),
        # a comma list gives one entry per body, a kind with words of its own included; a bare kind goes on
        # (bulk doc_000899, doc_000901)
        (
            "Ministries, ministerial-level agencies and government-attached bodies shall coordinate with the public "
            "security force, specialized state management agencies of seaports, port enterprises and "
            "concerned ministries, branches and localities in guiding.",
            [
                ("support", "Ministries"),
                ("support", "ministerial-level agencies"),
                ("support", "government-attached bodies"),
                ("support", "public security force"),
                ("support", "specialized state management agencies of seaports"),
                ("support", "port enterprises"),
                ("support", "concerned ministries, branches and localities"),
            ],
        ),
        # a phrase between the modal and its verb; a list joined by "or" (bulk doc_000908, doc_000901, doc_000911)
        (
            "2. Local natural resource and environment management agencies shall, within the ambit of their functions, "
            "tasks and powers, supply tax offices with information.",
            [("lead", "Local natural resource and environment management agencies")],
        ),
        (
            "Ministries shall, within the ambit of their respective functions, tasks and powers, coordinate with the "
            "Ministry of Public Security in managing security services.",
            [("support", "Ministries"), ("support", "Ministry of Public Security")],
        ),
        ("Inspectors shall, depending on the severity of their violations, be disciplined.", []),
        ("Ministers or presidents of provincial-level People's Committees shall organize the formulation of programs.",
         [("lead", "Ministers"), ("lead", "presidents of provincial-level People's Committees")]),
        # a short name's bracket is no part of the name; a submission is no report
        (
            "People's Councils of provinces or centrally run cities (below collectively referred to as provincial "
            "level) shall decide on specific rates and submit them to the Ministry of Finance for approval.",
            [("lead", "People's Councils of provinces or centrally run cities")],
        ),
    ],
)
def test_an_english_translation_gives_the_subject_before_shall_its_task(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Responsibilities of security service enterprises", ["security service enterprises"]),
        # the matter a heading adds is no part of the name (bulk doc_000899, doc_000911)
        ("Responsibilities of shipmasters upon detecting unauthorized passengers on board", ["shipmasters"]),
        (
            "Responsibilities of ministries and provincial-level People's Committees in providing legal aid",
            ["ministries", "provincial-level People's Committees"],
        ),
        # a body's name alone, and the subject of a list of duties, name the body of the items under them
        ("1. The Ministry of Defense", ["Ministry of Defense"]),
        ("Tax offices have the following tasks and powers:", ["Tax offices"]),
        ("2. People's Committees of coastal provinces and cities under central control shall:",
         ["People's Committees of coastal provinces and cities under central control"]),
        ("2. Within the scope of its tasks, the Ministry of Science and Technology shall:",
         ["Ministry of Science and Technology"]),
        ("Responsibilities of managing agencies in the appraisal", ["managing agencies"]),
        ("Article 12. Council meetings", []),
        ("2. Funds for the operation of the Board", []),
    ],
)
def test_an_english_heading_of_duties_names_the_body_of_the_tasks_under_it(heading: str, expected: list[str]) -> None:
    assert [n for _, n in heading_subjects(heading)] == expected


def test_an_item_that_opens_with_its_own_subject_does_not_take_the_headings_body() -> None:
    """bulk doc_000935: ``Responsibilities of ministries and ministerial-level agencies`` over ``1. The Ministry of
    Transport shall …``; the same for a Vietnamese ``Trách nhiệm của các sở, ngành`` over ``1. Sở Tài chính chủ trì``."""
    for text, heading_body, own in (
        (
            "DECREE\nArticle 14. Responsibilities of ministries and ministerial-level agencies\n"
            "1. The Ministry of Transport shall guide the planning of waterways.\n"
            "2. To guide localities in implementing this Decree.\n",
            ["ministries", "ministerial-level agencies"],
            "Ministry of Transport",
        ),
        (
            "QUYẾT ĐỊNH\nĐiều 3. Trách nhiệm của các sở, ngành\n1. Sở Tài chính chủ trì hướng dẫn thực hiện.\n"
            "2. Hướng dẫn các huyện thực hiện.\n",
            ["các sở, ngành"],
            "Sở Tài chính",
        ),
    ):
        raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
        raw.pages = [PageText(page=1, text=text, text_source=TextSource.PLAIN_TEXT)]
        by_task: dict[str, list[str]] = {}
        for row in finish(raw, [], Settings()).rows["assignments"]:
            by_task.setdefault(row["task_id"], []).append(row["assignee"])
        assert list(by_task.values()) == [[own], heading_body]


def test_a_steering_board_is_named_not_directed() -> None:
    """bulk doc_000267: ``Ban chỉ đạo`` opens a body's name; its ``chỉ đạo`` directs no one."""
    text = "đ) Kịp thời báo cáo Ban chỉ đạo Phòng thủ dân sự quốc gia, Bộ Khoa học và Công nghệ về sự cố xảy ra."
    assert ("lead", "Phòng thủ dân sự quốc gia") not in mentions(text)
    assert ("report_to", "Bộ Khoa học và Công nghệ") in mentions(text)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (  # bulk doc_000002: the opening phrase is read as blanks; the subject after it is in lower case
            "2. Trong phạm vi nhiệm vụ, quyền hạn của mình, cơ quan, tổ chức, cá nhân có liên quan có trách nhiệm đáp "
            "ứng yêu cầu phục vụ hoạt động giám sát.",
            "cơ quan, tổ chức, cá nhân có liên quan",
        ),
        (  # bulk doc_000098: the provision that says which body it is breaks no name
            "5. Cơ quan tiếp nhận hồ sơ quy định tại khoản 3 Điều này có trách nhiệm xác nhận bằng văn bản thời điểm "
            "tiếp nhận hồ sơ đầy đủ, hợp lệ.",
            "Cơ quan tiếp nhận hồ sơ",
        ),
        (  # bulk doc_000064: an official given a duty as a person
            "1. Đại biểu Hội đồng nhân dân có trách nhiệm giám sát việc giải quyết, trả lời kiến nghị của cử tri.",
            "Đại biểu Hội đồng nhân dân",
        ),
    ],
)
def test_a_duty_names_its_subject(text: str, subject: str) -> None:
    assert [name for role, _, name in find_subjects(text) if role == "lead"] == [subject]


def find_subjects(text: str) -> list[tuple[str, int, str]]:
    """Mentions as a task's text is read: its inserted phrases as blanks."""
    return [(m.role, m.char_start, m.assignee) for m in find_assignments("t1", text, 0, None)]


def test_a_kind_defined_by_what_it_does_keeps_its_definition_before_a_colon() -> None:
    # bulk doc_000427, doc_000047 (the duty cue ends the line and the duties follow as items): the whole definition
    text = "2. Cơ sở đăng kiểm cung cấp dịch vụ kiểm định có trách nhiệm: kê khai, niêm yết giá dịch vụ kiểm định."
    assert mentions(text) == [("lead", "Cơ sở đăng kiểm cung cấp dịch vụ kiểm định")]
    # bulk doc_000015: and what the clause says after its cue
    text = "1. Tổ chức bảo hiểm tiền gửi có trách nhiệm báo cáo Ngân hàng Nhà nước Việt Nam các thông tin sau đây: a) x"
    assert mentions(text) == [("lead", "Tổ chức bảo hiểm tiền gửi"), ("report_to", "Ngân hàng Nhà nước Việt Nam")]


def test_a_purpose_is_part_of_a_defined_kinds_name() -> None:
    # bulk doc_000490, doc_000536, doc_000057: "để" is the definition's own, no word that breaks it
    text = (
        "3. Các cơ quan, tổ chức sử dụng vốn ngân sách nhà nước để thuê, mua sắm sản phẩm, dịch vụ công nghệ số có "
        "trách nhiệm theo dõi, giám sát việc cập nhật thông tin."
    )
    assert mentions(text) == [
        ("lead", "Các cơ quan, tổ chức sử dụng vốn ngân sách nhà nước để thuê, mua sắm sản phẩm, dịch vụ công nghệ số")
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [  # bulk doc_000328, doc_000600, doc_000209, src-vbpl-11 (no head of a body opens these subjects)
        ("Bên mua điện có trách nhiệm đàm phán và giao kết hợp đồng mua bán điện.", "Bên mua điện"),
        ("b) Văn phòng có trách nhiệm chuẩn bị tài liệu, gửi giấy mời và tài liệu họp.", "Văn phòng"),
        ("2. Trường giáo dưỡng có trách nhiệm tổ chức cho học sinh thi học kỳ.", "Trường giáo dưỡng"),
        ("Khách hàng vay vốn có trách nhiệm sử dụng vốn vay đúng mục đích.", "Khách hàng vay vốn"),
    ],
)
def test_a_short_noun_phrase_before_a_duty_cue_is_its_subject(text: str, subject: str) -> None:
    assert mentions(text) == [("lead", subject)]
    assert find_assignments("t1", text, 0, None)[0].collective is (subject != "Văn phòng")


@pytest.mark.parametrize(
    "text",
    [  # a writer's pledge, a form's field, a verb that opens a list item, a noun phrase that ends at the cue
        "Tôi xin cam kết chịu trách nhiệm về tính chính xác và tính hợp pháp của hồ sơ.",
        "e) Xác nhận của cá nhân chịu trách nhiệm quản lý và kiểm tra, kiểm kê.",
        "3. Xây dựng và tự chịu trách nhiệm về nội dung của quy định nội bộ theo quy định.",
        "e) Cách giải quyết của người có trách nhiệm.",
    ],
)
def test_words_before_a_duty_cue_that_name_no_party_are_no_subject(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a right or a passive right after the name (bulk doc_000322, doc_000064, doc_000468, doc_000536): no task
        ("1. Ngân hàng Phát triển Việt Nam được thực hiện các hoạt động ngoại hối cơ bản trên thị trường trong nước sau:", []),
        ("4. Tổ đại biểu Hội đồng nhân dân được sử dụng con dấu của Hội đồng nhân dân cùng cấp khi tiến hành các hoạt "
         "động giám sát.", []),
        ("2. Văn phòng thi hành án dân sự được tổ chức, hoạt động theo quy định của Luật này và quy định của pháp luật "
         "có liên quan đối với loại hình doanh nghiệp tương ứng; có trụ sở, con dấu, tài khoản riêng.", []),
        ("1. Bộ Văn hóa, Thể thao và Du lịch; các Hội quần chúng do Đảng, Nhà nước giao nhiệm vụ ở trung ương thuộc Mặt "
         "trận Tổ quốc Việt Nam; Ủy ban nhân dân cấp tỉnh được tổ chức Giải thưởng văn học.", []),
        # a condition the body must meet (doc_000106, doc_000348)
        ("1. Cơ sở giam giữ phải được canh gác, bảo vệ, quản lý, kiểm tra, giám sát 24/24 giờ trong ngày.", []),
        ("“3. Trưởng đoàn tham dự hội nghị quốc tế phải được Thủ tướng Chính phủ ủy nhiệm bằng văn bản, trừ trường hợp "
         "hội nghị quốc tế không có nội dung liên quan đến việc đàm phán", []),
        # a task given in the passive (doc_000060, doc_000130)
        ("Ban Tôn giáo Chính phủ được phân cấp thực hiện tiếp nhận thông báo đối với các nội dung sau đây:",
         [("lead", "Ban Tôn giáo Chính phủ")]),
        ("4. Công an cấp xã được giao quản lý, kiểm soát, giáo dục người chấp hành án phạt quản chế phải thông báo cho "
         "cơ quan thi hành án hình sự Công an cấp tỉnh về việc giải quyết cho người chấp hành án phạt quản chế ra khỏi "
         "nơi quản chế để làm việc, học tập.", [("lead", "Công an cấp xã")]),
        # a regulated party's "phải" after its right is a rule of conduct, no assignment (doc_000170, src-vbpl-09:
        # gold README)
        ("b) Nhà đầu tư được tiếp tục thực hiện dự án phải thực hiện đầy đủ nghĩa vụ tài chính theo đúng quy định của "
         "pháp luật;", []),
    ],
)  # fmt: skip
def test_a_body_given_a_right_or_a_passive_is_given_no_task(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # bulk doc_000468, doc_000390, doc_000027: a right of the subject to ask a body, no task of that body
        "1. Chấp hành viên có quyền yêu cầu tổ chức hành nghề đấu giá tài sản, Hội đồng đấu giá tài sản tạm dừng việc "
        "tổ chức đấu giá",
        "3. Bệnh viện được quyền yêu cầu các cơ quan, đơn vị có liên quan cung cấp các thông tin, tài liệu phục vụ công "
        "tác",
        "3. Cơ quan quản lý và sử dụng cán bộ, công chức, viên chức không được yêu cầu cán bộ, công chức, viên chức cung "
        "cấp lại thông tin, thành phần hồ sơ đã có trong cơ sở dữ liệu",
    ],
)
def test_a_body_a_right_lets_the_subject_ask_is_given_no_task(text: str) -> None:
    assert mentions(text) == []
    assert mentions("2. Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo kết quả.") == [("lead", "các cơ quan, đơn vị")]



def test_a_body_answerable_to_another_is_given_no_task() -> None:
    # bulk doc_000111: "chịu trách nhiệm (toàn diện / cá nhân / tập thể) trước …" says to whom it answers
    text = "2. Nhà thầu khảo sát chịu trách nhiệm toàn diện trước pháp luật về chất lượng khảo sát xây dựng."
    assert mentions(text) == []
    assert mentions("2. Nhà thầu khảo sát chịu trách nhiệm lập báo cáo khảo sát.") == [("lead", "Nhà thầu khảo sát")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # bulk doc_000016, doc_000121, doc_000184: the step of a procedure asks a decider, who holds a power
        ("Trường hợp đủ điều kiện, tiêu chuẩn khen thưởng theo quy định, Vụ Tổ chức cán bộ thực hiện quy trình đề nghị "
         "Bộ trưởng xem xét, quyết định khen thưởng trong thời gian 25 ngày làm việc.", [("lead", "Vụ Tổ chức cán bộ")]),
        ("Hội đồng thẩm định có trách nhiệm thẩm định, đánh giá hồ sơ đề án, chấm điểm và đề nghị Chủ tịch Ủy ban nhân "
         "dân cấp tỉnh xem xét, quyết định công nhận loại đô thị nếu đủ điều kiện theo quy định.",
         [("lead", "Hội đồng thẩm định")]),
        # bulk doc_000023: asked to consider a matter
        ("b) Kiến nghị, yêu cầu cơ quan, người có thẩm quyền xem xét trách nhiệm, xử lý người vi phạm.", []),
        # a body named by its competence is asked to use it, whatever the verb (bulk doc_000121, doc_000606: 231
        # requests of 68 bulk documents)
        ("đ) Kiểm tra, xử lý các hành vi vi phạm theo thẩm quyền hoặc đề nghị cơ quan có thẩm quyền xử lý, giải quyết "
         "theo quy định của pháp luật;", []),
        ("c) Hằng năm, lập danh sách đề nghị cơ quan có thẩm quyền cấp thẻ bảo hiểm y tế cho các đối tượng.", []),
        # a body asked to use its competence (bulk doc_000552, doc_000011): said by the verb
        ("Trường hợp Ủy ban nhân dân cấp tỉnh chưa đủ điều kiện thực hiện các nhiệm vụ, cần có văn bản đề nghị Bộ Xây "
         "dựng tiếp tục thực hiện thẩm quyền cấp, cấp lại, thu hồi giấy phép lái tàu.", []),
        ("Bộ Tài chính có ý kiến yêu cầu các bộ, cơ quan trung ương và địa phương xử lý theo thẩm quyền.", []),
        # a body asked to act is given the task (src-vbpl-07)
        ("Đề nghị Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tiếp tục đẩy mạnh tuyên truyền.",
         [("lead", "Mặt trận Tổ quốc Việt Nam"), ("lead", "các tổ chức chính trị - xã hội")]),
    ],
)  # fmt: skip
def test_a_body_asked_to_decide_is_given_no_task(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # bulk doc_000111, doc_000060, doc_000328: "tổ chức" is the verb of what is directed
        ("c) Chỉ đạo tổ chức thu thập thông tin, dữ liệu chi phí phục vụ việc công bố suất vốn đầu tư.", []),
        ("5. Đề nghị tổ chức hội nghị liên tôn giáo của tổ chức tôn giáo, tổ chức tôn giáo trực thuộc.", []),
        # … and a body where what follows names a kind of body (doc_000352), asked by the document itself (asked by the
        # regulator in a procedure, a regulated party is told its conduct: test_non_assignments)
        ("Đề nghị tổ chức tín dụng bổ sung hồ sơ.", [("lead", "tổ chức tín dụng")]),
    ],
)  # fmt: skip
def test_organising_after_a_directing_cue_is_a_verb(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # bulk doc_000583, doc_000336, doc_000587, doc_000075: a body placed under another is given no task
        "1. Ủy ban nhân dân đặc khu chịu sự giám sát của Hội đồng nhân dân cấp tỉnh trong hoạt động.",
        "10. Hội đồng Thi đua - Khen thưởng cấp cơ sở chịu sự chỉ đạo, hướng dẫn, kiểm tra, giám sát của Hội đồng Thi "
        "đua - Khen thưởng Bộ.",
        "2. Ủy ban nhân dân cấp tỉnh chịu sự lãnh đạo, chỉ đạo của Tỉnh ủy (Thành ủy) trong thực hiện nhiệm vụ chính trị.",
        "1. Cơ quan thanh tra Công an nhân dân, cán bộ thanh tra chuyên trách hoạt động dưới sự quản lý, chỉ đạo trực "
        "tiếp của Thủ trưởng.",
    ],
)
def test_a_body_placed_under_another_is_given_no_task(text: str) -> None:
    assert mentions(text) == []
    assert mentions("Cục Quản lý thi hành án dân sự chỉ đạo các cơ quan thi hành án.") == [
        ("lead", "Cục Quản lý thi hành án dân sự"), ("lead", "các cơ quan thi hành án"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text, expected",
    [
        # bulk doc_000030, doc_000367, doc_000630, doc_000559: "nơi …" says which body of a kind is meant (gold README)
        ("1. Ủy ban nhân dân cấp xã nơi cư trú của người được giám hộ thực hiện đăng ký giám sát việc giám hộ.",
         [("lead", "Ủy ban nhân dân cấp xã nơi cư trú của người được giám hộ")]),
        ("Tổ chức tín dụng phi ngân hàng có văn bản báo cáo Ngân hàng Nhà nước chi nhánh Khu vực nơi đặt trụ sở chi "
         "nhánh về việc đáp ứng yêu cầu.",
         [("report_to", "Ngân hàng Nhà nước chi nhánh Khu vực nơi đặt trụ sở chi nhánh")]),
        ("6. Cơ quan bảo hiểm xã hội nơi người lao động chuyển đến hưởng trợ cấp thất nghiệp thực hiện chi trả trợ cấp.",
         [("lead", "Cơ quan bảo hiểm xã hội nơi người lao động chuyển đến hưởng trợ cấp thất nghiệp")]),
        ("Trường hợp này thì Công an cấp xã nơi chuyển đi có trách nhiệm thông báo.",
         [("lead", "Công an cấp xã nơi chuyển đi")]),
    ],
)  # fmt: skip
def test_a_body_keeps_the_place_clause_that_says_which_one_it_is(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(role, name) for role, name in mentions(text) if role != "lead" or "Tổ chức tín dụng" not in name] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # bulk doc_000753, doc_000075, doc_000148: who holds a post is no task
        ("a) Chủ tịch Hội đồng là Thứ trưởng phụ trách công tác thi đua, khen thưởng;", []),
        ("b) Phó Chủ tịch Hội đồng là cấp phó của người đứng đầu phụ trách lĩnh vực chuyên môn của cơ quan, đơn vị;", []),
        ("1. Thanh tra viên Công an nhân dân là sĩ quan nghiệp vụ làm công tác thanh tra chuyên trách.", []),
        # … unless a duty follows (doc_000233)
        ("a) Kế toán trưởng là người đứng đầu bộ máy kế toán của Ngân hàng Chính sách xã hội, có nhiệm vụ tổ chức thực "
         "hiện công tác kế toán.", [("lead", "Kế toán trưởng")]),
    ],
)  # fmt: skip
def test_a_post_said_to_be_held_by_a_person_is_no_task(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulk doc_000468, doc_000233, doc_000580: what a body is, no task (the verbs of the description are not its own)
        ("1. Văn phòng thi hành án dân sự là tổ chức hành nghề của Thừa hành viên để thực hiện việc tổ chức thi hành án "
         "và các công việc khác theo quy định của pháp luật.", []),
        ("1. Ngân hàng Chính sách xã hội là ngân hàng chính sách do Thủ tướng Chính phủ thành lập, hoạt động không vì mục "
         "tiêu lợi nhuận nhằm thực hiện các chính sách kinh tế - xã hội của Nhà nước.", []),
        ("1. Trung tâm thanh toán bù trừ là tổ chức thực hiện chức năng cung ứng dịch vụ bù trừ cho các giao dịch mua bán "
         "hàng hóa qua Sở giao dịch hàng hóa trong Trung tâm tài chính quốc tế.", []),
        # … but a role it is given is a task (bulk doc_000065; bulk3 doc_000248)
        ("1. Bộ Công Thương là cơ quan tiếp nhận hồ sơ và công bố tổ chức kiểm toán năng lượng trên Cổng thông tin điện "
         "tử của Bộ Công Thương.", [("lead", "Bộ Công Thương")]),
        ("Cục Công nghệ thông tin là đơn vị đầu mối quản lý, vận hành hạ tầng kỹ thuật và tạo lập chữ ký điện tử, chứng "
         "thư chữ ký điện tử của Ngân hàng Nhà nước.", [("lead", "Cục Công nghệ thông tin")]),
    ],
)  # fmt: skip
def test_a_body_said_to_be_something_is_defined_not_tasked(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulk doc_000379, doc_000268, doc_000754: who submits or proposes is a step of a procedure, a lead (gold README)
        ("c) Trong thời hạn 15 ngày kể từ ngày nhận đầy đủ hồ sơ, Vụ Tổ chức cán bộ trình Bộ trưởng xem xét, quyết định "
         "khen thưởng.", [("lead", "Vụ Tổ chức cán bộ")]),
        ("Trường hợp đủ điều kiện gia hạn, điều chỉnh giấy phép thì cơ quan thẩm định hồ sơ trình cấp có thẩm quyền cấp "
         "phép.", [("lead", "cơ quan thẩm định hồ sơ")]),
        ("Đối với các tỉnh, thành phố trực thuộc trung ương có khả năng cân đối ngân sách cao hơn mức chính sách quy định "
         "tại Nghị định này, Ủy ban nhân dân cấp tỉnh đề xuất, trình hội đồng nhân dân cùng cấp xem xét, quyết định.",
         [("lead", "Ủy ban nhân dân cấp tỉnh")]),
        # … "trình" ending a noun is no verb: the place of a body goes on past "công trình" (bulk doc_000518)
        ("Trường hợp công trình khai thác nước để cấp cho sinh hoạt thuộc thẩm quyền cấp giấy phép của Bộ trưởng Bộ Nông "
         "nghiệp và Môi trường, sau khi cấp giấy phép khai thác tài nguyên nước, cơ quan được giao thẩm định hồ sơ có "
         "trách nhiệm gửi Đề án, báo cáo khai thác nước đến Sở Nông nghiệp và Môi trường nơi có công trình khai thác "
         "nước để xem xét, thẩm định phạm vi vùng bảo hộ.",
         [("lead", "cơ quan được giao thẩm định hồ sơ"),
          ("report_to", "Sở Nông nghiệp và Môi trường nơi có công trình khai thác nước")]),
    ],
)  # fmt: skip
def test_a_body_that_submits_or_proposes_leads(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_a_regulated_partys_must_is_conduct_not_a_task() -> None:
    """``X phải …`` of a regulated party (a bank, an investor, a business) is a rule of conduct, no assignment (gold
    README; bulk doc_000586, doc_000216, doc_000204); a public body's ``phải`` is a duty."""
    assert mentions("a) Ngân hàng thành viên phải áp dụng ngay các biện pháp tự xử lý để đảm bảo tỷ lệ khả năng chi trả;") == []
    assert mentions("e) Nhà đầu tư phải gửi đơn kiến nghị đến cơ quan có thẩm quyền trong thời hạn quy định.") == []
    assert mentions("2. Sở Tài chính phải báo cáo Ủy ban nhân dân tỉnh kết quả thẩm định.") == [
        ("lead", "Sở Tài chính"),
        ("report_to", "Ủy ban nhân dân tỉnh"),
    ]
    # … its "có trách nhiệm" is a duty the text gives it
    assert mentions("1. Nhà đầu tư có trách nhiệm gửi báo cáo.") == [("lead", "Nhà đầu tư")]


def test_a_regulated_firms_conduct_is_no_task_whatever_its_verb() -> None:
    """A regulated firm or a company's organ as a clause's subject states its conduct, whatever the verb (gold README:
    regulated private parties, the organs of a regulated company; 1,201 lines of 124 bulk documents open so): bulk
    doc_000339, doc_000142, doc_000457. A duty cue gives it a responsibility, and the regulator a procedure binds
    leads."""
    assert mentions(
        "a) Ngân hàng hợp tác xã lập 01 bộ hồ sơ theo quy định tại khoản 2 Điều này gửi Ngân hàng Nhà nước chi nhánh Khu "
        "vực nơi đặt trụ sở chi nhánh."
    ) == []
    assert mentions("b) Công ty chứng khoán không được nhận lệnh mua cổ phiếu của chính công ty chứng khoán.") == []
    assert mentions("1. Hội đồng thành viên phải thành lập Ủy ban quản lý rủi ro, Ủy ban nhân sự.") == []
    assert mentions("a) Hội đồng quản trị, Hội đồng thành viên chịu trách nhiệm phê duyệt báo cáo.") == [
        ("lead", "Hội đồng quản trị"),
        ("lead", "Hội đồng thành viên"),
    ]
    assert mentions(
        "Trong thời hạn 10 ngày kể từ ngày nhận được hồ sơ, Ngân hàng Nhà nước có văn bản yêu cầu tổ chức tín dụng "
        "bổ sung hồ sơ."
    ) == [("lead", "Ngân hàng Nhà nước")]


def test_a_verb_right_before_a_power_says_who_holds_it() -> None:
    """``Trưởng đoàn kiểm tra do Bộ trưởng Bộ Xây dựng thành lập có quyền: a) Phạt cảnh cáo …``: the verb before ``có
    quyền`` says which team is meant, and the powers to sanction are no task (gold README; 36 such subjects in 11 bulk
    sanctions decrees: doc_000504, doc_000173, doc_000194, whose list of directors closes so)."""
    assert mentions("3. Cục trưởng Cục Đường bộ Việt Nam, Trưởng đoàn kiểm tra do Bộ trưởng Bộ Xây dựng thành lập có quyền:") == []
    assert mentions("Giám đốc Sở Y tế; Giám đốc Sở Văn hóa, Thể thao và Du lịch; Giám đốc Sở Khoa học và Công nghệ thành lập có quyền:") == []
    assert mentions("Sở Nội vụ thành lập Hội đồng thẩm định hồ sơ.") == [("lead", "Sở Nội vụ")]


def test_a_partner_named_right_after_phoi_hop_supports() -> None:
    """``phối hợp`` with no ``với`` before a body's name (12 times in 8 bulk documents: doc_000273, doc_000045,
    doc_000628): the body is the partner, as after ``phối hợp với``; a verb after it names none."""
    assert mentions(
        "3. Cảng vụ Hàng hải Hải Phòng chủ trì, phối hợp Cảng vụ Hàng hải Quảng Ninh xây dựng Quy chế phối hợp để thực "
        "hiện quy định tại khoản 2 Điều này."
    ) == [("lead", "Cảng vụ Hàng hải Hải Phòng"), ("support", "Cảng vụ Hàng hải Quảng Ninh")]
    assert mentions("Sở Y tế chủ trì, phối hợp thực hiện kế hoạch của Bộ Y tế.") == [("lead", "Sở Y tế")]


def test_a_partner_after_an_item_s_own_predicate_supports_as_after_a_bare_phoi_hop_voi() -> None:
    """An item with no subject whose predicate a comma, ``và`` or ``hoặc`` joins to ``phối hợp với Y`` (25 bulk
    documents, 33 paragraphs: doc_000396, doc_000524, doc_000147): the heading's body does both, Y supports. An opening
    phrase or a noun before ``phối hợp với`` joins nothing, and a verb after a bare ``phối hợp`` names no partner."""
    text = "a) Hướng dẫn chuyên môn, nghiệp vụ và phối hợp với Ủy ban nhân dân cấp xã trong công tác quản lý."
    assert mentions(text) == [("support", "Ủy ban nhân dân cấp xã")]
    assert mentions("e) Hoàn trả hoặc phối hợp với KBNN hoàn trả các khoản tiền do sai sót.") == [("support", "KBNN")]
    assert mentions("Nếu cần thiết, phối hợp với Sở Tài chính kiểm tra.") == []
    assert mentions("c) Kết quả phối hợp với Văn phòng Quốc hội trong việc bảo đảm điều kiện hoạt động.") == []
    assert mentions("đ) Ra quyết định truy nã và phối hợp tổ chức truy bắt kịp thời phạm nhân trốn trại giam.") == []


def test_a_partner_verb_that_says_which_units_are_meant_is_no_support_duty() -> None:
    """``…, các đơn vị tham gia TABMIS, … có trách nhiệm tổ chức triển khai``: ``tham gia`` after a kind of body says
    which units are meant; the duty cue is the clause's verb (bulk doc_000319, doc_000124, doc_000147)."""
    text = (
        "3. Giám đốc KBNN, các cơ quan, đơn vị, tổ chức tham gia TABMIS, các đơn vị, tổ chức khác có giao dịch với "
        "KBNN trong phạm vi chức năng, quyền hạn của mình có trách nhiệm tổ chức triển khai, hướng dẫn thực hiện."
    )
    assert {role for role, _ in mentions(text)} == {"lead"}
    assert ("lead", "Giám đốc KBNN") in mentions(text)


def test_a_list_of_subjects_goes_on_in_lower_case_past_a_semicolon() -> None:
    """The execution clause of bulk doc_000016: items after a semicolon in lower case (``giám đốc sở giáo dục và đào
    tạo; …``) are subjects of the list that the duty cue at its end closes, each named as written."""
    text = (
        "3. Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung "
        "ương; giám đốc sở giáo dục và đào tạo; giám đốc đại học, học viện; hiệu trưởng các cơ sở giáo dục và các tổ "
        "chức, đơn vị, cá nhân liên quan có trách nhiệm thực hiện Thông tư này./."
    )
    found = mentions(text)
    assert ("lead", "Các Bộ") in found
    assert ("lead", "giám đốc sở giáo dục và đào tạo") in found
    assert ("lead", "hiệu trưởng các cơ sở giáo dục") in found
    assert {role for role, _ in found} == {"lead"}


@pytest.mark.parametrize(
    ("text", "found"),
    [  # bulk doc_000184 and doc_000509: the item opens with its body's duty heading, the duties after the colon
        (
            "a) Nhiệm vụ của người chỉ đạo chữa cháy rừng: chỉ đạo toàn diện hoạt động chữa cháy rừng; huy động, điều "
            "phối và phân công các lực lượng, người, phương tiện tham gia chữa cháy rừng;",
            [("lead", "người chỉ đạo chữa cháy rừng")],
        ),
        (
            "c) Trách nhiệm của Hải quan nơi lưu giữ hàng hóa: Đối chiếu hồ sơ lấy mẫu với hàng hóa thực tế.",
            [("lead", "Hải quan nơi lưu giữ hàng hóa")],
        ),
        ("a) Quyền của người lao động: được nghỉ hằng năm.", []),  # powers give no body a task
    ],
)
def test_a_duty_heading_that_opens_an_item_names_the_body_of_its_duties(text: str, found: list[tuple[str, str]]) -> None:
    assert mentions(text) == found


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        # tune bulk3 doc_000075, bulk4 doc_000045, doc_000111 (the gold lists each as report_to)
        ("Trưởng đoàn thanh tra có trách nhiệm báo cáo người ra quyết định thanh tra và thông báo bằng văn bản.",
         "người ra quyết định thanh tra"),
        ("Cơ quan thụ lý hồ sơ có trách nhiệm báo cáo cấp trên trực tiếp để xin ý kiến chỉ đạo.", "cấp trên trực tiếp"),
        ("Cơ quan thẩm định báo cáo người quyết định đầu tư xem xét, chấp thuận.", "người quyết định đầu tư"),
        ("Bệnh xá Công an cấp tỉnh tổng hợp số cán bộ nghỉ ốm báo cáo lãnh đạo Công an cấp tỉnh.",
         "lãnh đạo Công an cấp tỉnh"),
        # tune bulk2 doc_000565: an authority's head after a preposition, in lower case
        ("Các đơn vị báo cáo bằng văn bản kết quả chuyến công tác với thủ trưởng cơ quan, đơn vị.",
         "thủ trưởng cơ quan, đơn vị"),
    ],
)
def test_a_report_goes_to_a_person_or_level_named_by_its_part(text: str, addressee: str) -> None:
    assert ("report_to", addressee) in mentions(text)


def test_a_leader_named_without_a_body_is_a_verb() -> None:
    # lãnh đạo, chỉ đạo: the verbs of a subject, no leader of a body
    assert ("lead", "Chủ tịch Ủy ban nhân dân tỉnh") in mentions("Chủ tịch Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo các sở.")
    assert not any(name.startswith(("lãnh đạo", "Lãnh đạo")) for _, name in mentions("Lãnh đạo, chỉ đạo các cấp ủy tổ chức quán triệt."))


def test_a_person_named_by_a_part_goes_on_with_the_kinds_before_it() -> None:
    # cơ quan nhà nước, người có thẩm quyền: one subject (bulk doc_000098), as before
    text = "Cơ quan nhà nước, người có thẩm quyền có trách nhiệm xử lý."
    assert mentions(text) == [("lead", "Cơ quan nhà nước, người có thẩm quyền")]


def test_a_task_named_as_a_noun_is_led_by_its_agent() -> None:
    # tune bulk2 doc_000545 (gold: Bộ Khoa học và Công nghệ lead); a thing named by who gives it is no task
    text = "việc phân quyền, quản lý tài khoản người dùng do Bộ Khoa học và Công nghệ thực hiện theo quy định"
    assert mentions(text) == [("lead", "Bộ Khoa học và Công nghệ")]
    text = "Việc lập hồ sơ đề nghị khen thưởng do Văn phòng Bộ chủ trì, phối hợp với các đơn vị có liên quan thực hiện."
    assert ("lead", "Văn phòng Bộ") in mentions(text) and ("support", "các đơn vị có liên quan") in mentions(text)
    assert mentions("Giấy phép do Cục Thủy sản và Kiểm ngư cấp.") == []
    assert mentions("Việc thành lập Ban Quản lý kho tiền do Giám đốc Kho bạc Nhà nước quyết định.") == []


def test_the_competent_level_closes_the_name_it_begins() -> None:
    # tune bulk3 doc_000751: báo cáo cấp có thẩm quyền | cấp vốn điều lệ cho Quỹ …: the level, not the fund
    text = "a) Chủ trì, phối hợp với Bộ Xây dựng báo cáo cấp có thẩm quyền cấp vốn điều lệ cho Quỹ nhà ở trung ương"
    assert ("report_to", "cấp có thẩm quyền") in mentions(text)
    # "các cấp" closes nothing it begins (các cấp ủy, tổ chức đảng: one subject)
    assert names("các cấp ủy, tổ chức đảng, chính quyền")[0][1].startswith("các cấp ủy")
