"""PDF pages: keep a usable text layer (pypdfium2), render and queue for OCR the pages without one.

pypdfium2 reads the text layer (about 40 times faster than pdfplumber on the 95-page Công báo, and it keeps the
two header columns apart); pdfplumber supplies positioned lines for page 1, where the two-column header is.
"""

from __future__ import annotations

import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from pipeline.ingest.ocr import OcrJob
from pipeline.model import CorruptInput, EmptyInput, EncryptedInput, LayoutLine, PageText, TextSource
from pipeline.settings import Settings
from pipeline.vietnamese import text_quality

HEADER_SHARE = 0.4  # the top share of page 1 where the issuer, number and date blocks stand
COLUMN_GAP = 24.0  # points of horizontal space that separate two header columns on one line


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise EncryptedInput("encrypted PDF: it needs a password to open") from e
        if _has_no_pages(path):
            raise EmptyInput("PDF has no pages") from e
        raise CorruptInput(f"corrupt or truncated PDF ({e})") from e
    if len(document) == 0:
        document.close()
        raise EmptyInput("PDF has no pages")
    return document


def _has_no_pages(path: Path) -> bool:
    """pdfium refuses a PDF with an empty page tree as malformed; pdfplumber tells it apart from a broken one."""
    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages) == 0
    except Exception:  # noqa: BLE001 - any failure here means the file is broken, which pdfium said already
        return False


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    """Text-layer pages as read, and an OCR job for every page whose text layer is missing or unusable."""
    document = open_pdf(path)
    pages: list[PageText] = []
    jobs: list[OcrJob] = []
    try:
        for index in range(len(document)):
            started = time.perf_counter()
            page = document[index]
            number = index + 1
            width, height = page.get_size()
            layer = _text_layer(page)
            quality = text_quality(layer)
            usable = len(layer.strip()) >= settings.min_text_layer_chars and (
                quality is None or quality >= settings.min_text_quality
            )
            if usable:
                pages.append(
                    PageText(
                        page=number,
                        text=layer,
                        text_source=TextSource.TEXT_LAYER,
                        seconds=round(time.perf_counter() - started, 3),
                        text_quality=quality,
                        decision="text layer kept",
                        width=width,
                        height=height,
                        lines=header_lines(path, index) if number == 1 else (),
                    )
                )
                continue
            reason = "no text layer: OCR" if not layer.strip() else f"text layer unusable (quality {quality}): OCR"
            jobs.append(OcrJob(doc_id, number, str(path), "pdf", reason))
            page.close()
    finally:
        document.close()
    return pages, jobs


def _text_layer(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
    finally:
        textpage.close()


def header_lines(path: Path, index: int) -> tuple[LayoutLine, ...]:
    """Positioned lines of the top of a page, each header column its own line (pdfplumber words)."""
    with pdfplumber.open(path, pages=[index + 1]) as pdf:
        page = pdf.pages[0]
        words = page.crop((0, 0, page.width, page.height * HEADER_SHARE)).extract_words(keep_blank_chars=False)
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        segment: list[dict] = []
        for word in sorted(row, key=lambda w: w["x0"]):
            if segment and word["x0"] - segment[-1]["x1"] > COLUMN_GAP:
                lines.append(_line(segment))
                segment = []
            segment.append(word)
        lines.append(_line(segment))
    return tuple(lines)


def _line(words: list[dict]) -> LayoutLine:
    return LayoutLine(
        text=" ".join(w["text"] for w in words),
        x0=min(w["x0"] for w in words),
        x1=max(w["x1"] for w in words),
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
    )
