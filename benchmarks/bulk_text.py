"""Bulk text throughput and memory: the documents of bulk-vbpl.jsonl.gz as text inputs through `vanban run`.

Prints seconds end to end (goal ≤ 60 s for 767 documents on 2 cores) and peak memory (PSS) of the whole
process tree (goal ≤ 1 GB), for the first 100 documents and for all of them, so that growth with batch size shows;
then the time of an unchanged re-run of all of them into the same folder, as a share of the first (goal ≤ 5 %).
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
from common import BULK, CORES, ROOT, timer



def write_inputs(folder: Path, limit: int | None) -> int:
    count = 0
    with gzip.open(BULK, "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and count >= limit:
                break
            record = json.loads(line)
            (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
            count += 1
    return count


def peak_tree_memory(process: subprocess.Popen, peak: list[int]) -> None:
    """Poll the memory of the process and its children until it exits: their proportional set sizes (PSS), so
    that the pages a forked child shares with its parent (the report's second core) count once, not twice as
    the sum of their resident sizes would."""
    root = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak[0] = max(peak[0], sum(p.memory_full_info().pss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)


def run_once(inputs: Path, out: Path) -> tuple[float, float, int, str]:
    """One `vanban run`: seconds end to end, CPU seconds (user + system) of its process tree (the figure to
    compare while others load the machine), peak memory (PSS) of its process tree, its summary line."""
    # the tree this benchmark belongs to, with the running interpreter (a worktree has no .venv of its own)
    command = [sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--out", str(out)]  # no bar off a tty
    peak = [0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with timer() as elapsed:
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                   env=os.environ | {"PYTHONPATH": str(ROOT)})
        watcher = threading.Thread(target=peak_tree_memory, args=(process, peak))
        watcher.start()
        _, stderr = process.communicate()
        watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed[0], cpu, peak[0], stderr.strip().splitlines()[-1]


def measure(limit: int | None, rerun: bool = False) -> None:
    with tempfile.TemporaryDirectory() as work:
        inputs, out = Path(work) / "in", Path(work) / "out"
        inputs.mkdir()
        count = write_inputs(inputs, limit)
        seconds, cpu, peak, summary = run_once(inputs, out)
        print(f"{count} documents: {seconds:.1f} s ({count / seconds:.1f} docs/s, {cpu:.1f} s CPU) on {CORES} cores, "
              f"peak memory (PSS) of the process tree {peak / 2**20:.0f} MiB")
        print(f"  {summary}")
        print(f"  {extraction_counts(out)}")
        if rerun:
            again, cpu, peak, summary = run_once(inputs, out)
            print(f"  unchanged re-run: {again:.2f} s end to end ({cpu:.1f} s CPU), {again / seconds:.1%} of the first run, "
                  f"peak memory (PSS) {peak / 2**20:.0f} MiB")
            print(f"  {summary}")


def extraction_counts(out: Path) -> str:
    """What the batch found: references per document (a drop between versions is a regression to look into)."""
    documents = pd.read_parquet(out / "documents.parquet")
    references = pd.read_parquet(out / "citations.parquet")
    per_document = references.groupby("doc_id").size().reindex(documents.doc_id, fill_value=0)
    numbered = int((~references.name_only & ~references.partial).sum())
    return (
        f"references: {len(references)} ({numbered} numbered, {int(references.name_only.sum())} name-only, "
        f"{int(references.partial.sum())} partial); per document median {per_document.median():.0f}, "
        f"max {per_document.max()}, none in {int((per_document == 0).sum())}; tasks {len(pd.read_parquet(out / 'tasks.parquet'))}, "
        f"assignments {len(pd.read_parquet(out / 'assignments.parquet'))}"
    )


def main() -> None:
    measure(100)
    measure(None, rerun=True)


if __name__ == "__main__":
    main()
