"""Assignments: who leads, who supports and who is reported to, for every task.

Role cues, the words that start a body's name and the words that end one are data (``data/assignments.toml``);
known bodies and their aliases (``data/organisations.toml``) are matched with a spaCy PhraseMatcher to give the
canonical name. A clause is read in three passes: the subject before a lead cue (or after ``Giao``/``Đề nghị``),
the bodies after ``phối hợp với``, and the body after ``báo cáo``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import spacy
from spacy.matcher import PhraseMatcher

from pipeline.keys import expand_abbreviations, fold

if TYPE_CHECKING:
    from pipeline.structure.sections import Section
    from pipeline.structure.tasks import Task

CLAUSE_END = re.compile(r"[;.](?:\s|$)|:\s(?=\S)")
LIST_MARKER = re.compile(r"^(?:[-+*•]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\)|[IVXLC]+\s*[.\-–]|Điều\s+\d+[a-z]?\s*[.:])\s*")
TABLE_CELL = " | "
PLURAL = re.compile(r"(?:^|\s)(?:các|những|mọi)\s", re.IGNORECASE)
ROLE_LABEL = re.compile(r"(?P<label>[^:;.]{3,40}):\s*")  # Cơ quan chủ trì: Bộ Quốc phòng; Bộ Tài chính.
PLACE = re.compile(
    r"\b(?P<level>TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(?:ủy\s+|uỷ\s+)?(?!(?:ủy|uỷ)\b)(?P<name>[^\W\d_][^,;()\n]*)",
    re.IGNORECASE,
)  # TỈNH ỦY BÌNH ĐỊNH: the place is Bình Định, never the word ủy
# What a name ends with when it leaves its place to the issuer's (… tỉnh, … Tỉnh ủy), by the place's level.
PLACE_LEVEL_ENDINGS = {
    "tỉnh": ("tỉnh", "Tỉnh ủy"),
    "thành phố": ("thành phố", "Thành ủy"),
    "huyện": ("huyện", "Huyện ủy"),
    "quận": ("quận", "Quận ủy"),
    "thị xã": ("thị xã", "Thị ủy"),
}
MAX_NAME_WORDS = 16
# Between the bodies of a list: a comma (one without a space too, unless inside capitals: Ủy ban KH,CN&MT), "và"
LIST_SEPARATOR = re.compile(r"(,\s+|(?<![A-ZĐ]),(?=\S)|\s+và\s+)")
LEVEL_RANKS = {"tỉnh": 1, "thành phố": 1, "huyện": 2, "quận": 2, "thị xã": 2, "xã": 3, "phường": 3, "thị trấn": 3}
CENTRAL = "trung ương"  # the level of an issuer that names no place (CHÍNH PHỦ, BỘ CÔNG THƯƠNG): above every tỉnh
LEVEL_WORD = re.compile(rf"\b(?:{'|'.join(LEVEL_RANKS)})\b", re.IGNORECASE)
# A verb or stop word ends a name only where a name could end: not right after "các", nor, for words that are also
# kinds of body, right after a comma (các cơ quan, tổ chức …, where "tổ chức" is a kind of body, not the verb).
AFTER_NAME = "(?<!,)(?<!các)(?<!Các)"
# A verb after a negation (Cơ sở lưu trú không thực hiện việc khai báo …) describes an offence, not a task.
NEGATION = r"\s(?:không|chưa)\s"


@dataclass(frozen=True)
class Assignment:
    task_id: str
    assignee: str
    assignee_canonical: str
    role: str  # lead, support, report_to
    collective: bool
    char_start: int
    char_end: int


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(resources.files("pipeline.data").joinpath("assignments.toml").read_text("utf-8"))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return {
        "lead_before": re.compile(rf"(?<!\w)(?:{alternation(data['lead_before'])})\s+"),
        "lead_after": re.compile(rf"{AFTER_NAME}\s(?:{alternation(data['lead_after'])})\b"),
        # "X phối hợp với Y làm …": X works with Y, it leads; only a bare "X phối hợp …" supports
        "support_after": re.compile(
            rf"{AFTER_NAME}\s(?:{alternation(data['support_after'])})\b(?!\s+(?:chặt chẽ\s+)?(?:với|cùng)\b)"
        ),
        "powers_after": re.compile(rf"{AFTER_NAME}\s(?:{alternation(data['powers_after'])})\b"),
        "support": re.compile(rf"\b(?:{alternation(data['support_before'])})\s+", re.IGNORECASE),
        "leading": re.compile(rf"\b(?:{alternation(data['leading_verbs'])})\b", re.IGNORECASE),
        "report": re.compile(
            # báo cáo tình hình thực hiện với Ủy ban nhân dân tỉnh: what is reported (up to 20 words), then to whom …
            rf"(?<!\w)(?:{alternation(data['report_verbs'])})(?:\s+[^\s;:()]+){{1,20}}?"
            rf"\s+(?:{alternation(data['report_prepositions'])})\s+(?=(?-i:[A-ZĐÂĂÊÔƠƯỦỶ]))"
            # … or straight after the cue (báo cáo Ban Thường vụ Tỉnh ủy)
            rf"|(?<!\w)(?:{alternation(data['report_before'])})\s+",
            re.IGNORECASE,
        ),
        "stop": re.compile(
            rf"{AFTER_NAME}\s(?:{alternation(data['stops_or_kinds'])})\b"
            rf"|(?<!các)(?<!Các)\s(?:{alternation([w for w in data['stops'] if w not in data['stops_or_kinds']])})\b"
            r"|[;.:()\[\]|]|$"
        ),
        "head": re.compile(
            rf"^(?!(?:{alternation(data['not_heads'])})\b)"
            rf"(?:{alternation(data['heads'])}|[Cc]ác\s+(?i:{alternation(data['plural_kinds'])}))\b"
        ),
        "inserted": re.compile(rf",\s*(?:{alternation(data['inserted_phrases'])})\s*,", re.IGNORECASE),
        "opener": re.compile(rf"(?:{alternation(data['openers'])})(?=[\s,])", re.IGNORECASE),
        "inner_subject": re.compile(rf"(?:,|\s(?:{alternation(data['subject_after'])}))\s+(?=[A-ZĐ])"),
        # Giám đốc các Sở: …; phối hợp với các Bộ: …; Thanh tra viên các Bộ, cơ quan ngang Bộ: …
        "shared_kind": re.compile(
            rf"(?P<title>(?:{alternation(data['shared_titles'])})\s+)?"
            rf"[Cc]ác\s+(?P<kind>{alternation(data['shared_kinds'])})(?:,\s*cơ quan ngang Bộ)?\s*:\s*(?=[A-ZĐ])"
        ),
        "joining_kind": re.compile(rf"\b(?:{alternation(data['joining_kinds'])})\b"),
        "name_closer": re.compile(
            rf"\s(?P<closer>{alternation(data['name_closers'])})"
            rf"\s+(?!(?:{alternation(data['name_closer_continuations'])})\b)(?P<next>\w+)"
        ),
        "defined_kind": re.compile(rf"(?:{alternation(data['defined_kinds'])})\b"),
        "definition_break": re.compile(rf"\s(?:{alternation(data['definition_breaks'])})\s"),
        "duty_to_support": re.compile(
            rf"\s(?:{alternation(data['duty_cues'])})\s+(?:{alternation(data['support_after'])})\b"
        ),
        "duty": re.compile(rf"{AFTER_NAME}\s(?:{alternation(data['duty_cues'])})\b"),
        "trailer": re.compile(rf"(?:\s+(?:{alternation(data['name_trailers'])}))+$"),
        "generic_head": re.compile(rf"^(?:{alternation(data['generic_heads'])})\b"),
        "support_opening": re.compile(rf"(?:{alternation(data['support_openings'])})\b", re.IGNORECASE),
        "subject_heading": re.compile(
            rf"^(?:(?:{alternation(data['subject_heading_prefixes'])})\s+)?(?P<names>.+?)"
            rf"(?:\s+(?:{alternation(data['subject_heading_suffixes'])}))?\s*[:.]?$"
        ),
    }


@cache
def _matcher() -> tuple[Any, PhraseMatcher, dict[str, str]]:
    """A spaCy PhraseMatcher over every alias of the known bodies, matching case-insensitively."""
    data = tomllib.loads(resources.files("pipeline.data").joinpath("organisations.toml").read_text("utf-8"))
    nlp = spacy.blank("xx")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    canonical: dict[str, str] = {}
    for body in data["bodies"]:
        key = f"body{len(canonical)}"
        canonical[key] = body["name"]
        matcher.add(key, [nlp.make_doc(alias) for alias in [body["name"], *body.get("aliases", [])]])
    return nlp, matcher, canonical


@dataclass(frozen=True)
class Place:
    """The issuer's place (``Sơn La``) and its level (``tỉnh``)."""

    name: str
    level: str


