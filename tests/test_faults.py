"""Faults around the batch: a full disk, a read-only output folder, a worker over its memory ceiling. Each ends
with a clear message and an exit code, never a traceback, and never spoils the tables of an earlier run."""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pipeline.cli import main
from tests.conftest import CORPUS, DEV, ROOT

NOBODY = 65534
SMALL_TEXTS = ["src-congbot-12.txt", "src-congbot-22.txt", "src-congbot-24.txt"]
LARGE_TEXTS = ["src-congbot-01.txt", "src-congbot-04.txt", "src-congbot-10.txt", "src-congbot-14.txt"]


def vanban(*args: str, preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """`vanban run` in a new process, like the runs it is compared with (each fingerprints the code it loads)."""
    command = [sys.executable, "-m", "pipeline.cli", "run", *args, "--quiet", "--jobs", "1"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, preexec_fn=preexec_fn, check=False)


def output_files(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


def test_a_full_disk_ends_the_run_with_a_clear_export_error_and_the_earlier_tables_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert vanban(*(str(DEV / name) for name in LARGE_TEXTS + SMALL_TEXTS), "--out", str(out)).returncode == 0
    earlier = output_files(out)

    def small_disk() -> None:  # no file may grow past 50 kB, as on a disk that is nearly full (EFBIG for ENOSPC)
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    # Documents from the store: the new tables do not fit. New documents: their texts or rows do not fit.
    rebuilt = vanban(*(str(DEV / name) for name in LARGE_TEXTS), "--out", str(out), preexec_fn=small_disk)
    processed = vanban(str(DEV), "--out", str(out), preexec_fn=small_disk)

    assert f"cannot write {out}/.vanban/staging/" in rebuilt.stderr
    for full in (rebuilt, processed):
        assert full.returncode == 2
        assert "vanban: export: cannot write" in full.stderr and "File too large" in full.stderr
        assert "Traceback" not in full.stderr
    assert output_files(out) == earlier
    assert not (out / ".vanban" / "staging").exists()


def as_nobody(argv: list[str]) -> tuple[int, str]:
    """Run the CLI as user nobody in a forked child (no new interpreter: nobody cannot run the one under /root);
    returns its exit code and what it wrote to stderr."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            os.close(read_end)
            sys.stderr = os.fdopen(write_end, "w", encoding="utf-8")  # pytest's capture is not inherited
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            code = main(argv)
            print(f"\nexit {code}", file=sys.stderr, end="")
        except BaseException:  # noqa: BLE001 - reported to the parent
            print(traceback.format_exc(), file=sys.stderr)
        finally:
            sys.stderr.flush()
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        output = pipe.read()
    os.waitpid(child, 0)
    message, _, code = output.rpartition("\nexit ")
    return int(code) if code.isdigit() else -1, message


def test_a_read_only_output_folder_is_a_clear_error_with_exit_code_2() -> None:
    folder = Path(tempfile.mkdtemp())  # under /tmp: pytest's own folders are closed to nobody
    try:
        inputs, out = folder / "in", folder / "out"
        inputs.mkdir()
        shutil.copy(DEV / SMALL_TEXTS[0], inputs)
        assert main(["run", str(inputs), "--out", str(out), "--quiet"]) == 0
        earlier = output_files(out)
        for path in (folder, inputs, inputs / SMALL_TEXTS[0], out):
            path.chmod(0o755 if path.is_dir() else 0o644)  # readable by nobody, writable by root only

        code, message = as_nobody(["run", str(inputs), "--out", str(out), "--quiet", "--jobs", "1"])

        assert code == 2, message
        assert message.strip() == (
            f"vanban: export: cannot write {out}: Permission denied; "
            "the tables of an earlier run there are left as they were"
        )
        assert output_files(out) == earlier
    finally:
        shutil.rmtree(folder)


def test_a_worker_over_its_memory_ceiling_fails_its_document_and_the_others_finish(tmp_path: Path) -> None:
    """A worker starts with about 0.9 GB of address space (the libraries it maps) and reaches about 1.1 GB on a
    dev text; reading the whole bulk corpus as one 30 MB text needs far more than the 1.3 GB ceiling."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    with gzip.open(CORPUS / "bulk-vbpl.jsonl.gz", "rt", encoding="utf-8") as lines:
        text = "\n\n".join(json.loads(line)["text"] for line in lines)
    (inputs / "all bulk documents.txt").write_text(text, encoding="utf-8")
    for name in SMALL_TEXTS:
        shutil.copy(DEV / name, inputs / name)

    result = vanban(str(inputs), "--out", str(tmp_path / "out"), "--worker-memory", "1300")

    assert result.returncode == 1, result.stderr
    documents = pd.read_csv(tmp_path / "out" / "documents.csv").set_index("source_file")
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    big = str(inputs / "all bulk documents.txt")
    assert errors.source_file.tolist() == [big] and errors.error_type.tolist() == ["out_of_memory"]
    assert errors.message[0] == "ran out of memory: the worker's ceiling is 1300 MB (--worker-memory)"
    assert documents.status[big] == "failed"
    assert documents.status.drop(big).tolist() == ["ok"] * len(SMALL_TEXTS)
