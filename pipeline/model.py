"""The typed document model that flows forward through the stages.

ingest → :class:`RawDocument` (pages as read, with provenance) → normalize → :class:`Document` (one normalised
text with page offsets) → structure / extract add their rows → export writes the tables.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum


class TextSource(str, Enum):
    """Where a page's text came from."""

    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    PLAIN_TEXT = "plain_text"
    MARKUP = "markup"  # the text of a word-processor file, web page or e-mail, read from its markup


class Stage(str, Enum):
    """Pipeline stages, as named in the `errors` table."""

    INGEST = "ingest"
    OCR = "ocr"
    NORMALIZE = "normalize"
    STRUCTURE = "structure"
    EXTRACT = "extract"
    EXPORT = "export"


class VanbanError(Exception):
    """A problem with one document (or one page) that is reported in `errors` instead of stopping the batch."""

    error_type = "error"

    def __init__(self, message: str, *, stage: Stage = Stage.INGEST, page: int | None = None):
        super().__init__(message)
        self.message = message
        self.stage = stage
        self.page = page


class UnsupportedInput(VanbanError):
    error_type = "unsupported_input"


class EmptyInput(VanbanError):
    error_type = "empty_input"


class CorruptInput(VanbanError):
    error_type = "corrupt_input"


class EncryptedInput(VanbanError):
    error_type = "encrypted_input"


class MissingConverter(VanbanError):
    """A known format that this machine cannot read: the program that converts it is not installed."""

    error_type = "missing_converter"


class UnreadableInput(VanbanError):
    """The file cannot be opened: no permission, a broken or looping symbolic link, not a regular file."""

    error_type = "unreadable_input"


class TooLarge(VanbanError):
    """Decoding the input would take more memory than allowed (an image bomb, a giant embedded image)."""

    error_type = "too_large"


class EncodingProblem(VanbanError):
    error_type = "encoding"


class OcrFailure(VanbanError):
    error_type = "ocr_failed"


class Timeout(VanbanError):
    error_type = "timeout"


class ChangedInput(VanbanError):
    """The file changed while it was being read: what was read cannot be named by one content hash."""

    error_type = "changed_input"


class NotFollowed(VanbanError):
    """A symbolic link that the run does not follow (not asked to, or leading outside the inputs)."""

    error_type = "symlink_not_followed"


@dataclass(frozen=True)
class LayoutLine:
    """A line (or word) of a page with its position in pixels, origin top-left, from tesseract."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidences: tuple[float, ...] = ()  # tesseract's confidence (0–100) of each word of `text`


@dataclass(frozen=True)
class PageText:
    """One page as read: its text, where it came from and how good it looks."""

    page: int  # 1-based
    text: str
    text_source: TextSource
    seconds: float = 0.0
    ocr_confidence: float | None = None  # mean word confidence 0–100, OCR pages only
    text_quality: float | None = None  # share of valid Vietnamese syllables in the text
    decision: str = ""  # why this text was chosen, e.g. "text layer kept", "text layer unusable: OCR"


@dataclass(frozen=True)
class Problem:
    """A row of the `errors` table."""

    stage: Stage
    error_type: str
    message: str
    page: int | None = None

    @classmethod
    def from_error(cls, error: VanbanError) -> Problem:
        return cls(error.stage, error.error_type, error.message, error.page)


@dataclass
class RawDocument:
    """A file as ingested: identity, format, the e-mail or archive it came in, and pages in reading order."""

    source_file: str
    sha256: str
    kind: str  # its format: "pdf", "image", "text", "docx", "eml", … (the `documents.format` column)
    pages: list[PageText] = field(default_factory=list)
    parent_doc_id: str | None = None

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.sha256)

    @property
    def text_source(self) -> str:
        sources = {p.text_source for p in self.pages if p.text.strip()} or {p.text_source for p in self.pages}
        return sources.pop().value if len(sources) == 1 else "mixed"


def doc_id_for(sha256: str) -> str:
    """Stable document id: the same content gives the same id in every run."""
    return sha256[:16]


@dataclass
class Document:
    """A normalised document: one text, pages as character ranges in it."""

    raw: RawDocument
    text: str
    page_starts: list[int]  # char offset where each page begins in `text`

    @property
    def doc_id(self) -> str:
        return self.raw.doc_id

    def page_at(self, char_offset: int) -> int:
        """1-based page holding the character at `char_offset`."""
        return max(1, bisect.bisect_right(self.page_starts, char_offset))

    def page_text(self, page: int) -> str:
        start = self.page_starts[page - 1]
        end = self.page_starts[page] if page < len(self.page_starts) else len(self.text)
        return self.text[start:end]
