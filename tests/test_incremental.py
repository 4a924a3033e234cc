"""Incremental and resumable batches: what was done is not done again, and a killed run finishes the rest."""

from __future__ import annotations

import gc
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import batch, cli, schema
from pipeline.results import STORE_DIR
from pipeline.settings import Settings
from tests import bad_inputs
from tests.conftest import CORPUS, DEV, ROOT, SCANS

DATA_TABLES = [name for name in schema.TABLES if name != "runs"]  # `runs` says when a run was: it always differs
TIMINGS = ["seconds"]  # documents.seconds and pages.seconds: measured anew whenever a document is processed


def table_bytes(out: Path) -> dict[str, bytes]:
    """The CSV and Parquet files of every table but `runs`, the workbook (which has no `runs` sheet) and the
    texts: what must not change between runs."""
    files = [f"{name}.{suffix}" for name in DATA_TABLES for suffix in ("csv", "parquet")] + ["vanban.xlsx"]
    files += [f"texts/{path.name}" for path in sorted((out / "texts").iterdir())]
    return {name: (out / name).read_bytes() for name in files}


def tables_without_timings(out: Path) -> dict[str, pd.DataFrame]:
    """Every table but `runs`, less its timing columns: what two runs that both process the documents share."""
    return {
        name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False).drop(columns=TIMINGS, errors="ignore")
        for name in DATA_TABLES
    }


def assert_same_tables(out: Path, expected: Path) -> None:
    found, wanted = tables_without_timings(out), tables_without_timings(expected)
    for name in DATA_TABLES:
        pd.testing.assert_frame_equal(found[name], wanted[name], obj=name)


def processing(inputs: list[Path], out: Path, settings: Settings = Settings()) -> list[str]:
    """Run the batch; returns the documents it processed (not taken from the store)."""
    processed: list[str] = []
    batch.run(
        inputs, out, settings, jobs=2, progress=False, on_result=lambda r: processed.append(Path(r.source_file).name)
    )
    return sorted(processed)


