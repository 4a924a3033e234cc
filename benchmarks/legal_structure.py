"""Legal structure on the bulk corpus: chapters, articles, clauses and points against an independent reading.

The national legal database marks every unit of its documents; we only have the texts, so this benchmark reads
the labels a careful reader sees in each text, with rules written apart from the parser's:

- label pieces that web text put on lines of their own are glued back (``Đ`` / ``iều 6.``, ``Điều 1`` / ``0`` /
  ``. Nhiệm vụ``, ``Chương`` / ``III``, ``Chương XI`` / ``I``, ``4.`` / ``Nợ cơ cấu lại …``), an English
  translation's too (``Article 7`` / ``.``);
- a passage in quotation marks that opens a line (the new wording an amending text quotes) belongs to another
  document: none of its labels counts, up to the line where its marks are all closed (a straight ``"`` closes a
  curly one), or, where its closing mark was lost, up to the document's own next article or its article's next
  clause that gives the next instruction (``3. Sửa đổi …`` after ``2. Sửa đổi … Phụ lục II như sau: “Phụ lục II``);
- a clause is a number that follows the previous clause of its article (``5.64`` or ``4.140.000`` is none), a
  point a letter (``a)``, ``a/``) that follows the previous point of its clause, as printed, in the Vietnamese
  alphabet or the English one (``đ)`` or ``e)`` after ``d)``; ``f)`` or ``g)`` after ``e)``: an English translation
  may keep the Vietnamese letters, a Vietnamese text may skip ``đ`` or print an ``f``);
- a flattened table's numbers (after its ``STT`` column heading) before an article's first clause are its rows or
  cells, no clauses;
- only the main document counts: the reading stops at the signature (``KT. BỘ TRƯỞNG``) or ``Nơi nhận``;
- an English translation's ``Chapter II`` and ``Article 12.`` are chapters and articles.

A unit is the path of labels (article 5, clause 2, point b): one found at the wrong place, or twice, is an
error. The pipeline's sections before the same end are scored against it, F1 per level; then the header's
type and number against the page name (slug), which spells both, and the number against the one the text prints
where it prints the slug's number (the slug abbreviates: ``tt-bt`` for ``TT-BTC``; some pages hold another text,
an English translation or a draft without its number); and how many amending instructions were found.

    PYTHONPATH=. python benchmarks/legal_structure.py [--ids a,b,...] [--misses N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter

from common import BULK, CHECK, HEAD, bulk_document, fold, read_slug, text_agrees, timer

from pipeline.structure import parse

LEVELS = ("chapter", "article", "clause", "point")
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
ENGLISH_POINT_LETTERS = "abcdefghijklmnopqrstuvwxyz"

LABEL_WORDS = "(?:Điều|ĐIỀU|Chương|CHƯƠNG|Article|ARTICLE|Chapter|CHAPTER)"
# Label pieces split over lines, glued back (applied until nothing changes).
GLUES = [
    (re.compile(r"(?m)^([ \t]*Đ)[ \t]*\n?[ \t]*(iều\b)"), r"\1\2"),
    (re.compile(r"(?m)^([ \t]*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Article|ARTICLE|Chapter|CHAPTER))[ \t]*\n[ \t]*(\d+[a-z]?|[IVXLC]+)\b"), r"\1 \2"),
    (re.compile(r"(?m)^([ \t]*(?:Điều|ĐIỀU|Article|ARTICLE)[ \t]+\d+)[ \t]*\n[ \t]*(\d+)[ \t]*$"), r"\1\2"),
    (re.compile(r"(?m)^([ \t]*(?:Chương|CHƯƠNG|Chapter|CHAPTER)[ \t]+[IVXLC]+)[ \t]*\n[ \t]*([IVXLC]+)[ \t]*$"), r"\1\2"),
    (re.compile(r"(?m)^([ \t]*(?:Điều|ĐIỀU|Article|ARTICLE)[ \t]+\d+[a-z]?)[ \t]*\n[ \t]*([.:])"), r"\1\2"),
    (re.compile(r"(?m)^([ \t]*(?:Điều|ĐIỀU|Article|ARTICLE)[ \t]+\d+[a-z]?[.:])[ \t]*\n[ \t]*(?=\S)"), r"\1 "),
    (re.compile(r"(?m)^([ \t]*\d{1,3})[ \t]*\n[ \t]*(\.)(?=[ \t]*$|[ \t]*[^\W\d_])"), r"\1\2"),  # 12 / . / Quản lý …
    (re.compile(r"(?m)^([ \t]*[a-zđ])[ \t]*\n[ \t]*(\))(?=[ \t]*$|[ \t]*[^\W\d_])"), r"\1\2"),  # c / ) Thay thế …
    # … not onto an article's or chapter's label: ``m`` / ``2`` / ``.`` / ``Điều 9.`` is a square metre's stop; a word
    # that begins like one is none (``6.`` / ``Điều động``, ``3.`` / ``Điều tra thống kê …``)
    (re.compile(rf"(?m)^([ \t]*(?:\d{{1,3}}\.|[a-zđ]\)))[ \t]*\n[ \t]*(?=[^\W\d_])(?!{LABEL_WORDS}\s+(?:\d|[IVXLC]+\b))"), r"\1 "),
]
CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG|Chapter|CHAPTER)\s+([IVXLC]+|\d+)\b")
ARTICLE = re.compile(r"^(?:Điều|ĐIỀU|Article|ARTICLE)\s+(\d+[a-z]?)\s*[.:]")
CLAUSE = re.compile(r"^(\d{1,3})\s*[.)](?![\d.])\s*\S")
POINT = re.compile(r"^([a-zđ])\s*(?:\)|/(?=\s))\s*\S")  # a) …, a/ … (9 English translations: 455 lines)
# a table flattened one cell a line opens with its number column's heading alone on a line
NUMBER_COLUMN = re.compile(r"^(?:STT|Stt|TT|Số TT|SỐ TT|Số thứ tự|SỐ THỨ TỰ)\.?$")
# an amending text's own instruction, after its clause number (``3. To annul Articles 8 …`` in an English translation)
INSTRUCTION = re.compile(
    r"^\d{1,3}\.\s*(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Thay cụm|Hủy bỏ|Huỷ bỏ|Bỏ|Đình chỉ"
    r"|To (?:amend|supplement|add|replace|annul|abolish|repeal|remove|obliterate))\b"  # an English translation's
)
# the signing authority's block (its capitals may carry marks: ``KT. BỘ TRƯỞNG``, ``TM. ỦY BAN …``) or the recipients
MAIN_END = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\b|^(?:TM|T/M|KT|Q|TL|TUQ)\.\s*(?P<word>[^\W\d_]{2})")


def glued(text: str) -> str:
    while True:
        before = text
        for pattern, replacement in GLUES:
            text = pattern.sub(replacement, text)
        if text == before:
            return text


def main_end(text: str) -> int:
    """Offset where the main document ends in the (unglued) text: its signature or recipients, the first after
    its first article when it has articles."""
    first_article = re.search(r"(?m)^[ \t]*(?:Điều|ĐIỀU|Article|ARTICLE)\s*\d", text)
    offset = 0
    for line in text.split("\n"):
        ending = MAIN_END.match(line.strip())
        signs = ending is not None and (ending["word"] is None or ending["word"].isupper())
        if signs and (first_article is None or offset > first_article.start()):
            return offset
        offset += len(line) + 1
    return len(text)


def resumes(line: str, article: str | None, last_clause: int) -> bool:
    """Does a line inside a quotation that has words already go on with the document's own text, whose closing mark
    was lost: its next article (``Điều 32.`` after the quotation under ``Điều 31.``), or its article's next clause
    that gives the next instruction (``3. Sửa đổi, bổ sung mục 1 …`` after ``2. Sửa đổi, bổ sung Phụ lục II như sau:
    “Phụ lục II …``)? Not the quotation's first unit (``Điều 2. Sửa đổi …`` / ``“`` / ``Điều 3. Lấy ý kiến …``)."""
    if line.startswith(("“", '"')):
        return False
    if (match := ARTICLE.match(line)) and article and article.isdigit():
        return match[1] == str(int(article) + 1)
    clause = CLAUSE.match(line)
    return bool(clause) and int(clause[1]) == last_clause + 1 and bool(INSTRUCTION.match(line))


