"""The review report: static HTML pages a person opens from disk to check a batch (``report/`` in the output folder).

``index.html`` is the batch (counts, the documents needing review first, the citation graph, the workload per body,
what is due in the next 30 days for each body and deadlines by month); ``<doc_id>.html`` is one document: its normalised text with every extracted item marked
where it stands, and the tables beside it. Pages are Jinja2 templates (``templates/``); the graph is drawn by
Cytoscape.js 3.34.4 (``static/cytoscape.min.js``, MIT, vendored from the npm registry), so nothing is fetched
and no server is needed. The folder is built beside the old one and swapped in when complete.
"""

from __future__ import annotations

import itertools
import shutil
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path

import jinja2
import pandas as pd

from pipeline import table_rows, two_cores
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
    page, and the document pages on two cores."""
    report = Report(out_dir, out_dir, today)
    claims = two_cores.Claims()
    here, there = claims.taker(), claims.taker()
    if not two_cores.run(lambda: (report.write_index(), report.write_pages(here)), lambda: report.write_pages(there)):
        report.write_pages(two_cores.Others(here.taken))
    return report.put_in_place()


class Report:
    """The report of the tables in `tables_dir` (the output folder, or the staging folder of a run that is
    writing them; texts in ``out_dir/texts``), built beside the old one: the batch page from the columns it shows,
    the document pages from each document's rows in turn, by whichever process takes them."""

    def __init__(self, out_dir: Path, tables_dir: Path, today: date | None = None):
        self.out_dir, self.tables_dir = out_dir, tables_dir
        self.today = today or datetime.now(timezone.utc).date()
        self.building = out_dir / ".vanban" / "report"
        shutil.rmtree(self.building, ignore_errors=True)
        (self.building / "assets").mkdir(parents=True)
        static = resources.files("pipeline.report").joinpath("static")
        for name in ASSETS:
            (self.building / "assets" / name).write_bytes(static.joinpath(name).read_bytes())
        self.environment = _environment()
        self._tables: dict[str, pd.DataFrame] | None = {
            name: pd.read_parquet(tables_dir / f"{name}.parquet", columns=None if columns is None else list(columns))
            for name, columns in batch_view.INDEX_COLUMNS.items()
            if (tables_dir / f"{name}.parquet").exists()
        }
        self._rows = batch_view.document_rows(self._tables)
        self.in_batch = {row["doc_id"]: row["label"] for row in self._rows if row["page"]}
        self.documents = self._tables["documents"].to_dict("records")
        self.shown = [
            isinstance(document.get("doc_id"), str) and isinstance(document.get("text_path"), str)
            and document["doc_id"] in self.in_batch
            for document in self.documents
        ]  # fmt: skip

    def write_index(self) -> None:
        """The batch page; the tables it is made from are let go."""
        tables, today = self._tables, self.today
        assert tables is not None, "the batch page is written once"
        run = tables["runs"].iloc[-1].to_dict() if "runs" in tables and len(tables["runs"]) else {}
        index = self.environment.get_template("index.html").render(
            run=run,
            counts=batch_view.counts(tables),
            documents=self._rows,
            graph=batch_view.citation_graph(tables),
            deadlines=batch_view.deadlines_by_month(tables, today),
            workload=batch_view.workload(tables, today),
            due=batch_view.due_soon(tables, today),
            today=today,
        )
        (self.building / "index.html").write_text(index, encoding="utf-8")
        self._tables = self._rows = None  # the document pages need none of it

    def write_pages(self, taker: two_cores.Taker | two_cores.Others) -> None:
        """The pages of the documents shown that `taker` takes (they are numbered from 0 in the documents' order);
        only their rows are read."""
        numbers = list(itertools.accumulate(self.shown, initial=-1))[1:]  # a shown document's page number
        template = self.environment.get_template("document.html")

        def wanted(at: int) -> bool:
            return self.shown[at] and taker.take(numbers[at])

        doc_ids = [document["doc_id"] for document in self.documents]
        for document, own in zip(
            self.documents, table_rows.rows_by_document(self.tables_dir, PER_DOCUMENT, doc_ids, wanted), strict=True
        ):
            if own is None:
                continue
            doc_id = document["doc_id"]
            text = (self.out_dir / document["text_path"]).read_text(encoding="utf-8")
            context = document_context(document, text, own, self.in_batch)
            html = template.render(**context, label=self.in_batch[doc_id], file=Path(document["source_file"]).name)
            (self.building / f"{doc_id}.html").write_text(html, encoding="utf-8")

    def put_in_place(self) -> Path:
        """Swap the built report in for the old one (a reader sees the old or the new report, never a mix)."""
        target = self.out_dir / REPORT_DIR
        _swap(self.building, target)
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


def _swap(built: Path, target: Path) -> None:
    """Put the built folder in place of the old one (a reader sees the old or the new report, never a mix)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)

