"""One document through the stages after ingest: normalize → structure → (extract), into rows of the tables.

:func:`finish` is what a worker runs for a document once its pages are read; it raises only MemoryError (the
batch reports the worker's memory ceiling): a stage that fails otherwise becomes an `errors` row and the stages
that did run keep their rows.
"""

from __future__ import annotations

import dataclasses
import time
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from pipeline import export
from pipeline.extract.assignments import Assignment, assign_tasks
from pipeline.extract.citations import Citation, find_citations
from pipeline.language import per_document
from pipeline.language.levels import place_of
from pipeline.model import Document, Problem, RawDocument, Stage
from pipeline.normalize import normalize
from pipeline.results import DocumentResult, describe, error_row
from pipeline.settings import Settings
from pipeline.structure import Structure, parse
from pipeline.structure.holding import Holders
from pipeline.structure.tasks import Task


@contextmanager
def _recorded(problems: list[Problem], stage: Stage) -> Iterator[None]:
    """Run a stage; its failure becomes a problem of the document (the batch degrades, it does not stop)."""
    try:
        yield
    except MemoryError:
        raise
    except ImportError as e:
        if "failed to map segment" in str(e):  # a library could not be loaded under the memory ceiling
            raise MemoryError(str(e)) from e
        problems.append(Problem(stage, "internal_error", describe(e)))
    except Exception as e:  # noqa: BLE001
        problems.append(Problem(stage, "internal_error", describe(e)))


def finish(raw: RawDocument, problems: list[Problem], settings: Settings) -> DocumentResult:
    """Normalize and parse a read document and turn it into table rows (the per-document caches emptied after)."""
    try:
        return _finish(raw, problems, settings)
    finally:
        per_document.forget()


def _finish(raw: RawDocument, problems: list[Problem], settings: Settings) -> DocumentResult:
    started = time.perf_counter()
    problems = list(problems)
    document: Document | None = None
    structure: Structure | None = None
    with _recorded(problems, Stage.NORMALIZE):
        document = normalize(raw)
        if not document.text.strip():
            problems.append(Problem(Stage.NORMALIZE, "no_text", "no text found on any page"))
    assignments: list[Assignment] = []
    references: list[Citation] = []
    if document is not None and document.text.strip():
        with _recorded(problems, Stage.STRUCTURE):
            structure = parse(document)
    if structure is not None:
        with _recorded(problems, Stage.EXTRACT):
            references = find_citations(document.text, structure.header.number_symbol)
            assignments = assignments_of(document, structure)
    seconds = sum(p.seconds for p in raw.pages) + time.perf_counter() - started
    rows = {
        "documents": [_document_row(raw, document, structure, problems, seconds)],
        "pages": _page_rows(raw),
        "errors": [error_row(raw.source_file, raw.doc_id, p) for p in problems],
        "sections": _located_rows(document, structure.sections if structure else []),
        "tasks": _task_rows(document, structure.tasks if structure else []),
        "deadlines": _deadline_rows(document, structure.tasks if structure else []),
        "assignments": _located_rows(document, assignments),
        "citations": _reference_rows(document, structure, references),
        "citation_mentions": _mention_rows(document, references),
        "amendments": _amendment_rows(document, structure, references),
        "recipients": _located_rows(document, structure.recipients if structure else []),
        "issuers": [{"doc_id": raw.doc_id, **vars(issuer)} for issuer in (structure.issuers if structure else [])],
    }
    return DocumentResult(raw.source_file, raw.doc_id, rows, document.text if document else None)


def warm_up(settings: Settings) -> None:
    """Load what reading documents needs (the ingest modules, the lexicons and their compiled patterns, the
    gazetteer's matcher, the part-of-speech model) by reading a short directive of our own (``data/warm_up.txt``)
    here: worker processes forked after this start with all of it, where each loaded its own copy on its first
    document (about 3 s CPU a worker) and held it in pages of its own."""
    from pipeline import ingest

    with resources.as_file(resources.files("pipeline.data").joinpath("warm_up.txt")) as path:
        read = ingest.read(path, path.name, ingest.sha256_of(path), settings)
    finish(ingest.assemble(read, []), [], settings)


def _document_row(
    raw: RawDocument, document: Document | None, structure: Structure | None, problems: list[Problem], seconds: float
) -> dict[str, Any]:
    has_text = document is not None and bool(document.text.strip())
    confidences = [p.ocr_confidence for p in raw.pages if p.ocr_confidence is not None]
    row: dict[str, Any] = {
        "doc_id": raw.doc_id,
        "source_file": raw.source_file,
        "sha256": raw.sha256,
        "format": raw.kind,
        "parent_doc_id": raw.parent_doc_id,
        "pages": len(raw.pages),
        "text_source": raw.text_source if raw.pages else None,
        "ocr_mean_confidence": round(sum(confidences) / len(confidences), 2) if confidences else None,
        "status": "ok" if not problems else ("partial" if has_text else "failed"),
        "error": "; ".join(p.message for p in problems) or None,
        "text_path": export.text_path(raw.doc_id) if has_text else None,
        "chars": len(document.text) if document else 0,
        "seconds": round(seconds, 3),
    }
    if structure is not None:
        header, signature = structure.header, structure.signature
        row |= {
            "doc_type": header.doc_type,
            "number_symbol": header.number_symbol,
            "number": header.number,
            "symbol": header.symbol,
            "year": header.year,
            "issue_date": header.issue_date,
            "issue_place": header.issue_place,
            "issuer": header.issuer,
            "issuer_parent": header.issuer_parent,
            "title": header.title,
            "signer_name": signature.signer_name,
            "signer_title": signature.signer_title,
            "signing_authority": signature.signing_authority,
            "incoming_number": header.incoming_number,
            "incoming_date": header.incoming_date,
            "incoming_office": header.incoming_office,
            "is_copy": header.is_copy,
            "unplaced_chars": structure.unplaced_chars,
        }
    return row


