"""Lists under a shared title and kind (``Giám đốc các Sở: Tài chính, Xây dựng``), spelled out one body at a time
so that the name reader sees whole names, with a map back to the words as written."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pipeline.language.gazetteer import known_spans
from pipeline.language.name_grammar import alternation, begins_name, grammar
from pipeline.language.names import names


@cache
def _shared_kind() -> re.Pattern[str]:
    """Giám đốc các Sở: …; phối hợp với các Bộ: …; Thanh tra viên các Bộ, cơ quan ngang Bộ: …"""
    data = grammar()
    return re.compile(
        rf"(?P<title>(?:{alternation(data['shared_titles'])})\s+)?"
        rf"[Cc]ác\s+(?P<kind>{alternation(data['shared_kinds'])})(?:,\s*cơ quan ngang Bộ)?\s*:\s*(?=[A-ZĐ])"
    )


@cache
def _shared_body() -> re.Pattern[str]:
    """Chủ tịch, Phó Chủ tịch Ủy ban nhân dân cấp xã; Giám đốc và Phó Giám đốc Kho bạc Nhà nước: a title alone
    before its deputy's, who names the body."""
    titles = [t for t in grammar()["titles"] if " " in t or t[0].isupper()]
    return re.compile(
        rf"(?<!\w)(?<!Phó )(?P<title>{alternation(titles)})(?:\s*,\s*|\s+và\s+)"
        rf"Phó\s+(?P=title)\s+(?=\w)"
    )


@cache
def _shared_level() -> re.Pattern[str]:
    """Hội đồng nhân dân, Ủy ban nhân dân cấp xã; Công an, Chánh án Tòa án nhân dân cấp tỉnh: bodies every level has,
    maybe after their head's title, listed before the last, which names the level."""
    data = grammar()
    item = (
        rf"(?:(?:{alternation(data['title_prefixes'])})\s+)?(?:(?:{alternation(data['titles'])})\s+)?"
        rf"(?:{alternation(data['levelled_kinds'])})"
    )
    return re.compile(
        rf"(?<![\w-])(?P<items>{item}(?:(?:,\s*|\s+và\s+){item})*)(?:,\s*|\s+và\s+){item}"
        rf"\s+(?P<level>{alternation(data['shared_levels'])})\b"
    )


@dataclass(frozen=True)
class _Piece:
    """A stretch of spelled-out text and the stretch of the written text it stands for."""

    start: int  # in the spelled-out text
    end: int
    written_start: int
    written: bool  # copied from the text, character for character (else a title and kind put in)


# A stretch of the written text (start, end) and what it is spelled out as: chunks, each with the offset in the
# written text it stands for and whether it is copied from there.
_Rewrite = tuple[int, int, list[tuple[str, int, bool]]]


def spell_out_shared_kinds(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` with each list under a shared title and kind written out one body at a time (``Giám đốc các Sở: Tài
    chính, Xây dựng`` → ``Giám đốc Sở Tài chính, Giám đốc Sở Xây dựng``; ``phối hợp với các Bộ: Quốc phòng, Văn
    hóa, Thể thao và Du lịch`` → ``… Bộ Quốc phòng, Bộ Văn hóa, Thể thao và Du lịch``, known names kept whole),
    and each title that shares its deputy's body given that body (``Chủ tịch, Phó Chủ tịch Ủy ban nhân dân`` →
    ``Chủ tịch Ủy ban nhân dân, Phó Chủ tịch Ủy ban nhân dân``); with a map from offsets in it to offsets in
    `text`: a name that was put together points at the words written."""
    rewrites = sorted(_shared_kind_rewrites(text) + _shared_body_rewrites(text) + _shared_level_rewrites(text))
    pieces: list[_Piece] = []
    out: list[str] = []
    position = written = 0

    def put(chunk: str, written_start: int, copied: bool) -> None:
        nonlocal position
        pieces.append(_Piece(position, position + len(chunk), written_start, copied))
        out.append(chunk)
        position += len(chunk)

    for start, end, chunks in rewrites:
        if start < written:
            continue  # inside a stretch already spelled out
        put(text[written:start], written, True)
        for chunk in chunks:
            put(*chunk)
        written = end
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


def _shared_kind_rewrites(text: str) -> list[_Rewrite]:
    """``Giám đốc các Sở: Tài chính, Xây dựng`` spelled out as ``Giám đốc Sở Tài chính, Giám đốc Sở Xây dựng``."""
    rewrites: list[_Rewrite] = []
    for match in _shared_kind().finditer(text):
        items = _shared_items(text, match.end(), match["kind"])
        if not items:
            continue
        title, chunks = match["title"] or "", []
        for index, (start, end) in enumerate(items):
            if index:
                chunks.append((", ", start, False))
            chunks += [(f"{title}{match['kind']} ", match.start() if index == 0 else start, False)]
            chunks.append((text[start:end], start, True))
        rewrites.append((match.start(), items[-1][1], chunks))
    return rewrites


def _shared_body_rewrites(text: str) -> list[_Rewrite]:
    """``Chủ tịch, Phó Chủ tịch Ủy ban nhân dân cấp xã``; ``Thủ trưởng, Phó Thủ trưởng cơ quan thi hành án dân
    sự``: the body the deputy's title names (its first name) put after the lone title."""
    rewrites: list[_Rewrite] = []
    for match in _shared_body().finditer(text):
        found = names(text[match.end() :])
        if found and found[0][0] == 0:
            title_end = match.end("title")
            rewrites.append((title_end, title_end, [(f" {found[0][1]}", title_end, False)]))
    return rewrites


def _shared_level_rewrites(text: str) -> list[_Rewrite]:
    """``Hội đồng nhân dân, Ủy ban nhân dân cấp xã`` spelled out as ``Hội đồng nhân dân cấp xã, Ủy ban nhân dân cấp
    xã``: the level the last body names put after each body before it, where the list is no part of a name before
    it (``Bộ Công an, Công an cấp tỉnh`` lists a ministry; ``Văn phòng Hội đồng nhân dân và Ủy ban nhân dân`` is one
    office)."""
    rewrites: list[_Rewrite] = []
    for match in _shared_level().finditer(text):
        before = text[: match.start()].split()[-2:]
        heads = (" ".join(before[k:]) for k in range(len(before)) if not before[-1].endswith(","))
        if any(begins_name(f"{words} {match[0]}") for words in heads):
            continue  # a head of a name the list belongs to (Bộ | Công an; Văn phòng | Hội đồng nhân dân và …)
        for separator in re.finditer(r",\s*|\s+và\s+", match["items"] + ", "):
            end = match.start("items") + separator.start()
            rewrites.append((end, end, [(f" {match['level']}", end, False)]))
    return rewrites


def _shared_items(text: str, start: int, kind: str) -> list[tuple[int, int]]:
    """Spans of the names after ``các Sở:`` (each a body of that kind: ``Tài chính``), up to the end of the list
    (``;``, ``.``, a line end) or to an item that is a body of another kind (``Ủy ban nhân dân cấp xã``)."""
    end = next((m.start() for m in re.finditer(r"[;.:\n]|$", text[start:])), 0) + start
    items: list[tuple[int, int]] = []
    position = start
    while position < end:
        known = [e for s, e in known_spans(f"{kind} {text[position:end]}") if s == 0]
        if not text[position].isupper() or (begins_name(text[position:end]) and not known):
            break  # … Ủy ban nhân dân cấp xã: a body of another kind; not Công an after các Bộ: (Bộ Công an)
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
