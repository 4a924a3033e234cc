"""A task table read one cell a line: the short time cell after a row's task is that task's deadline."""

from __future__ import annotations

from pipeline.language.deadlines import is_time_value
from tests.conftest import DEV
from tests.test_structure import structure_of

VBPL_07 = (DEV / "src-vbpl-07.txt").read_text(encoding="utf-8")  # a legislative programme, one cell a line
LONG_CELL = ", ".join(f"tháng {month:02d}/2026" for month in range(3, 10)).capitalize()


def test_the_time_cell_on_the_line_after_a_row_is_its_tasks_deadline() -> None:
    timed = [task for task in structure_of(VBPL_07).tasks if "Tháng 03/2026" in [d.text for d in task.deadlines]]
    assert len(timed) >= 3


def test_a_line_longer_than_any_time_cell_is_not_read_as_one() -> None:
    """A cell of time limits alone is short (the longest in the bulk corpus has 18 characters); a longer line is
    not tried as one, even when it holds nothing but dates (the test on every line after a task was 7 % of the
    bulk corpus's time)."""
    assert len(LONG_CELL) > 80 and is_time_value(LONG_CELL)
    text = VBPL_07.replace("Tháng 03/2026", LONG_CELL, 1)
    assert not any(d.text.startswith("tháng 09/2026") for t in structure_of(text).tasks for d in t.deadlines)
