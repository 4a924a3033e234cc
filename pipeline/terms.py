"""What the tasks of a batch are about: the nouns of two syllables or more in the task texts, counted once a task.

A Vietnamese word may be several syllables (``đối ngoại``, ``chuyển đổi số``), which a split on spaces cannot find;
underthesea's word segmentation and part-of-speech tags find them. Nouns every directive uses are listed in
``data/terms.toml`` and left out.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    data = tomllib.loads(resources.files("pipeline.data").joinpath("terms.toml").read_text("utf-8"))
    return frozenset(data["generic"]), frozenset(data["function_words"])


def terms_of(text: str) -> set[str]:
    """The topic nouns of one text, in lower case."""
    from underthesea import pos_tag  # loads its model: only when terms are asked for

    generic, function_words = _vocabulary()
    found = set()
    for word, tag in pos_tag(text):
        syllables = word.lower().split()
        if tag != "N" or len(syllables) < 2 or not all(s.isalpha() for s in syllables):
            continue
        if syllables[0] in function_words or syllables[-1] in function_words:
            continue
        term = " ".join(syllables)
        if term not in generic:
            found.add(term)
    return found


def task_terms(tables: Mapping[str, pd.DataFrame] | str | Path, top: int = 20) -> pd.DataFrame:
    """The `top` terms of the batch's tasks: ``term``, ``tasks`` (how many tasks use it) and ``documents``."""
    if not isinstance(tables, Mapping):
        from pipeline import load

        tables = load(tables)
    tasks = tables.get("tasks", pd.DataFrame())
    by_term: Counter[str] = Counter()
    documents: dict[str, set[str]] = {}
    for task in tasks.itertuples():
        for term in terms_of(str(task.text)):
            by_term[term] += 1
            documents.setdefault(term, set()).add(task.doc_id)
    rows = [(term, count, len(documents[term])) for term, count in by_term.most_common()]
    rows.sort(key=lambda row: (-row[1], -row[2], row[0]))
    return pd.DataFrame(rows[:top], columns=["term", "tasks", "documents"])
