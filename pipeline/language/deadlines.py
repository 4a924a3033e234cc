"""The deadline grammar: every time limit a text sets, typed.

Four kinds (``Deadline.kind``):

- ``by_date``: a date or a period after a word that makes it a limit (``trước ngày 15/12/2022``, ``trong quý
  I/2023``, ``đến hết năm 2019``): ``deadline`` is the date or the period's last day, ``precision`` says which.
- ``relative``: an amount counted from an event (``trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ``,
  ``chậm nhất sau khi kết thúc quý 15 ngày``): amount, unit, anchor as written.
- ``recurring``: a day within a period (``trước ngày 15 hằng tháng``, ``trước ngày 20 tháng cuối quý``) or a
  frequency that opens a duty (``Hàng quý, UBND xã …``, ``Định kỳ kiểm tra …``, ``3 tháng một lần``).
- ``ongoing``: ``thường xuyên`` on a duty, ``Từ tháng 11/2013 trở đi``.

:func:`find_deadlines` reads running text; :func:`read_time_value` reads a value that is a time limit by its place
(a task table's ``Thời gian hoàn thành`` cell, a ``Thời gian thực hiện: …`` line), where ``6/2025`` or ``2025``
alone is one. Dates are read by :mod:`pipeline.language.dates`. The words are data: ``data/deadlines.toml``.
Left out: effective dates and validity periods (``có hiệu lực … kể từ``), dates of cited documents and events
(no limit word before them), goals (``Phấn đấu đến năm 2030 …``), frequencies that qualify a thing (``trợ cấp
hàng tháng``, ``kế hoạch hằng năm``) and ``thường xuyên`` after a noun (``nhiệm vụ thường xuyên``).
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from pipeline.language.dates import WrittenDate, find_dates

Kind = Literal["by_date", "relative", "recurring", "ongoing"]
YEAR = timedelta(days=365)


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
        """The deadline columns of the ``tasks`` and ``deadlines`` tables."""
        return {
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_precision": self.precision,
            "deadline_kind": self.kind,
            "deadline_text": self.text,
            "relative_amount": self.relative_amount,
            "relative_unit": self.relative_unit,
            "relative_anchor": self.relative_anchor,
            "recurrence": self.recurrence,
        }

    def shifted(self, offset: int) -> Deadline:
        return replace(self, start=self.start + offset, end=self.end + offset)


def _alternatives(words: list[str] | Any) -> str:
    """A regex alternation of phrases, longest first, any spacing between words."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Screened:
    """A pattern that matches only where one of `words` (lower case) is written, as its unit or its ``ngày``
    must be: a text holding none of them is passed over by a substring test instead of trying the pattern at
    each of its positions. Most lines hold no deadline, and patterns that open with optional words were most of
    the time spent on deadlines (the bulk corpus: 87 % of the texts read have no unit word)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        lowered = _lowered(text)
        return self.pattern.finditer(text) if any(word in lowered for word in self.words) else iter(())


@lru_cache(maxsize=1)
def _lowered(text: str) -> str:
    """`text` in lower case, once for the patterns that screen the same text in turn."""
    return text.lower()


def _opening(*phrases: list[str] | Any) -> str:
    """A lookahead on the first character a match can start with (a digit or the first letter of one of the
    phrases): without it the optional words a pattern opens with are each tried at every position. It changes
    no match."""
    letters = sorted({p[0] for words in phrases for p in words})
    return rf"(?=[\d{''.join(map(re.escape, letters))}])"


def _first_words(phrases: list[str] | Any) -> tuple[str, ...]:
    return tuple({phrase.split()[0].lower() for phrase in phrases})


def _screened_phrases(phrases: list[str]) -> _Screened:
    """One of `phrases` as a whole word."""
    return _Screened(re.compile(rf"(?:{_alternatives(phrases)})\b", re.IGNORECASE), _first_words(phrases))


@cache
def _data() -> dict[str, Any]:
    data = tomllib.loads(resources.files("pipeline.data").joinpath("deadlines.toml").read_text("utf-8"))
    for key in ("date_prefixes", "relative_openers", "anchor_openers", "anchor_stops", "units", "frequencies",
                "every_n_months", "ongoing", "recurring", "values", "exclusions", "number_words", "back_to", "from_then", "running_on", "next_period", "event_anchors", "event_words", "least"):  # fmt: skip
        if key not in data:
            raise ValueError(f"data/deadlines.toml: missing {key!r}")
    return data


@dataclass(frozen=True)
class _Grammar:
    relative: _Screened
    relative_after: _Screened
    anchor_first: re.Pattern[str]
    anchor_stop: re.Pattern[str]
    running_on: re.Pattern[str]
    day_in_period: _Screened
    date_prefix: re.Pattern[str]
    frequency: _Screened
    every_n_months: _Screened
    periodic: _Screened
    month_end: _Screened
    ongoing: _Screened
    from_on: re.Pattern[str]
    label: re.Pattern[str]
    continuing: re.Pattern[str]
    range_joint: re.Pattern[str]
    next_year: re.Pattern[str]
    value_opening: re.Pattern[str]
    same_day: re.Pattern[str]
    duty_verb: re.Pattern[str]
    excluded_before: re.Pattern[str]
    goal: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    d = _data()
    amount = rf"(?P<amount>\d{{1,3}}|{_alternatives(d['number_words'])})(?:\s*\([^)]{{1,20}}\))?"
    unit = rf"(?P<unit>{_alternatives(d['units'])})"
    every = _alternatives(d["recurring"]["every"])
    frequency_words = _alternatives(d["frequencies"])
    event_only = _alternatives(d["event_anchors"])  # trước ngày 15/6 is a calendar day, not an event
    counted_from = _alternatives(set(d["anchor_openers"]) - set(d["event_anchors"]))
    ongoing = d["ongoing"]
    units = _first_words(d["units"])
    return _Grammar(
        relative=_Screened(
            re.compile(
                _opening(d["relative_openers"], d["amount_limits"], ["là"], d["number_words"]) +
                rf"(?:(?P<opener>{_alternatives(d['relative_openers'])})\s+)?(?:(?:{_alternatives(d['amount_limits'])})"
                rf"\s+)?(?:là\s+)?{amount}\s*{unit}\b\s*,?\s*(?P<anchor>(?:(?:{event_only})\s+(?!ngày\s+\d)|(?:{counted_from})\s+)\S)?",
                re.IGNORECASE,
            ),
            units,
        ),
        relative_after=_Screened(
            re.compile(
                rf"(?:chậm nhất|trong vòng|không quá)\s+(?P<anchor>sau khi [^,.;()]{{3,60}}?)\s+{amount}\s*{unit}\b",
                re.IGNORECASE,
            ),
            units,
        ),
        anchor_first=re.compile(
            rf"(?P<anchor>(?:trước|sau)\s+(?:{_alternatives(d['event_words'])})\s+[^,.;:()\d]{{3,80}}?)\s+"
            rf"(?:{_alternatives(d['least'])})(?:\s+là)?\s+{amount}\s*{unit}\b",
            re.IGNORECASE,
        ),
        anchor_stop=re.compile(rf"[.,;:()\n]|(?<=\s)(?:{_alternatives(d['anchor_stops'])})\b", re.IGNORECASE),
        running_on=re.compile(rf"\s+(?:{_alternatives(d['running_on'])})\b", re.IGNORECASE),
        day_in_period=_Screened(
            re.compile(
                _opening(["theo", "định"], d["date_prefixes"]) +
                rf"(?:(?:theo\s+)?định kỳ\s+(?:(?:{every})\s+(?P<freq0>{frequency_words})\s+)?)?"
                rf"(?P<prefix>{_alternatives(d['date_prefixes'])})\s+ngày\s+(?P<day>\d{{1,2}})\b"
                rf"(?:\s*(?:/\s*(?P<month>\d{{1,2}})\b(?!\s*/\s*\d)|tháng\s+(?P<month2>\d{{1,2}})\b(?!\s*(?:/|năm)\s*\d)"
                rf"|(?:của\s+)?(?P<period>{_alternatives(d['period_words'])})"
                rf"(?:\s+(?:của\s+)?(?:quý\s+|năm\s+)?(?:{_alternatives(d['next_period'])})\b)?))?"
                rf"(?:\s+(?:của\s+)?(?:{every})\s+(?P<freq>{frequency_words}))?",
                re.IGNORECASE,
            ),
            ("ngày",),
        ),
        date_prefix=re.compile(
            rf"(?:(?P<word>(?:{_alternatives(d['date_prefixes'])})\s*(?:là\s*)?(?:ngày\s*)?)"
            rf"|(?:{_alternatives(d['date_verbs'])})\s+(?P<day_word>ngày\s*)?)$",
            re.IGNORECASE,
        ),
        frequency=_Screened(
            re.compile(
                rf"(?:(?:theo\s+)?định kỳ\s*,?\s*|thường xuyên\s+)?(?:{every})\s+(?P<freq>{frequency_words})\b"
                rf"(?:\s*,\s*(?:{frequency_words})\b(?!\s+\d))?",
                re.IGNORECASE,
            ),
            _first_words(d["recurring"]["every"]),
        ),
        every_n_months=_Screened(
            re.compile(
                r"(?:(?:theo\s+)?định kỳ\s+(?P<n>\d{1,2})\s+tháng(?:\s+(?:một|1)\s+lần)?"
                r"|(?P<n2>\d{1,2})\s+tháng\s+(?:một|1)\s+lần|^\s*(?P<n3>\d{1,2})\s+tháng(?=\s*(?:,|và|$))"
                r"|(?:(?:tối thiểu|ít nhất)\s+)?(?:một|01|1)\s+lần\s*/\s*(?P<per>năm|quý|tháng))",
                re.IGNORECASE,
            ),
            ("tháng", "lần"),
        ),
        periodic=_screened_phrases(d["recurring"]["periodic"]),
        month_end=_screened_phrases(d["recurring"]["month_end"]),
        ongoing=_screened_phrases(ongoing["words"]),
        from_on=re.compile(rf"\s+(?:{_alternatives(ongoing['from_on'])})\b", re.IGNORECASE),
        label=re.compile(
            rf"(?<![\w])(?:{_alternatives(d['values']['labels'])})\s*:\s*(?P<value>[^.;\n]+)", re.IGNORECASE
        ),
        continuing=re.compile(rf"\s*(?:{_alternatives(d['values']['continuing'])})", re.IGNORECASE),
        range_joint=re.compile(rf"\s*(?:{_alternatives(d['values']['ranges'])})\s*$", re.IGNORECASE),
        next_year=re.compile(rf"(?<!\w)(?:{_alternatives(d['values']['next_year'])})\b", re.IGNORECASE),
        same_day=re.compile(rf"(?<!\w)(?:{_alternatives(d['values']['same_day'])})(?!\s+(?:làm việc|\d))\b", re.IGNORECASE),
        duty_verb=re.compile(rf"\s+(?:{_alternatives(d['recurring']['duty_verbs'])})\b"),
        value_opening=re.compile(
            rf"\s*(?:(?:{_alternatives(d['date_prefixes'] + d['date_verbs'])})\s+)?(?:ngày\s*)?", re.IGNORECASE
        ),
        excluded_before=re.compile(rf"(?:{_alternatives(d['exclusions']['before'])})", re.IGNORECASE),
        goal=re.compile(rf"(?<!\w)(?:{_alternatives(d['exclusions']['goals'])})(?!\w)", re.IGNORECASE),
    )


def find_deadlines(text: str, not_before: date | None = None) -> list[Deadline]:
    """Every time limit of running text, left to right. `not_before`: the document's date; a date before it is
    a condition (``hoạt động cách mạng trước ngày 01/01/1945``), not a limit."""
    g = _grammar()
    found: list[Deadline] = []
    values: list[tuple[int, int]] = []
    for match in g.label.finditer(text):
        values.append(match.span("value"))
    for match in re.finditer(r"\(([^()]{3,120})\)", text):  # (trong năm 2013), (Quý IV/2013 và thường xuyên)
        inside = read_time_value(match[1])
        if inside and g.value_opening.fullmatch(match[1][: inside[0].start]):
            values.append(match.span(1))
    for start, end in values:
        found += [d.shifted(start) for d in read_time_value(text[start:end])]
    taken = [(d.start, d.end) for d in found]
    found += [d for d in _scan(text, bare=False) if not any(s < d.end and d.start < e for s, e in taken)]
    if not_before is not None:  # a year's grace: a plan may be issued a day after its first step was due
        found = [d for d in found if not (d.kind == "by_date" and d.deadline and d.deadline < not_before - YEAR)]
    return _subsume(sorted(found, key=lambda d: d.start), text)


def read_time_value(value: str) -> list[Deadline]:
    """The time limits of a value that is one by its place (a task table's time column): ``6/2025``, ``2025 và
    những năm tiếp theo``, ``Thường xuyên``, ``Quý II/2025``; each of a list its own (``6 tháng, hằng năm``)."""
    return _subsume(_scan(value, bare=True), value)


def is_time_value(text: str) -> bool:
    """Whether `text` holds nothing but time limits (a task table's time cell on a line of its own)."""
    rest = text
    for d in reversed(read_time_value(text)):
        rest = rest[: d.start] + rest[d.end :]
    return rest != text and not re.search(r"\w", rest.replace("và", ""))


def next_due(deadline: Deadline | str, after: date) -> date | None:
    """The first day on or after `after` that a deadline falls due: its date (``by_date``), or the next day a
    recurring one names (``trước ngày 15 hằng tháng`` → the next 15th; ``trước ngày 05 tháng 7 hàng năm`` → the
    next 5 July; ``trước ngày 20 tháng cuối quý`` → the next 20 March, June, September or December). None for a
    limit counted from an event, an ongoing duty, a bare frequency, or a date already past."""
    if isinstance(deadline, Deadline) and deadline.kind == "by_date":
        return deadline.deadline if deadline.deadline and deadline.deadline >= after else None
    text = deadline.text if isinstance(deadline, Deadline) else deadline
    match = _grammar().day_in_period.pattern.search(text)
    if match is None:
        return None
    day, month = int(match["day"]), match["month"] or match["month2"]
    recurrence = _recurrence(match["freq"]) or _recurrence(match["freq0"])
    if month:
        months = [int(month)]
    elif (period := _period(match["period"])) == "quarterly":
        months = [3, 6, 9, 12] if "cuối" in match["period"].lower() else [1, 4, 7, 10]
    elif period == "yearly":
        months = [1]
    elif recurrence == "monthly" or period == "monthly":
        months = list(range(1, 13))
    else:
        return None
    for year in (after.year, after.year + 1):
        for m in months:
            try:
                due = date(year, m, day)
            except ValueError:
                continue  # 31 in a month of 30 days
            if due >= after:
                return due
    return None


def is_time_column(heading: str) -> bool:
    """Whether a task table's column heading names the time of its rows' tasks (``Thời gian hoàn thành``)."""
    words = " ".join(heading.lower().split()).strip(" *:")
    return any(words == c or words.startswith(c + " ") for c in _data()["values"]["columns"])


def _scan(text: str, bare: bool) -> list[Deadline]:
    candidates = (
        _relative(text, bare) + _days_in_periods(text) + _dates(text, bare) + _frequencies(text, bare) + _ongoing(text, bare)
    )
    candidates = [c for c in candidates if not _excluded(text, c)]
    chosen: list[Deadline] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if not any(c.start < candidate.end and candidate.start < c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _excluded(text: str, candidate: Deadline) -> bool:
    """An effective date or validity period (``có hiệu lực thi hành sau 10 ngày``), or a goal's horizon."""
    g, window = _grammar(), _data()["exclusions"]["window"]
    before = text[max(0, candidate.start - window) : candidate.start]
    if g.excluded_before.search(before) and candidate.kind in ("relative", "by_date"):
        return True
    clause = _clause_before(text, candidate.start)
    if candidate.kind != "by_date":
        return False
    exclusions = _data()["exclusions"]
    words = clause.lower().split()[-exclusions["condition_words"] :]
    condition = any(w in exclusions["conditions"] for w in words) and not any(w in exclusions["obliged"] for w in words)
    return condition or bool(g.goal.search(clause))


def _clause_before(text: str, start: int) -> str:
    """The text since the last ``.;:`` or line break before `start`, found from `start` backwards."""
    window = 200
    while True:
        piece = text[max(0, start - window) : start]
        stop = max(map(piece.rfind, ".;:\n"))
        if stop >= 0 or window >= start:
            return piece[stop + 1 :]
        window *= 2


def _number(written: str) -> int:
    return int(written) if written.isdigit() else _data()["number_words"][" ".join(written.lower().split())]


def _unit(written: str) -> str:
    return _data()["units"][" ".join(written.lower().split())]


def _relative(text: str, bare: bool = False) -> list[Deadline]:
    g, found = _grammar(), []
    for match in g.relative.finditer(text):
        opener = (match["opener"] or "").lower()
        if bare and not match["anchor"] and (
            text.count("(", 0, match.start()) > text.count(")", 0, match.start())
            or _unit(match["unit"]) not in ("day", "working_day", "hour")
        ):
            continue  # a time value's own note (Trong ngày (… sau 15 giờ)); 6 tháng in a time value is a frequency
        if not match["anchor"] and not bare and not _limit_alone(text, match):
            continue  # an amount alone is a duration (trong 6 tháng đầu năm, trong vòng 05 năm liên tiếp), not a limit
        if opener in _data()["from_then"]:
            continue  # when something starts or may happen (Sau 12 tháng kể từ thời điểm ký hợp đồng, nếu …)
        if not opener and match["anchor"] and match["anchor"].lower().startswith(tuple(_data()["back_to"])):
            continue  # a span looked back on (trong thời gian 12 tháng tính đến thời điểm chất vấn)
        if _unit(match["unit"]) == "year" and not opener:
            continue  # years counted from an event with no limit word are a term (50 năm tính từ ngày giao đất)
        end = match.start() + len(match[0].rstrip(" ,"))
        anchor = None
        if match["anchor"]:
            anchor_start = match.start("anchor")
            end = _anchor_end(text, match.end("anchor"))
            end = min(end, _word_limit(text, anchor_start, 25))
            anchor = text[anchor_start:end].rstrip(" ,")
            end = anchor_start + len(anchor)
        amount, unit = _number(match["amount"]), _unit(match["unit"])
        amount, unit = (amount * 12, "month") if unit == "year" else (amount, unit)
        found.append(
            Deadline(text[match.start() : end], "relative", match.start(), end, relative_amount=amount,
                     relative_unit=unit, relative_anchor=anchor)  # fmt: skip
        )
    if bare:  # Trong ngày (…): the same day
        found += [Deadline(m[0], "relative", m.start(), m.end(), relative_amount=0, relative_unit="day")
                  for m in g.same_day.finditer(text)]  # fmt: skip
    for match in [*g.relative_after.finditer(text), *g.anchor_first.finditer(text)]:
        found.append(
            Deadline(match[0], "relative", match.start(), match.end(), relative_amount=_number(match["amount"]),
                     relative_unit=_unit(match["unit"]), relative_anchor=match["anchor"],
                     recurrence="quarterly" if "quý" in match["anchor"].lower() else None)  # fmt: skip
        )
    return found


def _limit_alone(text: str, match: re.Match[str]) -> bool:
    """Whether an amount with no event counted from is a limit: after a limit word (``trong thời hạn 10 ngày``,
    ``chậm nhất 03 ngày``), or working days after ``trong`` (``báo cáo Bộ Tài chính trong 03 ngày làm việc``: an
    office's days are a time to act, unless they run on: ``trong 03 ngày làm việc liên tục``); years never are."""
    opener, unit = (match["opener"] or "").lower(), _unit(match["unit"])
    if unit == "year":
        return False
    if opener.startswith(("trong thời hạn", "trong vòng", "chậm nhất", "không muộn hơn")):
        return True
    return opener == "trong" and unit == "working_day" and not _grammar().running_on.match(text, match.end("unit"))


def _anchor_end(text: str, start: int) -> int:
    """Where an anchor event as written ends: punctuation (a comma too: what follows is as often the doer, ``…,
    Ủy ban nhân dân tỉnh ký``, as more of the event) or a word that opens what is to be done (``có trách
    nhiệm``, ``về việc``)."""
    stop = _grammar().anchor_stop.search(text, start)
    return stop.start() if stop else len(text)


def _word_limit(text: str, start: int, words: int) -> int:
    spans = list(re.finditer(r"\S+", text[start:]))
    return start + spans[words - 1].end() if len(spans) >= words else len(text)


def _recurrence(written: str | None) -> str | None:
    return _data()["frequencies"].get(written.lower()) if written else None


def _period(written: str | None) -> str | None:
    return _data()["period_words"][" ".join(written.lower().split())] if written else None


def _days_in_periods(text: str) -> list[Deadline]:
    """A day within a period: ``trước ngày 15 hằng tháng``, ``trước ngày 05 tháng 7 hàng năm``, ``trước ngày 20
    tháng cuối quý``; a day and month with no year (``trước ngày 15 tháng 6``) recur yearly."""
    found = []
    for match in _grammar().day_in_period.finditer(text):
        month = match["month"] or match["month2"]
        period = _period(match["period"])
        recurrence = _recurrence(match["freq"]) or _recurrence(match["freq0"]) or period
        if recurrence is None and month is None:
            continue  # ``trước ngày 15`` alone: a day of what?
        if not 1 <= int(match["day"]) <= 31 or (month and not 1 <= int(month) <= 12):
            continue
        found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence=recurrence or "yearly",
                              precision="day"))  # fmt: skip
    return found


def _dates(text: str, bare: bool) -> list[Deadline]:
    """Dates and periods after a limit word (anywhere in a time value), a range read as its end (``Từ năm 2013
    đến năm 2020``), ``và những năm tiếp theo`` kept in the phrase, ``Từ tháng 11/2013 trở đi`` ongoing."""
    g, found = _grammar(), []
    written = [w for w in find_dates(text, bare=bare) if w.year is not None]
    skip: set[int] = set()
    for i, date_written in enumerate(written):
        if i in skip:
            continue
        start, end, last = date_written.start, date_written.end, date_written
        if i + 1 < len(written) and g.range_joint.fullmatch(text[end : written[i + 1].start]):
            last, end = written[i + 1], written[i + 1].end  # Từ năm 2013 đến năm 2020; 2025 - 2026
            skip.add(i + 1)
        before = text[max(0, start - 30) : start]
        prefix = g.date_prefix.search(before)
        opening = re.search(r"(?:^|\s)(từ\s*(?:ngày\s*)?)$", before, re.IGNORECASE)
        if opening:
            start -= len(opening[1])
        elif prefix:
            start -= len(prefix["word"] or prefix["day_word"] or "")
        elif not bare:
            continue
        from_on = g.from_on.match(text, end)
        if opening and from_on:
            found.append(Deadline(text[start : from_on.end()], "ongoing", start, from_on.end()))
            continue
        if opening and last is date_written and not bare:
            continue  # ``từ ngày …`` alone is when something starts
        continuing = g.continuing.match(text, end)
        end = continuing.end() if continuing else end
        found.append(_by_date(text[start:end], start, end, last))
    if bare:
        found += [Deadline(m[0], "by_date", m.start(), m.end(), precision="year") for m in g.next_year.finditer(text)]
    return found


def _by_date(phrase: str, start: int, end: int, written: WrittenDate) -> Deadline:
    return Deadline(phrase, "by_date", start, end, deadline=written.last_day, precision=written.precision)


def _opens_clause(text: str, start: int) -> bool:
    """Whether a word at `start` opens a clause (a sentence, a list item, a part after a comma)."""
    before = _before(text, start)
    return not before or before[-1] in ".;:,-+*•)("


def _before(text: str, start: int, chars: int = 80) -> str:
    """The text before `start` with its trailing spaces dropped, as much of it as the tests on the words before
    a match read (its last `chars` characters, all of it when shorter): copying all of it for each match made a
    long text quadratic."""
    window = chars
    while True:
        before = text[max(0, start - window) : start].rstrip()
        if len(before) >= chars or window >= start:
            return before
        window *= 2


def _after(text: str, end: int, chars: int = 80) -> str:
    """The text after `end` with its leading spaces dropped, its first `chars` characters (all when shorter)."""
    window = chars
    while True:
        after = text[end : end + window].lstrip()
        if len(after) >= chars or end + window >= len(text):
            return after
        window *= 2


def _frequencies(text: str, bare: bool) -> list[Deadline]:
    g, found = _grammar(), []
    for match in g.frequency.finditer(text):
        periodic = g.periodic.pattern.match(text, match.start())
        listed = re.search(r"(?:tháng|năm|quý|kỳ)\s*(?:,|và|hoặc)\s*$", _before(text, match.start()), re.IGNORECASE)
        duty = g.duty_verb.match(text, match.end())
        if bare or periodic or listed or duty or _opens_clause(text, match.start()):
            found.append(Deadline(match[0], "recurring", match.start(), match.end(),
                                  recurrence=_recurrence(match["freq"])))  # fmt: skip
    for match in g.every_n_months.finditer(text):
        months = match["n"] or match["n2"] or (match["n3"] if bare else None)
        if match["n3"] and not bare:
            continue
        recurrence = _data()["every_n_months"].get(str(int(months))) if months else _recurrence(match["per"])
        found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence=recurrence))
    not_after = _data()["recurring"]["periodic_not_after"]
    for match in g.periodic.finditer(text):
        before = _before(text, match.start()).lower()
        after = re.compile(r"\s*(,|[^\W\d_]+)?").match(text, match.end())
        follows = (after[1] or "") if after else ""
        duty = match[0].lower().startswith("theo") or (
            follows[:1].islower() and follows not in ("hoặc", "và", "của", "theo", "được", "cho", "với")
        ) or (follows == "," and _opens_clause(text, match.start()))
        if bare or (duty and not before.endswith(tuple(not_after))):
            found.append(Deadline(match[0], "recurring", match.start(), match.end()))
    for match in g.month_end.finditer(text):
        if bare or _opens_clause(text, match.start()):
            found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence="monthly"))
    return found


