"""Every format an agency receives goes through one ingest seam and gives the same rows as the plain text.

The files are made here, as the programs that write them do (Word's own list numbering, an OpenDocument list
style, RTF escapes, a web page with its menus and scripts, PDFs, an e-mail with an attachment, a zip), from the
plan `scripts/samples/kh-45-tu.txt` (the text of the sample scan `data/raw/kh-45-tu-scan.pdf`) and from the
corpus plans for the deeper list levels.
"""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
import pandas as pd
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline import batch, ingest
from pipeline.ingest import members, opendocument, rtf, word, word_binary
from pipeline.ingest.ocr import image_frame
from pipeline.model import MissingConverter
from pipeline.settings import Settings
from tests import saved_as
from tests.conftest import DEV, ROOT

PLAN = ROOT / "scripts/samples/kh-45-tu.txt"
HEADER = ["doc_type", "number_symbol", "issue_date", "issue_place", "issuer", "title", "signer_name", "signer_title"]
TEXT_COPIES = ["plan.docx", "plan.doc", "plan.odt", "plan.rtf", "plan.html"]
PDF_COPIES = ["thư gửi.eml!/kế hoạch 45.pdf", "hồ sơ.zip!/văn bản/bản 1.pdf", "hồ sơ.zip!/văn bản/bản 2.pdf"]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, batch.RunSummary]:
    """One batch over the plan as plain text and saved in every format."""
    source = PLAN.read_text(encoding="utf-8")
    inputs = tmp_path_factory.mktemp("inputs")
    (inputs / "plan.txt").write_text(source, encoding="utf-8")
    saved_as.write_docx(source, inputs / "plan.docx")
    saved_as.convert(inputs / "plan.docx", "doc")  # Word 97–2003, as LibreOffice saves it
    saved_as.write_odt(source, inputs / "plan.odt")
    saved_as.write_rtf(source, inputs / "plan.rtf")
    saved_as.write_html(source, inputs / "plan.html")
    work = tmp_path_factory.mktemp("pdf")
    pdfs = {}
    for title in ("e-mail", "bản 1", "bản 2"):  # three PDFs of the plan, different files
        saved_as.write_pdf(source, work / f"{title}.pdf", title)
        pdfs[title] = (work / f"{title}.pdf").read_bytes()
    body = "Kính gửi Văn thư Sở,\nVăn phòng Tỉnh ủy gửi kèm Kế hoạch số 45-KH/TU để triển khai.\nTrân trọng."
    saved_as.write_email(body, {"kế hoạch 45.pdf": pdfs["e-mail"]}, inputs / "thư gửi.eml")
    saved_as.write_zip(
        {"văn bản/bản 1.pdf": pdfs["bản 1"], "văn bản/bản 2.pdf": pdfs["bản 2"]}, inputs / "hồ sơ.zip"
    )
    out = tmp_path_factory.mktemp("out")
    summary = batch.run([inputs], out, Settings(), jobs=2, progress=False)
    return inputs, out, summary


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in
            ("documents", "sections", "tasks", "assignments", "citations")}  # fmt: skip


def _rows_of(tables: dict[str, pd.DataFrame], doc_id: str) -> dict[str, object]:
    """What a copy must share with the plain text: header, sections, tasks, assignments, citations."""
    document = tables["documents"].set_index("doc_id").loc[doc_id]

    def listed(table: str, columns: list[str]) -> list[tuple]:
        rows = tables[table][tables[table].doc_id == doc_id]
        return [tuple(" ".join(str(v).split()) for v in row) for row in rows[columns].itertuples(index=False)]

    return {
        "header": [document[field] for field in HEADER],
        "sections": listed("sections", ["section_id", "parent_id", "level", "label", "heading"]),
        "tasks": listed("tasks", ["section_id", "text", "deadline_text"]),
        "assignments": listed("assignments", ["task_id", "assignee_canonical", "role"]),
        "citations": listed("citations", ["number_symbol", "relation"]),
    }


def test_every_copy_of_the_plan_gives_the_rows_of_the_plain_text(run) -> None:
    inputs, out, _ = run
    tables = _tables(out)
    documents = tables["documents"].set_index("source_file")
    plain = _rows_of(tables, documents.loc[str(inputs / "plan.txt"), "doc_id"])
    assert len(plain["sections"]) > 15 and len(plain["tasks"]) > 10 and len(plain["assignments"]) > 20
    assert plain["header"][:2] == ["Kế hoạch", "45-KH/TU"] and len(plain["citations"]) >= 3
    for name in TEXT_COPIES + PDF_COPIES:
        row = documents.loc[str(inputs / name)]
        assert row.status == "ok", name
        assert _rows_of(tables, row.doc_id) == plain, name