def follows(letter: str, previous: str | None, alphabets: tuple[str, ...]) -> bool:
    """Is `letter` the point after `previous` (None: the first) in one of `alphabets`?"""
    return any(alphabet.find(letter) == (alphabet.find(previous) + 1 if previous else 0) for alphabet in alphabets
               if previous is None or previous in alphabet)  # fmt: skip


def expected_units(text: str, alphabets: tuple[str, ...] = (POINT_LETTERS, ENGLISH_POINT_LETTERS)) -> Counter:
    """The units a reader sees in the main document, as label paths (points lettered in one of `alphabets`)."""
    units: Counter = Counter()
    depth = 0  # quotation marks open in a passage that began with one at the start of a line
    in_table = False  # since a table's number column heading (STT), up to the next article or chapter
    said = False  # whether the open passage has words yet (a ``“`` alone on its line opens one before its first unit)
    article = clause = None
    last_clause, last_point = 0, None
    for raw in glued(text[: main_end(text)]).split("\n"):
        line = raw.strip()
        if depth and said and resumes(line, article, last_clause):
            depth = 0  # the quotation's closing mark was lost (a table's last cell, a web page's node)
        quoted = depth > 0 or line.startswith(("“", '"'))
        said = quoted and (said or any(char.isalpha() for char in line))  # the quotation has words before this line
        if quoted:
            for char in line:
                if char == "“" or (char == '"' and depth == 0):
                    depth += 1
                elif char in '”"':
                    depth = max(0, depth - 1)
        if quoted or not line:
            continue
        if NUMBER_COLUMN.match(line):
            in_table = True
        if match := CHAPTER.match(line):
            units["chapter", match[1]] += 1
            in_table = False
        elif match := ARTICLE.match(line):
            article, clause, last_clause, last_point, in_table = match[1], None, 0, None, False
            units["article", article] += 1
        elif in_table and last_clause == 0 and CLAUSE.match(line):
            continue  # a table before the article's first clause: its numbers are its rows' or cells'
        elif article and (match := CLAUSE.match(line)) and int(match[1]) == last_clause + 1:
            clause, last_clause, last_point = match[1], last_clause + 1, None
            units["clause", article, clause] += 1
        elif article and (match := POINT.match(line)) and follows(match[1], last_point, alphabets):
            last_point = match[1]
            units["point", article, clause, match[1]] += 1
    return units


