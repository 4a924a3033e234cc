"""Zip archives: not a document but a container of documents, each member read as a document of its own
(``source_file`` = ``archive.zip!/folder/file.pdf``). Unpacking, with its bounds against zip bombs, is
:mod:`pipeline.ingest.members`. Office files that are zips (xlsx, pptx, ods …) are refused, saying what they are."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest import other_office
from pipeline.model import CorruptInput, EncryptedInput, UnsupportedInput
from pipeline.unpacking import Packed

FORMAT = "zip"
MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OTHER_OPENDOCUMENT = "application/vnd.oasis.opendocument."


def recognises(head: bytes, name: str) -> bool:
    return head.startswith(MAGICS)


def members(path: Path) -> Iterator[Packed]:
    """The files of the archive, folders and the archiver's own entries (``__MACOSX/``) left out."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise CorruptInput(f"corrupt zip archive ({e})") from e
    with archive:
        names = set(archive.namelist())
        for marker, what in other_office.MARKERS.items():
            if "[Content_Types].xml" in names and any(name.startswith(marker.decode()) for name in names):
                raise UnsupportedInput(f"{what}, not a document: not read (save it as PDF to have it read)")
        if "mimetype" in names and archive.read("mimetype").startswith(OTHER_OPENDOCUMENT.encode()):
            kind = archive.read("mimetype").decode("ascii", "replace").rpartition(".")[2]
            raise UnsupportedInput(f"an OpenDocument {kind}, not a text: not read (save it as PDF to have it read)")
        for info in archive.infolist():
            if info.is_dir() or info.filename.startswith("__MACOSX/") or Path(info.filename).name.startswith("."):
                continue
            yield Packed(_name(info), info.compress_size, lambda info=info: _open(archive, info))


def _open(archive: zipfile.ZipFile, info: zipfile.ZipInfo):  # noqa: ANN202 - a binary file object
    if info.flag_bits & 0x1:
        raise EncryptedInput("encrypted member of a zip archive: it needs a password")
    try:
        return archive.open(info)
    except (zipfile.BadZipFile, NotImplementedError, ValueError) as e:
        raise CorruptInput(f"member of the zip archive not readable ({e})") from e


def _name(info: zipfile.ZipInfo) -> str:
    """A member's path; names a Windows archiver wrote in its OEM code page (no UTF-8 flag) decoded from it."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return info.filename
