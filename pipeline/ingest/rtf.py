r"""Rich Text Format (.rtf, also what many a ``.doc`` really is): control words stripped by striprtf, characters
decoded from the document's own code page (``\ansicpg``) and ``\u`` escapes. List labels that Word writes as
``\listtext`` are kept, so numbered headings keep their numbers."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from pipeline.ingest import text
from pipeline.ingest.ocr import OcrJob
from pipeline.model import CorruptInput, PageText, TextSource
from pipeline.settings import Settings

FORMAT = "rtf"
CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")


def recognises(head: bytes, name: str) -> bool:
    return head.lstrip().startswith(b"{\\rtf")


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    data = path.read_bytes()
    code_page = CODE_PAGE.search(data[:4096])
    encoding = f"cp{int(code_page[1])}" if code_page else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        content = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except (ValueError, IndexError) as e:
        raise CorruptInput(f"corrupt RTF ({e})") from e
    return text.paged(content, TextSource.MARKUP, f"RTF (code page {encoding})"), []
