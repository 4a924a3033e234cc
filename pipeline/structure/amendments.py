"""Quoted passages: the new wording an amending text quotes (``Sửa đổi, bổ sung Điều 35 như sau: “Điều 35. …”``).

Their articles, clauses and points belong to the amended document, not to this one: sections and tasks leave them
out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from string import ascii_lowercase

from pipeline.language.labels import label
from pipeline.structure.holding import Holders
from pipeline.structure.lines import INSTRUCTING, Line
from pipeline.structure.sections import Section

OPENING, CLOSING = "“", "”"
# An instruction of the amending text itself: where a passage whose closing mark is missing ends at the latest.
# An English translation's too (``3. To amend Article 4 as follows:``, ``a/ To supplement …:``).
INSTRUCTION = re.compile(
    rf"^(?:\d{{1,3}}\s*\.|[a-zđ]\s*[)/]|{label('dieu', None)})?\s*"
    rf"(?:{INSTRUCTING}|To (?:amend|supplement|add|replace|annul|abolish|repeal|remove)\b)[^“”]*:$"
)
# An article of the amending text titled by its instruction (``Điều 12. Sửa đổi, bổ sung Điều 23``): it ends a
# passage whose closing mark is missing when its number follows the text's own last article.
INSTRUCTION_ARTICLE = re.compile(rf"^{label('dieu', 'number')}\s*{INSTRUCTING}")
# A clause of the amending text that gives its next instruction, however web text cut the instruction's line
# (``6. Sửa đổi, bổ sung một số điểm của khoản 1, khoản 8`` / ``Điều 18`` / … / ``:``): it ends a passage whose
# closing mark is missing when its number follows the text's own last clause.
INSTRUCTION_CLAUSE = re.compile(rf"^(?P<number>\d{{1,3}})\s*\.\s*{INSTRUCTING}")
OWN_ARTICLE = re.compile(rf"^{label('dieu', 'number')}")  # the labels are the language layer's
OWN_CLAUSE = re.compile(r"^(?P<number>\d{1,3})\s*[.)](?![\d.])")
CLOSED_AGAIN = re.compile(r"[.;:!?]\s*”\W*$")  # a sentence closed by a quotation mark at the line's end
INTRODUCES = re.compile(r"(?::|\bnhư sau|\bas follows)\W*$")  # what a line that introduces quoted wording ends with


@dataclass(frozen=True)
class Passage:
    """Lines ``first``..``last`` (indices) are quoted text."""

    first: int
    last: int


def quoted_passages(lines: list[Line]) -> list[Passage]:
    """Runs of lines that are quoted text: from a line that opens with a quotation mark to the line where the
    marks opened are closed again. When a closing mark is missing, the passage ends at the latest on the line before
    the amending text's next instruction: an instruction that ends with a colon, or its next article or clause that
    gives one (``Điều 12. Sửa đổi …``, ``6. Sửa đổi …`` after its own clause 5, however web text cut the line); a
    mark that no instruction introduced (the line above ends with no colon or ``như sau`` and gives no instruction:
    a stray one) holds no article of the amended document either: the text's own next article ends it.
    A closing mark that came early (a stray one inside the new wording) is not the end: a line further on that
    closes a sentence with a mark it never opened (``… nêu rõ lý do.”.``), before the amending text's next
    instruction or article, ends the passage instead."""
    passages: list[Passage] = []
    first: int | None = None
    depth, mark = 0, OPENING
    own_article = own_clause = 0  # the numbers of the amending text's last article and clause outside quotations
    introduced = True  # the open passage follows a line that introduces quoted wording
    above = ""  # the last line with words outside quotations
    reopen = False  # the last passage may go on to a line that closes it again
    said = False  # the open passage has words (a mark alone on its line opens one before its first line: ``“`` /
    # ``Điều 144. Sửa đổi, bổ sung, gia hạn … quyết định kiểm tra:`` is the new wording)
    for line in lines:
        text = line.stripped
        if first is not None and said and _resumes(text, own_article, own_clause, introduced):
            passages.append(Passage(first, line.index - 1))
            first, depth = None, 0
        if first is None and (own := OWN_ARTICLE.match(text)):
            own_article, own_clause = _leading_number(own["number"]), 0
        elif first is None and (own := OWN_CLAUSE.match(text)) and int(own["number"]) == own_clause + 1:
            own_clause += 1
        if first is None:
            if reopen and (INSTRUCTION.match(text) or OWN_ARTICLE.match(text)):
                reopen = False
            if reopen and CLOSED_AGAIN.search(text) and text.count(CLOSING) > text.count(OPENING):
                passages[-1] = Passage(passages[-1].first, line.index)
                reopen = False
                continue
            if not text.startswith((OPENING, '"')):
                above = text or above
                continue
            first, mark, reopen = line.index, text[0], False
            introduced = bool(INTRODUCES.search(above) or INSTRUCTION_LINE.match(above) or INSTRUCTION_ARTICLE.match(above))
            said = False
        said = said or any(char.isalpha() for char in text)
        if mark == '"':  # straight quotes: open while their count is odd, or until a curly mark closes them
            depth = 0 if text.rstrip(" .;,").endswith((CLOSING, '"')) else (depth + text.count('"')) % 2
        else:
            depth = max(0, depth + text.count(OPENING) - text.count(CLOSING))
        if depth == 0:
            passages.append(Passage(first, line.index))
            first, reopen = None, mark == OPENING
    if first is not None:  # never closed: it holds no article the amending text numbers next (its own closing one)
        own_next = next(
            (ln.index for ln in lines if ln.index > first and (own := OWN_ARTICLE.match(ln.stripped))
             and _leading_number(own["number"]) == own_article + 1),
            lines[-1].index + 1,
        )
        passages.append(Passage(first, own_next - 1))
    return passages


def _resumes(text: str, own_article: int, own_clause: int, introduced: bool) -> bool:
    """Does a line inside an open passage go on with the amending text's own instructions (see
    :func:`quoted_passages`)?"""
    if INSTRUCTION.match(text):
        return True
    article = INSTRUCTION_ARTICLE.match(text) if introduced else OWN_ARTICLE.match(text)
    clause = INSTRUCTION_CLAUSE.match(text)
    return bool(article and _leading_number(article["number"]) == own_article + 1 or clause and int(clause["number"]) == own_clause + 1)


def _leading_number(label: str) -> int:
    """An article's number without its letter (``5a`` → 5)."""
    return int(label.rstrip(ascii_lowercase))


