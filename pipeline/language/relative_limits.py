"""Time limits counted from an event: an amount, its unit and the event as written (``trong thời hạn 10 ngày làm
việc kể từ ngày nhận được hồ sơ``, ``chậm nhất sau khi kết thúc quý 15 ngày``, ``Trước thời điểm … ít nhất 60
ngày``); in a time value, ``Trong ngày`` (the same day). An amount alone is a limit only after a limit word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.language.dates import TIME_OF_DAY, WEEKDAY
from pipeline.language.deadline_words import (
    Deadline,
    alternatives,
    before,
    first_words,
    number,
    opening,
    opens_clause,
    unit,
    words,
)
from pipeline.language.english import is_english
from pipeline.language.gazetteer import known_spans
from pipeline.language.recurring import first_duty_verb
from pipeline.language.roles import role_cues
from pipeline.language.screens import Screened


LIST_ITEM_WORDS = 6  # the most syllables of one more item of a list in an event (tiếp thu ý kiến thẩm định)
# … and of one that opens with the head word of the item before it (cuộc thi viết, cuộc thi sáng tác tác phẩm văn học)
PARALLEL_ITEM_WORDS = 12
ANCHOR_WORDS = 40  # the most words of an anchor event (a text with no stop after it runs on)
COPULAS = ("là", "is")  # between a limit named as a sentence's subject and its amount (Thời hạn thẩm định là …; the time limit … is …)
WORD = re.compile(r"\S+")
# A note in brackets between an amount and its event (07 ngày làm việc (đối với lựa chọn nhà đầu tư quốc tế) trước ngày
# có thời điểm đóng thầu: 10 in 6 bulk documents): part of the limit's phrase, read on to the event.
NOTE = r"\([^()]{3,80}\)"
# The case an amount is set for, between it and the event it shares with the amounts of the other cases (tối thiểu là 10
# ngày đối với lựa chọn nhà đầu tư trong nước và 15 ngày đối với lựa chọn nhà đầu tư quốc tế trước ngày có thời điểm
# đóng thầu; 05 ngày làm việc (đối với …), 07 ngày làm việc (đối với …) trước ngày …: 12 in 5 bulk documents).
PER_CASE = r"(?:\([^()\d]{3,80}\)|đối với\s[^,.;:()\n\d]{3,80}?)"  # no amount in it: the next case's is not its own
# … one of a list of cases, each with its amount (12 tháng đối với khoáng sản nhóm I, nhóm II và 09 tháng đối với …)
LISTED_CASE = r"(?:\([^()\d]{3,80}\)|đối với\s[^.;:()\n\d]{3,80}?)"
# A clause that opens a sentence with the event of its limit (Sau khi tiếp nhận đầy đủ hồ sơ, …; Khi có căn cứ …, …)
OPENING_EVENT = re.compile(
    r"\s*[“\"]?\s*(?:[a-zđ]\d?\)|\d+(?:\.\d+)*\.?|[-+•])?\s*"
    r"(?P<event>(?:ngay\s+)?(?:(?:sau|trước)\s+)?khi\s[^,.;:()\n]{3,150}?)\s*,",
    re.IGNORECASE,
)
# `theo` before `quy định tại`: the rule an anchor event happens under (kể từ ngày nhận đủ hồ sơ theo quy định tại Điều 21
# của Luật này), written as part of the event; `quy định tại` alone (hồ sơ quy định tại khoản 1 Điều này) ends it.
THE_RULE = re.compile(r"(?<!\w)theo\s+$", re.IGNORECASE)
# What joins an anchor event to the duty after it (kể từ ngày kết thúc năm tài chính và phải thông báo …): no part of it.
TRAILING_JOINT = re.compile(r"(?:[\s,]+(?:và|hoặc|and|or))*[\s,]*$", re.IGNORECASE)
NEXT_DAY_WORDS = ("tiếp", "liền", "hôm")  # one of them in every next day (ngày làm việc tiếp theo, liền kề, ngày hôm sau)
DUTY_WORDS = ("phải", "có trách nhiệm", "chịu trách nhiệm", "shall", "must")
ITEM_JOINT = re.compile(r"(?<=\s)hoặc(?=\s)", re.IGNORECASE)  # between two items of a list in an event
POINTER = "sau đây"  # … các nội dung sau đây: the object of the duty, not an item of the event's list
NOTICE_UNITS = ("day", "working_day", "hour")  # units of a notice or a reply (months and years are terms)
CLOCK = re.compile(r"\s*(?:sáng|chiều|tối|đêm|trưa|\d)", re.IGNORECASE)  # trước 06 giờ sáng: a time of day
# … and hours on a day (Chậm nhất là 17 giờ 00 ngày 01/02/2026, 17 giờ của ngày làm việc tiếp theo, 16 giờ 30 phút,
# trước 10 giờ, thứ Hai, ngày 18/8/2025)
ON_A_DAY = re.compile(rf"\s*(?:phút|,?\s*(?:của\s+)?(?:ngày|{WEEKDAY}))", re.IGNORECASE)


@dataclass(frozen=True)
class _Grammar:
    relative: Screened
    relative_after: Screened
    anchor_first: Screened
    anchor_stop: re.Pattern[str]
    open_end: re.Pattern[str]
    running_on: re.Pattern[str]
    term: re.Pattern[str]
    bracket: re.Pattern[str]
    span_end: re.Pattern[str]
    next_case: re.Pattern[str]
    case_before: re.Pattern[str]
    named_limit: re.Pattern[str]
    extension: re.Pattern[str]
    overrun: re.Pattern[str]
    same_day: re.Pattern[str]
    next_day: Screened
    clause_start: re.Pattern[str]
    body_kind: re.Pattern[str]
    governed_kind: re.Pattern[str]
    kinds_start: re.Pattern[str]
    doer_verb: re.Pattern[str]
    condition: re.Pattern[str]
    case_governor: re.Pattern[str]
    topic_governor: re.Pattern[str]
    agent: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    d = words()
    amount = rf"(?<![\d:])(?P<amount>\d{{1,3}}|{alternatives(d['number_words'])})(?:\s*\([^)]{{1,20}}\))?"
    unit_words = rf"(?P<unit>{alternatives(d['units'])})"
    event_only = alternatives(d["event_anchors"])  # trước ngày 15/6 is a calendar day, not an event
    counted_from = alternatives(set(d["anchor_openers"]) - set(d["event_anchors"]))
    units = first_words(d["units"])
    event = rf"(?:(?:{event_only})\s+(?!ngày\s+\d)|(?:{counted_from})\s+)"  # the words an anchor event opens with
    return _Grammar(
        relative=Screened(
            re.compile(
                opening(d["relative_openers"], d["amount_limits"], d["least"], COPULAS, d["number_words"]) +
                rf"(?:(?P<opener>{alternatives(d['relative_openers'])})\s+)?(?:(?P<limit>{alternatives(d['amount_limits'] + d['least'])})"
                rf"\s+)?(?:(?:{'|'.join(COPULAS)})\s+)?{amount}\s*{unit_words}\b\s*,?\s*(?:{PER_CASE}\s*(?={event}))?(?P<anchor>{event}\S)?",
                re.IGNORECASE,
            ),
            units,
        ),
        relative_after=Screened(
            re.compile(
                rf"(?:chậm nhất|trong vòng|không quá)\s+(?P<anchor>sau khi [^,.;()]{{3,60}}?)\s+{amount}\s*{unit_words}\b",
                re.IGNORECASE,
            ),
            ("sau khi",),  # written with one space in the pattern
        ),
        anchor_first=Screened(
            re.compile(
                rf"(?P<anchor>(?:trước|sau)\s+(?:{alternatives(d['event_words'])})\s+[^,.;:()\d]{{3,80}}?)\s+"
                rf"(?P<least>{alternatives(d['least'])})(?:\s+là)?\s+{amount}\s*{unit_words}\b",
                re.IGNORECASE,
            ),
            first_words(d["least"]),
        ),
        open_end=re.compile(rf"(?<!\w)(?:{alternatives(d['anchor_open_ends'])})\s+$", re.IGNORECASE),
        anchor_stop=re.compile(
            rf"[.,;:()\n]|(?<=\s)(?:{alternatives(d['anchor_stops'])})\b|(?<=\s)(?:hoặc|và)\s+"
            rf"(?=(?:{alternatives(d['relative_openers'] + d['anchor_openers'] + d['second_limit_openers'])})\b|\d"
            rf"|(?:{alternatives(d['number_words'])})\s+(?:{alternatives(d['units'])})\b)",
            re.IGNORECASE,
        ),
        # A sentence or clause whose subject is a time limit (Thời hạn trả lời văn bản không quá 05 ngày làm việc; b) Thời
        # hạn giải quyết: 10 ngày; trường hợp phức tạp, thời hạn xử lý không quá 45 ngày; Nếu thuộc trường hợp đặc biệt …
        # thì thời hạn thụ lý hồ sơ là 05 ngày: 9 bulk documents), or the time of a duty (Thời gian
        # xây dựng báo cáo kết quả thanh tra không quá 20 ngày; not Thời gian vắng mặt …, Thời gian hỗ trợ …): the words
        # before its amount, no other amount among them (được gia hạn một lần không quá 05 ngày is an extension).
        named_limit=re.compile(
            r"(?:^|[.;,\n]|(?<!\w)thì)\s*(?:[a-zđ]\d?\)|\d+(?:\.\d+)*\.?|[-+•])?\s*"
            rf"(?:thời hạn|(?:the\s+)?time\s+limit|thời gian\s+(?:{alternatives(d['recurring']['duty_verbs'])}))(?:\s[^.;\n\d]*)?:?$",
            re.IGNORECASE,
        ),
        # The most a limit may be extended by (có thể gia hạn một lần không quá 25 ngày; thời hạn có thể kéo dài nhưng
        # không quá 30 ngày; thời hạn cung cấp có thể dài hơn nhưng không quá 15 ngày: 41 in 14 bulk documents).
        extension=re.compile(
            rf"(?<!\w)(?:{alternatives(d['extensions'])})(?:\s+(?:thêm|hơn))?(?:\s+(?:một|01|1)\s+lần)?(?:\s*,?\s*nhưng)?$",
            re.IGNORECASE,
        ),
        running_on=re.compile(
            rf"\s+(?:{alternatives(d['running_on'])})\b|\s*(?:{alternatives(d['amount_ranges'])})\s*(?:\d|(?:{alternatives(d['number_words'])})\b)",
            re.IGNORECASE,
        ),
        term=re.compile(rf"(?<!\w)(?:{alternatives(d['terms'])})(?:\s+(?:{alternatives(d['least'])}))?$", re.IGNORECASE),
        bracket=re.compile(  # the words before an amount that ends a range or passes a threshold
            rf"(?:(?<!\w)(?:{alternatives(d['thresholds'])})|(?<![\d,.])\d{{1,3}}\s*(?:(?:{alternatives(d['units'])})\s*)?"
            rf"(?:{alternatives(d['amount_ranges'])})(?:\s+(?:{alternatives(d['thresholds'])}))?)$",
            re.IGNORECASE,
        ),
        next_case=re.compile(  # … its case, and the amount of the next case after it
            rf"\s*(?P<case>{LISTED_CASE})\s*(?:,|và|hoặc)\s*(?=(?:\d{{1,3}}|{alternatives(d['number_words'])})\s*{unit_words}\b)",
            re.IGNORECASE,
        ),
        case_before=re.compile(  # the amount of a case and the case before the next amount
            rf"(?<![\d:])(?:\d{{1,3}}|{alternatives(d['number_words'])})\s*{unit_words}\s*{LISTED_CASE}\s*(?:,|và|hoặc)\s*$",
            re.IGNORECASE,
        ),
        span_end=re.compile(rf"\s(?:cho\s+)?(?:{alternatives(d['span_ends'])})\b", re.IGNORECASE),
        overrun=re.compile(rf"(?<!\w)(?<!không )(?:{alternatives(d['overrun'])})$", re.IGNORECASE),
        next_day=Screened(
            re.compile(
                rf"(?<!\w)(?:{alternatives(d['date_prefixes'])})\s+{TIME_OF_DAY}\s*,?\s*(?:của\s+)?"
                rf"(?P<day>{alternatives(d['next_days'])})(?!\w)",
                re.IGNORECASE,
            ),
            NEXT_DAY_WORDS,
        ),
        clause_start=re.compile(
            rf"(?:{alternatives(d['anchor_clause_starts'] + d['anchor_doer_kinds'] + role_cues()['leading_verbs'] + role_cues()['support_after'])})(?!\w)",
            re.IGNORECASE,
        ),
        body_kind=re.compile(rf"(?:{alternatives(d['anchor_governing_kinds'])})(?!\w)", re.IGNORECASE),
        governed_kind=re.compile(  # a kind of body a noun of the event takes (… của các cơ quan)
            rf"(?<!\w)(?:của|cho|với|từ)\s+(?:các\s+|những\s+)?(?:{alternatives(d['anchor_doer_kinds'] + d['anchor_governing_kinds'])})$",
            re.IGNORECASE,
        ),
        kinds_start=re.compile(rf"(?:{alternatives(d['anchor_doer_kinds'] + d['anchor_governing_kinds'])})(?!\w)", re.IGNORECASE),
        doer_verb=re.compile(
            rf"(?<!\w)(?:{alternatives(DUTY_WORDS + tuple(role_cues()['decision_verbs'] + role_cues()['requesting_verbs'] + role_cues()['report_verbs']))})(?!\w)",
            re.IGNORECASE,
        ),
        condition=re.compile(rf"(?<!\w)(?:{alternatives(d['from_then_conditions'])})(?!\w)", re.IGNORECASE),
        case_governor=re.compile(rf"(?<!\w)(?:{alternatives(d['anchor_case_governors'])})(?!\w)", re.IGNORECASE),
        topic_governor=re.compile(rf"(?<!\w)(?:{alternatives(d['anchor_topic_governors'])})(?!\w)", re.IGNORECASE),
        agent=re.compile(  # … to the verb that ends its clause (not cấp in Ủy ban nhân dân cấp xã chuyển đến)
            rf"[^.;:()\n]{{1,100}}?\s(?:{alternatives(d['anchor_agent_verbs'])})"
            r"(?=\s*(?:[,.;:()\n]|$)|\s+(?:theo|và|hoặc)(?!\w))",
            re.IGNORECASE,
        ),
        same_day=re.compile(
            rf"(?<!\w)(?:{alternatives(d['values']['same_day'])})(?!\s+(?:làm việc|\d))\b", re.IGNORECASE
        ),
    )


def relative_limits(text: str, bare: bool = False) -> list[Deadline]:
    """The limits counted from an event in `text`; `bare`: a time value (a task table's time cell), where an
    amount of days with no event is a limit too and ``Trong ngày`` is the same day."""
    g, found = _grammar(), []
    next_cases: set[int] = set()  # where the amounts of the next cases of a limit taken start
    for match in g.relative.finditer(text):
        opener = (match["opener"] or "").lower()
        limit = " ".join((match["limit"] or "").lower().split())
        if not opener and not limit and match.start() not in next_cases and g.case_before.search(before(text, match.start())):
            continue  # the amount of a later case of a list whose first is no limit (tối thiểu 03 tháng đối với nợ trung
            # và dài hạn, 01 tháng đối với nợ ngắn hạn kể từ ngày bắt đầu trả nợ: a span of good standing)
        shared = None if match["anchor"] else _shared_event(text, match)
        if unit(match["unit"]) == "hour" and (CLOCK.match(text, match.end("unit")) or ON_A_DAY.match(text, match.end("unit"))):
            continue  # a time of day, no amount of hours (Chậm nhất là 17 giờ 00 ngày 01 tháng 02 năm 2026)
        if bare and not match["anchor"] and (
            text.count("(", 0, match.start()) > text.count(")", 0, match.start())
            or unit(match["unit"]) not in ("day", "working_day", "hour")
        ):
            continue  # a time value's own note (Trong ngày (… sau 15 giờ)); 6 tháng in a time value is a frequency
        if not match["anchor"] and not shared and not bare and not _limit_alone(text, match):
            continue  # an amount alone is a duration (trong 6 tháng đầu năm, trong vòng 05 năm liên tiếp), not a limit
        if not opener and g.overrun.search(before(text, match.start())):
            continue  # a limit run out: a condition or an offence (Quá 05 ngày kể từ ngày hết hạn mà không …)
        if limit in _least_only() and not _before_an_event(match, shared):
            continue  # a minimum span (niêm yết ít nhất là 15 ngày, kể từ ngày niêm yết), no time to act by
        if not opener and (match["anchor"] or "").lower().startswith(tuple(words()["compared_to"])):
            continue  # an overrun measured against a limit (chậm dưới 30 ngày so với thời hạn quy định)
        if _looks_back(match, opener, limit):
            continue  # a span looked back on (trong thời gian 12 tháng tính đến thời điểm chất vấn; ảnh chụp trong thời hạn
            # không quá 06 tháng tính đến ngày nộp hồ sơ)
        if g.running_on.match(text, match.end("unit")):
            continue  # a span that runs on, is looked back on or opens a range (03 năm liên tục; 03 tháng đến 06 tháng)
        if not opener and not limit and g.bracket.search(before(text, match.start())):
            continue  # a bracket a thing is classed by (Từ 16 đến 30 ngày sau thời hạn thanh toán; nợ phải trả trên 12 tháng …)
        if g.term.search(before(text, match.start())):
            continue  # how long a licence holds or a record is kept (có thời hạn 06 tháng kể từ ngày cấp)
        if unit(match["unit"]) == "year" and not opener:
            continue  # years counted from an event with no limit word are a term (50 năm tính từ ngày giao đất)
        if unit(match["unit"]) == "year" and opener in ("trong", "trong vòng") and (match["anchor"] or "").lower().startswith("trước"):
            continue  # years before an event are looked back on (đã được tặng trong vòng 05 năm trước thời điểm nghỉ hưu)
        end = match.start() + len(match[0].rstrip(" ,"))
        anchor = None
        if shared:
            anchor, end, following = shared
            next_cases.add(following)
        if match["anchor"]:
            anchor, end = _anchor_of(text, match)
            if g.span_end.search(anchor) and not anchor.lower().startswith(tuple(words()["back_to"])):
                continue  # measured from one point to another (… 03 năm kể từ ngày sản xuất đến ngày mở tờ khai)
        if opener in words()["from_then"] and limit not in words()["amount_limits"] and not _closes_a_duty(text, match, end):
            continue  # when something starts or may happen (Sau 12 tháng kể từ thời điểm ký hợp đồng, nếu …)
        if unit(match["unit"]) == "year" and _grants(text, match.start(), end):
            continue  # how long a right or a bar holds (chỉ được chuyển nhượng … trong thời hạn 05 năm kể từ ngày …)
        anchor = anchor or _opening_event(text, match.start())
        amount, named = in_contract_units(number(match["amount"]), unit(match["unit"]))
        start = match.start() if opener or limit else match.start("amount")  # Thời hạn thẩm định là 20 ngày
        found.append(
            Deadline(text[start:end], "relative", start, end, relative_amount=amount, relative_unit=named,
                     relative_anchor=anchor)  # fmt: skip
        )
    for match in g.next_day.finditer(text):  # Chậm nhất 17 giờ của ngày làm việc tiếp theo: one day on, at a time
        found.append(
            Deadline(match[0], "relative", match.start(), match.end(), relative_amount=1,
                     relative_unit=words()["next_days"][" ".join(match["day"].lower().split())])  # fmt: skip
        )
    if bare:  # Trong ngày (…): the same day
        found += [Deadline(m[0], "relative", m.start(), m.end(), relative_amount=0, relative_unit="day")
                  for m in g.same_day.finditer(text)]  # fmt: skip
    for match in [*g.relative_after.finditer(text), *g.anchor_first.finditer(text)]:
        if _waits(match):
            continue  # a wait after an event (chỉ xét tặng … sau khi … được nhận Kỷ niệm chương thứ nhất ít nhất 03 năm)
        amount, named = in_contract_units(number(match["amount"]), unit(match["unit"]))
        found.append(
            Deadline(match[0], "relative", match.start(), match.end(), relative_amount=amount, relative_unit=named,
                     relative_anchor=match["anchor"])  # fmt: skip
        )
    return found


def _anchor_of(text: str, match: re.Match[str]) -> tuple[str, int]:
    """The anchor event of a limit's match as written (:func:`_anchor_end`), and where it ends."""
    anchor_start = match.start("anchor")
    end = min(_anchor_end(text, match.end("anchor")), _word_limit(text, anchor_start, ANCHOR_WORDS))
    anchor = TRAILING_JOINT.sub("", text[anchor_start:end])  # … kể từ ngày kết thúc năm tài chính và phải …
    return anchor, anchor_start + len(anchor)


def _shared_event(text: str, match: re.Match[str]) -> tuple[str, int, int] | None:
    """The event an amount set for one case shares with the amounts of the next cases, written once after the last
    (``tối thiểu là 10 ngày đối với lựa chọn nhà đầu tư trong nước và 15 ngày đối với … quốc tế trước ngày có thời
    điểm đóng thầu``), where the amount's own case ends (its phrase) and where the next case's amount starts; None
    when no such list follows it."""
    g = _grammar()
    case = g.next_case.match(text, match.end("unit"))
    following = g.relative.pattern.match(text, case.end()) if case else None
    if following is None or following["opener"] or following["limit"]:
        return None
    event = _anchor_of(text, following)[0] if following["anchor"] else (_shared_event(text, following) or (None,))[0]
    return (event, case.end("case"), following.start()) if event else None


def in_contract_units(amount: int, named: str) -> tuple[int, str]:
    """An amount in the units of the output contract (``day``, ``working_day``, ``hour``, ``month``): years as 12
    months, weeks as 7 days (``ít nhất 03 năm``, ``tối thiểu 2 tuần``), as the gold converts a unit it has none for."""
    return {"year": (amount * 12, "month"), "week": (amount * 7, "day")}.get(named, (amount, named))


def _opening_event(text: str, start: int) -> str | None:
    """The event a limit with none of its own is counted from: a ``Khi …``, ``Sau khi …`` or ``Trước khi …`` clause
    that opens its sentence (``Sau khi tiếp nhận đầy đủ hồ sơ, trong thời hạn 02 ngày làm việc, Ủy ban … gửi``;
    ``Khi nhận được đề xuất của Công an cấp xã, trong thời hạn 03 ngày làm việc, Chủ tịch …``), as written."""
    sentence = max(text.rfind(mark, 0, start) for mark in ".;:\n") + 1
    opening = OPENING_EVENT.match(text, sentence, start)
    return opening["event"] if opening else None


def _limit_alone(text: str, match: re.Match[str]) -> bool:
    """Whether an amount with no event counted from is a limit: after a limit word (``trong thời hạn 10 ngày``,
    ``chậm nhất 03 ngày``), or working days after ``trong`` (``báo cáo Bộ Tài chính trong 03 ngày làm việc``: an
    office's days are a time to act); years never are (days that run on are a span: read before)."""
    opener, named = (match["opener"] or "").lower(), unit(match["unit"])
    if named == "year":
        return False
    if opener.startswith(tuple(words()["alone"])):
        return True
    if named in NOTICE_UNITS and _named_limit(text, match):
        return True  # the limit a sentence names (Thời hạn thẩm định là 10 ngày làm việc; … không quá 03 ngày làm việc)
    if named in NOTICE_UNITS and opener in ("không quá", "tối đa"):
        return _grammar().extension.search(before(text, match.start())) is not None  # … gia hạn một lần không quá 25 ngày
    if opener == "trước" and named in NOTICE_UNITS:
        return not CLOCK.match(text, match.end("unit"))  # a notice: thông báo … biết trước 03 ngày làm việc
    return opener == "trong" and named == "working_day"


def _named_limit(text: str, match: re.Match[str]) -> bool:
    """Whether an amount is the first one of a sentence whose subject is a time limit and stands right after its
    verb (``Thời hạn trả lời văn bản không quá 05 ngày làm việc``, ``Thời hạn thẩm định là 10 ngày làm việc``,
    ``Thời hạn giải quyết: 10 ngày``)."""
    written = before(text, match.start(), 160)
    direct = (match["opener"] or "").lower() in ("không quá", "tối đa") or match[0].lower().startswith(COPULAS)
    return (direct or written.endswith(":")) and _grammar().named_limit.search(written) is not None


def _before_an_event(match: re.Match[str], shared: tuple[str, int] | None = None) -> bool:
    """Whether a least amount is a notice before an event (``tối thiểu 03 ngày làm việc trước ngày dự kiến …``,
    ``trước ít nhất 24 giờ``), not a minimum span (``trong thời hạn tối thiểu là 10 ngày``) nor a wait after one
    (``ít nhất là 12 tháng sau ngày kết thúc kỳ kế toán``)."""
    anchor = (match["anchor"] or (shared[0] if shared else "")).lower()  # `shared`: the event of the next cases
    return (match["opener"] or "").lower() == "trước" or anchor.startswith(tuple(words()["notice_anchors"]))


def _looks_back(match: re.Match[str], opener: str, limit: str) -> bool:
    """Whether an amount counted back to a point is a span looked back on, an age or a validity (``không quá 03 tháng
    tính đến thời điểm nộp hồ sơ``, ``trong vòng 03 năm tính đến thời điểm đề nghị khen thưởng``), not a notice due
    so long before it (``chậm nhất trước 20 ngày làm việc tính đến ngày …``, ``trước 10 ngày tính đến ngày …``)."""
    if not (match["anchor"] or "").lower().startswith(tuple(words()["back_to"])):
        return False
    return not {opener, limit} & set(words()["notice_anchors"])


def _grants(text: str, start: int, end: int) -> bool:
    """Whether the sentence of a limit (`start`–`end`) grants or forbids outside it (``chỉ được chuyển nhượng``,
    ``không được cấp Giấy phép``) with no word of a duty (``phải``, ``có trách nhiệm``)."""
    clause = (re.split(r"[.;:\n]", before(text, start, 200))[-1] + " " + re.match(r"[^.;\n]*", text[end:])[0]).lower()
    return re.search(rf"(?<!\w)(?:{alternatives(words()['grants'])})(?!\w)", clause) is not None and not any(
        re.search(rf"(?<!\w){duty}(?!\w)", clause) for duty in DUTY_WORDS
    )


def _waits(match: re.Match[str]) -> bool:
    """Whether an event named first is followed by a least amount that is a wait after it (``sau khi … ít nhất 03
    năm``), not a notice before it (``Trước thời điểm … hết hạn ít nhất 60 ngày``) nor a limit (``chậm nhất``)."""
    least = " ".join((match.groupdict().get("least") or "").lower().split())
    return least in _least_only() and not match["anchor"].lower().startswith(tuple(words()["notice_anchors"]))


def _closes_a_duty(text: str, match: re.Match[str], end: int) -> bool:
    """Whether days counted after an event are the time of a duty: they end its clause (``ý kiến … được gửi tới tập
    đoàn sau 03 ngày làm việc kể từ ngày nhận được hồ sơ.``) or open it, the event ending at a comma before its doer
    (``2. Sau 10 ngày làm việc, kể từ ngày có quyết định thu hồi giấy phép, cơ quan cấp giấy phép thông báo …``);
    not when a condition goes on after them (``Sau 60 ngày kể từ khi thông báo, nếu …``; ``… sau 30 ngày kể từ ngày
    gửi thông báo mà …``; ``Sau 30 ngày kể từ ngày … nhưng … thì …``), nor months (a term)."""
    if not match["anchor"] or unit(match["unit"]) not in NOTICE_UNITS:
        return False
    if opens_clause(text, match.start()):
        sentence = re.match(r"[^.;\n]*", text[end:])[0]
        return sentence.startswith(",") and not _grammar().condition.search(sentence)
    return re.match(r"\s*(?:[.;]|$)", text[end:]) is not None


@cache
def _least_only() -> frozenset[str]:
    """Words of a least amount that are no limit word of their own (ít nhất, tối thiểu; chậm nhất is one)."""
    return frozenset(words()["least"]) - frozenset(words()["amount_limits"])


def _anchor_end(text: str, start: int) -> int:
    """Where an anchor event as written ends: the event's noun phrase runs to its clause's end. That is
    punctuation (``.;:()``, a line break) or a word that opens what is to be done (``có
    trách nhiệm``, ``thì``, ``quy định tại``), unless it stands after a word no event ends with (``kể từ khi cơ quan có
    thẩm quyền yêu cầu``, ``… hồ sơ theo quy định tại …``). A comma ends it before a new clause but not inside a list
    of the event (:func:`_listed_item`).
    ``hoặc`` or ``và`` before a second limit or event (``… hoặc 10 ngày kể từ ngày …``, ``hoặc tại thời điểm …``)
    ends it, ``hoặc`` before anything else joins two items of the event (``… được công bố hoặc gửi cho đối tượng thanh
    tra``); a bracket ends it: what follows is as often a note as more of the event. What joins the event to the duty
    after it (``kể từ ngày kết thúc năm tài chính và phải thông báo …``) is no part of it."""
    g = _grammar()
    position = start
    while stop := g.anchor_stop.search(text, position):
        position = stop.end()
        if stop[0][0].isalpha() and g.open_end.search(text, max(0, stop.start() - 20), stop.start()):
            continue  # the event's own noun: kể từ ngày nhận được thông báo của cơ quan chuyên môn …
        if stop[0].lower().startswith("quy") and THE_RULE.search(text, max(0, stop.start() - 8), stop.start()):
            continue  # the rule the event happens under is part of it: … hồ sơ theo quy định tại Điều 21 của Luật này
        if stop[0] == "," and (item_end := _listed_item(text, stop.end(), text[start : stop.start()])):
            position = item_end  # … past a kind of body that would stop the event (…, đơn vị, doanh nghiệp trực thuộc …)
            continue
        if stop[0].lower().startswith("đối") and g.case_governor.search(text, start, stop.start()):
            continue  # a noun of the event takes it: … tham gia ý kiến đối với khoản cho vay ra nước ngoài
        if stop[0].lower().startswith("về") and g.topic_governor.search(text, start, stop.start()):
            continue  # what a document of the event is about: … văn bản của Cơ quan có thẩm quyền về việc không cấp lại
        if stop[0].lower() == "do" and (agent := g.agent.match(text, stop.end())):
            position = agent.end()  # who hands the event's thing over: … hồ sơ do Ủy ban nhân dân cấp xã chuyển đến
            continue
        return stop.start()
    return len(text)


def _listed_item(text: str, start: int, event: str) -> int | None:
    """Where the words after a comma of an `event` end when they are one more item of a list in it (``của Ủy ban
    nhân dân xã, phường, thị trấn``; ``hồ sơ lấy ý kiến, đề nghị kiểm tra, thẩm định``): a few words up to the next comma,
    ``hoặc`` or a word that ends an event, that open no new clause (a capital, a kind of body, a lead verb: ``…, Sở
    Tư pháp ra quyết định``, ``…, cơ quan tiếp nhận phải …``; ``…, căn cứ …``) and are no subject of a duty. A kind
    of body is an item only where the event names a body (``ý kiến của bộ, ngành chủ quản``), else it is a doer
    (``… hồ sơ đề xuất hợp lệ, bộ, cơ quan ngang bộ … có trách nhiệm``); None when they are not."""
    g = _grammar()
    stop = g.anchor_stop.search(text, start)
    if stop and not text[start : stop.start()].strip() and g.kinds_start.match(text, stop.start()):
        stop = g.anchor_stop.search(text, stop.end())  # a kind of body that stops an event opens the item (…, đơn vị, …)
    item = ITEM_JOINT.split(text[start : stop.start() if stop else len(text)], maxsplit=1)[0]
    end = start + len(item.rstrip())
    words = item.split()  # … to the next comma or `hoặc` (của chủ đầu tư, nhà đầu tư hoặc …: one more item, nhà đầu tư)
    parallel = (
        bool(words) and words[0].lower() in {w.lower() for w in event.split()[-LIST_ITEM_WORDS:]}
        and first_duty_verb(" " + " ".join(words)) is None
    )  # … no doer with its verb (…, tác giả hoàn thành tác phẩm và gửi …; …, hải quan nơi đăng ký … kiểm tra)
    kindred = bool(words) and _kindred(event, words, text, start)
    most = PARALLEL_ITEM_WORDS if parallel or kindred else LIST_ITEM_WORDS
    if not words or len(words) > most or (stop and " ".join(stop[0].lower().split()) in (*DUTY_WORDS, POINTER)):
        return None  # … the subject of a duty (…, người nộp hồ sơ phải …), its object (…, phòng giao dịch các nội dung sau đây)
    item = " ".join(words)
    if kindred and first_duty_verb(" " + item) is None and not g.doer_verb.search(item):
        return end  # … of the same kind as the word before the comma, with no verb of a doer
    if words[0][0].isupper() or words[0][0].isdigit() or g.clause_start.match(item) or is_english(event):
        return None
    return end if not g.body_kind.match(item) or re.search(r"(?<!\w)của\s", event) is not None else None


def _kindred(event: str, item: list[str], text: str, start: int) -> bool:
    """Whether the words after a comma of an `event` (at `start` in `text`) go on with what its last words are: the
    numbers of a cited provision (``theo quy định tại khoản 1, 2 Điều 13``), a known body whose name holds the comma
    (``của Bộ Văn hóa, Thể thao và Du lịch``), or a second kind of body where a noun of the event takes the first
    (``của tổ chức, cá nhân về sản phẩm …``, ``ý kiến của các cơ quan, đơn vị có liên quan``)."""
    g = _grammar()
    if re.search(r"(?<!\w)(?:khoản|điểm|điều|mục)\s+\w{1,3}$", event, re.IGNORECASE):
        return bool(re.fullmatch(r"\d{1,3}|[a-zđ]", item[0]))
    if item[0][:1].isupper():
        tail = max(0, start - 60)
        return any(s < start - 1 - tail < e for s, e in known_spans(text[tail : start + 60]))
    return g.governed_kind.search(event) is not None and g.kinds_start.match(" ".join(item)) is not None


def _word_limit(text: str, start: int, count: int) -> int:
    """Where the `count`-th word from `start` ends (the text's end when it has fewer), read no further."""
    for number_of, word in enumerate(WORD.finditer(text, start), 1):
        if number_of == count:
            return word.end()
    return len(text)
