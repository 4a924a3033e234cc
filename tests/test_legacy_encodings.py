"""Legacy Vietnamese encodings: text files and PDF text layers in TCVN3, VNI, VISCII or Windows-1258 are read as
Unicode and say so; Unicode text is never touched; other encodings are reported."""

from __future__ import annotations

import subprocess
import textwrap
import unicodedata
from pathlib import Path

import pytest
from fpdf import FPDF

from pipeline import ingest
from pipeline.extract.citations import find_citations
from pipeline.ingest.text import decode
from pipeline.legacy_encodings import encodings, legacy_reading
from pipeline.model import EncodingProblem, PageText, TextSource
from pipeline.settings import Settings
from tests.conftest import DEV

SETTINGS = Settings()
PLAN = DEV / "seed-binhdinh-kh-ct12.txt"
NATIONAL_LINE = "Cộng hoà xã hội chủ nghĩa Việt Nam Độc lập - Tự do - Hạnh phúc"
ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "cp1258": "Windows-1258"}


def spelling(char: str, key: str) -> str | None:
    """How the legacy encoding `key` writes `char` (as Latin-1 characters, one a byte); None if it cannot."""
    if key == "cp1258":
        return _windows_1258(char)
    encoding = next(e for e in encodings() if e.key == key)
    written = {letter: legacy for legacy, letter in encoding.letters.items()}
    if char in written:
        return written[char]
    if not encoding.toned_capitals and char.lower() in written:
        return written[char.lower()]  # the capitals font (.VnTimeH) draws it from the lower-case code
    for codec in ("latin-1", "cp1252"):  # punctuation of the Windows code page the files were written on
        try:
            code = char.encode(codec).decode("latin-1")
        except UnicodeEncodeError:
            continue
        marks = {c for legacy in encoding.letters for c in legacy if not c.isascii()}
        return None if code in encoding.letters or code in marks else code  # else the code means another letter
    return None


def _windows_1258(char: str) -> str | None:
    """Windows-1258 writes vowels with their shape marks precomposed and the tone as a combining mark."""
    try:
        return char.encode("cp1258").decode("latin-1")
    except UnicodeEncodeError:
        base, *marks = unicodedata.normalize("NFD", char)
        shape = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
        tone = "".join(m for m in marks if m not in "\u0302\u0306\u031b")
        try:
            return (shape + tone).encode("cp1258").decode("latin-1") if marks else None
        except UnicodeEncodeError:
            return None


def writable(text: str, key: str) -> str:
    """`text` (NFC) with the characters the encoding cannot write replaced by "?"."""
    return "".join(c if spelling(c, key) is not None else "?" for c in unicodedata.normalize("NFC", text))


def legacy_bytes(text: str, key: str) -> bytes:
    """`text` as a file in the legacy encoding `key`; characters it cannot write become "?"."""
    return "".join(spelling(c, key) or "?" for c in unicodedata.normalize("NFC", text)).encode("latin-1")


