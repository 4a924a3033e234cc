"""The tables are written while documents finish, in the order of the tables whatever order they finish in."""

from __future__ import annotations

import json
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


def test_rows_just_stored_are_taken_from_memory_not_read_back(tmp_path: Path) -> None:
    stream = table_stream.TableStream(tmp_path, ["a.txt"])
    result = _result("a.txt")
    stream.stored("a.txt", result.rows)
    entries = {"a.txt": tmp_path / "never-written.json"}  # the store's file: reading it back would fail
    stream.take(entries)
    counts, _ = stream.finish(entries)
    stream.writer.commit({}, beside=False)
    assert counts["documents"] == 1
    assert pd.read_csv(tmp_path / "errors.csv").source_file.tolist() == ["a.txt"]


def test_rows_waiting_beyond_a_chunk_are_read_back_from_the_store(tmp_path: Path, monkeypatch) -> None:
    """A long document ahead of many short ones does not have all their rows kept in memory."""
    monkeypatch.setattr(table_stream, "CHUNK", 1)
    order = ["a.txt", "b.txt", "c.txt"]
    stream = table_stream.TableStream(tmp_path, order)
    entries: dict[str, Path] = {}
    for name in ("b.txt", "c.txt", "a.txt"):  # b and c wait for a
        rows = _result(name).rows
        entries[name] = tmp_path / f"{name}.json"
        entries[name].write_text(json.dumps(rows), encoding="utf-8")
        if name == "a.txt":
            assert list(stream._stored) == ["b.txt"]  # c is read back from the store
        stream.stored(name, rows)
        stream.take(entries)
    stream.finish(entries)
    stream.writer.commit({}, beside=False)
    assert pd.read_csv(tmp_path / "errors.csv").source_file.tolist() == order
