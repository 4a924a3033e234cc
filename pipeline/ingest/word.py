"""Word documents (.docx, Office Open XML), read with python-docx in the order of the body: paragraphs, and tables
cell by cell (the two-column header of a Vietnamese document is a table).

Word numbers lists itself: the labels of headings and items (``I.``, ``1.``, ``a)``) are not in the text runs but
in ``numbering.xml``. They are rendered here, as Word shows them, or the hierarchy and the tasks would be lost.
An explicit page break starts a new page.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline.ingest import text
from pipeline.ingest.ocr import OcrJob
from pipeline.model import CorruptInput, PageText, TextSource
from pipeline.settings import Settings

FORMAT = "docx"
MAIN_PART = "word/document.xml"
BULLET = "-"  # a bullet is written as the dash Vietnamese lists use; "+" is kept as it is
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def recognises(head: bytes, name: str) -> bool:
    """A zip holding a Word main part (its name is in the local headers near the start)."""
    return head.startswith(b"PK\x03\x04") and (b"word/" in head or Path(name).suffix.lower() == ".docx")


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    """The body's text, numbering labels written out, as pages."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
        raise CorruptInput(f"corrupt Word document ({e})") from e
    numbering = Numbering.of(document)
    lines = list(_body_lines(document.element.body, document, numbering))
    return text.paged("\n".join(lines), TextSource.MARKUP, "Word document (docx)"), []


def _body_lines(body: etree._Element, parent: object, numbering: Numbering) -> Iterator[str]:
    """The lines of a body or table cell in order; a page break as a form feed."""
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, parent)
            if child.xpath(".//w:br[@w:type='page']"):
                yield "\f"
            label = numbering.label(paragraph)
            yield f"{label} {paragraph.text}" if label else paragraph.text
        elif child.tag == qn("w:tbl"):
            seen: set[int] = set()
            for row in Table(child, parent).rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # a merged cell is listed once per grid column it spans
                        seen.add(id(cell._tc))
                        yield from _body_lines(cell._tc, cell, numbering)
        elif child.tag == qn("w:sdt") and child.find(qn("w:sdtContent")) is not None:  # a content control
            yield from _body_lines(child.find(qn("w:sdtContent")), parent, numbering)


@dataclass(frozen=True)
class Level:
    """One level of a list definition: its number format, label text (``%1.``, ``%1.%2)``) and start."""

    format: str
    text: str
    start: int


@dataclass
class Numbering:
    """Word's list definitions and the counters of the lists as the body is read.

    Lists (``w:num``) that share a definition (``w:abstractNum``) share its counters, as in Word, except where a
    list restarts a level (``w:startOverride``). A level's counter restarts when a level above it is used."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    lists: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)  # style id → numId, ilvl
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → ilvl → current number
    started: set[str] = field(default_factory=set)  # lists whose overrides were applied

    @classmethod
    def of(cls, document: docx.document.Document) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            root = None
        if root is not None:
            for abstract in root.findall(qn("w:abstractNum")):
                numbering.levels[abstract.get(qn("w:abstractNumId"))] = {
                    int(lvl.get(qn("w:ilvl"))): _level(lvl) for lvl in abstract.findall(qn("w:lvl"))
                }
            for num in root.findall(qn("w:num")):
                num_id = num.get(qn("w:numId"))
                numbering.lists[num_id] = _value(num, "w:abstractNumId") or ""
                numbering.overrides[num_id] = {
                    int(override.get(qn("w:ilvl"))): int(_value(override, "w:startOverride") or 1)
                    for override in num.findall(qn("w:lvlOverride"))
                    if override.find(qn("w:startOverride")) is not None
                }
        styles = {style.get(qn("w:styleId")): style for style in document.styles.element.findall(qn("w:style"))}
        linked = {  # a list level may name the style whose paragraphs it numbers (w:lvl/w:pStyle)
            lvl.find(qn("w:pStyle")).get(qn("w:val")): int(lvl.get(qn("w:ilvl")))
            for lvl in (root.iter(qn("w:lvl")) if root is not None else ())
            if lvl.find(qn("w:pStyle")) is not None
        }
        for style_id in styles:
            num_id, ilvl = _style_numbering(styles, style_id)
            if num_id is not None:
                numbering.style_numbering[style_id] = (num_id, int(ilvl) if ilvl else linked.get(style_id, 0))
        return numbering

    def label(self, paragraph: Paragraph) -> str:
        """The label Word shows before `paragraph` (and the counters moved on), or "" when it has none."""
        num_id, ilvl = self._numbered(paragraph)
        abstract = self.lists.get(num_id or "")
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                counters[level] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        label = levels[ilvl].text
        for level in range(ilvl + 1):
            shown = levels.get(level)
            number = counters.get(level, shown.start if shown else 1)
            label = label.replace(f"%{level + 1}", formatted(number, shown.format if shown else "decimal"))
        if levels[ilvl].format == "bullet":
            return label if label == "+" else BULLET
        return label.strip()

    def _numbered(self, paragraph: Paragraph) -> tuple[str | None, int]:
        """The list and level of a paragraph: its own ``w:numPr``, else its style's (a heading style may number)."""
        num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            return str(num_pr.numId.val), ilvl
        p_style = paragraph._p.pPr.pStyle if paragraph._p.pPr is not None else None
        return self.style_numbering.get(p_style.val if p_style is not None else "", (None, 0))


def _style_numbering(styles: dict[str, etree._Element], style_id: str) -> tuple[str | None, str | None]:
    """The list (numId) and level (ilvl) of a paragraph style, each its own or inherited through ``w:basedOn``
    (a style based on a numbered heading style numbers as it does, at its own level if it names one)."""
    num_id = ilvl = None
    seen: set[str] = set()
    while style_id in styles and style_id not in seen:
        seen.add(style_id)
        num_pr = styles[style_id].find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id = num_id or _value(num_pr, "w:numId")
            ilvl = ilvl or _value(num_pr, "w:ilvl")
        style_id = _value(styles[style_id], "w:basedOn") or ""
    return num_id, ilvl


def _value(element: etree._Element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _level(lvl: etree._Element) -> Level:
    return Level(_value(lvl, "w:numFmt") or "decimal", _value(lvl, "w:lvlText") or "", int(_value(lvl, "w:start") or 1))


def formatted(number: int, number_format: str) -> str:
    """A counter in a Word number format (``upperRoman`` 4 → ``IV``, ``lowerLetter`` 2 → ``b``)."""
    if number_format in ("upperRoman", "lowerRoman"):
        roman = _roman(number)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format == "decimalZero":
        return f"{number:02d}"
    if number_format in ("none", "bullet"):
        return ""
    return str(number)


def _roman(number: int) -> str:
    letters = []
    for value, symbol in ROMAN:
        count, number = divmod(number, value)
        letters.append(symbol * count)
    return "".join(letters)
