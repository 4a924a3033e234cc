"""The catalogue across batches (#21): one document however often and in whatever form it arrives, citations
resolved against everything received, the chain from a central directive down, and tasks due."""

from __future__ import annotations

import fcntl
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipeline import catalogue
from pipeline.cli import main
from tests.conftest import DEV, RAW, ROOT
from tests.test_report import browser, opened  # noqa: F401 - the report tests' browser fixture

SAMPLES = ROOT / "scripts" / "samples"


def _batch(tmp_path: Path, name: str, *files: Path, cat: Path) -> Path:
    inbox, out = tmp_path / f"{name}-in", tmp_path / f"{name}-out"
    inbox.mkdir()
    for file in files:
        shutil.copy(file, inbox / file.name)
    assert main(["run", str(inbox), "--out", str(out), "--jobs", "2", "--quiet", "--catalogue", str(cat)]) == 0
    return out


@pytest.fixture(scope="module")
def two_weeks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Week 1: the provincial plan 45-KH/TU as text. Week 2: the decision carrying it out, and a scan of the plan."""
    tmp_path = tmp_path_factory.mktemp("catalogue")
    cat = tmp_path / "catalogue.duckdb"
    _batch(tmp_path, "week1", SAMPLES / "kh-45-tu.txt", cat=cat)
    _batch(tmp_path, "week2", SAMPLES / "qd-1351-ubnd.txt", RAW / "kh-45-tu-scan.pdf", cat=cat)
    return cat


def _sql(cat: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(cat), read_only=True) as db:
        return db.sql(query).fetchall()


def test_the_same_document_in_two_forms_is_one_document_with_two_sources(two_weeks: Path) -> None:
    rows = _sql(two_weeks, "select versions, sources from catalogue_documents where number_symbol = '45-KH/TU'")
    assert len(rows) == 1
    versions, sources = rows[0]
    assert versions == 2 and "kh-45-tu.txt" in sources and "kh-45-tu-scan.pdf" in sources
    # the primary version is the text, not the OCR of the scan
    assert _sql(two_weeks, "select text_source from document_versions where version_rank = 1 and "
                "document_key in (select document_key from catalogue_documents where number_symbol = '45-KH/TU')"
                ) == [("plain_text",)]  # fmt: skip


def test_a_citation_resolves_to_a_document_received_in_an_earlier_batch(two_weeks: Path) -> None:
    links = _sql(two_weeks, """
        select l.relation, d.number_symbol from citation_links l
        join catalogue_documents c on c.document_key = l.citing_key
        join catalogue_documents d on d.document_key = l.cited_key
        where c.number_symbol = '1351/QĐ-UBND'""")
    assert ("implements", "45-KH/TU") in links


def test_the_chain_runs_from_the_central_directive_down_to_the_decision(two_weeks: Path) -> None:
    chain = _sql(two_weeks, """select depth, number_symbol from implementation_chain
                                where root_number_symbol = '34-CT/TW' order by depth""")
    assert chain[:3] == [(0, "34-CT/TW"), (1, "45-KH/TU"), (2, "1351/QĐ-UBND")]
    citing = _sql(two_weeks, """select citing_number_symbol, depth from citing_documents
                                where cited_number_symbol = '34-CT/TW' order by depth""")
    assert ("45-KH/TU", 1) in citing and ("1351/QĐ-UBND", 1) in citing  # the decision cites it too


def test_tasks_due_name_their_lead_body_and_deadline(two_weeks: Path) -> None:
    due = catalogue.due(two_weeks, within_days=45, today=date(2024, 11, 20))
    assert ("Sở Nội vụ", date(2024, 12, 31)) in set(zip(due.assignee, due.deadline.dt.date))
    assert set(due.number_symbol) <= {"45-KH/TU", "1351/QĐ-UBND"}
    assert catalogue.due(two_weeks, within_days=45, today=date(2024, 11, 20), body="nội vụ").assignee.nunique() == 1


def test_a_recurring_deadline_falls_due_on_the_next_day_it_names(tmp_path: Path) -> None:
    """Quyết định 49/2012 (src-congbot-10): reports due before the 15th of every month and before 5 July every
    year; looked at from 21 June 2025, both fall due within 30 days, the one on the 15th each time."""
    cat = tmp_path / "catalogue.duckdb"
    _batch(tmp_path, "regulation", DEV / "src-congbot-10.txt", cat=cat)
    due = catalogue.due(cat, within_days=30, today=date(2025, 6, 21))
    falling = set(zip(due.deadline.dt.date, due.deadline_text))
    assert (date(2025, 7, 15), "trước ngày 15 hàng tháng") in falling
    assert (date(2025, 7, 5), "trước ngày 05 tháng 7 hàng năm") in falling
    assert set(due.deadline_kind) == {"recurring"}  # its dates (2012) are long past


def test_the_due_command_looks_from_a_given_day(two_weeks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "due", "--catalogue", str(two_weeks), "--today", "2024-12-01", "--body", "nội vụ"]) == 0
    assert "2024-12-31" in capsys.readouterr().out


def test_the_review_report_shows_the_chain_and_the_tasks_due_across_batches(two_weeks: Path, browser) -> None:
    page, problems = opened(browser, two_weeks.parent / "week2-out" / "report" / "catalogue.html")
    chain, received = page.inner_text("#chain"), page.inner_text("#received")
    page.screenshot(path=str(two_weeks.parent / "catalogue.png"), full_page=True)
    assert not problems
    assert "34-CT/TW" in chain and "(cited, not received)" in chain and "1351/QĐ-UBND" in chain
    assert "kh-45-tu-scan.pdf" in received and "kh-45-tu.txt" in received
    assert (two_weeks.parent / "catalogue.png").stat().st_size > 20_000


def test_adding_the_same_batch_again_changes_nothing(tmp_path: Path) -> None:
    cat = tmp_path / "catalogue.duckdb"
    out = _batch(tmp_path, "once", SAMPLES / "cv-360-snv.txt", cat=cat)
    before = _sql(cat, "select count(*) from documents union all select count(*) from tasks")
    again = catalogue.add_batch(cat, out)
    assert again.new_sources == 0
    assert _sql(cat, "select count(*) from documents union all select count(*) from tasks") == before


def test_a_second_writer_waits_and_then_refuses_with_a_clear_message(tmp_path: Path) -> None:
    cat = tmp_path / "catalogue.duckdb"
    out = _batch(tmp_path, "first", SAMPLES / "cv-360-snv.txt", cat=cat)
    with open(cat.with_name(cat.name + ".lock"), "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        started = time.monotonic()
        with pytest.raises(catalogue.CatalogueError, match="being written by another run.*vanban catalogue add"):
            catalogue.add_batch(cat, out, wait=0.5)
        assert time.monotonic() - started >= 0.5
    assert catalogue.add_batch(cat, out, wait=0.5).documents == 1  # once free, the batch goes in


def test_watch_adds_files_dropped_into_the_folder_and_stops_on_sigterm(tmp_path: Path) -> None:
    inbox, cat = tmp_path / "inbox", tmp_path / "catalogue.duckdb"
    inbox.mkdir()
    command = [sys.executable, "-m", "pipeline.cli", "watch", str(inbox), "--out", str(tmp_path / "out"),
               "--catalogue", str(cat), "--interval", "0.3", "--jobs", "1"]  # fmt: skip
    watcher = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        shutil.copy(SAMPLES / "cv-360-snv.txt", inbox / "công văn.txt")
        found: list[tuple] = []
        deadline = time.monotonic() + 90
        while not found and time.monotonic() < deadline:
            time.sleep(0.5)
            try:
                found = _sql(cat, "select number_symbol from catalogue_documents") if cat.exists() else []
            except duckdb.Error:  # being written at this moment
                found = []
        assert found == [("360/SNV-VP",)]
    finally:
        watcher.send_signal(signal.SIGTERM)
        _, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0 and "stopped" in err and "1 new or changed" in err, err
