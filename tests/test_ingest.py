"""Ingest: every input kind becomes pages with provenance; the text layer is kept only when it is Vietnamese."""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from pipeline import ingest
from pipeline.extract.citations import find_citations
from pipeline.ingest.ocr import recognize, render_pdf_page
from pipeline.ingest.text import Decoded, decode
from pipeline.model import EncodingProblem, TextSource, TooLarge
from pipeline.normalize import normalize
from pipeline.settings import Settings
from tests import bad_inputs
from tests.conftest import DEV, SCANS

SETTINGS = Settings()
SAMPLE = "Kế hoạch triển khai thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư"
SEED = DEV / "seed-binhdinh-kh-ct12.txt"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def read(path: Path) -> ingest.ReadResult:
    return ingest.read(path, str(path), ingest.sha256_of(path), SETTINGS)


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),
        SAMPLE.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_plain_text_is_decoded_from_utf8_and_utf16_with_or_without_bom(data: bytes) -> None:
    assert decode(data, SETTINGS.min_text_quality) == Decoded(SAMPLE)


def test_broken_utf8_is_reported_with_a_guess_not_garbled() -> None:
    with pytest.raises(EncodingProblem, match="not UTF-8, UTF-16 or a legacy Vietnamese encoding"):
        decode("Quyết định của Ủy ban nhân dân tỉnh".encode().replace(b"\xe1", b"\xe0\xff"), SETTINGS.min_text_quality)


def test_pdftotext_form_feeds_become_pages(tmp_path: Path) -> None:
    path = tmp_path / "two-pages.txt"
    path.write_text("Trang một\fTrang hai\f", encoding="utf-8")
    pages = read(path).document.pages
    assert [p.text for p in pages] == ["Trang một", "Trang hai"]
    assert {p.text_source for p in pages} == {TextSource.PLAIN_TEXT}


def test_digital_pdf_keeps_its_text_layer_with_header_columns_apart() -> None:
    result = read(SCANS / "congbao_282-2025-ND-CP_digital.pdf")
    pages = result.document.pages
    assert len(pages) == 95 and not result.ocr_jobs
    assert all(p.text_source is TextSource.TEXT_LAYER and p.decision == "text layer kept" for p in pages)
    assert "Số: 282/2025/NĐ-CP" in pages[0].text
    qualities = [p.text_quality for p in pages if p.text_quality is not None]
    assert sum(qualities) / len(qualities) > 0.95
    header = pages[0].text.split("\n")[:8]
    # the two header columns stand side by side on the page but are read one after the other
    assert (
        header.index("CHÍNH PHỦ")
        < header.index("Số: 282/2025/NĐ-CP")
        < header.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    )


def test_garbage_scanner_text_layer_is_replaced_by_ocr() -> None:
    result = read(SCANS / "ailab_1_scan_kodak-ocr-layer.pdf")
    assert result.document.pages == []
    assert [job.page for job in result.ocr_jobs] == [1, 2]
    assert all("text layer unusable" in job.reason for job in result.ocr_jobs)
    page = recognize(result.ocr_jobs[0], SETTINGS)
    assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in page.text
    assert page.text_source is TextSource.OCR and page.ocr_confidence > 80 and page.text_quality > 0.9


def test_image_only_pdf_pages_are_planned_for_ocr() -> None:
    result = read(SCANS / "ailab_2_scan_image-only.pdf")
    assert [(job.page, job.reason) for job in result.ocr_jobs] == [(1, "no text layer: OCR"), (2, "no text layer: OCR")]


def test_every_frame_of_a_multipage_tiff_is_a_page(tmp_path: Path) -> None:
    photo = Image.open(SCANS / "ailab_4_1.jpg")
    path = tmp_path / "two frames.tiff"
    photo.save(path, save_all=True, append_images=[photo.rotate(0)], compression="tiff_deflate")
    result = read(path)
    assert result.document.kind == "image" and [job.page for job in result.ocr_jobs] == [1, 2]
    second = recognize(result.ocr_jobs[1], SETTINGS)
    assert second.page == 2 and "Kính gửi" in second.text


def test_content_decides_the_kind_not_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes((SCANS / "ailab_4_1.jpg").read_bytes())
    assert read(path).document.kind == "image"


