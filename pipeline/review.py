"""Review: which documents need a person's eye, and why (``documents.needs_review``, ``review_reasons``).

Each reason is a check of one document's rows; what the checks look for (fields, thresholds, types) is data,
``data/review.toml``, read and checked once. A failed document has the one reason ``failed``; a partial one (a
page or a stage failed) has ``partial`` beside the others.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

Rows = Mapping[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Rules:
    missing_fields: dict[str, str]  # documents column → reason when it is empty
    min_page_confidence: float
    replaced_decisions: tuple[str, ...]
    max_unplaced_share: float
    assigning_types: frozenset[str]


@cache
def rules() -> Rules:
    """The rules of ``data/review.toml``; a missing or mistyped entry is an error at start-up."""
    data = tomllib.loads(resources.files("pipeline.data").joinpath("review.toml").read_text("utf-8"))
    try:
        loaded = Rules(
            missing_fields={str(k): str(v) for k, v in data["missing_fields"].items()},
            min_page_confidence=float(data["ocr"]["min_page_confidence"]),
            replaced_decisions=tuple(map(str, data["text_layer"]["replaced_decisions"])),
            max_unplaced_share=float(data["unplaced"]["max_share"]),
            assigning_types=frozenset(map(str, data["assignees"]["doc_types"])),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ValueError(f"data/review.toml: missing or mistyped entry ({e!r})") from e
    from pipeline.schema import TABLES

    unknown = loaded.missing_fields.keys() - TABLES["documents"].keys()
    if unknown:
        raise ValueError(f"data/review.toml: missing_fields names no documents column: {sorted(unknown)}")
    return loaded


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)


def _low_ocr(rows: Rows, r: Rules) -> bool:
    return any(
        p.get("ocr_confidence") is not None and p["ocr_confidence"] < r.min_page_confidence for p in rows["pages"]
    )


def _text_layer_replaced(rows: Rows, r: Rules) -> bool:
    return any((p.get("decision") or "").startswith(r.replaced_decisions) for p in rows["pages"])


def _unplaced(rows: Rows, r: Rules) -> bool:
    document = rows["documents"][0]
    chars, unplaced = document.get("chars") or 0, document.get("unplaced_chars") or 0
    return chars > 0 and unplaced / chars > r.max_unplaced_share


def _no_assignee(rows: Rows, r: Rules) -> bool:
    return (
        rows["documents"][0].get("doc_type") in r.assigning_types
        and bool(rows["tasks"])
        and not any(a.get("role") == "lead" for a in rows["assignments"])
    )


CHECKS: dict[str, Callable[[Rows, Rules], bool]] = {
    "text_layer_replaced": _text_layer_replaced,
    "low_ocr_confidence": _low_ocr,
    "unplaced_text": _unplaced,
    "no_assignee": _no_assignee,
}


def reasons(rows: Rows) -> list[str]:
    """Why the document of `rows` (its rows of every table, by table name) needs review; empty when it does not."""
    r = rules()
    rows = {name: rows.get(name) or [] for name in ("documents", "pages", "tasks", "assignments")}
    document = rows["documents"][0]
    if document.get("status") == "failed":
        return ["failed"]
    found = ["partial"] if document.get("status") == "partial" else []
    found += [reason for field, reason in r.missing_fields.items() if _empty(document.get(field))]
    return found + [reason for reason, check in CHECKS.items() if check(rows, r)]


def mark(rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Set ``needs_review`` and ``review_reasons`` (``;``-separated) on the document row of `rows`, if any (a
    skipped duplicate has none)."""
    if not rows.get("documents"):
        return
    found = reasons(rows)
    rows["documents"][0].update(needs_review=bool(found), review_reasons=";".join(found) or None)