def canonical_name(assignee: str, place: Place | None) -> str:
    """The expanded, normalised name: a known body's own name, abbreviations expanded, the issuer's place added
    where the text says only ``tỉnh`` (``Ủy ban nhân dân tỉnh`` in a document of UBND TỈNH SƠN LA)."""
    nlp, matcher, names = _matcher()
    doc = nlp.make_doc(assignee)
    whole = [m for m in matcher(doc) if m[1] == 0 and m[2] == len(doc)]
    name = names[nlp.vocab.strings[whole[0][0]]] if whole else expand_abbreviations(assignee)
    name = name.replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    folded = name.casefold()
    endings = tuple(ending.casefold() for ending in PLACE_LEVEL_ENDINGS.get(place.level, ())) if place else ()
    if place and "các " not in folded and folded.endswith(endings):
        name = f"{name} {place.name}"
    return " ".join(name.split())


def place_of(issuer: str | None, issuer_parent: str | None) -> Place | None:
    """The place in the issuer block (``UBND TỈNH SƠN LA`` → ``Sơn La``, a tỉnh), to complete ``… tỉnh``."""
    for line in (issuer, issuer_parent):
        match = PLACE.search(line or "")
        if match:
            return Place(match["name"].strip().title(), match["level"].lower())
    if issuer and not any(LEVEL_WORD.search(line or "") for line in (issuer, issuer_parent)):
        return Place("", CENTRAL)  # a ministry, the Government: every tỉnh it names is any tỉnh
    return None


