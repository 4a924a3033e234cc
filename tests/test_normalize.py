"""Normalize: one NFC text with page offsets, repaired the way OCR and PDF conversion damage Vietnamese text."""

from __future__ import annotations

import re
import unicodedata

import pytest

from pipeline.model import PageText, RawDocument, TextSource
from pipeline.normalize import clean_page, drop_running_lines, normalize
from tests.conftest import DEV


def document(*pages: str) -> RawDocument:
    raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=i + 1, text=t, text_source=TextSource.PLAIN_TEXT) for i, t in enumerate(pages)]
    return raw


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (unicodedata.normalize("NFD", "Quyết định"), "Quyết định"),
        ("Ủy\u00a0ban\u202fnhân dân", "Ủy ban nhân dân"),
        ("B Ộ LAO ĐỘNG - THƯƠNG BINH", "BỘ LAO ĐỘNG - THƯƠNG BINH"),
        ("V Ă N B Ả N", "VĂN BẢN"),
        ("Số: 1351/QĐ - UBND", "Số: 1351/QĐ-UBND"),
        ("Chỉ thị số 12 - CT/TW", "Chỉ thị số 12-CT/TW"),
        ("Số: 45/Q\u00d0-UBND", "Số: 45/QĐ-UBND"),
        ("phối hợp với các sở, ban,\nngành liên quan", "phối hợp với các sở, ban, ngành liên quan"),
        ("Căn cứ Luật ngày 18 tháng 02 năm\n2025;", "Căn cứ Luật ngày 18 tháng 02 năm 2025;"),
        ("Ban Tuyên giáo chủ-\ntrì", "Ban Tuyên giáo chủ trì"),
        ("nghiê-\nm túc", "nghiêm túc"),
        ("tổ chức   thực  hiện  ", "tổ chức thực hiện"),
    ],
    ids=[
        "nfc", "no-break-spaces", "letter-spaced", "letter-spaced-two-words", "symbol-spacing", "party-symbol-spacing",
        "icelandic-eth", "line-join", "date-line-join", "hyphen-between-syllables", "hyphen-inside-syllable",
        "spaces",
    ],
)  # fmt: skip
def test_page_text_is_repaired(raw: str, clean: str) -> None:
    assert clean_page(raw) == clean


@pytest.mark.parametrize(
    "text",
    ["I - MỤC ĐÍCH, YÊU CẦU\n1. Mục đích", "- Sở Tài chính;\n- Sở Nội vụ;", "KẾ HOẠCH\nthực hiện Chỉ thị A B"],
)
def test_structure_is_not_damaged(text: str) -> None:
    assert clean_page(text) == text


def test_pages_are_character_ranges_of_one_text() -> None:
    doc = normalize(document("Trang một", "Trang hai", "Trang ba"))
    assert doc.text == "Trang một\n\nTrang hai\n\nTrang ba"
    assert [doc.page_at(doc.text.index(word)) for word in ("một", "hai", "ba")] == [1, 2, 3]
    assert doc.page_text(2) == "Trang hai\n\n"


def test_running_headers_and_page_numbers_are_dropped() -> None:
    body = ["Căn cứ Luật", "Điều 1. Phạm vi", "Điều 2. Đối tượng", "Điều 3. Giải thích", "Điều 4. Hiệu lực"]
    pages = [f"CÔNG BÁO/Số 1583 + 1584/Ngày 17-11-2025\n\n{n}\n\n{line}" for n, line in enumerate(body, 2)]
    assert drop_running_lines(pages) == body


def test_cong_bao_text_loses_its_running_headers_but_not_its_content() -> None:
    raw = (DEV / "src-pdfvp-02.txt").read_text(encoding="utf-8").split("\f")
    doc = normalize(document(*raw))
    assert "CÔNG BÁO/Số" not in doc.text
    assert doc.text.count("Điều ") >= 70
    assert unicodedata.is_normalized("NFC", doc.text)


