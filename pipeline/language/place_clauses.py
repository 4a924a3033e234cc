"""The ``nơi …`` clause after a body's name, which says which one of its kind is meant (``Ủy ban nhân dân cấp xã nơi
cư trú``): where it ends, and the name with it."""

from __future__ import annotations

import re

from pipeline.language.clause_words import MAX_QUALIFIER_WORDS, clause_patterns
from pipeline.language.name_grammar import begins_name
from pipeline.language.roles import cue

PLACE_END = re.compile(r"[,;:.()]|\s(?:để|và|hoặc|về|làm)\s")  # … nơi đặt trụ sở chi nhánh | (hoặc nơi …)
NOT_BEFORE_PLACE = {"tới", "đến", "tại", "ở", "từ", "về"}  # … tới | nơi …: "nơi" is the place gone to, no qualifier
NOT_A_PLACE_PART = re.compile(
    r"(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|đại\s+diện|phải|được|thì|theo|trong|khi|và|hoặc"
)  # nơi chuyển đến, | có trách nhiệm …: no part of the place clause
PLACE_PART_CLOSES = re.compile(r"\s(?:được|phải|có|đã|sẽ|là|thì)(?=\s|$)")
PLACE_PART_WORDS = 4  # nơi đặt trụ sở chi nhánh, | phòng giao dịch |: a part of the place clause, not a clause
PLACE_VERBS = ("lead_after", "lead_next", "duty", "support_after", "powers_after", "report")  # … nơi cư trú | thực hiện


def with_its_place(clause: str, start: int, name: str) -> str:
    """A body's name with the ``nơi …`` clause that says which one of its kind is meant (``Ủy ban nhân dân cấp xã |
    nơi cư trú của người được giám hộ | thực hiện …``, ``báo cáo Ngân hàng Nhà nước chi nhánh Khu vực | nơi đặt trụ
    sở chi nhánh``), up to the verb, the punctuation or ``để`` that ends it, when that is near (gold README)."""
    end = start + len(name)
    place = clause_patterns()["place"].match(clause, end)
    if not place or name.split()[-1] in NOT_BEFORE_PLACE:  # Đoàn xe tới | nơi an táng: a place it goes to
        return name
    verb_from = clause.find(" ", place.end())  # its own verb may open it (nơi | tổ chức lễ tang | làm đại diện …)
    stop = _place_stop(clause, place.end(), verb_from)
    while (more := _place_continued(clause, stop)) and len(clause[place.end() : more].split()) <= MAX_QUALIFIER_WORDS:
        stop = more  # nơi đặt trụ sở chi nhánh, | phòng giao dịch; nơi đặt cơ sở sản xuất, | đăng ký kinh doanh
    words = clause[place.end() : stop].split()
    return clause[start:stop].rstrip() if 1 <= len(words) <= MAX_QUALIFIER_WORDS else name


def _place_stop(clause: str, start: int, verb_from: int) -> int:
    """Where the ``nơi …`` clause that opens at `start` ends: at punctuation, ``để``/``và``/``hoặc`` or its verb."""
    stops = [m.start() for m in (PLACE_END.search(clause, start),) if m]
    stops += [m.start() for c in PLACE_VERBS if verb_from > 0 and (m := cue(c).search(clause, max(verb_from, start)))]
    return min(stops, default=len(clause))


def _place_continued(clause: str, stop: int) -> int | None:
    """The new end of a ``nơi …`` clause that a comma at `stop` only breaks into a short list of its own places or
    acts (``nơi đặt trụ sở chi nhánh, phòng giao dịch``; ``nơi đặt cơ sở sản xuất, đăng ký kinh doanh``; ``nơi nhân
    sự dự kiến đã, đang công tác``): a lower-case part of at most PLACE_PART_WORDS words that no body's name opens,
    followed by what ends the clause (gold README: the ``nơi …`` wording is the name's)."""
    if clause[stop : stop + 2] != ", " or not clause[stop + 2 : stop + 3].islower():
        return None
    after = clause[stop + 2 :]
    seat = " trụ sở " in clause[:stop]  # nơi đặt trụ sở chi nhánh, | phòng giao dịch: the units that have the seat
    if not seat and (begins_name(after) or begins_name(after[:1].upper() + after[1:])):
        return None  # nơi cư trú, | đơn vị quân đội được giao quản lý …: the next body of a list
    if NOT_A_PLACE_PART.match(after):
        return None  # nơi chuyển đến, | có trách nhiệm …; nơi có trường giáo dưỡng, | đại diện thân nhân
    end = _place_stop(clause, stop + 2, stop + 1)
    if closing := PLACE_PART_CLOSES.search(clause, stop + 2, end):
        end = closing.start()  # nơi bị can, bị cáo | được …: the sentence's own verb
    return end if 1 <= len(clause[stop + 2 : end].split()) <= PLACE_PART_WORDS else None
