"""A document's rows, and the store that keeps them in the output folder so that a later run can take them.

The store (``.vanban/results/`` in the output folder) holds one JSON file per finished document, written as the
document finishes. Its name is a key made of the document's content hash, its path as given, and a fingerprint
of everything that changes the rows: the settings that shape output, the vanban and schema versions and the code
and data files of the pipeline itself (so that an edited rule never serves stale rows). A run takes a document
from the store when its key is there and processes it otherwise, so an unchanged re-run does no work and a run
that was killed finishes only what is missing.
"""

from __future__ import annotations

import hashlib
import json
import traceback
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.model import PageText, Problem, TextSource, doc_id_for
from pipeline.settings import LIMITS, Settings

Rows = dict[str, list[dict[str, Any]]]

STORE_DIR = ".vanban/results"
PAGES_DIR = ".vanban/pages"  # OCR pages of documents not finished yet, kept as each page finishes
ATTEMPTS_FILE = ".vanban/attempts.json"  # store entry → runs on which its document timed out or ran out of memory
HASHES_FILE = ".vanban/hashes.json"  # input path → size, times, inode and content hash at the last run
# Failures another try may not repeat: a document that has one is not stored, so the next run tries it again.
RETRIED = frozenset({"timeout", "worker_died", "out_of_memory", "unreadable_input", "changed_input"})
# Of those, the costly ones: a document that met one of them on two runs is not tried again unless asked.
COSTLY = frozenset({"timeout", "worker_died", "out_of_memory"})
MAX_ATTEMPTS = 2
PACKAGE = Path(__file__).resolve().parent


@dataclass
class DocumentResult:
    """Everything one document adds to the tables, and its normalised text."""

    source_file: str
    doc_id: str | None
    rows: Rows
    text: str | None = None

    @property
    def retried(self) -> bool:
        """Whether a later run should process the document again instead of taking these rows."""
        return any(row["error_type"] in RETRIED for row in self.rows.get("errors", []))


def describe(error: BaseException) -> str:
    """An unexpected exception as one line: its type, message and where it was raised."""
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    location = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    return f"{type(error).__name__}: {error}{location}"


def error_row(source_file: str, doc_id: str | None, problem: Problem) -> dict[str, Any]:
    return {
        "source_file": source_file,
        "doc_id": doc_id,
        "page": problem.page,
        "stage": problem.stage.value,
        "error_type": problem.error_type,
        "message": problem.message,
    }


def failed(
    source_file: str, sha256: str | None, problem: Problem, format: str | None = None, parent_doc_id: str | None = None
) -> DocumentResult:
    """The rows of a document that could not be read at all."""
    doc_id = doc_id_for(sha256) if sha256 else None
    document_row = {
        "doc_id": doc_id,
        "source_file": source_file,
        "sha256": sha256,
        "format": format,
        "parent_doc_id": parent_doc_id,
        "pages": 0,
        "status": "failed",
        "error": problem.message,
        "chars": 0,
    }
    return DocumentResult(
        source_file, doc_id, {"documents": [document_row], "errors": [error_row(source_file, doc_id, problem)]}
    )


