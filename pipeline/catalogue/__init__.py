"""The catalogue: one DuckDB file that gathers every batch an analyst processes, week after week.

``vanban run INBOX --catalogue catalogue.duckdb`` adds the batch's tables to it (the batch folder keeps its own).
A document is known across batches:

- the same content (a file received twice) is one *source*, by its content hash, whatever its name;
- the same document in another form (a scan, a digital PDF, a Word file) is another source of one *document*: the
  same number-symbol issued in the same year (the type is part of the symbol; a misread day on a scan does not
  split it). A document without a number-symbol is known by its content only.

Citations are resolved against the whole catalogue, so a plan received this week that carries out a directive
received last month points to it; the views (``views.sql``) answer what analysts ask across batches: tasks due,
who cites a document, the chain from a central directive down to district plans, what amends or repeals what.
Writers take a lock: a second run waits for the first to finish, then adds its batch.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from pipeline import schema
from pipeline.keys import number_symbol_key
from pipeline.language.recurring import falls_due

# Tables of a batch folder copied into the catalogue, every column as the batch wrote it, keyed by doc_id.
COPIED = ("documents", "pages", "sections", "tasks", "deadlines", "assignments", "citations", "citation_mentions",
          "amendments", "recipients", "issuers", "errors")  # fmt: skip
WAIT_SECONDS = 300.0  # how long a run waits for another one writing the catalogue


class CatalogueError(Exception):
    """The catalogue cannot be written (another run holds it too long, or it is not a catalogue)."""


@dataclass(frozen=True)
class Added:
    """What adding one batch did."""

    batch_id: str
    documents: int  # documents of the batch
    new_sources: int  # contents the catalogue had not seen
    known_documents: int  # of the batch's documents, those the catalogue already held in another form

    def __str__(self) -> str:
        return (
            f"catalogue: {self.documents} documents added ({self.new_sources} new contents, "
            f"{self.known_documents} already known in another form)"
        )


def document_key(number_symbol: object, year: object, doc_type: object, doc_id: str) -> str:
    """Identity of a document across its forms: number-symbol and year, else the content."""
    if isinstance(number_symbol, str) and number_symbol.strip() and "/" in number_symbol:
        issued = str(int(year)) if isinstance(year, (int, float)) and not pd.isna(year) else str(doc_type or "")
        return f"{number_symbol_key(number_symbol)}@{issued}"
    return f"content:{doc_id}"


@contextmanager
def _writer(path: Path, wait: float) -> Iterator[duckdb.DuckDBPyConnection]:
    """The catalogue opened for writing under its lock file; waits up to `wait` seconds for another writer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise CatalogueError(
                        f"{path} is being written by another run for more than {wait:g} s; this batch's tables are "
                        f"kept: add them later with `vanban catalogue add OUT --catalogue {path}`"
                    ) from None
                time.sleep(0.2)
        try:
            connection = duckdb.connect(str(path))
        except duckdb.Error as e:
            raise CatalogueError(f"cannot open the catalogue {path}: {e}") from e
        try:
            yield connection
        finally:
            connection.close()
            fcntl.flock(lock, fcntl.LOCK_UN)


def add_batch(catalogue: Path, out_dir: Path, wait: float = WAIT_SECONDS) -> Added:
    """Add the tables of a processed batch folder to the catalogue (created if new). Adding the same batch again
    changes nothing; a document processed again (a newer vanban) replaces its earlier rows."""
    tables = {name: _read(out_dir, name) for name in COPIED}
    documents = tables["documents"]
    documents = documents[documents.doc_id.notna()].copy()
    runs = _read(out_dir, "runs")
    batch_id = str(runs.run_id.iloc[-1]) if len(runs) else datetime.now(timezone.utc).isoformat()
    documents["document_key"] = [
        document_key(ns, year, kind, doc_id)
        for ns, year, kind, doc_id in zip(documents.number_symbol, documents.year, documents.doc_type, documents.doc_id)
    ]
    documents["number_symbol_key"] = documents.number_symbol.map(_ns_key)
    documents["batch_id"] = batch_id
    documents["batch_folder"] = str(out_dir.resolve())
    documents["added_at"] = pd.Timestamp.now(tz="UTC").tz_localize(None)
    tables["documents"] = documents
    tables["citations"]["number_symbol_key"] = tables["citations"].number_symbol.map(_ns_key)
    with _writer(catalogue, wait) as db:
        known_contents = _known(db, "select doc_id from documents")
        known_keys = _known(db, "select document_key from documents")
        for name, rows in tables.items():
            _replace_rows(db, name, rows, set(documents.doc_id))
        _create_views(db)
    new = documents[~documents.doc_id.isin(known_contents)]
    return Added(batch_id, len(documents), len(new), int(new.document_key.isin(known_keys).sum()))


