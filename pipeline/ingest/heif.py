"""HEIC/HEIF photos (an iPhone's camera): decoded by pillow-heif, whose opener lets Pillow, and so the image reader
and OCR, open them like any other image."""

from __future__ import annotations

from pathlib import Path

import pillow_heif

from pipeline.ingest import image
from pipeline.ingest.ocr import OcrJob
from pipeline.model import PageText
from pipeline.settings import Settings

FORMAT = "heic"
BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")

pillow_heif.register_heif_opener()  # in every process that imports pipeline.ingest, OCR workers included


def recognises(head: bytes, name: str) -> bool:
    """An ISO media file (``ftyp`` box) of a HEIF brand."""
    return head[4:8] == b"ftyp" and head[8:12] in BRANDS


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    """Every image of the file is a page for OCR, as with other images."""
    return image.read(path, doc_id, settings)
