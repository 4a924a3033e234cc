"""What the deadline grammar's parts share: a time limit as read (:class:`Deadline`), the words of
``data/deadlines.toml`` and the ways patterns are built from them and tried on a text.

The parts: :mod:`pipeline.language.relative_limits` (amounts counted from an event), :mod:`pipeline.language.recurring`
(days within a period, frequencies) and :mod:`pipeline.language.deadlines` (dates and periods, ongoing duties, what is
left out, and the reading of a whole text).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

from pipeline.language.screens import Screened

Kind = Literal["by_date", "relative", "recurring", "ongoing"]
SECTIONS = (
    "date_prefixes", "relative_openers", "anchor_openers", "anchor_stops", "units", "frequencies", "every_n_months",
    "ongoing", "recurring", "values", "exclusions", "number_words", "back_to", "from_then", "running_on",
    "periods", "overrun", "event_anchors", "event_words", "least", "amount_limits", "compared_to", "alone", "next_days", "span_ends",
    "anchor_open_ends", "terms", "amount_ranges", "anchor_clause_starts", "anchor_doer_kinds", "anchor_governing_kinds", "anchor_case_governors",
    "from_then_conditions", "date_verb_prefixes", "extensions", "notice_anchors", "thresholds", "grants", "second_limit_openers",
)  # fmt: skip


@dataclass(frozen=True)
class Deadline:
    """One time limit: the phrase as written (``text``, ``start``–``end`` in the text read) and its typed value."""

    text: str
    kind: Kind
    start: int
    end: int
    deadline: date | None = None
    precision: str | None = None
    relative_amount: int | None = None
    relative_unit: str | None = None
    relative_anchor: str | None = None
    recurrence: str | None = None

    def columns(self) -> dict[str, Any]:
        """The deadline columns of the ``tasks`` and ``deadlines`` tables. A precision is that of a date
        (``by_date``): a recurring day's (``trước ngày 15 hằng tháng``) is read, not written, as it has no date."""
        return {
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_precision": self.precision if self.kind == "by_date" else None,
            "deadline_kind": self.kind,
            "deadline_text": self.text,
            "relative_amount": self.relative_amount,
            "relative_unit": self.relative_unit,
            "relative_anchor": self.relative_anchor,
            "recurrence": self.recurrence,
        }

    def shifted(self, offset: int) -> Deadline:
        return replace(self, start=self.start + offset, end=self.end + offset)


@cache
def words() -> dict[str, Any]:
    """``data/deadlines.toml``, checked for the sections the grammar reads."""
    data = tomllib.loads(resources.files("pipeline.data").joinpath("deadlines.toml").read_text("utf-8"))
    for key in SECTIONS:
        if key not in data:
            raise ValueError(f"data/deadlines.toml: missing {key!r}")
    return data


def alternatives(phrases: list[str] | Any) -> str:
    """A regex alternation of phrases, longest first, any spacing between words."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(phrases, key=len, reverse=True))


def opening(*phrases: list[str] | Any) -> str:
    """A lookahead on the first character a match can start with (a digit or the first letter of one of the
    phrases): without it the optional words a pattern opens with are each tried at every position. It changes
    no match."""
    letters = sorted({p[0] for group in phrases for p in group})
    return rf"(?=[\d{''.join(map(re.escape, letters))}])"


def first_words(phrases: list[str] | Any) -> tuple[str, ...]:
    """Words one of which a text holding one of `phrases` holds (lower case), as few as will do: the phrases' first
    words, but none of a phrase that holds another (``theo định kỳ`` holds ``định kỳ``: ``theo`` would let most
    texts through a screen) and no word that holds another (``days`` holds ``day``)."""
    spaced = {f" {' '.join(phrase.lower().split())} " for phrase in phrases}
    least = {phrase for phrase in spaced if not any(other != phrase and other in phrase for other in spaced)}
    firsts = {phrase.split()[0] for phrase in least}
    return tuple(word for word in firsts if not any(other != word and other in word for other in firsts))


def screened_phrases(phrases: list[str]) -> Screened:
    """One of `phrases` as a whole word."""
    return Screened(re.compile(rf"(?:{alternatives(phrases)})\b", re.IGNORECASE), first_words(phrases))


def number(written: str) -> int:
    """An amount as written in digits or words (``15``, ``mười lăm``)."""
    return int(written) if written.isdigit() else words()["number_words"][" ".join(written.lower().split())]


def unit(written: str) -> str:
    """A unit as written (``ngày làm việc``) → its name (``working_day``)."""
    return words()["units"][" ".join(written.lower().split())]


def opens_clause(text: str, start: int) -> bool:
    """Whether a word at `start` opens a clause (a sentence, a list item, a part after a comma)."""
    written = before(text, start)
    return not written or written[-1] in ".;:,-+*•)("


def before(text: str, start: int, chars: int = 80) -> str:
    """The text before `start` with its trailing spaces dropped, as much of it as the tests on the words before
    a match read (its last `chars` characters, all of it when shorter): copying all of it for each match made a
    long text quadratic."""
    window = chars
    while True:
        written = text[max(0, start - window) : start].rstrip()
        if len(written) >= chars or window >= start:
            return written
        window *= 2


def after(text: str, end: int, chars: int = 80) -> str:
    """The text after `end` with its leading spaces dropped, its first `chars` characters (all when shorter)."""
    window = chars
    while True:
        written = text[end : end + window].lstrip()
        if len(written) >= chars or end + window >= len(text):
            return written
        window *= 2
