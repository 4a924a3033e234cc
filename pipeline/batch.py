"""Batch: run the stages over many files in worker processes, one document's failure never stopping the others.

Work is cut into three kinds of task: read a document (text layers, plan OCR), OCR one page, finish a document
(normalize and later stages, rows of the tables). Pages of one scan therefore spread over all workers. The tasks
run in a pool of local worker processes (pebble), each under a memory ceiling and each task under a time limit (a
worker that hangs or dies is replaced and its document recorded as failed), or on a Dask cluster.

Runs are incremental: each finished document's rows go to the output folder's results store
(:mod:`pipeline.results`) at once, documents already there are not processed again, and the tables are built
from the store at the end, a chunk of documents at a time, with citations resolved across the whole batch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import resource
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, TimeoutError, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tqdm import tqdm

from pipeline import __version__, export, review, schema
from pipeline.model import PageText, Problem, Stage, TextSource, VanbanError, doc_id_for
from pipeline.results import DocumentResult, Store, describe, error_row, failed
from pipeline.settings import Settings

IGNORED_NAMES = ("README", ".")  # notes and hidden files in an input folder are not documents
LOCAL, LOCAL_DASK, DASK_PREFIX = "local", "local-dask", "dask://"
CHUNK = 100  # documents whose rows are turned into a chunk of the tables at a time
MANIFEST = ".vanban/tables.json"  # what the tables in the folder were built from


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


def read_task(path: str, source_file: str, sha256: str, settings: Settings) -> Any:
    """A worker's first task for a document (the ingest modules are imported there, not for an unchanged re-run)."""
    from pipeline import ingest

    return ingest.read(Path(path), source_file, sha256, settings)


def limit_memory(megabytes: int) -> None:
    """Pool initializer: cap the worker's address space, and so that of the tesseract it starts."""
    ceiling = megabytes << 20
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def limited(function: Callable[..., Any], args: tuple, seconds: float) -> Any:
    """Run a task on a Dask worker with a time limit: Dask cannot stop a running task, so past the limit the
    task is given up (a ``timeout`` row) while its thread runs on to its end in the background."""
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(function, *args).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)


@dataclass
class _Executor:
    """Where tasks run: `submit(function, args, time_limit)` gives a future; `died` are its errors for a lost
    worker."""

    submit: Callable[[Callable[..., Any], tuple, float], Future]
    workers: int
    died: tuple[type[BaseException], ...]


@contextmanager
def _executor(scheduler: str, jobs: int | None, settings: Settings) -> Iterator[_Executor]:
    """Where the tasks run. ``local``: pebble worker processes, each under `worker_memory_mb` of address space,
    a task killed at its time limit. Dask: the memory ceiling is Dask's own per-worker ``memory_limit`` (resident
    memory, for ``local-dask``; a remote cluster keeps its own), and a task past its time limit is given up but
    not stopped (:func:`limited`)."""
    if scheduler == LOCAL:
        import pebble

        workers = jobs or _cpu_count()
        pool = pebble.ProcessPool(workers, initializer=limit_memory, initargs=(settings.worker_memory_mb,))
        try:
            yield _Executor(
                lambda f, args, limit: pool.schedule(f, args=args, timeout=limit), workers, (pebble.ProcessExpired,)
            )
        except BaseException:
            pool.stop()  # running tasks are not waited for
            raise
        finally:
            pool.close()
            pool.join()
        return
    from distributed import Client, KilledWorker, LocalCluster

    if scheduler == LOCAL_DASK:
        cluster = LocalCluster(
            n_workers=jobs or _cpu_count(), threads_per_worker=1, memory_limit=f"{settings.worker_memory_mb}MiB",
            dashboard_address=None,
        )  # fmt: skip
        address: Any = cluster
    else:
        cluster, address = None, "tcp://" + scheduler.removeprefix(DASK_PREFIX)
    try:
        with Client(address) as client:
            pool = client.get_executor(pure=False)
            workers = jobs or sum(client.nthreads().values()) or 1
            yield _Executor(lambda f, args, limit: pool.submit(limited, f, args, limit), workers, (KilledWorker,))
    finally:
        if cluster is not None:
            cluster.close()


