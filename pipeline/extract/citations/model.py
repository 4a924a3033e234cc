"""What the citation finders produce: a mention as read (:class:`Cite`, with its form), a cited document with
all its mentions (:class:`Citation`), and an index of mentions by position.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Form = Literal["numbered", "partial", "name", "alias"]  # how a mention cites: its number, a bare number, a name


@dataclass(frozen=True)
class Mention:
    """One place in the text where a cited document is mentioned."""

    char_start: int
    char_end: int
    raw: str
    form: Form = "numbered"


@dataclass
class Citation:
    """One distinct cited document, with all its mentions (the first full one first)."""

    ref_id: str
    doc_type: str | None
    number_symbol: str | None
    number: str | None
    year: int | None
    symbol: str | None
    date: str | None
    issuer: str | None
    relation: str
    partial: bool
    name_only: bool
    name: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Cite:
    """One mention as read, before mentions of the same document are merged."""

    start: int
    end: int
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    number_symbol: str | None = None
    party: bool = False
    issuer_code: str | None = None
    implied_issuer: str | None = None
    doc_type: str | None = None
    date: str | None = None
    issuer: str | None = None
    relation: str = "cites"
    partial: bool = False
    name: str | None = None  # the law's name for name-only mentions, or the name between type word and number
    name_only: bool = False
    group: int = -1
    form: Form = "numbered"


class Index:
    """Mentions sorted by position, for quick lookups of those in a range and of overlaps."""

    def __init__(self, cites: Iterable[Cite]):
        self.cites = sorted(cites, key=lambda c: c.start)
        self.starts = [c.start for c in self.cites]
        self.reach = list(itertools.accumulate((c.end for c in self.cites), max))

    def starting(self, lo: int, hi: int) -> list[Cite]:
        """Mentions starting in [lo, hi)."""
        return self.cites[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start
