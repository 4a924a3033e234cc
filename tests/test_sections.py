"""The body's parts as the national legal database prints them: article titles that web text broke over lines, and
the forms printed after the signature, read from real texts of the bulk corpus."""

from __future__ import annotations

from tests.test_structure import structure_of


def article_titles(text: str) -> dict[str, str]:
    return {s.label: s.heading for s in structure_of(text).sections if s.kind == "dieu" and s.level == 1}


def test_an_article_title_ending_on_a_word_no_title_ends_with_goes_on_over_its_lines(bulk: dict[str, str]) -> None:
    """``Điều 1. Sửa đổi, bổ sung một số điều của`` / ``Thông tư liên tịch số 10/2018/…`` / ``ngày 29`` / ``tháng 6
    năm 2018 …`` (doc_000192); ``… một số khoản của`` / `` Điều 13; bổ sung Phụ lục 5 …`` (doc_000395)."""
    joint = article_titles(bulk["doc_000192"])
    assert joint["Điều 1"].startswith("Sửa đổi, bổ sung một số điều của Thông tư liên tịch số 10/2018/TTLT-")
    assert joint["Điều 1"].endswith("thực hiện trợ giúp pháp lý trong hoạt động tố tụng")
    assert article_titles(bulk["doc_000395"])["Điều 1"].endswith("của Điều 13; bổ sung Phụ lục 5 vào trước Phụ lục 6")


def test_an_article_title_goes_on_over_the_unit_it_names_on_a_line_of_its_own(bulk: dict[str, str]) -> None:
    """``Điều 5. Bổ sung khoản 4`` / `` Điều 6 của Thông tư số 05/2025/TT-BTP …`` (doc_000366), ``Điều 19.`` /
    ``Sửa đổi`` / ``, bổ sung`` / `` Điều 49`` / ``“Điều 49. …`` (doc_000548: the quoted article is no title); an
    article's first sentence naming a unit (``Điều 5 được sửa đổi như sau:``) goes on with no title."""
    assert article_titles(bulk["doc_000366"])["Điều 5"].startswith("Bổ sung khoản 4 Điều 6 của Thông tư số 05/2025/TT-BTP")
    assert article_titles(bulk["doc_000548"])["Điều 19"] == "Sửa đổi, bổ sung Điều 49"
    text = "QUYẾT ĐỊNH\nvề việc thử\nĐiều 1. Sửa đổi Quyết định số 5/QĐ-UBND\nĐiều 5 được sửa đổi như sau:\n"
    assert article_titles(text)["Điều 1"] == "Sửa đổi Quyết định số 5/QĐ-UBND"


def test_an_article_sentence_whose_bracket_web_text_cut_is_no_title(bulk: dict[str, str]) -> None:
    """``Điều 1.`` / ``Ban hành kèm theo Thông tư này Quy chuẩn … (`` / ``QCVN 41:2025/BNNMT`` / ``).`` (doc_000530)."""
    assert article_titles(bulk["doc_000530"])["Điều 1"] == ""


def test_an_annex_title_is_read_under_its_issued_with_note(bulk: dict[str, str]) -> None:
    """``PHỤ LỤC I`` / ``(Ban hành kèm theo Thông tư số …)`` / ``KIỂM TRA TÀI LIỆU KHÍ TƯỢNG BỀ MẶT`` (doc_000394), the
    note over two lines (doc_000148's ``Phụ lục V``); a form under the note is no title of the annex (``Mẫu số 01``,
    doc_000216; ``TÊN NGÂN HÀNG`` over the national line, doc_000148's ``Phụ lục I``)."""
    def annexes(text: str) -> dict[str, str]:
        return {s.label: s.heading for s in structure_of(text).sections if s.kind == "annex"}

    assert annexes(bulk["doc_000394"])["Phụ lục I"] == "KIỂM TRA TÀI LIỆU KHÍ TƯỢNG BỀ MẶT"
    rules = annexes(bulk["doc_000148"])
    assert rules["Phụ lục V"] == "HƯỚNG DẪN ĐO LƯỜNG RỦI RO LÃI SUẤT TRÊN SỔ NGÂN HÀNG"
    assert rules["Phụ lục I"] == ""
    assert annexes(bulk["doc_000216"])["Phụ lục I"] == ""


