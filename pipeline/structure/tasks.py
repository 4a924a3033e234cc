"""Tasks: the instructions of a document, each with its section and any deadline.

A task is a paragraph or list item (or a row of a task table) that tells someone to do something: every
paragraph inside a part that holds tasks (``NHIỆM VỤ, GIẢI PHÁP``, ``TỔ CHỨC THỰC HIỆN``, an article on
responsibilities …), and elsewhere a paragraph that assigns work in so many words (``chủ trì``, ``giao``,
``có trách nhiệm`` …) or opens with a body that a lead verb follows (``Sở Nội vụ tổ chức thẩm định …``). Its
deadlines are read by the language layer's deadline grammar, from its text and, in a task table, from the row's
time column (``Thời gian hoàn thành``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import NamedTuple

from pipeline.language.clauses import binds, body_start_of, lists_powers, names_a_doer, names_an_agent
from pipeline.language.deadline_words import alternatives, opens_clause, words
from pipeline.language.deadlines import (
    Deadline,
    column_unit,
    find_deadlines,
    is_time_column,
    is_time_line,
    is_time_value,
    read_time_value,
)
from pipeline.language.recurring import first_duty_verb
from pipeline.language.sessions import at_a_meeting
from pipeline.structure.lines import Line, fold_chars, vocabulary
from pipeline.structure.sections import Section, reads_as_heading

ASSIGNING = re.compile(
    r"\b(?:chủ trì|phối hợp|giao cho|[Gg]iao\s|có trách nhiệm|chịu trách nhiệm|[Đđ]ề nghị|[Yy]êu cầu|báo cáo"
    r"|tham mưu|chỉ đạo|theo dõi, đôn đốc|triển khai thực hiện|tổ chức thực hiện)\b"
)
GRANTED = re.compile(r"(?<!\w)(?:được(?!\s+(?:quy định|nêu))|ít nhất)(?!\w)")  # … granted or a target (được hưởng …)
SENTENCE_OPENING = re.compile(r"\s*[“\"]?\s*(?:[a-zđ]\d?\)|\d+(?:\.\d+)*\.?|[-+•*])?\s*$|.*[.;:]\s*$", re.DOTALL)
DUTY_VERB_REACH = 20  # characters after a frequency where the verb of its duty is looked for
MIN_TASK_CHARS = 25
MIN_TASK_WORDS = 3  # lower-case words: a line in capitals, an address or a contact line asks nothing
# The preamble's grounds (Căn cứ …; Theo đề nghị của …;): the line after one is the enacting formula (Bộ trưởng Bộ Khoa
# học và Công nghệ ban hành Thông quy định …, Thủ tướng Chính phủ ban hành tiêu chí …: whatever it enacts), or the
# ground itself going on where web text broke it (Căn cứ Nghị định số … của / Chính phủ quy định …).
GROUND_WORDS = r"Căn cứ|Theo đề nghị|Xét đề nghị"
ENACTS = r"^[^.;:]{3,80}\sban hành"  # … Thủ tướng Chính phủ ban hành
GROUNDS = re.compile(rf"^(?:{GROUND_WORDS})\b")
GROUND_ENDS = (";", ".", ":", ",")  # … of a ground's line whose sentence ends there
ENACTING = re.compile(rf"{ENACTS}\s")
NARRATIVE = re.compile(
    rf"^(?:Chuyển:\s*)?(?:Thực hiện|{GROUND_WORDS}|Ngày \d|Trên cơ sở)\b"
    rf"|{ENACTS}(?: (?:Nghị định|Quyết định|Thông tư|Nghị quyết|Chỉ thị|Luật|Pháp lệnh)\b|$)"
)  # narrative, or the enacting formula of a preamble (Chính phủ ban hành Nghị định …; web text may put the type on
# the next line: Thủ tướng Chính phủ ban hành / Quyết định quy định …)


@dataclass(frozen=True)
class Task:
    task_id: str
    section_id: str | None
    text: str
    char_start: int
    char_end: int
    deadlines: tuple[Deadline, ...] = field(default=(), compare=False)  # offsets in the document's text

    @property
    def deadline(self) -> str | None:
        """The first deadline's date (ISO), as the tasks table gives it."""
        return self.deadlines[0].columns()["deadline"] if self.deadlines else None

    @property
    def deadline_text(self) -> str | None:
        return self.deadlines[0].text if self.deadlines else None