@cache
def code_digest() -> str:
    """Hash of the pipeline's code and data files: rows made by other code are not reused."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(settings: Settings) -> str:
    """What the rows of a document depend on besides its content. Limits (time, memory) are left out: they
    decide whether a document finishes, not what its rows are, and a document they stopped is tried again."""
    shaping = {name: value for name, value in asdict(settings).items() if name not in LIMITS}
    data = {"settings": shaping, "vanban": __version__, "schema": _schema_version(), "code": code_digest()}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _schema_version() -> str:
    from pipeline.schema import SCHEMA_VERSION  # pandas, only once tables are written

    return SCHEMA_VERSION


class Store:
    """Finished documents of an output folder, one JSON file each, keyed by content, path and fingerprint."""

    def __init__(self, out_dir: Path, settings: Settings):
        self.folder = out_dir / STORE_DIR
        self.fingerprint = fingerprint(settings)
        self.hashes_file = out_dir / HASHES_FILE
        self._known = json.loads(self.hashes_file.read_text(encoding="utf-8")) if self.hashes_file.exists() else {}
        self._hashes: dict[str, list[Any]] = {}
        self.pages_folder = out_dir / PAGES_DIR
        self.attempts_file = out_dir / ATTEMPTS_FILE
        self._attempts: dict[str, int] = (
            json.loads(self.attempts_file.read_text(encoding="utf-8")) if self.attempts_file.exists() else {}
        )

    def sha256(self, path: Path) -> str:
        """Content hash of an input; taken from the last run when its size, times and inode are unchanged (as git
        does), so that an unchanged re-run reads no input. Raises :class:`VanbanError` for an unreadable file."""
        try:
            stat = path.stat()
            signature: list[Any] | None = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        except OSError:
            signature = None
        known = self._known.get(str(path))
        if signature is not None and known is not None and known[:4] == signature:
            sha256 = known[4]
        else:
            from pipeline.ingest import sha256_of  # the ingest modules take a second to import

            sha256 = sha256_of(path)
        if signature is not None:
            self._hashes[str(path)] = [*signature, sha256]
        return sha256

    def save_hashes(self) -> None:
        from pipeline.export import atomic_path

        with atomic_path(self.hashes_file) as temporary:
            temporary.write_text(json.dumps(self._hashes), encoding="utf-8")

    def path(self, source_file: str, sha256: str) -> Path:
        key = hashlib.sha256(f"{self.fingerprint}\0{sha256}\0{source_file}".encode()).hexdigest()[:32]
        return self.folder / f"{key}.json"

    def put(self, path: Path, result: DocumentResult) -> None:
        from pipeline.export import atomic_path

        with atomic_path(path) as temporary:
            temporary.write_text(json.dumps(result.rows, ensure_ascii=False), encoding="utf-8")

    @staticmethod
    def load(path: Path) -> DocumentResult:
        rows = json.loads(path.read_text(encoding="utf-8"))
        document = rows["documents"][0]
        return DocumentResult(document["source_file"], document["doc_id"], rows)

    def given_up(self, path: Path) -> bool:
        """Whether the document of this entry failed in a costly way on enough runs not to be tried again."""
        return self._attempts.get(path.name, 0) >= MAX_ATTEMPTS

    def give_up(self, path: Path, result: DocumentResult) -> bool:
        """Count a run on which the document failed in a way another try may not repeat. After MAX_ATTEMPTS runs
        that timed out or ran out of memory, its failure is kept (True) and its errors row says how to try again;
        a plain re-run then takes it from the store instead of paying for it again."""
        errors = result.rows.get("errors", [])
        if not any(row["error_type"] in COSTLY for row in errors):
            return False
        attempts = self._attempts.get(path.name, 0) + 1
        self._attempts[path.name] = attempts
        self._save_attempts()
        if attempts < MAX_ATTEMPTS:
            return False
        for row in errors:
            if row["error_type"] in COSTLY:
                row["message"] += f"; failed so on {attempts} runs: not tried again unless --retry-failed"
        return True

    def succeeded(self, path: Path) -> None:
        if self._attempts.pop(path.name, None) is not None:
            self._save_attempts()

    def _save_attempts(self) -> None:
        from pipeline.export import atomic_path

        with atomic_path(self.attempts_file) as temporary:
            temporary.write_text(json.dumps(self._attempts), encoding="utf-8")

    def put_page(self, sha256: str, page: PageText) -> None:
        """Keep an OCR page of an unfinished document (keyed by content, page and fingerprint)."""
        from pipeline.export import atomic_path

        data = {**asdict(page), "text_source": page.text_source.value}
        with atomic_path(self._page_path(sha256, page.page)) as temporary:
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def pages(self, sha256: str) -> list[PageText]:
        """The OCR pages kept for a document by an earlier, interrupted run with the same fingerprint."""
        found = []
        for path in self.pages_folder.glob(f"{self._page_prefix(sha256)}-*.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            found.append(PageText(**{**data, "text_source": TextSource(data["text_source"])}))
        return found

    def drop_pages(self, sha256: str) -> None:
        for path in self.pages_folder.glob(f"{self._page_prefix(sha256)}-*.json"):
            path.unlink(missing_ok=True)

    def _page_prefix(self, sha256: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\0{sha256}".encode()).hexdigest()[:32]

    def _page_path(self, sha256: str, page: int) -> Path:
        return self.pages_folder / f"{self._page_prefix(sha256)}-{page}.json"

    def prune(self, keep: set[Path]) -> None:
        """Delete entries this run did not use (documents gone from the inputs, older settings or code)."""
        for path in self.folder.glob("*"):  # none when nothing was stored
            if path not in keep:
                path.unlink(missing_ok=True)
