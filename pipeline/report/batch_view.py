"""The batch page of the report: counts, the documents (those needing review first), the citation graph across the
batch, the workload per body (tasks led, supported, reported to, and deadlines by month) and what each body has due
in the next 30 days."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.keys import number_symbol_key
from pipeline.language.deadlines import falls_due

MAX_GRAPH_NODES = 300  # beyond this the graph keeps the documents cited most
MAX_BODIES = 30  # rows of the workload table
MAX_MONTHS = 18  # month columns of the workload table (the months with most deadlines, in order)
MONTHS_BEFORE, MONTHS_AFTER = 12, 24  # the months shown one by one around today; the others as earlier, later
DUE_DAYS = 30  # what is due "soon": from today to this many days later
# The columns of each table the batch page reads (None: all of them), so that a report reads no more of the tables
INDEX_COLUMNS: dict[str, tuple[str, ...] | None] = {
    "documents": None,
    "runs": None,
    "pages": ("text_source",),
    "tasks": ("doc_id", "task_id", "deadline", "text"),
    "assignments": ("doc_id", "task_id", "assignee_canonical", "assignee", "role"),
    "citations": ("doc_id", "number_symbol", "name", "doc_type", "relation", "resolved_doc_id"),
    "deadlines": ("doc_id", "task_id", "deadline", "deadline_kind", "deadline_text"),
    "errors": ("source_file",),
}


def _column(tables: Mapping[str, pd.DataFrame], table: str, *columns: str) -> pd.DataFrame:
    data = tables.get(table)
    if data is None or data.empty:
        return pd.DataFrame(columns=list(columns))
    return data[list(columns)]


def document_label(row: Mapping[str, Any]) -> str:
    """How a document is named in the report: its number symbol, else its file name."""
    number = row.get("number_symbol")
    return str(number) if isinstance(number, str) and number else Path(str(row.get("source_file"))).name


def document_rows(tables: Mapping[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """Every document with a page, those needing review first (most reasons first), then by file."""
    documents = tables["documents"]
    tasks = Counter(_column(tables, "tasks", "doc_id")["doc_id"])
    citations = Counter(_column(tables, "citations", "doc_id")["doc_id"])
    rows = []
    for row in documents.to_dict("records"):
        reasons = row["review_reasons"].split(";") if isinstance(row.get("review_reasons"), str) else []
        rows.append(
            {
                "doc_id": row["doc_id"],
                "page": f"{row['doc_id']}.html" if row.get("doc_id") and isinstance(row.get("text_path"), str) else None,
                "file": Path(str(row["source_file"])).name,
                "label": document_label(row),
                "doc_type": row.get("doc_type"),
                "issue_date": row.get("issue_date"),
                "issuer": row.get("issuer"),
                "title": row.get("title"),
                "status": row.get("status"),
                "reasons": reasons,
                "tasks": tasks.get(row["doc_id"], 0),
                "citations": citations.get(row["doc_id"], 0),
            }
        )
    return sorted(rows, key=lambda r: (not r["reasons"], -len(r["reasons"]), r["file"]))


def counts(tables: Mapping[str, pd.DataFrame]) -> dict[str, int]:
    documents = tables["documents"]
    pages = _column(tables, "pages", "text_source")
    return {
        "documents": len(documents),
        "needs_review": int(documents["needs_review"].fillna(False).sum()),
        "failed": int((documents["status"] == "failed").sum()),
        "partial": int((documents["status"] == "partial").sum()),
        "pages": len(pages),
        "ocr_pages": int((pages["text_source"] == "ocr").sum()),
        "tasks": len(_column(tables, "tasks", "doc_id")),
        "assignments": len(_column(tables, "assignments", "doc_id")),
        "citations": len(_column(tables, "citations", "doc_id")),
        "errors": len(_column(tables, "errors", "source_file")),
    }


def citation_graph(tables: Mapping[str, pd.DataFrame]) -> dict[str, Any]:
    """Nodes (the batch's documents, and the documents they cite that are not in it) and edges (citing → cited,
    by relation) for the graph library; documents with no edge are not drawn. Over MAX_GRAPH_NODES, the least cited
    outside documents are left out."""
    documents = tables["documents"]
    citations = _column(tables, "citations", "doc_id", "number_symbol", "name", "doc_type", "relation", "resolved_doc_id")
    in_batch = {row["doc_id"]: row for row in documents.to_dict("records") if isinstance(row.get("doc_id"), str)}
    edges: dict[tuple[str, str], set[str]] = {}
    outside: dict[str, dict[str, Any]] = {}
    cited_by: Counter[str] = Counter()
    for row in citations.to_dict("records"):
        resolved = row["resolved_doc_id"]
        if isinstance(resolved, str) and resolved in in_batch:
            target = resolved
        elif isinstance(row["number_symbol"], str) and row["number_symbol"]:
            target = "x:" + number_symbol_key(row["number_symbol"])
            outside.setdefault(target, {"label": row["number_symbol"], "doc_type": row["doc_type"]})
        else:
            continue
        relations = edges.setdefault((row["doc_id"], target), set())
        if not relations and target in outside:
            cited_by[target] += 1
        relations.add(row["relation"] if isinstance(row["relation"], str) else "cites")
    # Outside documents are added most cited first while the graph has room; past the limit, those only one
    # document cites (they link nothing) are left out. Documents of the batch with no edge are not drawn.
    citing: dict[str, set[str]] = {}
    for source, target in edges:
        citing.setdefault(target, set()).add(source)
    drawn = {node for source, target in edges if target in in_batch for node in (source, target)}
    linking = len(in_batch) + len(cited_by) > MAX_GRAPH_NODES
    kept_outside: set[str] = set()
    for node, n in sorted(cited_by.items(), key=lambda item: (-item[1], item[0])):
        added = {node} | (citing[node] - drawn)
        if (linking and n < 2) or len(drawn) + len(added) > MAX_GRAPH_NODES:
            break
        kept_outside.add(node)
        drawn |= added
    links = [(source, target) for source, target in edges if target in in_batch or target in kept_outside]
    nodes = [
        {"id": doc_id, "label": document_label(row), "in_batch": True, "href": f"{doc_id}.html",
         "doc_type": row.get("doc_type") or "", "review": bool(row.get("needs_review"))}
        for doc_id, row in in_batch.items()
        if doc_id in drawn
    ] + [
        {"id": node, "label": outside[node]["label"], "in_batch": False, "href": None,
         "doc_type": outside[node]["doc_type"] or "", "cited_by": cited_by[node]}
        for node in sorted(kept_outside)
    ]  # fmt: skip
    links = [
        {"source": source, "target": target, "relation": sorted(edges[source, target])[0],
         "relations": sorted(edges[source, target])}
        for source, target in sorted(links)
    ]  # fmt: skip
    return {"nodes": nodes, "edges": links, "left_out": len(cited_by) - len(kept_outside)}


def _month(value: Any) -> str | None:
    return value.strftime("%Y-%m") if isinstance(value, date) else None


def _window(today: date) -> tuple[str, str]:
    """The first and last month shown one by one: MONTHS_BEFORE before today's to MONTHS_AFTER after."""
    def shifted(months: int) -> str:
        index = today.year * 12 + today.month - 1 + months
        return f"{index // 12:04d}-{index % 12 + 1:02d}"

    return shifted(-MONTHS_BEFORE), shifted(MONTHS_AFTER)