TABLE_CELL = " | "  # how a task table's row reads in the text: its cells joined
TIME_CELL_REACH = 3  # lines after a task where a time cell on a line of its own is still its row's
TIME_CELL_MAX_CHARS = 80  # a cell of time limits alone is short (18 characters at most in the bulk corpus)


class TimeColumn(NamedTuple):
    """A task table's time column: its index among the row's cells and the unit its heading gives amounts in."""

    index: int
    unit: str | None = None


def deadlines_of(text: str, time_column: TimeColumn | None = None, issued: date | None = None) -> list[Deadline]:
    """The deadlines of a task's text, offsets in it; `time_column`: in a table row, the cell that gives the row's
    time (``6/2025``, ``Thường xuyên``), read as a time value in its heading's unit, the other cells as text."""
    cells = text.split(TABLE_CELL) if time_column is not None else []
    if time_column is None or time_column.index >= len(cells):
        return find_deadlines(text, issued)
    index = time_column.index
    offset = sum(len(cell) + len(TABLE_CELL) for cell in cells[:index])
    prose = TABLE_CELL.join(cells[:index] + [" " * len(cells[index])] + cells[index + 1 :])
    in_cell = [d.shifted(offset) for d in read_time_value(cells[index], time_column.unit)]
    return sorted(find_deadlines(prose, issued) + in_cell, key=lambda d: d.start)


def time_column(text: str) -> TimeColumn | None:
    """A task table heading row's time column (``TT | Tên nhiệm vụ | … | Thời gian hoàn thành``), with the unit
    its heading names (``Thời hạn giải quyết (Ngày làm việc)``)."""
    if TABLE_CELL not in text:
        return None
    cells = text.split(TABLE_CELL)
    index = next((i for i, cell in enumerate(cells) if is_time_column(cell)), None)
    return None if index is None else TimeColumn(index, column_unit(cells[index]))


@cache
def _task_part_words() -> tuple[str, ...]:
    return tuple(fold_chars(w) for w in vocabulary()["task_parts"])


@cache
def _no_task_part_words() -> tuple[str, ...]:
    return tuple(fold_chars(w) for w in vocabulary()["no_task_parts"])


