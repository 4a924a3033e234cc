"""Short names a text defines for a body (``Ngân hàng Nhà nước Việt Nam (sau đây gọi là Ngân hàng Nhà nước)``,
``Quỹ nhà ở quốc gia (sau đây gọi là Quỹ)``): where the short name later stands alone as a subject, it is that body,
written with the name the text defined it for (the gold README's convention)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from pipeline.language.gazetteer import is_known, known_spans
from pipeline.language.name_ends import first_stop
from pipeline.language.name_grammar import alternation, begins_name, grammar, own_name_start
from pipeline.language.names import names

# A full name is looked for so far back from its definition's bracket, within its sentence.
FULL_NAME_REACH = 200
SENTENCE_END = re.compile(r"[;:.!?\n(]")
SHORT_ONLY_WORDS = ("cấp", "các")  # words a short name may add: Hội đồng cấp Bộ for Hội đồng … Bộ Xây dựng
# A short name in capitals (KBNN, CIC, ĐVCNTT): an acronym of the body's name.
ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9&]*[A-ZĐ][A-ZĐ0-9&]*")


@dataclass(frozen=True)
class ShortName:
    """A short name (`short`) the text defines at `offset` for the body named `full`."""

    offset: int
    short: str
    full: str
    acronym: bool = False  # KBNN for Kho bạc Nhà nước: written in full where it names the body, after a title too


@cache
def _definition() -> re.Pattern[str]:
    markers = alternation(grammar()["short_name_markers"])
    return re.compile(rf"\(\s*(?:{markers})\s+(?P<short>[^()\n;]{{2,80}}?)\s*\)")


def defined_short_names(text: str) -> list[ShortName]:
    """The short names `text` defines for one body each, in the order they are defined. The full name is the one
    body named right before the bracket that begins with the short name's head (its first word: ``Ngân hàng
    Nhà nước Việt Nam`` for ``Ngân hàng Nhà nước``, ``Bộ trưởng Bộ Ngoại giao`` for ``Bộ trưởng``); a name the
    bracket gives a list of bodies (``gọi chung là các đơn vị …``) or a phrase that no head begins defines none."""
    found = []
    for match in _definition().finditer(text):
        short = match["short"].strip(" ,")
        if ACRONYM.fullmatch(short):
            before = text[max(0, match.start() - FULL_NAME_REACH) : match.start()].rstrip()
            if full := _acronym_full(before, short):
                found.append(ShortName(match.start(), short, full, acronym=True))
            continue
        if not begins_name(short) or short.casefold().startswith(("các ", "những ")):
            continue
        if any(level in short for level in grammar()["shared_levels"]):
            continue  # a level's name is a name of its own (Ủy ban nhân dân cấp xã), written as printed (gold README)
        full = _full_name(text[max(0, match.start() - FULL_NAME_REACH) : match.start()].rstrip(), short)
        if not full or not _shortens(short, full):
            continue
        if _cuts_a_known_name(short, full) if is_known(short) else not _only_parent_added(short, full):
            found.append(ShortName(match.start(), short, full))
    return found


def _acronym_full(before: str, short: str) -> str | None:
    """The one body named at the end of `before` (the longest name that runs to its end), that the acronym `short`
    stands for (``Kho bạc Nhà nước (sau đây viết tắt là KBNN)``; ``Trung tâm Thông tin tín dụng quốc gia Việt Nam (sau
    đây gọi tắt là CIC)``); none where no body's name ends there (``ngân sách nhà nước (sau đây viết tắt là NSNN)``)."""
    return _body_ending(before, r"(?<!\w)[A-ZĐ]")


def _cuts_a_known_name(short: str, full: str) -> bool:
    """Whether a known body's name (``Ngân hàng Nhà nước``) is defined as the short name of that body's whole name
    (``Ngân hàng Nhà nước Việt Nam``): the gold README writes the whole where the text defines it."""
    return full.casefold().startswith(short.casefold()) and len(full) > len(short) and (0, len(full)) in known_spans(full)


def _full_name(before: str, short: str) -> str | None:
    """The body named at the end of `before` whose name begins with the head of `short`, if it is one body whose
    name runs to the end of `before`."""
    return _body_ending(before, rf"(?<!\w){re.escape(short.split()[0])}(?!\w)")


def _body_ending(before: str, opening: str) -> str | None:
    """The longest run of `before`'s last sentence that begins where the pattern `opening` matches and is one body's
    name, and nothing more, up to its end."""
    sentence = before[max((m.end() for m in SENTENCE_END.finditer(before)), default=0) :]
    for start in (m.start() for m in re.finditer(opening, sentence)):
        candidate = sentence[start:].strip()
        bodies = names(candidate, whole=True)
        if len(bodies) == 1 and bodies[0][1] == candidate and first_stop(candidate) == len(candidate):
            return candidate
    return None


def _only_parent_added(short: str, full: str) -> bool:
    """Whether `full` is `short` as printed, or `short` and the body it belongs to (``Trung tâm trọng tài quốc tế |
    thuộc Trung tâm tài chính quốc tế``: the body's own name is the short one, as a parent is left out of a name), or
    `short` with the rest of the known body it ends with."""
    rest = full[len(short) :].strip() if full.casefold().startswith(short.casefold()) else None
    if rest is None:
        return False
    # … and a known body's own name completed (Thống đốc Ngân hàng Nhà nước | Việt Nam): the gazetteer names it
    ending = {start for start, end in known_spans(short) if end == len(short)}
    completes_known = any(start in ending and end > len(short) for start, end in known_spans(full))
    return not rest or completes_known or rest.split()[0] in grammar()["relations"] or rest.startswith("trực thuộc")


def _shortens(short: str, full: str) -> bool:
    """Whether every word of `short` but ``cấp`` and ``các`` is a word of `full` (``Thanh tra Công an tỉnh`` of ``Thanh
    tra Công an tỉnh, thành phố``; not ``Công an đơn vị, địa phương`` of ``Công an tỉnh, thành phố``, the last body of a
    list)."""
    words = set(re.findall(r"\w+", full.casefold()))
    return all(word in words for word in re.findall(r"\w+", short.casefold()) if word not in SHORT_ONLY_WORDS)


def expanded(assignee: str, at: int, defined: list[ShortName]) -> str:
    """`assignee` (a subject at offset `at`) written in full when it is a short name the text defined before `at`."""
    offsets = [d.offset for d in defined]
    folded = assignee.casefold()
    for definition in reversed(defined[: bisect_right(offsets, at)]):
        if definition.short.casefold() == folded:
            return definition.full
        if definition.acronym and (where := _acronym_at(assignee, definition.short)) is not None:
            return f"{assignee[:where]}{definition.full}{assignee[where + len(definition.short) :]}"
    return assignee


def _acronym_at(assignee: str, short: str) -> int | None:
    """Where the acronym `short` names the body of `assignee`: at its start (``KBNN nơi mở tài khoản``) or after the
    title of the body's head (``Giám đốc KBNN``); not inside the name of another body (``Các đơn vị KBNN``, ``… có
    giao dịch với KBNN``: kept as printed, the gold README's short name inside a longer name)."""
    where = own_name_start(assignee)
    return where if re.match(rf"{re.escape(short)}(?!\w)", assignee[where:]) else None
