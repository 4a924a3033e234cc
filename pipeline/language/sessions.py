"""Limits set by a meeting of a council: the next one (``báo cáo Quốc hội tại kỳ họp gần nhất``, the meeting with its
preposition as the anchor; ``tại phiên họp, kỳ họp gần nhất sau khi Nghị quyết được ban hành``, relative, the event
after which it meets as the anchor) or one named
by its month (``trình … tại Kỳ họp thứ 10 (tháng 10/2025)``, a task table's ``Phiên họp tháng 9/2025``, by_date).
A meeting on a day (``thông qua tại Phiên họp thứ 49 ngày 26 tháng 9 năm 2025``) is the record of one held, no
limit. The words are the ``sessions`` section of ``data/deadlines.toml``; dates are read by the date grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.language.dates import find_dates
from pipeline.language.deadline_words import Deadline, alternatives, first_words, words
from pipeline.language.screens import Screened

REACH = 80  # characters after the meeting's name where its month or ``gần nhất`` is looked for
ANCHOR_WORDS = 15  # the event after which the next meeting is due, at most so many words


@dataclass(frozen=True)
class _Grammar:
    meeting: Screened
    qualifier: re.Pattern[str]
    next: re.Pattern[str]
    anchor: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    s = words()["sessions"]
    meeting = alternatives(s["meetings"])
    return _Grammar(
        meeting=Screened(
            re.compile(
                rf"(?<!\w)(?:(?:{alternatives(s['openers'])})\s+)?(?P<meeting>(?:{meeting})(?:\s*,\s*(?:{meeting}))?)(?!\w)",
                re.IGNORECASE,
            ),
            first_words(s["meetings"]),
        ),
        # what may stand between a meeting and its month: an ordinal and the council, no other number nor a clause
        qualifier=re.compile(rf"(?:\s*{s['ordinal']}\s+\w+)?[^\d.;:\n]*?\s*\(?\s*", re.IGNORECASE),
        next=re.compile(rf"[^\d.;:,\n()]{{0,50}}?(?<!\w)(?:{alternatives(s['next'])})(?!\w)", re.IGNORECASE),
        anchor=re.compile(r"\s+(?P<anchor>sau khi\s[^,.;:()\n]{3,120})", re.IGNORECASE),
    )


def at_a_meeting(deadline: Deadline) -> bool:
    """Whether a limit is a meeting's (a duty due at it: ``trình Quốc hội … tại Kỳ họp thứ 10 (tháng 10/2025)``)."""
    return _grammar().meeting.pattern.match(deadline.text) is not None


def session_limits(text: str) -> list[Deadline]:
    """The limits of `text` set by a meeting: its month (by_date), or the next one (relative)."""
    g, found = _grammar(), []
    for match in g.meeting.finditer(text):
        rest = re.split(r"[.;:\n]", text[match.end() : match.end() + REACH], maxsplit=1)[0]
        if nearest := g.next.match(rest):
            end = match.end() + nearest.end()
            anchor = text[match.start() : end]  # the meeting with its preposition, as the phrase (tại kỳ họp gần nhất)
            if after := g.anchor.match(text, end):
                anchor = " ".join(after["anchor"].split(" ")[:ANCHOR_WORDS]).rstrip()
                end = after.start("anchor") + len(anchor)
            found.append(Deadline(text[match.start() : end], "relative", match.start(), end, relative_anchor=anchor))
            continue
        month = next((w for w in find_dates(rest) if w.year is not None), None)
        if month is None or month.precision == "day" or not g.qualifier.fullmatch(rest[: month.start]):
            continue
        end = match.end() + month.end
        if "(" in rest[: month.start] and text.startswith(")", end):
            end += 1
        found.append(
            Deadline(text[match.start() : end], "by_date", match.start(), end, deadline=month.last_day,
                     precision=month.precision)  # fmt: skip
        )
    return found