# An instruction: an optional label, a verb that names the action, and what it acts on right after the verb.
ACTION_VERBS = {
    "sửa đổi, bổ sung": "amend", "sửa đổi bổ sung": "amend", "sửa đổi": "amend", "bổ sung": "supplement",
    "thay thế": "replace", "thay cụm từ": "replace", "thay đổi": "replace", "bãi bỏ": "repeal", "hủy bỏ": "repeal",
    "huỷ bỏ": "repeal", "bỏ": "repeal", "đình chỉ": "suspend", "ngưng hiệu lực": "suspend",
}  # fmt: skip
_VERBS = "|".join(re.escape(v[0].upper() + v[1:]) for v in sorted(ACTION_VERBS, key=len, reverse=True))
_ACTED_ON = (
    r"(?:(?:một số|các|toàn bộ|tên|việc thi hành)\s+)?(?:điểm|khoản|Điều|điều|Phụ lục|phụ lục|Mẫu|mẫu|mục|Mục|Chương"
    r"|cụm từ|từ|Biểu|biểu|Luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Chỉ thị|hiệu lực)\b"
)
# The part of a unit an instruction changes: Sửa đổi đoạn mở đầu của khoản 4, tên Chương IV, tiêu đề khoản 5,
# Bổ sung vào cuối khoản 1: the row's target is the unit.
_PART_OF = (
    r"(?:(?:tên|tiêu đề|đoạn (?:mở )?đầu|gạch đầu dòng thứ \w+|(?:tên\s+và\s+)?nội dung)\s+(?:(?:của|tại)\s+)?"
    r"|vào\s+(?:cuối|đầu)\s+(?:của\s+)?)?"
)
INSTRUCTION_LINE = re.compile(
    rf"^(?:(?:\d{{1,3}}\s*\.|[a-zđ]\s*\)|{label('dieu', None)})\s*)?(?P<verb>{_VERBS})"
    rf"(?:,?\s+(?:{_VERBS.lower()}))*\s+{_PART_OF}(?={_ACTED_ON})"
)
TARGET = re.compile(
    r"(?:điểm\s+[a-zđ]\d?\s+(?:của\s+)?)?(?:khoản\s+\d+[a-z]?\s+(?:của\s+)?)?"
    r"(?:Điều\s+\d+(?:\s?[a-zđ]\b)?|Phụ lục\s+(?:số\s+)?[IVXLC\d]+[a-z]?)"
    r"|(?:điểm\s+[a-zđ]\d?\s+(?:của\s+)?)?khoản\s+\d+[a-z]?|điểm\s+[a-zđ]\d?\b"
    r"|(?:Mục\s+\d+\s+)?Chương\s+[IVXLC\d]+\b",
    re.IGNORECASE,
)
LIST_JOINER = re.compile(r"(?:\s*,\s*|\s+(?:và|hoặc)\s+|\s+)")
ARTICLE = re.compile(r"\bĐiều\s+\d+[a-z]?\b")
NAMES_A_DOCUMENT = re.compile(r"\b(?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Chỉ thị)\b[^.;]*\bsố\b")
# Where the words that name the targets end: the new text's cue, the place a supplement goes (Bổ sung Điều 44b
# vào sau Điều 44a), an aside on earlier amendments (đã được sửa đổi, bổ sung tại khoản 6 Điều 11 …).
EARLIER = re.compile(r"\s(?:như sau|(?:đã\s+)?được\s)|\s*\(")  # the cue of the new text, an aside on earlier amendments
PLACE = re.compile(r"\s(?:vào\s+)?(?:sau|trước)\s+(?:(?:điểm|khoản)\s+\w+\s+)+(?P<article>Điều\s+\d+[a-z]?)\b")
NEW_TEXT_INLINE = re.compile(r"\bnhư sau\s*:\s*\S")  # … tên Điều 3 như sau: Cách thức nộp … (5 bulk lines)
ASIDE = re.compile(r"\s(?:như sau|(?:vào\s+)?(?:sau|trước)\s+(?=điểm|khoản|Điều)|(?:đã\s+)?được\s)|\s*\(")