@cache
def _no_task_heading_words() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The folded first words of a heading that lists no duties, and the folded words of a duty that undo it."""
    words = vocabulary()
    duties = "|".join(fold_chars(w) for w in words["heading_duty_words"])
    return tuple(fold_chars(w) for w in words["no_task_headings"]), re.compile(rf"\b(?:{duties})\b")


def _holds_no_tasks(section: Section) -> bool:
    """An article or part on scope, subjects or definitions (Đối tượng áp dụng …): its lines ask nothing."""
    heading = fold_chars(section.heading)
    return any(words in heading for words in _no_task_part_words())


def _lists_no_doers(section: Section) -> bool:
    """A part on one topic that lists who qualifies, who sits on a body, what a body is made of or what kinds there
    are (``2. Đối tượng xét tặng danh hiệu …:``, ``Thành phần Hội đồng …``, ``Điều 3. Cơ cấu tổ chức``): the lines
    right under it name bodies, not doers, unless one binds or assigns in so many words. Not a heading of several
    topics (``Đối tượng, tiêu chuẩn …``, ``Đối tượng và nghi thức …``) nor one that names a duty or a doer (``Đối tượng
    thực hiện báo cáo: …``)."""
    heading = fold_chars(section.heading)
    opening = heading[body_start_of(section.heading) :].rstrip(" :.")  # (folding keeps offsets)
    openings, duties = _no_task_heading_words()
    return (
        opening.startswith(openings)
        and not re.search(r",|\bva\b", opening)
        and not duties.search(opening)
    )


def _holds_tasks(section: Section) -> bool:
    """A part or article whose heading says it holds tasks (NHIỆM VỤ, TỔ CHỨC THỰC HIỆN, Trách nhiệm …)."""
    heading = fold_chars(section.heading)
    return section.is_heading and any(word in heading for word in _task_part_words())


def find_tasks(
    lines: list[Line],
    sections: list[Section],
    body: set[int],
    issued: date | None = None,
    instructions: Set[int] = frozenset(),
) -> list[Task]:
    """Tasks among the body lines (`body`: indices of lines that are neither header nor closing blocks);
    `issued`: the document's date (a date before it is a condition, not a deadline); `instructions`: the lines of
    an amending text's instructions, rows of the amendments table, no tasks unless they set a time."""
    enclosing = _Enclosing(sections)
    task_parts = {s.section_id for s in sections if _holds_tasks(s)}
    scope_parts = {s.section_id for s in sections if s.is_heading and _holds_no_tasks(s)}
    lists = {s.section_id for s in sections if s.is_heading and _lists_no_doers(s)}
    power_lists = {s.section_id for s in sections if s.is_heading and lists_powers(s.heading)}
    tasks: list[Task] = []
    column: TimeColumn | None = None  # the time column of the task table being read …
    width, broken = 0, False  # … how many cells its heading row has; whether other lines came since its last row
    last_line = -TIME_CELL_REACH - 1  # the line of the last task
    previous = ""  # the text of the line before
    grounding = False  # whether the line before belongs to a ground of the preamble whose sentence goes on
    for line in lines:
        text, ground, in_ground = line.stripped, previous, grounding
        if text:  # Căn cứ / Nghị định số … của / Chính phủ quy định …;: web text may break a ground over several lines
            grounding = bool(GROUNDS.match(text)) or (grounding and not previous.endswith(GROUND_ENDS))
        previous = text or previous
        row = TABLE_CELL in text
        if row and (heading := time_column(text)) is not None:
            column, width, broken = heading, text.count(TABLE_CELL), False
        elif row and broken and text.count(TABLE_CELL) != width:
            column = None  # another table; one as wide goes on after a page break or a heading between its parts
        broken = not row
        if (
            tasks and line.index in body and line.index - last_line <= TIME_CELL_REACH
            and len(text) <= TIME_CELL_MAX_CHARS and (is_time_value(text) or is_time_line(text))
        ):  # fmt: skip
            # a task table read one cell a line: the time cell after a row's task (… | Tháng 03/2026); a plan's time
            # line under its item (Thời gian: Quý III/2025)
            offset = line.start + line.text.index(text)
            cell = tuple(d.shifted(offset) for d in (read_time_value(text) if is_time_value(text) else find_deadlines(text)))
            tasks[-1] = replace(tasks[-1], deadlines=tasks[-1].deadlines + cell)
            continue
        if line.index not in body or len(text) < MIN_TASK_CHARS or not _reads_as_prose(text):
            continue
        if in_ground and (ENACTING.match(text) or not ground.endswith(GROUND_ENDS)):
            continue  # the enacting formula, or a ground broken over two lines: the preamble asks nothing
        start = line.start + line.text.index(text)
        holding = enclosing.at(start)
        section = max(holding, key=lambda s: s.level) if holding else None
        if any(s.section_id in scope_parts for s in holding):
            continue
        if (
            section is not None
            and (section.section_id in lists or (section.parent_id in lists and section.char_start == start))
            and not ASSIGNING.search(text) and not binds(text)
        ):  # fmt: skip
            continue  # 1. Vụ Công tác xây dựng văn bản quy phạm pháp luật. under Điều 3. Cơ cấu tổ chức: a unit listed
        deadlines = tuple(d.shifted(start) for d in deadlines_of(text, column if row else None, issued))
        limited = _sets_a_time_limit(text, tuple(d.shifted(-start) for d in deadlines), row and column is not None)
        if section is not None and _heads(section, start, text):
            if not limited:
                continue  # a heading names a part, it asks nothing (an article's first sentence may) …
            # … but a clause that sets a limit and lists what is due (2. Trong thời hạn 02 ngày làm việc kể từ …,
            # Tòa án phải gửi quyết định đó cho cá nhân, cơ quan sau đây:) is a duty
        if not deadlines and line.index in instructions:
            continue  # Thay thế cụm từ “…” bằng cụm từ “…” tại …; Bãi bỏ khoản 3 Điều 5: the amendments table's
        if not deadlines and any(s.section_id in power_lists for s in holding) and not binds(text):
            continue  # an item of a list of powers (Điều 4. Thẩm quyền chấp thuận …; … có quyền: a) Phạt cảnh cáo) is
            # a competence, unless it binds in so many words or sets a time (gold README)
        in_part = any(s.section_id in task_parts for s in holding)
        if not in_part and not limited and not _assigns_work(text):
            continue  # outside a task part a paragraph is a task if it assigns work in so many words or sets a limit
        tasks.append(
            Task(
                task_id=f"t{len(tasks) + 1}",
                section_id=section.section_id if section else None,
                text=text,
                char_start=start,
                char_end=start + len(text),
                deadlines=deadlines,
            )
        )
        last_line = line.index
    return tasks