def vietnamese_pdf(path: Path, pages: list[str], **encryption: str) -> None:
    """A PDF with a Unicode text layer (DejaVu), one page per text; a page of "" is left blank."""
    pdf = FPDF()
    pdf.add_font("dejavu", fname=DEJAVU)
    pdf.set_font("dejavu", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(w=0, h=5, text=text)
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.output(str(path))


def test_a_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    """An owner password without a user password restricts printing or editing, not reading."""
    path = tmp_path / "chỉ khóa sửa.pdf"
    vietnamese_pdf(path, [SAMPLE], owner_password="chu so huu")  # fpdf2 takes Latin-1 passwords
    (page,) = read(path).document.pages
    assert page.text_source is TextSource.TEXT_LAYER and SAMPLE in page.text.replace("\n", " ")


def test_a_decomposed_text_layer_is_kept_not_sent_to_ocr(tmp_path: Path) -> None:
    path = tmp_path / "nfd.pdf"
    vietnamese_pdf(path, [unicodedata.normalize("NFD", SEED.read_text(encoding="utf-8")[:1500])])
    result = read(path)
    assert not result.ocr_jobs and result.document.pages[0].decision == "text layer kept"


def test_blank_pdf_pages_are_not_sent_to_ocr(tmp_path: Path) -> None:
    path = tmp_path / "với trang trắng.pdf"
    vietnamese_pdf(path, ["", SAMPLE * 3, ""])
    result = read(path)
    assert [(p.page, p.decision) for p in result.document.pages] == [
        (1, "blank page: nothing drawn on it"),
        (2, "text layer kept"),
        (3, "blank page: nothing drawn on it"),
    ]
    assert not result.ocr_jobs


def test_a_giant_pdf_page_is_rendered_for_ocr_within_the_pixel_limit(tmp_path: Path) -> None:
    path = tmp_path / "trang khổng lồ.pdf"
    content = b"BT /F1 300 Tf 1000 13000 Td (Trang rat lon) Tj ET"
    path.write_bytes(
        bad_inputs.pdf_file(
            [
                b"<</Type/Catalog/Pages 2 0 R>>",
                b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
                b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 14400 14400]/Contents 4 0 R"
                b"/Resources<</Font<</F1 5 0 R>>>>>>",  # 200 × 200 inches: 3.6 billion pixels at 300 dpi
                b"<</Length %d>>stream\n%s\nendstream" % (len(content), content),
                b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
            ]
        )
    )
    (job,) = read(path).ocr_jobs
    pixels, dpi = render_pdf_page(path, job.page - 1, SETTINGS, colour=False)
    assert pixels.shape[0] * pixels.shape[1] <= SETTINGS.max_render_pixels and dpi < SETTINGS.ocr_dpi


def test_an_image_over_the_pixel_limit_is_refused_from_its_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.png"
    path.write_bytes(bad_inputs.png_bomb(10_000))  # 100 megapixels: under Pillow's own bomb limit, over ours
    with pytest.raises(TooLarge, match="10000×10000 pixels, more than the 60,000,000 allowed"):
        read(path)


def test_blank_frames_of_a_tiff_are_not_sent_to_ocr(tmp_path: Path) -> None:
    photo = Image.open(SCANS / "ailab_4_1.jpg")
    blank = Image.new("L", photo.size, 255)
    path = tmp_path / "ba trang.tiff"
    photo.save(path, save_all=True, append_images=[blank, photo], compression="tiff_deflate")
    result = read(path)
    assert [job.page for job in result.ocr_jobs] == [1, 3]
    assert [(p.page, p.text) for p in result.document.pages] == [(2, "")]


def test_a_file_without_read_permission_is_reported() -> None:
    """Root reads every file whatever its mode, so the check runs in a forked process that has become the
    unprivileged user nobody, as an office account would be. (The batch turns this error into an `errors` row like
    the broken links of the bad-input corpus.)"""
    folder = Path(tempfile.mkdtemp())  # in /tmp, which nobody may enter, unlike pytest's own folder
    locked = folder / "không được đọc.txt"
    locked.write_text(SAMPLE, encoding="utf-8")
    locked.chmod(0o000)
    folder.chmod(0o755)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(reader)
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            ingest.sha256_of(locked)
            outcome = "read"
        except Exception as e:  # noqa: BLE001 - reported to the parent
            outcome = f"{getattr(e, 'error_type', type(e).__name__)}: {e}"
        os.write(writer, outcome.encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        outcome = pipe.read().decode()
    os.waitpid(child, 0)
    shutil.rmtree(folder)
    assert outcome == "unreadable_input: cannot read file: Permission denied"


def test_mixed_nfc_nfd_and_telex_slips_still_give_the_references(tmp_path: Path) -> None:
    clean = SEED.read_text(encoding="utf-8")
    lines = clean.splitlines(keepends=True)
    for i, line in enumerate(lines):
        for word, telex in (("đặc", "ddawwcj"), ("tăng cường", "tawng cuwowfng"), ("nhân dân", "nhaan daan")):
            line = line.replace(word, telex, 1)
        lines[i] = unicodedata.normalize("NFD", line) if i % 2 else line
    messy = "".join(lines)
    path = tmp_path / "lẫn lộn.txt"
    path.write_text(messy, encoding="utf-8")

    def references(text: str) -> set[str | None]:
        return {r.number_symbol for r in find_citations(text)}

    document = normalize(read(path).document)
    assert "ddawwcj" in document.text and references(document.text) == references(clean)