def is_collective(assignee: str, place: Place | None = None) -> bool:
    """A plural or generic subject: ``các sở, ban, ngành``, ``Ủy ban nhân dân các huyện``, ``cấp ủy``,
    ``Ủy ban nhân dân cấp tỉnh``, ``cơ quan có thẩm quyền``, ``Bộ trưởng``; and one that ends with a level below
    the issuer's without naming its place (``Ủy ban nhân dân xã`` in a provincial document: every commune's;
    ``Công an tỉnh`` in a decision of the Prime Minister), or whose kind stands at such a level (``Phòng …``, a
    district's office). Where the issuer's place is unknown, only the commune level counts (``… tỉnh`` may be the
    issuer's own province)."""
    data = _data()
    if (
        assignee[:1].islower()
        or assignee in data["collective_names"]
        or assignee.startswith(tuple(data["collective_markers"]))
        or any(word in assignee for word in data["collective_words"])
        or PLURAL.search(assignee)
    ):
        return True
    level = next((lv for lv in LEVEL_RANKS if assignee.casefold().endswith(f" {lv}")), None)
    level = level or next((lv for head, lv in data["levels_of_heads"].items() if assignee.startswith(f"{head} ")), None)
    if level is None:
        return False
    issuer_rank = (0 if place.level == CENTRAL else LEVEL_RANKS[place.level]) if place else LEVEL_RANKS["huyện"]
    return LEVEL_RANKS[level] > issuer_rank


def role_of_heading(heading: str) -> str | None:
    """The role a list part or table column gives (``Cơ quan chủ trì`` → lead, ``b) Cơ quan phối hợp`` → support);
    none where the role words do not open it (``4. Chế độ phối hợp, báo cáo`` is a topic)."""
    marker = LIST_MARKER.match(heading)
    folded = fold(heading[marker.end() :] if marker else heading)
    if len(folded) > 40:
        return None
    kinds, headings = _role_headings()
    openings = {folded, kinds.sub("", folded)}  # Cơ quan, đơn vị chủ trì → chu tri
    return next((role for words, role in headings if any(o.startswith(words) for o in openings)), None)


@cache
def _role_headings() -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    """The kinds a role heading may open with, as a pattern of folded words, and the folded role words."""
    data = _data()
    kinds = "|".join(re.escape(fold(kind)) for kind in data["role_heading_kinds"])
    return re.compile(rf"^(?:(?:{kinds})\s+)+"), [(fold(words), role) for words, role in data["role_headings"].items()]


