"""Export: the tables as CSV, Parquet and one DuckDB file, and each document's normalised text.

Every file is written to a temporary name beside its target and renamed into place, so a reader (or a run that
is stopped half-way) never sees a half-written file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

DUCKDB_FILE = "vanban.duckdb"
TEXTS_DIR = "texts"


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder that replaces `target` when the block ends without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def text_path(doc_id: str) -> str:
    """Where a document's normalised text is kept, relative to the output folder."""
    return f"{TEXTS_DIR}/{doc_id}.txt"


def write_text(out_dir: Path, doc_id: str, text: str) -> None:
    with atomic_path(out_dir / text_path(doc_id)) as path:
        path.write_text(text, encoding="utf-8", newline="\n")


def write_tables(out_dir: Path, tables: Mapping[str, pd.DataFrame], views: Mapping[str, str]) -> None:
    """Write every table as ``<name>.csv`` and ``<name>.parquet``, and all of them, with `views`, into
    ``vanban.duckdb``."""
    writers: dict[str, Callable[[pd.DataFrame, Path], None]] = {
        "csv": lambda data, path: data.to_csv(path, index=False, encoding="utf-8", lineterminator="\n"),
        "parquet": lambda data, path: data.to_parquet(path, index=False, engine="pyarrow"),
    }
    for name, data in tables.items():
        for suffix, write in writers.items():
            with atomic_path(out_dir / f"{name}.{suffix}") as path:
                write(data, path)
    with atomic_path(out_dir / DUCKDB_FILE) as path:
        path.unlink()  # duckdb creates the file itself
        with duckdb.connect(str(path)) as connection:
            for name, data in tables.items():
                connection.register("incoming", data)
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                connection.unregister("incoming")
            for name, query in views.items():
                connection.execute(f'CREATE VIEW "{name}" AS {query}')
