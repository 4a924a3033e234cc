"""What a batch asks of one body: every task it leads or supports, with the deadlines, across the documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from pipeline.keys import name_key

COLUMNS = [
    "number_symbol", "doc_type", "issue_date", "issuer", "task_id", "role", "assignee", "assignee_canonical",
    "deadline", "deadline_text", "text", "source_file", "doc_id",
]  # fmt: skip


def assignments_for(
    tables: Mapping[str, pd.DataFrame] | str | Path, body: str, roles: Iterable[str] = ("lead", "support")
) -> pd.DataFrame:
    """The tasks where `body` has one of `roles`, one row per (task, role), earliest deadline first.

    `tables`: the tables of a batch (:func:`pipeline.load`) or its output folder. A body matches when its
    canonical name holds `body` as whole words, diacritics, case and abbreviations aside: ``Sở Xây dựng``,
    ``so xay dung`` and ``UBND tỉnh`` (for every ``Ủy ban nhân dân tỉnh …``) all work."""
    if not isinstance(tables, Mapping):
        from pipeline import load

        tables = load(tables)
    assignments = tables.get("assignments", pd.DataFrame())
    if assignments.empty:
        return pd.DataFrame(columns=COLUMNS)
    wanted = f" {name_key(body)} "
    matches = assignments[
        assignments["role"].isin(list(roles))
        & assignments["assignee_canonical"].map(lambda name: wanted in f" {name_key(name)} ")
    ]
    tasks = tables["tasks"][["doc_id", "task_id", "deadline", "deadline_text", "text"]]
    documents = tables["documents"][["doc_id", "number_symbol", "doc_type", "issue_date", "issuer", "source_file"]]
    rows = matches.merge(tasks, on=["doc_id", "task_id"], how="left").merge(documents, on="doc_id", how="left")
    rows = rows.drop_duplicates(["doc_id", "task_id", "role", "assignee_canonical"])
    return rows.sort_values(["deadline", "issue_date", "doc_id", "task_id"], na_position="last")[COLUMNS].reset_index(
        drop=True
    )