def column_roles(header_row: str) -> dict[int, str]:
    """Roles of a task table's columns, from its header row (cells separated by `` | ``)."""
    cells = header_row.split(TABLE_CELL)
    return {i: role for i, cell in enumerate(cells) if (role := role_of_heading(cell))}


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
    found = []
    for task in tasks:
        hint, subjects = _part_role(by_id, task.section_id, task.char_start), []
        section = by_id.get(task.section_id or "")
        while section is not None and not subjects:
            offset = text.find(section.heading, section.char_start, section.char_end)
            if section.char_start < task.char_start and offset >= 0 and (names := heading_subjects(section.heading)):
                role = inherited_role(task.text)  # a heading not as printed (joined from two lines) names no one
                subjects = [_assignment(task.task_id, name, offset + start, role, place) for start, name in names]
            section = by_id.get(section.parent_id or "")
        columns = next((roles for start, roles in reversed(headers) if start < task.char_start), None)
        found += subjects
        found += find_assignments(task.task_id, task.text, task.char_start, place, hint, columns)
    return found + _listed_outside_tasks(text, sections, tasks, place)


def _part_role(sections: dict[str, Section], section_id: str | None, start: int) -> str | None:
    """The role the innermost list part holding `start` gives its bodies (``b) Cơ quan phối hợp`` → support)."""
    section = sections.get(section_id or "")
    while section is not None:
        if section.char_start < start and (role := role_of_heading(section.heading)):
            return role
        section = sections.get(section.parent_id or "")
    return None


