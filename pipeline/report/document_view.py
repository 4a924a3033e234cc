"""One document's page of the report: its normalised text cut into segments, each carrying the marks (extracted
items) that cover it, and the tables of what was extracted, every row linked to its place in the text.

Items with offsets (sections, tasks, deadlines, assignments, citation mentions, recipients) are marked where they stand, and
the header fields (which the tables hold as values, not
offsets) at their first occurrence in the text (the signer's at the last).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from markupsafe import Markup, escape

from pipeline.language.screens import CASE_VARIANT_LETTERS, letters_class

HEADER_FIELDS = ("doc_type", "number_symbol", "issuer", "issue_place", "issue_date", "title")
CLOSING_FIELDS = ("signing_authority", "signer_title", "signer_name")
FIELD_LABELS = {
    "doc_type": "type", "number_symbol": "number", "issuer": "issuer", "issuer_parent": "issuer's parent",
    "issue_place": "place", "issue_date": "date", "title": "title", "signing_authority": "signing authority",
    "signer_title": "signer's title", "signer_name": "signer", "incoming_number": "incoming number",
    "incoming_date": "incoming date", "incoming_office": "incoming office", "is_copy": "copy",
}  # fmt: skip
RELATIONS = ("implements", "legal_basis", "amends", "replaces", "repeals", "cites")
ROLES = ("lead", "support", "report_to")


@dataclass(frozen=True)
class Mark:
    """An extracted item over text[start:end]: `kind` is its CSS class, `key` its anchor in the page."""

    start: int
    end: int
    kind: str
    label: str
    key: str
    href: str | None = None  # a cited document of the batch


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)
    first: set[str] = field(default_factory=set)  # keys of the marks that begin here (their anchors)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """`text` cut at every mark's start and end; each piece lists the marks over it, outermost first."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end))
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[Segment] = []
    active: list[Mark] = []
    index = 0
    for start, end in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > start]  # a new list: the last segment keeps its own
        first = set()
        while index < len(marks) and marks[index].start == start:  # in order: they start after all that are open
            active.append(marks[index])
            first.add(marks[index].key)
            index += 1
        pieces.append(Segment(text[start:end], active, first))
    return pieces


def article(pieces: list[Segment]) -> Markup:
    """The text as HTML: each segment inside a ``<span class="m KIND" title="LABEL">`` per mark over it (with its
    anchor where the mark begins, and the cited page to open). Built here, each mark's tag escaped once, rather
    than in the template: a template loop per segment and mark was a third of the report's time. The segments'
    text is escaped as markupsafe escapes a string, without making a Markup of each (a thousand a page)."""
    tags: dict[int, tuple[str, str, str]] = {}  # by the mark's identity: hashing its fields was a tenth of this
    html: list[str] = []
    for piece in pieces:
        for mark in piece.marks:
            tag = tags.get(id(mark))
            if tag is None:
                href = f' data-href="{escape(mark.href)}"' if mark.href else ""
                opening = f'<span class="m {escape(mark.kind)}" title="{escape(mark.label)}"'
                tag = tags[id(mark)] = (opening, f' id="{escape(mark.key)}"', f"{href}>")
            opening, anchor, closing = tag
            html += (opening, anchor, closing) if mark.key in piece.first else (opening, closing)
        html.append(_escaped(piece.text))
        html.append("</span>" * len(piece.marks))
    return Markup("".join(html))


def _escaped(text: str) -> str:
    """`text` with ``& > < ' "`` escaped, as :func:`markupsafe.escape` escapes a string."""
    return (
        text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")
    )


def _flexible(value: str) -> re.Pattern[str]:
    """A pattern for `value` as the text may hold it: any run of spaces or line breaks between words."""
    return re.compile(r"\s+".join(map(re.escape, value.split())), re.IGNORECASE)


