"""Image files (JPEG, PNG, TIFF with any number of pages, BMP, GIF, WebP): every frame is a page for OCR."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from pipeline.ingest.ocr import OcrJob
from pipeline.model import CorruptInput, EmptyInput, UnsupportedInput


def read(path: Path, doc_id: str) -> list[OcrJob]:
    """Check the image opens and decodes, and plan one OCR job a frame."""
    try:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            if frames == 0:
                raise EmptyInput("image has no frames")
            image.seek(frames - 1)
            image.load()  # decode the last frame: a truncated file fails here, not in OCR
    except Image.DecompressionBombError as e:
        raise UnsupportedInput(f"image too large to process safely ({e})") from e
    except UnidentifiedImageError as e:
        raise CorruptInput("unreadable image: not a known image format") from e
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise CorruptInput(f"corrupt or truncated image ({e})") from e
    return [OcrJob(doc_id, index + 1, str(path), "image", "image: OCR") for index in range(frames)]