def _problem(
    error: BaseException, stage: Stage, settings: Settings, died: tuple[type[BaseException], ...],
    page: int | None = None, limit: float | None = None,
) -> Problem:  # fmt: skip
    """A task's failure as an `errors` row: our own errors as they are, time-outs, memory and crashes explained."""
    if isinstance(error, VanbanError):
        return Problem.from_error(error)
    if isinstance(error, TimeoutError):
        return Problem(stage, "timeout", f"gave up after {limit:g} s", page)
    if isinstance(error, MemoryError):
        message = f"ran out of memory: the worker's ceiling is {settings.worker_memory_mb} MB (--worker-memory)"
        return Problem(stage, "out_of_memory", message, page)
    if isinstance(error, died):
        code = getattr(error, "exitcode", None)
        return Problem(stage, "worker_died", "the worker process died" + (f" (exit code {code})" if code else ""), page)
    return Problem(stage, "internal_error", describe(error), page)


@dataclass
class _Pending:
    """A document on its way through the pool."""

    path: Path
    source_file: str
    sha256: str
    read: Any = None  # ingest.ReadResult
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
    reused: int = 0

    @property
    def exit_code(self) -> int:
        return 0 if self.partial == 0 and self.failed == 0 else 1

    def __str__(self) -> str:
        rate = f" ({self.pages / self.seconds:.2f} pages/s)" if self.seconds else ""
        reused = f" ({self.reused} unchanged, taken from the last run)" if self.reused else ""
        return (
            f"{self.documents} documents{reused}: {self.ok} ok, {self.partial} partial, {self.failed} failed; "
            f"{self.pages} pages, {self.ocr_pages} by OCR; {self.seconds:.1f} s{rate}. Tables in {self.out_dir}"
        )


Entry = Path | DocumentResult  # a document's rows: in the store, or (when it is to be tried again) in memory


def run(
    inputs: Iterable[Path],
    out_dir: Path,
    settings: Settings = Settings(),
    jobs: int | None = None,
    progress: bool = True,
    on_result: Callable[[DocumentResult], None] | None = None,
    scheduler: str = LOCAL,
) -> RunSummary:
    """Process every input file into the tables of `out_dir`; returns the run's summary.

    `scheduler`: ``local`` (a pool of `jobs` worker processes), ``local-dask`` (a Dask LocalCluster of `jobs`
    workers) or ``dask://HOST:PORT`` (the workers of that Dask scheduler, which must see the input paths).
    Raises :class:`export.ExportError` when the output folder cannot be written."""
    started_at = datetime.now(timezone.utc)
    clock = time.perf_counter()
    paths = discover(inputs)
    with export.locked(out_dir):
        store = Store(out_dir, settings)
        bar = tqdm(total=len(paths), unit="doc", disable=not progress or None, desc="vanban")
        entries, todo = _plan(paths, store)
        bar.update(len(paths) - len(todo))
        reused = sum(isinstance(entry, Path) for entry in entries.values())

        def collect(item: _Pending, result: DocumentResult) -> None:
            if result.text and result.doc_id:
                export.write_text(out_dir, result.doc_id, result.text)
            if result.retried:
                entries[item.source_file] = result
            else:
                stored = store.path(item.source_file, item.sha256)
                store.put(stored, result)
                entries[item.source_file] = stored
            bar.update(1)
            if on_result:
                on_result(result)
            result.text = None

        if todo:
            with _executor(scheduler, jobs, settings) as executor:
                _process(todo, executor, settings, collect)
        bar.close()
        store.save_hashes()
        summary = _write(entries, out_dir, settings, started_at, clock, reused, store)
    return summary


