"""The gazetteer of known bodies (data/organisations.toml): the canonical name of each way texts write a body."""

from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources

import pytest
import spacy

from pipeline.extract.assignments import find_assignments
from pipeline.language.levels import Place
from pipeline.language.names import canonical_name
from pipeline.ocr_correction import Token
from pipeline.vietnamese import is_syllable

BINH_DINH = Place("Bình Định", "tỉnh")


def bodies() -> list[dict]:
    return tomllib.loads(resources.files("pipeline.data").joinpath("organisations.toml").read_text("utf-8"))["bodies"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở GDĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở VHTT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở TNMT", "Sở Tài nguyên và Môi trường"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư"),
        ("Bộ LĐ - TB&XH", "Bộ Lao động - Thương binh và Xã hội"),
        ("Bộ VHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
        ("Bộ Công thương", "Bộ Công Thương"),
        ("VTV", "Đài Truyền hình Việt Nam"),
        ("VOV", "Đài Tiếng nói Việt Nam"),
        ("TTXVN", "Thông tấn xã Việt Nam"),
        ("BHXH Việt Nam", "Bảo hiểm xã hội Việt Nam"),
        ("VCCI", "Phòng Thương mại và Công nghiệp Việt Nam"),
        ("Ban Bí thư", "Ban Bí thư Trung ương Đảng"),
        ("Quân uỷ Trung ương", "Quân ủy Trung ương"),
        ("Uỷ ban Kiểm tra Trung ương", "Ủy ban Kiểm tra Trung ương"),
        ("Toà án nhân dân tối cao", "Tòa án nhân dân tối cao"),
        ("UBTW MTTQ Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
        ("Trung ương Đoàn TNCS Hồ Chí Minh", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
        ("Phòng LĐTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ],
)
def test_short_forms_and_other_spellings_give_the_canonical_name(written: str, canonical: str) -> None:
    assert canonical_name(written, None) == canonical


def test_merged_and_renamed_bodies_keep_their_own_names() -> None:
    """Old documents name the bodies of their time: Bộ Thông tin và Truyền thông is no Bộ Khoa học và Công nghệ."""
    for name in (
        "Bộ Thông tin và Truyền thông", "Bộ Kế hoạch và Đầu tư", "Bộ Tài nguyên và Môi trường",
        "Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương", "Ban Tuyên giáo và Dân vận Trung ương",
        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường",
    ):  # fmt: skip
        assert canonical_name(name, None) == name
    assert canonical_name("Thường trực Tỉnh ủy", None) == "Thường trực Tỉnh ủy"  # not the Ban Thường vụ


def test_local_bodies_take_the_issuers_place() -> None:
    assert canonical_name("Công an tỉnh", BINH_DINH) == "Công an tỉnh Bình Định"
    assert canonical_name("UBKT Tỉnh ủy", BINH_DINH) == "Ủy ban Kiểm tra Tỉnh ủy Bình Định"
    assert canonical_name("Bộ CHQS tỉnh", BINH_DINH) == "Bộ Chỉ huy Quân sự tỉnh Bình Định"
    hcmc = Place("Hồ Chí Minh", "thành phố")
    assert canonical_name("Hội Liên hiệp Phụ nữ Thành phố", hcmc) == "Hội Liên hiệp Phụ nữ thành phố Hồ Chí Minh"
    assert canonical_name("Sở Tư pháp", BINH_DINH) == "Sở Tư pháp"


def test_known_short_forms_are_bodies_of_their_own_in_a_list() -> None:
    found = find_assignments("t1", "Giao VTV, VOV và TTXVN xây dựng chương trình chuyên biệt.", 0, None)
    assert [(a.role, a.assignee, a.assignee_canonical) for a in found] == [
        ("lead", "VTV", "Đài Truyền hình Việt Nam"),
        ("lead", "VOV", "Đài Tiếng nói Việt Nam"),
        ("lead", "TTXVN", "Thông tấn xã Việt Nam"),
    ]


def test_a_known_name_that_a_longer_one_continues_is_not_cut_short() -> None:
    text = "Ủy ban Pháp luật và Tư pháp của Quốc hội chủ trì, phối hợp với Hội đồng Dân tộc thẩm tra dự án luật."
    assert [(a.role, a.assignee) for a in find_assignments("t1", text, 0, None)] == [
        ("lead", "Ủy ban Pháp luật và Tư pháp của Quốc hội"),
        ("support", "Hội đồng Dân tộc"),
    ]


def test_a_list_of_kinds_in_lower_case_stays_one_subject() -> None:
    text = "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy chủ trì tổ chức quán triệt."
    assert [a.assignee for a in find_assignments("t1", text, 0, BINH_DINH)] == [
        "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"
    ]


def test_every_way_of_writing_names_one_body() -> None:
    nlp = spacy.blank("xx")
    owner: dict[tuple[str, ...], str] = {}
    for body in bodies():
        for written in [body["name"], *body.get("aliases", [])]:
            assert unicodedata.normalize("NFC", written) == written
            key = tuple(t.lower_ for t in nlp.make_doc(written))
            assert owner.setdefault(key, body["name"]) == body["name"], f"{written!r} names two bodies"


def test_names_are_well_spelled_for_the_ocr_vocabulary() -> None:
    for body in bodies():
        for written in [body["name"], *body.get("aliases", [])]:
            words = [Token.of(w).core for w in written.split()]
            assert all(is_syllable(w) for w in words if Token.of(w).is_word), written
