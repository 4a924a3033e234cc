"""OCR of one page: make the page image, read it with the engine (:mod:`pipeline.ocr.engine`), put its words in
reading order and correct them.

A job names a page (of a PDF, or a frame of an image file) rather than carrying pixels, so that rendering runs in
the same worker process as tesseract and pages of one document spread across all cores.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageOps

from pipeline.ingest.layout import (
    Reading,
    join_wrapped_issuer,
    merge,
    reading_order,
    segments,
    split_merged_columns,
    without_specks,
)
from pipeline.ingest.adoption_line import read_adoption_again
from pipeline.ingest.date_line import read_date_line_again
from pipeline.ingest.prepare import engine_file, prepare
from pipeline.ingest.lost_lines import read_lost_lines
from pipeline.ingest.regions import read_columns_apart
from pipeline.model import LayoutLine, OcrFailure, PageText, Stage, TextSource, Timeout
from pipeline.ocr.correction import correct_words
from pipeline.ocr.language_model import bigram_share, follows
from pipeline.ocr.engine import EngineFailure, EngineTimeout, Tesseract, Word, engine_of
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


TURNED_MARGIN = 5.0  # the reading of the turned page is kept unless its mean confidence is this much lower
MIN_BIGRAM_SHARE = 0.3  # upright pages: 0.58–0.93 of neighbouring words are known pairs; turned ones: 0
# OSD's "rotate" (degrees clockwise that make the page upright) as OpenCV rotations
ROTATIONS = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


@dataclass(frozen=True)
class OcrJob:
    """A page waiting for OCR: page `page` (1-based) of the PDF or image file `source`."""

    doc_id: str
    page: int
    source: str
    kind: str  # "pdf" or "image"
    reason: str  # why this page is OCR'd, kept as the page's decision
    layer: str = ""  # the page's doubtful text layer, kept instead of the OCR when it reads better
    layer_quality: float | None = None


def recognize(job: OcrJob, settings: Settings) -> PageText:
    """OCR one page. A page read badly (mean word confidence under ``settings.osd_below_confidence``, or few known
    word pairs) is checked for orientation (about 1 s, so only then) and, when it lies turned, read again upright;
    the better reading is kept. Raises :class:`OcrFailure` or :class:`Timeout` for that page."""
    started = time.perf_counter()
    reader = engine_of(settings)
    with prepared_page_image(job, settings) as (image_path, dpi, steps):
        words = _read(reader, image_path, dpi, job, settings)
        if settings.ocr_preparation and _needs_orientation(words, settings):
            turned = _upright(reader, image_path, settings)
            if turned:
                path, angle = turned
                again = _read(reader, path, dpi, job, settings)
                if _mean_confidence(again) > _mean_confidence(words) - TURNED_MARGIN:
                    words, image_path = again, path
                    steps = (*steps, f"turned {angle}° (orientation detected)")
        width = _width(image_path)
        reading = layout(words, width)
        if settings.ocr_preparation:
            block = lambda cut: _read(reader, cut, dpi, job, settings, block=True)  # noqa: E731
            scaled = lambda cut, scale: _read(reader, cut, dpi and dpi * scale, job, settings, block=True)  # noqa: E731
            for read_again, step in _read_again(image_path, block, scaled):
                words, count = read_again(words, reading)
                if count:
                    reading, steps = layout(words, width), (*steps, step.format(count))
    lines, changed = corrected(reading.lines) if settings.ocr_correction else (reading.lines, 0)
    lines = join_wrapped_issuer(lines, follows)
    confidences = [w.confidence for w in words if w.confidence >= 0]
    text = "\n".join(line.text for line in lines)
    quality = text_quality(text)
    seconds = round(time.perf_counter() - started, 3)
    if job.layer and (job.layer_quality or 0) >= (quality or 0):
        kept = f"text layer kept (quality {job.layer_quality}): OCR reads no better (quality {quality})"
        return PageText(job.page, job.layer, TextSource.TEXT_LAYER, seconds, text_quality=job.layer_quality,
                        decision=kept)  # fmt: skip
    if job.layer:
        reason = f"text layer replaced (quality {job.layer_quality}): OCR reads better (quality {quality})"
    else:
        reason = job.reason
    return PageText(
        page=job.page,
        text=text,
        text_source=TextSource.OCR,
        seconds=seconds,
        ocr_confidence=round(sum(confidences) / len(confidences), 2) if confidences else None,
        text_quality=quality,
        decision=decision(reason, steps, changed),
    )


def _read(
    reader: Tesseract, image_path: Path, dpi: int | None, job: OcrJob, settings: Settings, block: bool = False
) -> list[Word]:
    try:
        return reader.words(image_path, dpi, settings.page_timeout, block)
    except EngineTimeout as e:
        raise Timeout(str(e), stage=Stage.OCR, page=job.page) from e
    except EngineFailure as e:
        raise OcrFailure(str(e), stage=Stage.OCR, page=job.page) from e


def _read_again(
    image_path: Path, block: Callable[[Path], list[Word]], scaled: Callable[[Path, int], list[Word]]
) -> tuple[tuple[Callable[[list[Word], Reading], tuple[list[Word], int]], str], ...]:
    """The parts of a page read again, in order, each with the step it adds to the page's decision (``{}``: how many
    it replaced): lines the page's layout lost; the adoption sentence, before the columns (the sentence's pieces make
    the signature below no column); the columns holding an unsure word or a stamp; the place-date line. Each takes
    the page's words and their reading order and gives the words and how many parts it replaced."""
    return (
        (lambda words, _: read_lost_lines(words, image_path, block), "{} lost lines read again"),
        (lambda words, reading: read_adoption_again(words, reading.lines, image_path, scaled),
         "adoption sentence read again"),
        (lambda words, reading: read_columns_apart(words, reading.columns, image_path, block), "{} columns read apart"),
        (lambda words, reading: read_date_line_again(words, reading.lines, image_path, scaled), "date line read again"),
    )  # fmt: skip