def _heads(section: Section, start: int, text: str) -> bool:
    """Whether the line `text` at `start` is the heading of its innermost `section`: the line that opens it, or the
    heading printed on a line of its own under its label (``Điều 25.`` / ``Trách nhiệm của các đơn vị thuộc Ngân hàng
    Nhà nước``)."""
    if section.char_start == start:
        return reads_as_heading(text) and not text.endswith(".")
    return text.strip(" :.") == section.heading.strip(" :.")


def _sets_a_time_limit(text: str, deadlines: tuple[Deadline, ...], table_row: bool) -> bool:
    """Whether a paragraph's deadlines (offsets in `text`) make it a duty of its own: a limit counted from an event
    (``Trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, cơ quan …``) or a day that recurs (``…
    báo cáo trước ngày 15 hằng tháng``) binds whoever acts in it; so does any limit in a sentence that obliges
    (``Định kỳ 06 tháng phải kiểm tra …``, ``… phải hoàn thành … trước ngày 31 tháng 12 năm 2026``), and
    ``thường xuyên`` opening a clause, a meeting it is due at (``tại kỳ họp gần nhất``), (``a) Thường xuyên kiểm tra, nạo vét …``), a frequency before the verb of a duty
    (``Ngân hàng xây dựng và định kỳ rà soát, cập nhật kế hoạch …``), and a frequency opening a sentence
    (``Hằng tuần, Cục Thủy sản và Kiểm ngư rà soát …``, ``c) Định kỳ rà soát tài khoản …``) unless what follows is
    granted or a target (``Hằng năm, được hưởng 07 ngày nghỉ``, ``Hàng năm, có ít nhất 01 xuất bản phẩm``); a row
    of a table with a time column (``Thời hạn giải quyết``) is a task whatever its time cell holds."""
    if table_row and deadlines:
        return True
    for d in deadlines:
        if d.kind == "relative" or (d.kind == "recurring" and d.precision is not None):
            return True
        if d.kind == "ongoing" and opens_clause(text, d.start):
            return True
        if at_a_meeting(d):
            return True  # what is due at a meeting (trình Quốc hội … tại Kỳ họp thứ 10 (tháng 10/2025))
        if d.kind == "recurring" and first_duty_verb(text[d.end : d.end + DUTY_VERB_REACH]) == 0:
            return True  # … xây dựng và định kỳ rà soát, cập nhật kế hoạch; Doanh nghiệp … hằng năm báo cáo về …
        if d.kind == "recurring" and SENTENCE_OPENING.fullmatch(text[: d.start]):
            if not _granted(_rest_of_sentence(text, d.end)):
                return True  # Hằng tuần, Cục Thủy sản … rà soát …; d) Định kỳ hằng năm kiểm tra mức bức xạ …
        if _obliged().search(_sentence_at(text, d.start)):
            return True
    return False


