"""Assignments: who leads, who supports and who is reported to, for every task.

The language layer reads the words (:mod:`pipeline.language.clauses` the clauses, :mod:`pipeline.language.names`
the names of bodies); this stage puts a document's parts together: the role a list part or a task table's column
gives, the bodies a heading names, and the lines of a role list that no task holds.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pipeline.language.clauses import (
    LIST_MARKER,
    TABLE_CELL,
    Mention,
    blank_inserted,
    body_start_of,
    clause_mentions,
    column_roles,
    grants_powers,
    handers,
    heading_subjects,
    inherited_role,
    names_the_parties,
    opens_with_request,
    role_of_heading,
)
from pipeline.language.english import english_collective, is_english_name
from pipeline.language.levels import Place, is_one_ministry
from pipeline.language.lists import spell_out_shared_kinds
from pipeline.language.name_ends import at_a_written_name
from pipeline.language.name_grammar import is_collective
from pipeline.language.names import canonical_name, names
from pipeline.language.roles import cue, role_cues
from pipeline.language.short_names import defined_short_names, expanded
from pipeline.structure.holding import Holders

if TYPE_CHECKING:
    from pipeline.structure.sections import Section
    from pipeline.structure.tasks import Task

ROLE_LABEL = re.compile(r"(?P<label>[^:;.]{3,40}):\s*")  # Cơ quan chủ trì: Bộ Quốc phòng; Bộ Tài chính.
# A task table read one cell a line (web text puts each cell of a row on its own line): the header opens with the
# number column, and each row with its number.
NUMBER_COLUMN = re.compile(r"S?TT", re.IGNORECASE)
ROW_NUMBER = re.compile(r"\d{1,3}\.?")
GROUP_ROW = re.compile(r"[IVX]{1,5}\.?")
MAX_COLUMNS = 12
SUBJECT_REACH = 400  # characters from a lead where the list of bodies it opens is read (the subject of its verb)
LEADING_SPACE = re.compile(r"\s*")
REQUEST_REACH = 12  # characters before a body where the request that names it is looked for (… Yêu cầu | X)


@dataclass(frozen=True)
class Assignment:
    task_id: str
    assignee: str
    assignee_canonical: str
    role: str  # lead, support, report_to
    collective: bool
    char_start: int
    char_end: int


def assign_tasks(text: str, sections: list[Section], tasks: list[Task], place: Place | None) -> list[Assignment]:
    """Assignments of every task of a document (`text`), with what its place in the document adds: the role a
    list part (``a) Cơ quan chủ trì``) or a task table's header row gives the bodies under it, and the bodies a
    heading is about (``Điều 28. Trách nhiệm của Bộ Khoa học và Công nghệ``, ``2. Bộ Tài chính:``), which lead
    every task under it (support one that opens ``Phối hợp``). The lines of a list part that are no task of
    their own (``- Bộ Quốc phòng.``) name the bodies of the task before them."""
    by_id = {s.section_id: s for s in sections}
    headers = [
        (m.start(), roles)
        for m in re.finditer(r"^.* \| .*$", text, re.MULTILINE)
        if (roles := column_roles(m.group(0)))
    ]
    cells = _cells_in_role_columns(text)
    found = []
    for task in tasks:
        hint, subjects = _part_role(by_id, task.section_id, task.char_start), []
        hint = cells.pop(task.char_start, hint)  # a cell of a lead or partner column, a task of its own
        section = by_id.get(task.section_id or "")
        role = inherited_role(task.text)  # none for a right (Được yêu cầu …): no body of a heading takes it
        own = find_assignments(task.task_id, task.text, task.char_start, place, hint, _columns(headers, task))
        if _opens_with_a_lead(task, own):
            role = None  # 1. The Ministry of Transport shall …: the item's own subject, not the heading's body, leads
        if role:
            subjects = _heading_bodies(text, by_id, section, task, role, place)
        found += subjects
        if subjects and opens_with_request(task.text):
            # Điều 21. Trách nhiệm của Giám đốc … / 3. Yêu cầu Thanh tra … tiến hành thanh tra …: a power of the
            # heading's body, which gives the body it asks no task (gold README)
            own = [a for a in own if a.role != "lead"]
        if _under_powers(by_id, task.section_id):
            # Điều 4. Thẩm quyền chấp thuận … / 1. Thống đốc Ngân hàng Nhà nước xem xét, chấp thuận …: a power, unless a
            # time limit makes it a duty; Điều 4. Quyền của chủ thể giám sát / 1. Yêu cầu cơ quan … báo cáo …: the
            # holder's right, which gives the body asked no task (gold README)
            own = [a for a in own if a.role != "lead" or not _asked_under_powers(text, a, bool(task.deadlines))]
        if not task.deadlines:
            # Ủy ban nhân dân cấp tỉnh quyết định việc áp dụng …: a power wherever it stands; a time limit makes it a duty
            own = [a for a in own if a.role != "lead" or not _decides_a_matter(text, a)]
        found += own
    in_order = _InTextOrder(tasks)
    for start, role in cells.items():  # a cell no task holds names the bodies of its row's task before it
        if before := in_order.last_from(start):
            end = text.find("\n", start)
            found += find_assignments(before.task_id, text[start : end if end >= 0 else None], start, place, role)
    found = _in_full(text, _at_written_names(found + _listed_outside_tasks(text, sections, in_order, place), place), place)
    return _own_minister(text, found, place)


MINISTER = "Bộ trưởng"
# a title that others follow or precede in a list (Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …; Bộ trưởng và Thủ trưởng)
LISTED_TITLE = re.compile(r"\s*(?:[,;/]|và\b|hoặc\b|các\b)")
LISTED_BEFORE = re.compile(r"(?:[,;/]|\bvà|\bhoặc)\s*$")  # …, Bộ trưởng; … và Bộ trưởng: a title after others


def _own_minister(text: str, found: list[Assignment], place: Place | None) -> list[Assignment]:
    """`found` with ``Bộ trưởng`` alone, in a ministry's own document and outside a list of titles, written as the one
    body it is there: that ministry's minister (``báo cáo Bộ trưởng xem xét``; gold README). In a decree, or first
    in the list ``Bộ trưởng, Thủ trưởng cơ quan ngang bộ …``, it is every minister. 14 bulk circulars of one
    ministry report or submit to the bare title (64 times)."""
    if not is_one_ministry(place):
        return found
    own = []
    for a in found:
        end = a.char_start + len(MINISTER)
        if (
            a.assignee == MINISTER and a.collective and text.startswith(MINISTER, a.char_start)
            and not LISTED_TITLE.match(text, end) and not LISTED_BEFORE.search(text[max(0, a.char_start - 8) : a.char_start])
        ):
            a = replace(a, collective=False)
        own.append(a)
    return own


class _InTextOrder:
    """A document's tasks, which find_tasks gives in the order of the text: the last one that begins at an offset or
    before it, and whether one holds it, found by bisection (a scan of every task for each line or cell made long
    documents quadratic)."""

    def __init__(self, tasks: list[Task]):
        self._tasks = tasks
        self._starts = [t.char_start for t in tasks]
        self._reach = list(itertools.accumulate((t.char_end for t in tasks), max))  # the furthest end so far

    def last_from(self, offset: int) -> Task | None:
        """The last task that begins at `offset` or before it."""
        index = bisect.bisect_right(self._starts, offset)
        return self._tasks[index - 1] if index else None

    def holds(self, offset: int) -> bool:
        """Whether a task holds `offset`."""
        index = bisect.bisect_right(self._starts, offset)
        return index > 0 and self._reach[index - 1] > offset


def _heading_bodies(
    text: str, by_id: dict[str, Section], section: Section | None, task: Task, role: str, place: Place | None
) -> list[Assignment]:
    """The bodies the nearest heading above a task that names any gives it in `role`; none past a heading about the
    parties (``Quyền, nghĩa vụ của các bên …``). A body that directs the others a heading names (``Thủ trưởng … có
    trách nhiệm chỉ đạo cơ quan thuộc quyền:``) takes no ``Phối hợp …`` item of theirs."""
    while section is not None and not names_the_parties(section.heading):
        offset = text.find(section.heading, section.char_start, section.char_end)
        if section.char_start < task.char_start and offset >= 0 and (names := heading_subjects(section.heading)):
            # (a heading not as printed, joined from two lines, names no one)
            if role == "support":  # … chỉ đạo cơ quan thuộc quyền: / a) Phối hợp …: not the directing body's
                names = tuple(n for n in names if n[0] not in handers(section.heading))
            return [_assignment(task.task_id, name, offset + start, role, place) for start, name in names]
        section = by_id.get(section.parent_id or "")
    return []


def _at_written_names(found: list[Assignment], place: Place | None) -> list[Assignment]:
    """`found` with each subject that runs on over its verb past a name the document writes whole elsewhere cut
    there (``Văn phòng Bộ | đối chiếu với hồ sơ lưu`` where ``Văn phòng Bộ`` is a subject of its own); one
    assignment per (task, body, role)."""
    whole = {
        a.assignee for a in found
        if not a.collective and any(c.isupper() for c in a.assignee[1:]) and not is_english_name(a.assignee)
    }  # fmt: skip
    written: dict[tuple[str, str, str], Assignment] = {}
    for a in found:
        name = a.assignee if is_english_name(a.assignee) else at_a_written_name(a.assignee, whole)
        if name != a.assignee:
            a = _assignment(a.task_id, name, a.char_start, a.role, place)
        written.setdefault((a.task_id, a.assignee.casefold(), a.role), a)
    return list(written.values())


def _columns(headers: list[tuple[int, dict[int, str]]], task: Task) -> dict[int, str] | None:
    """The roles of the columns of the task table a task is a row of (the last header row before it)."""
    return next((roles for start, roles in reversed(headers) if start < task.char_start), None)


def _opens_with_a_lead(task: Task, own: list[Assignment]) -> bool:
    """Whether a task opens with its own subject, a body that leads it (``1. The Ministry of Transport shall …``,
    ``2. Bộ Tài chính chủ trì …``): a subject at its first word, or after an article, or in the duty heading the
    item opens with (``e) Nhiệm vụ của thành viên thư ký hội đồng sát hạch: chuẩn bị …``)."""
    body = body_start_of(task.text)
    start = task.char_start + body
    lead_in = task.text[body:].split(":", 1)
    end = start + len(lead_in[0]) if len(lead_in) > 1 and heading_subjects(lead_in[0]) else start + len("The ")
    return any(a.role == "lead" and start <= a.char_start <= end for a in own)


def _in_full(text: str, found: list[Assignment], place: Place | None) -> list[Assignment]:
    """`found` with each subject that is a short name the text defined before it written with the full name
    (``Ngân hàng Nhà nước`` → ``Ngân hàng Nhà nước Việt Nam``); one assignment per (task, body, role)."""
    defined = defined_short_names(text)
    if not defined:
        return found
    written: dict[tuple[str, str, str], Assignment] = {}
    for a in found:
        full = expanded(a.assignee, a.char_start, defined)
        if full != a.assignee:
            a = _assignment(a.task_id, full, a.char_start, a.role, place, a.char_end)
        written.setdefault((a.task_id, a.assignee.casefold(), a.role), a)
    return list(written.values())


def _cells_in_role_columns(text: str) -> dict[int, str]:
    """Where the cells of a task table read one cell a line begin, with the role of their column. The header is
    the lines from the number column (``STT``) to the first row number; a row, the lines from its number to the
    next (the last row: up to as many lines as the header, or to a line that opens a part, ``Điều 3.``); a group
    row (``II`` and its title) is passed over. A row with fewer lines than the header had a long cell joined with
    the next when the text was reflowed: its cells are read from the right, where the short cells of bodies and
    times stand; one with more (a cell cut over two lines) cannot be read by position and gives none."""
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]

    def number_at(index: int, marker: re.Pattern[str] = ROW_NUMBER) -> bool:
        return index < len(lines) and bool(marker.fullmatch(lines[index][1]))

    def row_at(index: int) -> bool:
        return number_at(index) or number_at(index, GROUP_ROW)

    found: dict[int, str] = {}
    for at, (_, line) in enumerate(lines):
        if not NUMBER_COLUMN.fullmatch(line):
            continue
        width = next((n for n in range(2, MAX_COLUMNS + 1) if row_at(at + n)), None)
        if width is None:
            continue
        columns = {n: role for n in range(1, width) if (role := role_of_heading(lines[at + n][1]))}
        row = at + width
        while columns and row < len(lines):
            if number_at(row, GROUP_ROW):
                row = next((i for i in range(row + 1, min(row + width, len(lines))) if number_at(i)), len(lines))
            if not number_at(row):
                break
            following = range(row + 1, min(row + 2 * width, len(lines)))
            end = next((i for i in following if row_at(i)), None)
            if end is None:  # the last row
                end = next((i for i in following if i >= row + width or LIST_MARKER.match(lines[i][1])), len(lines))
            if (shift := width - (end - row)) >= 0:
                found.update({lines[row + n - shift][0]: role for n, role in columns.items() if n - shift >= 1})
            row = end
    return found


def _asked_under_powers(text: str, assignment: Assignment, limited: bool) -> bool:
    """Whether a lead under a heading of powers only is no assignee: a body that approves or decides (``Thống đốc …
    xem xét, chấp thuận …``) when no time limit binds it, or the body a right asks (``1. Yêu cầu cơ quan, tổ chức, cá
    nhân chịu sự giám sát báo cáo …``)."""
    if not limited and cue("deciding").match(text, assignment.char_end):
        return True
    return bool(cue("requesting").search(text, max(0, assignment.char_start - REQUEST_REACH), assignment.char_start))


def _decides_a_matter(text: str, assignment: Assignment) -> bool:
    """Whether the list of bodies that holds a lead (from it to the list's last body: ``Bộ trưởng, | Thủ trưởng cơ quan
    ngang bộ | quyết định việc …``) is the subject of ``quyết định việc …``: it decides a matter, a power. The list is
    read only when such words begin where it can end, or after spaces only past there (116 of the 767 bulk texts
    write them anywhere): reading every lead's list took a twelfth of the bulk corpus's time."""
    latest = LEADING_SPACE.match(text, max(assignment.char_start + SUBJECT_REACH, assignment.char_end)).end()
    if not any(text.find(w, assignment.char_end, latest + len(w)) >= 0 for w in role_cues()["matter_decisions"]):
        return False  # the cue (spaces, then one of these words) can match nowhere the list may end
    listed = names(text[assignment.char_start : assignment.char_start + SUBJECT_REACH])
    end = assignment.char_start + max((offset + len(name) for offset, name in listed), default=0)
    return bool(cue("deciding_a_matter").match(text, max(end, assignment.char_end)))


def _under_powers(sections: dict[str, Section], section_id: str | None) -> bool:
    """Whether a heading above the task names powers only (``Điều 4. Thẩm quyền chấp thuận …``)."""
    section = sections.get(section_id or "")
    while section is not None:
        if section.is_heading and grants_powers(section.heading):
            return True
        section = sections.get(section.parent_id or "")
    return False


def _part_role(sections: dict[str, Section], section_id: str | None, start: int) -> str | None:
    """The role the innermost list part holding `start` gives its bodies (``b) Cơ quan phối hợp`` → support)."""
    section = sections.get(section_id or "")
    while section is not None:
        if section.char_start < start and (role := role_of_heading(section.heading)):
            return role
        section = sections.get(section.parent_id or "")
    return None


def _listed_outside_tasks(
    text: str, sections: list[Section], tasks: _InTextOrder, place: Place | None
) -> list[Assignment]:
    """Bodies on the lines of role list parts that no task holds (``- Ban Chỉ đạo quốc gia.`` under ``a) Cơ quan
    chủ trì``, or ``a) Cơ quan chủ trì: Bộ Quốc phòng.``), given to the task before them."""
    by_id = {s.section_id: s for s in sections}
    lines = {
        part.char_start + line.start(): line.group(0)
        for part in sections
        if role_of_heading(part.heading)
        for line in re.finditer(r"[^\n]+", text[part.char_start : part.char_end])
    }
    found: list[Assignment] = []
    holders = Holders(sections, from_start=True)  # asked in the order of the text
    for start, line in sorted(lines.items()):
        before = tasks.last_from(start)
        if before is None or tasks.holds(start):
            continue
        innermost = max(holders.at(start), key=lambda s: s.level)
        heads_part = innermost.char_start == start and role_of_heading(innermost.heading)
        role = None if heads_part else _part_role(by_id, innermost.section_id, start)
        found += find_assignments(before.task_id, line, start, place, role)
    return found


def find_assignments(
    task_id: str,
    text: str,
    offset: int,
    place: Place | None,
    role_hint: str | None = None,
    columns: dict[int, str] | None = None,
) -> list[Assignment]:
    """Assignments of one task (`text` starts at `offset` in the document's text); one per (body, role). Inserted
    phrases between a subject and its verb (``, trong phạm vi nhiệm vụ, quyền hạn của mình,``) are read as blanks.

    `role_hint`: the task is an item of a list part that gives its bodies a role (``a) Cơ quan chủ trì``);
    `columns`: the task is a table row, and these columns name bodies in a role."""
    found: dict[tuple[str, str], Assignment] = {}
    text, written_at = spell_out_shared_kinds(blank_inserted(text))
    marker = LIST_MARKER.match(text)
    label = ROLE_LABEL.match(text, marker.end() if marker else 0)
    if label and (role := role_of_heading(label["label"])):
        role_hint, text_start = role, label.end()
    else:
        text_start = marker.end() if marker else 0
    if columns and TABLE_CELL in text:
        mentions = _table_mentions(text, columns)
    elif role_hint:
        mentions = _listed(text, text_start, role_hint)
    else:
        mentions = clause_mentions(text)
    for role, name_start, name in mentions:
        key = (name.casefold(), role)
        if key not in found:
            start, end = written_at(name_start), written_at(name_start + len(name))
            found[key] = _assignment(task_id, name, offset + start, role, place, offset + end)
    return list(found.values())


def _assignment(
    task_id: str, name: str, start: int, role: str, place: Place | None, end: int | None = None
) -> Assignment:
    collective = english_collective(name) if is_english_name(name) else is_collective(name, place)
    end = start + len(name) if end is None else end
    return Assignment(task_id, name, canonical_name(name, place), role, collective, start, end)


def _table_mentions(row: str, columns: dict[int, str]) -> list[Mention]:
    mentions, position = [], 0
    for index, cell in enumerate(row.split(TABLE_CELL)):
        if index in columns:
            mentions += _listed(row, position, columns[index], end=position + len(cell))
        position += len(cell) + len(TABLE_CELL)
    return mentions


def _listed(text: str, start: int, role: str, end: int | None = None) -> list[Mention]:
    """Bodies listed in ``text[start:end]`` (a table cell, a list item under ``Cơ quan chủ trì``), separated by
    semicolons as well as commas, each in `role`."""
    mentions, position = [], start
    for part in text[start:end].split(";"):
        mentions += [(role, position + s, n) for s, n in names(part.rstrip(" ."), whole=True)]
        position += len(part) + 1
    return mentions
