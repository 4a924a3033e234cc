"""Assignments: who leads, who supports and who is reported to, for every task.

Role cues, the words that start a body's name and the words that end one are data (``data/assignments.toml``);
known bodies and their aliases (``data/organisations.toml``) are matched with a spaCy PhraseMatcher to give the
canonical name. A clause is read in three passes: the subject before a lead cue (or after ``Giao``/``Đề nghị``),
the bodies after ``phối hợp với``, and the body after ``báo cáo``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher

from pipeline.keys import expand_abbreviations, fold

CLAUSE_END = re.compile(r"[;.](?:\s|$)|:\s(?=\S)")
LIST_MARKER = re.compile(r"^(?:[-+*•]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\)|[IVXLC]+\s*[.\-–]|Điều\s+\d+[a-z]?\s*[.:])\s*")
TABLE_CELL = " | "
PLURAL = re.compile(r"(?:^|\s)(?:các|những|mọi)\s", re.IGNORECASE)
RESPONSIBILITY_HEADING = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ|Nhiệm vụ, quyền hạn|Nhiệm vụ và quyền hạn) của (?P<names>.+?)\.?$")
BULLET_SUBJECT = re.compile(r"^(?P<name>[^:;.]{3,90}?)\s*:\s")
PLACE = re.compile(r"\b(?P<level>TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(?P<name>[^\W\d_][^,;()\n]*)", re.IGNORECASE)
# What a name ends with when it leaves its place to the issuer's (… tỉnh, … Tỉnh ủy), by the place's level.
PLACE_LEVEL_ENDINGS = {
    "tỉnh": ("tỉnh", "Tỉnh ủy"), "thành phố": ("thành phố", "Thành ủy"), "huyện": ("huyện", "Huyện ủy"),
    "quận": ("quận", "Quận ủy"), "thị xã": ("thị xã", "Thị ủy"),
}
MAX_NAME_WORDS = 16


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
        "lead_before": re.compile(rf"(?:^|(?<=[\s,(]))(?:{alternation(data['lead_before'])})\s+"),
        "lead_after": re.compile(rf"\s(?:{alternation(data['lead_after'])})\b"),
        "support": re.compile(rf"\b(?:{alternation(data['support_before'])})\s+", re.IGNORECASE),
        "report": re.compile(rf"\b(?:{alternation(data['report_before'])})\s+", re.IGNORECASE),
        "stop": re.compile(rf"\s(?:{alternation(data['stops'])})\b|[;.:()\[\]|]|$"),
        "head": re.compile(rf"^(?!(?:{alternation(data['not_heads'])})\b)(?:{alternation(data['heads'])})\b"),
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
    if place and "các " not in name and name.endswith(PLACE_LEVEL_ENDINGS[place.level]):
        name = f"{name} {place.name}"
    return " ".join(name.split())


def place_of(issuer: str | None, issuer_parent: str | None) -> Place | None:
    """The place in the issuer block (``UBND TỈNH SƠN LA`` → ``Sơn La``, a tỉnh), to complete ``… tỉnh``."""
    for line in (issuer, issuer_parent):
        match = PLACE.search(line or "")
        if match:
            return Place(match["name"].strip().title(), match["level"].lower())
    return None


def is_collective(assignee: str) -> bool:
    """A plural or generic subject: ``các sở, ban, ngành``, ``Ủy ban nhân dân các huyện``, ``cấp ủy``."""
    return assignee.startswith(tuple(_data()["collective_markers"])) or bool(PLURAL.search(assignee))


def role_of_heading(heading: str) -> str | None:
    """The role a list part or table column gives (``Cơ quan chủ trì`` → lead, ``Cơ quan phối hợp`` → support)."""
    folded = fold(heading)
    if len(folded) > 40:
        return None
    return next((role for words, role in _data()["role_headings"].items() if fold(words) in folded), None)


def column_roles(header_row: str) -> dict[int, str]:
    """Roles of a task table's columns, from its header row (cells separated by `` | ``)."""
    cells = header_row.split(TABLE_CELL)
    return {i: role for i, cell in enumerate(cells) if (role := role_of_heading(cell))}