def _ongoing(text: str, bare: bool) -> list[Deadline]:
    """``thường xuyên`` on a duty (``Thường xuyên kiểm tra``, ``kiện toàn thường xuyên``), not after a thing."""
    words = _data()["ongoing"]
    found = []
    for match in _grammar().ongoing.finditer(text):
        before = _before(text, match.start()).lower()
        after = _after(text, match.end()).lower()
        if not bare and (before.endswith(tuple(words["not_after"])) or after.startswith(tuple(words["not_before"]))):
            continue
        found.append(Deadline(match[0], "ongoing", match.start(), match.end()))
    return found


def _subsume(found: list[Deadline], text: str) -> list[Deadline]:
    """In a sentence that gives a precise limit (a day in a period, an amount from an event), a bare frequency
    of the same duty (``Hàng quý, năm lập báo cáo … trước ngày 30 tháng 4 hàng năm``) says nothing more: it is
    dropped, and a day it governs takes its recurrence (``định kỳ 6 tháng … trước ngày 15 tháng 6``)."""
    kept: list[Deadline] = []
    sentences = _sentences(text)
    starts = [start for start, _ in sentences]
    by_sentence: dict[int, list[Deadline]] = {}
    for d in found:  # each to its sentence by bisection (a scan of all per sentence made long texts quadratic)
        index = bisect.bisect_right(starts, d.start) - 1
        if index >= 0 and d.start < sentences[index][1]:
            by_sentence.setdefault(index, []).append(d)
    for index in sorted(by_sentence):
        inside = by_sentence[index]
        precise = [d for d in inside if d.kind == "relative" or (d.kind == "recurring" and d.precision == "day")]
        bare = [d for d in inside if d.kind == "recurring" and d.precision is None]
        if not precise:
            kept += inside
            continue
        recurrence = next((d.recurrence for d in bare if d.recurrence), None)
        for d in inside:
            if d in bare:
                continue
            if recurrence and d.kind == "recurring" and d.recurrence == "yearly" and "năm" not in d.text.lower():
                d = replace(d, recurrence=recurrence)
            kept.append(d)
    return kept


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in re.finditer(r"[.;]\s+|\n", text)] + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a] or [(0, len(text))]
