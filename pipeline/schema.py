"""The output tables, declared once: names, columns in order, pandas dtypes (shared/docs/output-schema.md).

A column declared ``D`` (DATE) or ``TS`` (TIMESTAMP, UTC) is typed in Parquet and DuckDB and ISO text in CSV; rows
give it as ISO text (or a date), and a value that is not a valid date becomes empty, never an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import pyarrow as pa

SCHEMA_VERSION = "3"

S, I, F, B = "string", "Int64", "Float64", "boolean"
D, TS = pd.ArrowDtype(pa.date32()), pd.ArrowDtype(pa.timestamp("s", tz="UTC"))

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": S, "source_file": S, "sha256": S, "pages": I, "text_source": S, "ocr_mean_confidence": F,
        "doc_type": S, "number_symbol": S, "number": S, "symbol": S, "year": I, "issue_date": D, "issue_place": S,
        "issuer": S, "issuer_parent": S, "title": S, "signer_name": S, "signer_title": S, "signing_authority": S,
        "incoming_number": S, "incoming_date": D, "incoming_office": S, "is_copy": B, "status": S, "error": S,
        "text_path": S, "chars": I, "seconds": F, "unplaced_chars": I, "needs_review": B, "review_reasons": S,
        "format": S, "parent_doc_id": S,
    },
    "sections": {
        "doc_id": S, "section_id": S, "parent_id": S, "level": I, "label": S, "heading": S, "kind": S,
        "is_heading": B, "char_start": I, "char_end": I, "page": I,
    },
    "tasks": {
        "doc_id": S, "task_id": S, "section_id": S, "text": S, "deadline": D, "deadline_text": S,
        "char_start": I, "char_end": I, "page": I,
        "deadline_precision": S, "deadline_kind": S, "relative_amount": I, "relative_unit": S, "relative_anchor": S,
        "recurrence": S, "deadline_count": I,
    },
    "deadlines": {
        "doc_id": S, "task_id": S, "deadline_id": S, "deadline": D, "deadline_precision": S, "deadline_kind": S,
        "deadline_text": S, "relative_amount": I, "relative_unit": S, "relative_anchor": S, "recurrence": S,
        "char_start": I, "char_end": I, "page": I,
    },
    "assignments": {
        "doc_id": S, "task_id": S, "assignee": S, "assignee_canonical": S, "role": S, "collective": B,
        "char_start": I, "char_end": I, "page": I,
    },
    "citations": {
        "doc_id": S, "ref_id": S, "doc_type": S, "number_symbol": S, "number": S, "year": I, "symbol": S, "date": D,
        "issuer": S, "relation": S, "partial": B, "name_only": B, "name": S, "raw": S, "section_id": S,
        "char_start": I, "char_end": I, "page": I, "mentions": I, "resolved_doc_id": S,
    },
    "citation_mentions": {"doc_id": S, "ref_id": S, "raw": S, "char_start": I, "char_end": I, "page": I},
    "amendments": {
        "doc_id": S, "amendment_id": S, "ref_id": S, "target": S, "action": S, "char_start": I, "char_end": I,
        "new_text_start": I, "new_text_end": I, "page": I,
    },
    "recipients": {
        "doc_id": S, "recipient": S, "note": S, "is_archive": B, "char_start": I, "char_end": I, "page": I,
    },
    "issuers": {
        "doc_id": S, "position": I, "issuer": S, "signing_authority": S, "signer_title": S, "signer_name": S,
    },
    "pages": {
        "doc_id": S, "page": I, "text_source": S, "ocr_confidence": F, "chars": I, "seconds": F,
        "text_quality": F, "decision": S,
    },
    "errors": {"source_file": S, "doc_id": S, "page": I, "stage": S, "error_type": S, "message": S},
    "runs": {
        "run_id": S, "started_at": TS, "finished_at": TS, "schema_version": S, "vanban_version": S, "documents": I,
        "pages": I, "failed": I, "seconds": F, "settings": S, "reused": I,
    },
}  # fmt: skip


# Views of vanban.duckdb for the questions analysts ask first.
VIEWS: dict[str, str] = {
    "document_overview": """
        select d.doc_id, d.source_file, d.doc_type, d.number_symbol, d.issue_date, d.issuer, d.title, d.status,
               d.needs_review, d.review_reasons,
               (select count(*) from citations c where c.doc_id = d.doc_id) as citation_count,
               (select count(*) from tasks t where t.doc_id = d.doc_id) as task_count
        from documents d""",
    "citation_edges": """
        select c.doc_id as citing_doc_id, d.number_symbol as citing_number_symbol, c.relation,
               c.doc_type as cited_doc_type, c.number_symbol as cited_number_symbol, c.date as cited_date,
               c.issuer as cited_issuer, c.resolved_doc_id as cited_doc_id
        from citations c join documents d using (doc_id)
        where not c.name_only""",
    "task_assignments": """
        select t.doc_id, d.number_symbol, t.task_id, a.role, a.assignee, a.assignee_canonical, a.collective,
               t.deadline, t.deadline_text, t.text,
               t.deadline_kind, t.deadline_precision, t.recurrence, t.relative_amount, t.relative_unit,
               t.relative_anchor, t.deadline_count
        from tasks t join assignments a using (doc_id, task_id) join documents d using (doc_id)""",
}


class SchemaError(ValueError):
    """Rows that do not fit their table's declared columns."""


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of `rows` with exactly the table's columns, in order, cast to their dtypes.

    Missing values become empty; a column that the table does not declare is an error, not silently dropped.
    """
    columns = TABLES[table]
    rows = list(rows)
    unknown = {key for row in rows for key in row} - columns.keys()
    if unknown:
        raise SchemaError(f"{table}: undeclared columns {sorted(unknown)}")
    data = pd.DataFrame.from_records(rows, columns=list(columns))
    for name, dtype in columns.items():
        if dtype in (D, TS):
            data[name] = pd.to_datetime(data[name], errors="coerce", format="ISO8601", utc=dtype == TS)
    return data.astype(columns)
