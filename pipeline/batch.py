"""Batch: run the stages over many files in worker processes, one document's failure never stopping the others.

Work is cut into three kinds of task, all run in a pool of worker processes: read a document (text layers,
plan OCR), OCR one page, finish a document (normalize and later stages, rows of the tables). Pages of one scan
therefore spread over all cores. Each task has a time limit; a worker that hangs or dies is replaced and its
document recorded as failed.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, TimeoutError, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pebble
from tqdm import tqdm

from pipeline import __version__, export, ingest, process, schema
from pipeline.extract.references import Reference, resolve_in_batch
from pipeline.ingest.ocr import recognize
from pipeline.model import PageText, Problem, Stage, TextSource, VanbanError, doc_id_for
from pipeline.process import DocumentResult, describe, error_row, failed
from pipeline.settings import Settings

IGNORED_NAMES = ("README", ".")  # notes and hidden files in an input folder are not documents


def discover(inputs: Iterable[Path]) -> list[Path]:
    """The files to process, in a stable order: files as given, folders searched recursively."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found.extend(
                sorted(p for p in item.rglob("*") if (p.is_file() or p.is_symlink()) and not _ignored(p, item))
            )
        else:
            found.append(item)
    return list(dict.fromkeys(found))


def _ignored(path: Path, root: Path) -> bool:
    return any(part.startswith(IGNORED_NAMES) for part in path.relative_to(root).parts)


def read_task(path: str, source_file: str, sha256: str, settings: Settings) -> ingest.ReadResult:
    return ingest.read(Path(path), source_file, sha256, settings)


def _problem(error: BaseException, stage: Stage, page: int | None = None, limit: float | None = None) -> Problem:
    """A task's failure as an `errors` row: our own errors as they are, time-outs and crashes explained."""
    if isinstance(error, VanbanError):
        return Problem.from_error(error)
    if isinstance(error, TimeoutError):
        return Problem(stage, "timeout", f"gave up after {limit:g} s", page)
    if isinstance(error, pebble.ProcessExpired):
        return Problem(stage, "worker_died", f"the worker process died (exit code {error.exitcode})", page)
    return Problem(stage, "internal_error", describe(error), page)


@dataclass
class _Pending:
    """A document on its way through the pool."""

    path: Path
    source_file: str
    sha256: str
    read: ingest.ReadResult | None = None
    ocr_pages: list[PageText] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ocr_left: int = 0


@dataclass
class RunSummary:
    run_id: str
    documents: int
    ok: int
    partial: int
    failed: int
    pages: int
    ocr_pages: int
    seconds: float
    out_dir: Path

    @property
    def exit_code(self) -> int:
        return 0 if self.partial == 0 and self.failed == 0 else 1

    def __str__(self) -> str:
        rate = f" ({self.pages / self.seconds:.2f} pages/s)" if self.seconds else ""
        return (
            f"{self.documents} documents: {self.ok} ok, {self.partial} partial, {self.failed} failed; "
            f"{self.pages} pages, {self.ocr_pages} by OCR; {self.seconds:.1f} s{rate}. Tables in {self.out_dir}"
        )


