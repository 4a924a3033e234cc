"""Outlook messages (.msg), read with extract-msg: the body is a document and each attachment a document of its
own, as for an .eml."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import extract_msg

from pipeline.ingest import mail, webpage
from pipeline.ingest.word_binary import OLE_MAGIC
from pipeline.model import CorruptInput
from pipeline.unpacking import Packed

FORMAT = "msg"


def recognises(head: bytes, name: str) -> bool:
    return head.startswith(OLE_MAGIC) and Path(name).suffix.lower() == ".msg"


def _open(path: Path) -> extract_msg.msg_classes.MessageBase:
    try:
        return extract_msg.openMsg(str(path))
    except Exception as e:  # noqa: BLE001 - extract-msg raises many kinds for a broken file
        raise CorruptInput(f"corrupt Outlook message ({e})") from e


def _body(path: Path) -> tuple[str, str]:
    """The body's text (plain, else the text of its HTML) and where it came from."""
    with _open(path) as message:
        body = message.body
        html = message.htmlBody if not body else None
    if body:
        return body, "Outlook message body"
    return (webpage.text_of(html.decode("utf-8", "replace")) if html else ""), "Outlook message body (HTML)"


is_document, read = mail.body_document(_body)


def members(path: Path) -> Iterator[Packed]:
    with _open(path) as message:
        for number, attachment in enumerate(message.attachments, 1):
            data = attachment.data
            if not isinstance(data, bytes):  # an attached message: its own .msg bytes are not kept whole
                continue
            name = attachment.longFilename or attachment.shortFilename or f"attachment-{number}"
            yield Packed(name.replace("/", "_"), len(data), lambda data=data: io.BytesIO(data))
