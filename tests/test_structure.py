"""Structure: what an analyst asks first of a document (what, who, when, which number, what it asks, who
signed it), read from real documents of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import PageText, RawDocument, TextSource
from pipeline.normalize import normalize
from pipeline.process import finish
from pipeline.settings import Settings
from pipeline.structure import Structure, parse
from pipeline.structure.lines import join_split_labels, split_lines
from tests.conftest import DEV, RAW


def structure_of(text: str) -> Structure:
    raw = RawDocument(source_file="doc.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=text, text_source=TextSource.PLAIN_TEXT)]
    return parse(normalize(raw))


def dev(name: str) -> Structure:
    return structure_of((DEV / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> Structure:
    return dev("seed-binhdinh-kh-ct12.txt")


def test_seed_plan_header_keeps_the_incoming_stamp_out_of_the_title(seed: Structure) -> None:
    header = seed.header
    assert header.doc_type == "Kế hoạch"
    assert header.title.startswith("triển khai thực hiện Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư về")
    assert "ĐẾN" not in header.title and "12106" not in header.title
    assert (header.incoming_number, header.incoming_date) == ("12106", "2022-10-31")
    assert header.incoming_office == "SỔ NỘI VỤ TỈNH BÌNH ĐỊNH"
    assert header.number_symbol is None  # the OCR lost the number line: nothing is invented


def test_seed_plan_hierarchy_nests_numbered_items_under_roman_parts(seed: Structure) -> None:
    top = [s for s in seed.sections if s.level == 1]
    assert [f"{s.label} - {s.heading}" for s in top] == [
        "I - MỤC ĐÍCH, YÊU CẦU",
        "II - NỘI DUNG THỰC HIỆN",
        "III - TỔ CHỨC THỰC HIỆN",
    ]
    children = [s for s in seed.sections if s.parent_id == top[0].section_id]
    assert [(s.label, s.heading, s.level) for s in children] == [("1", "Mục đích", 2), ("2", "Yêu cầu", 2)]
    assert all(s.char_start < s.char_end for s in seed.sections)


def test_seed_plan_closing_blocks(seed: Structure) -> None:
    assert (seed.signature.signing_authority, seed.signature.signer_name) == ("T/M BAN THƯỜNG VỤ", "Hồ Quốc Dũng")
    recipients = [r.recipient for r in seed.recipients]
    assert len(recipients) == 9 and recipients[0] == "Ban Bí thư Trung ương Đảng (báo cáo)"
    assert seed.recipients[0].note == "báo cáo" and seed.recipients[-1].is_archive


def test_an_article_on_whom_an_act_applies_to_holds_no_tasks() -> None:
    text = (
        "QUYẾT ĐỊNH\nvề việc thử\nĐiều 2. Đối tượng áp dụng\n"
        "a) Cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc Việt Nam có trách nhiệm bảo vệ bí mật nhà nước.\n"
        "Điều 3. Tổ chức thực hiện\n1. Bộ Công an chủ trì hướng dẫn thực hiện Quyết định này.\n"
    )
    assert [t.text for t in structure_of(text).tasks] == ["1. Bộ Công an chủ trì hướng dẫn thực hiện Quyết định này."]


def test_a_narrative_opening_does_not_hide_the_request_that_follows_it() -> None:
    """The công văn's first paragraph tells why (Thực hiện Quyết định số 1351/QĐ-UBND …), then asks (Để có cơ sở
    tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị …): it is a task."""
    letter = structure_of((RAW / "cv-360-snv.txt").read_text(encoding="utf-8"))
    assert letter.tasks[0].text.startswith("Thực hiện Quyết định số 1351/QĐ-UBND")
    assert not any(t.text.startswith("Thực hiện") for t in structure_of(
        "CÔNG VĂN\nvề việc thử\nThực hiện Kế hoạch số 12-KH/TU, Sở Nội vụ đã chủ trì tổng hợp nhu cầu nhà ở.\n"
    ).tasks)  # fmt: skip


def test_an_enacting_formula_whose_type_web_text_put_on_the_next_line_is_no_task(bulk: dict[str, str]) -> None:
    """``Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành`` / ``Thông tư sửa đổi, bổ sung …`` (doc_000418): the
    formula, its type on the next line, asks nothing."""
    tasks = [t.text for t in structure_of(bulk["doc_000418"]).tasks]
    assert not any(t.startswith("Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành") for t in tasks)


@pytest.fixture(scope="module")
def decree() -> Structure:
    """Nghị định 282/2025/NĐ-CP on sanctions, as the Công báo prints it (pages cut at the page width)."""
    raw = RawDocument(source_file="src-pdfvp-02.txt", sha256="0" * 64, kind="text")
    pages = (DEV / "src-pdfvp-02.txt").read_text(encoding="utf-8").split("\f")
    raw.pages = [PageText(page=i + 1, text=t, text_source=TextSource.PLAIN_TEXT) for i, t in enumerate(pages)]
    return parse(normalize(raw))


def test_a_decree_on_sanctions_asks_nothing_of_offenders_nor_of_the_officials_it_gives_powers(
    decree: Structure,
) -> None:
    powers = next(s for s in decree.sections if s.heading.startswith("THẨM QUYỀN XỬ PHẠT"))
    offences = [s for s in decree.sections if "hành vi sau đây" in s.heading]
    assert len(offences) > 50
    for part in [powers, *offences]:
        assert not [t.text for t in decree.tasks if part.char_start <= t.char_start < part.char_end]
    execution = next(s for s in decree.sections if s.heading == "Trách nhiệm thi hành")
    assert [t.text[:50] for t in decree.tasks if execution.char_start <= t.char_start] == [
        "1. Bộ trưởng Bộ Công an chịu trách nhiệm hướng dẫn",
        "2. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ",  # one item, though its first line ends "thuộc"
    ]  # the Công báo's colophon after it (VĂN PHÒNG CHÍNH PHỦ XUẤT BẢN, its address and contacts) asks nothing


def test_the_marks_of_a_handwritten_signature_do_not_hide_the_signer() -> None:
    closing = "Nơi nhận:\n- Như trên,\n- Lưu VP.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nl\nĐặng Minh Khôi\n"
    signature = structure_of("KẾ HOẠCH\nvề việc thử\n1. Các sở thực hiện.\n" + closing).signature
    assert (signature.signer_title, signature.signer_name) == ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Đặng Minh Khôi")


def test_a_title_list_after_kt_is_the_authority_and_the_deputy_below_it_signs() -> None:
    """src-congbot-24's signature as a scan prints it, one line each: the comma goes on with the list of the
    minister's offices (``BỘ TRƯỞNG, CHỦ NHIỆM``), so ``CHỦ NHIỆM`` is no signer's title cut off it."""
    closing = "Nơi nhận:\n- Như trên;\n- Lưu: VT, KTTH.\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nNguyễn Sỹ Hiệp\n"
    signature = structure_of("CÔNG VĂN\nvề việc thử\n1. Các sở thực hiện.\n" + closing).signature
    assert (signature.signing_authority, signature.signer_title, signature.signer_name) == (
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Nguyễn Sỹ Hiệp",
    )  # fmt: skip


def test_a_recipient_wrapped_by_its_column_is_one_item(bulk: dict[str, str]) -> None:
    """doc_000124 wraps ``- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm`` / ``hành chính (Bộ Tư pháp);`` (20 bulk
    documents wrap an item so); a scan of src-vbpl-33 reads its dashes as a tilde and a speck as a colon line."""
    names = [r.recipient for r in structure_of(bulk["doc_000124"]).recipients]
    assert "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính (Bộ Tư pháp)" in names
    assert names[-3:] == ["Các đơn vị thuộc, trực thuộc Bộ Tài chính", "Cổng TTĐT Bộ Tài chính", "Lưu: VT, KBNN ( b)"]
    scan = (
        "Nơi nhận:\n- Kiểm toán Nhà nước;\n- Ủy ban Trung ương Mặt trận Tổ quốc\nViệt Nam;\n- UBND, HĐND các tỉnh,"
        "\nthành phố trực thuộc TW;\n:\n~ Công báo;\n- Lưu: VT, ĐCK\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrương Thanh Hoài\n"
    )
    read = structure_of("THÔNG TƯ\nvề việc thử\n1. Các sở thực hiện.\n" + scan)
    assert [r.recipient for r in read.recipients] == [
        "Kiểm toán Nhà nước", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "UBND, HĐND các tỉnh, thành phố trực thuộc TW", "Công báo", "Lưu: VT, ĐCK",
    ]  # fmt: skip
    assert (read.signature.signing_authority, read.signature.signer_name) == ("KT. BỘ TRƯỞNG", "Trương Thanh Hoài")


def test_seed_plan_tasks_include_the_organisation_of_implementation(seed: Structure) -> None:
    texts = [t.text for t in seed.tasks]
    assert any(t.startswith("3. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy") for t in texts)
    assert not any(t.startswith(("I - ", "II - ", "III - ")) for t in texts)  # headings ask nothing


def test_state_decree_header_and_articles_from_html_text() -> None:
    decree = dev("src-vbpl-26.txt")  # 'Số:' and the number on two lines
    assert (decree.header.number_symbol, decree.header.number, decree.header.year) == ("339/2025/NĐ-CP", "339", 2025)
    assert (decree.header.issuer, decree.header.issue_place, decree.header.issue_date) == (
        "CHÍNH PHỦ", "Hà Nội", "2025-12-25",
    )  # fmt: skip
    chapters = [s for s in decree.sections if s.kind == "chuong"]
    assert chapters[0].label == "Chương I" and chapters[0].heading == "QUY ĐỊNH CHUNG"
    annex = next(s for s in decree.sections if s.kind == "annex")
    articles = [s for s in decree.sections if s.kind == "dieu" and s.char_start < annex.char_start]
    assert all(a.level == 2 and a.parent_id for a in articles)  # Điều nest under their Chương
    model = next(s for s in decree.sections if s.kind == "dieu" and s.char_start > annex.char_start)
    assert next(s for s in decree.sections if s.section_id == model.parent_id).kind == "form"  # a form's model decision
    assert (decree.signature.signing_authority, decree.signature.signer_title) == (
        "TM. CHÍNH PHỦ KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG",
    )  # fmt: skip


def test_cong_van_subject_and_addressees_from_a_markdown_transcription() -> None:
    letter = dev("src-congbot-22.txt")
    assert (letter.header.doc_type, letter.header.number_symbol) == ("Công văn", "1921/LĐTBXH-NCC")
    assert letter.header.title.startswith("hướng dẫn thực hiện chế độ điều dưỡng phục hồi sức khỏe")
    assert letter.header.issuer == "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    assert "Các Trung tâm điều dưỡng người có công" in [r.recipient for r in letter.recipients]


def test_attached_plan_starts_its_own_hierarchy() -> None:
    decision = dev("src-congbot-02.txt")  # a decision that issues a plan
    top = [(s.label, s.heading) for s in decision.sections if s.level == 1]
    assert [label for label, _ in top[:3]] == ["Điều 1", "Điều 2", "Điều 3"]
    assert ("I", "MỤC ĐÍCH, YÊU CẦU") in top  # the plan's parts are not nested under Điều 3


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ĐđÔơư aAbB1.-:/\n|*#()IVXĐiềuChươngSố:KẾ HOẠCHNơi nhận")), max_size=400))
def test_the_parser_never_raises_and_its_spans_index_the_text(text: str) -> None:
    structure = structure_of(text)
    length = len(normalize_text(text))
    for item in [*structure.sections, *structure.tasks, *structure.recipients]:
        assert 0 <= item.char_start <= item.char_end <= length


def normalize_text(text: str) -> str:
    raw = RawDocument(source_file="doc.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=text, text_source=TextSource.PLAIN_TEXT)]
    return normalize(raw).text


@pytest.mark.parametrize("path", sorted(DEV.glob("*.txt")), ids=lambda p: p.name)
def test_every_dev_document_parses_with_little_text_left_unplaced(path: Path) -> None:
    structure = dev(path.name)
    assert structure.sections, path.name
    assert structure.unplaced_chars < 4000


def articles_of(structure: Structure) -> list[tuple[str, str]]:
    return [(s.label, s.heading) for s in structure.sections if s.kind == "dieu"]


def test_an_article_label_that_web_text_split_over_lines_is_read_whole(bulk: dict[str, str]) -> None:
    law = articles_of(structure_of(bulk["doc_000116"]))  # 'Đ' / 'iều 7. Trách nhiệm …'
    assert ("Điều 7", "Trách nhiệm của cơ quan nhà nước") in law
    detention = articles_of(structure_of(bulk["doc_000106"]))  # 'Điều' / '34' / '. Chế độ gặp'
    assert any(label == "Điều 34" and heading.startswith("Chế độ gặp") for label, heading in detention)


def test_a_word_that_web_text_broke_before_a_marked_letter_is_read_whole(bulk: dict[str, str]) -> None:
    """``S`` / ``ố: 309/2025/NĐ-CP``, ``CHÍNH PH`` / ``Ủ``, ``B`` / ``Ộ KHOA HỌC V`` / ``À CÔNG NGH`` / ``Ệ``,
    and a symbol's last letter alone (``/TT-BNNM`` / ``T``)."""
    decree = structure_of(bulk["doc_000261"]).header
    assert (decree.number_symbol, decree.issuer) == ("309/2025/NĐ-CP", "CHÍNH PHỦ")
    circular = structure_of(bulk["doc_000419"]).header
    assert (circular.number_symbol, circular.issuer) == ("54/2025/TT-BKHCN", "BỘ KHOA HỌC VÀ CÔNG NGHỆ")
    assert structure_of(bulk["doc_000298"]).header.number_symbol == "90/2025/TT-BNNMT"


