"""OCR of one page with tesseract (``vie``): make the page image, read it, keep word confidence and line boxes.

A job names a page (of a PDF, or a frame of an image file) rather than carrying pixels, so that rendering runs in
the same worker process as tesseract and pages of one document spread across all cores.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytesseract
from PIL import Image, ImageOps

from pipeline.ingest.layout import reading_order, segments
from pipeline.ocr_correction import correct_words
from pipeline.model import LayoutLine, OcrFailure, PageText, Stage, TextSource, Timeout
from pipeline.settings import Settings
from pipeline.vietnamese import text_quality

# One tesseract thread per process: pages run in parallel across worker processes instead.
os.environ["OMP_THREAD_LIMIT"] = "1"

DIRECT_FORMATS = {"JPEG", "PNG"}  # tesseract reads these straight from the file
A4_LONG_SIDE_INCHES = 11.69


def estimated_dpi(image: Image.Image) -> int:
    """Resolution of an image that does not say: taken as a whole A4 page (a photo or a fax of one).

    Telling tesseract 300 dpi for a 576×960 photo made it read text as tiny: CER 17.5 % against 9.2 % at the
    estimated 82 dpi (ailab_4_1.jpg).
    """
    return max(50, min(600, round(max(image.size) / A4_LONG_SIDE_INCHES)))


@dataclass(frozen=True)
class OcrJob:
    """A page waiting for OCR: page `page` (1-based) of the PDF or image file `source`."""

    doc_id: str
    page: int
    source: str
    kind: str  # "pdf" or "image"
    reason: str  # why this page is OCR'd, kept as the page's decision


def tesseract_config(settings: Settings, dpi: int | None) -> str:
    config = f"--oem 1 --psm {settings.ocr_psm} -c thresholding_method={settings.ocr_thresholding_method}"
    return f"{config} --dpi {dpi}" if dpi else config


def recognize(job: OcrJob, settings: Settings) -> PageText:
    """OCR one page. Raises :class:`OcrFailure` or :class:`Timeout` for that page."""
    started = time.perf_counter()
    with page_image(job, settings) as (image_path, dpi):
        try:
            data = pytesseract.image_to_data(
                str(image_path),
                lang=settings.ocr_language,
                config=tesseract_config(settings, dpi),
                timeout=settings.page_timeout,
                output_type=pytesseract.Output.DICT,
            )
        except RuntimeError as e:  # pytesseract's way of saying it killed tesseract on timeout
            raise Timeout(f"OCR took longer than {settings.page_timeout:g} s", stage=Stage.OCR, page=job.page) from e
        except (pytesseract.TesseractError, OSError) as e:
            raise OcrFailure(f"tesseract failed: {e}", stage=Stage.OCR, page=job.page) from e
    lines, confidences = _lines(data)
    text = "\n".join(line.text for line in lines)
    return PageText(
        page=job.page,
        text=text,
        text_source=TextSource.OCR,
        seconds=round(time.perf_counter() - started, 3),
        ocr_confidence=round(sum(confidences) / len(confidences), 2) if confidences else None,
        text_quality=text_quality(text),
        decision=job.reason,
    )


@contextmanager
def page_image(job: OcrJob, settings: Settings) -> Iterator[tuple[Path, int | None]]:
    """A file tesseract can read for the job's page, and the resolution to tell it (None: the file says).

    tesseract is handed a file, not pixels through pytesseract (which re-encodes them, about 1 s a page).
    """
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as workdir:
        target = Path(workdir) / "page.png"
        if job.kind == "pdf":
            yield render_pdf_page(Path(job.source), job.page - 1, target, settings)
            return
        with Image.open(job.source) as image:
            image.seek(job.page - 1)
            dpi = image.info.get("dpi")
            has_dpi = bool(dpi and dpi[0] and dpi[0] > 1)
            upright = image.getexif().get(0x0112, 1) == 1  # EXIF orientation of phone photos
            if getattr(image, "n_frames", 1) == 1 and image.format in DIRECT_FORMATS and upright:
                yield Path(job.source), None if has_dpi else estimated_dpi(image)
                return
            frame = image.convert("RGB") if image.mode not in ("L", "RGB", "1") else image.copy()
            resolution = dpi if has_dpi else (estimated_dpi(image),) * 2
            ImageOps.exif_transpose(frame).save(target, dpi=resolution, compress_level=1)
            yield target, None


def render_pdf_page(path: Path, index: int, target: Path, settings: Settings) -> tuple[Path, int]:
    """Render a PDF page to a grey PNG at the OCR resolution, lowered for pages too large to render safely."""
    document = pdfium.PdfDocument(path)
    try:
        page = document[index]
        width, height = page.get_size()
        dpi = settings.ocr_dpi
        pixels = (width / 72 * dpi) * (height / 72 * dpi)
        if pixels > settings.max_render_pixels:
            dpi = max(1, int(dpi * (settings.max_render_pixels / pixels) ** 0.5))
        page.render(scale=dpi / 72, grayscale=True).to_pil().save(target, dpi=(dpi, dpi), compress_level=1)
    finally:
        document.close()
    return target, dpi


def _lines(data: dict[str, list]) -> tuple[list[LayoutLine], list[float]]:
    """Tesseract's words as lines in reading order, side-by-side columns read one after the other."""
    grouped: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip():
            grouped.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    confidences = [float(data["conf"][i]) for line in grouped.values() for i in line if float(data["conf"][i]) >= 0]
    boxes = []
    for line in grouped.values():
        words = correct_words([data["text"][i].strip() for i in line], [float(data["conf"][i]) for i in line])
        boxes.append([_box(word, data, i) for word, i in zip(words, line, strict=True)])
    printed = _printed_lines(boxes)
    words = [w for line in printed for w in line]
    width = max((w.x1 for w in words), default=0) - min((w.x0 for w in words), default=0)
    return reading_order([segments(sorted(line, key=lambda w: w.x0), width) for line in printed]), confidences


def _box(word: str, data: dict[str, list], i: int) -> LayoutLine:
    left, top = data["left"][i], data["top"][i]
    return LayoutLine(word, left, left + data["width"][i], top, top + data["height"][i])


def _printed_lines(lines: list[list[LayoutLine]]) -> list[list[LayoutLine]]:
    """Tesseract's lines merged into printed lines: two lines side by side (same height on the page, different
    blocks) are one printed line with a column gap, top to bottom."""
    printed: list[list[LayoutLine]] = []
    for line in sorted(lines, key=lambda words: min(w.top for w in words)):
        top = min(w.top for w in line)
        bottom = max(w.bottom for w in line)
        if printed:
            last = printed[-1]
            last_top, last_bottom = min(w.top for w in last), max(w.bottom for w in last)
            overlap = min(bottom, last_bottom) - max(top, last_top)
            side_by_side = min(w.x0 for w in line) > max(w.x1 for w in last) or max(w.x1 for w in line) < min(
                w.x0 for w in last
            )
            if side_by_side and overlap > 0.5 * min(bottom - top, last_bottom - last_top):
                last.extend(line)
                continue
        printed.append(list(line))
    return printed
