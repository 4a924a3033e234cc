"""Closing blocks as the national legal database prints them: who signed, on whose authority, and whom the text is
sent to, read from real texts of the bulk corpus."""

from __future__ import annotations

from pipeline.structure import Structure
from tests.test_structure import structure_of


def signed(structure: Structure) -> tuple[str | None, str | None, str | None]:
    signature = structure.signature
    return signature.signing_authority, signature.signer_title, signature.signer_name


def test_a_heads_title_over_a_deputys_is_the_authority_though_its_kt_was_lost(bulk: dict[str, str]) -> None:
    """``THỐNG ĐỐC`` / ``PHÓ THỐNG ĐỐC`` / ``(Đã ký)`` / name at the end of a State Bank circular (5 bulk texts)."""
    assert signed(structure_of(bulk["doc_000290"])) == ("THỐNG ĐỐC", "PHÓ THỐNG ĐỐC", "Phạm Thanh Hà")
    assert signed(structure_of(bulk["doc_000087"])) == ("THỐNG ĐỐC", "PHÓ THỐNG ĐỐC", "Đoàn Thái Sơn")


def test_a_minister_signing_alone_has_no_authority() -> None:
    """The line over a title is the authority only when the title is its deputy's."""
    text = "THÔNG TƯ\nvề việc thử\nĐiều 1. Phạm vi\nThông tư này áp dụng.\nCỤC KIỂM TRA\nBỘ TRƯỞNG\n(Đã ký)\nNguyễn Văn An\n"
    assert signed(structure_of(text)) == (None, "BỘ TRƯỞNG", "Nguyễn Văn An")


def test_a_title_qualified_on_the_next_line_keeps_its_signer(bulk: dict[str, str]) -> None:
    """``KT. BỘ TRƯỞNG`` / ``THỨ TRƯỞNG`` / ``THƯỜNG TRỰC`` / ``(Đã ký)`` / name (doc_000164, doc_000578)."""
    assert signed(structure_of(bulk["doc_000164"])) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG THƯỜNG TRỰC", "Vũ Mạnh Hà")


def test_a_prefix_alone_on_a_line_of_a_formula_opens_no_signature(bulk: dict[str, str]) -> None:
    """``TL`` / ``CN`` / ``= 1,0 X DM`` (a formula's term), ``TL`` / ``qđ`` (a table's cell) in the body: no
    authority; the signature is the one at the end of the text (doc_000316, doc_000098, doc_000609)."""
    assert signed(structure_of(bulk["doc_000316"])) == (None, "BỘ TRƯỞNG", "Nguyễn Mạnh Hùng")
    assert signed(structure_of(bulk["doc_000098"])) == ("TM. CHÍNH PHỦ KT.THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà")
    assert signed(structure_of(bulk["doc_000461"])) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Thị Phương Hoa")


def test_an_m_over_a_signature_is_the_tm_a_seal_cut(bulk: dict[str, str]) -> None:
    """A seal across ``TM. CHÍNH PHỦ`` leaves ``M. CHÍNH PHỦ``: no bulk line opens with ``M.``, and ``TM.`` is the one
    prefix ending so; a body line ``M. …`` with no signature below stays no authority."""
    sealed = bulk["doc_000098"].replace("TM. CHÍNH PHỦ", "M. CHÍNH PHỦ")
    assert "M. CHÍNH PHỦ" in sealed and "TM. CHÍNH PHỦ" not in sealed
    assert signed(structure_of(sealed)) == ("TM. CHÍNH PHỦ KT.THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Hồng Hà")
    text = "THÔNG TƯ\nvề việc thử\nĐiều 1. Phạm vi\nM. CHÍNH PHỦ\nThông tư này áp dụng.\nBỘ TRƯỞNG\n(Đã ký)\nNguyễn Văn An\n"
    assert signed(structure_of(text)) == (None, "BỘ TRƯỞNG", "Nguyễn Văn An")


def test_a_signature_printed_before_the_annexes_is_found_without_recipients(bulk: dict[str, str]) -> None:
    """A resolution of the National Assembly (no Nơi nhận) signed before its annexes (doc_000347, doc_000585)."""
    assert signed(structure_of(bulk["doc_000347"])) == (None, "CHỦ TỊCH QUỐC HỘI", "Trần Thanh Mẫn")
    assert signed(structure_of(bulk["doc_000585"])) == (None, "BỘ TRƯỞNG", "Nguyễn Văn Hùng")


