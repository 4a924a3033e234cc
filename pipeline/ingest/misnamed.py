"""Files named as a format that reads bytes (``.pdf``, ``.jpg``, ``.docx``, ``.zip`` …) whose content no format
recognised: a broken or misnamed file, reported as such rather than read as text."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.ocr import OcrJob
from pipeline.model import PageText, UnsupportedInput
from pipeline.settings import Settings

FORMAT = "unknown"
BINARY_SUFFIXES = frozenset(
    ".pdf .jpg .jpeg .png .tif .tiff .bmp .gif .webp .heic .heif .docx .doc .odt .zip .msg .xlsx .xls .pptx .ppt"
    .split()
)


def recognises(head: bytes, name: str) -> bool:
    return Path(name).suffix.lower() in BINARY_SUFFIXES


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    suffix = path.suffix.lower()  # a member of an archive is read from a copy with no suffix
    if suffix in BINARY_SUFFIXES:
        raise UnsupportedInput(f"named {suffix} but the content is not a readable {suffix[1:]} file")
    raise UnsupportedInput("named as a binary format, but the content is not a readable file of that format")
