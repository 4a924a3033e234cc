"""Ingest: read a file into pages of text with provenance, deciding per page between text layer and OCR.

Reading is split in two so that OCR runs page by page across worker processes (as OCRmyPDF does):
:func:`read` returns the document with the pages it could read directly and an :class:`OcrJob` for every page
that needs OCR; :func:`pipeline.ingest.ocr.recognize` runs one job; :func:`assemble` puts the pages in order.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest import image, pdf, text
from pipeline.ingest.ocr import OcrJob
from pipeline.model import EmptyInput, PageText, RawDocument, UnreadableInput, UnsupportedInput
from pipeline.settings import Settings

PDF_MAGIC = b"%PDF"
IMAGE_MAGICS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"BM", b"GIF87a", b"GIF89a")
BINARY_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp"}


@dataclass
class ReadResult:
    """A document read as far as it can be without OCR."""

    document: RawDocument
    ocr_jobs: list[OcrJob] = field(default_factory=list)


def sniff(head: bytes) -> str:
    """The kind of a file from its first bytes: ``pdf``, ``image`` or ``text`` (content decides, not the name)."""
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(IMAGE_MAGICS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    return "text"


def sha256_of(path: Path) -> str:
    """Content hash of a file. Raises :class:`VanbanError` when it is not a regular file or cannot be read."""
    _check_regular_file(path)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError as e:
        raise UnreadableInput(f"file not found: {path}") from e
    except OSError as e:
        raise UnreadableInput(f"cannot read file: {e.strerror}") from e
    return digest.hexdigest()


def _check_regular_file(path: Path) -> None:
    """Refuse what is not a regular file before opening it: a named pipe would block the batch for ever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as e:
        if path.is_symlink():
            raise UnreadableInput(f"broken symbolic link: its target {os.readlink(path)} does not exist") from e
        raise UnreadableInput(f"file not found: {path}") from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise UnreadableInput("symbolic link loop: the link leads back to itself") from e
        raise UnreadableInput(f"cannot read file: {e.strerror}") from e
    if stat.S_ISDIR(mode):
        raise UnsupportedInput(f"not a file but a folder: {path}")
    if not stat.S_ISREG(mode):
        raise UnreadableInput("not a regular file (a named pipe, socket or device): not read")


def read(path: Path, source_file: str, sha256: str, settings: Settings) -> ReadResult:
    """Read `path` as far as possible without OCR. Raises a :class:`VanbanError` for an unreadable file."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except FileNotFoundError as e:
        raise UnreadableInput(f"file disappeared before it could be read: {path}") from e
    except OSError as e:
        raise UnreadableInput(f"cannot read file: {e.strerror}") from e
    if not head:
        raise EmptyInput("empty file (0 bytes)")
    document = RawDocument(source_file=source_file, sha256=sha256, kind=sniff(head))
    jobs: list[OcrJob] = []
    if document.kind == "pdf":
        document.pages, jobs = pdf.read(path, document.doc_id, settings)
    elif document.kind == "image":
        document.pages, jobs = image.read(path, document.doc_id, settings)
    elif path.suffix.lower() in BINARY_SUFFIXES:
        raise UnsupportedInput(f"named {path.suffix} but the content is not a readable {path.suffix[1:]} file")
    else:
        document.pages = text.read(path, settings.min_text_quality)
    return ReadResult(document, jobs)


def assemble(result: ReadResult, ocr_pages: list[PageText]) -> RawDocument:
    """The document with its OCR pages put in place, pages in order."""
    document = result.document
    document.pages = sorted([*document.pages, *ocr_pages], key=lambda p: p.page)
    return document
