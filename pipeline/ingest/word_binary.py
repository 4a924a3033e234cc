"""Legacy Word documents (.doc, Word 97–2003): converted to Word's current format by LibreOffice and read as
such, so that the list numbering Word applies itself comes out with its labels (``I.``, ``1.``, ``a)``), which a
text dump of the binary file loses. Needs LibreOffice Writer (``soffice``), which ``make`` installs."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import olefile

from pipeline.ingest import word
from pipeline.ingest.ocr import OcrJob
from pipeline.model import CorruptInput, MissingConverter, PageText, UnsupportedInput
from pipeline.settings import Settings

FORMAT = "doc"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERTER = "soffice"
SECONDS = 120  # a conversion that takes longer is given up


def recognises(head: bytes, name: str) -> bool:
    """An OLE2 compound file (Word 97–2003, also Excel and PowerPoint of those years) not named ``.msg``."""
    return head.startswith(OLE_MAGIC) and Path(name).suffix.lower() != ".msg"


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    try:
        with olefile.OleFileIO(str(path)) as ole:
            is_word = ole.exists("WordDocument")
            kind = "Excel workbook (.xls)" if ole.exists("Workbook") else "PowerPoint file (.ppt)" if ole.exists(
                "PowerPoint Document") else "Office file"
    except (OSError, ValueError) as e:
        raise CorruptInput(f"corrupt Office 97–2003 file ({e})") from e
    if not is_word:
        raise UnsupportedInput(f"an old {kind}, not a Word document: not read (save it as PDF)")
    program = shutil.which(CONVERTER)
    if program is None:
        raise MissingConverter(
            "legacy Word document (.doc): this machine cannot read it without LibreOffice Writer; install it "
            "(apt-get install libreoffice-writer-nogui, or run `make setup`)"
        )
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as folder:
        source = Path(folder) / "document.doc"
        os.symlink(path.resolve(), source)
        command = [program, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "docx",
                   "--outdir", folder, str(source)]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=SECONDS, check=False)
        except subprocess.TimeoutExpired as e:
            raise CorruptInput(f"legacy Word document not converted within {SECONDS} s") from e
        converted = Path(folder) / "document.docx"
        if not converted.exists():
            raise CorruptInput("corrupt legacy Word document: LibreOffice could not convert it")
        pages, jobs = word.read(converted, doc_id, settings)
    return [replace(page, decision="legacy Word document (doc), converted by LibreOffice") for page in pages], jobs
