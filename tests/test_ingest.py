"""Ingest: every input kind becomes pages with provenance; the text layer is kept only when it is Vietnamese."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from PIL import Image

from pipeline import ingest
from pipeline.ingest.ocr import recognize
from pipeline.ingest.text import Decoded, decode
from pipeline.model import EncodingProblem, TextSource
from pipeline.settings import Settings
from tests.conftest import SCANS

SETTINGS = Settings()
SAMPLE = "Kế hoạch triển khai thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư"


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