def test_a_syllable_web_text_cut_into_three_pieces_is_read_whole(bulk: dict[str, str]) -> None:
    """``CH`` / ``Í`` / ``NH PHỦ`` and ``QU`` / ``ỐC HỘI``: the piece after a marked letter goes on with it."""
    assert structure_of(bulk["doc_000135"]).header.issuer == "CHÍNH PHỦ"
    assert structure_of(bulk["doc_000541"]).header.issuer == "QUỐC HỘI"


def test_a_line_that_opens_a_point_ends_the_syllable_a_break_seemed_to_cut(bulk: dict[str, str]) -> None:
    """``… rights and obligations: l`` / ``a) To establish …`` (doc_000928, Article 8) is no cut ``la``: a line break
    at a label's edge cuts no syllable, and the points of the clause are read."""
    sections = structure_of(bulk["doc_000928"]).sections
    article = next(s for s in sections if s.label == "Article 8")
    clause = next(s for s in sections if s.parent_id == article.section_id and s.label == "2")
    assert [s.label for s in sections if s.parent_id == clause.section_id] == ["a", "b", "c", "d", "e", "g"]


def test_a_clause_number_alone_on_its_line_opens_the_clause_below_it(bulk: dict[str, str]) -> None:
    sections = structure_of(bulk["doc_000304"]).sections  # '18.' / 'Nuôi sinh trưởng' in the definitions
    assert any(s.kind == "arabic" and s.label == "18" and s.heading.startswith("Nuôi sinh trưởng") for s in sections)