@dataclass(frozen=True)
class Amendment:
    """One instruction of an amending text: what it changes (`target`, None for a whole document), how
    (`action`), where it is written and where its new text is; `cited_in`: the spans to read the amended document
    from, the instruction's own words (up to an aside on earlier amendments) first, then the headings of the parts
    that hold it, innermost first."""

    amendment_id: str
    target: str | None
    action: str
    char_start: int
    char_end: int
    new_text_start: int | None
    new_text_end: int | None
    cited_in: tuple[tuple[int, int], ...]


def find_amendments(lines: list[Line], body: set[int], passages: list[Passage], sections: list[Section]) -> list[Amendment]:
    """The instructions among the body lines outside quoted passages, one row per target they name."""
    quoted = {i for p in passages for i in range(p.first, p.last + 1)}
    following = {p.first: p for p in passages}
    line_starts = [line.start for line in lines]
    holding = Holders(sections)  # asked line by line, in the order of the text
    found: list[Amendment] = []
    for line in lines:
        text = line.stripped
        if line.index not in body or line.index in quoted:
            continue
        match = INSTRUCTION_LINE.match(text)
        if not match:
            continue
        start = line.start + line.text.index(text)
        action = ACTION_VERBS[match["verb"].lower()]
        holders = sorted(holding.at(start), key=lambda s: s.level, reverse=True)  # innermost first
        wording = ASIDE.split(_unquoted(text[match.end() :]))[0]
        if wording.startswith(("một số ", "các nội dung")):
            continue  # a heading over instructions: Sửa đổi, bổ sung một số điểm, khoản của Điều 12
        place = PLACE.search(_unquoted(text[match.end() :]))  # Bổ sung khoản 4 vào sau khoản 3 Điều 47
        targets = [_completed(t, holders, place["article"] if place else None) for t in _listed(wording)]
        if not targets:
            if action in ("amend", "supplement") or not NAMES_A_DOCUMENT.search(wording):
                continue  # a heading over instructions (Sửa đổi, bổ sung một số điều của …), or no instruction
            targets = [None]
        if text.endswith(":") and _instructs(lines, line.index + 1, body, quoted):
            continue  # a heading over the instructions below it (15. Sửa đổi tên Điều và khoản 2 Điều 51: / a) …)
        new_start = new_end = None
        passage = following.get(line.index + 1)
        if passage is not None and action not in ("repeal", "suspend"):
            new_start, new_end = lines[passage.first].start, lines[passage.last].end
        own_words = EARLIER.split(_unquoted(text[match.end() :]))[0]  # the place a supplement goes included
        headings = (_heading_span(lines, line_starts, s) for s in holders)
        cited_in = ((start, start + match.end() + len(own_words)), *headings)
        for target in dict.fromkeys(targets):
            found.append(
                Amendment(f"m{len(found) + 1}", target, action, start, start + len(text), new_start, new_end, cited_in)
            )
    return found


