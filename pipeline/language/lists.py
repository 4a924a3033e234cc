"""Lists under a shared title and kind (``Giám đốc các Sở: Tài chính, Xây dựng``), spelled out one body at a time
so that the name reader sees whole names, with a map back to the words as written."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pipeline.language.gazetteer import known_spans
from pipeline.language.names import alternation, begins_name, grammar


@cache
def _shared_kind() -> re.Pattern[str]:
    """Giám đốc các Sở: …; phối hợp với các Bộ: …; Thanh tra viên các Bộ, cơ quan ngang Bộ: …"""
    data = grammar()
    return re.compile(
        rf"(?P<title>(?:{alternation(data['shared_titles'])})\s+)?"
        rf"[Cc]ác\s+(?P<kind>{alternation(data['shared_kinds'])})(?:,\s*cơ quan ngang Bộ)?\s*:\s*(?=[A-ZĐ])"
    )


@dataclass(frozen=True)
class _Piece:
    """A stretch of spelled-out text and the stretch of the written text it stands for."""

    start: int  # in the spelled-out text
    end: int
    written_start: int
    written: bool  # copied from the text, character for character (else a title and kind put in)


def spell_out_shared_kinds(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` with each list under a shared title and kind written out one body at a time (``Giám đốc các Sở: Tài
    chính, Xây dựng`` → ``Giám đốc Sở Tài chính, Giám đốc Sở Xây dựng``; ``phối hợp với các Bộ: Quốc phòng, Văn
    hóa, Thể thao và Du lịch`` → ``… Bộ Quốc phòng, Bộ Văn hóa, Thể thao và Du lịch``, known names kept whole), and
    a map from offsets in it to offsets in `text`: a name that was put together points at the words written."""
    pieces: list[_Piece] = []
    out: list[str] = []
    position = written = 0

    def put(chunk: str, written_start: int, copied: bool) -> None:
        nonlocal position
        pieces.append(_Piece(position, position + len(chunk), written_start, copied))
        out.append(chunk)
        position += len(chunk)

    for match in _shared_kind().finditer(text):
        items = _shared_items(text, match.end(), match["kind"])
        if not items:
            continue
        title = match["title"] or ""
        put(text[written : match.start()], written, True)
        for index, (start, end) in enumerate(items):
            if index:
                put(", ", start, False)
            put(f"{title}{match['kind']} ", match.start() if index == 0 else start, False)
            put(text[start:end], start, True)
        written = items[-1][1]
    if not pieces:
        return text, lambda offset: offset
    put(text[written:], written, True)

    def written_at(offset: int) -> int:
        piece = next((p for p in pieces if p.start <= offset <= p.end and p.written), None)
        if piece is None:
            piece = next(p for p in pieces if p.start <= offset <= p.end)
            return piece.written_start
        return piece.written_start + offset - piece.start

    return "".join(out), written_at


def _shared_items(text: str, start: int, kind: str) -> list[tuple[int, int]]:
    """Spans of the names after ``các Sở:`` (each a body of that kind: ``Tài chính``), up to the end of the list
    (``;``, ``.``, a line end) or to an item that is a body of another kind (``Ủy ban nhân dân cấp xã``)."""
    end = next((m.start() for m in re.finditer(r"[;.:\n]|$", text[start:])), 0) + start
    items: list[tuple[int, int]] = []
    position = start
    while position < end:
        if not text[position].isupper() or begins_name(text[position:end]):
            break
        known = [e for s, e in known_spans(f"{kind} {text[position:end]}") if s == 0]
        item_end = position + known[0] - len(kind) - 1 if known else _next_separator(text, position, end)
        items.append((position, item_end))
        separator = re.compile(r",\s*|\s+và\s+").match(text, item_end)
        if not separator:
            break
        position = separator.end()
    return items


def _next_separator(text: str, start: int, end: int) -> int:
    """Where the list item at `start` ends: at the next comma, or at ``và`` before a capital."""
    match = re.compile(r",|\s+và\s+(?=[A-ZĐ])").search(text, start, end)
    return match.start() if match else end