def test_a_clause_number_cut_from_its_full_stop_opens_the_clause_below_it(bulk: dict[str, str]) -> None:
    """``6`` / ``. Trụ sở của người nộp thuế`` (doc_000025's definitions): clause 6 and every clause after it are
    read; a line that ends on the word ``số`` (``lưu trữ số``) is no number label the clause below it completes."""
    sections = structure_of(bulk["doc_000025"]).sections
    by_id = {s.section_id: s for s in sections}
    article = next(s for s in sections if s.kind == "dieu" and s.label == "Điều 4")
    clauses = [s for s in sections if s.kind == "arabic" and by_id.get(s.parent_id) is article]
    assert [int(s.label) for s in clauses] == list(range(1, len(clauses) + 1)) and len(clauses) > 10
    assert clauses[5].heading.startswith("Trụ sở của người nộp thuế")
    assert clauses[11].heading.startswith("Quản lý rủi ro trong quản lý thuế")  # '12' / '.' / 'Quản lý rủi ro …'
    civil_servants = structure_of(bulk["doc_000537"]).sections  # '6.' / 'Điều động là việc …': no article label
    assert any(s.kind == "arabic" and s.label == "6" and s.heading.startswith("Điều động") for s in civil_servants)
    archives = articles_of(structure_of(bulk["doc_000069"]))  # 'Điều 15. … lưu trữ số' / '1. Thu nộp …'
    assert ("Điều 15", "Thu nộp hồ sơ, tài liệu lưu trữ số") in archives


def test_an_amending_decree_has_its_own_articles_only(bulk: dict[str, str]) -> None:
    """Quoted new wording (“Điều 41. …”) belongs to the amended decree; split labels ('Điều 3' / '2' / '.')
    are read whole; every article of the decree is there once, in order."""
    labels = [label for label, _ in articles_of(structure_of(bulk["doc_000173"]))]
    numbers = [int(label.split()[1]) for label in labels]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 40


def test_numbers_out_of_sequence_are_no_clauses(bulk: dict[str, str]) -> None:
    """A figure (5.64), an amount (4.140.000) or a table's row numbers after the clauses of an article."""
    sections = structure_of(bulk["doc_000222"]).sections  # the frequency table of Điều 9
    by_id = {s.section_id: s for s in sections}
    for article in (s for s in sections if s.kind == "dieu"):
        clauses = [int(s.label) for s in sections if s.kind == "arabic" and by_id.get(s.parent_id) is article]
        assert clauses == list(range(1, len(clauses) + 1)), article.label


def test_a_quotation_left_open_ends_at_the_next_article_of_the_amending_text(bulk: dict[str, str]) -> None:
    """doc_000554 never closes the quotation of its Điều 2; ``Điều 3. Sửa đổi, bổ sung khoản 3 …`` follows its own
    Điều 2, so it is the decree's own article, not quoted wording."""
    labels = [label for label, _ in articles_of(structure_of(bulk["doc_000554"]))]
    assert labels == [f"Điều {n}" for n in range(1, 11)]


