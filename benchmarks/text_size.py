"""Time and memory against the size of one text: 0.2, 2 and 20 MB, written on one line and on many lines.

Each text is real bulk-corpus prose, run alone through ``vanban run`` in a fresh output folder; the figures are
seconds and peak memory (PSS) of the process tree, each per MB of input. Linear time and bounded memory show
as flat columns. Goal: at least 1 MB per 2 s for any text. Sizes in MB may be given: `python text_size.py 2`.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

from bulk_text import BULK, run_once

SIZES_MB = tuple(float(size) for size in sys.argv[1:]) or (0.2, 2, 20)


def prose(size: int) -> str:
    """At least `size` bytes of bulk-corpus text with its line breaks."""
    parts, total = [], 0
    while total < size:
        with gzip.open(BULK, "rt", encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                parts.append(text)
                total += len(text.encode("utf-8"))
                if total >= size:
                    break
    return "\n".join(parts)


def main() -> None:
    print(f"{'text':>16} {'MB':>6} {'seconds':>8} {'s/MB':>6} {'CPU s/MB':>8} {'peak MiB':>9} {'MiB/MB':>7}")
    for size_mb in SIZES_MB:
        text = prose(int(size_mb * 2**20))
        for shape, body in (("one line", " ".join(text.split("\n"))), ("many lines", text)):
            with tempfile.TemporaryDirectory() as work:
                path = Path(work) / "in" / "text.txt"
                path.parent.mkdir()
                path.write_text(body, encoding="utf-8")
                megabytes = path.stat().st_size / 2**20
                seconds, cpu, peak, summary = run_once(path.parent, Path(work) / "out")
                print(f"{shape:>16} {megabytes:6.1f} {seconds:8.1f} {seconds / megabytes:6.2f} {cpu / megabytes:8.2f} "
                      f"{peak / 2**20:9.0f} {peak / 2**20 / megabytes:7.0f}   {summary.split(':')[1].split(';')[0]}")


if __name__ == "__main__":
    main()
