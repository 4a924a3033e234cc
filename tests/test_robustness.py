"""Hostile input and faults, second round (#19): each case here broke a run before it was fixed."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from tqdm import tqdm

import pipeline
from pipeline import batch
from pipeline.cli import main
from pipeline.model import PageText, TextSource
from pipeline.ocr.engine import CACHE as OCR_CACHE
from pipeline.progress import PageProgress
from pipeline.results import Store
from pipeline.settings import Settings
from tests import bad_inputs
from tests.conftest import DEV, ROOT, SCANS

PLAN = DEV / "src-vbpl-01.txt"


def _run(*args: str) -> int:
    return main(["run", *args, "--jobs", "1", "--quiet"])


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    raw_name = os.fsencode(inbox) + b"/b\xe1o c\xe1o.txt"  # 'báo cáo' in Windows-1258, as unzipped from Windows
    with open(raw_name, "wb") as f:
        f.write(PLAN.read_bytes())
    assert _run(str(inbox), "--out", str(tmp_path / "out")) == 0
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert documents.source_file.tolist() == [f"{inbox}/b\\xe1o c\\xe1o.txt"]
    assert documents.status.tolist() == ["ok"] and documents.number_symbol.notna().all()


def test_an_output_folder_inside_the_inputs_is_never_read_back(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(PLAN, inbox / "plan.txt")
    for _ in range(2):
        assert _run(str(inbox), "--out", str(inbox / "results")) == 0
    assert pd.read_csv(inbox / "results" / "documents.csv").source_file.tolist() == [str(inbox / "plan.txt")]
    # another run's output folder inside the inbox is recognised by its results store, whatever its name
    assert _run(str(inbox), "--out", str(tmp_path / "elsewhere")) == 0
    assert len(pd.read_csv(tmp_path / "elsewhere" / "documents.csv")) == 1


def test_symbolic_links_are_not_followed_and_never_out_of_the_inputs(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    shutil.copy(PLAN, secret)
    inbox = tmp_path / "inbox"
    (inbox / "folder").mkdir(parents=True)
    shutil.copy(DEV / "src-congbot-12.txt", inbox / "folder" / "inside.txt")
    (inbox / "secret.txt").symlink_to(secret)
    (inbox / ".kept").mkdir()  # hidden: not searched, but inside the inputs
    shutil.copy(DEV / "src-congbot-14.txt", inbox / ".kept" / "other.txt")
    (inbox / "also-inside.txt").symlink_to(inbox / ".kept" / "other.txt")
    (inbox / "linked-folder").symlink_to(secret.parent, target_is_directory=True)
    for follow, expected_read in ((False, {"inside.txt"}), (True, {"inside.txt", "also-inside.txt"})):
        out = tmp_path / f"out-{follow}"
        main(["run", str(inbox), "--out", str(out), "--quiet", "--jobs", "1", *(["--follow-symlinks"] * follow)])
        documents = pd.read_csv(out / "documents.csv")
        read = {Path(s).name for s in documents[documents.status == "ok"].source_file}
        assert read == expected_read
        errors = pd.read_csv(out / "errors.csv").set_index("source_file")
        assert errors.loc[str(inbox / "secret.txt"), "error_type"] == "symlink_not_followed"
        assert "secret.txt" not in {p.name for p in (out / "texts").iterdir()}
        texts = "".join(p.read_text(encoding="utf-8") for p in (out / "texts").iterdir())
        assert secret.read_text(encoding="utf-8")[:200] not in texts


def test_awkward_links_followed_inside_the_folder_are_clear_errors(tmp_path: Path) -> None:
    bad_inputs.make_links(tmp_path / "links")
    summary = batch.run(tmp_path / "links", tmp_path / "out", jobs=1, progress=False, follow_symlinks=True)
    assert summary.failed == len(bad_inputs.FOLLOWED)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert {Path(s).name: t for s, t in zip(errors.source_file, errors.error_type)} == bad_inputs.FOLLOWED


def test_a_file_replaced_after_hashing_gets_the_id_of_the_content_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(DEV.joinpath("src-congbot-12.txt").read_bytes())
    stale = hashlib.sha256(b"what the file held when it was hashed").hexdigest()
    result = batch.read_task(str(path), str(path), stale, Settings())
    assert result.document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_files_are_empty_not_duplicates_of_each_other(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_bytes(b"")
    _run(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert pd.read_csv(tmp_path / "out" / "errors.csv").error_type.tolist() == ["empty_input", "empty_input"]


@pytest.mark.parametrize(
    "option, message",
    [(["--page-timeout", "-5"], "--page-timeout must be"), (["--worker-memory", "500"], "at least 1024 MB")],
)
def test_impossible_limits_are_usage_errors(tmp_path: Path, capsys, option: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["run", str(PLAN), "--out", str(tmp_path), *option])
    assert stop.value.code == 2 and message in capsys.readouterr().err


def test_python_api_takes_one_path_and_refuses_a_folder_without_tables(tmp_path: Path) -> None:
    summary = pipeline.run(str(PLAN), tmp_path / "out", jobs=1)
    assert summary.documents == 1
    assert len(pipeline.load(tmp_path / "out")["documents"]) == 1
    with pytest.raises(FileNotFoundError, match="no vanban tables"):
        pipeline.load(tmp_path / "missing")


def test_utf8_with_one_bad_byte_is_read_and_the_damage_named(tmp_path: Path) -> None:
    data = PLAN.read_bytes()
    middle = data.index(b"\n", len(data) // 2)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "damaged.txt").write_bytes(data[:middle] + b"\xff" + data[middle:])
    assert _run(str(tmp_path / "in"), "--out", str(tmp_path / "out")) == 0
    pages = pd.read_csv(tmp_path / "out" / "pages.csv")
    assert "1 invalid byte sequence replaced" in pages.decision.iloc[0]


def test_a_document_that_timed_out_on_two_runs_waits_for_retry_failed(tmp_path: Path) -> None:
    settings = Settings(page_timeout=0.05)
    tried: list[str] = []
    for _ in range(3):
        batch.run([SCANS / "ailab_4_1.jpg"], tmp_path, settings, jobs=1, progress=False, on_result=tried.append)
    assert len(tried) == 2  # the third run takes the failure from the store
    errors = pd.read_csv(tmp_path / "errors.csv")
    timeout = errors[errors.error_type == "timeout"]
    assert len(timeout) == 1 and "--retry-failed" in timeout.message.iloc[0]
    batch.run([SCANS / "ailab_4_1.jpg"], tmp_path, settings, jobs=1, progress=False, on_result=tried.append,
              retry_failed=True)  # fmt: skip
    assert len(tried) == 3


def test_ocr_pages_kept_by_an_interrupted_run_are_not_read_again(tmp_path: Path) -> None:
    scan = SCANS / "ailab_2_scan_image-only.pdf"
    sha256 = hashlib.sha256(scan.read_bytes()).hexdigest()
    kept = PageText(1, "TRANG MỘT ĐÃ ĐỌC TRONG LẦN CHẠY TRƯỚC\n", TextSource.OCR, ocr_confidence=90.0)
    Store(tmp_path, Settings()).put_page(sha256, kept)
    batch.run([scan], tmp_path, jobs=1, progress=False)
    documents = pd.read_csv(tmp_path / "documents.csv")
    text = (tmp_path / documents.text_path.iloc[0]).read_text(encoding="utf-8")
    assert text.startswith("TRANG MỘT ĐÃ ĐỌC") and len(text) > 500  # page 2 was read by OCR
    assert not list(Store(tmp_path, Settings()).pages(sha256))  # the finished document's pages are let go


def test_verbose_names_every_document_and_quiet_only_those_with_problems(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(PLAN, tmp_path / "in" / "plan.txt")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    outputs = {}
    for flag in ("-v", "-q"):
        done = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "in"), "--out", str(tmp_path / flag),
             "--jobs", "1", flag], capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        outputs[flag] = done.stderr.splitlines()
    assert any("plan.txt" in line and line.startswith("ok") for line in outputs["-v"])
    assert any("empty.txt" in line and "empty_input" in line for line in outputs["-v"])
    assert outputs["-q"] == [line for line in outputs["-v"] if "empty.txt" in line]


def test_the_progress_bar_counts_pages_and_names_the_file_being_read(tmp_path: Path, monkeypatch) -> None:
    """A document of three pages (form feeds) moves the bar three steps, not one; a file being read is named."""
    bars: list[PageProgress] = []

    class Shown(PageProgress):  # the run's own bar, drawn into a buffer as it would be on a terminal
        def __init__(self, documents: int, enabled: bool = True):
            super().__init__(documents, enabled)
            self._bar = tqdm(total=documents, unit="page", file=io.StringIO(), mininterval=0)
            bars.append(self)

        def close(self) -> None:
            pass

    monkeypatch.setattr(batch, "PageProgress", Shown)
    lines = PLAN.read_text(encoding="utf-8").splitlines(keepends=True)
    third = len(lines) // 3
    pages = ["".join(lines[:third]), "".join(lines[third : 2 * third]), "".join(lines[2 * third :])]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ba trang.txt").write_text("\f".join(pages), encoding="utf-8")
    shutil.copy(PLAN, tmp_path / "in" / "plan.txt")
    batch.run(tmp_path / "in", tmp_path / "out", jobs=1)
    bar = bars[0]._bar
    assert (bar.total, bar.n) == (4, 4)
    assert re.search(r"/4 \[.*page/?s?, (ba trang|plan)\.txt\]", bar.fp.getvalue())


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_sigterm_stops_with_a_message_and_leaves_no_worker_or_tesseract(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for number in range(3):
        shutil.copy(SCANS / "ailab_2_scan_image-only.pdf", tmp_path / "in" / f"scan-{number}.pdf")
        (tmp_path / "in" / f"scan-{number}.pdf").open("ab").write(b"\n%" + bytes([number]))  # three contents
    command = [sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
               "--jobs", "2", "--quiet"]  # fmt: skip
    uncached = {name: value for name, value in os.environ.items() if name != OCR_CACHE}  # the pages must be read
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=uncached)
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
        "tesseract" in Path(f"/proc/{pid}/comm").read_text() for pid in children if _alive(pid)
    ):
        time.sleep(0.2)
        children |= set(batch.descendants(process.pid))
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 143 and "terminated" in err
    time.sleep(0.5)
    assert not [pid for pid in children if _alive(pid)]


def test_a_page_killed_at_its_time_limit_leaves_no_temporary_files(tmp_path: Path, monkeypatch) -> None:
    scratch = tmp_path / "tmp"  # the temporary folder the run, and the workers it forks, start from
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.delenv(OCR_CACHE, raising=False)  # the page must be read, not taken from a developer's cache
    settings = Settings(page_timeout=1.5)  # past the preparation (under 0.5 s), inside the first read (about 2 s)
    batch.run([SCANS / "ailab_2_scan_image-only.pdf"], tmp_path / "out", settings, jobs=1, progress=False)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert "timeout" in errors.error_type.tolist()
    assert list(scratch.iterdir()) == []  # no vanban-ocr-* folder with its page.png left behind