def test_markdown_table_rows_stay_one_line_each() -> None:
    """A table whose rows end with an empty cell (``… | Thông tư … |  |``) is no wrapped text: each of its
    procedures keeps its own line, its time limit (``Trong ngày …``, ``Không quá 02 ngày``) in its own row."""
    text = normalize(document((DEV / "src-congbot-14.txt").read_text(encoding="utf-8"))).text
    rows = [line for line in text.split("\n") if line.startswith(("1 | 2.000815", "2 | 2.000843", "3 | 2.000884"))]
    assert len(rows) == 3
    assert all(len(re.findall(r"\| \d\.\d{6} \|", row)) == 1 for row in rows)  # one procedure code a row


@pytest.mark.parametrize(
    ("doc_id", "cut", "whole"),
    [
        ("doc_000116", "Tr\nầ\nn Thanh M\nẫ\nn", "Trần Thanh Mẫn"),  # the signer, cut on both sides of a vowel
        ("doc_000545", "TỔ CHỨC THỰC HI\nỆ\nN", "TỔ CHỨC THỰC HIỆN"),  # a chapter title in capitals
        ("doc_000099", "Căn c\nứ\n", "Căn cứ"),  # the letters before it need the vowel to be a syllable
        ("doc_000328", "phát tri\nể\nn năng lư\nợ\nng", "phát triển năng lượng"),
    ],
)
def test_a_vowel_a_web_page_put_on_its_own_line_joins_its_syllable(
    bulk: dict[str, str], doc_id: str, cut: str, whole: str
) -> None:
    assert cut in unicodedata.normalize("NFC", bulk[doc_id])
    assert whole in clean_page(bulk[doc_id])


@pytest.mark.parametrize(
    ("doc_id", "cut", "whole"),
    [
        ("doc_000274", "số 78/\n2025/\nNĐ-CP ngày", "số 78/2025/NĐ-CP ngày"),  # a citation cut after each slash
        ("doc_000274", "số 01/2001/\nTTLT/\nBNG-TCBĐ của", "số 01/2001/TTLT/BNG-TCBĐ của"),  # in a title, words after it
        ("doc_000192", "số 1\n0\n/2018/TTLT/", "số 10/2018/TTLT/"),  # inside the number itself
        ("doc_000616", "Số: 2\n95\n/2025/NĐ-CP", "Số: 295/2025/NĐ-CP"),  # the document's own number
        ("doc_000116", "120\n/202\n5\n/QH1\n5\n", "120/2025/QH15\n"),  # a law's, its term's figure last
        ("doc_000298", "90\n/20\n25\n/TT-BNNM\nT\n", "90/2025/TT-BNNMT\n"),  # the symbol's last capital alone
    ],
)
def test_a_number_symbol_cut_over_lines_is_put_back_on_one(bulk: dict[str, str], doc_id: str, cut: str, whole: str) -> None:
    """43 bulk texts cut a number-symbol over lines at 67 places (web text: one HTML text node a line); the header,
    the sections, the tasks and the citations all read it whole."""
    assert cut in unicodedata.normalize("NFC", bulk[doc_id]).replace("\xa0", " ")
    assert whole in clean_page(bulk[doc_id])


@pytest.mark.parametrize(
    "text",
    [
        "Mẫu số 06\n58\n/\n2025\n/TT-BKHCN",  # a form's number above the text's it comes with (doc_000507): 58/2025/…
        "Tháng 01- 02/\nII.\nTrình Quốc hội",  # a span of months, then a heading (doc_000032)
        "0\n-136 +0,55 (θ-5) dB",  # a table's figures (doc_000222)
        "Điều 1\n0\n. Nhiệm vụ",  # an article's label: joined by the structure's label pieces
    ],
)
def test_numbers_that_only_stand_on_neighbouring_lines_stay_apart(text: str) -> None:
    assert clean_page(text).split("\n")[0] == text.split("\n")[0]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("thép không gỉ ở dạng thỏi\nKẽm\nở\ndạng tấm", "Kẽm ở dạng tấm"),  # ở is a word: a space, not a join
        ("Trong đó:\n- V\ni\n: Lượng nước", "- V\ni\n: Lượng nước"),  # a formula's subscript is no syllable's end
        ("Đơn v\nị\nT\nổng số", "Đơn vị"),  # vị / T: a capital begins the next word (vịt is no join)
    ],
)
def test_a_lone_letter_that_is_a_word_or_a_subscript_is_not_glued(text: str, kept: str) -> None:
    repaired = clean_page(text)
    assert kept in repaired and "vịT" not in repaired


