"""Bulk text throughput and memory: the documents of bulk-vbpl.jsonl.gz as text inputs through `vanban run`.

Prints seconds end to end (goal ≤ 60 s for 767 documents on 2 cores) and peak resident memory of the whole
process tree (goal ≤ 1 GB), for the first 100 documents and for all of them, so that growth with batch size shows.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import psutil
from common import CORES, CORPUS, ROOT, timer

BULK = CORPUS / "bulk-vbpl.jsonl.gz"


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


def peak_tree_rss(process: subprocess.Popen, peak: list[int]) -> None:
    """Poll the resident memory of the process and its children until it exits."""
    root = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)


def measure(limit: int | None) -> None:
    with tempfile.TemporaryDirectory() as work:
        inputs, out = Path(work) / "in", Path(work) / "out"
        inputs.mkdir()
        count = write_inputs(inputs, limit)
        command = [str(ROOT / ".venv" / "bin" / "vanban"), "run", str(inputs), "--out", str(out), "--quiet"]
        peak = [0]
        with timer() as elapsed:
            process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
            watcher = threading.Thread(target=peak_tree_rss, args=(process, peak))
            watcher.start()
            _, stderr = process.communicate()
            watcher.join()
        print(f"{count} documents: {elapsed[0]:.1f} s ({count / elapsed[0]:.1f} docs/s) on {CORES} cores, "
              f"peak RSS of the process tree {peak[0] / 2**20:.0f} MiB")
        print(f"  {stderr.strip().splitlines()[-1]}")


def main() -> None:
    measure(100)
    measure(None)


if __name__ == "__main__":
    main()