def run(
    inputs: Iterable[Path],
    out_dir: Path,
    settings: Settings = Settings(),
    jobs: int | None = None,
    progress: bool = True,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> RunSummary:
    """Process every input file into the tables of `out_dir`; returns the run's summary."""
    started_at = datetime.now(timezone.utc)
    clock = time.perf_counter()
    paths = discover(inputs)
    results: list[DocumentResult] = []
    seen: dict[str, str] = {}
    bar = tqdm(total=len(paths), unit="doc", disable=not progress or None, desc="vanban")

    def collect(result: DocumentResult) -> None:
        if result.text and result.doc_id:
            export.write_text(out_dir, result.doc_id, result.text)
        results.append(result)
        bar.update(1)
        if on_result:
            on_result(result)

    workers = jobs or _cpu_count()
    with pebble.ProcessPool(max_workers=workers) as pool:
        pending: dict[Future, tuple[str, _Pending, Any]] = {}
        queue = list(reversed(paths))
        active = 0

        def submit(kind: str, item: _Pending, function: Callable, args: tuple, timeout: float, extra: Any = None):
            pending[pool.schedule(function, args=args, timeout=timeout)] = (kind, item, extra)

        def start_more() -> None:
            nonlocal active
            while queue and active < workers + 1:
                path = queue.pop()
                source_file = str(path)
                try:
                    sha256 = ingest.sha256_of(path)
                except VanbanError as e:
                    collect(failed(source_file, None, Problem.from_error(e)))
                    continue
                if sha256 in seen:
                    problem = Problem(Stage.INGEST, "duplicate", f"same content as {seen[sha256]}: skipped")
                    bar.update(1)
                    results.append(
                        DocumentResult(source_file, None, {"errors": [error_row(source_file, doc_id_for(sha256), problem)]})
                    )
                    continue
                seen[sha256] = source_file
                item = _Pending(path, source_file, sha256)
                submit("read", item, read_task, (str(path), source_file, sha256, settings), settings.document_timeout)
                active += 1

        def finish(item: _Pending) -> None:
            document = ingest.assemble(item.read, item.ocr_pages)
            submit("finish", item, process.finish, (document, item.problems, settings), settings.document_timeout)

        start_more()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                kind, item, job = pending.pop(future)
                try:
                    value = future.result()
                except BaseException as error:  # noqa: BLE001 - every failure becomes a row
                    if kind == "ocr":
                        item.problems.append(_problem(error, Stage.OCR, job.page, settings.page_timeout))
                        item.ocr_left -= 1
                        if item.ocr_left == 0:
                            finish(item)
                        continue
                    stage = Stage.INGEST if kind == "read" else Stage.NORMALIZE
                    collect(failed(item.source_file, item.sha256, _problem(error, stage, None, settings.document_timeout)))
                    active -= 1
                    continue
                if kind == "read":
                    item.read = value
                    item.ocr_left = len(value.ocr_jobs)
                    for ocr_job in value.ocr_jobs:
                        submit("ocr", item, recognize, (ocr_job, settings), settings.page_timeout, ocr_job)
                    if not value.ocr_jobs:
                        finish(item)
                elif kind == "ocr":
                    item.ocr_pages.append(value)
                    item.ocr_left -= 1
                    if item.ocr_left == 0:
                        finish(item)
                else:
                    collect(value)
                    active -= 1
            start_more()
    bar.close()
    return _write(results, out_dir, settings, started_at, time.perf_counter() - clock)


def _write(
    results: list[DocumentResult], out_dir: Path, settings: Settings, started_at: datetime, seconds: float
) -> RunSummary:
    """Write the tables; rows in input order so that the same inputs give the same files."""
    results.sort(key=lambda r: r.source_file)
    tables = {name: [row for r in results for row in r.rows.get(name, [])] for name in schema.TABLES if name != "runs"}
    link_references(tables["references"], tables["documents"])
    statuses = [row["status"] for row in tables["documents"]]
    summary = RunSummary(
        run_id=uuid.uuid4().hex,
        documents=len(statuses),
        ok=statuses.count("ok"),
        partial=statuses.count("partial"),
        failed=statuses.count("failed"),
        pages=len(tables["pages"]),
        ocr_pages=sum(row["text_source"] == TextSource.OCR.value for row in tables["pages"]),
        seconds=round(seconds, 3),
        out_dir=out_dir,
    )
    tables["runs"] = [
        {
            "run_id": summary.run_id,
            "started_at": started_at.isoformat(timespec="seconds"),
            "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "schema_version": schema.SCHEMA_VERSION,
            "vanban_version": __version__,
            "documents": summary.documents,
            "pages": summary.pages,
            "failed": summary.failed,
            "seconds": summary.seconds,
            "settings": settings.to_json(),
        }
    ]
    export.write_tables(out_dir, {name: schema.frame(name, rows) for name, rows in tables.items()}, schema.VIEWS)
    return summary


def link_references(references: list[dict[str, Any]], documents: list[dict[str, Any]]) -> None:
    """Set ``resolved_doc_id`` on every reference whose cited document is itself in the batch."""
    fields = {f.name for f in dataclasses.fields(Reference)} - {"mentions"}
    cited = [(row["doc_id"], Reference(**{k: row.get(k) for k in fields})) for row in references]
    batch = [(d["doc_id"], d.get("number_symbol"), d.get("issuer"), d.get("year")) for d in documents if d["doc_id"]]
    resolved = resolve_in_batch(cited, batch)
    for row in references:
        row["resolved_doc_id"] = resolved.get((row["doc_id"], row["ref_id"]))


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