def test_each_copy_says_its_format_and_the_archive_or_e_mail_it_came_in(run) -> None:
    inputs, out, summary = run
    documents = pd.read_parquet(out / "documents.parquet").set_index("source_file")
    formats = {Path(source).name.split("!/")[0] if "!/" not in Path(source).name else source: fmt
               for source, fmt in documents.format.items()}  # fmt: skip
    expected = {"plan.txt": "text", "plan.docx": "docx", "plan.doc": "doc", "plan.odt": "odt", "plan.rtf": "rtf",
                "plan.html": "html", "thư gửi.eml": "eml"}  # fmt: skip
    assert {name: formats[name] for name in expected} == expected
    assert set(documents.loc[[str(inputs / name) for name in TEXT_COPIES], "text_source"]) == {"markup"}
    # the e-mail gives two documents (its body and the attachment), the zip two (its members), and no more
    e_mail = documents.loc[str(inputs / "thư gửi.eml")]
    attachment = documents.loc[str(inputs / PDF_COPIES[0])]
    assert e_mail.status == "ok" and "45-KH/TU" in (out / e_mail.text_path).read_text(encoding="utf-8")
    assert (attachment.format, attachment.parent_doc_id) == ("pdf", e_mail.doc_id)
    in_zip = documents[documents.index.str.startswith(str(inputs / "hồ sơ.zip"))]
    assert sorted(in_zip.index) == [str(inputs / name) for name in PDF_COPIES[1:]]
    zip_id = ingest.sha256_of(inputs / "hồ sơ.zip")[:16]
    assert set(in_zip.parent_doc_id) == {zip_id} and set(in_zip.format) == {"pdf"}
    assert summary.documents == len(documents) == 10 and summary.ok == 10
    again = batch.run([inputs], out, Settings(), jobs=2, progress=False)  # members are known: nothing is redone
    assert (again.documents, again.reused) == (10, 10)


@pytest.mark.parametrize("corpus_plan", ["seed-binhdinh-kh-ct12.txt", "src-vbpl-32.txt", "src-congbot-01.txt"])
def test_word_and_opendocument_list_numbering_comes_out_as_labels(corpus_plan: str, tmp_path: Path) -> None:
    source = (DEV / corpus_plan).read_text(encoding="utf-8")
    numbered = [line for line in saved_as.lines_of(source) if line.level is not None and line.level < 3]
    saved_as.write_docx(source, tmp_path / "plan.docx")
    saved_as.write_odt(source, tmp_path / "plan.odt")
    paragraphs = docx.Document(str(tmp_path / "plan.docx")).paragraphs
    in_lists = [p.text for p in paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) > 10 and {line.text for line in numbered} <= set(in_lists)  # the labels are Word's numbering, not text
    for module, name in ((word, "plan.docx"), (opendocument, "plan.odt")):
        pages, jobs = module.read(tmp_path / name, "0" * 16, Settings())
        assert pages[0].text.strip() == source.strip() and not jobs, name


def test_rtf_saved_by_a_word_processor_keeps_the_list_labels_it_writes(run, tmp_path: Path) -> None:
    inputs, _, _ = run
    (tmp_path / "plan.docx").write_bytes((inputs / "plan.docx").read_bytes())
    converted = saved_as.convert(tmp_path / "plan.docx", "rtf")  # labels as \listtext groups, not as text runs
    assert b"\\listtext" in converted.read_bytes()
    pages, _ = rtf.read(converted, "0" * 16, Settings())
    lines = [" ".join(line.split()) for line in pages[0].text.splitlines()]
    assert lines == [" ".join(line.split()) for line in PLAN.read_text(encoding="utf-8").strip().splitlines()]


def test_a_list_restarted_in_word_starts_again_and_shared_definitions_continue(tmp_path: Path) -> None:
    source = "I. Mục đích\n1. Một\n2. Hai\nII. Nhiệm vụ\n1. Ba\na) Bốn\nb) Năm\n2. Sáu"
    saved_as.write_docx(source, tmp_path / "plan.docx")
    pages, _ = word.read(tmp_path / "plan.docx", "0" * 16, Settings())
    assert pages[0].text == source


