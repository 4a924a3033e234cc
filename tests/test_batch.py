"""The batch: every input gives rows, bad ones an `errors` row each; the run goes on and exits with a status."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import batch, export, schema
from pipeline.cli import main
from pipeline.settings import Settings
from tests import bad_inputs
from tests.conftest import DEV, RAW, SCANS


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """One run over good documents of every kind and every bad input."""
    inputs = tmp_path_factory.mktemp("inputs")
    bad_inputs.make(inputs / "bad")
    shutil.copy(DEV / "seed-binhdinh-kh-ct12.txt", inputs / "kế hoạch seed.txt")
    shutil.copy(SCANS / "ailab_2_scan_image-only.pdf", inputs / "scan.pdf")
    shutil.copy(SCANS / "congbao_282-2025-ND-CP_digital.pdf", inputs / "digital.pdf")
    shutil.copy(SCANS / "ailab_4_1.jpg", inputs / "photo.jpg")
    out = tmp_path_factory.mktemp("out")
    code = main(["run", str(inputs), "--out", str(out), "--jobs", "2", "--quiet"])
    return inputs, out, code


def test_each_bad_input_gives_one_clear_error_and_a_failed_document(mixed_run) -> None:
    inputs, out, code = mixed_run
    errors = pd.read_csv(out / "errors.csv")
    documents = pd.read_csv(out / "documents.csv").set_index("source_file")
    for name, error_type in bad_inputs.EXPECTED.items():
        source = str(inputs / "bad" / name)
        rows = errors[errors.source_file == source]
        assert rows.error_type.tolist() == [error_type], name
        assert documents.loc[source, "status"] == "failed" and documents.loc[source, "error"] == rows.message.iloc[0]
    assert code == 1  # some documents failed


def test_good_documents_of_every_kind_are_processed(mixed_run) -> None:
    inputs, out, _ = mixed_run
    documents = pd.read_csv(out / "documents.csv").set_index("source_file")
    expected = {"kế hoạch seed.txt": "plain_text", "scan.pdf": "ocr", "digital.pdf": "text_layer", "photo.jpg": "ocr"}
    for name, source in expected.items():
        row = documents.loc[str(inputs / name)]
        assert (row.status, row.text_source) == ("ok", source), name
        text = (out / row.text_path).read_text(encoding="utf-8")
        assert len(text) == row.chars > 1000
    pages = pd.read_csv(out / "pages.csv")
    scan_pages = pages[pages.doc_id == documents.loc[str(inputs / "scan.pdf"), "doc_id"]]
    assert scan_pages.page.tolist() == [1, 2] and (scan_pages.ocr_confidence > 70).all()


def test_tables_follow_the_declared_schema_in_csv_parquet_and_duckdb(mixed_run) -> None:
    _, out, _ = mixed_run
    with duckdb.connect(str(out / "vanban.duckdb"), read_only=True) as db:
        for table, columns in schema.TABLES.items():
            csv = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
            parquet = pd.read_parquet(out / f"{table}.parquet")
            assert list(csv.columns) == list(parquet.columns) == list(columns), table
            assert len(csv) == len(parquet) == db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    runs = pd.read_csv(out / "runs.csv")
    assert runs.schema_version.tolist() == [int(schema.SCHEMA_VERSION)] and runs.documents.tolist() == [
        4 + len(bad_inputs.EXPECTED)
    ]



def test_dates_are_typed_in_parquet_and_duckdb_and_iso_text_in_csv(mixed_run) -> None:
    _, out, _ = mixed_run
    dated = {
        (table, column): dtype
        for table, columns in schema.TABLES.items()
        for column, dtype in columns.items()
        if dtype in (schema.D, schema.TS)
    }
    assert {("documents", "issue_date"), ("tasks", "deadline"), ("citations", "date"), ("runs", "started_at")} <= set(
        dated
    )
    with duckdb.connect(str(out / "vanban.duckdb"), read_only=True) as db:
        for (table, column), dtype in dated.items():
            query = "select data_type from information_schema.columns where table_name = ? and column_name = ?"
            [(kind,)] = db.execute(query, [table, column]).fetchall()
            assert kind == ("DATE" if dtype == schema.D else "TIMESTAMP WITH TIME ZONE"), (table, column)
        [(late, exact)] = db.sql("select count(*) filter (deadline < current_date), count(deadline) from tasks").fetchall()
        [(cited,)] = db.sql("select count(*) from citations").fetchall()
        issued = db.sql("select date_trunc('month', issue_date) from documents where doc_type = 'Kế hoạch'").fetchall()
    assert 0 <= late <= exact and cited >= 1 and issued
    csv = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    parquet = pd.read_parquet(out / "documents.parquet")
    assert [str(d) if pd.notna(d) else "" for d in parquet.issue_date] == csv.issue_date.tolist()
    assert csv.issue_date.str.fullmatch(r"(\d{4}-\d{2}-\d{2})?").all() and (csv.issue_date != "").any()

def test_doc_id_is_stable_for_the_same_content(mixed_run) -> None:
    inputs, out, _ = mixed_run
    documents = pd.read_csv(out / "documents.csv")
    seed = documents[documents.source_file.str.endswith("seed.txt")].iloc[0]
    assert seed.doc_id == seed.sha256[:16]


def test_a_file_that_disappears_mid_run_is_reported_and_the_rest_finish(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(4):
        (inputs / f"{n}.txt").write_text(f"Công văn số {n}/UBND-VP về việc thứ {n}", encoding="utf-8")
    victim = inputs / "3.txt"
    summary = batch.run([inputs], tmp_path / "out", jobs=1, progress=False, on_result=lambda _: victim.unlink(True))
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert documents.status.tolist() == ["ok", "ok", "ok", "failed"]
    assert "file disappeared" in documents.error.iloc[3]
    assert summary.exit_code == 1


def test_a_page_that_takes_too_long_is_a_timeout_not_a_hang(tmp_path: Path) -> None:
    settings = Settings(page_timeout=0.05)
    summary = batch.run([SCANS / "ailab_4_1.jpg"], tmp_path, settings, jobs=1, progress=False)
    errors = pd.read_csv(tmp_path / "errors.csv")
    assert errors.error_type.tolist()[0] == "timeout" and errors.stage.tolist()[0] == "ocr"
    assert summary.failed == 1


def test_usage_errors_exit_with_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as missing:
        main(["run", str(tmp_path / "nowhere"), "--out", str(tmp_path)])
    with pytest.raises(SystemExit) as bad_jobs:
        main(["run", str(DEV / "src-congbot-12.txt"), "--jobs", "0", "--out", str(tmp_path)])
    assert missing.value.code == bad_jobs.value.code == 2


def test_a_clean_batch_exits_with_0(tmp_path: Path) -> None:
    code = main(
        ["run", str(DEV / "src-congbot-12.txt"), str(DEV / "src-vbpl-01.txt"), "--out", str(tmp_path), "--quiet"]
    )
    assert code == 0


def test_duckdb_views_answer_the_first_questions_and_python_loads_the_same_tables(tmp_path: Path) -> None:
    import pipeline

    summary = pipeline.run([DEV / "seed-binhdinh-kh-ct12.txt", DEV / "src-congbot-02.txt"], tmp_path, jobs=1)
    assert summary.exit_code == 0
    tables = pipeline.load(tmp_path)
    assert set(tables) == set(schema.TABLES)
    with duckdb.connect(str(tmp_path / "vanban.duckdb"), read_only=True) as db:
        cited = db.sql("select cited_number_symbol from citation_edges where relation = 'implements'").fetchall()
        leads = db.sql(
            "select assignee from task_assignments where role = 'lead' and assignee like 'Ban Tuyên giáo%'"
        ).fetchall()
        overview = db.sql("select doc_type, citation_count from document_overview order by source_file").fetchall()
    assert ("12-CT/TW",) in cited
    assert leads == [("Ban Tuyên giáo Tỉnh ủy",)]
    assert overview[0][0] == "Kế hoạch" and overview[0][1] == 3
    assert len(tables["citations"]) == sum(count for _, count in overview)


def test_citations_of_documents_in_the_same_batch_are_linked(tmp_path: Path) -> None:
    """The sample công văn carries out the sample decision, which carries out the sample plan."""
    pipeline_run = main(["run", str(RAW), "--out", str(tmp_path), "--quiet"])
    assert pipeline_run == 0
    citations = pd.read_csv(tmp_path / "citations.csv")
    documents = pd.read_csv(tmp_path / "documents.csv").set_index("doc_id")
    links = {
        (
            Path(documents.loc[r.doc_id, "source_file"]).name,
            r.number_symbol,
            Path(documents.loc[r.resolved_doc_id, "source_file"]).name,
        )
        for r in citations.dropna(subset=["resolved_doc_id"]).itertuples()
    }
    assert ("cv-360-snv.txt", "1351/QĐ-UBND", "qd-1351-ubnd-scan.pdf") in links
    assert ("tb-128-hu-photo.jpg", "45-KH/TU", "kh-45-tu-scan.pdf") in links
    unresolved = citations[citations.resolved_doc_id.isna()]
    assert "34-CT/TW" in set(unresolved.number_symbol)  # the central directive is not in the batch


def test_the_spreadsheet_holds_every_table_and_lines_starting_with_a_dash_or_plus_stay_text(tmp_path: Path) -> None:
    import openpyxl

    documents = [DEV / "seed-binhdinh-kh-ct12.txt", DEV / "src-congbot-04.txt"]  # lists of - and + items
    assert main(["run", *map(str, documents), "--out", str(tmp_path), "--quiet"]) == 0
    workbook = openpyxl.load_workbook(tmp_path / "vanban.xlsx")
    assert workbook.sheetnames == [name for name in schema.TABLES if name != "runs"]
    tasks = pd.read_csv(tmp_path / "tasks.csv", dtype=str, keep_default_na=False)
    cells = list(workbook["tasks"].iter_rows(min_row=2))
    column = list(tasks.columns).index("text")
    assert [row[column].value for row in cells] == tasks.text.tolist()
    dashed = [row[column] for row in cells if row[column].value.startswith(("-", "+"))]
    assert len(dashed) > 20 and {cell.data_type for cell in dashed} == {"s"}
    assert {row[list(tasks.columns).index("char_start")].data_type for row in cells} == {"n"}


def test_the_spreadsheet_has_a_frozen_filtered_header_sensible_widths_and_real_dates(tmp_path: Path) -> None:
    import openpyxl

    assert main(["run", str(DEV / "src-congbot-04.txt"), "--out", str(tmp_path), "--quiet"]) == 0
    workbook = openpyxl.load_workbook(tmp_path / "vanban.xlsx")
    tasks, documents = workbook["tasks"], workbook["documents"]
    assert tasks.freeze_panes == "A2" and documents.freeze_panes == "A2"
    assert tasks.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(tasks.max_column)}{tasks.max_row}"
    width = {cell.value: tasks.column_dimensions[cell.column_letter].width for cell in tasks[1]}
    assert width["text"] == 60 and 8 <= width["page"] < width["task_id"] + 4 < width["text"]
    issued = documents.cell(2, [c.value for c in documents[1]].index("issue_date") + 1)
    assert issued.is_date and issued.value.date().isoformat() == "2014-06-28"


def test_no_text_becomes_a_formula_in_the_spreadsheet(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.utils.escape import unescape

    risky = ["=1+2", "+84 912", "-5", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")', "a _x0041_ & <b>", "\x07"]
    errors = schema.frame("errors", [{"source_file": text, "message": text, "page": 1} for text in risky])
    writer = export.TableWriter(tmp_path, {"errors": errors.iloc[:0]})
    writer.append("errors", errors)
    writer.commit({})
    sheet = openpyxl.load_workbook(tmp_path / "vanban.xlsx")["errors"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [unescape(cell.value) for cell in cells] == risky  # a CR is stored as _x000D_, as Excel does it
    assert {cell.data_type for cell in cells} == {"s"}


def test_excel_csv_has_a_bom_and_no_cell_a_spreadsheet_would_run(tmp_path: Path) -> None:
    document = str(DEV / "seed-binhdinh-kh-ct12.txt")  # items starting with - and +
    assert main(["run", document, "--out", str(tmp_path / "raw"), "--quiet"]) == 0
    assert main(["run", document, "--out", str(tmp_path / "excel"), "--quiet", "--excel-csv"]) == 0
    raw_bytes, excel_bytes = (tmp_path / "raw" / "tasks.csv").read_bytes(), (tmp_path / "excel" / "tasks.csv").read_bytes()
    assert not raw_bytes.startswith(b"\xef\xbb\xbf") and excel_bytes.startswith(b"\xef\xbb\xbf")
    raw = pd.read_csv(tmp_path / "raw" / "tasks.csv", dtype=str, encoding="utf-8")
    excel = pd.read_csv(tmp_path / "excel" / "tasks.csv", dtype=str, encoding="utf-8-sig")
    risky = raw.text.str.startswith(("=", "+", "-", "@"))
    assert risky.sum() >= 2 and not excel.text.str.startswith(("=", "+", "-", "@")).any()
    assert (excel.text[risky] == "'" + raw.text[risky]).all() and (excel.text[~risky] == raw.text[~risky]).all()
