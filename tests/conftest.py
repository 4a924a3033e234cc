"""Shared paths and fixtures. Real documents are read from ../shared/corpus, never copied."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = CORPUS / "dev"
SCANS = CORPUS / "scans"
RAW = ROOT / "data" / "raw"


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