@cache
def _obliged() -> re.Pattern[str]:
    """A word that obliges (``Định kỳ 06 tháng phải kiểm tra …``; ``… shall periodically inspect …``)."""
    return re.compile(rf"(?<!\w)(?:{alternatives(words()['exclusions']['obliged'])})(?!\w)", re.IGNORECASE)


def _granted(rest: str) -> bool:
    """Whether what follows a frequency grants or sets a target (``Hằng năm, được hưởng 07 ngày nghỉ``, ``Hàng năm,
    có ít nhất 01 xuất bản phẩm``) rather than a duty: ``được`` or ``ít nhất`` before any verb of a duty (``Hằng
    năm, tổ chức thu phí thực hiện quyết toán số tiền phí thu được …`` is a duty)."""
    grant = GRANTED.search(rest)
    verb = first_duty_verb(rest)
    return grant is not None and (verb is None or grant.start() < verb)


def _rest_of_sentence(text: str, offset: int) -> str:
    """`text` from `offset` to the end of its sentence (``.`` or ``;``)."""
    ends = [i for i in (text.find(".", offset), text.find(";", offset)) if i >= 0]
    return text[offset : min(ends, default=len(text))]


def _sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` (between ``.`` or ``;`` and the next) that holds `offset`."""
    start = max(text.rfind(".", 0, offset), text.rfind(";", 0, offset)) + 1
    ends = [i for i in (text.find(".", offset), text.find(";", offset)) if i >= 0]
    return text[start : min(ends, default=len(text))]


def _assigns_work(paragraph: str) -> bool:
    """Whether a paragraph outside a task part assigns work in so many words; one that opens with narrative
    (``Thực hiện Quyết định số …``) does so only in a later sentence (``Để có cơ sở tổng hợp, báo cáo Ủy ban nhân
    dân tỉnh, Sở Nội vụ đề nghị …``); so does a duty in the passive with its agent (``… theo mức do Chính phủ quy
    định.``)."""
    if NARRATIVE.match(paragraph):
        later = re.split(r"(?<=[.;])\s+(?=[A-ZĐ])", paragraph, maxsplit=1)[1:]
        return bool(later) and _assigns_work(later[0])
    return bool(ASSIGNING.search(paragraph) or names_a_doer(paragraph) or names_an_agent(paragraph))


def _reads_as_prose(text: str) -> bool:
    """Whether a line has words of a sentence, not only names, capitals and numbers (``VĂN PHÒNG CHÍNH PHỦ XUẤT
    BẢN``, ``Số 1, Hoàng Hoa Thám, Ba Đình, Hà Nội``)."""
    count = 0
    for word in text.split():  # counted up to the least that makes prose, not over the whole line
        word = word.strip(",.;:()")
        if word.isalpha() and word.islower():
            count += 1
            if count >= MIN_TASK_WORDS:
                return True
    return False


class _Enclosing:
    """The sections whose span holds an offset, found by bisection and the parent chain instead of a scan of every
    section (a scan per line made long documents quadratic)."""

    def __init__(self, sections: list[Section]):
        self._by_start = sorted(sections, key=lambda s: (s.char_start, s.level))
        self._starts = [s.char_start for s in self._by_start]
        self._by_id = {s.section_id: s for s in sections}

    def at(self, offset: int) -> list[Section]:
        """The sections holding `offset`: the last one opened before it and those of its ancestors still open."""
        position = bisect.bisect_right(self._starts, offset)
        holding: list[Section] = []
        seen: set[str] = set()
        for candidate in reversed(self._by_start[max(0, position - 1) : position]):
            section: Section | None = candidate
            while section is not None and section.section_id not in seen:
                seen.add(section.section_id)
                if section.char_start <= offset < section.char_end:
                    holding.append(section)
                section = self._by_id.get(section.parent_id) if section.parent_id else None
        return holding