@pytest.mark.parametrize(
    ("doc_id", "whole"),
    [
        ("doc_000018", "cơ cấu tổ chức của Bộ Công an được sửa đổi"),  # a known body's name across the break
        ("doc_000142", "của Bộ trưởng Bộ Tài chính quy định"),  # a head's title, then the body it heads
        ("doc_000463", "Điều 21. Trách nhiệm của Giám đốc Ngân hàng Nhà nước Khu vực\n1. Lãnh đạo"),
    ],
)
def test_a_line_broken_inside_a_body_name_joins_the_next(bulk: dict[str, str], doc_id: str, whole: str) -> None:
    assert whole in clean_page(bulk[doc_id])


@pytest.mark.parametrize(
    "text",
    [
        "2. Ủy ban nhân dân huyện xây dựng kế hoạch thực hiện, trình Ban\nThường vụ Huyện ủy trước ngày 10/12/2024;",
    ],
)
def test_a_photo_line_broken_inside_a_body_name_joins_the_next(text: str) -> None:
    """tb-128: OCR broke an item before the capital of ``Thường vụ``, inside ``Ban Thường vụ Huyện ủy``."""
    assert clean_page(text) == text.replace("\n", " ")


@pytest.mark.parametrize(
    ("doc_id", "kept"),
    [
        ("doc_000332", "thuộc quyền quản lý của Bộ\nViệc công nhận"),  # Bộ stands alone: a heading, then its sentence
        ("doc_000415", "Hội đồng\nChủ tịch Hội đồng\n"),  # a table's cells: a body, then a title in it
    ],
)
def test_a_capital_after_a_name_that_is_whole_opens_a_new_line(bulk: dict[str, str], doc_id: str, kept: str) -> None:
    assert kept in clean_page(bulk[doc_id])


def test_a_rule_of_underscores_stays_a_line_of_its_own(bulk: dict[str, str]) -> None:
    """doc_000507 draws ``______`` under its issuer, its national lines, its title and an annex's note: plain text,
    no Markdown emphasis, so the rules stay (131 bulk texts print them), and no line joins one (the title above the
    last stays whole, though the text is cut at the page width)."""
    lines = clean_page(bulk["doc_000507"]).split("\n")
    assert lines[:3] == ["BỘ KHOA HỌC VÀ CÔNG NGHỆ", "___________________", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    title = "thuộc phạm vi quản lý của Bộ Khoa học và Công nghệ"
    title_end = next(i for i, line in enumerate(lines) if line.endswith(title))
    assert set(lines[title_end + 1]) == {"_"}


@pytest.mark.parametrize(
    ("raw", "clean"), [("**Điều 1.** Phạm vi", "Điều 1. Phạm vi"), ("__Chú ý__: nộp", "Chú ý: nộp")]
)
def test_markdown_emphasis_is_still_taken_away(raw: str, clean: str) -> None:
    assert clean_page(raw) == clean


def test_cyrillic_letters_drawn_like_latin_ones_in_a_number_symbol_are_read_in_latin(bulk: dict[str, str]) -> None:
    """``152/2025/TT-BTС`` with a Cyrillic Es (doc_000054, 5 bulk texts): the number-symbol reads ``TT-BTC``; a name
    keeps its letters as printed (``Tòa án NDТС``), and so does a Russian word."""
    assert "\u0421" in bulk["doc_000054"] and "152/2025/TT-BTC" in clean_page(bulk["doc_000054"])
    assert clean_page("Tòa án NDТС; ký tại Москва.") == "Tòa án NDТС; ký tại Москва."


def test_a_rule_line_of_spaced_strokes_stays_apart_from_its_neighbours() -> None:
    """``- - -`` is a rule like ``------``: the lines on either side of it are not joined across it."""
    assert clean_page("Nơi nhận\n- - -\nthông báo") == "Nơi nhận\n- - -\nthông báo"
