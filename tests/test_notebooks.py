"""The notebooks run, top to bottom, against the sample documents: they never rot."""

from __future__ import annotations

import signal
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import pipeline
from tests.conftest import RAW, ROOT

NOTEBOOKS = ROOT / "notebooks"


def execute(name: str) -> nbformat.NotebookNode:
    """Run a notebook in a kernel. nbclient handles Ctrl-C while it runs and then leaves Python's default handler
    (asyncio's remove_signal_handler), even where Ctrl-C was ignored: the action it found is put back."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    ctrl_c = signal.getsignal(signal.SIGINT)
    try:
        NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
    finally:
        signal.signal(signal.SIGINT, ctrl_c)
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> str:
    return "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    )  # fmt: skip


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample documents, processed once for every notebook that reads a batch."""
    out = tmp_path_factory.mktemp("samples")
    pipeline.run([RAW], out, jobs=2)
    return out


def test_the_batch_notebook_explores_a_processed_folder(samples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANBAN_OUT", str(samples))
    text = outputs(execute("explore_batch.ipynb"))
    assert "34-CT/TW" in text  # the most cited document of the samples
    assert (samples / "citation_graph.png").stat().st_size > 10_000


def test_the_one_document_notebook_walks_through_every_stage() -> None:
    text = outputs(execute("one_document.ipynb"))
    assert "45-KH/TU" in text and "Ban Tuyên giáo Tỉnh ủy" in text


def test_the_deadlines_notebook_says_what_is_due_in_the_next_30_days_and_for_whom(
    samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VANBAN_OUT", str(samples))
    monkeypatch.setenv("VANBAN_TODAY", "2024-12-01")  # the plan 45-KH/TU sets 15/12/2024 for its first step
    text = outputs(execute("deadlines_due.ipynb"))
    assert "2024-12-15" in text and "45-KH/TU" in text and "Ban Tuyên giáo Tỉnh ủy Bắc Lâm" in text
    assert "1351/QĐ-UBND" in text  # Sở Nội vụ, by 31/12/2024


def test_the_catalogue_notebook_shows_the_chain_and_the_tasks_due() -> None:
    text = outputs(execute("catalogue.ipynb"))
    assert "34-CT/TW" in text and "└" in text  # the chain from the central directive
    assert "Sở Nội vụ" in text and "2024-12-31" in text  # a task due, with its lead body