def find_assignments(
    task_id: str,
    text: str,
    offset: int,
    place: Place | None,
    role_hint: str | None = None,
    columns: dict[int, str] | None = None,
) -> list[Assignment]:
    """Assignments of one task (`text` starts at `offset` in the document's text); one per (body, role).

    `role_hint`: the task is an item of a list part that gives its bodies a role (``a) Cơ quan chủ trì``);
    `columns`: the task is a table row, and these columns name bodies in a role."""
    found: dict[tuple[str, str], Assignment] = {}
    if columns and TABLE_CELL in text:
        mentions = _table_mentions(text, columns)
    elif role_hint:
        marker = LIST_MARKER.match(text)
        mentions = _listed(text, marker.end() if marker else 0, role_hint)
    else:
        mentions = [
            (role, start + name_start, name)
            for start, clause, delimiter in _clauses(text)
            for role, name_start, name in (_bullet_subject(clause) if delimiter.startswith(":") else [])
            or _mentions(clause)
        ]
    for role, name_start, name in mentions:
        absolute = offset + name_start
        key = (name.casefold(), role)
        if key not in found:
            found[key] = Assignment(
                task_id, name, canonical_name(name, place), role, is_collective(name), absolute, absolute + len(name)
            )
    return list(found.values())


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


def responsible_body(heading: str) -> tuple[int, str] | None:
    """The body an article of responsibilities is about (``Trách nhiệm của Bộ Khoa học và Công nghệ``), with
    its offset in the heading: it leads every task of the article."""
    match = RESPONSIBILITY_HEADING.match(heading)
    if not match:
        return None
    names = _names(match["names"], whole=True)
    return (match.start("names") + names[0][0], names[0][1]) if len(names) == 1 else None


def _clauses(text: str) -> list[tuple[int, str, str]]:
    """Clauses split at ``;``, sentence ends and colons, with their offsets and the delimiter that ends them."""
    clauses, start = [], 0
    for match in CLAUSE_END.finditer(text):
        clauses.append((start, text[start : match.start()], match.group(0)))
        start = match.end()
    clauses.append((start, text[start:], ""))
    return [(s, c, d) for s, c, d in clauses if c.strip()]


def _bullet_subject(clause: str) -> list[tuple[str, int, str]]:
    """``- Sở Tài chính: …``: a body alone before a colon leads what follows."""
    marker = LIST_MARKER.match(clause)
    start = marker.end() if marker else 0
    names = _names(clause[start:], whole=True)
    if names and len(clause[start:].split()) <= 2 * MAX_NAME_WORDS:
        return [("lead", start + offset, name) for offset, name in names]
    return []


def _mentions(clause: str) -> list[tuple[str, int, str]]:
    """(role, start in the clause, name as written) of every body the clause assigns."""
    patterns = _patterns()
    marker = LIST_MARKER.match(clause)
    body_start = marker.end() if marker else len(clause) - len(clause.lstrip())
    mentions: list[tuple[str, int, str]] = []
    subject = clause[body_start:]
    lead_before = patterns["lead_before"].match(subject)
    if lead_before:
        mentions += [("lead", body_start + lead_before.end() + s, n) for s, n in _names(subject[lead_before.end() :])]
    else:
        lead_after = patterns["lead_after"].search(subject)
        if lead_after and patterns["head"].match(subject):
            mentions += [("lead", body_start + s, n) for s, n in _names(subject[: lead_after.start() + 1])]
    for role, pattern in (("support", patterns["support"]), ("report_to", patterns["report"])):
        for cue in pattern.finditer(clause):
            mentions += [(role, cue.end() + s, n) for s, n in _names(clause[cue.end() :])]
    return mentions


def _names(text: str, whole: bool = False) -> list[tuple[int, str]]:
    """The bodies named at the start of `text` (``A, B và C``), each with its offset; `whole`: the text is a
    subject that ends where its verb begins, so no stop word is looked for."""
    end = len(text) if whole else _patterns()["stop"].search(text).start()
    span = text[:end].rstrip(" ,")
    names: list[tuple[int, str]] = []
    position = 0
    for part in re.split(r"(,\s+|\s+và\s+)", span):
        if not part or re.fullmatch(r",\s+|\s+và\s+", part):
            position += len(part)
            continue
        piece = part.strip()
        starts_body = bool(_patterns()["head"].match(piece))
        if names and not starts_body:
            first, name = names[-1]
            names[-1] = (first, span[first : position + len(part)].strip())
        elif starts_body:
            names.append((position + (len(part) - len(part.lstrip())), piece))
        elif not names:
            return []
        position += len(part)
    return [(s, n) for s, n in names if 1 <= len(n.split()) <= MAX_NAME_WORDS]