def test_a_long_title_under_a_bare_label_and_over_the_first_clause_is_the_articles(bulk: dict[str, str]) -> None:
    """``Điều 1.`` / a title of 230 characters / ``1. Sửa đổi, bổ sung khoản 3 Điều 3 như sau:`` (doc_000621), and a
    title whose second line goes on in lower case (`` ngày 09 tháng 6 năm 2025 của Chính phủ …``, doc_000105)."""
    assert article_titles(bulk["doc_000621"])["Điều 1"].endswith("Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương")
    decree = article_titles(bulk["doc_000105"])["Điều 1"]
    assert decree.startswith("Sửa đổi, bổ sung một số điều của Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025")


def test_an_article_opening_with_its_sentence_has_no_title() -> None:
    text = "QUYẾT ĐỊNH\nvề việc thử\nĐiều 1.\nBan hành kèm theo Quyết định này Quy chế thử\n.\nĐiều 2.\nHiệu lực\n1. Từ nay.\n"
    assert article_titles(text) == {"Điều 1": "", "Điều 2": "Hiệu lực"}


def test_forms_after_the_signature_are_parts_of_their_own_not_the_documents_articles(bulk: dict[str, str]) -> None:
    """The model decisions of a customs circular's forms (``Mẫu 03-SHTT`` … ``Điều 1.``, doc_000101) and the
    questionnaire of a joint circular's ``Mẫu số 02`` (``1. Hỏi:``, doc_000192) hang under their form; a form is no
    heading of the document, so its top-level headings are the circular's own."""
    structure = structure_of(bulk["doc_000101"])
    forms = [s for s in structure.sections if s.kind == "form"]
    assert [s.label for s in forms[:3]] == ["Mẫu 01-SHTT", "Mẫu 02-SHTT", "Mẫu 03-SHTT"]
    assert all(s.level == 1 and not s.is_heading for s in forms)
    top = [s for s in structure.sections if s.level == 1 and s.is_heading]
    assert top and all(s.char_start < forms[0].char_start for s in top)
    joint = [s.label for s in structure_of(bulk["doc_000192"]).sections if s.level == 1 and s.is_heading]
    assert joint[:3] == ["Điều 1", "Điều 2", "Điều 3"] and "1" not in joint and "I" not in joint


def annex_titles(text: str) -> dict[str, str]:
    return {s.label: s.heading for s in structure_of(text).sections if s.kind == "annex" and s.level == 1}


def test_an_annex_title_ends_where_the_head_of_the_form_it_holds_begins(bulk: dict[str, str]) -> None:
    """The form's authority over its rule (``ĐƠN VỊ KIỂM TRA …`` / ``-------``, doc_000394) is none of the annex's
    title; a form's blank under the note (``Cấp bình chọn: ……``) ends the title above it and leaves an annex whose
    note the form's authority follows (``ỦY BAN NHÂN DÂN TỈNH/THÀNH PHỐ ……``) untitled (doc_000245); a title above
    the note may hold a blank (``… NĂM......``, doc_000565) and stand over the form's national line (doc_000354)."""
    assert annex_titles(bulk["doc_000394"])["Phụ lục III"] == (
        "MẪU BÁO CÁO KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG TÀI LIỆU KHÍ TƯỢNG BỀ MẶT QUAN TRẮC BẰNG PHƯƠNG TIỆN ĐO KHÔNG TỰ ĐỘNG"
    )
    awards = annex_titles(bulk["doc_000245"])
    assert awards["Phụ lục I"] == "THÔNG TIN CƠ SỞ CÔNG NGHIỆP NÔNG THÔN VÀ SẢN PHẨM THAM GIA BÌNH CHỌN"
    assert awards["Phụ lục II"] == ""
    assert annex_titles(bulk["doc_000565"])["Phụ lục III"].startswith("BÁO CÁO CÔNG TÁC QUẢN LÝ ĐOÀN RA NĂM")
    assert annex_titles(bulk["doc_000354"])["Phụ lục XI"] == "MẪU SƠ YẾU LÝ LỊCH"  # over the form's national line
    assert annex_titles(bulk["doc_000394"])["Phụ lục IV"] == (  # the authority over two lines: ``… ĐÁNH GIÁ`` / ``CHẤT …``
        "MẪU BÁO CÁO KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG TÀI LIỆU KHÍ TƯỢNG BỀ MẶT QUAN TRẮC BẰNG PHƯƠNG TIỆN ĐO TỰ ĐỘNG"
    )


