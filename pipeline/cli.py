"""The ``vanban`` command."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline import __version__, batch, catalogue, report
from pipeline.discovery import discover, shown
from pipeline.export import ExportError
from pipeline.language.lexicon import LexiconError, check_lexicons
from pipeline.results import DocumentResult
from pipeline.settings import Settings
from pipeline.watch import Watcher

USAGE_ERROR = 2  # also: the output folder cannot be written (read-only, full, in use)
INTERRUPTED = 130  # Ctrl-C, as shells report it
TERMINATED = 143  # SIGTERM, as shells report it
MIN_WORKER_MEMORY_MB = 1024  # a worker maps about 0.9 GB of libraries before it reads a page


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so that it stops as Ctrl-C stops it: workers and tesseract ended."""


class Stops:
    """Ctrl-C and SIGTERM while a run goes on: raised where the run is, so that it stops as soon as it can, and noted:
    Python prints and drops an exception raised inside a finaliser or an at-fork handler (the end of a run frees many
    objects and forks a child), and a run that goes on to commit its tables after such a signal ends interrupted."""

    def __init__(self) -> None:
        self.noted: int | None = None

    def stop(self, signum: int, frame: object) -> None:
        self.noted = self.noted or signum
        self.raise_noted()

    def raise_noted(self) -> None:
        if self.noted == signal.SIGTERM:
            raise Terminated
        if self.noted is not None:
            raise KeyboardInterrupt


