"""Write one plain-text document in the formats an agency receives, as the programs that make them do: Word with
its own list numbering (the labels ``I.``, ``1.``, ``a)`` only in ``numbering.xml``), OpenDocument with a list
style, RTF, an HTML page with navigation and scripts around the text, PDF, an e-mail with attachments, a zip.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from html import escape
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fpdf import FPDF
from odf.opendocument import OpenDocumentText
from odf.style import ListLevelProperties
from odf.text import List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@dataclass(frozen=True)
class ListKind:
    """A kind of label of a Vietnamese document and how Word or OpenDocument numbers it."""

    pattern: re.Pattern[str]
    word_format: str  # w:numFmt
    odf_format: str  # style:num-format ("" for a bullet)


# The levels of a plan's hierarchy, top first: I. / 1. / a) / - / +
KINDS = (
    ListKind(re.compile(r"([IVXLC]+)( ?[.\-–] ?)"), "upperRoman", "I"),
    ListKind(re.compile(r"(\d{1,2})([.)] )"), "decimal", "1"),
    ListKind(re.compile(r"([a-z])(\) )"), "lowerLetter", "a"),
    ListKind(re.compile(r"(-)( )"), "bullet", ""),
    ListKind(re.compile(r"(\+)( )"), "bullet", ""),
)


@dataclass(frozen=True)
class Line:
    """A line of the text: its list level (None: not a list item), label separator, and text after the label."""

    level: int | None
    label: str
    separator: str
    text: str

    @property
    def written(self) -> str:
        """The line as the plain text has it, label included."""
        return f"{self.label}{self.separator}{self.text}"


def lines_of(source: str) -> list[Line]:
    """The lines of a text, with each label taken off where numbering them as Word does gives the same label."""
    lines: list[Line] = []
    counters: dict[int, int] = {}
    for raw in source.splitlines():
        line = Line(None, "", "", raw)
        for level, kind in enumerate(KINDS):
            match = kind.pattern.match(raw)
            if match and raw[match.end() :].strip():
                expected = counters.get(level, 0) + 1
                if kind.word_format == "bullet" or match[1] == _label(expected, kind.word_format):
                    line = Line(level, match[1], match[2], raw[match.end() :])
                break
        if line.level is not None:
            counters[line.level] = counters.get(line.level, 0) + 1
            counters = {k: v for k, v in counters.items() if k <= line.level}
        lines.append(line)
    return lines


def _label(number: int, word_format: str) -> str:
    if word_format == "upperRoman":
        return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][number] if number <= 10 else ""
    if word_format == "lowerLetter":
        return chr(ord("a") + number - 1)
    return str(number)


def _separators(lines: list[Line]) -> dict[int, str]:
    """Each level's label separator as first written (``I.`` or ``I -``)."""
    separators: dict[int, str] = {}
    for line in lines:
        if line.level is not None:
            separators.setdefault(line.level, line.separator)
    return separators


def write_docx(source: str, path: Path) -> None:
    """A Word document whose list labels are Word's own automatic numbering, not text."""
    lines = lines_of(source)
    separators = _separators(lines)
    document = docx.Document()
    levels = []
    for level, kind in enumerate(KINDS):
        suffix = separators.get(level, ". ").rstrip()
        text = "-" if kind.pattern.pattern.startswith("(-") else "+" if kind.word_format == "bullet" else f"%{level + 1}{suffix}"
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind.word_format}"/>'
            f'<w:lvlText w:val="{escape(text)}"/><w:suff w:val="space"/></w:lvl>'
        )
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{"".join(levels)}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in lines:
        paragraph = document.add_paragraph(line.text)
        if line.level is not None:
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{line.level}"/><w:numId w:val="90"/></w:numPr>')
            )
    document.save(str(path))


