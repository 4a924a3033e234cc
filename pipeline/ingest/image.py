"""Image files (JPEG, PNG, TIFF with any number of pages, BMP, GIF, WebP): every frame is a page for OCR, except
blank ones."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from pipeline.ingest.ocr import OcrJob
from pipeline.model import CorruptInput, EmptyInput, PageText, TextSource, TooLarge
from pipeline.settings import Settings

FORMAT = "image"
MAGICS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"BM", b"GIF87a", b"GIF89a")


def recognises(head: bytes, name: str) -> bool:
    """JPEG, PNG, TIFF, BMP, GIF or WebP by their signatures."""
    return head.startswith(MAGICS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    """Check every frame's size from its header, then decode it (a truncated file fails here, not in OCR): an
    empty page for each blank frame and an OCR job for each other one."""
    pages: list[PageText] = []
    jobs: list[OcrJob] = []
    try:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            if frames == 0:
                raise EmptyInput("image has no frames")
            for index in range(frames):
                image.seek(index)
                _check_size(image, index + 1, settings.max_render_pixels)
                if _is_blank(image):
                    pages.append(PageText(index + 1, "", TextSource.OCR, decision="blank image: nothing to read"))
                else:
                    jobs.append(OcrJob(doc_id, index + 1, str(path), "image", "image: OCR"))
    except Image.DecompressionBombError as e:
        raise TooLarge(f"image refused, not decoded: {e}") from e
    except UnidentifiedImageError as e:
        raise CorruptInput("unreadable image: not a known image format") from e
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise CorruptInput(f"corrupt or truncated image ({e})") from e
    return pages, jobs


def _check_size(image: Image.Image, page: int, max_pixels: int) -> None:
    width, height = image.size
    if width * height > max_pixels:
        raise TooLarge(
            f"image refused, not decoded: page {page} is {width}×{height} pixels, more than the "
            f"{max_pixels:,} allowed (max_render_pixels)"
        )


def _is_blank(image: Image.Image) -> bool:
    """Every pixel alike (a blank page as a program saves it; a scanned one has noise and is read)."""
    extrema = image.getextrema()
    bands = extrema if isinstance(extrema[0], tuple) else (extrema,)
    return all(low == high for low, high in bands)
