"""The notebooks run, top to bottom, against the sample documents: they never rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import pipeline
from tests.conftest import RAW, ROOT

NOTEBOOKS = ROOT / "notebooks"


def execute(name: str) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    ).execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> str:
    return "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    )  # fmt: skip


def test_the_batch_notebook_explores_a_processed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.run([RAW], tmp_path, jobs=2)
    monkeypatch.setenv("VANBAN_OUT", str(tmp_path))
    text = outputs(execute("explore_batch.ipynb"))
    assert "34-CT/TW" in text  # the most cited document of the samples
    assert (tmp_path / "citation_graph.png").stat().st_size > 10_000


def test_the_one_document_notebook_walks_through_every_stage() -> None:
    text = outputs(execute("one_document.ipynb"))
    assert "45-KH/TU" in text and "Ban Tuyên giáo Tỉnh ủy" in text


def test_the_catalogue_notebook_shows_the_chain_and_the_tasks_due() -> None:
    text = outputs(execute("catalogue.ipynb"))
    assert "34-CT/TW" in text and "└" in text  # the chain from the central directive
    assert "Sở Nội vụ" in text and "2024-12-31" in text  # a task due, with its lead body
