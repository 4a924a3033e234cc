"""The review report: static HTML pages a person opens from disk to check a batch (``report/`` in the output folder).

``index.html`` is the batch (counts, the documents needing review first, the citation graph, the workload per body,
what is due in the next 30 days for each body and deadlines by month); ``<doc_id>.html`` is one document: its normalised text with every extracted item marked
where it stands, and the tables beside it. Pages are Jinja2 templates (``templates/``); the graph is drawn by
Cytoscape.js 3.34.4 (``static/cytoscape.min.js``, MIT, vendored from the npm registry), so nothing is fetched
and no server is needed. The folder is built beside the old one and swapped in when complete.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from pipeline import table_rows
from pipeline.report import batch_view
from pipeline.report.document_view import document_context

REPORT_DIR = "report"
ASSETS = ("cytoscape.min.js", "cytoscape.LICENSE", "report.css", "report.js")
PER_DOCUMENT = (
    "pages", "sections", "tasks", "deadlines", "assignments", "citations", "citation_mentions", "recipients", "errors",
)  # fmt: skip


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["blank"] = lambda value: "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value
    return environment


def write(out_dir: Path, today: date | None = None) -> Path:
    """Write the report of the tables of `out_dir` (their texts in ``texts/``) into ``out_dir/report``: the batch
    page from the columns it shows, then the document pages, reading each document's rows in turn."""
    today = today or datetime.now(timezone.utc).date()
    target = out_dir / REPORT_DIR
    building = out_dir / ".vanban" / "report"
    shutil.rmtree(building, ignore_errors=True)
    (building / "assets").mkdir(parents=True)
    static = resources.files("pipeline.report").joinpath("static")
    for name in ASSETS:
        (building / "assets" / name).write_bytes(static.joinpath(name).read_bytes())
    environment = _environment()
    tables = {
        name: pd.read_parquet(out_dir / f"{name}.parquet", columns=None if columns is None else list(columns))
        for name, columns in batch_view.INDEX_COLUMNS.items()
        if (out_dir / f"{name}.parquet").exists()
    }
    rows = batch_view.document_rows(tables)
    in_batch = {row["doc_id"]: row["label"] for row in rows if row["page"]}
    run = tables["runs"].iloc[-1].to_dict() if "runs" in tables and len(tables["runs"]) else {}
    index = environment.get_template("index.html").render(
        run=run,
        counts=batch_view.counts(tables),
        documents=rows,
        graph=batch_view.citation_graph(tables),
        deadlines=batch_view.deadlines_by_month(tables, today),
        workload=batch_view.workload(tables, today),
        due=batch_view.due_soon(tables, today),
        today=today,
    )
    (building / "index.html").write_text(index, encoding="utf-8")
    documents = tables["documents"].to_dict("records")
    del tables, rows  # the document pages need none of it
    shown = [
        isinstance(document.get("doc_id"), str) and isinstance(document.get("text_path"), str)
        and document["doc_id"] in in_batch
        for document in documents
    ]  # fmt: skip
    template = environment.get_template("document.html")

    def write_pages(share: int, shares: int) -> None:
        """The pages of every `shares`-th document shown, from the `share`-th on."""
        own_rows = table_rows.rows_by_document(out_dir, PER_DOCUMENT, [document["doc_id"] for document in documents])
        number = 0
        for document, own, page in zip(documents, own_rows, shown, strict=True):
            if not page:
                continue
            number += 1
            if (number - 1) % shares != share:
                continue
            doc_id = document["doc_id"]
            text = (out_dir / document["text_path"]).read_text(encoding="utf-8")
            context = document_context(document, text, own, in_batch)
            html = template.render(**context, label=in_batch[doc_id], file=Path(document["source_file"]).name)
            (building / f"{doc_id}.html").write_text(html, encoding="utf-8")

    _on_two_cores(write_pages, sum(shown))
    _swap(building, target)
    return target


def write_catalogue(out_dir: Path, catalogue_file: Path, today: date | None = None) -> Path:
    """The catalogue's page beside the batch's report (``report/catalogue.html``): what is due across every batch
    received, the chains from each directive down, and the documents with their sources."""
    from pipeline import catalogue

    today = today or datetime.now(timezone.utc).date()
    page = _environment().get_template("catalogue.html").render(
        **catalogue.overview(catalogue_file, today=today), catalogue=catalogue_file.name, today=today
    )
    target = out_dir / REPORT_DIR / "catalogue.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return target


def _on_two_cores(work: Callable[[int, int], None], items: int) -> None:
    """Do `work` on `items` items: ``work(share, shares)`` does every `shares`-th item from the `share`-th, every
    other one in a forked child when there is a second core (the document pages are files of their own: a third of
    the end of a batch of 767 texts). What a child fails to do is done here."""
    if items < 2 or len(os.sched_getaffinity(0)) < 2:
        work(0, 1)
        return
    child = os.fork()
    if child == 0:  # pragma: no cover - the child leaves by os._exit
        code = 1
        try:
            work(1, 2)
            code = 0
        finally:
            os._exit(code)
    try:
        work(0, 2)
    finally:
        _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        work(1, 2)


def _swap(built: Path, target: Path) -> None:
    """Put the built folder in place of the old one (a reader sees the old or the new report, never a mix)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)