def test_an_annex_label_is_a_number_or_a_letter_never_a_word(bulk: dict[str, str]) -> None:
    """``PHỤ LỤC SỐ I`` / ``MẪU BẢN CÁO BẠCH …`` is annex I titled (doc_000343); ``PHỤ LỤC CÁC TÀI LIỆU KÈM THEO`` has
    no label (doc_000080)."""
    warrants = annex_titles(bulk["doc_000343"])
    assert warrants["Phụ lục số I"] == "MẪU BẢN CÁO BẠCH CHÀO BÁN CHỨNG QUYỀN CÓ BẢO ĐẢM"
    annexes = [(s.label, s.heading) for s in structure_of(bulk["doc_000080"]).sections if s.kind == "annex"]
    assert ("Phụ lục", "CÁC TÀI LIỆU KÈM THEO") in annexes


def test_an_annex_with_no_label_inside_a_form_is_the_forms_own(bulk: dict[str, str]) -> None:
    """A report form's ``PHỤ LỤC BÁO CÁO SỐ LIỆU NĂM`` / ``(Ban hành kèm theo Báo cáo số …)`` (doc_000192) and a
    handover record's ``PHỤ LỤC`` / ``(Kèm theo Biên bản …)`` (doc_000535) hang under their form, no annex of the
    document."""
    for doc_id, form in (("doc_000192", "Mẫu số 06B"), ("doc_000535", "Mẫu số 01")):
        sections = structure_of(bulk[doc_id]).sections
        by_id = {s.section_id: s for s in sections}
        inner = [s for s in sections if s.kind == "annex" and s.level > 1]
        assert inner and by_id[inner[0].parent_id].label == form


def test_a_roman_label_web_text_put_alone_on_its_line_heads_the_line_below(bulk: dict[str, str]) -> None:
    """``I.`` / ``THÔNG TIN CỤM/CHUỖI NHIỆM VỤ ĐĂNG KÝ`` (doc_000323), ``I.`` / ``KẾT QUẢ THỰC HIỆN`` (doc_000578)."""
    read = (("doc_000323", "THÔNG TIN CỤM/CHUỖI NHIỆM VỤ ĐĂNG KÝ"), ("doc_000578", "KẾT QUẢ THỰC HIỆN"))
    for doc_id, heading in read:
        romans = [(s.label, s.heading) for s in structure_of(bulk[doc_id]).sections if s.kind == "roman"]
        assert ("I", heading) in romans


def test_an_english_amending_instruction_ends_the_passage_it_quotes_before(bulk: dict[str, str]) -> None:
    """``37.`` / `` In Law No. 65/2006/QH11 …, to replace …`` after ``“Article 92a. …`` whose closing mark is missing:
    the law's own ``Article 2.`` is found (doc_000878, an English translation)."""
    articles = [s.label for s in structure_of(bulk["doc_000878"]).sections if s.kind == "dieu" and s.level == 1]
    assert articles == ["Article 1", "Article 2"]


