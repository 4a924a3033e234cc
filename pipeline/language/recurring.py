"""Recurring time limits: a day within a period (``trước ngày 15 hằng tháng``, ``trước ngày 05 tháng 7 hàng năm``,
``trước ngày 20 tháng cuối quý``) and a frequency that opens a duty (``Hàng quý, UBND xã …``, ``Định kỳ kiểm tra
…``, ``3 tháng một lần``); and the next day such a limit falls due (:func:`next_due`). A frequency inside a noun
phrase qualifies a thing (``trợ cấp hàng tháng``, ``kế hoạch hằng năm``, ``báo cáo định kỳ``): left out."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from typing import Any

from pipeline.language.deadline_words import (
    Deadline,
    alternatives,
    before,
    first_words,
    number,
    opening,
    opens_clause,
    screened_phrases,
    words,
)
from pipeline.language.screens import Screened

LISTED = re.compile(r"(?:tháng|năm|quý|kỳ)\s*(?:,|và|hoặc)\s*$", re.IGNORECASE)  # Hàng tháng, hàng quý: one of a list
# a period listed after a frequency (…, hằng năm; … và 06 tháng; …, quý), not a year (…, năm 2025)
LISTED_PERIODS = re.compile(
    r"\s*(?:,|và|hoặc)\s*(?:(?:hằng|hàng)\s+)?(?:\d{1,2}\s+tháng|năm|quý|tháng)\b(?!\s*\d)", re.IGNORECASE
)
LIST_REACH = 40  # characters between two frequencies of one list (hằng tháng, quý, 06 tháng, hằng năm)
FOLLOWING_WORD = re.compile(r"\s*(,|[^\W\d_]+)?")
NOT_A_DUTY_AFTER = ("hoặc", "và", "của", "theo", "được", "cho", "với")  # định kỳ của …: a noun's complement
# A day and month a span starts from: the day after it ends the span (Kỳ báo cáo: từ ngày 16 tháng 12 năm trước đến
# ngày 15 tháng 12 của năm báo cáo; Năm học … từ ngày 01 tháng 7 năm trước đến hết ngày 30 tháng 6), no limit.
# The first days of every period a duty is due in (Định kỳ hằng tháng, trong thời hạn 05 ngày làm việc đầu tiên của
# tháng, phải nộp …; trong 05 ngày đầu của Quý I, …; Trong thời hạn 05 ngày đầu của tháng đầu trong quý): a window
# that recurs, not days counted from an event, and no more precise than its frequency (other frequencies of the
# sentence stay: …, định kỳ 06 tháng tiến hành sơ kết, hằng năm tổng kết). Only where the period ends the phrase: the
# first days of the month after an event (… đầu tiên của tháng tiếp theo của tháng có dư nợ) are counted from it (tune
# gold doc_000524).
PERIOD_OPENING = Screened(
    re.compile(
        r"(?<!\w)(?:(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tháng|quý|năm)\s*,\s*)?"  # Định kỳ hằng tháng, … : one phrase
        r"(?:trong\s+(?:thời hạn\s+|vòng\s+)?(?:tối đa\s+)?)?\d{1,2}\s+ngày(?:\s+làm việc)?\s+đầu(?:\s+tiên)?\s+"
        r"(?:của|trong)\s+(?P<period>tháng|quý|năm)(?P<roman>\s+[IV]{1,3})?"
        r"(?:\s+đầu(?:\s+tiên)?\s+(?:của|trong)\s+(?P<outer>quý|năm))?(?=\s*(?:[,.;:)]|$))",
        re.IGNORECASE,
    ),
    ("đầu",),  # every match holds it (… ngày đầu tiên của …): tried at each position of every line, it cost 1.4 %
)
# Every way of writing a number of months or times but a month count alone holds one of these (`định kỳ` is written with
# one space; sessions or rounds follow `mỗi`); the count alone (6 tháng) is one only in a time value.
EVERY_N_MONTHS_WORDS = ("lần", "định kỳ", "mỗi")
SPAN_FROM = re.compile(r"(?<!\w)từ\s+(?:ngày\s+)?\d{1,2}(?:\s*/\s*|\s+tháng\s+)\d{1,2}\b[^.;:\n\d]{0,40}$", re.IGNORECASE)


@dataclass(frozen=True)
class _Grammar:
    day_in_period: Screened
    month_in_year: Screened
    english_day: Screened
    english_months: dict[str, int]  # january → 1
    frequency: Screened
    every_n_months: Screened
    every_n_months_in_value: Screened  # in a time value a month count alone is one too (6 tháng)
    periodic: Screened
    month_end: Screened
    adverb: Screened
    obliged: re.Pattern[str]
    duty_verb: re.Pattern[str]
    horizon: re.Pattern[str]
    ad_hoc: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    d = words()
    every = alternatives(d["recurring"]["every"])
    frequency_words = alternatives(d["frequencies"])
    number_words = alternatives(d["number_words"])
    amount = rf"(?:\d{{1,2}}|{number_words})(?:\s*\((?:\d{{1,2}}|{number_words})\))?"  # 05, ba (03), 03 (ba)
    once = r"(?:một|1|01)(?:\s*\(01\))?\s+lần"
    least = rf"(?:{alternatives(d['recurring']['at_least'])})\s+(?:là\s+)?"  # ít nhất, tối thiểu, không ít hơn
    spans = alternatives(d["recurring"]["span_months"])  # giờ, ngày, tuần, tháng, quý, năm
    every_n_months = re.compile(
        rf"(?:(?:theo\s+)?định kỳ\s+(?:(?:tối thiểu|ít nhất)\s+)?(?P<n>{amount})\s+(?P<unit1>tháng|năm)\b(?:\s+{once})?"
        rf"|(?P<n2>{amount})\s+(?P<unit2>tháng|năm)\s+{once}|^\s*(?P<n3>\d{{1,2}})\s+tháng(?=\s*(?:,|và|$))"
        r"|(?:(?:tối thiểu|ít nhất)\s+)?(?:một|01|1)\s+lần\s*/\s*(?P<per>năm|quý|tháng)"
        r"|(?P<n4>\d{1,2})\s+(?P<unit4>tháng|năm)\s*/\s*(?:(?:một|01|1)\s*)?lần"
        # ít nhất 06 giờ một lần, tối thiểu 03 (ba) tháng một lần; ít nhất mỗi năm 01 lần, mỗi tháng 01 lần;
        # định kỳ 01 lần trong sáu tháng, định kỳ tối thiểu 02 lần trong một năm, không ít hơn một lần trong một năm
        rf"|(?:{least})?(?P<n6>{amount})\s+(?P<unit6>{spans})\s+{once}"
        rf"|(?:(?:định kỳ\s+)?{least})?mỗi\s+(?P<unit7>{spans})\s+(?:{least})?(?P<times7>{amount})\s+(?:lần|kỳ|đợt)\b"
        rf"|(?:định kỳ\s+(?:{least})?|{least})(?P<times8>{amount})\s+lần\s+(?:(?:trong|mỗi)\s+)?"
        rf"(?:(?P<n8>{amount})\s+)?(?P<unit8>{spans})\b(?!\s*\d))",
        re.IGNORECASE,
    )
    return _Grammar(
        day_in_period=Screened(
            re.compile(
                opening(["theo", "định"], d["date_prefixes"]) +
                rf"(?:(?:theo\s+)?định kỳ\s+(?:(?:{every})\s+(?P<freq0>{frequency_words})\s+)?)?"
                rf"(?P<prefix>{alternatives(d['date_prefixes'])})\s+(?P<day_word>ngày\s*)?(?:(?P<day>\d{{1,2}})\b|(?<=ngày )(?P<last>cuối cùng)\b)"
                rf"(?:\s*(?:/\s*(?P<month>\d{{1,2}})\b(?!\s*/\s*\d)|tháng\s+(?P<month2>\d{{1,2}})\b(?!\s*(?:/|năm)\s*\d)"
                rf"(?:\s+(?:của\s+)?(?:{alternatives(d['periods']['years'])})\b)?"
                rf"|(?:của\s+)?(?P<period>{_month_in_period(d['periods'])})))?"
                rf"(?:\s+(?:của\s+)?(?:{every})\s+(?P<freq>{frequency_words}))?",
                re.IGNORECASE,
            ),
            ("ngày", *d["recurring"]["every"]),  # a day with no `ngày` recurs (trước 15/8 hằng năm)
        ),
        month_in_year=Screened(
            re.compile(
                rf"(?<!\w)(?:{alternatives(d['date_prefixes'])})\s+tháng\s+(?P<month>\d{{1,2}})\s+(?:của\s+)?(?:{every})\s+năm\b",
                re.IGNORECASE,
            ),
            ("tháng",),
        ),
        english_day=Screened(
            re.compile(
                rf"(?<!\w)(?:{alternatives(d['recurring']['english_days']['prefixes'])})\s+(?:the\s+)?"
                rf"(?:(?P<name>{_month_names(d)})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<name2>{_month_names(d)}))\b"
                rf"(?!\s*,?\s*\d{{4}})(?:\s+(?:every|each)\s+year\b)?",
                re.IGNORECASE,
            ),
            first_words(d["recurring"]["english_days"]["prefixes"]),
        ),
        english_months=d["recurring"]["english_days"]["months"],
        frequency=Screened(
            re.compile(
                rf"(?:(?:theo\s+)?định kỳ\s*,?\s*|thường xuyên\s+)?(?:{every})\s+(?P<freq>{frequency_words})\b"
                rf"(?:\s*,\s*(?:{frequency_words})\b(?!\s+\d))?",
                re.IGNORECASE,
            ),
            first_words(d["recurring"]["every"]),
        ),
        every_n_months=Screened(every_n_months, EVERY_N_MONTHS_WORDS),
        every_n_months_in_value=Screened(every_n_months, (*EVERY_N_MONTHS_WORDS, "tháng")),
        periodic=screened_phrases(d["recurring"]["periodic"]),
        month_end=screened_phrases(d["recurring"]["month_end"]),
        adverb=Screened(
            re.compile(rf"(?<![\w-])(?:{alternatives(d['recurring']['adverbs'])})(?![\w-])", re.IGNORECASE),
            first_words(d["recurring"]["adverbs"]),
        ),
        obliged=re.compile(rf"(?<!\w)(?:{alternatives(d['exclusions']['obliged'])})(?!\w)", re.IGNORECASE),
        duty_verb=re.compile(rf"\s+(?:{alternatives(d['recurring']['duty_verbs'])})\b"),
        ad_hoc=re.compile(rf"\s+(?:và|hoặc)\s+(?:{alternatives(d['recurring']['ad_hoc'])})(?!\w)", re.IGNORECASE),
        horizon=re.compile(rf"(?<!\w)(?:{alternatives(d['recurring']['horizons'])})\s*,$", re.IGNORECASE),
    )


def _month_names(d: dict[str, Any]) -> str:
    return alternatives(d["recurring"]["english_days"]["months"])


def _english_day(match: re.Match[str]) -> tuple[int, int] | None:
    """(month, day) of an English day and month (``December 31``, ``15th of June``); None when no such day."""
    month, day = _grammar().english_months[(match["name"] or match["name2"]).lower()], int(match["day"] or match["day2"])
    return (month, day) if 1 <= day <= calendar.monthrange(2024, month)[1] else None


def _month_in_period(periods: dict[str, Any]) -> str:
    """``tháng`` with its place in a period: a position and/or a scope (``tháng cuối quý``, ``tháng đầu tiên của
    quý``, ``tháng cuối thuộc kỳ báo cáo``), or the period after (``tháng sau``, ``tháng báo cáo``); the scope may
    be followed by the period after too (``tháng đầu năm liền kề tiếp theo``)."""
    position = rf"(?P<position>{alternatives(periods['positions'])})"
    joint = rf"(?:\s+(?:{alternatives(periods['joints'])}))?"
    scope = rf"(?P<scope>{alternatives(periods['scopes'])})"
    following = alternatives(periods["next"])
    named = rf"(?=\s+(?:(?:{alternatives(periods['joints'])})\s+)?(?:{alternatives(periods['positions'])}|{alternatives(periods['scopes'])}|{following})\b)"
    return rf"tháng{named}(?:\s+{position}\b)?(?:{joint}\s+{scope}\b)?(?:\s+(?:của\s+)?(?:quý\s+|năm\s+)?(?:{following})\b)?"


def days_in_periods(text: str) -> list[Deadline]:
    """A day within a period: ``trước ngày 15 hằng tháng``, ``trước ngày 05 tháng 7 hàng năm``, ``trước ngày 20
    tháng cuối quý``, the first days of every period (``trong thời hạn 05 ngày làm việc đầu tiên của tháng``: 2 bulk
    documents, and 3 more where the month follows an event); a day and month with no year (``trước ngày 15 tháng 6``)
    recur yearly, as does a month in every year (``vào tháng 12 hằng năm``, ``Chậm nhất tháng 7 hàng năm``: 9 in 7 bulk
    documents), its precision ``month``."""
    found = []
    for match in _grammar().day_in_period.finditer(text):
        month = match["month"] or match["month2"]
        recurrence = _recurrence(match["freq"]) or _recurrence(match["freq0"]) or _period(match)
        if recurrence is None and month is None and match["period"] is None:
            continue  # ``trước ngày 15`` alone: a day of what?
        if not match["day_word"] and not (month and match["freq"]):
            continue  # without `ngày`, only a day and month of every year (trước 30 tháng 01 hằng năm, trước 15/8 hằng năm)
        if (match["day"] and not 1 <= int(match["day"]) <= 31) or (month and not 1 <= int(month) <= 12):
            continue
        if match["last"] and month is None and match["period"] is None:
            continue  # ``trước ngày cuối cùng`` of what?
        if SPAN_FROM.search(before(text, match.start())):
            continue  # the end of a span (từ ngày 01 tháng 7 năm trước đến hết ngày 30 tháng 6)
        found.append(Deadline(match[0], "recurring", match.start(), match.end(),
                              recurrence=recurrence or ("yearly" if month else None), precision="day"))  # fmt: skip
    for match in _grammar().english_day.finditer(text):  # Before December 31 every year, ministries …
        if _english_day(match):
            found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence="yearly", precision="day"))
    for match in PERIOD_OPENING.finditer(text):  # trong thời hạn 05 ngày làm việc đầu tiên của tháng
        period = "năm" if match["roman"] else (match["outer"] or match["period"])
        found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence=_recurrence(period)))
    taken = [(d.start, d.end) for d in found]
    for match in _grammar().month_in_year.finditer(text):  # lần 1 chi trả vào tháng 12 hằng năm
        if 1 <= int(match["month"]) <= 12 and not any(s < match.end() and match.start() < e for s, e in taken):
            found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence="yearly", precision="month"))
    return found


def frequencies(text: str, bare: bool) -> list[Deadline]:
    """Frequencies that open a duty (``Hàng quý, …``; ``hàng năm tổ chức kiểm tra``; ``Định kỳ kiểm tra``;
    ``định kỳ 6 tháng``; ``Cuối tháng thanh toán``); `bare`: a time value, where any frequency is one."""
    g, found = _grammar(), []
    for match in g.frequency.finditer(text):
        periodic = g.periodic.pattern.match(text, match.start())
        listed = LISTED.search(before(text, match.start())) and any(
            0 <= match.start() - d.end <= LIST_REACH for d in found
        )  # one of a list the first of which opens the duty (Hàng tháng, hàng quý …), not nhiệm kỳ và hằng năm
        duty = g.duty_verb.match(text, match.end())
        if not bare and g.horizon.search(before(text, match.start())):
            continue  # one of a plan's horizons (kế hoạch đầu tư công trung hạn, hằng năm …): a kind of plan
        if not bare and periodic and _names_a_kind(text, match):
            continue  # a kind of report or check (chế độ báo cáo định kỳ hằng năm; Báo cáo định kỳ hằng năm về …:)
        if bare or periodic or listed or duty or opens_clause(text, match.start()):
            found.append(Deadline(match[0], "recurring", match.start(), match.end(),
                                  recurrence=_recurrence(match["freq"])))  # fmt: skip
    # every way of writing it holds `lần` or `định kỳ` but a month count alone, which counts only in a time value
    for match in (g.every_n_months_in_value if bare else g.every_n_months).finditer(text):
        months = match["n3"] if bare else None
        for amount, unit in (("n", "unit1"), ("n2", "unit2"), ("n4", "unit4"), ("n6", "unit6"), ("n8", "unit8")):
            if match[unit]:  # định kỳ 06 tháng, ba (03) năm một lần, 12 tháng/lần, 1 năm/lần, 01 lần trong sáu tháng
                months = _months(match[amount], match[unit])
        if match["unit7"]:
            months = _months(None, match["unit7"])
            if not bare and match[0].lower().startswith("mỗi") and _grants(text, match):
                continue  # a right or a benefit (Phạm nhân được liên lạc … mỗi tháng 01 lần; mỗi năm một lần được hỗ trợ)
        if match["n3"] and (not bare or str(int(match["n3"])) not in words()["every_n_months"]):
            continue  # 6 tháng alone in a time value is half-yearly; (60 tháng) restates a term
        times = match["times7"] or match["times8"]
        if times and number(times.split("(")[0].strip()) != 1:
            months = None  # twice a year: recurring with no recurrence of the contract's
        recurrence = words()["every_n_months"].get(months) if months else _recurrence(match["per"])
        found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence=recurrence))
    not_after = words()["recurring"]["periodic_not_after"]
    for match in g.periodic.finditer(text):
        written_before = before(text, match.start()).lower()
        following = FOLLOWING_WORD.match(text, match.end())
        follows = (following[1] or "") if following else ""
        duty = match[0].lower().startswith("theo") or (
            follows[:1].islower() and follows not in NOT_A_DUTY_AFTER
        ) or (follows == "," and opens_clause(text, match.start()) and not written_before.endswith("("))
        # … a bracket opening a list of kinds is no clause: kế hoạch công tác (định kỳ, chuyên đề, đột xuất)
        if not bare and (pair := g.ad_hoc.match(text, match.end())) and (
            g.duty_verb.match(text, pair.end()) or _after_a_duty_verb(written_before)
        ):
            duty, written_before = True, ""  # how often a duty is done: kiểm tra định kỳ và đột xuất, Báo cáo định kỳ hoặc đột xuất về …
        if bare or (duty and not written_before.endswith(tuple(not_after))):
            found.append(Deadline(match[0], "recurring", match.start(), match.end()))
    found += _adverbs(text, bare)
    for match in g.month_end.finditer(text):
        if bare or opens_clause(text, match.start()):
            found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence="monthly"))
    if bare:
        return found  # each of a time value's list is its own (6 tháng, hằng năm)
    return [replace(d, recurrence=None) if d.recurrence and _one_of_several(text, d) else d for d in found]


def _one_of_several(text: str, frequency: Deadline) -> bool:
    """Whether a frequency is one of a list of periods (``Định kỳ 6 tháng, hằng năm``, ``định kỳ 06 tháng và hằng
    năm``, ``Định kỳ hàng quý, hàng năm``, ``hàng tháng, quý``): a duty done at several periods has no one recurrence."""
    return bool(LISTED_PERIODS.search(frequency.text) or LISTED_PERIODS.match(text, frequency.end))


def _after_a_duty_verb(written: str) -> bool:
    """Whether `written` (lower case) ends with the verb of a duty (``… chủ trì, phối hợp … kiểm tra``, ``e) Báo cáo``,
    ``được rà soát``) that no word before it makes a kind of thing (``các báo cáo``, ``cơ chế kiểm tra``, ``Qua báo
    cáo``, ``kế hoạch kiểm tra``)."""
    recurring = words()["recurring"]
    verb = next((v for v in recurring["duty_verbs"] + recurring["periodic_not_after"] if re.search(rf"(?<!\w){v}$", written)), None)
    nouns = tuple(recurring["noun_markers"] + recurring["ad_hoc_nouns"])
    return verb is not None and not written[: -len(verb)].rstrip().endswith(nouns)


def _grants(text: str, match: re.Match[str]) -> bool:
    """Whether a frequency with no word of least before it is how often something is allowed or given: ``được`` in
    its clause before it (not ``phải được``, a passive duty) or right after it."""
    clause = re.split(r"[.;:\n]", before(text, match.start(), 200))[-1].lower()
    allowed = re.search(r"(?<!\w)(?<!phải )được(?!\w)", clause) is not None
    return allowed or re.match(r"\s*,?\s*được(?!\w)", text[match.end() :], re.IGNORECASE) is not None


def _months(amount: str | None, span: str) -> str | None:
    """The months of a frequency's period (``06 tháng`` → ``6``, ``năm`` → ``12``, ``ba (03) năm`` → ``36``) as the
    key of ``every_n_months``; None for a period not counted in months (``giờ``, ``ngày``, ``tuần``)."""
    per = words()["recurring"]["span_months"][" ".join(span.lower().split())]
    return str(number(amount.split("(")[0].strip()) * per if amount else per) if per else None


def _names_a_kind(text: str, match: re.Match[str]) -> bool:
    """Whether ``định kỳ`` and a frequency after a word that is a verb as often as a noun (``báo cáo``, ``kiểm tra``,
    ``họp``) name a kind of thing, not the time of a duty: after a word that makes it a noun (``chế độ báo cáo định kỳ
    hằng năm`` in a title, ``trong báo cáo định kỳ hàng năm``, ``kế hoạch kiểm tra định kỳ``), or in a heading that a
    colon ends (``1. Báo cáo định kỳ hằng năm về kết quả thực hiện cho vay:``). ``thực hiện chế độ báo cáo định kỳ
    hằng năm``, ``Hội đồng quản trị họp định kỳ hàng quý`` keep their frequency."""
    recurring = words()["recurring"]
    written = before(text, match.start()).lower()
    kind = next((k for k in recurring["periodic_not_after"] if written.endswith(k)), None)
    if kind is None:
        return False
    if written[: -len(kind)].rstrip().endswith(tuple(recurring["noun_markers"])):
        return True
    rest = re.match(r"[^.;\n]*", text[match.end() :])[0]
    return rest.rstrip().endswith(":")


def _adverbs(text: str, bare: bool) -> list[Deadline]:
    """English adverbs of frequency (``Annually, the Ministry …``, ``… shall periodically inspect …``): where they
    open a clause or stand in one that obliges, an adjective only where it can be no noun's (``report quarterly to``)."""
    g, found = _grammar(), []
    adverbs, usage = words()["recurring"]["adverbs"], words()["recurring"]["adverbs_words"]
    for match in g.adverb.finditer(text):
        written = " ".join(match[0].lower().split())
        following = FOLLOWING_WORD.match(text, match.end())
        follows = ((following[1] or "") if following else "").lower()
        if written in usage["adjectives"] and follows[:1].isalpha() and follows not in usage["followers"]:
            continue  # a monthly allowance, quarterly reports: a thing
        clause = re.split(r"[.;:\n]", before(text, match.start(), 200))[-1]
        if bare or opens_clause(text, match.start()) or g.obliged.search(clause):
            found.append(Deadline(match[0], "recurring", match.start(), match.end(), recurrence=adverbs[written] or None))
    return found


