"""The grammar of body names (pipeline.language.name_grammar, name_ends, names): where a name ends and how a list
splits, on sentences of the bulk corpus (never a check-set document)."""

from __future__ import annotations

from pipeline.extract.assignments import find_assignments
from pipeline.language.clauses import clause_mentions, heading_subjects
from pipeline.language.name_ends import at_a_written_name
from pipeline.language.levels import place_of
from pipeline.language.name_grammar import is_collective
from pipeline.language.names import names


def mentions(text: str) -> list[tuple[str, str]]:
    return [(role, name) for role, _, name in clause_mentions(text)]


def test_port_authorities_and_offices_are_bodies() -> None:
    # bulk doc_000257, doc_000152: Cảng vụ heads a body's name
    text = "4. Cảng vụ Hàng hải Quảng Ninh phối hợp Cảng vụ Hàng hải Hải Phòng xây dựng Quy chế phối hợp."
    assert mentions(text)[0] == ("support", "Cảng vụ Hàng hải Quảng Ninh")
    text = "1. Cảng vụ hàng hải kiểm tra việc thực hiện pháp luật về lao động hàng hải trên tàu biển Việt Nam."
    assert mentions(text) == [("lead", "Cảng vụ hàng hải")]
    # bulk doc_000161: a port authority after a department is a body of its own, not part of its name
    text = "Cục Hàng hải và Đường thủy Việt Nam, Cảng vụ hàng hải khu vực (hoặc Cảng vụ đường thủy nội địa"
    assert [name for _, name in names(text)] == [
        "Cục Hàng hải và Đường thủy Việt Nam",
        "Cảng vụ hàng hải khu vực",
    ]
    # bulk doc_000004: Bộ phận Một cửa; the bare kind is no name
    text = "Bộ phận Một cửa của Ngân hàng Nhà nước tiếp nhận hồ sơ."
    assert names(text) == [(0, "Bộ phận Một cửa của Ngân hàng Nhà nước")]
    assert names("Bộ phận tiếp nhận hồ sơ") == []


def test_a_kind_named_by_its_verb_keeps_it_after_a_title_and_in_a_list() -> None:
    # bulk doc_000128, doc_000162: Tổ giúp việc, after its head's title
    text = "4. Thành viên Tổ giúp việc Hội đồng thực hiện lập Báo cáo rà soát theo phân công của Tổ trưởng."
    assert mentions(text)[0] == ("lead", "Thành viên Tổ giúp việc Hội đồng")
    assert names("Tổ trưởng Tổ giúp việc Hội đồng có trách nhiệm báo cáo") == [(0, "Tổ trưởng Tổ giúp việc Hội đồng")]
    # bulk doc_000451: Phó Chủ tịch Hội đồng quản lý quỹ is one body, quản lý its name's
    text = "Phó Chủ tịch Hội đồng quản lý quỹ thực hiện các quyền và nhiệm vụ của Chủ tịch Hội đồng quản lý quỹ"
    assert names(text) == [(0, "Phó Chủ tịch Hội đồng quản lý quỹ")]
    # bulk doc_000293, doc_000015: a later piece of a list (Ban kiểm soát)
    assert [n for _, n in names("Hội đồng quản trị, Ban kiểm soát có trách nhiệm giám sát.")] == [
        "Hội đồng quản trị",
        "Ban kiểm soát",
    ]
    # after a named body the verb is still its own
    assert names("Sở Tài chính, Sở Xây dựng quản lý kinh phí") == [(0, "Sở Tài chính"), (14, "Sở Xây dựng")]


def test_a_verb_pair_with_a_comma_inside_a_name_splits_no_list() -> None:
    # bulk doc_000209, doc_000347: phòng, chống (prevent and combat) is no "phòng" that begins a body
    text = "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh có trách nhiệm chỉ đạo."
    assert mentions(text) == [("lead", "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh")]
    assert names("phòng, chống tham nhũng") == []


