"""The tables are written while documents finish, in the order of the tables whatever order they finish in."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline import table_stream
from pipeline.model import Problem, Stage
from pipeline.results import DocumentResult, failed


def _result(source_file: str) -> DocumentResult:
    return failed(source_file, source_file.encode().hex().ljust(64, "0"), Problem(Stage.INGEST, "unreadable_input", "x"))


def test_rows_are_written_in_source_order_whatever_order_documents_finish_in(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(table_stream, "CHUNK", 1)  # a chunk a document: each is written as soon as it may be
    order = ["a.txt", "b.txt", "c.txt"]
    stream = table_stream.TableStream(tmp_path, order)
    entries: dict[str, DocumentResult] = {}
    for finished in ("c.txt", "a.txt", "b.txt"):
        entries[finished] = _result(finished)
        stream.take(entries)
    counts, _ = stream.finish(entries)
    stream.writer.commit({}, beside=False)
    assert counts["documents"] == 3 and counts["failed"] == 3
    assert pd.read_csv(tmp_path / "errors.csv").source_file.tolist() == order
    assert pd.read_parquet(tmp_path / "documents.parquet").source_file.tolist() == order


def test_the_rows_in_memory_are_left_as_they_came(tmp_path: Path) -> None:
    """Only the written copy is marked for review: the run's digest is taken from the rows as they came."""
    result = _result("a.txt")
    stream = table_stream.TableStream(tmp_path, ["a.txt"])
    stream.take({"a.txt": result})
    stream.finish({"a.txt": result})
    stream.writer.discard()
    assert "needs_review" not in result.rows["documents"][0]