def _width(image_path: Path) -> int:
    """The page image's width in pixels (its header read, not its pixels)."""
    with Image.open(image_path) as image:
        return image.width


def _needs_orientation(words: list[Word], settings: Settings) -> bool:
    """Read so that the page may lie turned: low confidence, words that make no known pairs, or words standing
    taller than wide (tesseract reads a page turned by a quarter, but in an order no column reading can mend)."""
    if _mean_confidence(words) < settings.osd_below_confidence:
        return True
    if _sideways([[_box(w) for w in words]]):
        return True
    share = bigram_share([w.text for w in words])  # the costly test last: every page gets here
    return share is not None and share < MIN_BIGRAM_SHARE


def _mean_confidence(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


def _upright(reader: Tesseract, image_path: Path, settings: Settings) -> tuple[Path, int] | None:
    """The page turned upright beside `image_path`, and the angle, when orientation detection finds it turned;
    None otherwise (or when there are too few letters to tell)."""
    angle = reader.rotation(image_path, settings.page_timeout)
    if angle not in ROTATIONS:
        return None
    image = cv2.imread(str(image_path), cv2.IMREAD_UNCHANGED)
    return engine_file(cv2.rotate(image, ROTATIONS[angle]), image_path.parent, f"upright-{image_path.stem}"), angle


@contextmanager
def page_image(job: OcrJob, settings: Settings) -> Iterator[tuple[Path, int | None]]:
    """The job's page as plain tesseract reads it: a file, and the resolution to tell it (None: the file says).

    tesseract is handed a file, not pixels through pytesseract (which re-encodes them, about 1 s a page).
    """
    if job.kind == "image":
        with Image.open(job.source) as image:
            upright = image.getexif().get(0x0112, 1) == 1  # EXIF orientation of phone photos
            plain = image.mode in ("L", "RGB", "P", "1") and "transparency" not in image.info  # no alpha, 8 bits
            direct = getattr(image, "n_frames", 1) == 1 and image.format in DIRECT_FORMATS and upright and plain
            dpi = image.info.get("dpi")
            if direct:
                yield Path(job.source), None if dpi and dpi[0] and dpi[0] > 1 else estimated_dpi(image)
                return
    page, dpi = page_pixels(job, settings, colour=False)
    with _page_file(page) as target:
        yield target, dpi


@contextmanager
def prepared_page_image(job: OcrJob, settings: Settings) -> Iterator[tuple[Path, int | None, tuple[str, ...]]]:
    """The job's page prepared as measured to need it (:mod:`pipeline.ingest.prepare`): a file, the resolution to
    tell tesseract (None: the file says), and the steps taken. Even with no step taken the decoded grey page is
    handed over: the sample phone photo reads better so than from its JPEG (CER 0.56 % against 0.84 %)."""
    if not settings.ocr_preparation:
        with page_image(job, settings) as (target, dpi):
            yield target, dpi, ()
        return
    page, dpi = page_pixels(job, settings, colour=True)
    prepared = prepare(page, dpi)
    with _page_file(prepared.image) as target:
        yield target, prepared.dpi, prepared.steps


def page_pixels(job: OcrJob, settings: Settings, colour: bool) -> tuple[np.ndarray, int]:
    """The job's page as pixels (BGR with `colour`, else grey for a PDF) and its resolution."""
    if job.kind == "pdf":
        return render_pdf_page(Path(job.source), job.page - 1, settings, colour)
    return image_frame(job)


@contextmanager
def _page_file(pixels: np.ndarray) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as workdir:
        yield engine_file(pixels, Path(workdir), "page")


def image_frame(job: OcrJob) -> tuple[np.ndarray, int]:
    """Frame `job.page` of an image file, upright (EXIF orientation of phone photos), as BGR or grey pixels, and
    its resolution (estimated when the file does not say)."""
    with Image.open(job.source) as image:
        image.seek(job.page - 1)
        dpi = image.info.get("dpi")
        resolution = round(dpi[0]) if dpi and dpi[0] and dpi[0] > 1 else estimated_dpi(image)
        frame = ImageOps.exif_transpose(image)
        if frame.mode in ("L", "1"):
            return np.asarray(frame.convert("L")), resolution
        if frame.mode.startswith(("I", "F")):  # 16- or 32-bit grey: PIL's conversion clips all but black to white
            return _eight_bit(np.asarray(frame, dtype=np.float64)), resolution
        if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:  # a transparent page lies on white
            frame = Image.alpha_composite(Image.new("RGBA", frame.size, "white"), frame.convert("RGBA"))
        return cv2.cvtColor(np.asarray(frame.convert("RGB")), cv2.COLOR_RGB2BGR), resolution


def _eight_bit(grey: np.ndarray) -> np.ndarray:
    """Grey levels of any depth stretched over 0–255 (a 12-bit scan stored in 16 bits uses part of the range)."""
    low, high = float(grey.min()), float(grey.max())
    return np.round((grey - low) * (255 / (high - low or 1))).astype(np.uint8)


def render_pdf_page(path: Path, index: int, settings: Settings, colour: bool) -> tuple[np.ndarray, int]:
    """Render a PDF page in colour (BGR) or grey at the OCR resolution, lowered for pages too large to render
    safely."""
    document = pdfium.PdfDocument(path)
    try:
        page = document[index]
        width, height = page.get_size()
        dpi = settings.ocr_dpi
        pixels = (width / 72 * dpi) * (height / 72 * dpi)
        if pixels > settings.max_render_pixels:
            dpi = max(1, int(dpi * (settings.max_render_pixels / pixels) ** 0.5))
        bitmap = page.render(scale=dpi / 72, grayscale=not colour).to_numpy()
    finally:
        document.close()
    return (bitmap[..., :3] if bitmap.ndim == 3 else bitmap).copy(), dpi


def decision(reason: str, steps: tuple[str, ...], corrected: int) -> str:
    """The page's decision: why it was OCR'd, how the image was prepared, how many words were corrected."""
    done = f"{reason} after preparation ({', '.join(steps)})" if steps else reason
    return f"{done}; {corrected} words corrected" if corrected else done


def layout(words: list[Word], page_width: float | None = None) -> Reading:
    """The engine's words as lines in reading order, side-by-side columns read one after the other, and the boxes
    of those columns (and of blocks on the right of a page `page_width` wide)."""
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        grouped.setdefault(word.line, []).append(word)
    boxes = without_specks([[_box(w) for w in line] for line in grouped.values()])
    if _sideways(boxes):  # a page turned by a quarter, not turned back (no preparation): tesseract's order stands
        return Reading([merge(line) for line in boxes], [])
    printed = _printed_lines(boxes)
    placed = [w for line in printed for w in line]
    width = max((w.x1 for w in placed), default=0) - min((w.x0 for w in placed), default=0)
    parts = split_merged_columns([segments(sorted(line, key=lambda w: w.x0), width) for line in printed], width)
    return reading_order([[merge(segment) for segment in line] for line in parts], page_width)


def corrected(ordered: list[LayoutLine]) -> tuple[list[LayoutLine], int]:
    """Lines in reading order with their words through the syllable correction in that order, so that a line's
    first word has the line before it in its column as context (``ỦY BAN NHÂN DÂN`` / ``TÍNH BẮC LÂM``, which
    tesseract puts on one line with the national motto); and the count of words changed."""
    read = [word for segment in ordered for word in segment.text.split(" ")]
    fixed = correct_words(read, [c for segment in ordered for c in segment.confidences])
    lines, start = [], 0
    for segment in ordered:
        end = start + len(segment.confidences)
        lines.append(replace(segment, text=" ".join(fixed[start:end])))
        start = end
    return lines, sum(a != b for a, b in zip(read, fixed, strict=True))


def _sideways(lines: list[list[LayoutLine]]) -> bool:
    """Words of three letters or more stand taller than wide: the page lies turned by a quarter."""
    words = [w for line in lines for w in line if len(w.text) >= 3]
    tall = sum(w.bottom - w.top > w.x1 - w.x0 for w in words)
    return bool(words) and tall > len(words) / 2


def _box(word: Word) -> LayoutLine:
    return LayoutLine(word.text, word.left, word.left + word.width, word.top, word.top + word.height,
                      (word.confidence,))


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
