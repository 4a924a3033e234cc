"""E-mails saved as files (.eml, RFC 5322 / MIME): the body is a document (its plain-text part, or its HTML part
read as a web page), and each attachment is a document of its own, whose `parent_doc_id` is the e-mail's."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from pipeline.ingest import text, webpage
from pipeline.ingest.ocr import OcrJob
from pipeline.model import PageText, TextSource
from pipeline.settings import Settings
from pipeline.unpacking import Packed

FORMAT = "eml"
HEADER_LINE = re.compile(rb"[!-9;-~]+:[ \t]?.*|[ \t].*")  # a field, or the continuation of one
KNOWN_FIELDS = re.compile(rb"^(?:from|to|subject|date|message-id|mime-version|received|return-path):", re.I | re.M)


def recognises(head: bytes, name: str) -> bool:
    """Named ``.eml``, or beginning with a header block of at least two of the usual fields."""
    if Path(name).suffix.lower() == ".eml":
        return True
    block = head.lstrip(b"\r\n").split(b"\n\n", 1)[0].replace(b"\r\n", b"\n")
    lines = block.split(b"\n")
    return (
        len(KNOWN_FIELDS.findall(block)) >= 2
        and all(HEADER_LINE.fullmatch(line) for line in lines[:-1] if line)
    )


def _message(path: Path) -> EmailMessage:
    with path.open("rb") as f:
        return BytesParser(policy=policy.default).parse(f)  # type: ignore[return-value]


def body_document(
    body: Callable[[Path], tuple[str, str]],
) -> tuple[Callable[[Path], bool], Callable[[Path, str, Settings], tuple[list[PageText], list[OcrJob]]]]:
    """`is_document` and `read` of a message format whose body's text (and where it came from) is `body(path)`:
    a message is a document when its body has text (one that only carries attachments is not)."""

    def is_document(path: Path) -> bool:
        return bool(body(path)[0].strip())

    def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
        content, decision = body(path)
        return text.paged(content, TextSource.MARKUP, decision), []

    return is_document, read


def _body(path: Path) -> tuple[str, str]:
    """The body's text (its plain-text part, or the text of its HTML part) and where it came from."""
    body = _message(path).get_body(preferencelist=("plain", "html"))
    if body is None:
        return "", "e-mail without a body"
    if body.get_content_subtype() == "html":
        return webpage.text_of(body.get_content()), "e-mail body (HTML)"
    return body.get_content(), "e-mail body (plain text)"


is_document, read = body_document(_body)


def members(path: Path) -> Iterator[Packed]:
    """The attachments, an attached e-mail as a file of its own."""
    for number, part in enumerate(_message(path).iter_attachments(), 1):
        if part.get_content_type() == "message/rfc822":
            data = part.get_content().as_bytes()
            name = part.get_filename() or f"attachment-{number}.eml"
        else:
            data = part.get_payload(decode=True) or b""
            name = part.get_filename() or f"attachment-{number}"
        yield Packed(name.replace("/", "_"), len(data), lambda data=data: io.BytesIO(data))