def first_duty_verb(text: str) -> int | None:
    """Where the first verb of a duty (``tổ chức``, ``báo cáo``, ``thực hiện`` …) stands in `text`; None without one."""
    found = _grammar().duty_verb.search(text)
    return found.start() if found else None


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
        in_year = _grammar().month_in_year.pattern.search(text)
        english = _grammar().english_day.pattern.search(text)
        day = _english_day(english) if english else None
        if day:
            return _next_day(after, [day[0]], lambda year, month: day[1])
        return _next_day(after, [int(in_year["month"])], _last_day) if in_year else None
    month = match["month"] or match["month2"]
    recurrence = _recurrence(match["freq"]) or _recurrence(match["freq0"])
    period, position = _period(match), (match["position"] or "").lower()
    if month:
        months = [int(month)]
    elif period == "quarterly" and position:
        months = [3, 6, 9, 12] if position == "cuối" else [1, 4, 7, 10]
    elif period == "yearly" and (position or not match["period"]):
        months = [12] if position == "cuối" else [1]
    elif recurrence == "monthly" or period == "monthly":
        months = list(range(1, 13))
    else:
        return None
    return _next_day(after, months, _last_day if match["last"] else lambda year, month: int(match["day"]))


def falls_due(kind: str | None, deadline: date | None, text: str | None, today: date) -> date | None:
    """The day a deadline row (its ``deadline_kind``, ``deadline``, ``deadline_text``) next falls due on or after
    `today`: its date when ``by_date``, the next day a recurring one names; None for the others and a date past."""
    if isinstance(deadline, datetime):  # a timestamp at midnight (DuckDB's DATE in pandas)
        deadline = deadline.date()
    if kind == "by_date":
        return deadline if isinstance(deadline, date) and deadline >= today else None
    return next_due(text, today) if kind == "recurring" and isinstance(text, str) else None


def _next_day(after: date, months: list[int], day_of: Callable[[int, int], int]) -> date | None:
    """The first day on or after `after`, this year or the next, in one of `months`, on the day `day_of(year,
    month)` names; a day the month does not have (31 in a month of 30 days, 29 February) is skipped."""
    for year in (after.year, after.year + 1):
        for month in months:
            try:
                due = date(year, month, day_of(year, month))
            except ValueError:
                continue
            if due >= after:
                return due
    return None


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _recurrence(written: str | None) -> str | None:
    return (words()["frequencies"].get(written.lower()) or None) if written else None


def _period(match: re.Match[str]) -> str | None:
    """The recurrence a month's place in a period gives: its scope's (``tháng cuối quý``: quarterly), monthly for the
    month after or of the report (``tháng sau``, ``tháng báo cáo``), none for a reporting period of any length."""
    if match["period"] is None:
        return None
    if match["scope"]:
        return words()["periods"]["scopes"][" ".join(match["scope"].lower().split())] or None
    return None if match["position"] else "monthly"
