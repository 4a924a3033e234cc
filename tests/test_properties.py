"""Properties of the whole text path (normalize → structure → extract) on random and mutated real text: it never
raises, every span indexes the normalised text, and citations survive harmless changes.

The default run tries a few dozen examples; ``make hypothesis`` runs the thorough profile (10 000 each).
"""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.citations import find_citations
from pipeline.keys import number_symbol_key
from pipeline.model import PageText, RawDocument, TextSource
from pipeline.process import finish
from pipeline.settings import Settings
from tests.conftest import DEV, written_for

settings.register_profile("default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]


@st.composite
def mutated_dev_text(draw: st.DrawFn) -> str:
    """A slice of a real dev text, with characters inserted, deleted or replaced here and there."""
    text = draw(st.sampled_from(TEXTS))
    start = draw(st.integers(0, max(0, len(text) - 1)))
    piece = list(text[start : start + draw(st.integers(0, 3000))])
    for _ in range(draw(st.integers(0, 20))):
        position = draw(st.integers(0, len(piece)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        char = draw(st.characters(blacklist_categories=("Cs",)))
        if action == "insert" or not piece:
            piece.insert(position, char)
        elif action == "delete":
            piece.pop(min(position, len(piece) - 1))
        else:
            piece[min(position, len(piece) - 1)] = char
    return "".join(piece)


def process(text: str) -> tuple[str, dict]:
    raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=text, text_source=TextSource.PLAIN_TEXT)]
    result = finish(raw, [], Settings())
    return result.text or "", result.rows


@given(st.one_of(mutated_dev_text(), st.text(max_size=2000)))
def test_the_text_path_never_fails_and_every_span_indexes_the_text(text: str) -> None:
    normalised, rows = process(text)
    assert not [e for e in rows["errors"] if e["error_type"] == "internal_error"], rows["errors"]
    for table in ("sections", "tasks", "assignments", "citations", "citation_mentions", "recipients"):
        for row in rows[table]:
            assert 0 <= row["char_start"] <= row["char_end"] <= len(normalised), (table, row)
    for row in rows["assignments"]:
        assert written_for(row["assignee"], normalised[row["char_start"] : row["char_end"]]), row


@given(
    st.sampled_from(
        ["Chỉ thị số 12-CT/TW ngày 05/01/2022", "Nghị định số 30/2020/NĐ-CP", "Quyết định số 1351/QĐ-UBND"]
    ),
    st.sampled_from(["  ", "\n", " \u00a0", "\t"]),
    st.booleans(),
)
def test_a_citation_is_found_after_harmless_changes(citation: str, space: str, decomposed: bool) -> None:
    changed = citation.replace(" ", space)
    sentence = f"Thực hiện {changed} của cấp trên, Sở Nội vụ hướng dẫn như sau."
    if decomposed:
        sentence = unicodedata.normalize("NFD", sentence)
    normalised, _ = process(sentence)
    keys = {number_symbol_key(r.number_symbol or "") for r in find_citations(normalised)}
    assert number_symbol_key(citation.split("số ")[1].split(" ")[0]) in keys
