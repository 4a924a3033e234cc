"""Export: the tables as CSV, Parquet, one DuckDB file and a spreadsheet, each document's normalised text, and
beside the tables `documents.jsonl` (each document with its rows nested) and the review report (:mod:`pipeline.report`),
made from the finished tables on two cores.

Every file is written to a temporary name and renamed into place, the tables all together at the end, so a reader
(or a run that is stopped half-way, or that runs out of disk) never sees a half-written file or a mix of two runs.
A failure to write is an :class:`ExportError` (stage ``export``) naming the file.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import spreadsheet, table_rows, two_cores
from pipeline.model import Stage, VanbanError

DUCKDB_FILE = "vanban.duckdb"
XLSX_FILE = "vanban.xlsx"
JSONL_FILE = "documents.jsonl"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula (--excel-csv)
NESTED = (
    "pages", "sections", "tasks", "deadlines", "assignments", "citations", "amendments", "recipients", "issuers", "errors",
)  # fmt: skip
TEXTS_DIR = "texts"
STATE_DIR = ".vanban"  # the results store, the lock and the staging folder of the tables
STAGING_DIR = f"{STATE_DIR}/staging"
UMASK = os.umask(0o022)
os.umask(UMASK)


class ExportError(VanbanError):
    """The output folder cannot be written (read-only, disk full, in use by another run)."""

    error_type = "export_failed"

    def __init__(self, message: str):
        super().__init__(message, stage=Stage.EXPORT)


@contextmanager
def writing(target: Path) -> Iterator[None]:
    """Turn a failure to write `target` into an :class:`ExportError`."""
    try:
        yield
    except (OSError, duckdb.Error) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise ExportError(f"cannot write {target}: {reason}") from e


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder that replaces `target` when the block ends without error."""
    with writing(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        os.close(handle)
        temporary = Path(name)
        try:
            yield temporary
            temporary.chmod(0o666 & ~UMASK)  # as an ordinary new file, not mkstemp's owner-only 0600
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the output folder for one run, after checking that it can be written."""
    lock = out_dir / STATE_DIR / "lock"
    with writing(out_dir):
        for folder in (out_dir, out_dir / TEXTS_DIR, lock.parent):
            folder.mkdir(parents=True, exist_ok=True)
            tempfile.TemporaryFile(dir=folder).close()
        handle = lock.open("w")
    with handle:
        try:  # a POSIX lock: held by this process only, not by the workers it forks, gone when it dies
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            raise ExportError(f"another vanban run is writing to {out_dir}") from e
        yield


def text_path(doc_id: str) -> str:
    """Where a document's normalised text is kept, relative to the output folder."""
    return f"{TEXTS_DIR}/{doc_id}.txt"


def write_text(out_dir: Path, doc_id: str, text: str) -> None:
    with atomic_path(out_dir / text_path(doc_id)) as path:
        path.write_text(text, encoding="utf-8", newline="\n")


def remove_texts_except(out_dir: Path, doc_ids: set[str]) -> None:
    """Delete the texts of documents no longer in the tables."""
    for path in (out_dir / TEXTS_DIR).iterdir():
        if path.stem not in doc_ids:
            path.unlink(missing_ok=True)


class TableWriter:
    """The tables written a chunk of rows at a time into a staging folder; :meth:`commit` puts them in place.

    Each table gets ``<name>.csv`` and ``<name>.parquet``; :meth:`commit` adds ``vanban.duckdb`` (every table and
    the views) and ``vanban.xlsx`` (every table but `runs`, text never read as a formula), then renames all of
    them into the output folder. Chunks are appended in the order given, so the same rows give the same bytes.
    """

    def __init__(self, out_dir: Path, empty: Mapping[str, pd.DataFrame], excel_csv: bool = False):
        self.out_dir = out_dir
        self.excel_csv = excel_csv
        self.staging = out_dir / STAGING_DIR
        self.names = list(empty)
        self._csv: dict[str, IO[str]] = {}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        with writing(self.staging):
            shutil.rmtree(self.staging, ignore_errors=True)  # left by a run that was killed
            self.staging.mkdir(parents=True)
            for name, frame in empty.items():
                encoding = "utf-8-sig" if excel_csv else "utf-8"
                self._csv[name] = (self.staging / f"{name}.csv").open("w", encoding=encoding, newline="")
                frame.to_csv(self._csv[name], index=False, lineterminator="\n")
                schema = pa.Schema.from_pandas(frame, preserve_index=False)
                self._parquet[name] = pq.ParquetWriter(self.staging / f"{name}.parquet", schema)

    def append(self, name: str, data: pd.DataFrame) -> None:
        with writing(self.staging / f"{name}.csv"):
            shown = formula_safe(data) if self.excel_csv else data
            shown.to_csv(self._csv[name], header=False, index=False, lineterminator="\n")
        with writing(self.staging / f"{name}.parquet"):
            arrow = pa.Table.from_pandas(data, self._parquet[name].schema, preserve_index=False)
            self._parquet[name].write_table(arrow)

    def commit(
        self, views: Mapping[str, str], spreadsheet_skips: tuple[str, ...] = ("runs",), beside: bool = False
    ) -> None:
        """Finish every file and rename them all into the output folder. `beside`: with `documents.jsonl` and the
        review report, made from the finished tables while the database and the workbook are built, on two cores."""
        self._close()
        files = [f"{name}.{suffix}" for name in self.names for suffix in ("csv", "parquet")]
        if beside:
            report = self._made_beside(views, spreadsheet_skips)
            files.append(JSONL_FILE)
        else:
            self._database(views)
            self._workbook(spreadsheet_skips)
        with writing(self.out_dir):
            for name in [*files, DUCKDB_FILE, XLSX_FILE]:
                os.replace(self.staging / name, self.out_dir / name)
            if beside:
                report.put_in_place()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _made_beside(self, views: Mapping[str, str], spreadsheet_skips: tuple[str, ...]) -> Any:
        """The database and the workbook here, `documents.jsonl` in a child on the second core, and the report's
        pages by whichever of the two comes to them first; what the child fails to do is done here. Returns the
        report, built, to be put in place."""
        from pipeline import report as review_report

        with writing(self.out_dir / review_report.REPORT_DIR):
            report = review_report.Report(self.out_dir, self.staging)
        claims = two_cores.Claims()
        here, there = claims.taker(), claims.taker()

        def in_this_process() -> None:
            self._database(views)
            self._workbook(spreadsheet_skips)
            with writing(self.out_dir / review_report.REPORT_DIR):
                report.write_index()
                report.write_pages(here)

        def in_the_child() -> None:
            write_documents_jsonl(self.staging, self.staging / JSONL_FILE)
            report.write_pages(there)

        if not two_cores.run(in_this_process, in_the_child):
            write_documents_jsonl(self.staging, self.staging / JSONL_FILE)
            with writing(self.out_dir / review_report.REPORT_DIR):
                report.write_pages(two_cores.Others(here.taken))
        return report

    def _database(self, views: Mapping[str, str]) -> None:
        """``vanban.duckdb``: every table and the views, on one thread (the other core has work of its own beside
        it: with two, DuckDB held 25 MiB more for no speed)."""
        database = str(self.staging / DUCKDB_FILE)
        with writing(self.staging / DUCKDB_FILE), duckdb.connect(database, config={"threads": 1}) as connection:
            for name in self.names:
                parquet = str(self.staging / f"{name}.parquet")
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [parquet])
            for name, query in views.items():
                connection.execute(f'CREATE VIEW "{name}" AS {query}')

    def _workbook(self, spreadsheet_skips: tuple[str, ...]) -> None:
        with writing(self.staging / XLSX_FILE):
            sheets = [(name, self.staging / f"{name}.parquet") for name in self.names if name not in spreadsheet_skips]
            spreadsheet.write(self.staging / XLSX_FILE, sheets)

    def discard(self) -> None:
        """Drop the staged files (after a failure: closing them may fail too)."""
        for handle in [*self._csv.values(), *self._parquet.values()]:
            with suppress(Exception):
                handle.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _close(self) -> None:
        for name in self.names:
            with writing(self.staging / f"{name}.csv"):
                self._csv[name].close()
            with writing(self.staging / f"{name}.parquet"):
                self._parquet[name].close()