def test_a_section_title_in_capitals_is_a_title_however_long_or_cut(bulk: dict[str, str]) -> None:
    """``Mục 1. VI PHẠM HÀNH CHÍNH VỀ AN NINH, TRẬT TỰ,`` / ``AN TOÀN XÃ HỘI`` (doc_000151, cut after a comma) and a
    ``Mục 5.`` title of 160 capitals (doc_000752) open their sections."""
    sections = {(s.label, s.heading) for s in structure_of(bulk["doc_000151"]).sections if s.kind == "muc"}
    assert ("Mục 1", "VI PHẠM HÀNH CHÍNH VỀ AN NINH, TRẬT TỰ, AN TOÀN XÃ HỘI") in sections
    labels = [s.label for s in structure_of(bulk["doc_000752"]).sections if s.kind == "muc"]
    assert "Mục 5" in labels


def test_a_national_technical_regulation_after_the_signature_is_a_document_of_its_own(bulk: dict[str, str]) -> None:
    """A circular issuing a QCVN prints it after its signature (``QCVN 07:2025/BNNMT`` / ``QUY CHUẨN KỸ THUẬT QUỐC GIA
    VỀ NGƯỠNG CHẤT THẢI NGUY HẠI`` / ``1. QUY ĐỊNH CHUNG``, doc_000497): its parts are top-level, no clauses of the
    circular's last article."""
    for doc_id in ("doc_000497", "doc_000563"):
        top = [(s.label, s.heading) for s in structure_of(bulk[doc_id]).sections if s.level == 1]
        assert ("1", "QUY ĐỊNH CHUNG") in top


def test_a_printed_table_of_contents_is_no_section_the_contents_after_it_are(bulk: dict[str, str]) -> None:
    """``MỤC LỤC`` / ``Lời nói đầu`` / ``1. QUY ĐỊNH CHUNG`` / ``1.1. …`` … up to ``Lời nói đầu`` printed again: the
    national technical regulation of doc_000563 has its clauses once, where their text is."""
    text = bulk["doc_000563"]
    general = [s for s in structure_of(text).sections if s.kind == "arabic" and s.heading == "QUY ĐỊNH CHUNG"]
    assert len(general) == 1
    assert general[0].char_start > text.index("MỤC LỤC") + text[text.index("MỤC LỤC") :].index("Lời nói đầu\nQCVN")


def points_of(text: str, article: str, clause: str) -> str:
    """The letters of the points under a clause of an article, in order."""
    sections = structure_of(text).sections
    by_id = {s.section_id: s for s in sections}
    return "".join(
        s.label
        for s in sections
        if s.kind == "letter"
        and by_id[s.parent_id].label == clause
        and by_id[by_id[s.parent_id].parent_id].label == article
    )


def test_an_english_translations_points_are_lettered_a_slash_and_in_english(bulk: dict[str, str]) -> None:
    """``a/`` marks a point as ``a)`` does (455 lines in 9 English translations, 429 of them in sequence); an
    English translation letters ``e)`` ``f)`` ``g)`` where a Vietnamese text letters ``e)`` ``g)`` (doc_000934)."""
    assert points_of(bulk["doc_000811"], "Article 6", "2") == "abc"
    assert points_of(bulk["doc_000934"], "Article 13", "5") == "abcdefgh"


def test_a_rule_under_the_title_is_no_dash_item(bulk: dict[str, str]) -> None:
    """doc_000273 draws ``-------------------`` under its title (cut at the page width): the rule, which no longer
    joins the title line, opens no list item, and the article's clauses keep their parent."""
    sections = structure_of(bulk["doc_000273"]).sections
    assert not any(s.kind == "dash" and not s.heading.strip("-") for s in sections)
    assert [s.label for s in sections[:2]] == ["Điều 1", "1"]
