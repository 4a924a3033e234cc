"""Rows that should not exist, and subjects hidden behind an inserted phrase (issue #15): what the clause reader and
the task finder read in sentences of the bulk corpus that set a body's remit between commas, list units, or break a
ground of the preamble over lines."""

from __future__ import annotations

import pytest

from pipeline.extract.assignments import find_assignments
from pipeline.language.clauses import clause_mentions
from pipeline.model import Document, PageText, RawDocument, TextSource
from pipeline.normalize import normalize
from pipeline.process import assignments_of
from pipeline.structure import parse


def mentions(text: str) -> list[tuple[str, str]]:
    return [(role, name) for role, _, name in clause_mentions(text)]


def roles(text: str) -> list[tuple[str, str]]:
    return [(a.role, a.assignee) for a in find_assignments("t1", text, 0, None)]


def bulk_document(bulk: dict[str, str], doc_id: str) -> Document:
    """A bulk corpus text, normalized as the pipeline reads it."""
    raw = RawDocument(source_file=f"{doc_id}.txt", sha256="0" * 64, kind="text")
    raw.pages = [PageText(1, bulk[doc_id], TextSource.PLAIN_TEXT)]
    return normalize(raw)


def bulk_rows(bulk: dict[str, str], doc_id: str) -> set[tuple[str, str]]:
    """The (role, assignee) rows of a bulk corpus text, processed as the pipeline does."""
    document = bulk_document(bulk, doc_id)
    return {(a.role, a.assignee) for a in assignments_of(document, parse(document))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulk doc_000542: the regulator asks the bank to complete its file, the bank's conduct (gold README, requests)
        (
            "Trường hợp hồ sơ chưa đầy đủ, Ngân hàng Nhà nước có văn bản yêu cầu ngân hàng thương mại, công ty tài chính bổ "
            "sung, hoàn thiện hồ sơ.",
            [("lead", "Ngân hàng Nhà nước")],
        ),
        # src-vbpl-03: the office that handles a procedure asks the applicant
        ("Cơ quan tiếp nhận, giải quyết thủ tục hành chính yêu cầu cá nhân, tổ chức cung cấp lại giấy tờ.", []),
        # the document's own request, after an opening phrase: the parties asked act
        (
            "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các tổ chức, cá nhân phản ánh về Bộ Tài chính để xem xét.",
            [("lead", "các tổ chức, cá nhân"), ("report_to", "Bộ Tài chính")],
        ),
        # a public body asked by another stays a lead
        ("Bộ Tài chính yêu cầu Kho bạc Nhà nước báo cáo.", [("lead", "Kho bạc Nhà nước")]),
    ],
)
def test_a_regulated_party_a_body_asks_is_told_its_conduct(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulk doc_000469, doc_000403, doc_000536: a council's make-up, not its task; the later "làm" is another's verb
        (
            "Hội đồng thẩm định liên ngành gồm ít nhất 07 thành viên do lãnh đạo Ủy ban nhân dân cấp tỉnh làm Chủ tịch.",
            [],
        ),
        ("Hội đồng thẩm định quy hoạch phải có ít nhất 03 thành viên là ủy viên phản biện.", []),
        ("2. Hội đồng chuyên môn có số lượng tối thiểu 05 thành viên, trong đó có đại diện cơ quan, tổ chức.", []),
        # bulk doc_000457: a standard the post must meet
        ("4. Kế toán trưởng phải đáp ứng các tiêu chuẩn, điều kiện theo quy định của pháp luật về kế toán.", []),
        # what the council must do is a task
        ("Hội đồng thẩm định phải gửi báo cáo thẩm định cho cơ quan trình.", [("lead", "Hội đồng thẩm định")]),
    ],
)
def test_what_a_body_is_made_of_or_must_meet_is_no_task(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_the_subjects_after_an_inserted_phrase_of_their_remit_are_all_read() -> None:
    """bulk doc_000347: ``trong phạm vi chức năng, nhiệm vụ`` (no ``của mình``) is an inserted phrase too, and the
    list after it opens no list of the preposition before it (``ý kiến đồng ý của cơ quan có thẩm quyền``)."""
    text = (
        "Trường hợp có yêu cầu đặc biệt về quốc phòng, an ninh, đối ngoại, trên cơ sở ý kiến đồng ý của cơ quan có thẩm "
        "quyền, trong phạm vi chức năng, nhiệm vụ, Bộ Quốc phòng, Bộ Công an chủ trì, phối hợp với Bộ Ngoại giao."
    )
    assert roles(text) == [("lead", "Bộ Quốc phòng"), ("lead", "Bộ Công an"), ("support", "Bộ Ngoại giao")]
    text = "Tòa án nhân dân tối cao, căn cứ vào nhiệm vụ, quyền hạn của mình, chủ trì xây dựng đề án."
    assert roles(text) == [("lead", "Tòa án nhân dân tối cao")]


def test_the_units_a_part_on_organisation_lists_are_no_tasks(bulk: dict[str, str]) -> None:
    """bulk doc_000460 (a decree on the Ministry of Justice): ``Điều 3. Cơ cấu tổ chức`` lists its units, ``1. Vụ Công
    tác xây dựng văn bản quy phạm pháp luật.`` …: no item is a task (the names grammar read ``Vụ Công tác`` leading
    ``xây dựng …``); the duties of the articles before it stay."""
    document = bulk_document(bulk, "doc_000460")
    structure = parse(document)
    assert not any(task.text.startswith(("1. Vụ Công tác", "2. Vụ Tổ chức cán bộ")) for task in structure.tasks)
    assert ("lead", "Bộ Tư pháp") in {(a.role, a.assignee) for a in assignments_of(document, structure)}


def test_a_line_of_a_clause_under_such_a_part_keeps_its_duty(bulk: dict[str, str]) -> None:
    """bulk doc_000159: ``Điều 8. Cơ cấu tổ chức`` / ``3. Số lượng người làm việc …`` goes on with ``Bộ trưởng Bộ Nội vụ
    hướng dẫn về vị trí việc làm …``: a line of the clause, not an item the part lists."""
    assert ("lead", "Bộ trưởng Bộ Nội vụ") in bulk_rows(bulk, "doc_000159")


def test_a_ground_broken_over_three_lines_asks_nothing(bulk: dict[str, str]) -> None:
    """bulk doc_000419: web text breaks ``Căn cứ`` / ``Nghị định số 55/2025/NĐ-CP … của`` / ``Chính phủ quy định chức
    năng, nhiệm vụ …;``: the Government defines a ministry's functions in the cited decree, no task of this circular."""
    assert ("lead", "Chính phủ") not in bulk_rows(bulk, "doc_000419")
