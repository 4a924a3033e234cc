"""Office files that are not documents to read (spreadsheets, presentations), new (zip) or old (OLE2): told apart
from Word files and archives by their name or first bytes, and refused with a message saying what they are."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.ocr import OcrJob
from pipeline.model import PageText, UnsupportedInput
from pipeline.settings import Settings

FORMAT = "unsupported"
KINDS = {  # name suffix → what it is
    ".xlsx": "an Excel workbook", ".xlsm": "an Excel workbook", ".xls": "an Excel workbook",
    ".pptx": "a PowerPoint presentation", ".ppt": "a PowerPoint presentation",
    ".ods": "an OpenDocument spreadsheet", ".odp": "an OpenDocument presentation",
}  # fmt: skip
MARKERS = {b"xl/": "an Excel workbook", b"ppt/": "a PowerPoint presentation"}  # part names in a zip's first bytes
ZIP_OR_OLE = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def recognises(head: bytes, name: str) -> bool:
    return head.startswith(ZIP_OR_OLE) and (_what(head, name) is not None)


def _what(head: bytes, name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    if suffix in KINDS:
        return f"{KINDS[suffix]} ({suffix[1:]})"
    if head.startswith(b"PK") and b"word/" not in head:
        return next((what for marker, what in MARKERS.items() if marker in head), None)
    return None


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    with path.open("rb") as f:
        head = f.read(8192)
    raise UnsupportedInput(f"{_what(head, path.name) or 'a spreadsheet or presentation'}, not a document: not read "
                           "(save it as PDF to have it read)")  # fmt: skip
