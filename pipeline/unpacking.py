"""What each input file holds, known at planning: its format and, for a zip archive or an e-mail, the documents
inside it, copied out into the output folder (``.vanban/members/``) so that workers read them like any file.

The answer is kept by content hash in ``.vanban/contents.json``, so that an unchanged re-run neither opens an
input nor imports the readers (:mod:`pipeline.ingest.members` does the unpacking).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.model import Problem, Stage

MEMBERS_DIR = ".vanban/members"
INDEX_FILE = ".vanban/contents.json"


@dataclass(frozen=True)
class Packed:
    """A file inside a container, as the container's format lists it."""

    name: str  # its path inside the container
    stored_size: int  # the bytes it takes in the container (compressed, in a zip)
    open: Callable[[], IO[bytes]]  # raises VanbanError for a member that cannot be read


@dataclass(frozen=True)
class Member:
    """A document found inside an input file, copied out to `path`."""

    source_file: str  # archive.zip!/folder/file.pdf
    sha256: str
    path: Path
    parent_doc_id: str
    format: str


@dataclass(frozen=True)
class Failure:
    """A member (or the container itself) that could not be unpacked."""

    source_file: str
    sha256: str | None
    parent_doc_id: str | None
    problem: Problem


@dataclass
class Contents:
    """What an input file holds: its format, whether it is a document itself, and the documents inside it."""

    format: str
    is_document: bool
    members: list[Member] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


class Unpacker:
    """The contents of the input files of an output folder, unpacked once and remembered by content hash."""

    def __init__(self, out_dir: Path):
        self.staging = out_dir / MEMBERS_DIR
        self.index_file = out_dir / INDEX_FILE
        self._known: dict[str, Any] = (
            json.loads(self.index_file.read_text(encoding="utf-8")) if self.index_file.exists() else {}
        )
        self._used: dict[str, Any] = {}

    def contents(self, path: Path, source_file: str, sha256: str) -> Contents:
        """What the file holds. Raises :class:`VanbanError` when it cannot be read or unpacked."""
        known = self._known.get(sha256)
        if known is None or not all(Path(m["path"]).exists() for m in known["members"]):
            from pipeline.ingest.members import contents

            known = asdict(contents(path, source_file, sha256, self.staging))
            for item in [*known["members"], *known["failures"]]:  # kept relative to the file, wherever it is next
                item["source_file"] = item["source_file"].removeprefix(source_file)
        self._used[sha256] = known
        return _contents(known, source_file)

    def save(self) -> None:
        """Keep what this run used; members of files gone from the inputs are deleted."""
        from pipeline.export import atomic_path

        with atomic_path(self.index_file) as temporary:
            temporary.write_text(json.dumps(self._used, default=str), encoding="utf-8")
        kept = {Path(m["path"]).name for known in self._used.values() for m in known["members"]}
        for staged in self.staging.glob("*") if self.staging.is_dir() else ():
            if staged.name not in kept:
                staged.unlink(missing_ok=True)


def _contents(known: dict[str, Any], source_file: str) -> Contents:
    """Contents from the index, under the file's path as given in this run."""
    members = [Member(**{**m, "source_file": source_file + m["source_file"], "path": Path(m["path"])})
               for m in known["members"]]  # fmt: skip
    failures = [
        Failure(source_file + f["source_file"], f["sha256"], f["parent_doc_id"], _problem(f["problem"]))
        for f in known["failures"]
    ]
    return Contents(known["format"], known["is_document"], members, failures)


def _problem(known: dict[str, Any]) -> Problem:
    return Problem(**{**known, "stage": Stage(known["stage"])})