def found_units(sections: list, end: int) -> Counter:
    """The pipeline's sections before `end`, as label paths."""
    by_id = {s.section_id: s for s in sections}
    units: Counter = Counter()
    for section in sections:
        if section.char_start >= end:
            continue
        parent = by_id.get(section.parent_id)
        grand = by_id.get(parent.parent_id) if parent else None
        if section.kind == "chuong":
            units["chapter", section.label.split()[-1]] += 1
        elif section.kind == "dieu":
            units["article", section.label.split()[-1]] += 1
        elif section.kind == "arabic" and parent and parent.kind == "dieu":
            units["clause", parent.label.split()[-1], section.label] += 1
        elif section.kind == "letter" and parent and parent.kind == "dieu":
            units["point", parent.label.split()[-1], None, section.label] += 1
        elif section.kind == "letter" and parent and parent.kind == "arabic" and grand and grand.kind == "dieu":
            units["point", grand.label.split()[-1], parent.label, section.label] += 1
    return units


def slug_agrees(slug: str, doc_type: str | None, number_symbol: str | None) -> tuple[bool, bool]:
    """(type, number-symbol) of the header as the slug spells them."""
    return (
        bool(doc_type) and slug.startswith(fold(doc_type) + "-"),
        bool(number_symbol) and f"-{fold(number_symbol)}-" in f"-{slug}-",
    )


def score(counts: dict[str, list[int]]) -> str:
    rows = []
    for level in LEVELS:
        tp, fp, fn = counts[level]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(f"{level:8} units {tp + fn:6}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ids", help="comma-separated document ids (default: all)")
    parser.add_argument("--misses", type=int, default=0, help="print the units of the N worst documents")
    parser.add_argument("--study", action="store_true", help="leave the check-set documents out")
    args = parser.parse_args()
    wanted = set(args.ids.split(",")) if args.ids else None
    counts = {level: [0, 0, 0] for level in LEVELS}
    per_document = []
    slugged = typed = numbered = in_text = agreed = 0
    amendments: Counter = Counter()
    with timer() as elapsed, gzip.open(BULK, "rt", encoding="utf-8") as records:
        for record in map(json.loads, records):
            if (wanted and record["id"] not in wanted) or (args.study and record["id"] in CHECK):
                continue
            document = bulk_document(record["id"], record["text"])
            structure = parse(document)
            end = main_end(document.text)
            expected, found = expected_units(document.text), found_units(structure.sections, end)
            errors = 0
            for level in LEVELS:
                want = Counter({k: v for k, v in expected.items() if k[0] == level})
                got = Counter({k: v for k, v in found.items() if k[0] == level})
                tp = sum((want & got).values())
                counts[level][0] += tp
                counts[level][1] += sum(got.values()) - tp
                counts[level][2] += sum(want.values()) - tp
                errors += sum((got - want).values()) + sum((want - got).values())
            per_document.append((errors, record["id"], expected - found, found - expected))
            amendments["documents"] += bool(structure.amendments)
            amendments["rows"] += len(structure.amendments)
            amendments["with new text"] += sum(a.new_text_start is not None for a in structure.amendments)
            amendments["with an article"] += sum("Điều" in (a.target or "") for a in structure.amendments)
            if read_slug(record["slug"]):
                slugged += 1
                same_type, same_number = slug_agrees(record["slug"], structure.header.doc_type,
                                                     structure.header.number_symbol)
                typed += same_type
                numbered += same_number
                agrees = text_agrees(record["slug"], document.text[:HEAD], structure.header.number_symbol)
                in_text += agrees is not None
                agreed += bool(agrees)
    print(f"{len(per_document)} documents in {elapsed[0]:.0f} s")
    print(score(counts))
    print(f"slug agreement on {slugged} documents: type {typed / slugged:.3f}  number-symbol {numbered / slugged:.3f}")
    print(f"number-symbol as printed on the {in_text} documents whose text prints the slug's number: "
          f"{agreed / in_text:.3f} ({slugged - in_text} print another number or none)")
    print("amendments: " + ", ".join(f"{name} {count}" for name, count in amendments.items()))
    for errors, doc_id, missed, extra in sorted(per_document, reverse=True)[: args.misses]:
        print(f"== {doc_id}: {errors} errors\n  missed {sorted(missed, key=str)[:12]}\n  extra  {sorted(extra, key=str)[:12]}")


if __name__ == "__main__":
    main()