def formula_safe(data: pd.DataFrame) -> pd.DataFrame:
    """`data` with every text cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR)
    behind an apostrophe, as OWASP advises for CSV files opened in Excel."""
    safe = data.copy()
    for name in safe.columns:
        if isinstance(safe[name].dtype, pd.StringDtype):
            risky = safe[name].str.startswith(FORMULA_START, na=False)
            safe[name] = safe[name].mask(risky, "'" + safe[name])
    return safe


def replace_runs(out_dir: Path, runs: pd.DataFrame, excel_csv: bool = False) -> None:
    """Replace only the `runs` table (its CSV, Parquet and DuckDB table), the others being already current."""
    with atomic_path(out_dir / "runs.csv") as path:
        shown = formula_safe(runs) if excel_csv else runs
        shown.to_csv(path, index=False, encoding="utf-8-sig" if excel_csv else "utf-8", lineterminator="\n")
    with atomic_path(out_dir / "runs.parquet") as path:
        runs.to_parquet(path, index=False, engine="pyarrow")
    with atomic_path(out_dir / DUCKDB_FILE) as path:
        shutil.copyfile(out_dir / DUCKDB_FILE, path)
        with duckdb.connect(str(path)) as connection:
            connection.register("incoming", runs)
            connection.execute('CREATE OR REPLACE TABLE "runs" AS SELECT * FROM incoming')


def write_documents_jsonl(tables_dir: Path, target: Path) -> None:
    """One JSON object a line per document of the tables in `tables_dir`: its `documents` columns, and its rows of
    each NESTED table as a list under the table's name (without `doc_id`), read a document at a time
    (:mod:`pipeline.table_rows`): memory does not grow with the batch. Dates are ISO text, missing values null."""
    documents = pq.read_table(tables_dir / "documents.parquet").to_pylist()
    own_rows = table_rows.rows_by_document(tables_dir, NESTED, [document["doc_id"] for document in documents])
    with writing(target), target.open("w", encoding="utf-8", newline="\n") as lines:
        for document, own in zip(documents, own_rows, strict=True):
            nested = {name: [_without_doc_id(row) for row in own[name]] for name in NESTED}  # freed line by line
            lines.write(json.dumps(document | nested, ensure_ascii=False, default=_iso) + "\n")


def _without_doc_id(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key != "doc_id"}


def _iso(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")
