"""vanban: Vietnamese directive documents (scans, PDFs, texts) into tables.

Stages, each a module with a typed result: :mod:`pipeline.ingest` → :mod:`pipeline.normalize` →
:mod:`pipeline.structure` → :mod:`pipeline.extract` → :mod:`pipeline.export`, driven by :mod:`pipeline.batch`
and the ``vanban`` command (:mod:`pipeline.cli`). From Python::

    import pipeline
    pipeline.run(["data/raw"], "data/processed")      # the same code path as `vanban run`
    tables = pipeline.load("data/processed")           # every table as a pandas DataFrame
    tables["documents"].head()
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.batch import RunSummary

try:
    __version__ = version("vanban")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"


def run(
    inputs: str | Path | Iterable[str | Path], out_dir: str | Path, jobs: int | None = None, scheduler: str = "local"
) -> RunSummary:
    """Process a file or folder, or several, into the tables of `out_dir`, as ``vanban run`` does; returns the
    summary. Documents unchanged since the last run into `out_dir` are taken from it, not processed again."""
    from pipeline import batch

    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    return batch.run([Path(p) for p in items], Path(out_dir), jobs=jobs, progress=False, scheduler=scheduler)


def load(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of a processed folder as pandas DataFrames, by table name. Raises FileNotFoundError when the
    folder holds no tables (a typing slip, or a run that has not finished)."""
    import pandas as pd

    from pipeline.schema import TABLES

    folder = Path(out_dir)
    tables = {name: folder / f"{name}.parquet" for name in TABLES if (folder / f"{name}.parquet").exists()}
    if not tables:
        raise FileNotFoundError(f"no vanban tables in {folder}: run `vanban run INPUTS --out {folder}` first")
    return {name: pd.read_parquet(path) for name, path in tables.items()}
