"""Structure: header metadata, stamps, body hierarchy, tasks, signature and recipients of a normalised document.

:func:`parse` never raises on odd text: what it cannot place is left out of every block and counted in
``unplaced_chars``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.model import Document, TextSource
from pipeline.structure.amendments import Amendment, find_amendments, instruction_lines, quoted_passages
from pipeline.structure.closing import Recipient, recipients
from pipeline.structure.signing import Signature, co_signatures, signature
from pipeline.structure.enacting import witnessed_title
from pipeline.structure.header import parse_header, starts_attached_document
from pipeline.structure.identification import Header, sheet_values
from pipeline.structure.issuers import Issuer, issuers_of
from pipeline.structure.lines import Line, join_split_labels, split_lines
from pipeline.structure.sections import Section, find_sections
from pipeline.structure.tasks import Task, find_tasks


CONTINUATION_START = re.compile(r"(?:[a-zđ]\)|\d+(?:\.\d+)*\.|[IVXLC]+\.|[-+•]|Điều \d+|Khoản \d+)\s|[a-zà-ỹđ]")


@dataclass
class Structure:
    header: Header
    signature: Signature
    recipients: list[Recipient]
    sections: list[Section]
    tasks: list[Task]
    amendments: list[Amendment]
    unplaced_chars: int
    issuers: list[Issuer]


def parse(document: Document) -> Structure:
    text = document.text
    lines = join_split_labels(split_lines(text))
    scanned = _read_by_ocr(document)
    header = parse_header(lines, scanned)
    if scanned:  # a text layer or a text file prints its title as it is: no second reading
        body = [line for line in lines if line.start >= header.body_start]
        header.title = witnessed_title(header.title, header.doc_type, body)
    continues = _continues_a_document(lines, header)
    if continues:
        header = Header(stamp_lines=header.stamp_lines)
    first_body = next((line.index for line in lines if line.start >= header.body_start), len(lines))
    found_signature = signature(lines, first_body, None)
    near = min(found_signature.lines) if found_signature.lines else None
    found_recipients, recipient_lines = recipients(lines, first_body, near, scanned)
    if not found_signature.lines:
        found_signature = signature(lines, first_body, min(recipient_lines) if recipient_lines else None)
    if not found_signature.signer_name and (sheet := sheet_values(lines)):  # a property sheet's Người ký
        found_signature = Signature(signer_title=sheet.get("signer_title"), signer_name=sheet.get("signer_name"))
    co_signed = co_signatures(lines, found_signature) if header.co_issuers else []
    closing = recipient_lines | found_signature.lines | {i for block in co_signed for i in block.lines}
    skip = set(range(first_body)) | header.stamp_lines | closing
    end_of_main = max(closing, default=len(lines))
    new_parts = {i for i in range(end_of_main, len(lines)) if starts_attached_document(lines, i)}
    passages = quoted_passages(lines[first_body:])
    quoted = {i for passage in passages for i in range(passage.first, passage.last + 1)}
    signed = max(found_signature.lines, default=max(closing, default=None))  # where the main document ends
    sections = find_sections(lines, skip | quoted, new_parts, len(text), signed, continues)
    body = {line.index for line in lines} - skip - new_parts
    issued = date.fromisoformat(header.issue_date) if header.issue_date else None
    tasks = find_tasks(lines, sections, body, issued, instruction_lines(lines, body, passages))
    amendments = find_amendments(lines, body, passages, sections)
    unplaced = _unplaced(lines, skip, sections)
    issuers = issuers_of(header, [found_signature, *co_signed])
    return Structure(header, found_signature, found_recipients, sections, tasks, amendments, unplaced, issuers)


def _read_by_ocr(document: Document) -> bool:
    """Was the document's first page read by OCR (where its title is)?"""
    pages = document.raw.pages
    return bool(pages) and pages[0].text_source == TextSource.OCR


def _continues_a_document(lines: list[Line], header: Header) -> bool:
    """A page without a header (a continuation page, a photo of page 2): no type, number, date or title found, and
    the text opens with a list item or in mid-sentence, where no header starts."""
    found = header.doc_type or header.number_symbol or header.issue_date or header.title
    first = next((line.stripped for line in lines if line.stripped), "")
    return not found and bool(CONTINUATION_START.match(first))


def _unplaced(lines: list[Line], skip: set[int], sections: list[Section]) -> int:
    """Characters of body lines before the first section: text no section holds."""
    first = sections[0].char_start if sections else None
    return sum(
        len(line.stripped)
        for line in lines
        if line.index not in skip and line.stripped and (first is None or line.start < first)
    )
