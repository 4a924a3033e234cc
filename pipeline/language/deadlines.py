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
alone is one. Dates are read by :mod:`pipeline.language.dates`, limits counted from an event by
:mod:`pipeline.language.relative_limits`, recurring ones by :mod:`pipeline.language.recurring`; this module reads
dates and periods, ongoing duties, and what is left out. The words are data: ``data/deadlines.toml``; English
words among them read the corpus's translations (``within seven working days after receiving …``, ``Annually, …``).
Left out: effective dates and validity periods (``có hiệu lực … kể từ``), dates of cited documents and events
(no limit word before them), goals (``Phấn đấu đến năm 2030 …``), frequencies that qualify a thing (``trợ cấp
hàng tháng``, ``kế hoạch hằng năm``) and ``thường xuyên`` after a noun (``nhiệm vụ thường xuyên``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from pipeline.language.dates import TIME_OF_DAY, WEEKDAY, WrittenDate, find_dates
from pipeline.language.deadline_words import (
    Deadline,
    after,
    alternatives,
    before,
    first_words,
    screened_phrases,
    words,
)
from pipeline.language.recurring import days_in_periods, falls_due, frequencies, next_due
from pipeline.language.relative_limits import in_contract_units, relative_limits
from pipeline.language.per_document import document_cache
from pipeline.language.screens import Screened
from pipeline.language.sessions import session_limits

__all__ = [
    "Deadline", "column_unit", "falls_due", "find_deadlines", "is_time_column", "is_time_line", "is_time_value", "next_due",
    "read_time_value",
]

YEAR = timedelta(days=365)
LISTED_AFTER = re.compile(r"\s*(?:,|và|hoặc)\s*", re.IGNORECASE)  # between two dates a limit word governs


@dataclass(frozen=True)
class _Grammar:
    date_prefix: re.Pattern[str]
    clock: re.Pattern[str]
    weekday: re.Pattern[str]
    ongoing: Screened
    from_on: re.Pattern[str]
    period_opening: re.Pattern[str]
    period_clause: re.Pattern[str]
    label: Screened
    line_label: Screened
    continuing: re.Pattern[str]
    range_joint: re.Pattern[str]
    next_year: re.Pattern[str]
    value_opening: re.Pattern[str]
    amount_only: re.Pattern[str]
    excluded_before: re.Pattern[str]
    goal: re.Pattern[str]
    condition_after: re.Pattern[str]
    past: re.Pattern[str]
    duty: re.Pattern[str]
    condition: re.Pattern[str]
    condition_end: re.Pattern[str]
    nested_condition: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    d = words()
    ongoing = d["ongoing"]
    return _Grammar(
        date_prefix=re.compile(
            rf"(?:(?P<word>(?:{alternatives(d['date_prefixes'])})\s*(?:là\s*)?(?:ngày\s*)?)"
            rf"|(?:{alternatives(d['date_verbs'])})\s+(?P<day_word>(?:(?:{alternatives(d['date_verb_prefixes'])})\s+)?(?:ngày\s*)?))$",
            re.IGNORECASE,
        ),
        clock=re.compile(rf"{TIME_OF_DAY}\s*,?\s*(?:của\s+)?$", re.IGNORECASE),  # trước 17 giờ ngày 20/11/2025
        weekday=re.compile(rf"(?<!\w){WEEKDAY}\s*,?\s*$", re.IGNORECASE),  # trước thứ Sáu, ngày 15/8/2025
        ongoing=screened_phrases(ongoing["words"]),
        from_on=re.compile(rf"\s+(?:{alternatives(ongoing['from_on'])})\b", re.IGNORECASE),
        label=Screened(
            re.compile(rf"(?<![\w])(?:{alternatives(d['values']['labels'])})\s*:\s*(?P<value>[^.;\n]+)", re.IGNORECASE),
            first_words(d["values"]["labels"]),
        ),
        # at a line's or sentence's start, after a list mark: Tháng 10/2025, …; - Quý IV/2025: …; **Năm 2026:** …
        period_opening=re.compile(r"(?:^|\n|[.;]\s)[ \t]*(?:[-+•*]|[a-zđ]\)|\d+(?:\.\d+)*\.)?[ \t]*(?:\*\*)?$", re.IGNORECASE),
        period_clause=re.compile(  # … a comma or colon after it, or the verb of a duty (; năm 2030 tổ chức tổng kết …)
            rf"(?:\*\*)?\s*(?:[,:]\s*(?:\*\*)?\s*|(?=(?:{alternatives(d['recurring']['duty_verbs'])})(?!\w)))"
            r"(?P<rest>[^.;\n]*\w[^.;\n]*)",
            re.IGNORECASE,
        ),
        line_label=Screened(
            re.compile(
                rf"^[ \t]*(?:[-+•*][ \t]*)?(?:\*\*)?(?:{alternatives(d['values']['labels'] + d['values']['line_labels'])})"
                rf"(?:\*\*)?[ \t]*:[ \t]*(?:\*\*)?(?P<value>[^.;\n]+)",
                re.IGNORECASE | re.MULTILINE,
            ),
            first_words(d["values"]["labels"] + d["values"]["line_labels"]),
        ),
        continuing=re.compile(rf"\s*(?:{alternatives(d['values']['continuing'])})", re.IGNORECASE),
        range_joint=re.compile(rf"\s*(?:{alternatives(d['values']['ranges'])})\s*$", re.IGNORECASE),
        next_year=re.compile(rf"(?<!\w)(?:{alternatives(d['values']['next_year'])})\b", re.IGNORECASE),
        value_opening=re.compile(
            rf"\s*(?:(?:{alternatives(d['date_prefixes'] + d['date_verbs'])})\s+)?(?:ngày\s*)?", re.IGNORECASE
        ),
        amount_only=re.compile(
            rf"\s*(?:\d{{1,3}}|{alternatives(d['number_words'])})\s*(?:{alternatives(d['units'])})\s*", re.IGNORECASE
        ),
        excluded_before=re.compile(rf"(?:{alternatives(d['exclusions']['before'])})", re.IGNORECASE),
        goal=re.compile(rf"(?<!\w)(?:{alternatives(d['exclusions']['goals'])})(?!\w)", re.IGNORECASE),
        condition_after=re.compile(
            rf"[^.;,:\n]{{0,60}}?(?<!\w)(?:{alternatives(d['exclusions']['stated_after'])})(?!\w)", re.IGNORECASE
        ),
        past=re.compile(rf"(?<!\w)(?:{alternatives(d['exclusions']['past'])})(?!\w)", re.IGNORECASE),
        duty=re.compile(rf"(?<!\w)(?:{alternatives(d['exclusions']['duty_words'])})(?!\w)", re.IGNORECASE),
        condition=re.compile(
            rf"\s*[“\"]?\s*(?:[a-zđ]\d?\)|\d+(?:\.\d+)*\.?|[-+•])?\s*(?:{alternatives(d['exclusions']['condition_openers'])})(?!\w)",
            re.IGNORECASE,
        ),
        condition_end=re.compile(rf"(?<!\w){d['exclusions']['condition_end']}(?!\w)", re.IGNORECASE),
        nested_condition=re.compile(rf",\s*(?:{alternatives(d['exclusions']['later_cases'])})(?!\w)", re.IGNORECASE),
    )


def find_deadlines(text: str, not_before: date | None = None) -> list[Deadline]:
    """Every time limit of running text, left to right. `not_before`: the document's date; a date before it is
    a condition (``hoạt động cách mạng trước ngày 01/01/1945``), not a limit."""
    return list(_find_deadlines(text, not_before))  # a list of its own


@document_cache(maxsize=4096)  # a document repeats some of its lines (one task line in twenty in the bulk corpus)
def _find_deadlines(text: str, not_before: date | None) -> tuple[Deadline, ...]:
    g = _grammar()
    found: list[Deadline] = []
    values: list[tuple[int, int]] = []
    sessions = session_limits(text)  # read once: what meetings hold, and limits of the scan below
    meetings = [(d.start, d.end) for d in sessions]
    for match in g.label.finditer(text):
        values.append(match.span("value"))
    for match in g.line_label.finditer(text):  # - Thời gian: Quý III/2025, under a plan's item
        if not any(s < match.end("value") and match.start("value") < e for s, e in values):
            values.append(match.span("value"))
    for match in re.finditer(r"\(([^()]{3,120})\)", text):  # (trong năm 2013), (Quý IV/2013 và thường xuyên)
        if g.amount_only.fullmatch(match[1]):
            continue  # an amount restated in another unit: 01 ngày làm việc (08 giờ), 05 năm (60 tháng)
        if any(s < match.end() and match.start() < e for s, e in meetings):
            continue  # the month of a meeting: tại Kỳ họp thứ 10 (tháng 10/2025), read with it
        inside = read_time_value(match[1])
        if inside and g.value_opening.fullmatch(match[1][: inside[0].start]) and (
            inside[0].kind != "recurring" or inside[0].precision or is_time_value(match[1])
        ):  # a bare frequency among other words is a kind of thing: (định kỳ hoặc liên tục), (định kỳ hoặc cuối kỳ)
            values.append(match.span(1))
    for start, end in values:
        found += [d.shifted(start) for d in read_time_value(text[start:end])]
    taken = [(d.start, d.end) for d in found]
    scanned = _scan(text, False, not_before, sessions)
    found += [d for d in scanned if not any(s < d.end and d.start < e for s, e in taken)]
    if not_before is not None:  # a year's grace: a plan may be issued a day after its first step was due
        found = [d for d in found if not (d.kind == "by_date" and d.deadline and d.deadline < not_before - YEAR)]
    return tuple(_subsume(sorted(found, key=lambda d: d.start), text))


def read_time_value(value: str, unit: str | None = None) -> list[Deadline]:
    """The time limits of a value that is one by its place (a task table's time column): ``6/2025``, ``2025 và
    những năm tiếp theo``, ``Thường xuyên``, ``Quý II/2025``; each of a list its own (``6 tháng, hằng năm``).
    `unit`: the unit its column's heading gives (:func:`column_unit`): an amount alone (``15``) is a limit in it,
    and days written plainly (``07 ngày``) are working days under a heading that says so."""
    found = list(_time_value(value))
    if unit is None:
        return found
    if not found and (amount := re.fullmatch(r"\s*(\d{1,3})\s*", value)):
        number_of, named = in_contract_units(int(amount[1]), unit)
        return [Deadline(amount[1], "relative", amount.start(1), amount.end(1), relative_amount=number_of, relative_unit=named)]
    return [
        replace(d, relative_unit=unit) if d.relative_unit == "day" and d.relative_amount and unit == "working_day" else d
        for d in found
    ]


@document_cache(maxsize=4096)  # a short line is asked whether it is a time value, then read as one (7 % of the scans)
def _time_value(value: str) -> tuple[Deadline, ...]:
    """:func:`read_time_value`'s limits with no column's unit."""
    return tuple(_subsume(_scan(value, bare=True), value))


def column_unit(heading: str) -> str | None:
    """The unit a time column's heading gives its amounts in brackets (``Thời hạn giải quyết (Ngày làm việc)`` →
    ``working_day``, ``Thời hạn giải quyết (ngày)`` → ``day``), or None."""
    written = re.search(r"\(\s*([^()]+?)\s*\)\s*$", heading)
    return words()["units"].get(" ".join(written[1].lower().split())) if written else None


def is_time_value(text: str) -> bool:
    """Whether `text` holds nothing but time limits (a task table's time cell on a line of its own)."""
    rest = text
    for d in reversed(read_time_value(text)):
        rest = rest[: d.start] + rest[d.end :]
    return rest != text and not re.search(r"\w", rest.replace("và", ""))


def is_time_line(line: str) -> bool:
    """Whether a line gives a time and nothing else under a label (``Thời gian: Quý III/2025``, ``- Thời gian thực
    hiện: Tháng 12/2013 và thường xuyên.``): the time of the task above it."""
    match = _grammar().line_label.pattern.match(line)
    return match is not None and not line[match.end() :].strip(" .;*") and is_time_value(match["value"])


def is_time_column(heading: str) -> bool:
    """Whether a task table's column heading names the time of its rows' tasks (``Thời gian hoàn thành``)."""
    heading = " ".join(heading.lower().split()).strip(" *:")
    return any(heading == c or heading.startswith(c + " ") for c in words()["values"]["columns"])


def _scan(text: str, bare: bool, issued: date | None = None, sessions: list[Deadline] | None = None) -> list[Deadline]:
    """The limits the grammar finds in `text`, left to right, the longest kept where they overlap; `sessions`: its
    meetings' limits, when the caller read them already."""
    candidates = (
        relative_limits(text, bare) + days_in_periods(text) + _dates(text, bare, issued) + frequencies(text, bare)
        + _ongoing(text, bare) + (session_limits(text) if sessions is None else sessions)
    )
    candidates = [c for c in candidates if not _excluded(text, c)]
    chosen: list[Deadline] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if not any(c.start < candidate.end and candidate.start < c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _excluded(text: str, candidate: Deadline) -> bool:
    """An effective date or validity period (``có hiệu lực thi hành sau 10 ngày``), or a goal's horizon."""
    g, window = _grammar(), words()["exclusions"]["window"]
    preceding = re.split(r"[.;]\s|\n", text[max(0, candidate.start - window) : candidate.start])[-1]
    if g.excluded_before.search(preceding) and candidate.kind in ("relative", "by_date"):  # … in the same sentence
        return True
    clause = _clause_before(text, candidate.start)
    if candidate.kind != "ongoing" and _in_condition(text, candidate, clause):
        return True  # … a frequency too (Trường hợp cơ quan … quy định … định kỳ hằng ngày hoặc hằng tuần thì …)
    if candidate.kind != "by_date":
        return False
    if g.condition_after.match(text, candidate.end):
        return True  # what happened by a date, a transitional rule's condition (… nghiệm thu trước ngày … được tiếp tục …)
    exclusions = words()["exclusions"]
    last = clause.lower().split()[-exclusions["condition_words"] :]
    condition = any(w in exclusions["conditions"] for w in last) and not any(w in exclusions["obliged"] for w in last)
    stated = re.sub(r"\([^()]*\)", "", clause)  # a note in brackets is no verb of the clause (theo mẫu đã hướng dẫn …)
    past = g.past.search(stated)
    return condition or bool(past and not g.duty.search(stated, past.end())) or bool(g.goal.search(clause))


def _in_condition(text: str, candidate: Deadline, clause: str) -> bool:
    """Whether a limit stands in the condition of a clause (``Trường hợp …``, ``Đối với …`` up to its ``thì``)."""
    g = _grammar()
    if not g.condition.match(clause) or g.condition_end.search(clause):
        return False  # no condition opens the clause, or it ended before the limit (… thì trong thời hạn 03 ngày)
    sentence_end = re.search(r"[.;\n]", text[candidate.end :])
    rest = text[candidate.end : candidate.end + sentence_end.start()] if sentence_end else text[candidate.end :]
    end = g.condition_end.search(rest)
    if end and g.nested_condition.search(rest, 0, end.start()):
        return False  # the `thì` ends a later condition (Đối với …, thời gian … không quá 20 ngày, trường hợp phức tạp thì …)
    return bool(end) and not g.duty.search(rest, 0, end.start())


def _clause_before(text: str, start: int) -> str:
    """The text since the last ``.;:`` or line break before `start`, found from `start` backwards."""
    window = 200
    while True:
        piece = text[max(0, start - window) : start]
        stop = max(map(piece.rfind, ".;:\n"))
        if stop >= 0 or window >= start:
            return piece[stop + 1 :]
        window *= 2


def _dates(text: str, bare: bool, issued: date | None = None) -> list[Deadline]:
    """Dates and periods after a limit word (anywhere in a time value), a day with its day of the week and time of day,
    a range read as its end (``Từ năm 2013 đến năm 2020``), ``và những năm tiếp theo`` kept in the phrase, ``Từ tháng
    11/2013 trở đi`` ongoing, a period that opens a duty's clause (:func:`_opens_a_duty`; `issued`: the document's date)."""
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
        if date_written.precision == "day" and (weekday := g.weekday.search(text, max(0, start - 20), start)):
            start = weekday.start()  # the day of the week is part of the date: trước thứ Sáu, ngày 15/8/2025
        if date_written.precision == "day" and (clock := g.clock.search(text, max(0, start - 30), start)):
            start = clock.start()  # the time of day is part of the limit: trước 16h00 ngày 20/11/2025; trước 10 giờ, thứ Hai, ngày …
        written_before = text[max(0, start - 30) : start]
        prefix = g.date_prefix.search(written_before)
        opening = re.search(r"(?:^|\s)(từ\s*(?:ngày\s*)?)$", written_before, re.IGNORECASE)
        if opening:
            start -= len(opening[1])
        elif prefix:
            start -= len(prefix["word"] or prefix["day_word"] or "")
        elif not bare and not (found and found[-1].kind == "by_date" and LISTED_AFTER.fullmatch(text, found[-1].end, start)):
            if not _opens_a_duty(text, last, end, issued):
                continue  # … unless listed after a limit taken (trong Quý III và Quý IV/2025): the same limit word's
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


def _opens_a_duty(text: str, written: WrittenDate, end: int, issued: date | None) -> bool:
    """Whether a period with no limit word before it is the time of the duty its clause sets: it opens a line or a
    sentence, a comma, a colon or the verb of a duty after it (``Tháng 10/2025, Sở Nội vụ tổ chức sơ kết …``; ``-
    Quý IV/2025: Sở Tư pháp tổng kết …``; ``…; năm 2030 tổ chức tổng kết …``), the clause states no past (``đã``),
    goal (``đạt``) or only more times, and the period does not end before the document's date (``Tháng 10/2024, Ủy
    ban nhân dân tỉnh ban hành …`` in a report of 2025 is what was done)."""
    g = _grammar()
    if written.precision == "day" or not g.period_opening.search(text, max(0, written.start - 12), written.start):
        return False
    clause = g.period_clause.match(text, end)
    if clause is None or g.past.search(clause["rest"]) or g.goal.search(clause["rest"]) or is_time_value(clause["rest"]):
        return False  # … nor a list of more times (Tháng 03/2026, tháng 04/2026, …): a time value, no duty
    return issued is None or (written.last_day is not None and written.last_day >= issued)


def _by_date(phrase: str, start: int, end: int, written: WrittenDate) -> Deadline:
    return Deadline(phrase, "by_date", start, end, deadline=written.last_day, precision=written.precision)


def _ongoing(text: str, bare: bool) -> list[Deadline]:
    """``thường xuyên`` on a duty (``Thường xuyên kiểm tra``, ``kiện toàn thường xuyên``), not after a thing."""
    ongoing = words()["ongoing"]
    found = []
    for match in _grammar().ongoing.finditer(text):
        preceding = before(text, match.start()).lower()
        following = after(text, match.end()).lower()
        qualifies = (
            preceding.endswith(tuple(ongoing["not_after"]))
            or following.startswith(tuple(ongoing["not_before"]))
            or (_opens_with(following, ongoing["function_words"]) and not _opens_with(following, ongoing["continued_by"]))
        )
        if not bare and qualifies:
            continue
        found.append(Deadline(match[0], "ongoing", match.start(), match.end()))
    return found


def _opens_with(text: str, phrases: list[str]) -> bool:
    """Whether `text` (lower case) opens with one of `phrases` as whole words (``và`` is not the start of ``vào``)."""
    return any(text.startswith(p) and not (p[-1].isalnum() and text[len(p) : len(p) + 1].isalnum()) for p in phrases)


def _subsume(found: list[Deadline], text: str) -> list[Deadline]:
    """In a sentence that gives a precise limit (a day in a period, an amount from an event), a bare frequency
    of the same duty (``Hàng quý, năm lập báo cáo … trước ngày 30 tháng 4 hàng năm``) says nothing more: it is
    dropped, and a day it governs takes its recurrence (``định kỳ 6 tháng … trước ngày 15 tháng 6``)."""
    if len(found) < 2:
        return found  # a frequency is dropped only beside a more precise limit
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
        precise = [d for d in inside if d.kind == "relative" or (d.kind == "recurring" and d.precision is not None)]
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