def legacy_text_layer_pdf(path: Path, text: str, key: str) -> None:
    """A PDF whose text layer holds `text` in the legacy encoding's codes, as a legacy font draws it: the codes
    go into the page as they are (a core font with WinAnsi encoding), so extraction reads them as Latin-1."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("times", size=11)
    for line in (wrapped for paragraph in text.splitlines() for wrapped in textwrap.wrap(paragraph, 90)):
        pdf.cell(h=5, text=legacy_bytes(line, key).decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def read_as_file(text: str, key: str, folder: Path) -> list[PageText]:
    path = folder / f"plan-{key}.txt"
    path.write_bytes(legacy_bytes(text, key))
    return ingest.read(path, str(path), ingest.sha256_of(path), SETTINGS).document.pages


@pytest.mark.parametrize("key", ["vni", "viscii", "cp1258"])
def test_a_dev_text_written_in_a_legacy_encoding_is_read_back_exactly(key: str, tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    pages = read_as_file(text, key, tmp_path)
    read_back = "".join(p.text for p in pages)
    assert read_back == writable(text, key) and sum(map(str.isalpha, read_back)) == sum(map(str.isalpha, text))
    assert {p.decision for p in pages} == {f"plain text in {ENCODING_NAMES[key]}, converted to Unicode"}


def test_tcvn3_text_is_read_back_with_its_lines_of_capitals(tmp_path: Path) -> None:
    """TCVN3 has no capitals with a tone: they are written with the lower-case codes (as the .VnTimeH font draws
    them), so only the case of capitals outside a line of capitals is lost."""
    text = PLAN.read_text(encoding="utf-8")
    pages = read_as_file(text, "tcvn3", tmp_path)
    read_back = "".join(p.text for p in pages)
    assert read_back.lower() == writable(text, "tcvn3").lower()
    assert {p.decision for p in pages} == {"plain text in TCVN3 (ABC), converted to Unicode"}
    for heading in ("KẾ HOẠCH", "I - MỤC ĐÍCH, YÊU CẦU", "II - NỘI DUNG THỰC HIỆN", "T/M BAN THƯỜNG VỤ"):
        assert f"\n{heading}\n" in read_back


@pytest.mark.parametrize(("key", "iconv_name"), [("tcvn3", "TCVN5712-1"), ("viscii", "VISCII")])
def test_tables_read_every_letter_of_the_dev_texts_as_glibc_iconv_writes_it(key: str, iconv_name: str) -> None:
    corpus = unicodedata.normalize("NFC", "".join(p.read_text(encoding="utf-8") for p in DEV.glob("*.txt")))
    encoding = next(e for e in encodings() if e.key == key)
    letters = " ".join(sorted({c for c in corpus if c in encoding.letters.values() or c.isascii() and c.isalpha()}))
    iconv = ["iconv", "-f", "UTF-8", "-t", iconv_name]
    written = subprocess.run(iconv, input=letters.encode(), capture_output=True, check=True)
    assert encoding.decode(written.stdout.decode("latin-1")) == letters
    assert len(letters.split()) > 100  # Vietnamese letters with their marks, both cases, and ASCII


@pytest.mark.parametrize(
    ("mojibake", "name"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc", "TCVN3 (ABC)"),
        ("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam Ñoäc laäp - Töï do - Haïnh phuùc", "VNI"),
    ],
)
def test_mojibake_as_legacy_fonts_show_it_is_recognised(mojibake: str, name: str) -> None:
    reading = legacy_reading(mojibake, SETTINGS.min_text_quality)
    assert reading is not None and reading.encoding == name
    assert reading.text == NATIONAL_LINE


def test_unicode_dev_texts_are_never_converted() -> None:
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert decode(text.encode("utf-8"), SETTINGS.min_text_quality).legacy_encoding is None, path.name


def test_mojibake_saved_as_utf8_is_converted() -> None:
    """Text copied out of a VNI-Times document into a UTF-8 file keeps the font's codes as Latin-1 letters."""
    text = PLAN.read_text(encoding="utf-8")
    decoded = decode(legacy_bytes(text, "vni").decode("latin-1").encode("utf-8"), SETTINGS.min_text_quality)
    assert decoded.legacy_encoding == "VNI" and decoded.text == writable(text, "vni")


@pytest.mark.parametrize("codec", ["cp1252", "cp1251", "shift_jis"])
def test_text_in_another_encoding_is_reported_not_garbled(codec: str) -> None:
    samples = {
        "cp1252": "Le comité régional a adopté le règlement intérieur de la coopérative agricole.",
        "cp1251": "Областной комитет утвердил план работы на следующий год и направил его в районы.",
        "shift_jis": "県委員会は来年の活動計画を承認し、各地区に送付した。" * 3,
    }
    with pytest.raises(EncodingProblem, match="not UTF-8, UTF-16 or a legacy Vietnamese encoding"):
        decode(samples[codec].encode(codec), SETTINGS.min_text_quality)


@pytest.mark.parametrize("key", ["tcvn3", "vni"])
def test_a_pdf_text_layer_in_a_legacy_font_is_converted_not_sent_to_ocr(key: str, tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    path = tmp_path / f"plan-{key}.pdf"
    legacy_text_layer_pdf(path, text, key)
    result = ingest.read(path, str(path), ingest.sha256_of(path), SETTINGS)
    pages = result.document.pages
    assert len(pages) > 1 and not result.ocr_jobs and {p.text_source for p in pages} == {TextSource.TEXT_LAYER}
    assert {p.decision for p in pages} == {f"text layer in {ENCODING_NAMES[key]} (legacy font), converted to Unicode"}
    assert min(p.text_quality for p in pages) > 0.95
    text = "\n".join(p.text for p in pages)
    assert "Ban Thường vụ Tỉnh ủy" in text and "các cấp ủy, tổ chức đảng" in text
    assert "12-CT/TW" in {r.number_symbol for r in find_citations(text)}