@contextmanager
def stops_noted() -> Iterator[Stops]:
    """SIGTERM, and Ctrl-C unless it is ignored (a run started in the background keeps it ignored), handled by a
    :class:`Stops` while the block runs."""
    stops = Stops()
    numbers = [signal.SIGTERM] + [signal.SIGINT] * (signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    previous = {number: signal.signal(number, stops.stop) for number in numbers}
    try:
        yield stops
    finally:
        for number, action in previous.items():
            signal.signal(number, action)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vanban", description="Vietnamese directive documents into tables.")
    parser.add_argument("--version", action="version", version=f"vanban {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    processing = argparse.ArgumentParser(add_help=False)  # what `run` and `watch` share
    processing.add_argument("--out", type=Path, default=Path("data/processed"), help="output folder (data/processed)")
    processing.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    processing.add_argument(
        "--page-timeout", type=float, default=Settings.page_timeout, help="seconds for one page's OCR"
    )
    processing.add_argument(
        "--worker-memory", type=int, default=Settings.worker_memory_mb, metavar="MB",
        help=f"address-space ceiling of each worker process and its tesseract ({Settings.worker_memory_mb})",
    )  # fmt: skip
    processing.add_argument(
        "--scheduler", default=batch.LOCAL, metavar="WHERE",
        help="local (worker processes, the default), local-dask (a Dask LocalCluster) or dask://HOST:PORT",
    )  # fmt: skip
    processing.add_argument(
        "--follow-symlinks", action="store_true", help="read links whose target is inside the inputs"
    )
    processing.add_argument(
        "--catalogue", type=Path, metavar="FILE", help="also add the batch to this catalogue (a DuckDB file)"
    )

    run = commands.add_parser("run", parents=[processing], help="process documents (PDF, images, text) into tables")
    run.add_argument("inputs", nargs="*", type=Path, default=[Path("data/raw")], help="files or folders (data/raw)")
    run.add_argument(
        "--retry-failed", action="store_true",
        help="process again the documents that timed out or ran out of memory on two runs",
    )  # fmt: skip
    run.add_argument(
        "--excel-csv", action="store_true",
        help="CSV for Excel: a UTF-8 BOM, and cells starting with = + - @ behind an apostrophe (never a formula)",
    )  # fmt: skip
    talk = run.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print nothing but documents with errors")
    talk.add_argument("-v", "--verbose", action="store_true", help="a line for each document as it finishes")

    watch = commands.add_parser("watch", parents=[processing], help="process files as they arrive in a folder")
    watch.add_argument("inbox", type=Path, help="the folder to watch")
    watch.add_argument("--interval", type=float, default=5.0, help="seconds between looks at the folder (5)")

    cataloguing = commands.add_parser("catalogue", help="the catalogue of every batch: add a batch, tasks due")
    cataloguing.add_argument("action", choices=("add", "due"), help="add: a processed folder; due: tasks due soon")
    cataloguing.add_argument("folder", type=Path, nargs="?", help="add: the processed folder (a run's --out)")
    cataloguing.add_argument("--catalogue", type=Path, required=True, metavar="FILE", help="the catalogue file")
    cataloguing.add_argument("--days", type=int, default=30, help="due: deadlines within this many days (30)")
    cataloguing.add_argument("--body", help="due: only tasks led by a body whose name holds this")
    cataloguing.add_argument(
        "--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help="due: look from this day (today)"
    )

    reporting = commands.add_parser("report", help="write the review report of a processed folder again, as of a day")
    reporting.add_argument("folder", type=Path, help="the processed folder (a run's --out)")
    reporting.add_argument(
        "--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
        help="what is due in the next 30 days, and the months around, seen from this day (today)",
    )  # fmt: skip

    evaluate = commands.add_parser("eval", help="score the pipeline against hand-written gold")
    evaluate.add_argument("gold_dir", type=Path, help="folder of gold JSON files (tests/gold)")
    evaluate.add_argument("out_dir", type=Path, help="where the evaluated run writes its tables and eval.json")
    evaluate.add_argument("--docs", type=Path, action="append", help="folder to find the gold's documents in")
    evaluate.add_argument("--floors", type=Path, help="JSON of minimum scores: exit 1 when one is not reached")
    evaluate.add_argument("--raise-floors", action="store_true", help="raise the --floors file to today's scores")
    evaluate.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    evaluate.add_argument("--verbose", "-v", action="store_true", help="a line per miss")

    args = parser.parse_args(argv)
    try:
        check_lexicons()
    except LexiconError as e:
        print(f"vanban: a data file does not follow its schema: {e}", file=sys.stderr)
        return USAGE_ERROR
    command = {"eval": _eval, "watch": _watch, "catalogue": _catalogue, "report": _report}.get(args.command, _run)
    return command(parser, args)


def _settings(parser: argparse.ArgumentParser, args: argparse.Namespace, inputs: list[Path]) -> Settings:
    """The run's settings from the options `run` and `watch` share; a usage error for impossible ones."""
    missing = [shown(p) for p in inputs if not p.exists() and not p.is_symlink()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if not args.page_timeout > 0:
        parser.error("--page-timeout must be a number of seconds above 0")
    if args.worker_memory < MIN_WORKER_MEMORY_MB:
        parser.error(
            f"--worker-memory must be at least {MIN_WORKER_MEMORY_MB} MB: a worker maps about 0.9 GB of libraries "
            "before it reads a page"
        )
    if args.scheduler not in (batch.LOCAL, batch.LOCAL_DASK) and not args.scheduler.startswith(batch.DASK_PREFIX):
        parser.error(f"--scheduler: expected local, local-dask or dask://HOST:PORT, not {args.scheduler}")
    return Settings(page_timeout=args.page_timeout, worker_memory_mb=args.worker_memory)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    settings = _settings(parser, args, args.inputs)
    if not discover(args.inputs, args.out, args.follow_symlinks):
        parser.error(f"no documents found in {', '.join(map(shown, args.inputs))}")
    try:
        with stops_noted() as stops:
            summary = batch.run(
                args.inputs, args.out, settings, args.jobs, not (args.quiet or args.verbose), scheduler=args.scheduler,
                follow_symlinks=args.follow_symlinks, retry_failed=args.retry_failed, excel_csv=args.excel_csv,
                report=_document_line if args.verbose else _problem_line if args.quiet else None,
            )  # fmt: skip
            stops.raise_noted()  # one raised where Python dropped it: the tables are committed, the run was stopped
    except Terminated:
        print("vanban: terminated; the same command goes on from the documents already done", file=sys.stderr)
        return TERMINATED
    except KeyboardInterrupt:
        print("vanban: interrupted; the same command goes on from the documents already done", file=sys.stderr)
        return INTERRUPTED
    except ExportError as e:
        print(
            f"vanban: {e.stage.value}: {e.message}; the tables of an earlier run there are left as they were",
            file=sys.stderr,
        )
        return USAGE_ERROR
    if not args.quiet:
        print(summary, file=sys.stderr)
    if args.catalogue is not None:
        return _add_to_catalogue(args.catalogue, args.out, quiet=args.quiet) or summary.exit_code
    return summary.exit_code


def _add_to_catalogue(catalogue_file: Path, folder: Path, quiet: bool = False) -> int:
    """Add a processed folder to the catalogue and write the catalogue's page of its report; 0, or the exit code
    of a catalogue that cannot be written."""
    try:
        added = catalogue.add_batch(catalogue_file, folder)
    except catalogue.CatalogueError as e:
        print(f"vanban: catalogue: {e}", file=sys.stderr)
        return USAGE_ERROR
    page = report.write_catalogue(folder, catalogue_file)
    if not quiet:
        print(f"{added}; what is due across it: {page}", file=sys.stderr)
    return 0


def _watch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    settings = _settings(parser, args, [args.inbox])
    if not args.inbox.is_dir():
        parser.error(f"not a folder: {shown(args.inbox)}")
    if not args.interval > 0:
        parser.error("--interval must be a number of seconds above 0")
    watcher = Watcher(
        args.inbox, args.out, args.catalogue, settings, args.jobs, args.scheduler, args.follow_symlinks
    )
    print(f"vanban watch: watching {shown(args.inbox)} (Ctrl-C to stop)", file=sys.stderr)
    previous = {number: signal.signal(number, watcher.stop) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        watcher.run(args.interval)
    except KeyboardInterrupt:  # a batch stopped half-way: what it finished is kept, the rest is read next time
        pass
    except (ExportError, catalogue.CatalogueError) as e:
        print(f"vanban watch: {e}", file=sys.stderr)
        return USAGE_ERROR
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    print("vanban watch: stopped", file=sys.stderr)
    return 0


def _catalogue(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.action == "add":
        if args.folder is None or not (args.folder / "documents.parquet").exists():
            parser.error("catalogue add: give a folder that a run wrote its tables to")
        return _add_to_catalogue(args.catalogue, args.folder)
    if not args.catalogue.exists():
        parser.error(f"no such catalogue: {args.catalogue}")
    due = catalogue.due(args.catalogue, args.days, today=args.today, body=args.body)
    columns = ["deadline", "assignee", "doc_type", "number_symbol", "deadline_text", "text"]
    if not len(due):
        print(f"no task due in the next {args.days} days")
        return 0
    with pd.option_context("display.width", 200):
        print(due[columns].to_string(index=False, max_colwidth=60))
    return 0


def _report(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """The review report of a folder a run wrote, as of `--today` (a batch of last year's documents, or the
    sample data, has nothing due in the 30 days from today: seen from a day of its own, it has)."""
    if not (args.folder / "documents.parquet").exists():
        parser.error("report: give a folder that a run wrote its tables to")
    print(f"report: {report.write(args.folder, today=args.today) / 'index.html'}", file=sys.stderr)
    return 0


def _document_line(result: DocumentResult) -> None:
    """``-v``: a line for each document as it finishes: its status, pages and first problem."""
    document = (result.rows.get("documents") or [{}])[0]
    status = document.get("status") or "skipped"
    errors = result.rows.get("errors", [])
    problem = f": {errors[0]['error_type']}: {errors[0]['message']}" if errors else ""
    print(f"{status:8} {result.source_file} ({document.get('pages') or 0} pages){problem}", file=sys.stderr)


def _problem_line(result: DocumentResult) -> None:
    """``-q``: a line only for a document that met a problem."""
    if result.rows.get("errors"):
        _document_line(result)


def _eval(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from pipeline.evaluate import run as evaluation

    if not args.gold_dir.is_dir():
        parser.error(f"no such gold folder: {args.gold_dir}")
    search = tuple(args.docs) if args.docs else evaluation.DEFAULT_SEARCH
    try:
        evaluations, ocr_results, report = evaluation.run_eval(args.gold_dir, args.out_dir, search, args.jobs)
    except evaluation.GoldError as e:
        parser.error(str(e))
    print(evaluation.format_report(evaluations, ocr_results, args.verbose))
    print(f"report: {args.out_dir / evaluation.REPORT_FILE}")
    if args.floors:
        scores = {**report["scores"], **evaluation.ocr_scores(ocr_results)}
        floors = json.loads(args.floors.read_text(encoding="utf-8")) if args.floors.exists() else {}
        if args.raise_floors:
            floors = evaluation.raised(floors, scores)
            args.floors.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            print(f"floors raised in {args.floors}")
        failures = evaluation.below_floors(scores, floors)
        for failure in failures:
            print(f"BELOW FLOOR {failure}")
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
