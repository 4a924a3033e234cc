"""Which documents need a person's eye: documents.needs_review and review_reasons (rules in data/review.toml)."""

from __future__ import annotations

from pipeline import review
from pipeline.model import PageText, RawDocument, TextSource
from pipeline.process import finish
from pipeline.settings import Settings
from tests.conftest import DEV


def rows_of(text: str) -> dict:
    raw = RawDocument(source_file="x.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(page=1, text=text, text_source=TextSource.PLAIN_TEXT)]
    return finish(raw, [], Settings()).rows


def test_a_complete_document_needs_no_review() -> None:
    rows = rows_of((DEV / "src-vnmp-04.txt").read_text(encoding="utf-8"))
    review.mark(rows)
    assert rows["documents"][0]["needs_review"] is False and rows["documents"][0]["review_reasons"] is None


def test_a_header_without_number_and_date_is_named() -> None:
    rows = rows_of((DEV / "seed-binhdinh-kh-ct12.txt").read_text(encoding="utf-8"))
    review.mark(rows)
    assert rows["documents"][0]["needs_review"] is True
    assert rows["documents"][0]["review_reasons"] == "no_number;no_date"


def test_text_no_section_holds_and_no_header_at_all() -> None:
    body = "Các cơ quan, đơn vị tiếp tục quán triệt, thực hiện nghiêm túc các nội dung đã được giao. " * 20
    assert review.reasons(rows_of(body)) == ["no_type", "no_number", "no_date", "unplaced_text"]


def test_a_plan_whose_tasks_name_no_lead_needs_an_assignee() -> None:
    plan = (DEV / "src-vnmp-04.txt").read_text(encoding="utf-8")
    rows = rows_of(plan)
    assert rows["documents"][0]["doc_type"] == "Kế hoạch" and "no_assignee" not in review.reasons(rows)
    rows["assignments"] = [a for a in rows["assignments"] if a["role"] != "lead"]
    assert "no_assignee" in review.reasons(rows)


def test_a_replaced_text_layer_and_a_page_read_with_low_confidence() -> None:
    rows = rows_of((DEV / "src-vnmp-04.txt").read_text(encoding="utf-8"))
    rows["pages"] = [
        {"page": 1, "text_source": "ocr", "ocr_confidence": 91.0, "decision": "no text layer: OCR"},
        {"page": 2, "text_source": "ocr", "ocr_confidence": 52.0, "decision": "text layer unusable (quality 0.2): OCR"},
    ]
    assert review.reasons(rows) == ["text_layer_replaced", "low_ocr_confidence"]


def test_a_failed_document_has_one_reason_and_a_skipped_duplicate_none() -> None:
    failed = {"documents": [{"doc_id": None, "status": "failed", "pages": 0}]}
    review.mark(failed)
    assert failed["documents"][0]["review_reasons"] == "failed"
    duplicate = {"errors": [{"error_type": "duplicate"}]}
    review.mark(duplicate)
    assert duplicate == {"errors": [{"error_type": "duplicate"}]}

