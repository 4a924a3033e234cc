"""Tasks: the instructions of a document, each with its section and any deadline.

A task is a paragraph or list item (or a row of a task table) that tells someone to do something: every
paragraph inside a part that holds tasks (``NHIỆM VỤ, GIẢI PHÁP``, ``TỔ CHỨC THỰC HIỆN``, an article on
responsibilities …), and elsewhere a paragraph that assigns work in so many words (``chủ trì``, ``giao``,
``có trách nhiệm`` …) or opens with a body that a lead verb follows (``Sở Nội vụ tổ chức thẩm định …``). Deadline phrases are read from ``data/deadlines.toml``.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.language.clauses import names_a_doer
from pipeline.language.dates import iso_date
from pipeline.structure.lines import Line, fold_chars, vocabulary
from pipeline.structure.sections import Section, reads_as_heading

ASSIGNING = re.compile(
    r"\b(?:chủ trì|phối hợp|giao cho|[Gg]iao\s|có trách nhiệm|chịu trách nhiệm|[Đđ]ề nghị|[Yy]êu cầu|báo cáo"
    r"|tham mưu|chỉ đạo|theo dõi, đôn đốc|triển khai thực hiện|tổ chức thực hiện)\b"
)
MIN_TASK_CHARS = 25
MIN_TASK_WORDS = 3  # lower-case words: a line in capitals, an address or a contact line asks nothing
NARRATIVE = re.compile(
    r"^(?:Chuyển:\s*)?(?:Thực hiện|Căn cứ|Theo đề nghị|Xét đề nghị|Ngày \d|Trên cơ sở)\b"
    r"|^[^.;:]{3,80}\sban hành (?:Nghị định|Quyết định|Thông tư|Nghị quyết|Chỉ thị|Luật|Pháp lệnh)\b"
)  # narrative, or the enacting formula of a preamble (Chính phủ ban hành Nghị định …)


@dataclass(frozen=True)
class Task:
    task_id: str
    section_id: str | None
    text: str
    deadline: str | None
    deadline_text: str | None
    char_start: int
    char_end: int


@cache
def _deadline_patterns() -> list[re.Pattern[str]]:
    data = tomllib.loads(resources.files("pipeline.data").joinpath("deadlines.toml").read_text("utf-8"))
    return [re.compile(p["regex"], re.IGNORECASE) for p in data["patterns"]]


def deadline_of(text: str) -> tuple[str | None, str | None]:
    """(ISO deadline when exact, the deadline phrase as written) of a task's text."""
    for pattern in _deadline_patterns():
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            exact = None
            if groups.get("year"):
                exact = iso_date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
            return exact, match.group(0).strip()
    return None, None


@cache
def _task_part_words() -> tuple[str, ...]:
    return tuple(fold_chars(w) for w in vocabulary()["task_parts"])


def _holds_no_tasks(section: Section) -> bool:
    """An article or part on scope, subjects or definitions (Đối tượng áp dụng …): its lines ask nothing."""
    heading = fold_chars(section.heading)
    return any(fold_chars(words) in heading for words in vocabulary()["no_task_parts"])


def _holds_tasks(section: Section) -> bool:
    """A part or article whose heading says it holds tasks (NHIỆM VỤ, TỔ CHỨC THỰC HIỆN, Trách nhiệm …)."""
    heading = fold_chars(section.heading)
    return section.is_heading and any(word in heading for word in _task_part_words())


def find_tasks(lines: list[Line], sections: list[Section], body: set[int]) -> list[Task]:
    """Tasks among the body lines (`body`: indices of lines that are neither header nor closing blocks)."""
    enclosing = _Enclosing(sections)
    task_parts = {s.section_id for s in sections if _holds_tasks(s)}
    scope_parts = {s.section_id for s in sections if s.is_heading and _holds_no_tasks(s)}
    tasks: list[Task] = []
    for line in lines:
        text = line.stripped
        if line.index not in body or len(text) < MIN_TASK_CHARS or not _reads_as_prose(text):
            continue
        start = line.start + line.text.index(text)
        holding = enclosing.at(start)
        section = max(holding, key=lambda s: s.level) if holding else None
        if section is not None and section.char_start == start and reads_as_heading(text) and not text.endswith("."):
            continue  # a heading names a part, it asks nothing (an article's first sentence may)
        if any(s.section_id in scope_parts for s in holding):
            continue
        in_part = any(s.section_id in task_parts for s in holding)
        if not in_part and not _assigns_work(text):
            continue  # outside a task part only a paragraph that assigns work in so many words is a task
        deadline, deadline_text = deadline_of(text)
        tasks.append(
            Task(
                task_id=f"t{len(tasks) + 1}",
                section_id=section.section_id if section else None,
                text=text,
                deadline=deadline,
                deadline_text=deadline_text,
                char_start=start,
                char_end=start + len(text),
            )
        )
    return tasks


def _assigns_work(paragraph: str) -> bool:
    """Whether a paragraph outside a task part assigns work in so many words; one that opens with narrative
    (``Thực hiện Quyết định số …``) does so only in a later sentence (``Để có cơ sở tổng hợp, báo cáo Ủy ban nhân
    dân tỉnh, Sở Nội vụ đề nghị …``)."""
    if NARRATIVE.match(paragraph):
        later = re.split(r"(?<=[.;])\s+(?=[A-ZĐ])", paragraph, maxsplit=1)[1:]
        return bool(later) and _assigns_work(later[0])
    return bool(ASSIGNING.search(paragraph) or names_a_doer(paragraph))


def _reads_as_prose(text: str) -> bool:
    """Whether a line has words of a sentence, not only names, capitals and numbers (``VĂN PHÒNG CHÍNH PHỦ XUẤT
    BẢN``, ``Số 1, Hoàng Hoa Thám, Ba Đình, Hà Nội``)."""
    words = (word.strip(",.;:()") for word in text.split())
    return sum(word.isalpha() and word.islower() for word in words) >= MIN_TASK_WORDS


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