def _plan(paths: list[Path], store: Store) -> tuple[dict[str, Entry], list[_Pending]]:
    """Split the inputs into documents whose rows are known (in the store, or a failure found without processing,
    like an unreadable file or a duplicate) and documents to process."""
    entries: dict[str, Entry] = {}
    todo: list[_Pending] = []
    seen: dict[str, str] = {}
    for path in paths:
        source_file = str(path)
        try:
            sha256 = store.sha256(path)
        except VanbanError as e:
            entries[source_file] = failed(source_file, None, Problem.from_error(e))
            continue
        if sha256 in seen:
            problem = Problem(Stage.INGEST, "duplicate", f"same content as {seen[sha256]}: skipped")
            rows = {"errors": [error_row(source_file, doc_id_for(sha256), problem)]}
            entries[source_file] = DocumentResult(source_file, None, rows)
            continue
        seen[sha256] = source_file
        stored = store.path(source_file, sha256)
        if stored.exists():
            entries[source_file] = stored
        else:
            todo.append(_Pending(path, source_file, sha256))
    return entries, todo


def _process(
    todo: list[_Pending], executor: _Executor, settings: Settings, collect: Callable[[_Pending, DocumentResult], None]
) -> None:
    """Read, OCR and finish every pending document on the executor, a few documents at a time."""
    from pipeline import ingest, process
    from pipeline.ingest.ocr import recognize

    pending: dict[Future, tuple[str, _Pending, Any]] = {}
    queue = list(reversed(todo))
    active = 0

    def submit(kind: str, item: _Pending, function: Callable, args: tuple, limit: float, extra: Any = None) -> None:
        pending[executor.submit(function, args, limit)] = (kind, item, extra)

    def start_more() -> None:
        nonlocal active
        while queue and active < executor.workers + 1:
            item = queue.pop()
            args = (str(item.path), item.source_file, item.sha256, settings)
            submit("read", item, read_task, args, settings.document_timeout)
            active += 1

    def finish(item: _Pending) -> None:
        document = ingest.assemble(item.read, item.ocr_pages)
        submit("finish", item, process.finish, (document, item.problems, settings), settings.document_timeout)
        item.read, item.ocr_pages = None, []  # the pages travel with the task: memory stays flat in batch size

    start_more()
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            kind, item, job = pending.pop(future)
            try:
                value = future.result()
            except BaseException as error:  # noqa: BLE001 - every failure becomes a row
                if kind == "ocr":
                    item.problems.append(
                        _problem(error, Stage.OCR, settings, executor.died, job.page, settings.page_timeout)
                    )
                    item.ocr_left -= 1
                    if item.ocr_left == 0:
                        finish(item)
                    continue
                stage = Stage.INGEST if kind == "read" else Stage.NORMALIZE
                problem = _problem(error, stage, settings, executor.died, None, settings.document_timeout)
                collect(item, failed(item.source_file, item.sha256, problem))
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
                collect(item, value)
                active -= 1
        start_more()