# With none of these in a text or a value, matching in either case is matching in lower case (i and s themselves are
# safe: their variants ı and ſ are in the class).
_CASE_VARIANTS = letters_class(CASE_VARIANT_LETTERS - {"i", "s"})
_PLACE_BEFORE_DATE = re.compile(r"\s*,?\s*ngày", re.IGNORECASE)  # where the place is printed: before the date


def _flexible_spans(
    text: str, lowered: str | None, value: str, followed_by: re.Pattern[str] | None = None
) -> Iterator[tuple[int, int]]:
    """The spans of `value` in `text`, left to right and apart, as ``_flexible(value).finditer(text)`` finds them
    (`followed_by`: matched where the value ends). Found by string search in `lowered` (`text` in lower case, None
    when a letter of it matches in another lower case than its own), not by a pattern compiled for each value: a
    title's took 2 ms, a tenth of the report's time."""
    words, written = value.lower().split(), value.split()
    if lowered is None or _CASE_VARIANTS.search(" ".join(words)) or any(map(_resized, words, written)):
        pattern = _flexible(value)
        if followed_by is not None:
            pattern = re.compile(f"{pattern.pattern}(?={followed_by.pattern})", re.IGNORECASE)
        yield from (match.span() for match in pattern.finditer(text))
        return
    at = 0
    while (start := lowered.find(words[0], at)) >= 0:
        end = start + len(words[0])
        for word in words[1:]:
            spaces = end
            while spaces < len(lowered) and lowered[spaces].isspace():
                spaces += 1
            if spaces == end or not lowered.startswith(word, spaces):
                end = -1
                break
            end = spaces + len(word)
        if end >= 0 and (followed_by is None or followed_by.match(text, end)):
            yield start, end
            at = end
        else:
            at = start + 1


def _resized(lowered: str, written: str) -> bool:
    return len(lowered) != len(written)  # İ: i and a combining dot


def _date_pattern(value: Any) -> re.Pattern[str]:
    day, month, year = value.day, value.month, value.year
    return re.compile(
        rf"ngày\s+0?{day}\s+tháng\s+0?{month}\s+năm\s+{year}|0?{day}\s*[/.-]\s*0?{month}\s*[/.-]\s*{year}", re.IGNORECASE
    )


def field_marks(text: str, document: Mapping[str, Any]) -> list[Mark]:
    """The header fields at their first occurrence in the text, the signature's at their last."""
    marks = []
    lowered: str | None = text.lower()
    if len(lowered) != len(text) or _CASE_VARIANTS.search(lowered):
        lowered = None
    for name in (*HEADER_FIELDS, *CLOSING_FIELDS):
        value = document.get(name)
        if value is None or pd.isna(value) or str(value).strip() == "":
            continue
        if name == "issue_date":
            spans = (match.span() for match in _date_pattern(value).finditer(text))
        else:  # the place where the date follows it, not in the issuer's name
            spans = _flexible_spans(text, lowered, str(value), _PLACE_BEFORE_DATE if name == "issue_place" else None)
        span = None
        for span in spans:
            if name not in CLOSING_FIELDS:
                break
        if span is not None:
            marks.append(Mark(span[0], span[1], "field", f"{FIELD_LABELS[name]}: {value}", f"f-{name}"))
    return marks


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (list, tuple, str)) and bool(pd.isna(value)))


