"""Batch: run the stages over many files in worker processes, one document's failure never stopping the others.

Work is cut into three kinds of task: read a document (text layers, plan OCR), OCR one page, finish a document
(normalize and later stages, rows of the tables). Pages of one scan therefore spread over all workers. The tasks
run in a pool of local worker processes (pebble), each under a memory ceiling and each task under a time limit (a
worker that hangs or dies is replaced and its document recorded as failed), or on a Dask cluster.

Runs are incremental: each finished document's rows go to the output folder's results store
(:mod:`pipeline.results`) at once, and documents already there are not processed again. The tables are written
from the store in input order while the workers run (:mod:`pipeline.table_stream`), a chunk of documents at a
time, and finished at the end, with citations resolved across the whole batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, TimeoutError, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline import __version__, export, schema, two_cores
from pipeline.discovery import Input, discover
from pipeline.model import (
    ChangedInput, EmptyInput, NotFollowed, PageText, Problem, Stage, VanbanError, doc_id_for,
)
from pipeline.progress import PageProgress
from pipeline.results import DocumentResult, Store, describe, error_row, failed
from pipeline.settings import Settings
from pipeline.table_stream import Entry, TableStream
from pipeline.unpacking import Unpacker

LOCAL, LOCAL_DASK, DASK_PREFIX = "local", "local-dask", "dask://"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
STOP_SECONDS = 5.0  # how long an interrupted run waits for the pool's threads once its workers are killed
MANIFEST = ".vanban/tables.json"  # what the tables in the folder were built from


def read_task(
    path: str, source_file: str, sha256: str, settings: Settings, parent_doc_id: str | None = None
) -> Any:
    """A worker's first task for a document (the ingest modules are imported there, not for an unchanged re-run).

    The content is hashed again once read: a file replaced since it was hashed is read again under the hash of
    what was read, so that a `doc_id` always names the content its rows come from."""
    from pipeline import ingest

    for _ in range(2):
        result = ingest.read(Path(path), source_file, sha256, settings, parent_doc_id)
        after = ingest.sha256_of(Path(path))
        if after == sha256:
            return result
        sha256 = after
    raise ChangedInput("the file changed while it was being read, twice: it is read again on the next run")


def start_worker(megabytes: int, scratch: str) -> None:
    """Pool initializer: cap the worker's address space, and so that of the tesseract it starts; its temporary
    files go in the run's `scratch` folder, removed by the run (a worker killed at a time limit cannot remove
    its own page image and tesseract output)."""
    ceiling = megabytes << 20
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    tempfile.tempdir = scratch


def limited(function: Callable[..., Any], args: tuple, seconds: float) -> Any:
    """Run a task on a Dask worker with a time limit: Dask cannot stop a running task, so past the limit the
    task is given up (a ``timeout`` row) while its thread runs on to its end in the background. A task that
    returned only after its limit (the waiting thread can wake late while the task holds the GIL) is past its
    limit all the same."""
    pool = ThreadPoolExecutor(1)
    started = time.monotonic()
    try:
        result = pool.submit(function, *args).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)
    if time.monotonic() - started > seconds:
        raise TimeoutError
    return result


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

        from pipeline import process

        process.warm_up(settings)  # the workers are forked from this process: they start with what it loaded
        workers = jobs or _cpu_count()
        scratch = tempfile.mkdtemp(prefix="vanban-run-")
        try:
            with two_cores.frozen():  # what the workers start with stays shared with them
                ceiling = settings.worker_memory_mb
                pool = pebble.ProcessPool(workers, initializer=start_worker, initargs=(ceiling, scratch))
                try:
                    yield _Executor(
                        lambda f, args, limit: pool.schedule(f, args=args, timeout=limit), workers,
                        (pebble.ProcessExpired,),
                    )
                except BaseException:
                    children = descendants()  # the workers and the tesseract each may be running
                    pool.stop()  # running tasks are not waited for
                    for pid in children:  # a tesseract outlives its stopped worker: stop it too
                        with suppress(ProcessLookupError, PermissionError):
                            os.kill(pid, signal.SIGKILL)
                    _join_briefly(pool)
                    raise
                pool.close()
                pool.join()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
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


def _join_briefly(pool: Any) -> None:
    """Wait at most STOP_SECONDS for a stopped pebble pool's threads. Its ``join(timeout)`` keeps the limit only for
    a closed pool: a stopped one joins its manager threads without any, and a worker killed while it held the pool's
    channel leaves them waiting for ever (an interrupted run then never exits). They are daemon threads, so the run
    exits without them."""
    joiner = threading.Thread(target=pool.join, name="vanban-stop", daemon=True)
    joiner.start()
    joiner.join(STOP_SECONDS)


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
    format: str | None = None
    parent_doc_id: str | None = None  # the archive or e-mail it came in
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


def run(
    inputs: Iterable[Path] | Path | str,
    out_dir: Path,
    settings: Settings = Settings(),
    jobs: int | None = None,
    progress: bool = True,
    on_result: Callable[[DocumentResult], None] | None = None,
    scheduler: str = LOCAL,
    follow_symlinks: bool = False,
    retry_failed: bool = False,
    report: Callable[[DocumentResult], None] | None = None,
    excel_csv: bool = False,
) -> RunSummary:
    """Process every input file into the tables of `out_dir`; returns the run's summary.

    `scheduler`: ``local`` (a pool of `jobs` worker processes), ``local-dask`` (a Dask LocalCluster of `jobs`
    workers) or ``dask://HOST:PORT`` (the workers of that Dask scheduler, which must see the input paths).
    `follow_symlinks`: read links whose target is inside the inputs (never outside). `retry_failed`: process again
    the documents that timed out or ran out of memory on two runs (otherwise their failure is kept). `report`: told
    of each document as it finishes (``-v`` prints a line). `excel_csv`: CSV for Excel (a BOM, no cell read as a
    formula) instead of raw values. Raises :class:`export.ExportError` when the output
    folder cannot be written."""
    started_at = datetime.now(timezone.utc)
    clock = time.perf_counter()
    out_dir = Path(out_dir)
    found = discover([inputs] if isinstance(inputs, (str, Path)) else inputs, out_dir, follow_symlinks)
    with export.locked(out_dir):
        store = Store(out_dir, settings)
        unpacker = Unpacker(out_dir)
        entries, todo = _plan(found, store, unpacker, retry_failed)
        reused = sum(isinstance(entry, Path) for entry in entries.values())
        for entry in entries.values():
            if report and isinstance(entry, DocumentResult):  # refused before any work: empty, a link, a twin
                report(entry)
        bar = PageProgress(len(todo), enabled=progress)
        # the tables are written as documents finish, in input order; an unchanged re-run writes only `runs`
        order = sorted([*entries, *(item.source_file for item in todo)])
        stream = TableStream(out_dir, order, excel_csv) if todo else None

        def collect(item: _Pending, result: DocumentResult) -> None:
            if result.text and result.doc_id:
                export.write_text(out_dir, result.doc_id, result.text)
            stored = store.path(item.source_file, item.sha256)
            if result.retried and not store.give_up(stored, result):
                entries[item.source_file] = result
            else:
                if not result.retried:
                    store.succeeded(stored)
                store.put(stored, result)
                entries[item.source_file] = stored
                if stream:
                    stream.stored(item.source_file, result.rows)
            store.drop_pages(item.sha256)
            bar.finished(item.source_file)
            if report:
                bar.tell(report, result)
            if on_result:
                on_result(result)
            result.text = None
            if stream:
                stream.take(entries)

        try:
            if todo:
                with _executor(scheduler, jobs, settings) as executor:
                    _process(sorted(todo, key=lambda item: item.source_file), executor, settings, collect, store, bar)
        except BaseException:
            if stream:
                stream.writer.discard()
            raise
        finally:
            bar.close()
        store.save_hashes()
        unpacker.save()
        summary = _write(entries, out_dir, settings, started_at, clock, reused, store, excel_csv, stream)
    return summary


def _plan(
    found: list[Input], store: Store, unpacker: Unpacker, retry_failed: bool
) -> tuple[dict[str, Entry], list[_Pending]]:
    """Split the inputs, and the documents inside archives and e-mails, into documents whose rows are known (in
    the store, or a failure found without processing, like an unreadable or empty file, a link not followed or a
    duplicate) and documents to process."""
    entries: dict[str, Entry] = {}
    todo: list[_Pending] = []
    seen: dict[str, str] = {}
    for item in found:
        source_file = item.source_file
        try:
            if item.refused:
                raise NotFollowed(item.refused)
            sha256 = store.sha256(item.path)
            if sha256 == EMPTY_SHA256:
                raise EmptyInput("empty file (0 bytes)")
        except VanbanError as e:
            entries[source_file] = failed(source_file, None, Problem.from_error(e))
            continue
        try:
            contents = unpacker.contents(item.path, source_file, sha256)
        except VanbanError as e:  # a corrupt archive, an e-mail that cannot be parsed
            entries[source_file] = failed(source_file, sha256, Problem.from_error(e))
            continue
        documents = [_Pending(item.path, source_file, sha256, contents.format)] if contents.is_document else []
        documents += [_Pending(m.path, m.source_file, m.sha256, m.format, m.parent_doc_id) for m in contents.members]
        for failure in contents.failures:
            entries[failure.source_file] = failed(
                failure.source_file, failure.sha256, failure.problem, parent_doc_id=failure.parent_doc_id
            )
        for document in documents:
            if document.sha256 in seen:
                problem = Problem(Stage.INGEST, "duplicate", f"same content as {seen[document.sha256]}: skipped")
                rows = {"errors": [error_row(document.source_file, doc_id_for(document.sha256), problem)]}
                entries[document.source_file] = DocumentResult(document.source_file, None, rows)
                continue
            seen[document.sha256] = document.source_file
            stored = store.path(document.source_file, document.sha256)
            if stored.exists() and not (retry_failed and store.given_up(stored)):
                entries[document.source_file] = stored
            else:
                todo.append(document)
    return entries, todo


def _process(
    todo: list[_Pending], executor: _Executor, settings: Settings, collect: Callable[[_Pending, DocumentResult], None],
    store: Store, bar: PageProgress,
) -> None:  # fmt: skip
    """Read, OCR and finish every pending document on the executor, a few documents at a time. Each OCR page is
    kept in the store as it finishes, so that a run stopped half-way through a scan redoes none of its pages."""
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
            bar.reading(item.source_file)
            args = (str(item.path), item.source_file, item.sha256, settings, item.parent_doc_id)
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
                    bar.pages(1)
                    if item.ocr_left == 0:
                        finish(item)
                    continue
                stage = Stage.INGEST if kind == "read" else Stage.NORMALIZE
                problem = _problem(error, stage, settings, executor.died, None, settings.document_timeout)
                collect(item, failed(item.source_file, item.sha256, problem, item.format, item.parent_doc_id))
                active -= 1
                continue
            if kind == "read":
                item.read, item.sha256 = value, value.document.sha256  # the hash of what was read
                kept = {page.page: page for page in store.pages(item.sha256)}
                jobs = [ocr_job for ocr_job in value.ocr_jobs if ocr_job.page not in kept]
                item.ocr_pages = [kept[ocr_job.page] for ocr_job in value.ocr_jobs if ocr_job.page in kept]
                bar.read(item.source_file, len(value.document.pages) + len(item.ocr_pages), len(jobs))
                item.ocr_left = len(jobs)
                for ocr_job in jobs:
                    submit("ocr", item, recognize, (ocr_job, settings), settings.page_timeout, ocr_job)
                if not jobs:
                    finish(item)
            elif kind == "ocr":
                store.put_page(item.sha256, value)
                bar.pages(1)
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
    store: Store, excel_csv: bool, stream: TableStream | None,
) -> RunSummary:  # fmt: skip
    """Finish the tables of the entries (`stream`: begun while the documents were processed), rows in input order
    so that the same inputs give the same files. When the tables in the folder were built from the same entries,
    only `runs` is written."""
    order = sorted(entries)
    digest = hashlib.sha256(store.fingerprint.encode() + (b"\0excel-csv" if excel_csv else b""))
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
        if stream:
            stream.writer.discard()
        seconds = round(time.perf_counter() - clock, 3)
        summary = RunSummary(run_id, **previous["counts"], seconds=seconds, out_dir=out_dir, reused=reused)
        export.replace_runs(out_dir, schema.frame("runs", [_runs_row(summary, started_at, settings)]), excel_csv)
        return summary
    manifest.unlink(missing_ok=True)  # the tables are about to change: a run killed after this rebuilds them
    stream = stream or TableStream(out_dir, order, excel_csv)
    writer = stream.writer
    try:
        counts, doc_ids = stream.finish(entries)
        seconds = round(time.perf_counter() - clock, 3)
        summary = RunSummary(run_id, **counts, seconds=seconds, out_dir=out_dir, reused=reused)
        writer.append("runs", schema.frame("runs", [_runs_row(summary, started_at, settings)]))
        writer.commit(schema.VIEWS, beside=True)
    except BaseException:
        writer.discard()
        raise
    store.prune({entry for entry in entries.values() if isinstance(entry, Path)})
    export.remove_texts_except(out_dir, doc_ids)
    with export.atomic_path(manifest) as path:
        path.write_text(json.dumps({"digest": digest.hexdigest(), "counts": counts}), encoding="utf-8")
    summary.seconds = round(time.perf_counter() - clock, 3)  # `runs` was written before the last files
    return summary


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


def descendants(pid: int | None = None) -> list[int]:
    """Process ids of every process started, directly or not, by `pid` (this one by default; from /proc)."""
    parents: dict[int, list[int]] = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, ValueError, IndexError):
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat_file.parent.name))
    found, frontier = [], [os.getpid() if pid is None else pid]
    while frontier:
        children = parents.get(frontier.pop(), [])
        found.extend(children)
        frontier.extend(children)
    return found


def _cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
