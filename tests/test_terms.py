"""Terms: what the tasks of a batch are about, as Vietnamese words of several syllables."""

from __future__ import annotations

import pandas as pd

from pipeline.model import PageText, RawDocument, TextSource
from pipeline.normalize import normalize
from pipeline.structure import parse
from pipeline.terms import task_terms, terms_of
from tests.conftest import DEV


def test_words_of_several_syllables_are_found_and_directive_boilerplate_is_not() -> None:
    terms = terms_of("Tăng cường công tác đối ngoại nhân dân và chuyển đổi số trong các cơ quan, đơn vị.")
    assert {"đối ngoại", "nhân dân"} <= terms
    assert not terms & {"công tác", "cơ quan", "đơn vị", "tăng cường"}


def test_the_seed_plan_is_about_foreign_relations_of_the_people() -> None:
    raw = RawDocument(source_file="seed.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, (DEV / "seed-binhdinh-kh-ct12.txt").read_text(encoding="utf-8"), TextSource.PLAIN_TEXT)]
    tasks = parse(normalize(raw)).tasks
    tables = {"tasks": pd.DataFrame({"doc_id": "seed", "text": [t.text for t in tasks]})}
    top = task_terms(tables, top=5)
    assert list(top.columns) == ["term", "tasks", "documents"]
    assert {"đối ngoại", "nhân dân"} <= set(top.term) and (top.documents == 1).all()
    assert top.tasks.is_monotonic_decreasing