def write_odt(source: str, path: Path) -> None:
    """An OpenDocument text whose list labels come from a list style, nested lists as LibreOffice writes them."""
    lines = lines_of(source)
    separators = _separators(lines)
    document = OpenDocumentText()
    style = ListStyle(name="Plan")
    for level, kind in enumerate(KINDS):
        properties = ListLevelProperties(spacebefore=f"{level * 0.5}cm", minlabelwidth="0.5cm")
        if kind.odf_format:
            number = ListLevelStyleNumber(
                level=level + 1, numformat=kind.odf_format, numsuffix=separators.get(level, ". ").rstrip()
            )
        else:
            number = ListLevelStyleBullet(level=level + 1, bulletchar="-" if level == 3 else "+")
        number.addElement(properties)
        style.addElement(number)
    document.automaticstyles.addElement(style)
    lists: list[List] = []  # the lists open, outermost first: list n holds the items of level n
    for line in lines:
        if line.level is not None and line.level <= len(lists):
            del lists[line.level + 1 :]
            if line.level == len(lists):
                new = List(stylename=style) if not lists else List()
                (lists[-1].childNodes[-1] if lists else document.text).addElement(new)
                lists.append(new)
            item = ListItem()
            item.addElement(P(text=line.text))
            lists[-1].addElement(item)
        else:  # a paragraph of the item above it, its label (if any) written as text
            paragraph = P(text=line.written)
            (lists[-1].childNodes[-1] if lists else document.text).addElement(paragraph)
    document.save(str(path))


def write_rtf(source: str, path: Path) -> None:
    """RTF as a word processor writes it: control words, a font table, non-ASCII letters as ``\\u`` escapes."""
    def escaped(line: str) -> str:
        out = []
        for char in line:
            if char in "\\{}":
                out.append("\\" + char)
            elif ord(char) < 128:
                out.append(char)
            else:
                out.extend(f"\\u{unit if unit < 32768 else unit - 65536}?" for unit in _utf16_units(char))
        return "".join(out)

    body = "".join(f"\\pard\\plain\\f0\\fs26 {escaped(line)}\\par\n" for line in source.splitlines())
    head = "{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0\\froman\\fcharset163 Times New Roman;}}\n"
    path.write_text(head + body + "}\n", encoding="ascii")


def _utf16_units(char: str) -> list[int]:
    data = char.encode("utf-16-le")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


def write_html(source: str, path: Path) -> None:
    """A page saved from a legal database: a menu, a search form and scripts around the text, a line per <p>."""
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" if line.strip() else "<p>&nbsp;</p>" for line in source.splitlines())
    menu = "".join(f'<li><a href="/van-ban/{n}">Văn bản liên quan số {n}</a></li>' for n in range(1, 9))
    path.write_text(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Văn bản</title>"
        "<script>var tracking = {'id': 12, 'page': 'toan-van'};</script><style>p { margin: 0 }</style></head>"
        f"<body><header><a href=\"/\">Trang chủ</a> | <a href=\"/tim-kiem\">Tìm kiếm</a></header>"
        f"<nav><ul>{menu}</ul></nav><form><input name=\"q\"><button>Tìm</button></form>"
        f"<div class=\"toanvancontent\">{paragraphs}</div>"
        f"<div class=\"related\"><ul>{menu}</ul></div><footer>Bản quyền © Cơ sở dữ liệu văn bản</footer>"
        "<script>document.write('quảng cáo');</script></body></html>",
        encoding="utf-8",
    )


def write_pdf(source: str, path: Path, title: str) -> None:
    """A digital PDF of the text (DejaVu), its text layer made by fpdf2, a line of the text a line of the page
    (one page, wide enough that no line wraps: rejoining wrapped lines and pages is the normaliser's matter, not
    the format's)."""
    lines = source.splitlines()
    pdf = FPDF(format=(max(210, max(map(len, lines), default=0) * 2.2 + 30), max(297, len(lines) * 6 + 40)))
    pdf.set_title(title)
    pdf.add_font("dejavu", fname=DEJAVU)
    pdf.set_font("dejavu", size=10)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_email(body: str, attachments: dict[str, bytes], path: Path) -> None:
    """An e-mail whose plain-text body is a document, with the files attached."""
    message = EmailMessage()
    message["From"] = "Văn phòng Tỉnh ủy <vanphong@example.vn>"
    message["To"] = "vanthu@example.vn"
    message["Subject"] = "Gửi văn bản"
    message["Date"] = "Mon, 31 Oct 2022 08:00:00 +0700"
    message.set_content(body)
    for name, data in attachments.items():
        message.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    path.write_bytes(bytes(message))


def write_zip(members: dict[str, bytes], path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def convert(source: Path, to: str) -> Path:
    """`source` converted by LibreOffice (``doc``: Word 97–2003, as Word saves it)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", to, "--outdir", str(source.parent), str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    return source.with_suffix(f".{to}")