def deadlines_by_month(tables: Mapping[str, pd.DataFrame], today: date) -> list[dict[str, Any]]:
    """Tasks with an exact deadline, by month around today (those before and after as two rows, `earlier` and
    `later`), each with its share of the busiest row for the bars."""
    first, last = _window(today)
    months = Counter(m for m in map(_month, _column(tables, "tasks", "deadline")["deadline"]) if m)
    rows = [(month, n) for month, n in sorted(months.items()) if first <= month <= last]
    earlier = sum(n for month, n in months.items() if month < first)
    later = sum(n for month, n in months.items() if month > last)
    current = today.strftime("%Y-%m")
    shown = [(month, n, month < current) for month, n in rows]
    shown = ([(f"before {first}", earlier, True)] if earlier else []) + shown
    shown += [(f"after {last}", later, False)] if later else []
    busiest = max((n for _, n, _ in shown), default=1)
    return [{"month": month, "tasks": n, "share": n / busiest, "past": past} for month, n, past in shown]


def workload(tables: Mapping[str, pd.DataFrame], today: date) -> dict[str, Any]:
    """Per body (canonical name): tasks led, supported and reported to, documents, and the deadlines by month of
    the tasks it leads or supports (the busiest months around today; the others in one column)."""
    assignments = _column(tables, "assignments", "doc_id", "task_id", "assignee_canonical", "assignee", "role")
    tasks = _column(tables, "tasks", "doc_id", "task_id", "deadline")
    if assignments.empty:
        return {"bodies": [], "months": []}
    rows = assignments.assign(body=assignments["assignee_canonical"].fillna(assignments["assignee"]))
    rows = rows.drop_duplicates(["doc_id", "task_id", "body", "role"]).merge(tasks, on=["doc_id", "task_id"], how="left")
    rows["acting_month"] = [
        _month(value) if role in ("lead", "support") else None for value, role in zip(rows["deadline"], rows["role"], strict=True)
    ]
    first, last = _window(today)
    month_counts = Counter(m for m in rows["acting_month"] if isinstance(m, str) and first <= m <= last)
    months = sorted(m for m, _ in month_counts.most_common(MAX_MONTHS))
    # per body in one pass over the rows (a pandas group per body cost seconds for thousands of bodies)
    roles: dict[str, Counter[str]] = {}
    by_month: dict[str, Counter[str]] = {}
    documents: dict[str, set[str]] = {}
    for body, role, doc_id, month in zip(rows["body"], rows["role"], rows["doc_id"], rows["acting_month"], strict=True):
        if not isinstance(body, str):
            continue  # no name at all: not a body (a pandas group leaves it out too)
        roles.setdefault(body, Counter())[role] += 1
        documents.setdefault(body, set()).add(doc_id)
        if isinstance(month, str):
            by_month.setdefault(body, Counter())[month] += 1
    bodies = []
    for body, counted in roles.items():
        months_of = by_month.get(body, Counter())
        bodies.append(
            {
                "body": body,
                "lead": counted.get("lead", 0),
                "support": counted.get("support", 0),
                "report_to": counted.get("report_to", 0),
                "documents": len(documents[body]),
                "months": [months_of.get(m, 0) for m in months],
                "other_months": sum(n for m, n in months_of.items() if m not in months),
            }
        )
    bodies.sort(key=lambda b: (-b["lead"], -b["support"], -b["report_to"], b["body"]))
    return {"bodies": bodies[:MAX_BODIES], "months": months, "more": max(0, len(bodies) - MAX_BODIES)}


