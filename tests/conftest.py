"""Shared paths and fixtures. Real documents are read from ../shared/corpus, never copied."""

from __future__ import annotations

import gzip
import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = CORPUS / "dev"
SCANS = CORPUS / "scans"
RAW = ROOT / "data" / "raw"


def pytest_report_header() -> str | None:
    """Say when Ctrl-C is ignored from the start (a suite started in the background of a shell without job control):
    every process the suite starts inherits that, unless it is started with Ctrl-C's default action."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        return "Ctrl-C is ignored in this process (started in the background?): its child processes inherit that"
    return None


@pytest.fixture(autouse=True)
def signal_actions_kept() -> Iterator[None]:
    """Every test leaves Ctrl-C's and SIGTERM's actions in this process as it found them: a test that left one
    ignored would pass that on to every process started after it (exec keeps an ignored signal)."""
    before = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    after = {number: signal.getsignal(number) for number in before}
    assert after == before, f"the test changed signal actions: {before} -> {after}"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing: expected it at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def bulk() -> dict[str, str]:
    """The texts of the bulk corpus (the national legal database's web pages), by id."""
    with gzip.open(CORPUS / "bulk-vbpl.jsonl.gz", "rt", encoding="utf-8") as lines:
        return {record["id"]: record["text"] for record in map(json.loads, lines)}


def written_for(assignee: str, span_text: str) -> bool:
    """An assignee's span holds it as written, or, for a name spelled out from a shared list (``Giám đốc các Sở:
    …, Tài chính`` → Giám đốc Sở Tài chính), the words written for it."""
    return span_text == assignee or (span_text != "" and assignee.endswith(span_text.rpartition(": ")[2]))