def _listed_outside_tasks(
    text: str, sections: list[Section], tasks: list[Task], place: Place | None
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
    for start, line in sorted(lines.items()):
        before = [t for t in tasks if t.char_start <= start]
        if not before or any(t.char_start <= start < t.char_end for t in tasks):
            continue
        innermost = max((s for s in sections if s.char_start <= start < s.char_end), key=lambda s: s.level)
        heads_part = innermost.char_start == start and role_of_heading(innermost.heading)
        role = None if heads_part else _part_role(by_id, innermost.section_id, start)
        found += find_assignments(before[-1].task_id, line, start, place, role)
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
    text = _patterns()["inserted"].sub(lambda m: " " * len(m[0]), text)  # same length: offsets hold
    text, written_at = _spell_out_shared_kinds(text)
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
        mentions = _clause_mentions(text)
    for role, name_start, name in mentions:
        key = (name.casefold(), role)
        if key not in found:
            start, end = written_at(name_start), written_at(name_start + len(name))
            found[key] = _assignment(task_id, name, offset + start, role, place, offset + end)
    return list(found.values())


def _assignment(
    task_id: str, name: str, start: int, role: str, place: Place | None, end: int | None = None
) -> Assignment:
    collective = is_collective(name, place)
    end = start + len(name) if end is None else end
    return Assignment(task_id, name, canonical_name(name, place), role, collective, start, end)


@dataclass(frozen=True)
class _Piece:
    """A stretch of spelled-out text and the stretch of the written text it stands for."""

    start: int  # in the spelled-out text
    end: int
    written_start: int
    written: bool  # copied from the text, character for character (else a title and kind put in)


def _spell_out_shared_kinds(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` with each list under a shared title and kind written out one body at a time (``Giám đốc các Sở: Tài
    chính, Xây dựng`` → ``Giám đốc Sở Tài chính, Giám đốc Sở Xây dựng``; ``phối hợp với các Bộ: Quốc phòng, Văn
    hóa, Thể thao và Du lịch`` → ``… Bộ Quốc phòng, Bộ Văn hóa, Thể thao và Du lịch``, known names kept whole), and
    a map from offsets in it to offsets in `text`: a name that was put together points at the words written."""
    pieces: list[_Piece] = []
    out: list[str] = []
    position = written = 0

    def put(chunk: str, written_start: int, copied: bool) -> None:
        nonlocal position
        pieces.append(_Piece(position, position + len(chunk), written_start, copied))
        out.append(chunk)
        position += len(chunk)

    for match in _patterns()["shared_kind"].finditer(text):
        items = _shared_items(text, match.end(), match["kind"])
        if not items:
            continue
        title = match["title"] or ""
        put(text[written : match.start()], written, True)
        for index, (start, end) in enumerate(items):
            if index:
                put(", ", start, False)
            put(f"{title}{match['kind']} ", match.start() if index == 0 else start, False)
            put(text[start:end], start, True)
        written = items[-1][1]
    if not pieces:
        return text, lambda offset: offset
    put(text[written:], written, True)

    def written_at(offset: int) -> int:
        piece = next((p for p in pieces if p.start <= offset <= p.end and p.written), None)
        if piece is None:
            piece = next(p for p in pieces if p.start <= offset <= p.end)
            return piece.written_start
        return piece.written_start + offset - piece.start

    return "".join(out), written_at


def _shared_items(text: str, start: int, kind: str) -> list[tuple[int, int]]:
    """Spans of the names after ``các Sở:`` (each a body of that kind: ``Tài chính``), up to the end of the list
    (``;``, ``.``, a line end) or to an item that is a body of another kind (``Ủy ban nhân dân cấp xã``)."""
    end = next((m.start() for m in re.finditer(r"[;.:\n]|$", text[start:])), 0) + start
    items: list[tuple[int, int]] = []
    position = start
    while position < end:
        if not text[position].isupper() or _patterns()["head"].match(text[position:end]):
            break
        known = [e for s, e in _known_names(f"{kind} {text[position:end]}") if s == 0]
        item_end = position + known[0] - len(kind) - 1 if known else _next_separator(text, position, end)
        items.append((position, item_end))
        separator = re.compile(r",\s*|\s+và\s+").match(text, item_end)
        if not separator:
            break
        position = separator.end()
    return items


def _next_separator(text: str, start: int, end: int) -> int:
    """Where the list item at `start` ends: at the next comma, or at ``và`` before a capital."""
    match = re.compile(r",|\s+và\s+(?=[A-ZĐ])").search(text, start, end)
    return match.start() if match else end


def _table_mentions(row: str, columns: dict[int, str]) -> list[tuple[str, int, str]]:
    mentions, position = [], 0
    for index, cell in enumerate(row.split(TABLE_CELL)):
        if index in columns:
            mentions += _listed(row, position, columns[index], end=position + len(cell))
        position += len(cell) + len(TABLE_CELL)
    return mentions


def _listed(text: str, start: int, role: str, end: int | None = None) -> list[tuple[str, int, str]]:
    """Bodies listed in ``text[start:end]`` (a table cell, a list item under ``Cơ quan chủ trì``), separated by
    semicolons as well as commas, each in `role`."""
    mentions, position = [], start
    for part in text[start:end].split(";"):
        mentions += [(role, position + s, n) for s, n in _names(part.rstrip(" ."), whole=True)]
        position += len(part) + 1
    return mentions


def heading_subjects(heading: str) -> list[tuple[int, str]]:
    """The bodies a heading is about, with their offsets in it: ``Trách nhiệm của Bộ Khoa học và Công nghệ``,
    ``2. Bộ Tài chính:``, ``Sở Lao động - Thương binh và Xã hội có nhiệm vụ``. They take part in every task
    under the heading; a heading that says anything else names none."""
    patterns = _patterns()
    match = patterns["subject_heading"].match(heading)
    if not match:
        return []
    names: list[tuple[int, str]] = []
    position = match.start("names")
    for part in match["names"].split("; "):  # Trách nhiệm của các bộ, …; Ủy ban nhân dân các tỉnh …
        if (
            not patterns["head"].match(part)
            or part.endswith(",")
            or patterns["stop"].search(part).start() < len(part)
        ):
            return []
        names += [(position + start, name) for start, name in _names(part, whole=True)]
        position += len(part) + 2
    return names


def inherited_role(task_text: str) -> str:
    """The role of a heading's body in a task under it: ``Phối hợp với …`` makes it a support, else it leads."""
    marker = LIST_MARKER.match(task_text)
    return "support" if _patterns()["support_opening"].match(task_text[marker.end() if marker else 0 :]) else "lead"


def _clauses(text: str) -> list[tuple[int, str, str]]:
    """Clauses split at ``;``, sentence ends and colons, with their offsets and the delimiter that ends them."""
    clauses, start = [], 0
    for match in CLAUSE_END.finditer(text):
        clauses.append((start, text[start : match.start()], match.group(0)))
        start = match.end()
    clauses.append((start, text[start:], ""))
    return [(s, c, d) for s, c, d in clauses if c.strip()]


def _clause_mentions(text: str) -> list[tuple[str, int, str]]:
    """(role, start, name) of every body the clauses of a task assign. A clause that only lists bodies before a
    semicolon (``Chánh Văn phòng …; Giám đốc Sở Tài chính; … chịu trách nhiệm thi hành``) shares the lead of the
    clause whose subject it continues."""
    mentions: list[tuple[str, int, str]] = []
    pending: list[tuple[str, int, str]] = []
    for start, clause, delimiter in _clauses(text):
        rest = text[start + len(clause) + len(delimiter) :]
        found = [
            (role, start + name_start, name)
            for role, name_start, name in (_bullet_subject(clause, rest) if delimiter.startswith(":") else [])
            or _mentions(clause)
        ]
        body_start = start + _body_start(clause)
        if any(role == "lead" and name_start == body_start for role, name_start, _ in found):
            mentions += pending
        pending = pending + _subject_list(clause, start) if not found and delimiter.startswith(";") else []
        mentions += found
    return mentions


def names_a_doer(text: str) -> bool:
    """Whether a paragraph opens with a body that a lead verb follows (``Sở Nội vụ tổ chức thẩm định …``,
    ``Trưởng các điểm thi có trách nhiệm …``, also after an opening phrase: ``Trong thời hạn 10 ngày …, Sở Nội vụ
    tổ chức thẩm định``): it assigns work even outside a part that holds tasks."""
    body = text[_body_start(text) :]  # past a list label, whose dot (2.) is no clause end
    subject = next((c for _, c, _ in _clauses(body)), "")
    return any(role != "report_to" for role, _, _ in _mentions(subject))


def _doer(subject: str) -> tuple[str, int, bool] | None:
    """(role, where its verb begins, whether all before the verb is the name) when `subject` opens with a body
    that a lead or a support cue follows, by the first cue (``Sở Y tế chủ trì, phối hợp …`` leads; ``Tòa án nhân
    dân tối cao …, phối hợp tổ chức thực hiện`` supports). None when the body is given powers rather than work
    (``… có thẩm quyền xử phạt``). A body defined by what it does (``Cơ quan chủ trì soạn thảo có trách nhiệm …``)
    takes its verb from a duty cue, past the verbs of its definition."""
    patterns = _patterns()
    if not patterns["head"].match(subject):
        return None
    if (
        patterns["defined_kind"].match(subject)
        and (duty := patterns["duty"].search(subject))
        and not patterns["definition_break"].search(subject, 0, duty.start())
    ):
        return "lead", duty.start(), True
    powers = patterns["powers_after"].search(subject)
    negation = re.search(NEGATION, subject)
    cues = [
        (verb.start(), role)
        for role, pattern in (("lead", patterns["lead_after"]), ("support", patterns["support_after"]))
        if (verb := pattern.search(subject))
    ]
    directing = patterns["lead_before"].search(subject)  # Sở Nội vụ đề nghị các cơ quan … phối hợp: not its own
    cues = [(start, role) for start, role in cues if role == "lead" or not directing or start < directing.start()]
    if not cues:
        return None
    start, role = min(cues)
    if (powers and powers.start() < start) or (negation and negation.start() < start):
        return None
    if patterns["duty_to_support"].match(subject, start):  # … có trách nhiệm phối hợp thực hiện: a support duty
        role = "support"
    return role, start, False


def _body_start(clause: str) -> int:
    marker = LIST_MARKER.match(clause)
    return marker.end() if marker else len(clause) - len(clause.lstrip())


def _subject_list(clause: str, start: int) -> list[tuple[str, int, str]]:
    """A clause that is nothing but bodies (``Giám đốc Công an tỉnh``), as leads should a verb follow."""
    body_start = _body_start(clause)
    subject = clause[body_start:].rstrip()
    if not _patterns()["head"].match(subject) or _patterns()["stop"].search(subject).start() < len(subject):
        return []
    return [("lead", start + body_start + s, n) for s, n in _names(subject, whole=True)]


def _bullet_subject(clause: str, rest: str) -> list[tuple[str, int, str]]:
    """``- Sở Tài chính: …``: a body alone (or before its verb: ``… có trách nhiệm:``) before a colon leads what
    follows (supports it, when that opens ``Phối hợp``)."""
    start = _body_start(clause)
    subject = clause[start:]
    doer = _doer(subject)
    if doer:  # Chủ tịch UBND các huyện có trách nhiệm: …
        subject = subject[: doer[1]]
    names = _names(subject, whole=doer is None)
    if names and len(subject.split()) <= 2 * MAX_NAME_WORDS:
        return [(inherited_role(rest), start + offset, name) for offset, name in names]
    return []


def _mentions(clause: str) -> list[tuple[str, int, str]]:
    """(role, start in the clause, name as written) of every body the clause assigns: the subject before a lead
    cue (``Sở Y tế chủ trì``; also after an opening phrase: ``Căn cứ báo cáo …, Bộ trưởng Bộ Tài chính ban
    hành``, ``Trường hợp … thì Bộ trưởng Bộ Quốc phòng gửi``), the bodies after a directing cue (``Giao``,
    ``đề nghị``, ``chỉ đạo`` …), after ``phối hợp với`` and after ``báo cáo``."""
    patterns = _patterns()
    body_start = _body_start(clause)
    mentions: list[tuple[str, int, str]] = []
    starts = [body_start]
    if patterns["opener"].match(clause, body_start):
        starts += [m.end() for m in patterns["inner_subject"].finditer(clause, body_start)]
    for start in starts:  # the clause's subject, or one after an opening phrase (Trường hợp … thì Bộ trưởng …)
        subject = clause[start:]
        if not patterns["lead_before"].match(subject) and (doer := _doer(subject)):
            role, verb, whole = doer
            names = _names(subject[:verb], whole=True) if whole else _names(subject[: verb + 1])
            inner = start != body_start
            if inner and not (names and subject[names[-1][0] + len(names[-1][1]) : verb].strip() == ""):
                continue  # after an opening phrase, only a subject right before its verb
            mentions += [(role, start + s, n) for s, n in names]
            break
    for role, pattern in (
        ("lead", patterns["lead_before"]),
        ("support", patterns["support"]),
        ("report_to", patterns["report"]),
    ):
        for cue in pattern.finditer(clause):
            if role == "support" and not _has_lead(clause[: cue.start()], mentions):
                continue  # Phối hợp với Bộ Nội vụ …: the task's own body supports; its partner is no assignee
            mentions += [(role, cue.end() + s, n) for s, n in _names(clause[cue.end() :])]
    return mentions


def _has_lead(before: str, mentions: list[tuple[str, int, str]]) -> bool:
    """Whether a clause names a lead before its ``phối hợp với``: a subject or a directed body that leads, or a
    leading verb (``Chủ trì, phối hợp với …``) whose subject is the heading's body."""
    return any(role == "lead" for role, _, _ in mentions) or bool(_patterns()["leading"].search(before))


def _names(text: str, whole: bool = False) -> list[tuple[int, str]]:
    """The bodies named at the start of `text` (``A, B và C``), each with its offset; `whole`: the text is a
    subject that ends where its verb begins, so no stop word is looked for. A piece of the list that does not
    begin a body of its own (``ngành`` in ``các sở, ban, ngành``) belongs to the name before it."""
    end, known = (len(text), _known_names(text)) if whole else _name_end(text)
    if not whole:  # các cơ quan khác có liên quan | đàm phán với nhà tài trợ: a verb that no list names
        closers = _patterns()["name_closer"].finditer(text, 0, end)
        end = next((m.end("closer") for m in closers if m["next"].islower()), end)
    known = [(s, e) for s, e in known if e <= end]
    span = _bounded_by_known_names(text[:end], known).rstrip(" ,")
    span = _patterns()["trailer"].sub("", span)
    names: list[tuple[int, str]] = []
    position = 0
    for part in _list_parts(span, [(s, e) for s, e in known if e <= len(span)]):
        if part.strip(" ,") in ("", "và"):  # a separator or nothing
            position += len(part)
            continue
        piece = part.strip()
        if _begins_body(piece, names[-1][1] if names else None):
            names.append((position + (len(part) - len(part.lstrip())), piece))
        elif names and piece in _data()["heads"] and not is_collective(names[-1][1]):
            pass  # Bộ Khoa học và Công nghệ, Bộ |: a name cut off (a table cell), not part of the one before
        elif names:
            first = names[-1][0]
            names[-1] = (first, span[first : position + len(part)].strip())
        else:
            return []
        position += len(part)
    bare = _data()["bare_kinds"]
    return [
        (s, n)
        for s, n in names
        if (len(n.split()) > 1 or _known(n)) and n not in bare
        and len(n.split()) <= MAX_NAME_WORDS * (2 if is_collective(n) else 1)  # lists of kinds run longer
    ]


def _name_end(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Where the names at the start of `text` end: at the first stop word outside a known name (``Tổng cục Hậu cần
    - Kỹ thuật chỉ đạo``: ``cần`` is a stop word, but not inside that name); with the known names before there (no
    known name runs across a stop word that ends the names, so those of a longer stretch serve)."""
    stops = _patterns()["stop"].finditer(text)
    first = next(stops)
    known = _known_names(text[: first.start() + 60])
    holding = [(s, e) for s, e in known if s < first.start() < e]
    if not holding:
        return first.start(), known
    end = next((m.start() for m in stops if m.start() >= holding[0][1]), len(text))
    return end, _known_names(text[:end])


def _list_parts(span: str, known: list[tuple[int, int]]) -> list[str]:
    """`span` cut into list pieces and the separators between them (LIST_SEPARATOR), except inside a `known` name
    (``Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố`` is one body)."""
    parts, start = [], 0
    for separator in LIST_SEPARATOR.finditer(span):
        if not any(s < separator.start() and separator.end() < e for s, e in known):
            parts += [span[start : separator.start()], separator.group(0)]
            start = separator.end()
    return [*parts, span[start:]]


def _known_names(span: str) -> list[tuple[int, int]]:
    """Character spans of the known bodies in `span`, none inside a longer one."""
    nlp, matcher, _ = _matcher()
    doc = nlp.make_doc(span)
    matches = [(start, end) for _, start, end in matcher(doc)]
    longest = [(s, e) for s, e in matches if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in matches)]
    return sorted((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in longest)


def _bounded_by_known_names(span: str, names: list[tuple[int, int]]) -> str:
    """`span` as the known bodies in it (`names`, by start) shape it:

    - it ends with the first known body that a lower-case word follows which cannot go on with it (``Sở Lao động -
      Thương binh và Xã hội tạm dừng chi trả``: a verb that no stop word caught); names that go on (``… các tỉnh,
      thành phố``, ``… cấp huyện``) and lists (``, Bộ Tài chính``) are left whole;
    - two known bodies with only a space between them (a table cell whose line break was lost: ``Bộ Thông tin và
      Truyền thông Bộ Khoa học và Công nghệ``) are two list pieces: the space becomes a comma (same length), unless
      the second does not begin like a body (``Ban Bí thư Trung ương Đoàn …`` is one name)."""
    goes_on = tuple(_data()["name_continuations"])
    for _, end in names:
        after = span[end:].lstrip()
        if after[:1].islower() and not after.startswith(goes_on):
            span = span[:end]
            break
    for (_, end), (start, _) in zip(names, names[1:]):
        if start >= len(span):
            break
        if start > end and not span[end:start].strip() and _patterns()["head"].match(span[start:]):
            span = f"{span[:end]},{span[end + 1 :]}"
    return span


def _begins_body(piece: str, previous: str | None) -> bool:
    """Whether a piece of a list names a body of its own: a known body (``VTV``), a name of two words or more
    that begins like one (``Sở Tài chính``, not the bare ``Ban`` of ``Sở, Ban, Ngành``), or a generic subject
    (``thủ trưởng các cơ quan liên quan``) after a body that is not itself a list of kinds. A list opened by ``Cấp
    ủy`` (the whole political system) is one subject."""
    patterns = _patterns()
    if previous is not None and previous.casefold().startswith(tuple(_data()["kind_list_openers"])):
        return False
    if _known(piece):
        return True
    if patterns["head"].match(piece):
        return len(piece.split()) >= 2
    return bool(patterns["generic_head"].match(piece)) and (
        previous is None or not is_collective(previous) or _names_a_body(previous) or not _joins_kinds(piece, previous)
    )


def _joins_kinds(piece: str, previous: str) -> bool:
    """Whether `piece` goes on with a list of kinds (``các cơ quan, tổ chức, cá nhân``; ``cơ quan, người có thẩm
    quyền``; ``Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ``) rather than naming a subject of its own
    (``tổ dân phố, chính quyền địa phương``)."""
    kind = _patterns()["joining_kind"]
    return bool(kind.match(piece) and kind.search(previous.casefold()))


def _names_a_body(subject: str) -> bool:
    """Whether a subject names a body rather than only kinds: a capital past its first letter (``Chủ tịch Ủy ban
    nhân dân các cấp``, ``các ban của Hội đồng nhân dân``; not ``Các cơ quan``)."""
    return any(char.isupper() for char in subject[1:])


def _known(name: str) -> bool:
    """A known body's whole name, written as a name (``Thành ủy``; ``thành ủy`` in a list is a kind)."""
    if not name[:1].isupper():
        return False
    nlp, matcher, _ = _matcher()
    doc = nlp.make_doc(name)
    return any(start == 0 and end == len(doc) for _, start, end in matcher(doc))
