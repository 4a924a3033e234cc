"""Web pages (.html, .htm; a document saved from the legal database or the e-office system): the document's body,
not the navigation, scripts, forms and link lists around it, one line per block (paragraph, heading, list item,
table cell, ``<br>``), parsed with lxml."""

from __future__ import annotations

import re
from pathlib import Path

import charset_normalizer
import lxml.html
from lxml import etree

from pipeline.ingest import text
from pipeline.ingest.ocr import OcrJob
from pipeline.model import CorruptInput, PageText, TextSource
from pipeline.settings import Settings

FORMAT = "html"
SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
OPENINGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Elements that are never the document: scripts, styles, navigation, forms, and what a page puts around its text.
DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
           "select", "iframe", "svg", "canvas", "object", "embed", "head")  # fmt: skip
# A page's own marks of its main text, tried first: HTML5 landmarks, then the legal databases' content blocks.
MAIN = ("//main", "//article", "//*[@role='main']", "//*[@id='toanvancontent']", "//*[contains(@class,'toanvan')]",
        "//*[contains(@class,'content1')]", "//*[contains(@class,'fulltext')]")  # fmt: skip
BLOCK_TAGS = {"p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table", "ul",
              "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "main", "article", "body", "caption"}  # fmt: skip
LINK_DENSITY = 0.6  # a block whose text is mostly links (a menu, a list of related documents) is navigation
MIN_LINKS = 3


def recognises(head: bytes, name: str) -> bool:
    """Named as a web page, or beginning (after a BOM, blanks and an XML declaration) with HTML."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml"):
        start = start[start.find(b"?>") + 2 :].lstrip()
    return start.startswith(OPENINGS) or (Path(name).suffix.lower() in SUFFIXES and start.startswith(b"<"))


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    return text.paged(text_of(_decoded(path.read_bytes())), TextSource.MARKUP, "web page (HTML): its body"), []


def text_of(html: str) -> str:
    """The main text of a page, a line per block."""
    try:
        root = lxml.html.document_fromstring(XML_DECLARATION.sub("", html, count=1) or "<html/>")
    except (etree.ParserError, ValueError) as e:
        raise CorruptInput(f"unreadable HTML ({e})") from e
    for element in root.xpath("|".join(f"//{tag}" for tag in DROPPED)):
        element.drop_tree()
    for comment in root.xpath("//comment()"):
        comment.drop_tree()
    for element in root.xpath("//ul|//ol|//div|//table|//p"):
        if element.getparent() is not None and _is_navigation(element):
            element.drop_tree()
    main = next((found[0] for path in MAIN if (found := root.xpath(path))), root)
    return "\n".join(_lines(main)).strip("\n")


def _is_navigation(element: lxml.html.HtmlElement) -> bool:
    links = element.xpath(".//a")
    if len(links) < MIN_LINKS:
        return False
    words = len(element.text_content().split())
    linked = sum(len(link.text_content().split()) for link in links)
    return words > 0 and linked / words > LINK_DENSITY


def _lines(element: lxml.html.HtmlElement) -> list[str]:
    """The text of an element as lines: a block (paragraph, heading, cell …) begins and ends a line, ``<br>`` breaks
    one, inline elements are joined, and an empty paragraph is an empty line."""
    lines: list[str] = [""]

    def end_line() -> None:
        if lines[-1].strip():
            lines.append("")

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in BLOCK_TAGS:
            end_line()
            if tag in ("p", "div") and not node.text_content().strip() and not len(node):
                lines.append("")
        if tag == "br":
            lines.append("")
        lines[-1] += node.text or ""
        for child in node:
            walk(child)
            lines[-1] += child.tail or ""
        if tag in BLOCK_TAGS:
            end_line()

    walk(element)
    return [" ".join(line.split()) for line in lines]


def _decoded(data: bytes) -> str:
    """The page as text: UTF-8 (with or without BOM), else the charset its <meta> declares, else a guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared[1].decode("ascii"), errors="replace")
        except LookupError:
            pass
    best = charset_normalizer.from_bytes(data[:65536]).best()
    return data.decode(best.encoding if best else "cp1258", errors="replace")