def due(catalogue: Path, within_days: int = 30, today: date | None = None, body: str | None = None) -> pd.DataFrame:
    """Deadlines of tasks that fall due between `today` and `within_days` later, each with its task and the body
    that leads it: a date (``by_date``), or the next day a recurring deadline names (``trước ngày 15 hằng tháng``);
    every deadline of a task, not only its first. Only those of `body` (a part of its name, case and accents as
    written) when given. ``deadline`` is the day it falls due."""
    today = today or date.today()
    horizon = today + timedelta(days=within_days)
    with duckdb.connect(str(catalogue), read_only=True) as db:
        found = db.execute(
            "select l.* exclude (deadline, deadline_text), d.deadline, d.deadline_kind, d.deadline_text "
            "from task_leads l join deadlines d on d.doc_id = l.doc_id and d.task_id = l.task_id "
            "where (d.deadline_kind = 'recurring' or d.deadline between ? and ?) "
            "and (? is null or lower(l.assignee) like '%' || lower(?) || '%')",
            [today, horizon, body, body],
        ).df()
    found["deadline"] = pd.to_datetime(
        [falls_due(*row, today) for row in zip(found["deadline_kind"], found["deadline"], found["deadline_text"])]
    )
    found = found[found["deadline"].notna() & (found["deadline"] <= pd.Timestamp(horizon))]
    return found.sort_values(["deadline", "number_symbol"]).reset_index(drop=True)


def overview(catalogue: Path, within_days: int = 30, today: date | None = None) -> dict[str, object]:
    """What the catalogue's review page shows: documents with their sources and status, the chains from each
    directive down, and the tasks due."""
    with duckdb.connect(str(catalogue), read_only=True) as db:
        documents = db.sql(
            "select c.*, s.status from catalogue_documents c left join document_status s using (document_key) "
            "order by c.issue_date desc nulls last, c.number_symbol"
        ).df()
        chain = db.sql("select * from implementation_chain order by root_number_symbol, depth, number_symbol").df()
        sources = db.sql("select count(*) from documents").fetchall()[0][0]
    chains = []
    for root, rows in chain.groupby("root", sort=False):
        top = rows[rows.depth == 0]
        chains.append({
            "number_symbol": top.number_symbol.iloc[0] if len(top) else rows.root_number_symbol.iloc[0],
            "received": not str(root).startswith("cited:"),
            "below": rows[rows.depth > 0].to_dict("records"),
        })  # fmt: skip
    return {
        "documents": _dated(documents), "sources": sources, "chains": chains,
        "due": _dated(due(catalogue, within_days, today)), "days": within_days,
    }  # fmt: skip


def _dated(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as dicts, dates as dates (DuckDB hands DATE columns to pandas as timestamps at midnight)."""
    records = frame.to_dict("records")
    for record in records:
        for key, value in record.items():
            if isinstance(value, pd.Timestamp):
                record[key] = value.date()
    return records


def _read(out_dir: Path, name: str) -> pd.DataFrame:
    path = out_dir / f"{name}.parquet"
    if path.exists():
        return pd.read_parquet(path)
    if name in schema.TABLES:
        return schema.frame(name, [])
    return pd.DataFrame({"doc_id": pd.Series(dtype="string")})


def _ns_key(number_symbol: object) -> str | None:
    return number_symbol_key(number_symbol) if isinstance(number_symbol, str) and number_symbol.strip() else None


def _known(db: duckdb.DuckDBPyConnection, query: str) -> set[str]:
    if not _has_table(db, "documents"):
        return set()
    return {row[0] for row in db.sql(query).fetchall()}


def _has_table(db: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = db.execute(
        "select count(*) from information_schema.tables where table_name = ? and table_type = 'BASE TABLE'", [name]
    ).fetchall()
    return bool(found[0][0])


def _replace_rows(db: duckdb.DuckDBPyConnection, name: str, rows: pd.DataFrame, doc_ids: set[str]) -> None:
    """The batch's rows of one table replace those of the same documents; columns a newer schema added are added
    to the catalogue's table (older rows leave them empty)."""
    db.register("batch_rows", rows)
    try:
        if not _has_table(db, name):
            db.execute(f"create table {name} as select * from batch_rows")
            return
        present = {row[0] for row in db.execute(f"select column_name from (describe {name})").fetchall()}
        for column, kind in db.execute("select column_name, column_type from (describe batch_rows)").fetchall():
            if column not in present:
                db.execute(f'alter table {name} add column "{column}" {kind}')
        db.register("replaced", pd.DataFrame({"doc_id": sorted(doc_ids)}, dtype="string"))
        db.execute(f"delete from {name} where doc_id in (select doc_id from replaced)")
        db.execute(f"insert into {name} by name select * from batch_rows")
    finally:
        db.unregister("batch_rows")


def _create_views(db: duckdb.DuckDBPyConnection) -> None:
    views = resources.files("pipeline.catalogue").joinpath("views.sql").read_text(encoding="utf-8")
    db.execute(views)
