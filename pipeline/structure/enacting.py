"""The enacting formula of a preamble as a second reading of the title.

A legal document's preamble ends with the formula that enacts it, and the formula repeats the title after the type's
name (``Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn …``; 378 of the 445 bulk texts whose first body lines hold
such a formula repeat their title in it). On a scan the title is set in capitals or bold, where OCR misreads
letters with confidence (``11/2022/TI-BTNMT``, ``QUỐC.GIA``), while the formula is body text, read well: a word of the
title that the formula spells a letter or two otherwise, where the two readings agree on most of the title's words,
is taken as the formula spells it (in the title's case). The body is read by the same OCR, though, and slips too
(``thuộc địa nhện tỉnh`` in the formula of a title that reads ``địa phận``): where both readings of a stretch are
well-formed syllables, the syllable model weighs them between the title's words around it, and the title's stands
where it is likelier by more than the correction charges for one mark read otherwise (the formula, body text, is
read more surely: ``hàng tươi, trứng`` is likelier than ``hàng muối, trứng`` by less).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from pipeline.language.folding import fold
from pipeline.language.labels import LABEL_START
from pipeline.ocr.correction import MARK_COST
from pipeline.ocr.language_model import model
from pipeline.ocr.tokens import Token, key_of, word_key
from pipeline.structure.lines import Line
from pipeline.vietnamese import is_capitals, is_syllable

FORMULA_LINES = 25  # the first body lines where the enacting formula is looked for
AGREEMENT = 0.85  # share of the title's words the formula must repeat (as letters, marks aside) to stand witness
OPENING_WORDS = 3  # title words before the formula's first that its opening may stand for
MAX_EDITS = 2  # letters by which a title's words and the formula's may differ to be one reading of the other
MAX_RUN = 3  # words of a stretch where the two readings differ, on either side
EDGE = ".,;:"  # punctuation that ends a word
QUOTES = "\"“”‘’'«»"
WRAPPED_LINES = 4  # lines a formula may wrap onto
# the body's first heading (the language layer's labels, or a numbered one) ends a formula without a stop
HEADING = re.compile(rf"^{LABEL_START}|^\d+\.\s")


def witnessed_title(title: str | None, doc_type: str | None, body: list[Line]) -> str | None:
    """`title` with each stretch of words that the enacting formula of `body` (``… ban hành <doc_type> <title>``)
    spells a little otherwise written as the formula spells it; `title` as it is without such a formula."""
    if not title or not doc_type:
        return title
    kind = re.escape(doc_type)
    opening = re.compile(rf"\bban hành (?:kèm theo {kind} này|{kind})\s+(?P<rest>\S.+)$", re.IGNORECASE)
    read = title.split()
    keys = [_key(w) for w in read]
    for formula in _formulas(body[:FORMULA_LINES], opening):
        witness = formula.split()
        matcher = difflib.SequenceMatcher(None, keys, [_key(w) for w in witness], autojunk=False)
        blocks = matcher.get_matching_blocks()
        start = blocks[0].a  # title words the formula's opening stands for: ``VỀ BAN HÀNH`` ~ ``Ban hành kèm theo …``
        agreed = sum(block.size for block in blocks)
        if agreed and start <= OPENING_WORDS and agreed >= AGREEMENT * (len(read) - start):
            return _mended(read, witness, matcher, is_capitals(title))
    return title


def _mended(read: list[str], witness: list[str], matcher: difflib.SequenceMatcher, capitals: bool) -> str:
    """The title's words `read`, each stretch the formula's words `witness` spell a little otherwise as they do."""
    mended: list[str] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        ours, theirs = read[a0:a1], witness[b0:b1]
        if op == "equal":
            for i, (w, t) in enumerate(zip(ours, theirs, strict=True), a0):
                taken = _misread(w, t) and not _likelier(read, i, i + 1, [t])
                mended.append(_as(w, t, capitals) if taken else w)
        elif op == "replace" and _one_reading(ours, theirs) and not _likelier(read, a0, a1, theirs):
            mended += [_as(ours[0], t, capitals) for t in theirs]
        elif not (op == "delete" and 0 < a0 and a1 < len(read) and _is_speck(ours)):
            mended += ours
    return " ".join(mended)


def _likelier(read: list[str], start: int, end: int, theirs: list[str]) -> bool:
    """Is the title's own reading of its words ``read[start:end]`` likelier than the formula's `theirs` by the
    syllable model, between the title's words around them, by more than MARK_COST? Only where both are well-formed
    syllables: a symbol or a garble (``TI-BTNMT``, ``QUỐC.GIA``) is no word to weigh."""
    cores = [Token.of(w).core for w in (*read[start:end], *theirs)]
    if not all(is_syllable(core) for core in cores):
        return False
    lm = model()
    before = [word_key(Token.of(read[start - 1]).core)] if start else []
    after = [word_key(Token.of(read[end]).core)] if end < len(read) else []

    def score(words: list[str]) -> float:
        keys = [*before, *(word_key(Token.of(w).core) for w in words), *after]
        return sum(lm.log_probability(a, b) for a, b in zip([None, *keys], keys))

    return score(read[start:end]) > score(theirs) + MARK_COST


def _formulas(lines: list[Line], opening: re.Pattern[str]) -> Iterator[str]:
    """The words after the type's name in each enacting formula (``… ban hành Thông tư …``, ``Ban hành kèm theo
    Quyết định này Kế hoạch …``), over the lines it wraps onto (up to its stop)."""
    for i, line in enumerate(lines):
        if match := opening.search(line.stripped):
            words = [match["rest"]]
            for following in lines[i + 1 : i + 1 + WRAPPED_LINES]:
                if words[-1].endswith(".") or HEADING.match(following.stripped):
                    break
                words.append(following.stripped)
            yield " ".join(words)


def _key(word: str) -> str:
    return fold(word.strip(EDGE + QUOTES)).lower()


def _misread(ours: str, theirs: str) -> bool:
    """Same letters, other marks (``chỉ`` for ``chi``), or a mark after the word that the formula has not (``NGÀY,``
    for ``ngày``); not a difference of case, of where the tone sits (``hóa``, ``hoá``) or of a stop."""
    stray = ours.rstrip(".") != ours.rstrip(EDGE) and theirs.rstrip(EDGE) == theirs.rstrip(".")
    return stray or key_of(ours.strip(EDGE + QUOTES).lower()) != key_of(theirs.strip(EDGE + QUOTES).lower())


def _is_speck(words: list[str]) -> bool:
    """One letter or mark alone inside the title that the formula has not (``BÍ MẬT N NHÀ NƯỚC``)."""
    return len(words) == 1 and len(words[0].strip(EDGE)) <= 1


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
    """The formula's word in the case of the title's word (a title in capitals, a word read without letters: the
    formula's case, ``¡,`` → ``i,``), without the formula's quotes and the stop that ends its sentence."""
    word = theirs.strip(QUOTES).rstrip(".")  # the formula quotes what it attaches: ``“Kế hoạch …”``
    letters = [c for c in ours if c.isalpha()]
    return word.upper() if capitals and letters and not any(c.islower() for c in letters) else word
