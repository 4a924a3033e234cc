"""The tables written while the workers run: each finished document's rows go to the staging files of an
:class:`export.TableWriter` as soon as every document before it (in the order of the tables: source file, sorted)
has finished, CHUNK documents at a time; `documents` and `citations` are held to the end, where citations are
resolved across the batch. The parent writes on while the workers read, instead of writing every row alone at
the end with one core idle; the files are the same, chunk for chunk, as those written at the end.

The CSV and Parquet files are appended in place; the database, the workbook, `documents.jsonl` and the report are
made from the finished Parquet files at the end (:meth:`export.TableWriter.commit`): the database and the report's
batch page need the whole tables, and citations are resolved across the batch only then.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline import export, review, schema
from pipeline.model import TextSource
from pipeline.results import DocumentResult, Rows, Store

CHUNK = 100  # documents whose rows are turned into a chunk of the tables at a time
HELD = ("documents", "citations")  # written at the end: citations are resolved across the batch

Entry = Path | DocumentResult  # a document's rows: in the store, or (when it is to be tried again) in memory


class TableStream:
    """The rows of `order`'s documents (source files), written to `writer` in that order as their entries come."""

    def __init__(self, out_dir: Path, order: list[str], excel_csv: bool = False):
        self.writer = export.TableWriter(out_dir, {name: schema.frame(name, []) for name in schema.TABLES}, excel_csv)
        self._order = order
        self._written = 0
        self._held: dict[str, list[dict[str, Any]]] = {name: [] for name in HELD}
        self._chunk: dict[str, list[dict[str, Any]]] = {
            name: [] for name in schema.TABLES if name not in HELD and name != "runs"
        }
        self._pages = self._ocr_pages = 0
        self._stored: dict[str, Rows] = {}  # rows just put in the store, kept until their turn comes

    def stored(self, source_file: str, rows: Rows) -> None:
        """The rows a document has just put in the store: taken from here (and marked for review in place) when its
        turn comes, instead of read back from the store, unless CHUNK documents wait already (a long document ahead
        of many short ones would have them all kept in memory)."""
        if len(self._stored) < CHUNK:
            self._stored[source_file] = rows

    def take(self, entries: Mapping[str, Entry]) -> None:
        """Write the rows of the documents next in order whose entries are in `entries`."""
        while self._written < len(self._order) and (entry := entries.get(self._order[self._written])) is not None:
            # the rows in memory are marked on a copy: the run's digest is taken from them as they came
            kept = self._stored.pop(self._order[self._written], None) if isinstance(entry, Path) else None
            rows = kept or (Store.load(entry).rows if isinstance(entry, Path) else copy.deepcopy(entry.rows))
            review.mark(rows)
            for name, table_rows in rows.items():
                (self._held[name] if name in self._held else self._chunk[name]).extend(table_rows)
            self._written += 1
            if self._written % CHUNK == 0:
                self._flush()

    def finish(self, entries: Mapping[str, Entry]) -> tuple[dict[str, int], set[str]]:
        """Write the last rows and the held tables. Returns the counts of `runs` and the ids of the documents that
        have a text."""
        self.take(entries)
        if self._written < len(self._order):
            raise ValueError(f"no rows for {self._order[self._written]}")
        self._flush()
        held = self._held
        link_references(held["citations"], held["documents"])
        for name, rows in held.items():
            self.writer.append(name, schema.frame(name, rows))
        statuses = [row["status"] for row in held["documents"]]
        counts = {
            "documents": len(statuses),
            "ok": statuses.count("ok"),
            "partial": statuses.count("partial"),
            "failed": statuses.count("failed"),
            "pages": self._pages,
            "ocr_pages": self._ocr_pages,
        }
        return counts, {row["doc_id"] for row in held["documents"] if row.get("text_path")}

    def _flush(self) -> None:
        self._pages += len(self._chunk["pages"])
        self._ocr_pages += sum(row["text_source"] == TextSource.OCR.value for row in self._chunk["pages"])
        for name, rows in self._chunk.items():
            self.writer.append(name, schema.frame(name, rows))
            rows.clear()


def link_references(references: list[dict[str, Any]], documents: list[dict[str, Any]]) -> None:
    """Set ``resolved_doc_id`` on every reference whose cited document is itself in the batch."""
    from pipeline.extract.citations import Citation, resolve_in_batch

    fields = {f.name for f in dataclasses.fields(Citation)} - {"mentions"}
    cited = [(row["doc_id"], Citation(**{k: row.get(k) for k in fields})) for row in references]
    batch = [(d["doc_id"], d.get("number_symbol"), d.get("issuer"), d.get("year")) for d in documents if d["doc_id"]]
    resolved = resolve_in_batch(cited, batch)
    for row in references:
        row["resolved_doc_id"] = resolved.get((row["doc_id"], row["ref_id"]))
