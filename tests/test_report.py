"""The review report and documents.jsonl, written with every run: static pages opened from disk in a real headless
Chromium (the Debian package, which the Makefile installs), with no script error."""

from __future__ import annotations

import json
from datetime import date
import shutil
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import Markup, escape
from playwright.sync_api import Page, sync_playwright

from pipeline.cli import main
from pipeline.report.document_view import Mark, article, field_marks, segments
from tests.conftest import DEV, RAW

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BATCH = [DEV / "seed-binhdinh-kh-ct12.txt", DEV / "src-vnmp-04.txt", RAW / "cv-360-snv.txt"]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    assert main(["run", *map(str, BATCH), "--out", str(folder), "--quiet"]) == 0
    return folder


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def opened(browser, path: Path) -> tuple[Page, list[str]]:
    """A page of the report opened from disk, and the script errors it met (uncaught ones and console errors)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: problems.append(f"not loaded: {request.url}"))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


def test_the_batch_page_lists_documents_needing_review_first_and_draws_the_citation_graph(out: Path, browser) -> None:
    page, problems = opened(browser, out / "report" / "index.html")
    documents = pd.read_parquet(out / "documents.parquet")
    rows = page.locator("table.documents tbody tr")
    assert rows.count() == len(documents) == 3
    assert "review" in rows.first.get_attribute("class")  # the plan without number and date comes first
    assert "no number" in rows.first.inner_text() and "no date" in rows.first.inner_text()
    graph = json.loads(page.locator("#graph-data").text_content())
    drawn = page.evaluate("[window.vanbanGraph.nodes().length, window.vanbanGraph.edges().length]")
    assert drawn == [len(graph["nodes"]), len(graph["edges"])] and drawn[1] >= 5
    assert page.locator("table.workload tbody tr").count() >= 5
    page.screenshot(path=out / "index.png", full_page=True)
    assert problems == [] and (out / "index.png").stat().st_size > 50_000


def test_a_document_page_marks_every_task_citation_and_assignee_where_it_stands(out: Path, browser) -> None:
    documents = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    plan = documents.index[documents.source_file.str.endswith("src-vnmp-04.txt")][0]
    tasks = pd.read_parquet(out / "tasks.parquet").query("doc_id == @plan")
    leads = pd.read_parquet(out / "assignments.parquet").query("doc_id == @plan and role == 'lead'")
    mentions = pd.read_parquet(out / "citation_mentions.parquet").query("doc_id == @plan")
    deadlines = pd.read_parquet(out / "deadlines.parquet").query("doc_id == @plan")
    page, problems = opened(browser, out / "report" / f"{plan}.html")
    text = (out / documents.loc[plan, "text_path"]).read_text(encoding="utf-8")
    assert page.locator("article.text").text_content() == text  # the marks add nothing to the text
    assert page.locator("article.text .m.task[id]").count() == len(tasks)
    assert page.locator("article.text .m.role-lead[id]").count() == len(leads)
    assert page.locator("article.text .m[class*='cite-'][id]").count() == len(mentions) > 0
    assert page.locator("article.text .m.deadline[id]").count() == len(deadlines) > 0
    first_task = tasks.iloc[0]
    page.locator("table.tasks a").first.click()
    assert page.evaluate("location.hash") == f"#{first_task.task_id}"
    marked = page.locator(f"[id='{first_task.task_id}']").text_content()  # the task's first piece
    assert marked and text[first_task.char_start : first_task.char_end].startswith(marked)
    assert page.evaluate(f"document.getElementById('{first_task.task_id}').getBoundingClientRect().top") < 900
    assert page.locator("table.fields").inner_text().count("Kế hoạch") == 1
    page.screenshot(path=out / "document.png")
    assert problems == []


def test_documents_jsonl_nests_each_documents_rows(out: Path) -> None:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    documents = [json.loads(line) for line in lines]
    tasks = pd.read_csv(out / "tasks.csv")
    assert [d["doc_id"] for d in documents] == pd.read_csv(out / "documents.csv").doc_id.tolist()
    for document in documents:
        assert len(document["tasks"]) == (tasks.doc_id == document["doc_id"]).sum()
        assert {"sections", "assignments", "citations", "recipients", "pages"} <= document.keys()
    plan = next(d for d in documents if d["source_file"].endswith("cv-360-snv.txt"))
    assert plan["issue_date"] == "2024-12-05" and plan["needs_review"] is False
    assert all("doc_id" not in task for task in plan["tasks"])


def test_marks_over_one_another_nest_and_keep_the_text() -> None:
    text = "Sở Xây dựng chủ trì, hoàn thành trước ngày 15/12/2024."
    task = Mark(0, len(text), "task", "task t1", "t1")
    lead = Mark(0, 11, "role-lead", "lead", "a0")
    deadline = Mark(text.index("trước"), len(text) - 1, "deadline", "deadline", "d-t1")
    pieces = segments(text, [deadline, lead, task])
    assert "".join(piece.text for piece in pieces) == text
    assert [[m.key for m in piece.marks] for piece in pieces] == [["t1", "a0"], ["t1"], ["t1", "d-t1"], ["t1"]]
    assert pieces[0].first == {"t1", "a0"} and pieces[2].first == {"d-t1"}


def test_deadlines_far_from_today_are_grouped_and_the_graph_leaves_out_documents_with_no_edge(out: Path) -> None:
    import pipeline
    from pipeline.report import batch_view

    tables = pipeline.load(out)
    tasks = tables["tasks"].copy()
    tasks["deadline"] = pd.array(
        [date(2020, 1, 5), date(2025, 1, 31), date(2025, 2, 1), date(2031, 6, 30)] + [None] * (len(tasks) - 4),
        dtype=tasks["deadline"].dtype,
    )
    months = batch_view.deadlines_by_month({**tables, "tasks": tasks}, today=date(2025, 1, 15))
    assert [(m["month"], m["tasks"], m["past"]) for m in months] == [
        ("before 2024-01", 1, True), ("2025-01", 1, False), ("2025-02", 1, False), ("after 2027-01", 1, False)
    ]
    graph = batch_view.citation_graph(tables)
    linked = {edge[end] for edge in graph["edges"] for end in ("source", "target")}
    assert {node["id"] for node in graph["nodes"]} == linked


def test_the_batch_page_says_what_each_body_has_due_in_the_next_30_days(out: Path, tmp_path: Path) -> None:
    """Kế hoạch 3260-KH/ĐĐQH15 (src-vnmp-04) sets 'trong năm 2025' on a task the Tổ đảng of the Committee on Science
    leads: seen from 10 December 2025 it falls due within 30 days (on the 31st), with its body; from 1 December 2024
    the công văn 360/SNV-VP's 'trước ngày 20/12/2024' is due and names no body."""
    import pipeline
    from pipeline import report
    from pipeline.report import batch_view

    tables = pipeline.load(out)
    due = batch_view.due_soon(tables, today=date(2025, 12, 10))
    led = {(b["body"], i["due"], i["role"], i["deadline_text"], i["document"]) for b in due["bodies"] for i in b["rows"]}
    body = "Tổ đảng ở Thường trực Ủy ban Khoa học, Công nghệ và Môi trường"
    assert (body, date(2025, 12, 31), "lead", "trong năm 2025", "3260-KH/ĐĐQH15") in led
    assert all(date(2025, 12, 10) <= i["due"] <= date(2026, 1, 9) for b in due["bodies"] for i in b["rows"])
    earlier = batch_view.due_soon(tables, today=date(2024, 12, 1))
    assert [(b["body"], b["first"]) for b in earlier["bodies"]] == [("no body named", date(2024, 12, 20))]
    copy = tmp_path / "batch"
    shutil.copytree(out, copy)
    page = (report.write(copy, today=date(2025, 12, 10)) / "index.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="due">') : page.index('<section id="workload"')]
    assert body in section and "2025-12-31" in section and "3260-KH/ĐĐQH15" in section


def test_vanban_report_writes_the_report_again_as_of_a_day_given(out: Path, tmp_path: Path) -> None:
    """A batch of last year's documents has nothing due in the 30 days from today; `vanban report FOLDER --today`
    writes its report seen from a day of its own: from 1 December 2024 the công văn 360/SNV-VP is due on the 20th."""
    copy = tmp_path / "batch"
    shutil.copytree(out, copy)
    assert main(["report", str(copy), "--today", "2024-12-01"]) == 0
    page = (copy / "report" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="due">') : page.index('<section id="workload"')]
    assert "from 2024-12-01 to 2024-12-31" in section and "2024-12-20" in section and "360/SNV-VP" in section


def test_header_fields_are_marked_where_their_words_stand_in_either_case_and_any_spacing() -> None:
    """A field is marked at the first place its words stand (any run of spaces or line breaks between them, in
    either case; the place where the date follows it), the signature's at the last, as a pattern of its words
    finds them: also where a letter of the text matches another in either case only (ı and i)."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC LÂM\nBắc Lâm,  ngày 05 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH\nKẾ HOẠCH"
        " & KẾ HOẠCH <2024>\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nAn An An\nKT. CHỦ TỊCH\nCHỦ TỊCH\n"
    )
    document = {
        "doc_type": "Quyết định", "issuer": "Ủy ban nhân dân tỉnh Bắc Lâm", "issue_place": "Bắc Lâm",
        "issue_date": date(2024, 3, 5), "title": "Về việc ban hành kế hoạch & Kế hoạch <2024>",
        "signer_title": "Chủ tịch", "signer_name": "An An", "number_symbol": None,
    }  # fmt: skip
    marks = {m.key: text[m.start : m.end] for m in field_marks(text, document)}
    assert marks == {
        "f-doc_type": "QUYẾT ĐỊNH", "f-issuer": "ỦY BAN NHÂN DÂN\nTỈNH BẮC LÂM", "f-issue_place": "Bắc Lâm",
        "f-issue_date": "ngày 05 tháng 3 năm 2024", "f-title": "VỀ VIỆC BAN HÀNH\nKẾ HOẠCH & KẾ HOẠCH <2024>",
        "f-signer_title": "CHỦ TỊCH", "f-signer_name": "An An",
    }  # fmt: skip
    place = next(m for m in field_marks(text, document) if m.key == "f-issue_place")
    assert text[place.end :].startswith(",  ngày")  # not the place in the issuer's name
    signer = {m.key: m.start for m in field_marks(text, document)}
    assert signer["f-signer_title"] == text.rindex("CHỦ TỊCH") and signer["f-signer_name"] == text.index("An An An")
    for other_i in ("ı", "İ"):  # a letter that matches i in either case, not in lower case (İ lowers to two letters)
        signed = f"Ông Kim\nK{other_i}M\n"
        assert [signed[m.start : m.end] for m in field_marks(signed, {"signer_name": "Kim"})] == [f"K{other_i}M"]


def test_the_text_of_a_page_is_escaped_as_markupsafe_escapes_it() -> None:
    text = "Điều 1. A & B <b>\"quoted\"</b> it's"
    task = Mark(0, 9, "task", "task <1>", "t1")
    assert article(segments(text, [task])) == Markup(f'<span class="m task" title="task &lt;1&gt;" id="t1">') + escape(
        text[:9]
    ) + Markup("</span>") + escape(text[9:])