def document_context(
    document: Mapping[str, Any], text: str, tables: Mapping[str, list[dict[str, Any]] | None], in_batch: Mapping[str, str]
) -> dict[str, Any]:
    """What the document template shows. `tables`: this document's rows of every table (dicts, missing values
    None); `in_batch`: doc_id → label of the documents in the report (a citation resolved to one of them links to
    its page)."""
    sections, tasks = tables.get("sections") or [], tables.get("tasks") or []
    assignments, citations = tables.get("assignments") or [], tables.get("citations") or []
    mentions, recipients = tables.get("citation_mentions") or [], tables.get("recipients") or []
    marks = field_marks(text, document)
    for section in sections:
        if section.get("is_heading"):
            line_end = text.find("\n", section["char_start"])
            end = min(section["char_end"], line_end if line_end >= 0 else len(text))
            marks.append(Mark(section["char_start"], end, "section", f"section {section['label']}", section["section_id"]))
    by_task: dict[str, dict[str, list[str]]] = {}
    for number, assignment in enumerate(assignments):
        role = assignment["role"]
        assignment["key"] = f"a{number}"
        label = f"{role.replace('_', ' ')}: {assignment['assignee_canonical'] or assignment['assignee']}"
        marks.append(Mark(assignment["char_start"], assignment["char_end"], f"role-{role}", label, assignment["key"]))
        names = by_task.setdefault(assignment["task_id"], {r: [] for r in ROLES})[role]
        name = assignment["assignee_canonical"] or assignment["assignee"]
        if name not in names:
            names.append(name)
    for task in tasks:
        marks.append(Mark(task["char_start"], task["char_end"], "task", f"task {task['task_id']}", task["task_id"]))
        task["roles"] = by_task.get(task["task_id"], {r: [] for r in ROLES})
    first_deadline: dict[str, str] = {}
    for deadline in tables.get("deadlines") or []:
        if deadline.get("char_start") is None or deadline.get("char_end") is None:
            continue
        key = f"d-{deadline['task_id']}-{deadline['deadline_id']}"
        kind = (deadline.get("deadline_kind") or "").replace("_", " ")
        label = f"deadline ({kind}): {deadline.get('deadline') or deadline.get('deadline_text')}"
        marks.append(Mark(deadline["char_start"], deadline["char_end"], "deadline", label, key))
        first_deadline.setdefault(deadline["task_id"], key)
    for task in tasks:
        if task["task_id"] in first_deadline:
            task["deadline_key"] = first_deadline[task["task_id"]]
    for citation in citations:
        resolved = citation.get("resolved_doc_id")
        citation["link"] = f"{resolved}.html" if resolved in in_batch else None
    cited = {c["ref_id"]: c for c in citations}
    first_mention: dict[str, str] = {}
    for number, mention in enumerate(mentions):
        citation = cited.get(mention["ref_id"], {})
        relation = citation.get("relation") or "cites"
        name = citation.get("number_symbol") or citation.get("name") or mention["raw"]
        key = f"c-{mention['ref_id']}-{number}"
        first_mention.setdefault(mention["ref_id"], key)
        label = f"cites {name} ({relation.replace('_', ' ')})"
        marks.append(Mark(mention["char_start"], mention["char_end"], f"cite-{relation}", label, key, citation.get("link")))
    for citation in citations:
        citation["key"] = first_mention.get(citation["ref_id"])
    for number, recipient in enumerate(recipients):
        recipient["key"] = f"r{number}"
        marks.append(Mark(recipient["char_start"], recipient["char_end"], "recipient", "recipient", recipient["key"]))
    found_fields = {m.key for m in marks if m.kind == "field"}
    header = [
        {"name": FIELD_LABELS[name], "value": document.get(name), "key": f"f-{name}" if f"f-{name}" in found_fields else None}
        for name in FIELD_LABELS
        if not _missing(document.get(name))
    ]
    return {
        "document": document,
        "reasons": (document.get("review_reasons") or "").split(";") if document.get("review_reasons") else [],
        "article": article(segments(text, marks)),
        "header": header,
        "pages": tables.get("pages") or [],
        "sections": sections,
        "tasks": tasks,
        "citations": citations,
        "recipients": recipients,
        "errors": tables.get("errors") or [],
        "relations": RELATIONS,
        "roles": ROLES,
        "counts": {
            "tasks": len(tasks), "assignments": len(assignments), "citations": len(citations),
            "recipients": len(recipients), "sections": sum(bool(s.get("is_heading")) for s in sections),
        },  # fmt: skip
    }
