"""Headers of every layout the corpus prints: what the issue lists (a number or a date cut over lines, an
issuer's head named under the title, a third party's title line above the header, a national line misprinted, a
property sheet's value cut at its hyphen), each read from a real document."""

from __future__ import annotations

from pipeline.document_types import is_joint, symbol_codes
from tests.test_structure import dev, structure_of


def test_a_number_web_text_cut_over_lines_gives_its_type_and_number(bulk: dict[str, str]) -> None:
    """``Số:`` / ``70`` / ``/2025/TT-NHNN`` (6 bulk documents cut the number so), and one cut inside its year too
    (``18`` / ``/202`` / ``5`` / ``/TT-BVHTTDL``)."""
    bank = structure_of(bulk["doc_000306"]).header
    assert (bank.doc_type, bank.number_symbol, bank.issuer) == ("Thông tư", "70/2025/TT-NHNN", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM")
    culture = structure_of(bulk["doc_000561"]).header
    assert (culture.number_symbol, culture.year, culture.issue_date) == ("18/2025/TT-BVHTTDL", 2025, "2025-12-11")


def test_a_comma_web_text_gave_a_line_of_its_own_ends_the_phrase_above_it(bulk: dict[str, str]) -> None:
    """``Bộ Văn hóa`` / ``, Thể thao và Du lịch`` is one title without a space before the comma; ``Hà Nội`` / ``,``
    / ``ngày`` / ``10`` … is one place-date line (143 bulk documents start lines with a comma or semicolon)."""
    culture = structure_of(bulk["doc_000561"]).header
    assert culture.title.endswith("thuộc thẩm quyền của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")
    foreign = structure_of(bulk["doc_000274"]).header
    assert (foreign.issue_place, foreign.issue_date) == ("Hà Nội", "2025-12-10")
    assert foreign.title.startswith("Bãi bỏ Thông tư liên tịch số 01/2001/")


def test_the_head_of_the_issuer_named_under_the_title_is_neither_issuer_nor_title() -> None:
    """A chairman's decision prints ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN`` under its title: the issuer is the
    body of the issuer block, the title ends above that line."""
    header = dev("src-congbot-14.txt").header
    assert header.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"
    assert header.title.endswith("CỦA NGÀNH TƯ PHÁP TRÊN ĐỊA BÀN TỈNH")
    assert dev("src-congbot-02.txt").header.title == "BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023"


def test_a_title_line_a_third_party_put_above_the_header_is_not_the_title() -> None:
    """src-congbot-14 opens with ``# Thực hiện chế độ bảo hiểm y tế …`` (another document's title, added by the
    transcriber) above the header: the title is the line under the type."""
    header = dev("src-congbot-14.txt").header
    assert (header.doc_type, header.number_symbol) == ("Quyết định", "1766/QĐ-UBND")
    assert header.title.startswith("VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH")


def test_a_national_line_printed_with_a_slip_is_no_issuer(bulk: dict[str, str]) -> None:
    """``CỘNG HOÀ XÃ HỘI CHỦ NCHĨA VIỆT NAM`` (doc_000133) is the national line: the issuer is the body above it."""
    header = structure_of(bulk["doc_000133"]).header
    assert (header.issuer, header.issuer_parent) == ("THANH TRA CHÍNH PHỦ", None)


def test_a_property_sheet_value_cut_at_its_hyphen_keeps_its_own_line(bulk: dict[str, str]) -> None:
    """``Số hiệu`` / ``10/VBHN-`` / ``Loại văn bản``: the label after the hyphen starts its own field, and the page
    heading ``Văn bản hợp nhất số 10/VBHN-Quy định …`` gives the title."""
    header = structure_of(bulk["doc_000667"]).header
    assert (header.doc_type, header.number_symbol, header.issuer) == ("Văn bản hợp nhất", "10/VBHN", "Bộ Tài chính")
    assert header.title.startswith("Quy định thủ tục hải quan và quản lý xe ô tô")


def test_a_drafts_number_and_date_left_blank_end_no_header(bulk: dict[str, str]) -> None:
    """A draft prints ``Số:     /2024/TT-BGDĐT`` and ``Hà Nội, ngày   tháng  năm  2024`` (doc_000590, doc_000357):
    the number line is no issuer line and the blank date no body; type, title and place are read."""
    draft = structure_of(bulk["doc_000590"]).header
    assert (draft.issuer, draft.doc_type, draft.number_symbol, draft.issue_place) == (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Thông tư", None, "Hà Nội",
    )  # fmt: skip
    assert draft.title == "Ban hành Quy chế thi tốt nghiệp trung học phổ thông"


def test_an_issuer_that_is_a_heads_office_is_one_issuer_over_its_lines() -> None:
    """A chairman's own directive heads its page ``CHỦ TỊCH`` / ``ỦY BAN NHÂN DÂN TỈNH …`` or ``CHỦ TỊCH ỦY BAN NHÂN
    DÂN`` / ``TỈNH …`` (the independent evaluation's provincial texts; no corpus text prints it): the issuer is the
    office, with no parent; a body under its ministry keeps the ministry as parent."""
    tail = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/CT-CT\nBắc Ninh, ngày 05 tháng 3 năm 2025\nCHỈ THỊ\nVề việc thử\nCăn cứ Luật.\n"
    for issuer_block in ("CHỦ TỊCH\nỦY BAN NHÂN DÂN TỈNH BẮC NINH\n", "CHỦ TỊCH ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n"):
        header = structure_of(issuer_block + tail).header
        assert (header.issuer, header.issuer_parent) == ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH", None)
    header = structure_of("BỘ TÀI CHÍNH\nCỤC THUẾ\n" + tail).header
    assert (header.issuer, header.issuer_parent) == ("CỤC THUẾ", "BỘ TÀI CHÍNH")


def test_a_joint_documents_issuer_is_each_body_its_symbol_names(bulk: dict[str, str]) -> None:
    """A joint resolution whose three columns web text cut into four lines (``ỦY BAN THƯỜNG VỤ QUỐC HỘI`` / ``CHÍNH
    PHỦ - ĐOÀN CHỦ TỊCH`` / ``ỦY BAN TRUNG ƯƠNG`` / ``MẶT TRẬN TỔ QUỐC VIỆT NAM``, symbol ``NQLT-UBTVQH15-CP-
    ĐCTUBTWMTQVN``: doc_000619) and a joint circular printing its six bodies on one line (doc_000192)."""
    resolution = structure_of(bulk["doc_000619"]).header
    assert resolution.issuer == (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI - CHÍNH PHỦ - ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM"
    )
    assert resolution.issuer_parent is None
    circular = structure_of(bulk["doc_000192"]).header
    assert circular.issuer.split(" - ")[:2] == ["BỘ TƯ PHÁP", "BỘ CÔNG AN"] and circular.issuer_parent is None


def test_each_body_of_a_joint_document_is_an_issuer_with_the_signature_printed_for_it(bulk: dict[str, str]) -> None:
    """The six blocks that close the joint circular doc_000192 (``KT. BỘ TRƯỞNG`` / ``BỘ CÔNG AN`` / ``THỨ TRƯỞNG`` /
    name, …, ``KT. CHÁNH ÁN TÒA ÁN`` / ``NHÂN DÂN TỐI CAO`` / ``PHÓ CHÁNH ÁN``) each sign for the body they name,
    whatever their order; the joint resolution doc_000619 abbreviates its third body in its block (``UB TW``)."""
    circular = structure_of(bulk["doc_000192"]).issuers
    assert [(i.position, i.issuer, i.signer_name) for i in circular] == [
        (1, "BỘ TƯ PHÁP", "Nguyễn Thanh Ngọc"), (2, "BỘ CÔNG AN", "Lê Quốc Hùng"),
        (3, "BỘ QUỐC PHÒNG", "Võ Minh Lương"), (4, "BỘ TÀI CHÍNH", "Đỗ Thành Trung"),
        (5, "TÒA ÁN NHÂN DÂN TỐI CAO", "Nguyễn Văn Tiến"), (6, "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO", "Hồ Đức Anh"),
    ]  # fmt: skip
    assert circular[4].signer_title == "PHÓ CHÁNH ÁN"
    resolution = structure_of(bulk["doc_000619"]).issuers
    assert [(i.signer_title, i.signer_name) for i in resolution] == [
        ("CHỦ TỊCH", "Trần Thanh Mẫn"), ("THỦ TƯỚNG", "Phạm Minh Chính"), ("CHỦ TỊCH", "Đỗ Văn Chiến"),
    ]
    single = structure_of(bulk["doc_000342"])
    assert [(i.issuer, i.signer_name) for i in single.issuers] == [("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Trần Đức Thắng")]


def test_an_english_translations_header_ends_at_its_preamble_or_its_first_chapter(bulk: dict[str, str]) -> None:
    """``LABOR CODE`` / ``Pursuant to …`` / ``Chapter I`` (no type title line read: doc_000768) and ``JOINT CIRCULAR``
    / its title / ``For the correct and consistent application …`` (doc_000864): the chapter and the article after
    them are the body's, not the header's."""
    code = structure_of(bulk["doc_000768"])
    assert code.header.issuer != "GENERAL PROVISIONS"
    assert [s.label for s in code.sections[:2]] == ["Chapter I", "Article 1"]
    circular = structure_of(bulk["doc_000864"])
    assert circular.header.title == (
        "Guiding the penal liability examination against persons who commit acts of human trafficking; trading in, "
        "fraudulently exchanging or appropriating children"
    )
    assert [s.label for s in circular.sections[:2]] == ["Chapter I", "Article 1"]


def test_an_english_code_title_is_a_codes_type_and_title_not_its_issuer(bulk: dict[str, str]) -> None:
    """``LABOR CODE`` (doc_000768, the Bộ luật Lao động's translation) names the document as ``BỘ LUẬT LAO ĐỘNG`` does:
    a Bộ luật, titled so; no body issues it on that line (the issuer was read as ``LABOR CODE``)."""
    header = structure_of(bulk["doc_000768"]).header
    assert (header.doc_type, header.title, header.issuer) == ("Bộ luật", "LABOR CODE", None)


def test_a_rule_under_the_title_ends_it_as_a_blank_line_does() -> None:
    """A rule drawn under the title (``________``, kept by the normaliser) delimits the header: what follows it, even
    in lower case, is no title line."""
    text = (
        "BỘ Y TẾ\n____\nSố: 1/2025/TT-BYT\nHà Nội, ngày 1 tháng 2 năm 2025\nTHÔNG TƯ\nQuy định về việc thử\n________\n"
        "năm 2025 hướng dẫn\nĐiều 1. Phạm vi"
    )
    assert structure_of(text).header.title == "Quy định về việc thử"


def test_a_joint_symbol_is_told_by_its_type_code_before_a_dash_or_a_slash() -> None:
    """One reading of a symbol's codes for the header's co-issuers and the citations' joint issuers alike."""
    assert is_joint("TTLT-BTC-BTP") and is_joint("TTLT/BTC-BNV") and not is_joint("TT-BTC")
    assert symbol_codes("TTLT/BTP-BCA") == ["TTLT", "BTP", "BCA"]


def test_a_scan_reads_its_header_past_lines_a_seal_garbled_and_the_type_code_its_title_names() -> None:
    """Held out 10's captures: the motto or the place-date line a seal garbled (``ức lận - TRđo - Hạnh phúc``) stands
    between the number and the type title, and ends no header of a scan when the type title follows it; a figure
    read in the symbol's type code (``T1-BNNMT`` under ``THÔNG TƯ``) is the code the title names. Not in a text."""
    from pipeline.structure.header import parse_header
    from pipeline.structure.lines import join_split_labels, split_lines

    text = ("CHÍNH PHỦ\nSố: 330/2025/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nức lận - TRđo - Hạnh phúc\n"
            "Hà Nội, ngày 18 tháng 12 năm 2025\nNGHỊ ĐỊNH\nVỀ THÀNH LẬP SỞ GIAO DỊCH\nTẠI VIỆT NAM\n_\nCăn cứ Luật;\n")
    lines = join_split_labels(split_lines(text))
    assert parse_header(lines, scanned=True).title == "VỀ THÀNH LẬP SỞ GIAO DỊCH TẠI VIỆT NAM"
    assert parse_header(lines).title is None
    symbol = "BỘ XÂY DỰNG\nSố: 92/2025/T1-BXD\nHà Nội, ngày 31 tháng 12 năm 2025\nTHÔNG TƯ\nQuy định\nCăn cứ Luật;\n"
    lines = join_split_labels(split_lines(symbol))
    assert parse_header(lines, scanned=True).number_symbol == "92/2025/TT-BXD"
    assert parse_header(lines).number_symbol == "92/2025/T1-BXD"
