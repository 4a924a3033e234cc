"""The batch on a Dask cluster gives the same tables as the local worker pool."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from distributed import LocalCluster

from pipeline import batch
from pipeline.cli import main
from pipeline.settings import Settings
from tests.conftest import DEV
from tests.test_incremental import assert_same_tables

# Texts only (no OCR) to keep it quick; the plan cites the directive, the công văn cites nothing in the batch.
DOCUMENTS = [
    DEV / name for name in ("seed-binhdinh-kh-ct12.txt", "src-congbot-02.txt", "src-congbot-12.txt", "src-vbpl-01.txt")
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    # Workers as threads of this process: they run the code the local pool's forked workers run.
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=":0"
    ) as local:
        yield local


def test_a_dask_scheduler_gives_the_tables_of_the_local_pool(cluster: LocalCluster, tmp_path: Path) -> None:
    address = cluster.scheduler_address.removeprefix("tcp://")
    on_dask = batch.run(DOCUMENTS, tmp_path / "dask", progress=False, scheduler=f"dask://{address}")
    batch.run(DOCUMENTS, tmp_path / "local", jobs=2, progress=False)
    assert on_dask.ok == len(DOCUMENTS)
    assert_same_tables(tmp_path / "dask", tmp_path / "local")


def test_a_task_past_its_time_limit_on_dask_is_a_timeout(cluster: LocalCluster, tmp_path: Path) -> None:
    address = cluster.scheduler_address.removeprefix("tcp://")
    batch.run(DOCUMENTS[:1], tmp_path, Settings(document_timeout=0.001), progress=False, scheduler=f"dask://{address}")
    errors = pd.read_csv(tmp_path / "errors.csv")
    assert errors.error_type.tolist() == ["timeout"] and errors.message[0] == "gave up after 0.001 s"


def test_the_cli_starts_a_local_dask_cluster_and_fills_the_catalogue_as_locally(tmp_path: Path) -> None:
    cat = tmp_path / "catalogue.duckdb"
    code = main(
        ["run", *map(str, DOCUMENTS[2:]), "--out", str(tmp_path / "out"), "--scheduler", "local-dask", "--jobs", "2",
         "--quiet", "--catalogue", str(cat)]
    )  # fmt: skip
    assert code == 0 and len(pd.read_csv(tmp_path / "out" / "documents.csv")) == 2
    with duckdb.connect(str(cat), read_only=True) as db:
        assert db.sql("select count(*) from catalogue_documents").fetchall() == [(2,)]