def test_a_quotation_left_open_ends_at_the_next_clause_that_gives_an_instruction(bulk: dict[str, str]) -> None:
    """doc_000509's quotation of Điều 16a is never closed, and its next instruction ``6. Sửa đổi, bổ sung … khoản 8`` /
    ``Điều 18`` / ``Thông tư … như sau`` / ``:`` has no colon on its line: clause 6 follows its own clause 5, so it is
    the circular's own, and so are its clauses 7 to 69; a quotation opened by a mark alone on its line (``“`` /
    ``Điều 144. Sửa đổi, bổ sung, gia hạn … quyết định kiểm tra:``) is the new wording, however it reads."""
    sections = structure_of(bulk["doc_000509"]).sections
    article = next(s for s in sections if s.kind == "dieu" and s.label == "Điều 1")
    clauses = [s.label for s in sections if s.kind == "arabic" and s.parent_id == article.section_id]
    assert clauses == [str(n) for n in range(1, 70)]
    assert not any(s.kind == "dieu" and s.label == "Điều 144" for s in sections)


def test_a_stray_quotation_mark_that_no_instruction_introduces_holds_no_article(bulk: dict[str, str]) -> None:
    """doc_000917 (an English translation) opens a paragraph with a straight quote it never closes, after a clause
    that gives no instruction: its own Article 7 ends the quotation, and articles 7 to 21 are its own."""
    labels = [label for label, _ in articles_of(structure_of(bulk["doc_000917"]))]
    assert labels == [f"Article {n}" for n in range(1, len(labels) + 1)] and len(labels) >= 21


def test_an_instruction_that_web_text_cut_before_its_article_is_read_whole(bulk: dict[str, str]) -> None:
    """``Điều 1. Sửa đổi, bổ sung`` / ``Điều 7`` (doc_000507), ``Sửa đổi, bổ sung khoản 4 của`` / ``Điều 4`` / ``8``
    (doc_000548): the article the instruction names is its target; ``khoản 3 của Điều 13`` is one target."""
    assert ("amend", "Điều 7") in {(a.action, a.target) for a in structure_of(bulk["doc_000507"]).amendments}
    loans = {(a.action, a.target): a.new_text_start for a in structure_of(bulk["doc_000548"]).amendments}
    assert loans[("amend", "khoản 4 Điều 48")] is not None and ("amend", "Điều 48") not in loans
    assert [a.target for a in structure_of(bulk["doc_000478"]).amendments if "13" in (a.target or "")] == ["khoản 3 Điều 13"]


def test_the_row_numbers_of_a_flattened_table_are_no_clauses(bulk: dict[str, str]) -> None:
    """``STT`` / ``Loại mẫu`` / ``Ký hiệu`` / ``1.`` / ``Sổ thụ lý hồ sơ quốc tịch`` / … in doc_000555: the table of
    Điều 4 holds no clause, and Điều 5 has its two clauses, each over a table of its own."""
    sections = structure_of(bulk["doc_000555"]).sections
    by_id = {s.section_id: s for s in sections}
    clauses = {
        article.label: [s.label for s in sections if s.kind == "arabic" and by_id.get(s.parent_id) is article]
        for article in sections
        if article.kind == "dieu"
    }
    assert clauses["Điều 3"] == clauses["Điều 4"] == [] and clauses["Điều 5"] == ["1", "2"]
    assert clauses["Điều 2"] == [str(n) for n in range(1, 8)]


def test_a_military_rank_is_no_part_of_the_signers_name(bulk: dict[str, str]) -> None:
    """``BỘ TRƯỞNG`` / ``Đại tướng Lương Tam Quang``; ``KT. BỘ TRƯỞNG`` / ``THỨ TRƯỞNG`` / ``Thượng tướng Vũ Hải Sản``."""
    minister = structure_of(bulk["doc_000196"]).signature
    assert (minister.signer_title, minister.signer_name) == ("BỘ TRƯỞNG", "Lương Tam Quang")
    deputy = structure_of(bulk["doc_000012"]).signature
    assert (deputy.signing_authority, deputy.signer_title, deputy.signer_name) == (
        "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Vũ Hải Sản")


def test_a_name_may_open_with_a_syllable_of_one_letter(bulk: dict[str, str]) -> None:
    """Ê Đê names open with ``Y`` (the minister of ethnic affairs signs ``Y Thông``): the letter is the name's."""
    deputy = structure_of(bulk["doc_000489"]).signature
    assert (deputy.signing_authority, deputy.signer_title, deputy.signer_name) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Y Thông")
    alone = structure_of("KẾ HOẠCH\nvề việc thử\n1. Các sở thực hiện.\nBỘ TRƯỞNG Y Thông\n").signature
    assert alone.signer_name == "Y Thông"


def test_an_issuer_name_wrapped_onto_a_second_line_is_one_issuer(bulk: dict[str, str]) -> None:
    """``NGÂN HÀNG NHÀ NƯỚC`` / ``VIỆT NAM`` and ``BỘ NÔNG NGHIỆP VÀ`` / ``MÔI TRƯỜNG`` name one body, no parent."""
    bank, ministry = structure_of(bulk["doc_000306"]).header, structure_of(bulk["doc_000320"]).header
    assert (bank.issuer, bank.issuer_parent) == ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", None)
    assert (ministry.issuer, ministry.issuer_parent) == ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", None)


def test_an_issuer_whose_name_web_text_broke_after_its_head_is_one_issuer(bulk: dict[str, str]) -> None:
    """``ỦY BAN THƯỜNG VỤ`` / ``QUỐC HỘI`` (6 bulk documents) and ``BỘ`` / ``NÔNG NGHIỆP VÀ MÔI TRƯỜNG``: no parent."""
    committee = structure_of(bulk["doc_000085"]).header
    assert (committee.issuer, committee.issuer_parent) == ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", None)
    ministry = structure_of(bulk["doc_000298"]).header
    assert (ministry.issuer, ministry.issuer_parent) == ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", None)


def test_an_english_translation_reads_its_type_title_and_issuer(bulk: dict[str, str]) -> None:
    """The database's English pages (50 bulk texts) print ``DECREE`` / the title / ``THE GOVERNMENT``."""
    header = structure_of(bulk["doc_000901"]).header
    assert (header.doc_type, header.title) == ("Nghị định", "ON MANAGEMENT OF SECURITY SERVICE BUSINESS")
    assert (header.issuer, header.issuer_parent) == ("THE GOVERNMENT", None)


