"""Work grows with the size of a text, not faster (#19: a 200 KB text of one line took 2.8 s, 2 MB took 297 s).

Work is counted, not timed: the Python lines executed to turn a text into rows (the passes, the matches read,
the sections looked through). A pass that scans every section for each line, every suffix of a line or every
deadline for each sentence does sixteen times the work on a text four times longer; one that reads each line once
does not. Seconds and memory per MB are in ``benchmarks/text_size.py``.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from types import FrameType
from typing import Any

import pytest

from pipeline.model import PageText, RawDocument, TextSource
from pipeline.process import finish
from pipeline.settings import Settings
from tests.conftest import DEV, ROOT

PLAN = (DEV / "seed-binhdinh-kh-ct12.txt").read_text(encoding="utf-8")


def work(text: str) -> int:
    """Python lines executed by the text path (normalize → structure → extract) on `text`."""
    raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=text, text_source=TextSource.PLAIN_TEXT)]
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        finish(raw, [], Settings())
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", ["many lines", "one line"])
def test_work_grows_in_proportion_to_the_text(shape: str) -> None:
    text = PLAN if shape == "many lines" else " ".join(PLAN.split("\n"))
    joint = "\n" if shape == "many lines" else " "
    double, eightfold = joint.join([text] * 2), joint.join([text] * 8)
    work(double)  # patterns compiled and words cached once, as after a batch's first documents
    assert work(eightfold) < 4.4 * work(double)


def test_the_sections_holding_an_offset_are_found_by_one_sweep_as_by_a_scan_of_all() -> None:
    """Holders answers what scanning every section would (the sections of a real plan, nested and in a row),
    for offsets in the order of the text and, starting over, for an offset before the last one asked."""
    from pipeline.normalize import normalize
    from pipeline.structure import parse
    from pipeline.structure.holding import Holders

    raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=PLAN, text_source=TextSource.PLAIN_TEXT)]
    sections = parse(normalize(raw)).sections
    assert len(sections) > 10
    offsets = sorted({s.char_start for s in sections} | {s.char_end - 1 for s in sections}) + [0, 500]
    for from_start in (False, True):
        holders = Holders(sections, from_start)
        for offset in offsets:
            started = [s for s in sections if (s.char_start <= offset if from_start else s.char_start < offset)]
            assert holders.at(offset) == [s for s in started if offset < s.char_end]


def test_the_batch_process_loads_what_reading_needs_once_before_its_workers_fork() -> None:
    """Each worker loaded the lexicons, the gazetteer's matcher and the part-of-speech model on its first document
    (about 3 s CPU a worker, #19); `warm_up` loads them in the batch's process, whose forked workers start with
    them. Its directive goes through every stage: tasks, assignments and deadlines are read from it."""
    probe = (
        "from pipeline import process; from pipeline.settings import Settings;"
        "from pipeline.language import gazetteer, tagging; process.warm_up(Settings());"
        "print(gazetteer._matcher.cache_info().currsize, tagging._model.cache_info().currsize)"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert loaded.stdout.split() == ["1", "1"]
    text = (resources.files("pipeline.data") / "warm_up.txt").read_text(encoding="utf-8")
    raw = RawDocument(source_file="warm_up.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=text, text_source=TextSource.PLAIN_TEXT)]
    rows = finish(raw, [], Settings()).rows
    assert not rows["errors"]
    assert all(len(rows[table]) >= 3 for table in ("tasks", "assignments", "deadlines"))


def test_a_finished_document_leaves_nothing_in_the_per_document_caches() -> None:
    """A worker keeps no clause, heading or name of a document it finished: its memory stays flat in batch size
    (kept for the batch, these caches grew a worker from 85 to 166 MiB over the bulk corpus)."""
    from pipeline.language import clauses, folding, gazetteer

    raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=PLAN, text_source=TextSource.PLAIN_TEXT)]
    result = finish(raw, [], Settings())
    assert result.rows["assignments"], "the plan assigns its tasks: the caches were used"
    for cached in (clauses._mentions, clauses.role_of_heading, folding.fold, gazetteer.known_canonical):
        assert cached.cache_info().currsize == 0