def test_headings_numbered_by_their_style_get_their_labels(tmp_path: Path) -> None:
    """Word documents often number headings through the heading styles: the style carries the list, and a style
    based on it (or a list level naming it) takes its level."""
    saved_as.write_docx("I. Mục đích\n1. Nhiệm vụ", tmp_path / "lists.docx")  # only to have the list definition
    document = docx.Document(str(tmp_path / "lists.docx"))
    body = document.element.body
    for paragraph in document.paragraphs:
        body.remove(paragraph._p)
    styles = document.styles.element
    styles.append(parse_xml(f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/>'
                            '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'))
    styles.append(parse_xml(f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Muc2"><w:name w:val="Muc2"/>'
                            '<w:basedOn w:val="Muc"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'))
    styles.append(parse_xml(f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="MucCon"><w:name w:val="MucCon"/>'
                            '<w:basedOn w:val="Muc"/></w:style>'))  # fmt: skip
    for text, style in (("MỤC ĐÍCH", "Muc"), ("Nhiệm vụ", "Muc2"), ("YÊU CẦU", "MucCon"), ("Chung", None)):
        paragraph = document.add_paragraph(text)
        if style:
            paragraph._p.get_or_add_pPr().insert(0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{style}"/>'))
    document.save(str(tmp_path / "styled.docx"))
    pages, _ = word.read(tmp_path / "styled.docx", "0" * 16, Settings())
    assert pages[0].text == "I. MỤC ĐÍCH\n1. Nhiệm vụ\nII. YÊU CẦU\nChung"


def test_text_that_is_not_prose_is_not_read_as_a_document(tmp_path: Path) -> None:
    plan = PLAN.read_text(encoding="utf-8")
    cases = {
        "đính kèm.txt": base64.encodebytes(plan.encode()).decode(),
        "trang.txt": "".join(f'<div class="x{i}"><span style="a:b">{i}</span></div>\n' for i in range(300)),
        "văn bản.rtf.txt": "".join(f"{{\\pard\\plain\\f0\\fs26\\lang1066 \\u7864?{i}\\par}}\n" for i in range(300)),
    }
    for name, content in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        with pytest.raises(ingest.UnsupportedInput, match="not a text to read"):
            ingest.read(tmp_path / name, name, ingest.sha256_of(tmp_path / name), Settings())
    (tmp_path / "plan.txt").write_text(plan, encoding="utf-8")
    assert ingest.read(tmp_path / "plan.txt", "plan.txt", "0" * 64, Settings()).document.pages[0].text == plan


def test_an_e_mail_that_only_carries_attachments_is_not_a_document_of_its_own(tmp_path: Path) -> None:
    saved_as.write_pdf(PLAN.read_text(encoding="utf-8"), tmp_path / "kh.pdf", "kh")
    saved_as.write_email("\n", {"kh.pdf": (tmp_path / "kh.pdf").read_bytes()}, tmp_path / "thư.eml")
    found = members.contents(tmp_path / "thư.eml", "thư.eml", "e" * 64, tmp_path / "staging")
    assert (found.format, found.is_document) == ("eml", False)
    assert [(m.source_file, m.format, m.parent_doc_id) for m in found.members] == [("thư.eml!/kh.pdf", "pdf", "e" * 16)]


def test_zip_bombs_and_deep_nesting_are_bounded(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    saved_as.write_pdf("Kế hoạch số 1-KH/TU", pdf, "a")
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", bytes(50 << 20))  # 50 MB of zeros in about 50 kB
        archive.write(pdf, "a.pdf")
    nested = tmp_path / "bomb.zip"
    for depth in range(members.MAX_DEPTH + 1):
        outer = tmp_path / f"nested-{depth}.zip"
        with zipfile.ZipFile(outer, "w") as archive:
            archive.write(nested, nested.name)
        nested = outer
    found = members.contents(nested, "n.zip", ingest.sha256_of(nested), tmp_path / "staging")
    assert found.members == [] and len(found.failures) == 1
    assert "nested more than" in found.failures[0].problem.message
    found = members.contents(tmp_path / "bomb.zip", "b.zip", "f" * 64, tmp_path / "staging")
    assert [m.source_file for m in found.members] == ["b.zip!/a.pdf"]
    (failure,) = found.failures
    assert failure.source_file == "b.zip!/zeros.txt" and failure.problem.error_type == "too_large"
    assert sum(f.stat().st_size for f in (tmp_path / "staging").iterdir()) < 1 << 20  # the zeros were not kept


def test_office_files_that_are_not_documents_and_a_missing_converter_say_what_they_are(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("bảng.xlsx", "bảng.zip"):  # by its name, and by its content under another name
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("docProps/app.xml", "<Properties>" + "x" * 9000 + "</Properties>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ingest.UnsupportedInput, match="Excel workbook"):
        ingest.read(tmp_path / "bảng.xlsx", "bảng.xlsx", "0" * 64, Settings())
    with pytest.raises(ingest.UnsupportedInput, match="Excel workbook"):
        members.contents(tmp_path / "bảng.zip", "bảng.zip", "0" * 64, tmp_path / "staging")
    inputs, _, _ = run
    monkeypatch.setenv("PATH", str(tmp_path))  # LibreOffice is installed, but not on this PATH
    with pytest.raises(MissingConverter, match=r"legacy Word document \(\.doc\).*apt-get install libreoffice"):
        word_binary.read(inputs / "plan.doc", "0" * 16, Settings())


def test_an_iphone_photo_in_heic_is_a_page_for_ocr(tmp_path: Path) -> None:
    page = Image.new("RGB", (1200, 300), "white")
    ImageDraw.Draw(page).text((40, 100), "KẾ HOẠCH số 45-KH/TU", fill="black",
                              font=ImageFont.truetype(saved_as.DEJAVU, 60))  # fmt: skip
    page.save(tmp_path / "IMG_0001.HEIC")
    result = ingest.read(tmp_path / "IMG_0001.HEIC", "IMG_0001.HEIC", "0" * 64, Settings())
    (job,) = result.ocr_jobs
    assert result.document.kind == "heic" and job.kind == "image"
    pixels, _ = image_frame(job)
    assert pixels.shape[:2] == (300, 1200)