def test_an_english_translation_without_a_number_line_is_identified_by_its_title_line(bulk: dict[str, str]) -> None:
    """Older English pages print no ``Số`` line: ``Joint Circular No. 43/2011/TTLT-BTC-BGTVT of March 28, 2011,
    amending …`` under the type title, or as the first line (``Circular No. 20/2010/TT-BTP of November 30, …``)."""
    joint = structure_of(bulk["doc_000982"]).header
    assert (joint.doc_type, joint.number_symbol, joint.issue_date) == (
        "Thông tư liên tịch", "43/2011/TTLT-BTC-BGTVT", "2011-03-28"
    )
    circular = structure_of(bulk["doc_000987"]).header
    assert (circular.doc_type, circular.number_symbol, circular.issue_date) == ("Thông tư", "20/2010/TT-BTP", "2010-11-30")
    assert circular.issuer is None  # no issuer block: the capitals of its chapter headings are none


def test_a_property_sheet_label_starts_its_own_field(bulk: dict[str, str]) -> None:
    """A wide value does not run on into the label under it (``Bộ Thông tin và Truyền thông`` / ``Chức danh``)."""
    assert structure_of(bulk["doc_000664"]).header.issuer == "Bộ Thông tin và Truyền thông"


def test_a_stray_closing_mark_inside_quoted_new_wording_does_not_end_it(bulk: dict[str, str]) -> None:
    """doc_000322's Điều 11 quotes a new Điều 4a whose point g) ends ``… hồ sơ đề nghị.”`` though its clauses 2-5
    follow, up to ``… nêu rõ lý do.”.``: none of them is a clause of the amending text's own Điều 11."""
    sections = structure_of(bulk["doc_000322"]).sections
    article = next(s for s in sections if s.kind == "dieu" and s.label == "Điều 11")
    assert [s.label for s in sections if s.parent_id == article.section_id] == []


def test_a_forms_kinh_gui_after_the_signature_is_no_recipient_of_the_document(bulk: dict[str, str]) -> None:
    """An annex form addressed ``Kính gửi: Cục Thủy sản và Kiểm ngư …`` (doc_000298; 40 bulk texts carry one after
    their signature) is the form's addressee: the circular's recipients are its Nơi nhận."""
    names = [r.recipient for r in structure_of(bulk["doc_000298"]).recipients]
    assert names[0] == "Thủ tướng, các Phó Thủ tướng Chính phủ"
    assert "Cục Thủy sản và Kiểm ngư - Bộ Nông nghiệp và Môi trường" not in names


def test_a_dash_alone_on_its_line_marks_the_recipient_on_the_next(bulk: dict[str, str]) -> None:
    """Web text puts an item's dash on a line of its own (``-`` / ``Công báo điện tử`` / ``;``, 11 bulk texts): the
    list goes on, and a comma cut onto the next line closes up with the item (``HĐND`` / ``, UBND các tỉnh``)."""
    police = [r.recipient for r in structure_of(bulk["doc_000018"]).recipients]
    assert police[3:5] == ["Công báo điện tử", "Cổng TTĐT Bộ Công an"]
    inspectorate = [r.recipient for r in structure_of(bulk["doc_000213"]).recipients]
    assert "HĐND, UBND các tỉnh, thành phố trực thuộc TW" in inspectorate


def test_a_property_sheet_names_its_signer_in_its_fields(bulk: dict[str, str]) -> None:
    """vbpl.vn's property page: ``Chức danh`` / ``Thứ trưởng``, ``Người ký`` / ``Phan Chí Hiếu``, as printed."""
    sheet = structure_of(bulk["doc_000008"]).signature
    assert (sheet.signer_title, sheet.signer_name) == ("Thứ trưởng", "Phan Chí Hiếu")


def test_an_amending_decree_gives_its_instructions_as_data(bulk: dict[str, str]) -> None:
    """Each instruction names its target and action, lists spelled out (``khoản 1, khoản 3, khoản 4 Điều 20``),
    and points at the new text it quotes."""
    text = normalize_text(bulk["doc_000173"])
    amendments = structure_of(bulk["doc_000173"]).amendments
    found = {(a.action, a.target) for a in amendments}
    assert {("repeal", "khoản 1 Điều 20"), ("repeal", "khoản 4 Điều 20"), ("supplement", "Điều 4a")} <= found
    article_7 = next(a for a in amendments if (a.action, a.target) == ("amend", "Điều 7"))
    assert text[article_7.new_text_start :].startswith("“Điều 7. Vi phạm quy định về công bố mở cảng biển")
    assert not any(("supplement", "Điều 4") == (a.action, a.target) for a in amendments)  # vào sau Điều 4: a place


def test_a_note_printed_after_a_recipient_is_its_note_not_its_name() -> None:
    """src-congbot-06: '(báo cáo)' after 'Bộ Lao động - TB và XH;' qualifies the item, it is not part of it."""
    recipients = {r.recipient: r.note for r in dev("src-congbot-06.txt").recipients}
    assert recipients.get("Bộ Lao động - TB và XH") == "báo cáo"


@pytest.mark.parametrize(
    ("date_line", "issue_date", "issue_place"),
    [
        ("Hà Nội, ngày 0 5 tháng 0 6 năm 2025", "2025-06-05", "Hà Nội"),  # digits split by typing or OCR
        ("ngày 15 tháng 12 năm 2025", "2025-12-15", None),  # a date line without its place
    ],
)
def test_the_issue_date_is_read_with_the_one_date_grammar(date_line: str, issue_date: str, issue_place) -> None:
    header = structure_of(f"BỘ TÀI CHÍNH\nSố: 12/2025/TT-BTC\n{date_line}\nTHÔNG TƯ\nQuy định về thử\n").header
    assert (header.issue_date, header.issue_place) == (issue_date, issue_place)


def test_an_annex_after_the_signature_is_a_part_of_its_own(bulk: dict[str, str]) -> None:
    """doc_000595 prints its form annex as 'Phụ lục I' (not in capitals) after the signature: its items do not
    hang under the circular's last chapter."""
    sections = structure_of(bulk["doc_000595"]).sections
    annex = next(s for s in sections if s.label == "Phụ lục I")
    assert annex.level == 1 and annex.parent_id is None
    assert annex.heading.startswith("MẪU BÁO CÁO KHẢ NĂNG TÀI CHÍNH")


