"""The rows of the written tables a document at a time, read from their Parquet files a batch of rows at a time:
what `documents.jsonl` and the report's document pages are made from, with memory that does not grow with the
batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


def rows_by_document(
    tables_dir: Path, names: Iterable[str], doc_ids: Iterable[str | None],
    wanted: Callable[[int], bool] | None = None,
) -> Iterator[dict[str, list[dict[str, Any]]] | None]:  # fmt: skip
    """For each of `doc_ids` in the order of the `documents` table, its rows of each named table (dicts, missing
    values None), read from the Parquet files a batch of rows at a time. The batch writes every table in that order,
    so a document's rows follow the previous document's. `errors`, one short row a problem, is read whole: a skipped
    twin's row names the document it duplicates, wherever that stands. `wanted(number)`, asked as the `number`-th
    document (from 0) comes: whether its rows are needed; those of a document not wanted are passed over unread,
    and None is given for it."""
    names = list(names)
    readers = {name: _TableRows(tables_dir / f"{name}.parquet") for name in names if name != "errors"}
    errors: dict[str | None, list[dict[str, Any]]] = {}
    if "errors" in names and (tables_dir / "errors.parquet").exists():
        for row in pq.read_table(tables_dir / "errors.parquet").to_pylist():
            errors.setdefault(row["doc_id"], []).append(row)
    for number, doc_id in enumerate(doc_ids):
        if wanted is not None and not wanted(number):
            for reader in readers.values():
                reader.skip(doc_id)
            yield None
            continue
        own = {name: reader.take(doc_id) for name, reader in readers.items()}
        if "errors" in names:
            own["errors"] = errors.get(doc_id, [])
        yield own
    left = [name for name, reader in readers.items() if not reader.done()]
    if left:
        raise ValueError(f"rows of {', '.join(left)} are not in the order of the documents table")


class _TableRows:
    """The rows of one table's Parquet file in order, a batch at a time: the `doc_id` column of each batch is read
    first, and the rows turned into dicts only for the documents taken."""

    BATCH_ROWS = 1024

    def __init__(self, path: Path):
        self._batches = pq.ParquetFile(path).iter_batches(self.BATCH_ROWS) if path.exists() else iter(())
        self._batch: pa.RecordBatch | None = None
        self._doc_ids: list[str | None] = []
        self._at = 0

    def _more(self) -> bool:
        """Whether rows are left, reading the next batch when this one is used up."""
        while self._at == len(self._doc_ids):
            batch = next(self._batches, None)
            if batch is None:
                return False
            self._batch, self._doc_ids, self._at = batch, batch.column("doc_id").to_pylist(), 0
        return True

    def _next_run(self, doc_id: str | None) -> tuple[int, int] | None:
        """The rows of `doc_id` that come next in this batch, as (first, end); None when the next row is another's."""
        if not self._more() or self._doc_ids[self._at] != doc_id:
            return None
        start = end = self._at
        while end < len(self._doc_ids) and self._doc_ids[end] == doc_id:
            end += 1
        self._at = end
        return start, end

    def take(self, doc_id: str | None) -> list[dict[str, Any]]:
        """The rows of `doc_id` that come next."""
        taken: list[dict[str, Any]] = []
        while run := self._next_run(doc_id):
            taken += self._batch.slice(run[0], run[1] - run[0]).to_pylist()
        return taken

    def skip(self, doc_id: str | None) -> None:
        """Pass over the rows of `doc_id` that come next."""
        while self._next_run(doc_id):
            pass

    def done(self) -> bool:
        """Whether every row was taken."""
        return not self._more()
