"""Structure's self-consistency on every bulk text, without gold: counts of what cannot be right.

Each check reads the parser's own output against what the text plainly prints, in the main document (from the
body's first line to the signature, quoted amendment text left out):

- ``article gap`` / ``article back``: an article whose number does not follow the one before it (``Điều 4`` after
  ``Điều 2``: one was lost; ``Điều 3`` after ``Điều 7``: a quoted or misplaced one was taken); ``article first``:
  the first article is not ``Điều 1``;
- ``article line missed`` / ``chapter line missed``: a line that opens with an article or chapter label (``Điều 5.``,
  ``Chương II``) and is no section;
- ``clause ahead`` / ``point ahead``: inside an article, a line labelled like the clause (``5.``) or point (``d)``)
  after the next one expected: the one between was lost (a label cut from its line, a clause read as something
  else); ``clause skipped``: a line labelled exactly like the next clause that was not taken;
- header fields missing where the text prints them: a type title line (``QUYẾT ĐỊNH``) and no type, a ``Số:`` line
  with a number and no number-symbol, a place-date line and no date, capitals above the number and no issuer, a
  typed document (not a công văn) without a title.

The check-set documents (tests/gold/check/) are left out: they are measured, never read for rules.

    PYTHONPATH=. python benchmarks/structure_consistency.py [--show CHECK] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict

from common import BULK, CHECK, bulk_document, timer

from pipeline.structure import Structure, parse
from pipeline.structure.amendments import quoted_passages
from pipeline.structure.identification import HEADER_LINES, sheet_values, type_of_title
from pipeline.structure.lines import Line, join_split_labels, split_lines
from pipeline.structure.sections import POINT_LETTERS, TABLE_HEADER

ARTICLE_LINE = re.compile(r"^(?:Điều|ĐIỀU)\s*(?P<number>\d+)(?P<suffix>[a-z]?)\s*[.:]")
CHAPTER_LINE = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?:[IVXLC]+|\d+)\s*(?:[.:\-–]|$)")
CLAUSE_LINE = re.compile(r"^(?P<number>\d{1,2})\s*\.(?![\d.,])\s*\S")
POINT_LINE = re.compile(r"^(?P<letter>[a-zđ])\s*\)\s*\S")
NUMBER_PRINTED = re.compile(r"^(?:Số|SỐ)\s*:?\s*\d")
PLACE_DATE_PRINTED = re.compile(r"^[^\W\d_][\w .]{1,40},\s*ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}")
CHECKS = (
    "article gap", "article back", "article first", "article line missed", "chapter line missed",
    "clause ahead", "clause skipped", "point ahead",
    "no type", "no number", "no date", "no issuer", "no title",
)  # fmt: skip


def article_number(label: str) -> tuple[int, str]:
    """``Điều 12a`` → (12, ``a``)."""
    match = re.search(r"(\d+)([a-z]?)$", label)
    return (int(match[1]), match[2]) if match else (0, "")


def violations(structure: Structure, lines: list[Line]) -> list[tuple[str, str]]:
    """(check, what) for each inconsistency of one document."""
    found: list[tuple[str, str]] = []
    header = structure.header
    first_body = next((line.index for line in lines if line.start >= header.body_start), len(lines))
    end = min(structure.signature.lines, default=len(lines))
    quoted = {i for p in quoted_passages(lines[first_body:]) for i in range(p.first, p.last + 1)}
    main = [line for line in lines[first_body:end] if line.index not in quoted and line.stripped]
    main_end = lines[end].start if end < len(lines) else float("inf")
    sections = [s for s in structure.sections if s.char_start < main_end]
    starts = {s.char_start: s for s in sections}
    previous = None
    for section in (s for s in sections if s.kind == "dieu"):
        number, suffix = article_number(section.label)
        if previous is None and number != 1:
            found.append(("article first", section.label))
        elif previous is not None and not suffix and number != previous[0] + 1:
            check = "article gap" if number > previous[0] else "article back"
            found.append((check, f"{section.label} after Điều {previous[0]}"))
        previous = (number, suffix)
    article = None
    last_clause, last_point, in_table = 0, -1, False
    for line in main:
        text = line.stripped
        start = line.start + line.text.index(text)
        section = starts.get(start)
        if TABLE_HEADER.match(text):
            in_table = True
        if ARTICLE_LINE.match(text) and (section is None or section.kind != "dieu"):
            found.append(("article line missed", text[:60]))
        if CHAPTER_LINE.match(text) and (section is None or section.kind != "chuong"):
            found.append(("chapter line missed", text[:60]))
        if section is not None and section.kind in ("dieu", "chuong", "phan", "muc", "annex"):
            article = section if section.kind == "dieu" else None
            last_clause, last_point, in_table = 0, -1, False
            continue
        if article is None:
            continue
        if section is not None and section.kind == "arabic":
            last_clause, last_point, in_table = int(section.label), -1, False
            continue
        if section is not None and section.kind == "letter":
            last_point = POINT_LETTERS.find(section.label)
            continue
        if in_table or section is not None:
            continue
        if clause := CLAUSE_LINE.match(text):
            number = int(clause["number"])
            if number == last_clause + 1:
                found.append(("clause skipped", f"{article.label}: {text[:60]}"))
            elif number > last_clause + 1:
                found.append(("clause ahead", f"{article.label} after {last_clause}: {text[:60]}"))
        elif point := POINT_LINE.match(text):
            allowed = last_point + 1 + (POINT_LETTERS[last_point + 1 : last_point + 2] == "đ")
            if POINT_LETTERS.find(point["letter"]) > allowed:
                found.append(("point ahead", f"{article.label} {last_clause}: {text[:60]}"))
    found += header_violations(structure, lines[: min(first_body + 1, HEADER_LINES)])
    return found


def header_violations(structure: Structure, zone: list[Line]) -> list[tuple[str, str]]:
    """Header fields the parser left empty though the header's lines print them."""
    header, found = structure.header, []
    if sheet_values(zone):
        return found
    texts = [line.stripped for line in zone if line.stripped]
    typed = next((t for t in texts if type_of_title(t)), None)
    if typed and not header.doc_type:
        found.append(("no type", typed[:60]))
    numbered = next((t for t in texts if NUMBER_PRINTED.match(t)), None)
    if numbered and not header.number_symbol:
        found.append(("no number", numbered[:60]))
    dated = next((t for t in texts if PLACE_DATE_PRINTED.match(t)), None)
    if dated and not header.issue_date:
        found.append(("no date", dated[:60]))
    if numbered and not header.issuer and texts[0] != numbered and texts[0].isupper():
        found.append(("no issuer", texts[0][:60]))
    if header.doc_type and header.doc_type != "Công văn" and not header.title:
        found.append(("no title", header.doc_type))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the violations of this check, document by document")
    parser.add_argument("--limit", type=int, default=40, help="documents to print with --show")
    parser.add_argument("--ids", help="comma-separated document ids (default: all but the check set)")
    args = parser.parse_args()
    wanted = set(args.ids.split(",")) if args.ids else None
    counts: Counter = Counter()
    documents: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, list[str]] = defaultdict(list)
    total = 0
    with timer() as elapsed, gzip.open(BULK, "rt", encoding="utf-8") as records:
        for record in map(json.loads, records):
            if record["id"] in CHECK or (wanted and record["id"] not in wanted):
                continue
            total += 1
            document = bulk_document(record["id"], record["text"])
            lines = join_split_labels(split_lines(document.text))
            for check, what in violations(parse(document), lines):
                counts[check] += 1
                documents[check].add(record["id"])
                if check == args.show:
                    shown[record["id"]].append(what)
    print(f"{total} documents (check set left out) in {elapsed[0]:.0f} s")
    for check in CHECKS:
        print(f"{check:20} {counts[check]:6} in {len(documents[check]):4} documents")
    for doc_id, whats in list(shown.items())[: args.limit]:
        print(f"== {doc_id}\n" + "".join(f"  {what}\n" for what in whats[:8]), end="")


if __name__ == "__main__":
    main()