def _write(
    entries: dict[str, Entry], out_dir: Path, settings: Settings, started_at: datetime, clock: float, reused: int,
    store: Store,
) -> RunSummary:  # fmt: skip
    """Write the tables from the entries, rows in input order so that the same inputs give the same files. When
    the tables in the folder were built from the same entries, only `runs` is written."""
    order = sorted(entries)
    digest = hashlib.sha256(store.fingerprint.encode())
    for source_file in order:
        entry = entries[source_file]
        digest.update(json.dumps([source_file, entry.name if isinstance(entry, Path) else entry.rows]).encode())
    manifest = out_dir / MANIFEST
    previous = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
    files = [f"{name}.{suffix}" for name in schema.TABLES for suffix in ("csv", "parquet")]
    beside = [export.DUCKDB_FILE, export.XLSX_FILE, export.JSONL_FILE, "report/index.html"]
    current = all((out_dir / name).exists() for name in [*files, *beside])
    run_id = uuid.uuid4().hex
    if previous.get("digest") == digest.hexdigest() and current:
        seconds = round(time.perf_counter() - clock, 3)
        summary = RunSummary(run_id, **previous["counts"], seconds=seconds, out_dir=out_dir, reused=reused)
        export.replace_runs(out_dir, schema.frame("runs", [_runs_row(summary, started_at, settings)]))
        return summary
    manifest.unlink(missing_ok=True)  # the tables are about to change: a run killed after this rebuilds them
    writer = export.TableWriter(out_dir, {name: schema.frame(name, []) for name in schema.TABLES})
    try:
        counts, doc_ids = _write_rows(writer, [entries[source_file] for source_file in order])
        seconds = round(time.perf_counter() - clock, 3)
        summary = RunSummary(run_id, **counts, seconds=seconds, out_dir=out_dir, reused=reused)
        writer.append("runs", schema.frame("runs", [_runs_row(summary, started_at, settings)]))
        writer.commit(schema.VIEWS)
    except BaseException:
        writer.discard()
        raise
    store.prune({entry for entry in entries.values() if isinstance(entry, Path)})
    export.remove_texts_except(out_dir, doc_ids)
    export.write_beside_tables(out_dir)
    with export.atomic_path(manifest) as path:
        path.write_text(json.dumps({"digest": digest.hexdigest(), "counts": counts}), encoding="utf-8")
    summary.seconds = round(time.perf_counter() - clock, 3)  # `runs` was written before the last files
    return summary


def _write_rows(writer: export.TableWriter, entries: list[Entry]) -> tuple[dict[str, int], set[str]]:
    """Stream the documents' rows into the tables, CHUNK documents at a time; `documents` and `citations` are
    held to the end, where citations are resolved across the batch. Returns the counts of `runs` and the ids of
    the documents that have a text."""
    held: dict[str, list[dict[str, Any]]] = {"documents": [], "citations": []}
    chunk: dict[str, list[dict[str, Any]]] = {name: [] for name in schema.TABLES if name not in held and name != "runs"}
    pages = ocr_pages = 0

    def flush() -> None:
        nonlocal pages, ocr_pages
        pages += len(chunk["pages"])
        ocr_pages += sum(row["text_source"] == TextSource.OCR.value for row in chunk["pages"])
        for name, rows in chunk.items():
            writer.append(name, schema.frame(name, rows))
            rows.clear()

    for number, entry in enumerate(entries, 1):
        result = Store.load(entry) if isinstance(entry, Path) else entry
        review.mark(result.rows)
        for name, rows in result.rows.items():
            (held[name] if name in held else chunk[name]).extend(rows)
        if number % CHUNK == 0:
            flush()
    flush()
    link_references(held["citations"], held["documents"])
    for name, rows in held.items():
        writer.append(name, schema.frame(name, rows))
    statuses = [row["status"] for row in held["documents"]]
    counts = {
        "documents": len(statuses),
        "ok": statuses.count("ok"),
        "partial": statuses.count("partial"),
        "failed": statuses.count("failed"),
        "pages": pages,
        "ocr_pages": ocr_pages,
    }
    return counts, {row["doc_id"] for row in held["documents"] if row.get("text_path")}


def _runs_row(summary: RunSummary, started_at: datetime, settings: Settings) -> dict[str, Any]:
    return {
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
        "reused": summary.reused,
    }


def link_references(references: list[dict[str, Any]], documents: list[dict[str, Any]]) -> None:
    """Set ``resolved_doc_id`` on every reference whose cited document is itself in the batch."""
    from pipeline.extract.references import Reference, resolve_in_batch

    fields = {f.name for f in dataclasses.fields(Reference)} - {"mentions"}
    cited = [(row["doc_id"], Reference(**{k: row.get(k) for k in fields})) for row in references]
    batch = [(d["doc_id"], d.get("number_symbol"), d.get("issuer"), d.get("year")) for d in documents if d["doc_id"]]
    resolved = resolve_in_batch(cited, batch)
    for row in references:
        row["resolved_doc_id"] = resolved.get((row["doc_id"], row["ref_id"]))


def _cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
