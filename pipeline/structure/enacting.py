"""The enacting formula of a preamble as a second reading of the title.

A legal document's preamble ends with the formula that enacts it, and the formula repeats the title after the type's
name (``Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn …``; 378 of the 445 bulk texts whose first body lines hold
such a formula repeat their title in it). On a scan the title is set in capitals or bold, where OCR misreads
letters with confidence (``11/2022/TI-BTNMT``, ``QUỐC.GIA``), while the formula is body text, read well: a word of the
title that the formula spells a letter or two otherwise, where the two readings agree on most of the title's words,
is taken as the formula spells it (in the title's case).
"""

from __future__ import annotations

import difflib
import re

from rapidfuzz.distance import Levenshtein

from pipeline.language.folding import fold
from pipeline.ocr.tokens import key_of
from pipeline.structure.lines import Line
from pipeline.vietnamese import is_capitals

FORMULA_LINES = 25  # the first body lines where the enacting formula is looked for
AGREEMENT = 0.85  # share of the title's words the formula must repeat (as letters, marks aside) to stand witness
MAX_EDITS = 2  # letters by which a title's words and the formula's may differ to be one reading of the other
MAX_RUN = 3  # words of a stretch where the two readings differ, on either side
EDGE = ".,;:"  # punctuation that ends a word
WRAPPED_LINES = 4  # lines a formula may wrap onto
HEADING = re.compile(r"^(?:Điều|Chương|Mục|Phần)\s|^\d+\.\s")  # the body's first heading ends a formula without a stop


def witnessed_title(title: str | None, doc_type: str | None, body: list[Line]) -> str | None:
    """`title` with each stretch of words that the enacting formula of `body` (``… ban hành <doc_type> <title>``)
    spells a little otherwise written as the formula spells it; `title` as it is without such a formula."""
    if not title or not doc_type:
        return title
    opening = re.compile(rf"\bban hành {re.escape(doc_type)}\s+(?P<rest>.+)$", re.IGNORECASE)
    formula = _formula(body[:FORMULA_LINES], opening)
    if formula is None:
        return title
    read, witness = title.split(), formula.split()
    keys = [_key(w) for w in read]
    matcher = difflib.SequenceMatcher(None, keys, [_key(w) for w in witness], autojunk=False)
    if sum(block.size for block in matcher.get_matching_blocks()) < AGREEMENT * len(read):
        return title
    capitals = is_capitals(title)
    mended: list[str] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        ours, theirs = read[a0:a1], witness[b0:b1]
        if op == "equal":
            mended += [_as(w, t, capitals) if _misread(w, t) else w for w, t in zip(ours, theirs, strict=True)]
        elif op == "replace" and _one_reading(ours, theirs):
            mended += [_as(ours[0], t, capitals) for t in theirs]
        else:
            mended += ours
    return " ".join(mended)


def _formula(lines: list[Line], opening: re.Pattern[str]) -> str | None:
    """The words after the type's name in the enacting formula, over the lines it wraps onto (up to its stop)."""
    for i, line in enumerate(lines):
        if match := opening.search(line.stripped):
            words = [match["rest"]]
            for following in lines[i + 1 : i + 1 + WRAPPED_LINES]:
                if words[-1].endswith(".") or HEADING.match(following.stripped):
                    break
                words.append(following.stripped)
            return " ".join(words)
    return None


def _key(word: str) -> str:
    return fold(word.strip(EDGE)).lower()


def _misread(ours: str, theirs: str) -> bool:
    """Same letters, other marks: ``chỉ`` for ``chi`` (not a difference of case, of a trailing stop or of where the
    tone sits: ``hóa``, ``hoá``)."""
    return key_of(ours.strip(EDGE).lower()) != key_of(theirs.strip(EDGE).lower())


def _one_reading(ours: list[str], theirs: list[str]) -> bool:
    """Two short stretches that are one text read a little otherwise (``TI-BTNMT`` / ``TT-BTNMT``, ``nườicó`` /
    ``người có``, ``QUỐC.GIA`` / ``quốc gia``), their figures the same: which of two readings of a number is right
    neither tells."""
    if not ours or not theirs or len(ours) > MAX_RUN or len(theirs) > MAX_RUN:
        return False
    joined, witnessed = "".join(_key(w) for w in ours), "".join(_key(w) for w in theirs)
    same_figures = re.sub(r"\D", "", joined) == re.sub(r"\D", "", witnessed)
    return same_figures and Levenshtein.distance(joined.replace(".", ""), witnessed) <= MAX_EDITS


def _as(ours: str, theirs: str, capitals: bool) -> str:
    """The formula's word in the title's case, with the title's own trailing punctuation where the formula's word
    ends the formula's sentence."""
    word = theirs.rstrip(EDGE) + ours[len(ours.rstrip(EDGE)) :] if theirs.endswith(".") else theirs
    return word.upper() if capitals else word
