"""Where the CPU of reading texts goes: the bulk corpus's texts read and finished in this process (every Nth text:
`python stage_costs.py 4`; all of them by default), with the CPU seconds spent inside each stage and each reader of
the language layer, counted when the function is entered from outside itself (so that recursion counts once) and
including what it calls: the shares overlap (``tasks`` holds ``deadlines of a line``; ``assignments`` holds the
clauses read, which hold the names). The calls include those a cache answers. Timed in the process, not sampled:
the figures hold on a loaded machine, where a sampling profiler's are wall-clock samples of a process that waits
for a core."""

from __future__ import annotations

import gzip
import importlib
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import BULK

# (what it is, module, function): a stage, then the readers below it
MEASURED = (
    ("ingest: reading the file", "pipeline.ingest", "read"),
    ("normalize", "pipeline.process", "normalize"),
    ("structure", "pipeline.process", "parse"),
    ("  header", "pipeline.structure.header", "parse_header"),
    ("  sections", "pipeline.structure.sections", "find_sections"),
    ("  tasks", "pipeline.structure.tasks", "find_tasks"),
    ("    deadlines of a line", "pipeline.structure.tasks", "deadlines_of"),
    ("    whether a line assigns work", "pipeline.structure.tasks", "_assigns_work"),
    ("citations", "pipeline.process", "find_citations"),
    ("assignments", "pipeline.process", "assignments_of"),
    ("  a task's clauses read for bodies", "pipeline.language.clauses", "clause_mentions"),
    ("language: bodies a clause names (cached)", "pipeline.language.clauses", "_mentions"),
    ("language: names of a list (cached)", "pipeline.language.names", "_names"),
    ("language: where a name ends", "pipeline.language.name_ends", "name_end_and_known_spans"),
    ("language: a subject and its verb", "pipeline.language.subjects", "find_doer"),
    ("language: known names in a span (cached)", "pipeline.language.gazetteer", "_known_spans"),
    ("language: part-of-speech tags (cached)", "pipeline.language.tagging", "_tagged"),
    ("language: time limits of a text (cached)", "pipeline.language.deadlines", "_find_deadlines"),
    ("language: the deadline grammar", "pipeline.language.deadlines", "_scan"),
    ("language: dates", "pipeline.language.dates", "find_dates"),
)


class Meter:
    """CPU seconds and calls of each measured function."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._inside: Counter[str] = Counter()

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def measured(*args: Any, **kwargs: Any) -> Any:
            self.calls[label] += 1
            if self._inside[label]:
                return function(*args, **kwargs)
            self._inside[label] += 1
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - started
                self._inside[label] -= 1

        return measured

    def install(self) -> None:
        """Each measured function replaced by its measured one wherever a module of the pipeline holds it."""
        for label, module, name in MEASURED:
            original = getattr(importlib.import_module(module), name)
            measured = self.wrap(label, original)
            for loaded in [m for m in list(sys.modules.values()) if m and m.__name__.startswith("pipeline")]:
                for attribute, value in list(vars(loaded).items()):
                    if value is original:
                        setattr(loaded, attribute, measured)


def main() -> None:
    from pipeline import ingest
    from pipeline.process import finish, warm_up
    from pipeline.settings import Settings

    every = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    settings = Settings()
    warm_up(settings)
    importlib.import_module("pipeline.extract.assignments")
    meter = Meter()
    meter.install()
    with tempfile.TemporaryDirectory() as folder, gzip.open(BULK, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines][::every]
        started = time.process_time()
        for record in records:
            path = Path(folder) / f"{record['id']}.txt"
            path.write_text(record["text"], encoding="utf-8")
            read = ingest.read(path, path.name, ingest.sha256_of(path), settings)
            finish(ingest.assemble(read, []), [], settings)
        total = time.process_time() - started
    print(f"{len(records)} bulk texts read and finished in this process: {total:.1f} s CPU "
          f"({total / len(records) * 1000:.0f} ms a text)")
    print(f"{'':44} {'CPU s':>7} {'share':>6} {'calls':>8}")
    for label, _, _ in MEASURED:
        print(f"{label:44} {meter.seconds[label]:7.2f} {meter.seconds[label] / total:6.1%} {meter.calls[label]:8d}")


if __name__ == "__main__":
    main()