def test_a_bare_article_label_takes_the_title_printed_below_it_and_no_sentence(bulk: dict[str, str]) -> None:
    """``Điều 3.`` / ``Mục đích của bảo hiểm tiền gửi`` (79 bulk documents print titles so); ``Điều 1.`` / ``Ban
    hành kèm theo Thông tư này …`` opens with the article's first sentence, which is no title."""
    law = articles_of(structure_of(bulk["doc_000015"]))
    assert ("Điều 3", "Mục đích của bảo hiểm tiền gửi") in law
    circular = articles_of(structure_of(bulk["doc_000068"]))
    assert circular[:2] == [("Điều 1", ""), ("Điều 2", "Hiệu lực thi hành")]


def test_a_note_of_purpose_in_brackets_is_the_recipients_note(bulk: dict[str, str]) -> None:
    recipients = {r.recipient: r.note for r in structure_of(bulk["doc_000148"]).recipients}
    assert recipients["Bộ Tư pháp (để kiểm tra)"] == "để kiểm tra"


def test_a_header_that_web_text_cut_into_pieces_is_read_whole(bulk: dict[str, str]) -> None:
    """The motto one word a line (``Độc lập`` / ``-`` / ``Tự do`` …), the national line in two, a date cut inside
    its year (``năm 202`` / ``5``), an issuer one word a line (``BỘ`` / ``TÀI`` / ``CHÍNH``)."""
    decision = structure_of(bulk["doc_000612"]).header
    assert decision.title == "Bãi bỏ một số văn bản quy phạm pháp luật của Thủ tướng Chính phủ"
    law = structure_of(bulk["doc_000047"]).header
    assert (law.doc_type, law.title) == ("Luật", "AN NINH MẠNG")
    circular = structure_of(bulk["doc_000569"]).header
    assert (circular.issue_date, circular.issuer) == ("2025-12-01", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH")
    assert structure_of(bulk["doc_000213"]).header.issuer == "BỘ TÀI CHÍNH"


def test_an_amending_instruction_is_one_row_of_the_unit_it_changes(bulk: dict[str, str]) -> None:
    """A heading over sub-instructions (``15. Sửa đổi, bổ sung tên Điều và khoản 2 Điều 51 như sau:`` / ``a) …``) is
    no row of its own; the part of a unit (``đoạn mở đầu của khoản 7``) targets the unit; a unit supplemented next
    to another (``Bổ sung khoản 4 vào sau khoản 3 Điều 47``) is of that article."""
    law = structure_of(bulk["doc_000172"]).amendments
    assert [a.new_text_start is not None for a in law if a.target == "khoản 2 Điều 51"] == [True]
    assert ("amend", "khoản 7 Điều 3") in {(a.action, a.target) for a in structure_of(bulk["doc_000384"]).amendments}
    assert ("supplement", "khoản 4 Điều 47") in {(a.action, a.target) for a in structure_of(bulk["doc_000120"]).amendments}


def test_an_amendment_row_names_the_amended_document_from_its_words_or_its_chapter(bulk: dict[str, str]) -> None:
    """doc_000542 amends five circulars, each named in a chapter title web text cut into ten lines; doc_000532's
    ``Bãi bỏ Thông tư số`` / ``18/2020/TT-BGTVT`` names it across a line break."""
    for doc_id in ("doc_000542", "doc_000532"):
        raw = RawDocument(source_file=f"{doc_id}.txt", sha256="0" * 64, kind="text")
        raw.pages = [PageText(page=1, text=bulk[doc_id], text_source=TextSource.PLAIN_TEXT)]
        rows = finish(raw, [], Settings()).rows
        assert rows["amendments"] and all(row["ref_id"] for row in rows["amendments"]), doc_id
        cited = {row["ref_id"]: row["number_symbol"] for row in rows["citations"]}
        if doc_id == "doc_000542":
            assert {cited[row["ref_id"]] for row in rows["amendments"]} >= {"22/2013/TT-NHNN", "12/2016/TT-NHNN"}


def test_a_consolidated_texts_property_sheet_gives_its_date_and_title(bulk: dict[str, str]) -> None:
    """A văn bản hợp nhất's sheet dates it by ``Ngày ký xác thực`` (88 bulk documents); a sheet's title follows its
    type and number with or without ``số``, in any case."""
    assert structure_of(bulk["doc_000566"]).header.issue_date == "2025-11-24"
    assert structure_of(bulk["doc_000671"]).header.title == "sửa đổi Thông tư 05/2022/TT-BCT ngày 18/02/2022"


def test_a_word_that_web_text_broke_before_a_lower_case_letter_with_marks_is_read_whole(bulk: dict[str, str]) -> None:
    """``Hà N`` / ``ội, ngày …``, ``Căn c`` / ``ứ Nghị định …``, ``Nơi nh`` / ``ận:`` (87 bulk documents, 868 breaks):
    the lines join without a space, and letter-spacing repair leaves the cut syllable to them."""
    assert structure_of(bulk["doc_000079"]).header.issue_place == "Hà Nội"
    assert "\nCăn cứ Nghị định" in normalize_text(bulk["doc_000099"])
    assert normalize_text("Đề nghị phản ánh./.\nNơi nh\nận:\n- Bộ Y tế;") == "Đề nghị phản ánh./.\nNơi nhận:\n- Bộ Y tế;"


def test_a_quotation_opened_straight_and_closed_curly_ends_there(bulk: dict[str, str]) -> None:
    """doc_000507 quotes ``"b) Trong thời hạn … điều chỉnh.”``: its chapters II to V are its own, not quoted."""
    chapters = [s.label for s in structure_of(bulk["doc_000507"]).sections if s.kind == "chuong"]
    assert chapters == [f"Chương {n}" for n in ("I", "II", "III", "IV", "V", "VI", "VII")]


def test_a_straight_quotation_mark_at_a_line_end_closes_the_quotation(bulk: dict[str, str]) -> None:
    """doc_000926's last instruction quotes ``"9. … Vietnam"`` and its points ``a. …`` / ``b. … lessee."``, which the
    line joining puts on one line with three straight marks: the mark at its end closes the quotation, as a curly one
    does, and the decree's own Article 2 after it is read with its two clauses."""
    sections = structure_of(bulk["doc_000926"]).sections
    article = next(s for s in sections if s.label == "Article 2")
    assert [s.label for s in sections if s.parent_id == article.section_id] == ["1", "2"]


def test_a_title_reads_on_over_lines_that_begin_like_the_end_of_a_header(bulk: dict[str, str]) -> None:
    """A title line ending on ``của`` goes on (``…thuộc thẩm quyền của`` / ``Bộ trưởng Bộ Công Thương``); a title line
    that begins like the authority line (``HỘI ĐỒNG NHÂN DÂN CẤP TỈNH, …``) is none when the authority line follows
    it; a type title cut in two (``NGHỊ`` / ``ĐỊNH``) is the type; the national phrase inside a title is kept."""
    repeal = structure_of(bulk["doc_000237"]).header
    assert repeal.title == "Bãi bỏ một số văn bản quy phạm pháp luật thuộc thẩm quyền của Bộ trưởng Bộ Công Thương"
    councils = structure_of(bulk["doc_000072"]).header
    assert councils.title.endswith("HỘI ĐỒNG NHÂN DÂN CẤP TỈNH, CẤP XÃ HOẠT ĐỘNG CHUYÊN TRÁCH")
    insurance = structure_of(bulk["doc_000084"]).header
    assert insurance.doc_type == "Nghị định" and insurance.title.startswith("Quy định chi tiết một số điều")
    quotas = structure_of(bulk["doc_000061"]).header
    assert "giữa Chính phủ nước Cộng hòa Xã hội Chủ nghĩa Việt Nam và Chính phủ Vương quốc Campuchia" in quotas.title


def test_a_property_sheet_title_follows_a_number_printed_with_spaces(bulk: dict[str, str]) -> None:
    """``Văn bản hợp nhất số 8376 /VBHN-BTP Quy định chế độ báo cáo …`` names the consolidated text's title."""
    header = structure_of(bulk["doc_000008"]).header
    assert header.title == "Quy định chế độ báo cáo công tác thi hành pháp luật về xử lý vi phạm hành chính"


def test_an_article_title_web_text_broke_over_lines_is_read_whole(bulk: dict[str, str]) -> None:
    """``Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số`` / ``43/2025/TT-BCT`` / ``ngày 04 tháng 7 …``: a line
    that begins with a figure or in lower case, and is no clause or point, goes on with the title above it."""
    mining = dict(articles_of(structure_of(bulk["doc_000264"])))
    assert mining["Điều 1"].startswith("Sửa đổi, bổ sung một số điều của Thông tư số 43/2025/TT-BCT ngày 04 tháng 7")
    repeal = dict(articles_of(structure_of(bulk["doc_000561"])))
    assert repeal["Điều 1"] == "Bãi bỏ toàn bộ 07 văn bản quy phạm pháp luật"


def test_an_english_translation_has_chapters_and_articles(bulk: dict[str, str]) -> None:
    """doc_000901, an English translation (vbpl.vn "vbpqta" page): ``Chapter II …`` and ``Article 5.
    Responsibilities of security service enterprises`` open parts as ``Chương`` and ``Điều`` do."""
    structure = structure_of(bulk["doc_000901"])
    assert ("Article 5", "Responsibilities of security service enterprises") in articles_of(structure)
    assert any(s.kind == "chuong" and s.label == "Chapter II" for s in structure.sections)
    split = articles_of(structure_of(bulk["doc_000911"]))  # ``Article 7`` / ``.`` / ``Development …`` (21 documents)
    assert ("Article 7", "Development and exploitation of law databases in service of operation of enterprises") in split


def test_a_recipients_list_printed_without_dashes_goes_on_without_them(bulk: dict[str, str]) -> None:
    """doc_000374's page lost the bullets of its Nơi nhận: each item is a line ending in ``;``, a long one wrapped
    (``HĐND, UBND các tỉnh, thành phố trực thuộc`` / ``Trung ượng;``); the list ends at the signature."""
    items = [r.recipient for r in structure_of(bulk["doc_000374"]).recipients]
    assert len(items) == 25 and items[0] == "Ban Bí thư Trung ương Đảng" and items[-1] == "Lưu: VT, UBCK (300b)"
    assert "HĐND, UBND các tỉnh, thành phố trực thuộc Trung ượng" in items


def test_a_wrapped_recipient_keeps_the_mark_its_first_line_ends_with(bulk: dict[str, str]) -> None:
    """A semicolon inside brackets and a comma are inside the item, not its end: ``(Phòng Công báo;`` / ``Cổng
    thông tin …)``, ``Trợ lý TTg,`` / ``Các Vụ: …``."""
    government = [r.recipient for r in dev("src-vbpl-28.txt").recipients]
    assert "Văn phòng Chính phủ (Phòng Công báo; Cổng thông tin điện tử Chính phủ, Vụ CN, KGVX)" in government
    office = [r.recipient for r in structure_of(bulk["doc_000212"]).recipients]
    assert "VPCP: BTCN, PCN Đỗ Ngọc Huỳnh, Trợ lý TTg, Các Vụ: NC, KTTH, PL, TH, TGĐ Cổng TTĐT, Công báo" in office


def test_a_forms_recipients_block_left_to_be_filled_in_is_no_recipient_list() -> None:
    """src-vbpl-26 prints no Nơi nhận of its own; its annex form's (``- Như Điều ....;`` / ``- ..............;``) is
    the form's (25 bulk documents carry such blocks)."""
    assert dev("src-vbpl-26.txt").recipients == []


def test_the_preamble_asks_nothing_past_its_grounds(bulk: dict[str, str]) -> None:
    """The line after the preamble's last ground is the enacting formula, whatever it enacts (bulk doc_000431: ``Bộ
    trưởng Bộ Khoa học và Công nghệ ban hành Thông quy định …``, a word lost; doc_000212: ``Thủ tướng Chính phủ ban
    hành tiêu chí …``; 11 bulk texts enact so with no document type after ``ban hành``), and a ground that web text
    broke over two lines goes on in the next (doc_000476: ``… của`` / ``Chính phủ quy định về phân cấp …``; 558
    lines in 208 bulk texts): neither is a task."""
    for doc_id, opening in [
        ("doc_000431", "Bộ trưởng Bộ Khoa học và Công nghệ ban hành"),
        ("doc_000212", "Thủ tướng Chính phủ ban hành"),
        ("doc_000476", "Chính phủ quy định về phân cấp"),
    ]:
        assert opening in bulk[doc_id]
        assert not [t.text for t in structure_of(bulk[doc_id]).tasks if t.text.startswith(opening)]


def test_an_instruction_without_a_stop_keeps_the_next_article_whose_label_web_text_cut() -> None:
    """``3. Bãi bỏ Quyết định số 12/2020/QĐ-UBND`` / ``Điều 3`` / ``.`` / ``Tổ chức thực hiện``: the bare ``Điều 3`` is
    the next article's label, cut from its stop, not the article the instruction names."""
    text = (
        "Điều 2. Bãi bỏ văn bản\n1. Bãi bỏ khoản 2 Điều 5 Quyết định số 10/2020/QĐ-UBND.\n"
        "2. Bãi bỏ Quyết định số 12/2020/QĐ-UBND\nĐiều 3\n.\nTổ chức thực hiện\n1. Sở Tư pháp hướng dẫn thực hiện.\n"
    )
    articles = [s.label for s in structure_of(text).sections if s.kind == "dieu"]
    assert articles == ["Điều 2", "Điều 3"]


def test_an_instruction_takes_one_article_name_and_leaves_a_label_cut_in_three() -> None:
    """``Sửa đổi khoản 4 của`` / ``Điều 4`` / ``8`` names Điều 48; the ``Điều 1`` / ``0`` / ``.`` after it is the next
    article's label (Điều 10), not a second name."""
    text = "Điều 9. Sửa đổi\n1. Sửa đổi khoản 4 của\nĐiều 4\n8\n“4. Nội dung mới.”\nĐiều 1\n0\n. Hiệu lực thi hành\n"
    lines = [line.stripped for line in join_split_labels(split_lines(text))]
    assert "1. Sửa đổi khoản 4 của Điều 48" in lines and "Điều 10. Hiệu lực thi hành" in lines


def test_the_items_of_a_list_of_powers_are_no_tasks_unless_they_bind(bulk: dict[str, str]) -> None:
    """``Điều 6. Thẩm quyền quyết định cấp, cấp đổi Giấy phép …`` / ``1. Thống đốc Ngân hàng Nhà nước quyết định cấp
    …`` (doc_000457) and ``Điều 15. Thẩm quyền của Quốc hội …`` / ``1. Yêu cầu Ủy ban Thường vụ Quốc hội …``
    (doc_000002) give competences; ``Người nhận được kiến nghị có trách nhiệm xem xét và trả lời …`` in a power
    article of doc_000002 binds, and stays a task."""
    licences = [t.text for t in structure_of(bulk["doc_000457"]).tasks]
    assert not [t for t in licences if t.startswith("1. Thống đốc Ngân hàng Nhà nước quyết định cấp")]
    supervision = [t.text for t in structure_of(bulk["doc_000002"]).tasks]
    assert not [t for t in supervision if t.startswith("1. Yêu cầu Ủy ban Thường vụ Quốc hội")]
    assert [t for t in supervision if "Người nhận được kiến nghị có trách nhiệm xem xét và trả lời" in t]


def test_an_amending_instruction_is_an_amendment_and_no_task(bulk: dict[str, str]) -> None:
    """``1. Thay thế cụm từ “Bộ Nông nghiệp và Phát triển nông thôn” bằng cụm từ “Bộ Nông nghiệp và Môi trường” tại
    khoản 1 …`` (doc_000525) is a row of the amendments table, not a task; a duty that opens with the same verb and
    names no unit (``a) Sửa đổi, bổ sung Điều lệ của tổ chức tài chính vi mô …``, doc_000523) stays a task."""
    amending = structure_of(bulk["doc_000525"])
    assert not [t.text for t in amending.tasks if "Thay thế cụm từ" in t.text]
    assert [a for a in amending.amendments if a.action == "replace"]
    duties = [t.text for t in structure_of(bulk["doc_000523"]).tasks]
    assert [t for t in duties if t.startswith("a) Sửa đổi, bổ sung Điều lệ của tổ chức tài chính vi mô")]


AMENDING_WITH_AN_OPEN_QUOTATION = """BỘ TÀI CHÍNH
Số: 12/2025/TT-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 3 năm 2025
THÔNG TƯ
Sửa đổi, bổ sung một số điều của Thông tư số 10/2020/TT-BTC
Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 10/2020/TT-BTC
1. Sửa đổi, bổ sung Điều 5 như sau:
“Điều 5. Hồ sơ đề nghị cấp giấy phép
1. Đơn đề nghị cấp giấy phép theo Mẫu số 01.
2. Bản sao giấy chứng nhận đăng ký doanh nghiệp.
3. Báo cáo tài chính năm gần nhất.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 5 năm 2025.
Điều 3. Trách nhiệm thi hành
Cục trưởng Cục Quản lý giá chịu trách nhiệm thi hành Thông tư này.
BỘ TRƯỞNG
Nguyễn Văn A
"""


def test_a_quotation_never_closed_ends_before_the_amending_texts_next_article() -> None:
    """The new wording of Điều 5 opens with ``“`` and is never closed: it is quoted up to the circular's own next
    article (``Điều 2. Hiệu lực thi hành``), which stays the circular's, as does what follows it."""
    raw = RawDocument(source_file="doc.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=AMENDING_WITH_AN_OPEN_QUOTATION, text_source=TextSource.PLAIN_TEXT)]
    document = normalize(raw)
    structure = parse(document)
    assert [label for label, _ in articles_of(structure)] == ["Điều 1", "Điều 2", "Điều 3"]
    new_wording = next(a for a in structure.amendments if a.target == "Điều 5")
    quoted = document.text[new_wording.new_text_start : new_wording.new_text_end]
    assert quoted.rstrip().endswith("Báo cáo tài chính năm gần nhất.")