def instruction_lines(lines: list[Line], body: set[int], passages: list[Passage]) -> set[int]:
    """The body lines outside quoted passages that instruct: what an instruction acts on is named after its verb (a
    unit, ``Thay thế cụm từ “…” bằng cụm từ “…” tại khoản 2 Điều 5``, ``Bãi bỏ khoản 3 Điều 5``; a phrase, ``Thay thế
    cụm từ “…” trong toàn bộ …``; a document, ``Bãi bỏ Thông tư số …``), or the line heads instructions (``Điều 1.
    Sửa đổi, bổ sung một số điều của Nghị định số …``). They are rows of the amendments table, no tasks; a duty that
    opens with the same verb names none of these (``a) Sửa đổi, bổ sung Điều lệ của tổ chức …``)."""
    quoted = {i for p in passages for i in range(p.first, p.last + 1)}
    found: set[int] = set()
    for line in lines:
        if line.index not in body or line.index in quoted or not (match := INSTRUCTION_LINE.match(line.stripped)):
            continue
        if NEW_TEXT_INLINE.search(line.stripped):
            continue  # the new text on the instruction's line is read like the rest (gold README)
        wording = ASIDE.split(_unquoted(line.stripped[match.end() :]))[0]
        heads_instructions = wording.startswith(("một số ", "các ", "cụm từ", "từ "))
        if heads_instructions or TARGET.search(wording) or NAMES_A_DOCUMENT.search(wording):
            found.add(line.index)
    return found


def _instructs(lines: list[Line], index: int, body: set[int], quoted: set[int]) -> bool:
    """Is the line at `index` an instruction of the amending text (not quoted wording)?"""
    return index < len(lines) and index in body and index not in quoted and bool(INSTRUCTION_LINE.match(lines[index].stripped))


def _heading_span(lines: list[Line], line_starts: list[int], section: Section) -> tuple[int, int]:
    """Where a section's label and heading are printed: on its first line, or on the lines below it that its
    heading took (a chapter title cut into many lines). `line_starts`: where each line starts."""
    first = bisect_right(line_starts, section.char_start) - 1
    wanted, taken = len(section.label) + len(section.heading), 0
    for index in range(first, len(lines)):  # not a copy of the lines after it (nor a skip to it): one per amendment
        line = lines[index]
        taken += len(line.stripped) + 1
        if taken >= wanted:
            return section.char_start, line.end
    return section.char_start, section.char_end


def _listed(wording: str) -> list[str]:
    """The targets a list names, each with the parts it shares with the one after it: ``khoản 3, khoản 4 và khoản
    5 Điều 16`` → khoản 3 Điều 16, khoản 4 Điều 16, khoản 5 Điều 16 (a ``;`` ends what is shared)."""
    found = list(TARGET.finditer(wording))
    targets: list[str] = []
    shared = ""
    for match, after in zip(reversed(found), [None, *reversed(found)], strict=False):
        named = re.sub(r"\s+(?:của\s+)?", " ", match.group())  # khoản 4 của Điều 48: khoản 4 Điều 48
        target = re.sub(r"(\d) ([a-zđ])\b", r"\1\2", named)  # Điều 4 a: Điều 4a
        gap = wording[match.end() : after.start()] if after else ";"
        if not LIST_JOINER.fullmatch(gap):
            shared = ""
        if shared and not ARTICLE.search(target) and not target.lower().startswith("phụ lục"):
            target = f"{target} {_above(target, shared)}".strip()
        shared = target
        targets.append(target)
    return targets[::-1]


def _above(target: str, other: str) -> str:
    """The parts of `other` above the highest part `target` names (``khoản 4`` and ``khoản 5 Điều 16`` →
    ``Điều 16``; ``điểm a`` and ``điểm c khoản 1 Điều 28`` → ``khoản 1 Điều 28``)."""
    names_clause = re.search(r"(?i)\bkhoản\b", target)
    above = re.search(r"\bĐiều\b" if names_clause else r"\bkhoản\b|\bĐiều\b", other)
    return other[above.start() :] if above else ""


def _completed(target: str, holders: list[Section], place_article: str | None = None) -> str:
    """``khoản 3`` under ``Sửa đổi, bổ sung một số khoản của Điều 36`` → ``khoản 3 Điều 36``; a unit supplemented
    next to one of an article (``Bổ sung khoản 4 vào sau khoản 3 Điều 47``) is of that article."""
    target = re.sub(r"\s+", " ", target)
    if target[0].isupper() and not target.startswith(("Điều", "Phụ lục")):
        target = target[0].lower() + target[1:]
    if ARTICLE.search(target) or target.lower().startswith("phụ lục"):
        return target
    if place_article:
        return f"{target} {place_article}"
    for section in holders:
        article = ARTICLE.search(_unquoted(section.heading))
        if article:
            return f"{target} {article.group()}"
    return target


def _unquoted(text: str) -> str:
    """`text` with what stands in quotation marks blanked (``Thay thế cụm từ “Điều 5” …`` names no target)."""
    return re.sub(r"“[^”]*”?", lambda m: " " * len(m.group()), text)
