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
from types import ModuleType

from pipeline.ingest import (
    archive, heif, image, mail, misnamed, opendocument, other_office, outlook, pdf, rtf, text, webpage, word,
    word_binary,
)
from pipeline.ingest.ocr import OcrJob
from pipeline.model import EmptyInput, PageText, RawDocument, UnreadableInput, UnsupportedInput
from pipeline.settings import Settings

# Every input format, tried in this order (the first that recognises a file reads it; text takes what is left).
# Adding a format is one module with FORMAT, recognises(head, name) and read(path, doc_id, settings) (and, for
# one that holds other files, members(path) and, when it is not always a document itself, is_document(path)),
# and one line here.
FORMATS: tuple[ModuleType, ...] = (
    pdf, word, opendocument, other_office, archive, image, heif, word_binary, outlook, rtf, mail, webpage, misnamed,
    text,
)
HEAD = 8192  # bytes a format is recognised from


@dataclass
class ReadResult:
    """A document read as far as it can be without OCR."""

    document: RawDocument
    ocr_jobs: list[OcrJob] = field(default_factory=list)


def identify(head: bytes, name: str) -> ModuleType:
    """The format module of a file from its first bytes and its name (content decides where it can)."""
    return next(module for module in FORMATS if module.recognises(head, name))


def read_head(path: Path) -> bytes:
    """The first bytes of a file, by which its format is recognised. Raises :class:`VanbanError`."""
    try:
        with path.open("rb") as f:
            head = f.read(HEAD)
    except FileNotFoundError as e:
        raise UnreadableInput(f"file disappeared before it could be read: {path}") from e
    except OSError as e:
        raise UnreadableInput(f"cannot read file: {e.strerror}") from e
    if not head:
        raise EmptyInput("empty file (0 bytes)")
    return head


def member_name(source_file: str) -> str:
    """The file name of an input or of a member of an archive or e-mail (``a.zip!/dir/b.pdf`` → ``b.pdf``)."""
    return Path(source_file.rpartition("!/")[2]).name


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


def read(
    path: Path, source_file: str, sha256: str, settings: Settings, parent_doc_id: str | None = None
) -> ReadResult:
    """Read `path` as far as possible without OCR. Raises a :class:`VanbanError` for an unreadable file."""
    module = identify(read_head(path), member_name(source_file))
    document = RawDocument(source_file, sha256, module.FORMAT, parent_doc_id=parent_doc_id)
    if not hasattr(module, "read"):
        raise UnsupportedInput(f"{module.FORMAT}: a container of other files, not a document")
    document.pages, jobs = module.read(path, document.doc_id, settings)
    return ReadResult(document, jobs)


def assemble(result: ReadResult, ocr_pages: list[PageText]) -> RawDocument:
    """The document with its OCR pages put in place, pages in order."""
    document = result.document
    document.pages = sorted([*document.pages, *ocr_pages], key=lambda p: p.page)
    return document