def test_the_joint_office_of_two_local_bodies_is_one_body() -> None:
    # bulk doc_000085 (the model rules of a People's Council): its joint office, in a list and as a subject; "và"
    # still splits two bodies that are no office's (Thường trực Hội đồng nhân dân và Ủy ban nhân dân tỉnh)
    text = (
        "2. Hội đồng nhân dân, Thường trực Hội đồng nhân dân, Ban của Hội đồng nhân dân, Tổ đại biểu Hội đồng nhân dân, "
        "đại biểu Hội đồng nhân dân, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, các cơ quan, tổ chức, cá nhân có "
        "liên quan chịu trách nhiệm thi hành Nghị quyết này."
    )
    assert ("lead", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân") in mentions(text)
    text = "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân cấp tỉnh có trách nhiệm tổng hợp."
    assert mentions(text) == [("lead", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân cấp tỉnh")]
    text = "Thường trực Hội đồng nhân dân và Ủy ban nhân dân tỉnh có trách nhiệm tổ chức thực hiện."
    assert mentions(text) == [("lead", "Thường trực Hội đồng nhân dân"), ("lead", "Ủy ban nhân dân tỉnh")]


def test_a_body_at_the_same_level_keeps_cùng_cấp() -> None:
    # bulk doc_000046
    text = (
        "Thường trực Hội đồng nhân dân cấp tỉnh chủ trì, phối hợp với Chánh án Tòa án nhân dân và Ban Thường trực Ủy "
        "ban Mặt trận Tổ quốc Việt Nam cùng cấp tổ chức hội nghị toàn thể Hội thẩm nhân dân."
    )
    assert ("support", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp") in mentions(text)


def test_what_a_body_is_made_of_is_no_part_of_its_name() -> None:
    # bulk doc_000046: … bao gồm (is made of)
    assert names("Đoàn Hội thẩm quân nhân bao gồm các Hội thẩm quân nhân được cử") == [(0, "Đoàn Hội thẩm quân nhân")]


def test_an_election_body_keeps_the_word_for_election() -> None:
    # bulk doc_000630: "cử" (to send) ends a name, but not inside "bầu cử" (election)
    text = (
        "2. Chủ tịch Ủy ban bầu cử cấp tỉnh, cấp xã, Trưởng ban Ban bầu cử đại biểu Quốc hội, Trưởng ban Ban bầu cử "
        "đại biểu Hội đồng nhân dân cấp tỉnh, cấp xã và Tổ trưởng Tổ bầu cử (sau đây gọi chung là người đứng đầu tổ "
        "chức phụ trách bầu cử) chịu trách nhiệm phân công nhiệm vụ, quyền hạn cụ thể của từng thành viên."
    )
    assert mentions(text) == [
        ("lead", "Chủ tịch Ủy ban bầu cử cấp tỉnh, cấp xã"),
        ("lead", "Trưởng ban Ban bầu cử đại biểu Quốc hội"),
        ("lead", "Trưởng ban Ban bầu cử đại biểu Hội đồng nhân dân cấp tỉnh, cấp xã"),
        ("lead", "Tổ trưởng Tổ bầu cử"),
    ]
    # bulk doc_000630: three election bodies, and "phân công" their verb
    text = (
        "3. Ủy ban bầu cử, Ban bầu cử và Tổ bầu cử phân công bộ phận thường trực gồm người đứng đầu tổ chức phụ trách "
        "bầu cử, thư ký và một số Ủy viên để kịp thời chỉ đạo, theo dõi, nắm bắt tình hình bầu cử ở địa phương."
    )
    assert mentions(text) == [("lead", "Ủy ban bầu cử"), ("lead", "Ban bầu cử"), ("lead", "Tổ bầu cử")]


def test_the_titles_of_an_execution_clause_are_one_body_each() -> None:
    # bulk doc_000056: the closing clause of 100 bulk decrees; the clause reader (subjects) relies on it
    text = (
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh, "
        "thành phố trực thuộc trung ương và các cơ quan, tổ chức, đơn vị có liên quan chịu trách nhiệm thi hành Nghị "
        "định này./."
    )
    assert mentions(text) == [
        ("lead", "Bộ trưởng"),
        ("lead", "Thủ trưởng cơ quan ngang bộ"),
        ("lead", "Thủ trưởng cơ quan thuộc Chính phủ"),
        ("lead", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"),
        ("lead", "các cơ quan, tổ chức, đơn vị có liên quan"),
    ]


def test_the_closing_formula_of_a_circular_asks_bodies_to_report() -> None:
    # bulk doc_000013 (and 84 bulk documents): phản ánh is the verb, the ministry where reports go
    text = (
        "4. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các cơ quan, đơn vị, tổ chức, cá nhân phản ánh kịp "
        "thời về Bộ Công Thương để nghiên cứu, giải quyết./."
    )
    assert mentions(text) == [("lead", "các cơ quan, đơn vị, tổ chức, cá nhân"), ("report_to", "Bộ Công Thương")]


def test_a_level_closes_the_name_it_ends() -> None:
    # bulk doc_000375, doc_000098, doc_000046: a verb no stop word knows, after the level
    text = "3. Ủy ban nhân dân cấp tỉnh thu thập, cập nhật bổ sung các thông tin, dữ liệu về nhà ở."
    assert mentions(text) == [("lead", "Ủy ban nhân dân cấp tỉnh")]
    text = "Chủ tịch Ủy ban nhân dân cấp xã xác nhận đăng ký thu hồi khoáng sản"
    assert names(text) == [(0, "Chủ tịch Ủy ban nhân dân cấp xã")]
    text = "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp triệu tập hội nghị toàn thể Hội thẩm nhân dân"
    assert [n for _, n in names(text)] == ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp"]
    # what the name may still say after its level, and a level inside a definition (bulk doc_000512)
    text = "Phó Chủ tịch Ủy ban nhân dân cấp xã phụ trách lĩnh vực chủ trì cuộc họp."
    assert mentions(text) == [("lead", "Phó Chủ tịch Ủy ban nhân dân cấp xã phụ trách lĩnh vực")]
    text = (
        "Cơ quan chuyên môn được Chủ tịch Ủy ban nhân dân cấp tỉnh giao xây dựng dự án xác lập di sản thiên nhiên cấp "
        "quốc gia trình Chủ tịch Ủy ban nhân dân cấp tỉnh"
    )
    assert [n for _, n in names(text)] == [
        "Cơ quan chuyên môn được Chủ tịch Ủy ban nhân dân cấp tỉnh giao xây dựng dự án xác lập di sản thiên nhiên cấp "
        "quốc gia"
    ]


def test_a_title_alone_before_its_deputys_shares_the_deputys_body() -> None:
    # bulk doc_000600, doc_000449: Chủ tịch, Phó Chủ tịch Ủy ban nhân dân cấp xã are two heads of one body
    text = "2. Chủ tịch, Phó Chủ tịch Ủy ban nhân dân cấp xã phải cho ý kiến giải quyết."
    found = [(a.assignee, text[a.char_start : a.char_end]) for a in find_assignments("t1", text, 0, None)]
    assert found == [
        ("Chủ tịch Ủy ban nhân dân cấp xã", "Chủ tịch"),
        ("Phó Chủ tịch Ủy ban nhân dân cấp xã", "Phó Chủ tịch Ủy ban nhân dân cấp xã"),
    ]
    text = "Giám đốc và Phó Giám đốc Kho bạc Nhà nước khu vực có trách nhiệm kiểm tra kho tiền."
    assert [a.assignee for a in find_assignments("t1", text, 0, None)] == [
        "Giám đốc Kho bạc Nhà nước khu vực",
        "Phó Giám đốc Kho bạc Nhà nước khu vực",
    ]
    # a list of titles of different bodies shares nothing (Bộ trưởng: the ministers)
    text = "Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị định này."
    assert [a.assignee for a in find_assignments("t1", text, 0, None)] == ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"]


def test_a_known_name_goes_on_only_with_whole_words() -> None:
    # bulk doc_000449, doc_000458: "vào" (to go in) is no "và" that goes on with Kho bạc Nhà nước
    assert names("Giám đốc Kho bạc Nhà nước vào kiểm tra kho tiền") == [(0, "Giám đốc Kho bạc Nhà nước")]
    text = "Ban Quản lý kho của Kho bạc Nhà nước cho hòm của đơn vị gửi vào hòm của Kho bạc Nhà nước niêm phong lại"
    assert names(text) == [(0, "Ban Quản lý kho của Kho bạc Nhà nước")]
    # bulk doc_000339: the State Bank's regional branch of 2025 is a known body
    assert names("Ngân hàng Nhà nước chi nhánh Khu vực trả kết quả") == [(0, "Ngân hàng Nhà nước chi nhánh Khu vực")]


def test_a_plural_kinds_word_that_begins_another_noun_names_no_body() -> None:
    # bulk doc_000457: các báo cáo tài chính (reports), not "các báo" (newspapers)
    text = "Phân tích thị trường, chiến lược; các báo cáo tài chính dự kiến của từng năm phải được lập."
    assert names(text[text.index("các") :]) == []
    assert names("Các trường hợp sự cố liên quan đến bức xạ phải báo cáo") == []


def test_a_body_named_by_its_kind_and_a_head_word_is_an_item_of_a_shared_kind() -> None:
    # bulk doc_000624, doc_000272: Công an after các Bộ: is Bộ Công an, not the end of the list
    text = "Chủ trì, phối hợp với các Bộ: Quốc phòng, Công an, Tài chính, Y tế tổ chức xây dựng kế hoạch."
    assert [a.assignee for a in find_assignments("t1", text, 0, None)] == [
        "Bộ Quốc phòng", "Bộ Công an", "Bộ Tài chính", "Bộ Y tế",
    ]  # fmt: skip


def test_a_verb_the_lexicon_does_not_know_is_told_by_its_part_of_speech() -> None:
    # bulk doc_000064, doc_000557: after a name's capitalised word, a word underthesea tags as a verb ends it
    text = "1. Căn cứ chương trình giám sát hoặc khi được Thường trực Hội đồng nhân dân giao, Ban của Hội đồng nhân dân"
    assert names(text[text.index("Thường") :]) == [(0, "Thường trực Hội đồng nhân dân")]  # the verb ends the list
    assert mentions(text + " tổ chức giám sát chuyên đề.") == [("lead", "Ban của Hội đồng nhân dân")]
    assert names("Ủy ban nhân dân thành phố Hà Nội gặp mặt, thông tin tình hình") == [
        (0, "Ủy ban nhân dân thành phố Hà Nội")
    ]
    # ... but not the words of a name that a head opens, nor a kind named by what it does (bulk doc_000077, 104)
    assert names("Cơ quan Cảnh sát điều tra Công an cấp tỉnh có nhiệm vụ") == [(0, "Cơ quan Cảnh sát điều tra Công an cấp tỉnh")]
    assert names("Chủ tịch Hội đồng khám sức khỏe căn cứ kết quả") == [(0, "Chủ tịch Hội đồng khám sức khỏe")]


def test_a_duty_cue_ends_the_name_before_it() -> None:
    # "có nghĩa vụ" as "có nhiệm vụ", "có trách nhiệm" (25 bulk documents; doc_000142, doc_000116)
    assert names("Công ty chứng khoán có nghĩa vụ cập nhật các thông tin") == [(0, "Công ty chứng khoán")]
    text = "Người đứng đầu cơ sở cai nghiện ma túy có các nghĩa vụ sau đây:"
    assert names(text) == [(0, "Người đứng đầu cơ sở cai nghiện ma túy")]


def test_cơ_sở_as_a_basis_names_no_body() -> None:
    # bulk doc_000216, doc_000080: Cơ sở pháp lý (the legal basis), beside Cơ sở sản xuất thực phẩm (a facility)
    assert mentions("b) Cơ sở pháp lý về việc nguồn vốn đầu tư công đã được bố trí trong kế hoạch.") == []
    text = "1. Cơ sở sản xuất thực phẩm phải thực hiện kết nối, cung cấp thông tin lên Hệ thống truy xuất."
    assert mentions(text) == [("lead", "Cơ sở sản xuất thực phẩm")]


def test_a_title_shares_its_deputys_body_named_by_kind() -> None:
    # bulk doc_000468: the heads of a civil judgment enforcement office, named in lower case (6 times in the corpus)
    text = "1. Thủ trưởng, Phó Thủ trưởng cơ quan thi hành án dân sự có trách nhiệm tổ chức thi hành án."
    assert [a.assignee for a in find_assignments("t1", text, 0, None)] == [
        "Thủ trưởng cơ quan thi hành án dân sự",
        "Phó Thủ trưởng cơ quan thi hành án dân sự",
    ]


def test_compound_words_whose_part_is_a_verb_stay_in_the_name() -> None:
    # "lập" in công lập (80 bulk documents), "thi hành" in thi hành án (21), "kiểm tra" in đoàn kiểm tra (21)
    assert names("Đơn vị sự nghiệp công lập thực hiện tự chủ tài chính") == [(0, "Đơn vị sự nghiệp công lập")]
    text = "Cơ quan quản lý thi hành án hình sự thuộc Bộ Công an ra lệnh trích xuất."  # bulk doc_000130
    assert names(text) == [(0, "Cơ quan quản lý thi hành án hình sự thuộc Bộ Công an")]
    text = "Trưởng đoàn kiểm tra xây dựng báo cáo kết quả kiểm tra."  # bulk doc_000025
    assert names(text) == [(0, "Trưởng đoàn kiểm tra")]
    # ... but an inspection team alone names no body
    assert names("Đoàn kiểm tra có trách nhiệm báo cáo") == []


def test_the_ministerial_block_is_three_subjects() -> None:
    # 276 bulk documents write "Bộ, cơ quan ngang bộ …": one entry per kind, as the gold README says
    text = (
        "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương "
        "chịu trách nhiệm thi hành Thông tư này."
    )
    assert [n for _, n in names(text)] == [
        "Các Bộ",
        "cơ quan ngang Bộ",
        "cơ quan thuộc Chính phủ",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ]
    # bulk doc_000401: the bare kind stands alone
    assert [n for _, n in names("Bộ, cơ quan ngang bộ, Ủy ban nhân dân các cấp chịu trách nhiệm")] == [
        "Bộ",
        "cơ quan ngang bộ",
        "Ủy ban nhân dân các cấp",
    ]


def test_a_bare_kind_opens_a_list_of_kinds() -> None:
    # the kinds that go on with a bare kind are one subject
    assert [n for _, n in names("Các Bộ, ngành, địa phương có trách nhiệm thực hiện")] == ["Các Bộ, ngành, địa phương"]


def test_ministries_and_sectors_after_one_body_are_a_subject_of_their_own() -> None:
    # bulk doc_000267 (a law, in no draw): the named ministry and "bộ, ngành liên quan" are two subjects; the kinds
    # that a plural or a list of kinds opens go on with it (Thủ trưởng các Sở, Ban, Ngành; các phòng, ban)
    text = "Bộ Nông nghiệp và Môi trường, bộ, ngành có liên quan phê duyệt địa điểm xử lý"
    assert [n for _, n in names(text)] == ["Bộ Nông nghiệp và Môi trường", "bộ, ngành có liên quan"]
    text = "Ủy ban nhân dân cấp tỉnh, bộ, ngành, cơ quan, tổ chức ở trung ương có trách nhiệm gửi hồ sơ"
    assert [n for _, n in names(text)] == ["Ủy ban nhân dân cấp tỉnh", "bộ, ngành, cơ quan, tổ chức ở trung ương"]
    assert [n for _, n in names("bộ, cơ quan ngang bộ có liên quan xây dựng")] == ["bộ", "cơ quan ngang bộ có liên quan"]
    assert [n for _, n in names("Thủ trưởng các Sở, Ban, Ngành có trách nhiệm")] == ["Thủ trưởng các Sở, Ban, Ngành"]
    assert [n for _, n in names("các phòng, ban có liên quan thực hiện")] == ["các phòng, ban có liên quan"]
    # "ban hành" is the verb, no kind
    assert [n for _, n in names("Bộ Tài chính, ban hành văn bản hướng dẫn")] == ["Bộ Tài chính"]


def test_kinds_named_by_what_they_do_in_the_plural() -> None:
    # 51 bulk documents write "các cơ quan quản lý": the verb names the kind, it does not end the name
    text = "các cơ quan quản lý nhà nước có liên quan khác có trách nhiệm hợp tác"  # bulk doc_000233
    assert names(text) == [(0, "các cơ quan quản lý nhà nước có liên quan khác")]


def test_a_modal_or_a_duty_cue_is_no_part_of_a_name() -> None:
    # "phải chịu trách nhiệm" (18 bulk documents): the modal goes with the verb
    text = "4. Người vận chuyển phải chịu trách nhiệm bảo đảm sự cách ly."
    assert mentions(text) == [("lead", "Người vận chuyển")]
    # a kind defined by a task it is given ends where the duty cue begins
    text = "cơ quan được giao nhiệm vụ kiểm tra có trách nhiệm báo cáo kết quả"
    assert names(text) == [(0, "cơ quan được giao nhiệm vụ kiểm tra")]
    assert names("Ban kiểm soát có các nhiệm vụ, quyền hạn sau đây:") == [(0, "Ban kiểm soát")]


def test_a_kind_named_by_the_field_it_serves() -> None:
    # 29 bulk documents write "cơ quan chuyên môn về", 59 "cơ quan quản lý nhà nước về": "về" and the field are the
    # name's (bulk doc_000752, doc_000344), even a field that is also a verb (xây dựng)
    text = "Cơ quan chuyên môn về văn hóa thuộc Ủy ban nhân dân cấp xã trình 01 bộ hồ sơ"
    assert names(text) == [(0, "Cơ quan chuyên môn về văn hóa thuộc Ủy ban nhân dân cấp xã")]
    assert names("Cơ quan chuyên môn về xây dựng thực hiện kiểm tra") == [(0, "Cơ quan chuyên môn về xây dựng")]
    # ... but not the matter of a report
    assert names("cơ quan quản lý nhà nước về tình hình thực hiện") == [(0, "cơ quan quản lý nhà nước")]


def test_a_known_body_or_another_it_may_stand_for_is_one_subject() -> None:
    # bulk doc_000542, doc_000557: "hoặc" and a body's name go on with a known name, as after any other name; not
    # "hoặc" and a kind of body
    for subject, verb in (
        ("Ngân hàng Nhà nước hoặc Ngân hàng Nhà nước chi nhánh Khu vực", " tiếp nhận hồ sơ"),
        ("Bộ Tư lệnh Thủ đô Hà Nội hoặc Bộ Chỉ huy quân sự cấp tỉnh", " quyết định"),
    ):
        assert names(subject + verb) == [(0, subject)]
    assert names("Sở Xây dựng hoặc cơ quan chuyên môn chủ trì") == [(0, "Sở Xây dựng")]


def test_a_body_every_level_has_ends_where_no_level_or_list_follows() -> None:
    # bulk doc_000085, doc_000002, doc_000107: a kind the tagger reads as one noun, then a verb no list knows
    assert names("Hội đồng nhân dân giữ mối liên hệ chặt chẽ, thường xuyên với") == [(0, "Hội đồng nhân dân")]
    assert names("Hội đồng nhân dân họp mỗi năm ít nhất 02 kỳ.") == [(0, "Hội đồng nhân dân")]
    # ... but its levels, places and other words go on (bulk doc_000583, doc_000535, src-congbot-08, doc_000196)
    for subject in (
        "Ủy ban nhân dân đặc khu",
        "Ủy ban nhân dân cấp có thẩm quyền",
        "Tòa án nhân dân khu vực",
        "Chủ tịch Ủy ban nhân dân các Huyện",
        "Thanh tra Công an các đơn vị, địa phương",
        "Công an viên bán chuyên trách",
    ):
        assert names(subject + " chỉ đạo thực hiện") == [(0, subject)]


def test_a_known_name_the_tagger_would_cut() -> None:
    # bulk doc_000293, doc_000409: the tagger reads "tiền tệ" as a verb after the capitalised "Ổn định"
    text = "3. Vụ Dự báo, thống kê - Ổn định tiền tệ, tài chính: Làm đầu mối xây dựng"
    assert names(text[3:]) == [(0, "Vụ Dự báo, thống kê - Ổn định tiền tệ, tài chính")]


def test_a_body_whose_own_name_holds_its_field() -> None:
    # 13 bulk documents name a steering committee or a national council by its field (bulk doc_000162, doc_000117,
    # doc_000240): "về", the field's commas and "và" and a verb-like word the tagger reads (phát triển) are the name's
    text = "3. Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số chỉ đạo"
    name = "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
    assert names(text[3:]) == [(0, name)]
    text = "Văn phòng Ban Chỉ đạo quốc gia về tìm kiếm, quy tập và xác định danh tính hài cốt liệt sĩ chủ trì"
    assert names(text) == [(0, text.removesuffix(" chủ trì"))]  # 21 words: a field makes a name longer
    text = "Hội đồng quốc gia về tư pháp người chưa thành niên có trách nhiệm"
    assert names(text) == [(0, "Hội đồng quốc gia về tư pháp người chưa thành niên")]
    # ... not the matter it deals with
    assert names("Ban Chỉ đạo về việc tổ chức hội nghị") == [(0, "Ban Chỉ đạo")]


def test_heads_that_name_a_body_only_before_its_name() -> None:
    # Thanh tra is also the verb (9 bulk documents: Thanh tra hoạt động đấu thầu), Bảo hiểm xã hội also the insurance
    # (Điều 10. Bảo hiểm xã hội; Bảo hiểm xã hội bắt buộc là …: 21 of 22 such subjects of the bulk corpus)
    assert names("Thanh tra hoạt động kinh doanh bảo hiểm thực hiện theo quy định của pháp luật") == []
    assert names("Bảo hiểm xã hội bắt buộc là loại hình bảo hiểm") == []
    assert names("Bảo hiểm xã hội", whole=True) == []
    assert names("Thanh tra tỉnh chủ trì, phối hợp") == [(0, "Thanh tra tỉnh")]
    assert names("Bảo hiểm xã hội cấp tỉnh nơi chuyển đến thực hiện") == [(0, "Bảo hiểm xã hội cấp tỉnh")]
    assert names("Thanh tra Chính phủ có trách nhiệm") == [(0, "Thanh tra Chính phủ")]


def test_a_known_name_in_lower_case_ends_no_name() -> None:
    # bulk doc_000392 (17 bulk documents write "phi chính phủ"): the words of a phrase, not the Government
    assert names("tổ chức phi chính phủ nước ngoài bổ sung hồ sơ") == [(0, "tổ chức phi chính phủ nước ngoài")]


def test_words_before_a_stop_that_no_name_ends_with() -> None:
    # "chỉ được" (only may: 115 bulk documents), but a certificate (chứng chỉ) ends a name
    text = "Đơn vị sự nghiệp công lập chỉ được đơn phương chấm dứt hợp đồng làm việc"  # bulk doc_000537
    assert names(text) == [(0, "Đơn vị sự nghiệp công lập")]
    assert names("cơ quan có thẩm quyền cấp chứng chỉ được quy định tại") == [(0, "cơ quan có thẩm quyền cấp chứng chỉ")]
    # a definition's opening (241 bulk documents write "sau đây gọi")
    text = "Trưởng ca hoặc cấp tương đương sau đây gọi là Trưởng ca"  # bulk doc_000264
    assert names(text) == [(0, "Trưởng ca hoặc cấp tương đương")]
    # a steering committee in lower case (11 bulk documents)
    text = "Ban chỉ đạo Phòng thủ dân sự quốc gia có trách nhiệm"
    assert names(text) == [(0, "Ban chỉ đạo Phòng thủ dân sự quốc gia")]
    # ... nor does a suspension (bulk doc_000358)
    assert names("Cơ quan, đơn vị bị đình chỉ việc tổ chức xét tôn vinh") == [(0, "Cơ quan, đơn vị bị đình chỉ")]


def test_a_kind_after_a_kind_with_words_of_its_own_is_a_subject_of_its_own() -> None:
    # only a bare kind shares what follows (gold README: the title governs the first item of a comma list)
    text = "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ chịu trách nhiệm thi hành"
    assert [n for _, n in names(text)] == ["Thủ trưởng cơ quan ngang bộ", "cơ quan thuộc Chính phủ"]
    text = "Thủ trưởng các cơ quan, đơn vị thuộc Bộ chịu trách nhiệm thi hành"
    assert [n for _, n in names(text)] == ["Thủ trưởng các cơ quan, đơn vị thuộc Bộ"]


def test_kinds_of_institution_the_law_names_are_subjects_of_their_own() -> None:
    # bulk doc_000191, doc_000367: credit institutions and foreign bank branches are two subjects
    text = "Các tổ chức tín dụng, chi nhánh ngân hàng nước ngoài thực hiện chế độ kế toán"
    assert [n for _, n in names(text)] == ["Các tổ chức tín dụng", "chi nhánh ngân hàng nước ngoài"]
    text = "Tổ chức tín dụng, chi nhánh ngân hàng nước ngoài thực hiện chuyển toàn bộ hồ sơ"
    assert [n for _, n in names(text)] == ["Tổ chức tín dụng", "chi nhánh ngân hàng nước ngoài"]
    # a generic subject after one is a subject of its own too; a list of bare kinds stays one
    text = "công ty đại chúng và các tổ chức, cá nhân khác có liên quan chịu trách nhiệm thi hành"
    assert [n for _, n in names(text)] == ["công ty đại chúng", "các tổ chức, cá nhân khác có liên quan"]
    text = "các cơ quan, tổ chức, đơn vị sự nghiệp công lập có trách nhiệm"
    assert [n for _, n in names(text)] == ["các cơ quan, tổ chức, đơn vị sự nghiệp công lập"]


def test_a_level_ends_a_name_before_the_verb_cấp() -> None:
    # bulk doc_000030: "cấp" after a level is the verb (to issue), not one more level
    text = "báo cáo Chủ tịch Ủy ban nhân dân cấp xã cấp trích lục cho người yêu cầu"
    assert ("report_to", "Chủ tịch Ủy ban nhân dân cấp xã") in mentions(text)
    assert names("các cơ quan có liên quan cấp tỉnh tổ chức kiểm tra") == [(0, "các cơ quan có liên quan cấp tỉnh")]


def test_a_kind_named_by_its_verb_keeps_the_verbs_adverb() -> None:
    # bulk doc_000133, doc_000565: the body that directly manages someone; "trực tiếp" ends no name there
    text = "thanh tra viên có trách nhiệm báo cáo Thủ trưởng cơ quan quản lý trực tiếp để cấp lại Thẻ thanh tra."
    assert ("report_to", "Thủ trưởng cơ quan quản lý trực tiếp") in mentions(text)
    # after a named body it is the sentence's verb
    assert names("Sở Y tế quản lý trực tiếp các cơ sở") == [(0, "Sở Y tế")]


def test_a_title_over_one_qualified_kind_leaves_the_next_kind_its_own_subject() -> None:
    # bulk doc_000217 (the gold of doc_000240 and doc_000744 lists the two apart)
    text = "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ chịu trách nhiệm thi hành Quyết định này"
    assert [n for _, n in names(text)] == ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "cơ quan thuộc Chính phủ"]
    # a title over bare kinds goes on with them (tests/gold/README.md: one entry)
    text = "Thủ trưởng các cơ quan, đơn vị, tổ chức và cá nhân liên quan chịu trách nhiệm thi hành Quyết định này"
    assert [n for _, n in names(text)] == ["Thủ trưởng các cơ quan, đơn vị, tổ chức và cá nhân liên quan"]
    # bulk doc_000366: the parents of a relation are one list (a unit of a ministry or ministry-level agency)
    text = "Thủ trưởng đơn vị thuộc bộ, cơ quan ngang bộ được phân công làm đầu mối có trách nhiệm"
    assert len(names(text)) == 1


def test_tổ_chức_after_a_heads_title_is_the_kind_not_the_verb() -> None:
    # bulk doc_000159: the list goes on past "người đứng đầu tổ chức …"
    text = (
        "Các Bộ trưởng, Thủ trưởng cơ quan thuộc Chính phủ, người đứng đầu tổ chức chính trị - xã hội, Chủ tịch Ủy ban "
        "nhân dân tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị định này"
    )
    assert ("lead", "người đứng đầu tổ chức chính trị - xã hội") in mentions(text)
    assert ("lead", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương") in mentions(text)


def test_a_named_force_is_a_body() -> None:
    # bulk doc_000045, doc_000212: "Lực lượng" before a capital heads a body's name
    text = "Lực lượng Công an các cấp chủ trì, phối hợp với lực lượng chức năng có liên quan tham mưu."
    assert mentions(text)[0] == ("lead", "Lực lượng Công an các cấp")
    assert names("Lực lượng lao động có trách nhiệm") == []


def test_a_plural_kind_defined_by_what_it_does_keeps_its_definition_up_to_its_duty() -> None:
    # bulk doc_000424, doc_000509: the verbs between the kinds and their duty cue are the name's own
    text = "3. Các tổ chức cung cấp dịch vụ hàng không có trách nhiệm xây dựng chuẩn mực văn hóa an toàn hàng không."
    assert mentions(text) == [("lead", "Các tổ chức cung cấp dịch vụ hàng không")]
    text = "Các cơ quan, tổ chức, cá nhân được yêu cầu có trách nhiệm cung cấp thông tin cho cơ quan hải quan."
    assert mentions(text) == [("lead", "Các cơ quan, tổ chức, cá nhân được yêu cầu")]
    # bulk doc_000752: after a head's title too
    text = "Thủ trưởng cơ quan tổ chức lập quy hoạch chịu trách nhiệm thực hiện kiểm soát việc tạm ứng."
    assert mentions(text) == [("lead", "Thủ trưởng cơ quan tổ chức lập quy hoạch")]
    # bulk doc_000311: a duty to work with others is a support, however the subject is named
    text = "6. Các tổ chức cung ứng dịch vụ Tiền di động có trách nhiệm phối hợp để xử lý kịp thời các yêu cầu tra soát."
    assert mentions(text) == [("support", "Các tổ chức cung ứng dịch vụ Tiền di động")]


def test_a_verb_joined_to_the_duty_cue_is_the_sentences_own() -> None:
    # bulk doc_000753: "… trực tiếp chỉ đạo và chịu trách nhiệm": two verbs of the subject, no definition
    text = "Thủ trưởng các cơ quan, đơn vị thuộc Bộ trực tiếp chỉ đạo và chịu trách nhiệm về công tác thi đua."
    assert mentions(text) == [("lead", "Thủ trưởng các cơ quan, đơn vị thuộc Bộ")]
    # bulk doc_000075: an opening phrase after the subject ends it
    text = (
        "Thủ trưởng cơ quan quản lý nhà nước các cấp, các ngành trong phạm vi nhiệm vụ, quyền hạn của mình chịu trách "
        "nhiệm tổ chức thực hiện các kiến nghị."
    )
    assert ("lead", "các ngành") in mentions(text)


def test_a_closing_catch_all_after_và_các_is_a_subject_of_its_own() -> None:
    # bulk doc_000259: the official and the catch-all are two entries (tests/gold/README.md)
    text = "Chủ tịch Ủy ban nhân dân cấp xã và các cá nhân, tổ chức có liên quan chịu trách nhiệm thi hành Thông tư này."
    assert mentions(text) == [("lead", "Chủ tịch Ủy ban nhân dân cấp xã"), ("lead", "các cá nhân, tổ chức có liên quan")]
    # bulk doc_000606: after a list of kinds it goes on with them, under the one title
    text = "Thủ trưởng các cơ quan, đơn vị và các cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này."
    assert mentions(text) == [("lead", "Thủ trưởng các cơ quan, đơn vị và các cá nhân có liên quan")]


def test_a_budget_unit_is_named_whole() -> None:
    # bulk doc_000531: "dự toán" in "đơn vị dự toán" is no verb
    text = "Trong trường hợp đó, các cơ quan, đơn vị dự toán cấp I chủ động sắp xếp trong dự toán kinh phí được giao."
    assert mentions(text) == [("lead", "các cơ quan, đơn vị dự toán cấp I")]


def test_the_kinds_of_an_alternative_go_on_past_its_comma() -> None:
    # bulk doc_000468: "hoặc cơ quan, tổ chức có thẩm quyền" is one alternative, not a subject of its own
    text = "Chấp hành viên đề nghị Ủy ban nhân dân cấp xã hoặc cơ quan, tổ chức có thẩm quyền"
    assert [name for _, name in names(text[len("Chấp hành viên đề nghị ") :])] == [
        "Ủy ban nhân dân cấp xã hoặc cơ quan, tổ chức có thẩm quyền"
    ]
    # bulk doc_000600: through a list of kinds
    text = "Chủ tịch Ủy ban nhân dân cấp xã hoặc cơ quan, tổ chức, đơn vị phụ trách"
    assert len(names(text)) == 1


def test_a_title_with_the_other_title_of_its_post_in_brackets_is_one_title() -> None:
    # bulk doc_000524 (14 bulk documents write "Tổng Giám đốc (Giám đốc)"): the brackets end no name, and the kind
    # the title heads follows it
    text = (
        "Chủ tịch Hội đồng thành viên, Tổng Giám đốc (Giám đốc) tổ chức tín dụng chịu trách nhiệm tổ chức thực hiện "
        "Thông tư này."
    )
    assert mentions(text) == [
        ("lead", "Chủ tịch Hội đồng thành viên"),
        ("lead", "Tổng Giám đốc (Giám đốc) tổ chức tín dụng"),
    ]


def test_the_ministerial_block_after_a_relation_is_what_the_body_belongs_to() -> None:
    # bulk doc_000610, doc_000578 (23 bulk documents write "thuộc bộ, cơ quan ngang bộ"): one body of each ministry
    text = "c) Cục thuộc bộ, cơ quan ngang bộ đề nghị thành lập các đơn vị quy định tại điểm b khoản 1 Điều 2 Nghị định này;"
    assert mentions(text) == [("lead", "Cục thuộc bộ, cơ quan ngang bộ")]
    text = "3. Cơ quan, đơn vị trực thuộc Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ có trách nhiệm báo cáo."
    assert [n for _, n in mentions(text)] == ["Cơ quan, đơn vị trực thuộc Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"]
    # after the bare kinds, each kind of the block is a subject of its own (the gold README)
    assert [n for _, n in names("Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ có trách nhiệm")] == [
        "Bộ", "cơ quan ngang bộ", "cơ quan thuộc Chính phủ",
    ]  # fmt: skip


def test_a_body_and_the_place_it_sits_in_are_one_body() -> None:
    # bulk doc_000571, doc_000580, doc_000586, doc_000202 (35 rows of 20 bulk documents; the gold README: "a body
    # followed by the places it belongs to is one entry as written"): "tại" and a place end no name
    text = "3. Trách nhiệm của Cơ quan điều hành tại các thành phố:"
    assert [n for _, n in heading_subjects(text[3:])] == ["Cơ quan điều hành tại các thành phố"]
    text = (
        "a) Ngân hàng thương mại, chi nhánh ngân hàng nước ngoài tại Việt Nam có trách nhiệm báo cáo Ngân hàng Nhà "
        "nước."
    )
    assert mentions(text) == [
        ("lead", "Ngân hàng thương mại"),
        ("lead", "chi nhánh ngân hàng nước ngoài tại Việt Nam"),
        ("report_to", "Ngân hàng Nhà nước"),
    ]
    # a lower-case word after the place that no name goes on with is the verb (doc_000586: … cấp Giấy phép)
    assert [n for _, n in names("Cơ quan điều hành tại thành phố cấp Giấy phép hoặc từ chối cấp Giấy phép")] == [
        "Cơ quan điều hành tại thành phố"
    ]
    # "tại" before anything but a place still ends the name
    assert [n for _, n in names("Sở Tài chính tại Tờ trình số 12 có trách nhiệm báo cáo.")] == ["Sở Tài chính"]


def test_a_department_named_by_its_own_name_drops_the_body_it_belongs_to() -> None:
    # bulk doc_000444, doc_000390, doc_000267, doc_000245, doc_000151 (the gold README: "a named body followed by
    # thuộc <its parent body> is named without it")
    text = "Cục Thông tin, Thống kê thuộc Bộ Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị có liên quan."
    assert mentions(text)[0] == ("lead", "Cục Thông tin, Thống kê")
    text = "Cục trưởng Cục Nghiệp vụ và Pháp luật thuộc Cảnh sát biển Việt Nam có trách nhiệm báo cáo."
    assert [n for _, n in names(text)] == ["Cục trưởng Cục Nghiệp vụ và Pháp luật"]
    # a kind that is no name keeps what it belongs to, and so does a body of every province
    assert [n for _, n in names("các Vụ, Cục thuộc Bộ Y tế phối hợp")] == ["các Vụ, Cục thuộc Bộ Y tế"]
    assert [n for _, n in names("Vụ Tổ chức cán bộ thuộc Bộ, cơ quan ngang Bộ có trách nhiệm")] == [
        "Vụ Tổ chức cán bộ thuộc Bộ, cơ quan ngang Bộ"
    ]


def test_a_known_name_that_holds_a_verb_and_a_list_is_read_whole_however_long() -> None:
    # bulk doc_000189, doc_000075, doc_000209 (8 bulk documents name C10 so): quản lý and the commas are the name's
    text = (
        "Cục trưởng Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng có trách nhiệm báo cáo."
    )
    assert mentions(text) == [
        ("lead", "Cục trưởng Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng")
    ]
    # doc_000022: "bảo đảm" is a stop word elsewhere
    text = (
        "2. Cục trưởng Cục Đăng ký giao dịch bảo đảm và Bồi thường nhà nước và các tổ chức, cá nhân có liên quan chịu "
        "trách nhiệm thi hành Thông tư này."
    )
    assert [n for _, n in mentions(text)] == [
        "Cục trưởng Cục Đăng ký giao dịch bảo đảm và Bồi thường nhà nước",
        "các tổ chức, cá nhân có liên quan",
    ]
    # but the words an amendment replaces are no name, however known its pieces (doc_000406)
    text = "Bộ Nông nghiệp và Phát triển nông thôn” bằng cụm từ “Bộ Nông nghiệp và Môi trường phối hợp"
    assert all("”" not in n for _, n in names(text))


def test_a_level_the_last_body_of_a_list_names_is_every_listed_bodys() -> None:
    # bulk doc_000192 (the bulk3 gold: Công an cấp tỉnh, Tòa án nhân dân cấp tỉnh), doc_000468; the gold README: a
    # shared qualifier is spelled out on each item
    text = "Hàng năm, Sở Tài chính, Công an, Tòa án nhân dân, Viện kiểm sát nhân dân cấp tỉnh gửi báo cáo."
    assert [a.assignee for a in find_assignments("t1", text, 0, None)] == [
        "Sở Tài chính", "Công an cấp tỉnh", "Tòa án nhân dân cấp tỉnh", "Viện kiểm sát nhân dân cấp tỉnh",
    ]  # fmt: skip
    text = "Hội đồng nhân dân, Ủy ban nhân dân cấp xã có trách nhiệm kiểm tra."
    assert [a.assignee for a in find_assignments("t1", text, 0, None)] == [
        "Hội đồng nhân dân cấp xã", "Ủy ban nhân dân cấp xã",
    ]  # fmt: skip
    # a list that belongs to a name before it shares nothing (a ministry; one office of two councils)
    text = "Bộ Công an, Công an cấp tỉnh có trách nhiệm kiểm tra."
    assert [a.assignee for a in find_assignments("t1", text, 0, None)] == ["Bộ Công an", "Công an cấp tỉnh"]
    text = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã có trách nhiệm tổ chức phục vụ."
    assert "Văn phòng Hội đồng nhân dân cấp xã" not in [a.assignee for a in find_assignments("t1", text, 0, None)]


def test_funds_hospitals_and_arms_of_the_army_are_bodies() -> None:
    # bulk doc_000616, doc_000528: a fund named before a capital acts as a body; a body's own fund does not
    text = "b) Quỹ Dịch vụ viễn thông công ích Việt Nam tổ chức khảo sát, đánh giá nhu cầu."
    assert mentions(text) == [("lead", "Quỹ Dịch vụ viễn thông công ích Việt Nam")]
    assert names("Quỹ khen thưởng, phúc lợi được trích lập") == []
    # bulk doc_000018: three hospitals named by number
    text = "Bệnh viện 19-8, Bệnh viện 30-4, Bệnh viện 199 tổ chức khám sức khỏe định kỳ."
    assert [n for _, n in mentions(text)] == ["Bệnh viện 19-8", "Bệnh viện 30-4", "Bệnh viện 199"]
    # bulk doc_000606, doc_000385: an arm of the army is a body of its own in a list, air defence one name
    text = "Phối hợp với Bộ Tư lệnh 86, Binh chủng Thông tin liên lạc triển khai."
    assert [n for _, n in mentions(text)] == ["Bộ Tư lệnh 86", "Binh chủng Thông tin liên lạc"]
    assert names("Quân chủng Phòng không - Không quân xác định") == [(0, "Quân chủng Phòng không - Không quân")]


def test_a_title_or_kind_before_a_bodys_own_name_is_one_body() -> None:
    # bulk doc_000117, doc_000077, doc_000060: a title or a kind that opens a capitalised name names one body
    assert not is_collective("Thủ trưởng Bộ Quốc phòng")
    assert not is_collective("Cơ quan Cảnh sát điều tra Bộ Công an")
    assert not is_collective("Trưởng Ban Tôn giáo Chính phủ")
    # ... not a kind before more kinds, nor the police of every unit and locality (bulk doc_000171, doc_000018)
    assert is_collective("Thủ trưởng cơ quan, đơn vị")
    assert is_collective("Công an đơn vị, địa phương")
    assert is_collective("Thủ trưởng Công an đơn vị, địa phương")
    # ... nor a head that only lower-case words qualify: every company's board, every such body (bulk doc_000457,
    # doc_000215, doc_000332, doc_000468)
    assert is_collective("Trưởng Ban kiểm soát")
    assert is_collective("Trưởng Ban chỉ huy")
    assert is_collective("Cơ quan Công an")
    # ... but the standing body of the council a document names is one (tune bulk doc_000240 ×3, doc_000128,
    # doc_000332), unless the council is one of a kind (bulk4 doc_000111, doc_000121: cơ quan thường trực Hội đồng
    # thẩm định)
    assert not is_collective("Cơ quan Thường trực")
    assert not is_collective("Cơ quan thường trực của Hội đồng")
    assert is_collective("cơ quan thường trực Hội đồng thẩm định", place_of("CHÍNH PHỦ", None))
    assert not is_collective("Cơ quan Thường trực Ban Chỉ đạo Trung ương")


def test_a_kind_that_opens_a_list_item_capitalised_is_a_subject_of_its_own() -> None:
    # bulk doc_000182: Chủ đầu tư and Tổ chức vận hành are two subjects, as in lower case; vận hành is no verb here
    text = (
        "Cục trưởng Cục An toàn bức xạ và hạt nhân, Thủ trưởng các đơn vị thuộc Bộ Khoa học và Công nghệ, Chủ đầu tư, "
        "Tổ chức vận hành nhà máy điện hạt nhân và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành"
    )
    listed = [name for _, name in names(text)]
    assert listed[1:4] == [
        "Thủ trưởng các đơn vị thuộc Bộ Khoa học và Công nghệ", "Chủ đầu tư", "Tổ chức vận hành nhà máy điện hạt nhân"
    ]
    assert len(listed) == 5


def test_a_name_that_runs_on_over_its_verb_ends_where_the_document_writes_it_whole() -> None:
    # bulk doc_000332: Vụ Tổ chức cán bộ, a subject of its own elsewhere in the text, then its verb đối chiếu
    written = {"Vụ Tổ chức cán bộ", "Ngân hàng Nhà nước", "Hội đồng Thi đua - Khen thưởng"}
    assert at_a_written_name("Vụ Tổ chức cán bộ đối chiếu hồ sơ lưu, xác nhận", written) == "Vụ Tổ chức cán bộ"
    # a kind of body, a level: the name's own words
    assert at_a_written_name("Ngân hàng Nhà nước chi nhánh Khu vực", written) == "Ngân hàng Nhà nước chi nhánh Khu vực"
    name = "Hội đồng Thi đua - Khen thưởng cấp cơ sở"
    assert at_a_written_name(name, written) == name


def test_the_members_of_a_body_are_many() -> None:
    # bulk doc_000240, doc_000457, doc_000515: Thành viên Hội đồng, Thành viên Ban kiểm soát, Thành viên Hội đồng quản
    # trị độc lập: every member of the body
    assert is_collective("Thành viên Hội đồng")
    assert is_collective("Thành viên Ban kiểm soát")
    assert is_collective("Ủy viên Hội đồng")
    assert not is_collective("Chủ tịch Hội đồng Dân tộc")



def test_the_provision_that_defines_a_kind_is_part_of_its_name() -> None:
    # bulk doc_000752, doc_000025, doc_000130: a kind, then the provision of this document that defines it; the name ends
    # after it, where a verb the lexicon does not know may follow (trích tiền)
    text = "cơ quan, tổ chức quy định tại điểm a khoản 2 Điều này thực hiện việc đưa bảo vật quốc gia đi trưng bày"
    assert names(text) == [(0, "cơ quan, tổ chức quy định tại điểm a khoản 2 Điều này")]
    text = "cơ quan, tổ chức quy định tại điểm a khoản 2 Điều này trích tiền từ tài khoản của người nộp thuế"
    assert names(text) == [(0, "cơ quan, tổ chức quy định tại điểm a khoản 2 Điều này")]
    text = "Cơ quan quy định tại điểm a và điểm b khoản 1 Điều 32 của Luật này có thẩm quyền đề nghị giảm thời hạn"
    assert names(text) == [(0, "Cơ quan quy định tại điểm a và điểm b khoản 1 Điều 32 của Luật này")]
    # the list goes on after it
    text = "Các cơ quan, tổ chức, cá nhân quy định tại khoản 1 Điều 14 của Luật này và cơ quan, tổ chức khác có trách nhiệm"
    assert [name for _, name in names(text)][0] == "Các cơ quan, tổ chức, cá nhân quy định tại khoản 1 Điều 14 của Luật này"
    # a known body is the agent of "quy định"
    assert names("Bộ Y tế quy định tại khoản 2 Điều này") == [(0, "Bộ Y tế")]


def test_a_stop_word_inside_a_word_stops_nothing() -> None:
    # bulk doc_000586, doc_000271, doc_000079: độc lập, chương trình are words whose last syllable is a stop word
    assert names("Kiểm toán độc lập có trách nhiệm") == [(0, "Kiểm toán độc lập")]
    text = "cơ quan chủ quản chương trình, dự án ô thực hiện điều chỉnh chủ trương đầu tư"
    assert names(text) == [(0, "cơ quan chủ quản chương trình, dự án ô")]
    # a verb that holds a stop word ends the name where it begins (giải trình, thông qua)
    assert names("tổ chức, cá nhân giải trình, chỉnh sửa hoặc bổ sung hoàn thiện hồ sơ") == [(0, "tổ chức, cá nhân")]
    assert names("Hội đồng thẩm định thông qua báo cáo") == [(0, "Hội đồng thẩm định")]
    # a pair the dictionary knows that the sentence does not hold (đầu tư | lập): the stop stands
    assert names("Chủ đầu tư lập hồ sơ") == [(0, "Chủ đầu tư")]


def test_an_enterprise_named_by_what_it_does_keeps_it() -> None:
    # bulk doc_000346: doanh nghiệp quản lý tài sản đường sắt, like đơn vị quản lý
    text = "cơ quan quản lý đường bộ chủ trì, phối hợp với doanh nghiệp quản lý tài sản đường sắt kiểm tra mặt bằng"
    assert mentions(text)[-1] == ("support", "doanh nghiệp quản lý tài sản đường sắt")


def test_the_organs_of_a_company_named_by_kind_are_every_such_companys() -> None:
    # bulk doc_000148, doc_000586, tune doc_000524: a bank's board, members' council, supervisory board
    assert is_collective("Ban kiểm soát")
    assert is_collective("Chủ tịch Hội đồng quản trị")
    assert is_collective("Ban kiểm soát ngân hàng thương mại thành viên")
    assert is_collective("Tổng Giám đốc (Giám đốc) tổ chức tín dụng")
    # a kind of institution the law names, capitalised where it opens a sentence (tune doc_000514, doc_000142)
    assert is_collective("Ngân hàng thương mại") and is_collective("Công ty chứng khoán thành viên")
    assert not is_collective("Ngân hàng thương mại Cổ phần Ngoại thương Việt Nam")
    # bulk doc_000586 (in no draw): the committees a bank's board sets up
    assert is_collective("Ủy ban quản lý rủi ro") and is_collective("Ủy ban Nhân sự")
    # one institution named: one body
    assert not is_collective("Chủ tịch Hội đồng quản trị Ngân hàng Chính sách xã hội")
    assert not is_collective("Tổng Giám đốc Kho bạc Nhà nước")


def test_a_body_named_by_where_the_matter_is_or_by_a_level_of_many_is_every_such_body() -> None:
    # bulk doc_000319, doc_000130: the treasury where the account is, the commune where the prisoner serves
    text = "Kho bạc Nhà nước nơi giao dịch thực hiện nhập, phê duyệt phân bổ, điều chỉnh dự toán và Lệnh chi tiền"
    assert mentions(text) == [("lead", "Kho bạc Nhà nước nơi giao dịch")]
    assert is_collective("Kho bạc Nhà nước nơi giao dịch")
    assert is_collective("Ủy ban nhân dân cấp xã nơi phạm nhân chấp hành án")
    # bulk doc_000192: the army's regions named by their level and a rank's equivalents; one region is one body
    assert is_collective("Bộ Tư lệnh quân khu") and is_collective("Bộ Tư lệnh cấp quân khu và tương đương")
    assert not is_collective("Bộ Tư lệnh Quân khu 7")


def test_a_kind_a_body_has_many_of_named_by_that_body_alone_is_every_one_of_them() -> None:
    # bulk doc_000107: the committees of the National Assembly, their chairs and standing members
    text = "Chủ tịch Hội đồng Dân tộc, Chủ nhiệm Ủy ban của Quốc hội có trách nhiệm chỉ đạo việc chuẩn bị."
    assert ("lead", "Chủ nhiệm Ủy ban của Quốc hội") in mentions(text)
    assert is_collective("Chủ nhiệm Ủy ban của Quốc hội")
    assert is_collective("Ủy ban của Quốc hội") and is_collective("Thường trực Ủy ban của Quốc hội")
    assert is_collective("Trưởng Ban của Hội đồng nhân dân")
    # ... not a committee named by its own name, nor the title of one (Trưởng Ban của Ban Pháp chế; its deputies, Phó
    # Trưởng Ban …, are several: the flag audit in the gold README)
    assert not is_collective("Ủy ban Pháp luật và Tư pháp của Quốc hội")
    assert not is_collective("Trưởng Ban của Ban Pháp chế")
    assert not is_collective("Chủ tịch Hội đồng Dân tộc")


def test_bodies_named_as_alternatives_are_whichever_of_them_acts() -> None:
    # bulk doc_000084, doc_000066: one subject of alternatives, collective; each alternative alone is one body
    assert is_collective("Thanh tra tỉnh hoặc cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh")
    assert not is_collective("Thanh tra tỉnh")
    text = "Văn phòng Bộ hoặc bộ phận tham mưu công tác thi đua, khen thưởng thuộc các đơn vị thực hiện quy trình"
    assert is_collective(names(text)[0][1])
    # ... and alternatives run no longer than one body's name: past it a clause ran on (bulk doc_000094)
    text = (
        "Cục Đào tạo, Cục Đối ngoại, Đại sứ quán hoặc cơ quan đại diện Nhà nước Việt Nam ở nước sở tại và gia đình tổ "
        "chức lễ tang"
    )
    assert names(text, whole=True) == [(0, "Cục Đào tạo")]
