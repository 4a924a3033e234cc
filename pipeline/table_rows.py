"""The rows of the written tables a document at a time, read from their Parquet files a batch of rows at a time:
what `documents.jsonl` and the report's document pages are made from, with memory that does not grow with the
batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq


def rows_by_document(
    out_dir: Path, names: Iterable[str], doc_ids: Iterable[str | None]
) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """For each of `doc_ids` in the order of the `documents` table, its rows of each named table (dicts, missing
    values None), read from the Parquet files a batch of rows at a time. The batch writes every table in that order,
    so a document's rows follow the previous document's. `errors`, one short row a problem, is read whole: a skipped
    twin's row names the document it duplicates, wherever that stands."""
    names = list(names)
    readers = {name: _TableRows(out_dir / f"{name}.parquet") for name in names if name != "errors"}
    errors: dict[str | None, list[dict[str, Any]]] = {}
    if "errors" in names and (out_dir / "errors.parquet").exists():
        for row in pq.read_table(out_dir / "errors.parquet").to_pylist():
            errors.setdefault(row["doc_id"], []).append(row)
    for doc_id in doc_ids:
        own = {name: reader.take(doc_id) for name, reader in readers.items()}
        if "errors" in names:
            own["errors"] = errors.get(doc_id, [])
        yield own
    left = [name for name, reader in readers.items() if not reader.done()]
    if left:
        raise ValueError(f"rows of {', '.join(left)} are not in the order of the documents table")


class _TableRows:
    """The rows of one table's Parquet file in order, a batch at a time."""

    BATCH_ROWS = 1024  # rows turned into dicts at a time

    def __init__(self, path: Path):
        self._batches = pq.ParquetFile(path).iter_batches(self.BATCH_ROWS) if path.exists() else iter(())
        self._rows: list[dict[str, Any]] = []
        self._at = 0

    def _next(self) -> dict[str, Any] | None:
        while self._at == len(self._rows):
            batch = next(self._batches, None)
            if batch is None:
                return None
            self._rows, self._at = batch.to_pylist(), 0
        return self._rows[self._at]

    def take(self, doc_id: str | None) -> list[dict[str, Any]]:
        """The rows of `doc_id` that come next."""
        taken = []
        while (row := self._next()) is not None and row["doc_id"] == doc_id:
            taken.append(row)
            self._at += 1
        return taken

    def done(self) -> bool:
        """Whether every row was taken."""
        return self._next() is None