def test_an_unchanged_rerun_processes_nothing_and_writes_byte_identical_tables(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("seed-binhdinh-kh-ct12.txt", "src-congbot-02.txt", "src-vbpl-01.txt"):
        shutil.copy(DEV / name, inputs / name)
    (inputs / "truncated.pdf").write_bytes(bad_inputs.CONGBAO.read_bytes()[:30_000])  # fails the same way each time
    out = tmp_path / "out"
    first = processing([inputs], out)
    before = table_bytes(out)
    runs_before = pd.read_csv(out / "runs.csv")

    again = processing([inputs], out)

    assert len(first) == 4 and again == []
    assert table_bytes(out) == before
    runs = pd.read_csv(out / "runs.csv")
    assert len(runs) == 1 and runs.run_id[0] != runs_before.run_id[0]
    assert (runs.reused[0], runs_before.reused[0]) == (4, 0) and runs.documents[0] == 4


def test_tables_rebuilt_from_the_store_are_byte_identical(tmp_path: Path) -> None:
    """A document comes and goes: the tables are built again from the store, and come out as before, byte for
    byte (the timings of the documents are those stored when they were processed)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("seed-binhdinh-kh-ct12.txt", "src-congbot-02.txt"):
        shutil.copy(DEV / name, inputs / name)
    out = tmp_path / "out"
    processing([inputs], out)
    before = table_bytes(out)
    shutil.copy(DEV / "src-vbpl-01.txt", inputs)
    assert processing([inputs], out) == ["src-vbpl-01.txt"]
    assert table_bytes(out) != before
    (inputs / "src-vbpl-01.txt").unlink()

    assert processing([inputs], out) == []
    assert table_bytes(out) == before


def test_a_changed_document_is_processed_again_and_a_removed_one_leaves_the_tables(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("src-congbot-02.txt", "src-congbot-12.txt", "src-vbpl-01.txt"):
        shutil.copy(DEV / name, inputs / name)
    out = tmp_path / "out"
    processing([inputs], out)
    removed_id = pd.read_csv(out / "documents.csv").set_index("source_file").doc_id[str(inputs / "src-congbot-12.txt")]
    (inputs / "src-congbot-12.txt").unlink()
    with (inputs / "src-vbpl-01.txt").open("a", encoding="utf-8") as changed:
        changed.write("\nNơi nhận:\n- Lưu: VT.\n")

    assert processing([inputs], out) == ["src-vbpl-01.txt"]

    documents = pd.read_csv(out / "documents.csv")
    assert sorted(Path(p).name for p in documents.source_file) == ["src-congbot-02.txt", "src-vbpl-01.txt"]
    for name in DATA_TABLES:
        assert removed_id not in set(pd.read_csv(out / f"{name}.csv", dtype=str).get("doc_id", [])), name
    assert not (out / "texts" / f"{removed_id}.txt").exists()
    assert len(list((out / STORE_DIR).iterdir())) == 2  # the store keeps what the current tables were built from


def test_a_document_stopped_by_a_limit_is_tried_again_while_a_broken_one_is_not(tmp_path: Path) -> None:
    """A time-out (or a worker's death, its memory ceiling, a file it could not read) may not happen again; a
    corrupt file will always be corrupt."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SCANS / "ailab_4_1.jpg", inputs / "photo.jpg")
    (inputs / "truncated.pdf").write_bytes(bad_inputs.CONGBAO.read_bytes()[:30_000])
    hurried = Settings(page_timeout=0.05)
    assert processing([inputs], tmp_path / "out", hurried) == ["photo.jpg", "truncated.pdf"]
    assert processing([inputs], tmp_path / "out", hurried) == ["photo.jpg"]
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    kinds = errors.groupby(errors.source_file.map(lambda p: Path(p).name)).error_type.agg(set)
    assert "timeout" in kinds["photo.jpg"] and kinds["truncated.pdf"] == {"corrupt_input"}


def test_changing_a_setting_that_shapes_the_rows_processes_everything_again(tmp_path: Path) -> None:
    document = DEV / "src-congbot-12.txt"
    assert processing([document], tmp_path) == ["src-congbot-12.txt"]
    assert processing([document], tmp_path, Settings(page_timeout=30)) == []  # a limit: rows are the same
    assert processing([document], tmp_path, Settings(min_text_quality=0.5)) == ["src-congbot-12.txt"]


def write_bulk_texts(folder: Path, count: int) -> None:
    folder.mkdir()
    with gzip.open(CORPUS / "bulk-vbpl.jsonl.gz", "rt", encoding="utf-8") as lines:
        for _, line in zip(range(count), lines, strict=False):
            record = json.loads(line)
            (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")


def vanban_run(inputs: Path, out: Path) -> list[str]:
    """The command of a run in a new process (each run fingerprints the code it loads, so all compared runs are
    new processes)."""
    return [sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--out", str(out), "--jobs", "2", "--quiet"]


def test_a_run_killed_with_sigkill_resumes_with_no_row_lost_or_doubled(tmp_path: Path) -> None:
    inputs, out, uninterrupted = tmp_path / "in", tmp_path / "out", tmp_path / "uninterrupted"
    write_bulk_texts(inputs, 40)
    command = vanban_run(inputs, out)
    killed = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stderr=subprocess.DEVNULL)
    store = out / STORE_DIR
    while killed.poll() is None and (not store.is_dir() or len(list(store.glob("*.json"))) < 12):
        time.sleep(0.05)
    os.killpg(killed.pid, signal.SIGKILL)  # the run and its workers, as an out-of-memory killer or a power cut would
    killed.wait()
    assert killed.returncode == -signal.SIGKILL and not (out / "documents.csv").exists()

    subprocess.run(command, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
    subprocess.run(
        [*command[:5], "--out", str(uninterrupted), *command[7:]], cwd=ROOT, check=True, stderr=subprocess.DEVNULL
    )

    runs = pd.read_csv(out / "runs.csv")
    assert 12 <= runs.reused[0] < 40 and runs.documents[0] == 40
    assert_same_tables(out, uninterrupted)
    documents = pd.read_csv(out / "documents.csv")
    assert documents.doc_id.is_unique and len(documents) == 40


def test_ctrl_c_stops_with_a_message_and_the_same_command_goes_on(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_bulk_texts(inputs, 60)  # interrupted after 2: the other 58 (some 6 s of work) leave room for a late signal under load
    command = vanban_run(inputs, out)
    interrupted = subprocess.Popen(  # with Ctrl-C's default action, as a terminal starts it, whatever the suite left
        command, cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    store = out / STORE_DIR
    while interrupted.poll() is None and (not store.is_dir() or len(list(store.glob("*.json"))) < 2):
        time.sleep(0.05)
    os.killpg(interrupted.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends to the run and its workers
    _, stderr = interrupted.communicate()
    assert interrupted.returncode == 130
    assert stderr == "vanban: interrupted; the same command goes on from the documents already done\n"

    finished = subprocess.run(command, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
    runs = pd.read_csv(out / "runs.csv")
    assert finished.returncode == 0 and 2 <= runs.reused[0] < 60 and runs.documents[0] == 60


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the drop this test makes happen
def test_ctrl_c_that_python_drops_at_the_end_of_a_run_still_stops_it(tmp_path: Path) -> None:
    """The end of a run frees many objects and forks a child for its second core: a KeyboardInterrupt raised inside a
    finaliser, a garbage collector's callback or an at-fork handler is printed and dropped by Python, and the run
    ended 0. It notes the signal and ends 130 once its tables are committed."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    write_bulk_texts(inputs, 3)
    this_process, sent = os.getpid(), []

    def ctrl_c_while_collecting(phase: str, info: dict) -> None:  # a collection of the end phase, in this process
        if not sent and os.getpid() == this_process and (out / ".vanban" / "report").is_dir():
            sent.append(phase)
            os.kill(this_process, signal.SIGINT)
            for _ in range(1000):  # the signal's handler runs here, inside the callback
                pass

    terminal = signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C's action as a terminal starts it
    gc.callbacks.append(ctrl_c_while_collecting)
    try:
        code = cli.main(["run", str(inputs), "--out", str(out), "--quiet"])
    finally:
        gc.callbacks.remove(ctrl_c_while_collecting)
        signal.signal(signal.SIGINT, terminal)
    assert sent and code == cli.INTERRUPTED
    assert len(pd.read_csv(out / "documents.csv")) == 3  # what it finished is committed
