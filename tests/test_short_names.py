"""Short names a text defines for a body (pipeline.language.short_names), read in bulk corpus documents (never a
check-set document): a subject that is a defined short name is written with the full name, as the gold README says."""

from __future__ import annotations

from pipeline.language.short_names import defined_short_names, expanded


def definitions(text: str) -> dict[str, str]:
    return {d.short: d.full for d in defined_short_names(text)}


def test_a_short_name_stands_for_the_body_named_before_its_bracket(bulk: dict[str, str]) -> None:
    # bulk doc_000075 (the bulk3 gold writes Thanh tra Công an tỉnh, thành phố trực thuộc trung ương in full)
    defined = definitions(bulk["doc_000075"])
    assert defined["Thanh tra Bộ"] == "Thanh tra Bộ Công an"
    assert defined["Thanh tra Công an tỉnh"] == "Thanh tra Công an tỉnh, thành phố trực thuộc trung ương"
    # bulk doc_000066: a title, and an office named by its kind
    defined = definitions(bulk["doc_000066"])
    assert defined["Bộ trưởng"] == "Bộ trưởng Bộ Ngoại giao"
    assert defined["Cơ quan đại diện"] == "Cơ quan đại diện Việt Nam ở nước ngoài"
    # bulk doc_000352: a known body's name defined as the short name of its whole name (the gold README)
    assert definitions(bulk["doc_000352"])["Ngân hàng Nhà nước"] == "Ngân hàng Nhà nước Việt Nam"


def test_a_group_or_level_name_or_a_parent_is_no_short_name_to_expand(bulk: dict[str, str]) -> None:
    # bulk doc_000171: a group name over a list (gọi chung là) is kept as printed (the gold README, bulk4)
    assert "Công an đơn vị, địa phương" not in definitions(bulk["doc_000171"])
    # bulk doc_000057: a level's name (viết gọn là Ủy ban nhân dân cấp tỉnh) is a name of its own, written as printed
    assert "Ủy ban nhân dân cấp tỉnh" not in definitions(bulk["doc_000057"])
    # bulk doc_000226: the full name only adds the body the short one belongs to (… thuộc …)
    assert "Trung tâm trọng tài quốc tế" not in definitions(bulk["doc_000226"])


def test_a_subject_is_written_in_full_only_after_its_definition() -> None:
    text = "Thanh tra Bộ Công an (sau đây gọi tắt là Thanh tra Bộ) có trách nhiệm kiểm tra."
    defined = defined_short_names(text)
    assert expanded("Thanh tra Bộ", len(text), defined) == "Thanh tra Bộ Công an"
    assert expanded("Thanh tra Bộ", 0, defined) == "Thanh tra Bộ"
    assert expanded("Thanh tra Bộ Quốc phòng", len(text), defined) == "Thanh tra Bộ Quốc phòng"


def test_an_acronym_is_written_in_full_where_it_names_the_body(bulk: dict[str, str]) -> None:
    # bulk doc_000147 (Kho bạc Nhà nước (sau đây viết tắt là KBNN)): the bulk4 gold writes Giám đốc Kho bạc Nhà nước,
    # Kho bạc Nhà nước nơi giao dịch, and keeps Các đơn vị KBNN as printed
    defined = defined_short_names(bulk["doc_000147"])
    at = len(bulk["doc_000147"])
    assert expanded("KBNN", at, defined) == "Kho bạc Nhà nước"
    assert expanded("Giám đốc KBNN", at, defined) == "Giám đốc Kho bạc Nhà nước"
    assert expanded("KBNN nơi giao dịch", at, defined) == "Kho bạc Nhà nước nơi giao dịch"
    assert expanded("Các đơn vị KBNN", at, defined) == "Các đơn vị KBNN"
    # an acronym of a thing names no body (ngân sách nhà nước (sau đây viết tắt là NSNN))
    assert "NSNN" not in definitions(bulk["doc_000147"])
