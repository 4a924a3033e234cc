"""OpenDocument texts (.odt, LibreOffice and the e-office systems that use it), read with odfpy in the order of the
body: headings, paragraphs, lists, tables cell by cell.

As in Word, list labels are not in the text: a list's style gives each level its number format, prefix and
suffix (``I.``, ``1.``, ``a)``). They are rendered here. A list continues the numbering of the list before it
only when it says so (``text:continue-numbering``, ``text:continue-list``)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from odf import teletype
from odf.element import Element
from odf.namespaces import STYLENS, TABLENS, TEXTNS
from odf.opendocument import OpenDocument, load
from odf.text import ListStyle

from pipeline.ingest import text
from pipeline.ingest.ocr import OcrJob
from pipeline.ingest.word import formatted
from pipeline.model import CorruptInput, PageText, TextSource
from pipeline.settings import Settings

FORMAT = "odt"
MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
NUMBER_FORMATS = {"1": "decimal", "I": "upperRoman", "i": "lowerRoman", "A": "upperLetter", "a": "lowerLetter"}
BLOCKS = {(TEXTNS, "p"), (TEXTNS, "h")}
CONTAINERS = {(TEXTNS, "section"), (TABLENS, "table"), (TABLENS, "table-row"), (TABLENS, "table-cell"),
              (TABLENS, "table-header-rows"), (TABLENS, "table-rows"), (TEXTNS, "soft-page-break")}  # fmt: skip


def recognises(head: bytes, name: str) -> bool:
    """A zip whose first member, stored, is the OpenDocument text media type (as the standard requires)."""
    return head.startswith(b"PK\x03\x04") and MIMETYPE in head[:200]


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    try:
        document = load(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise CorruptInput(f"corrupt OpenDocument text ({e})") from e
    styles = _list_styles(document)
    lines = list(_lines(document.text.childNodes, Lists(styles)))
    return text.paged("\n".join(lines), TextSource.MARKUP, "OpenDocument text (odt)"), []


@dataclass(frozen=True)
class Level:
    """How a list level writes its label: number format, prefix, suffix, start; or a bullet character."""

    format: str
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    bullet: str | None = None


@dataclass
class Lists:
    """List styles, and the numbers of the lists as the body is read (per style, one number per level)."""

    styles: dict[str, dict[int, Level]]
    numbers: dict[str, list[int]] = field(default_factory=dict)

    def label(self, style: str, depth: int) -> str:
        """The label of the next item at `depth` (1 = outermost) of a list of `style`; deeper levels restart."""
        levels = self.styles.get(style, {})
        level = levels.get(depth)
        if level is None:
            return ""
        if level.bullet is not None:
            return "+" if level.bullet == "+" else "-"
        numbers = self.numbers.setdefault(style, [])
        while len(numbers) < depth:
            above = levels.get(len(numbers) + 1)
            numbers.append((above.start if above else 1) - 1)
        numbers[depth - 1] += 1
        del numbers[depth:]
        return f"{level.prefix}{formatted(numbers[-1], level.format)}{level.suffix}".strip()

    def restart(self, style: str, depth: int) -> None:
        """A new list that does not continue the one before: its level starts again."""
        del self.numbers.get(style, [])[depth - 1 :]


def _lines(children: list[Element], lists: Lists, style: str = "", depth: int = 0) -> Iterator[str]:
    for child in children:
        qname = getattr(child, "qname", None)
        if qname in BLOCKS:
            yield teletype.extractText(child)
        elif qname == (TEXTNS, "list"):
            list_style = child.getAttrNS(TEXTNS, "style-name") or style
            if child.getAttrNS(TEXTNS, "continue-numbering") != "true" and not child.getAttrNS(TEXTNS, "continue-list"):
                lists.restart(list_style, depth + 1)
            yield from _items(child, lists, list_style, depth + 1)
        elif qname in CONTAINERS:
            yield from _lines(child.childNodes, lists, style, depth)


def _items(element: Element, lists: Lists, style: str, depth: int) -> Iterator[str]:
    """The items of a list: an item's first paragraph carries the label; an item that holds only a list of the
    level below takes no number, and a list header none."""
    for item in element.childNodes:
        labelled = getattr(item, "qname", None) == (TEXTNS, "list-item")
        for child in getattr(item, "childNodes", []):
            if labelled and getattr(child, "qname", None) in BLOCKS:
                label, content = lists.label(style, depth), teletype.extractText(child)
                yield f"{label} {content}" if label else content
                labelled = False
            else:
                yield from _lines([child], lists, style, depth)


def _list_styles(document: OpenDocument) -> dict[str, dict[int, Level]]:
    """Every list style of the document: name → level (1-based) → how its label is written."""
    styles: dict[str, dict[int, Level]] = {}
    for holder in (document.styles, document.automaticstyles):
        for list_style in holder.getElementsByType(ListStyle):
            levels: dict[int, Level] = {}
            for level in list_style.childNodes:
                number = int(level.getAttrNS(TEXTNS, "level") or 1)
                if level.qname == (TEXTNS, "list-level-style-bullet"):
                    levels[number] = Level("bullet", bullet=level.getAttrNS(TEXTNS, "bullet-char") or "-")
                elif level.qname == (TEXTNS, "list-level-style-number"):
                    levels[number] = Level(
                        NUMBER_FORMATS.get(level.getAttrNS(STYLENS, "num-format") or "", "none"),
                        level.getAttrNS(STYLENS, "num-prefix") or "",
                        level.getAttrNS(STYLENS, "num-suffix") or "",
                        int(level.getAttrNS(TEXTNS, "start-value") or 1),
                    )
            styles[list_style.getAttrNS(STYLENS, "name")] = levels
    return styles