def test_a_recipients_list_printed_after_the_signature_beside_its_label_is_read(bulk: dict[str, str]) -> None:
    """``Nơi nhận:`` / ``BỘ TRƯỞNG`` / ``(Đã ký)`` / name / ``- Văn phòng Tổng bí thư;`` …: the two columns of the
    closing table read one after the other (doc_000415, doc_000337)."""
    structure = structure_of(bulk["doc_000415"])
    names = [r.recipient for r in structure.recipients]
    assert names[0] == "Văn phòng Tổng bí thư" and names[-1] == "Lưu: VT, TTTK" and len(names) == 12
    assert signed(structure) == (None, "BỘ TRƯỞNG", "Nguyễn Mạnh Hùng")


def test_an_authority_printed_one_word_a_line_is_one_authority(bulk: dict[str, str]) -> None:
    """``KT.`` / ``BỘ`` / ``TRƯỞNG`` / ``THỨ TRƯỞNG`` / ``(Đã ký)`` / name (doc_000498): the words join as the issuer
    block's do (``BỘ`` / ``TÀI`` / ``CHÍNH``); a word under a complete title is not the authority's (``KT. CHỦ TỊCH``
    / ``TƯ`` a seal left)."""
    assert signed(structure_of(bulk["doc_000498"])) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Hoàng Hiệp")
    text = "QUYẾT ĐỊNH\nvề việc thử\nĐiều 1. Phạm vi\nQuyết định này áp dụng.\nKT. CHỦ TỊCH\nTƯ\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    assert signed(structure_of(text))[0] == "KT. CHỦ TỊCH"


def test_the_body_printed_under_a_joint_blocks_authority_is_the_authoritys(bulk: dict[str, str]) -> None:
    """``KT. BỘ TRƯỞNG`` / ``BỘ CÔNG AN`` / ``THỨ TRƯỞNG`` / ``(Đã ký)`` / name, the first of a joint circular's six
    blocks (doc_000192: the first block printed is the document's, README)."""
    assert signed(structure_of(bulk["doc_000192"])) == ("KT. BỘ TRƯỞNG BỘ CÔNG AN", "THỨ TRƯỞNG", "Lê Quốc Hùng")


def test_a_signers_name_cut_after_its_surname_is_one_name(bulk: dict[str, str]) -> None:
    """``KT. BỘ TRƯỞNG`` / ``THỨ TRƯỞNG`` / ``(Đã ký)`` / ``Trần`` / ``Quốc Phương`` (doc_000213)."""
    assert signed(structure_of(bulk["doc_000213"])) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trần Quốc Phương")


def test_a_scans_recipients_whose_label_a_seal_took_or_specked_and_an_item_going_on_in_lower_case() -> None:
    """Held out 10's captures: ``Nơi nhận:`` read ``R“ nh,`` / ``T`` under a seal (its dash items, the archive's last,
    stand right above the signature: the block, on a scan only); read ``.Nơi nhận:`` (a speck); an item ended by
    ``;`` whose next line opens in lower case goes on (``- Bộ KH&CN: Bộ trưởng, các Thứ trưởng;`` / ``các cơ quan,
    đơn vị trực thuộc, Cổng`` / ``TTĐT;``: no bulk text breaks an item so)."""
    from pipeline.structure.closing import recipients
    from pipeline.structure.signing import signature
    from pipeline.structure.lines import join_split_labels, split_lines

    def read(text: str, scanned: bool) -> list[str]:
        lines = join_split_labels(split_lines(text))
        near = min(signature(lines, 0, None).lines)
        return [r.recipient for r in recipients(lines, 0, near, scanned)[0]]

    lost = ("chịu trách nhiệm thi hành Nghị định này.\nR“ nh,\nT\n- Ban Bí thư Trung ương Đảng;\n- Văn phòng Quốc hội;\n"
            "- VPCP: BTCN, các PCN,\nCông báo;\n- Lưu: VT, KGVX (2b).\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n"
            "Phạm Thị Thanh Trà\n")
    assert read(lost, scanned=True) == ["Ban Bí thư Trung ương Đảng", "Văn phòng Quốc hội",
                                         "VPCP: BTCN, các PCN, Công báo", "Lưu: VT, KGVX (2b)"]  # fmt: skip
    assert read(lost, scanned=False) == []
    specked = "thi hành Thông tư này./.\n.Nơi nhận:\n- Văn phòng Quốc hội;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Công Thành\n"
    assert read(specked, scanned=False) == ["Văn phòng Quốc hội", "Lưu: VT"]
    going_on = ("giải quyết./.\nNơi nhận:\n- Bộ KH&CN: Bộ trưởng, các Thứ trưởng;\ncác cơ quan, đơn vị trực thuộc, Cổng\n"
                "TTĐT;\n- Lưu: VT, CĐSQG (02).\nBỘ TRƯỞNG\nNguyễn Mạnh Hùng\n")
    assert read(going_on, scanned=False) == [
        "Bộ KH&CN: Bộ trưởng, các Thứ trưởng; các cơ quan, đơn vị trực thuộc, Cổng TTĐT", "Lưu: VT, CĐSQG (02)"]