def due_soon(tables: Mapping[str, pd.DataFrame], today: date, days: int = DUE_DAYS) -> dict[str, Any]:
    """What falls due from `today` to `days` later, by body: every deadline of every task (a date, or the next day a
    recurring one names: ``trước ngày 15 hằng tháng`` on the next 15th), with the bodies that lead or support the
    task (``no body named`` when none does), the earliest first."""
    deadlines = _column(tables, "deadlines", "doc_id", "task_id", "deadline", "deadline_kind", "deadline_text")
    horizon = today + timedelta(days=days)
    due = deadlines.assign(due=[
        falls_due(kind, deadline, text, today)
        for kind, deadline, text in zip(deadlines["deadline_kind"], deadlines["deadline"], deadlines["deadline_text"], strict=True)
    ])  # fmt: skip
    due = due[[d is not None and d <= horizon for d in due["due"]]]
    if due.empty:
        return {"bodies": [], "total": 0, "days": days, "horizon": horizon}
    tasks = _column(tables, "tasks", "doc_id", "task_id", "text")
    labels = {row["doc_id"]: document_label(row) for row in tables["documents"].to_dict("records")}
    who = _column(tables, "assignments", "doc_id", "task_id", "assignee_canonical", "assignee", "role")
    who = who[who["role"].isin(["lead", "support"])]
    who = who.assign(body=who["assignee_canonical"].fillna(who["assignee"]))[["doc_id", "task_id", "body", "role"]]
    rows = due.merge(tasks, on=["doc_id", "task_id"], how="left").merge(
        who.drop_duplicates(), on=["doc_id", "task_id"], how="left"
    )
    rows["body"] = rows["body"].fillna("no body named")
    bodies = []
    for body, group in rows.groupby("body", sort=False):
        items = [
            {"due": row["due"], "role": row["role"] if isinstance(row["role"], str) else None,
             "deadline_text": row["deadline_text"], "doc_id": row["doc_id"], "document": labels.get(row["doc_id"]),
             "task": row["text"]}
            for row in group.sort_values(["due", "doc_id", "task_id"]).to_dict("records")
        ]  # fmt: skip
        bodies.append({"body": body, "deadlines": len(items), "first": items[0]["due"], "rows": items})
    bodies.sort(key=lambda b: (b["body"] == "no body named", b["first"], -b["deadlines"], b["body"]))
    return {"bodies": bodies, "total": len(due), "days": days, "horizon": horizon}
