"""The sections that hold an offset, asked for offsets in increasing order: one sweep over the sections sorted by
where they start, instead of a scan of every section for every offset (quadratic in a long text's size)."""

from __future__ import annotations

from pipeline.structure.sections import Section


class Holders:
    """`at(offset)`: the sections that start before `offset` (or at it, when `from_start`) and end after it, in the
    order they were given. Offsets asked for in increasing order cost one sweep; a smaller one starts it over."""

    def __init__(self, sections: list[Section], from_start: bool = False):
        self._sections = sections
        self._order = sorted(range(len(sections)), key=lambda i: sections[i].char_start)
        self._from_start = from_start
        self._reset()

    def _reset(self) -> None:
        self._next, self._open, self._last = 0, [], -1

    def at(self, offset: int) -> list[Section]:
        if offset < self._last:
            self._reset()
        self._last = offset
        sections, order = self._sections, self._order
        last_start = offset if self._from_start else offset - 1  # offsets are whole numbers
        while self._next < len(order) and sections[order[self._next]].char_start <= last_start:
            self._open.append(order[self._next])
            self._next += 1
        self._open = [i for i in self._open if sections[i].char_end > offset]
        return [sections[i] for i in sorted(self._open)]