def _page_rows(raw: RawDocument) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": raw.doc_id,
            "page": p.page,
            "text_source": p.text_source.value,
            "ocr_confidence": p.ocr_confidence,
            "chars": len(p.text),
            "seconds": p.seconds,
            "text_quality": p.text_quality,
            "decision": p.decision,
        }
        for p in raw.pages
    ]


def assignments_of(document: Document, structure: Structure) -> list[Assignment]:
    """Assignments of every task of a parsed document, names completed with the issuer's place."""
    place = place_of(structure.header.issuer, structure.header.issuer_parent, structure.header.doc_type)
    return assign_tasks(document.text, structure.sections, structure.tasks, place)


def _task_rows(document: Document | None, tasks: list[Task]) -> list[dict[str, Any]]:
    """A row per task, with its first deadline's columns and how many it has (all of them: `deadlines`)."""
    first = [task.deadlines[0].columns() if task.deadlines else {} for task in tasks]
    return [
        {key: value for key, value in row.items() if key != "deadlines"} | columns | {"deadline_count": len(task.deadlines)}
        for row, columns, task in zip(_located_rows(document, tasks), first, tasks)
    ]


def _deadline_rows(document: Document | None, tasks: list[Task]) -> list[dict[str, Any]]:
    """A row per deadline of a task, in the order written."""
    if document is None:
        return []
    return [
        {"doc_id": document.doc_id, "task_id": task.task_id, "deadline_id": f"{task.task_id}.d{i}", **d.columns(),
         "char_start": d.start, "char_end": d.end, "page": document.page_at(d.start)}
        for task in tasks for i, d in enumerate(task.deadlines, 1)
    ]  # fmt: skip


def _located_rows(document: Document | None, items: list[Any]) -> list[dict[str, Any]]:
    """Rows of a table of located items (dataclasses with char_start): the item's fields, its document and page.

    The fields are taken as they are (no deep copy as ``dataclasses.asdict`` makes: it was a tenth of the
    bulk corpus's time, mostly copying the tasks' deadlines that their rows leave out)."""
    if document is None or not items:
        return []
    names = [f.name for f in dataclasses.fields(items[0])]
    return [
        {"doc_id": document.doc_id, **{name: getattr(item, name) for name in names},
         "page": document.page_at(item.char_start)}
        for item in items
    ]  # fmt: skip


def _reference_rows(
    document: Document | None, structure: Structure | None, references: list[Citation]
) -> list[dict[str, Any]]:
    """One row per distinct cited document, placed at its first mention."""
    if document is None:
        return []
    sections = sorted(structure.sections if structure else [], key=lambda s: s.char_start)
    holders = Holders(sections, from_start=True)
    innermost = {  # asked in the order of the text: one sweep over the sections
        id(reference): max(holding, key=lambda s: s.level).section_id if (holding := holders.at(start)) else None
        for start, reference in sorted(((r.mentions[0].char_start, r) for r in references), key=lambda pair: pair[0])
    }
    rows = []
    for reference in references:
        first = reference.mentions[0]
        rows.append(
            {
                "doc_id": document.doc_id,
                "ref_id": reference.ref_id,
                "doc_type": reference.doc_type,
                "number_symbol": reference.number_symbol,
                "number": reference.number,
                "year": reference.year,
                "symbol": reference.symbol,
                "date": reference.date,
                "issuer": reference.issuer,
                "relation": reference.relation,
                "partial": reference.partial,
                "name_only": reference.name_only,
                "name": reference.name,
                "raw": first.raw,
                "section_id": innermost[id(reference)],
                "char_start": first.char_start,
                "char_end": first.char_end,
                "page": document.page_at(first.char_start),
                "mentions": len(reference.mentions),
            }
        )
    return rows


def _amendment_rows(
    document: Document | None, structure: Structure | None, references: list[Citation]
) -> list[dict[str, Any]]:
    """One row per target of an amending instruction, with the amended document: the first citation mentioned in
    the instruction, else in the headings of the parts that hold it, else the document the text says it amends."""
    if document is None or structure is None:
        return []
    mentions = sorted((m.char_start, m.char_end, r.ref_id) for r in references for m in r.mentions)
    starts = [start for start, _, _ in mentions]
    amended = next((r.ref_id for r in references if r.relation == "amends"), None)
    rows = []
    for amendment in structure.amendments:
        # the first mention that opens in the instruction (it may run past its line), else in a heading over it
        opening = ((bisect_left(starts, start), end) for start, end in amendment.cited_in)
        ref_id = next((mentions[at][2] for at, end in opening if at < len(starts) and starts[at] < end), amended)
        rows.append(
            {
                "doc_id": document.doc_id,
                "amendment_id": amendment.amendment_id,
                "ref_id": ref_id,
                "target": amendment.target,
                "action": amendment.action,
                "char_start": amendment.char_start,
                "char_end": amendment.char_end,
                "new_text_start": amendment.new_text_start,
                "new_text_end": amendment.new_text_end,
                "page": document.page_at(amendment.char_start),
            }
        )
    return rows


def _mention_rows(document: Document | None, references: list[Citation]) -> list[dict[str, Any]]:
    if document is None:
        return []
    return [
        {
            "doc_id": document.doc_id,
            "ref_id": reference.ref_id,
            "raw": mention.raw,
            "char_start": mention.char_start,
            "char_end": mention.char_end,
            "page": document.page_at(mention.char_start),
        }
        for reference in references
        for mention in reference.mentions
    ]
