"""The national lines of a header (``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` / ``Độc lập - Tự do - Hạnh phúc``, the
Party's ``ĐẢNG CỘNG SẢN VIỆT NAM``): found wherever they stand, cut out of a line, or gathered from the pieces web
text cut them into (OCR-tolerant: matched without diacritics)."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import Levenshtein

from pipeline.structure.lines import ORNAMENT, PHRASE_SEPARATORS, Line, fold_chars, folded_pattern, vocabulary

NATIONAL_PIECES = 6  # the most lines a national line is found cut into
SLIPS = 2  # the most letters a national line is found misprinted in
DECORATION = ORNAMENT + ".,:;"  # what a field of the header may lose at its ends: ornament, punctuation


@cache
def _national_patterns() -> list[re.Pattern[str]]:
    return [folded_pattern(p) for p in vocabulary()["national_lines"]]


def without_national_lines(text: str) -> str:
    """The line with the national block's phrases cut out (OCR-tolerant: matched without diacritics)."""
    folded = fold_chars(text)
    found = (m.span() for p in _national_patterns() for m in p.finditer(folded))
    spans = sorted(span for span in found if not _in_a_sentence(text, span[0]))
    if all(end <= start for (_, end), (start, _) in zip(spans, spans[1:])):  # apart: cut in one pass
        cuts = [0, *(bound for span in spans for bound in span), len(text)]
        text = " ".join(text[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2))
    else:
        for start, end in reversed(spans):
            text = text[:start] + " " + text[end:]
    return " ".join(text.split()).strip(ORNAMENT)


def _in_a_sentence(text: str, start: int) -> bool:
    """Is the national phrase at `start` part of a sentence (``Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam và
    …`` in a title), not a national line: the word before it is in lower case. The word is found by looking back
    from `start`, not by splitting all the text before it (a text on one line has thousands of phrases)."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:end]
    return bool(word) and word.isalpha() and word.islower()


def is_noise(text: str) -> bool:
    """Nothing, OCR specks, or what is left of a national line that a stamp or a fold cut short, or one printed
    with a slip (``CỘNG HOÀ XÃ HỘI CHỦ NCHĨA VIỆT NAM``)."""
    folded = fold_chars(text).strip()
    if sum(c.isalnum() for c in folded) <= 1:
        return True
    nationals = [fold_chars(n) for n in vocabulary()["national_lines"]]
    if len(folded) >= 10 and any(n.startswith(folded) for n in nationals):
        return True
    return len(folded) >= 15 and any(Levenshtein.distance(folded, n, score_cutoff=SLIPS) <= SLIPS for n in nationals)


@cache
def _national_chars() -> frozenset[str]:
    """Every character a national line can be written with once folded, the ornaments and separators too."""
    return frozenset("".join(fold_chars(p) for p in vocabulary()["national_lines"]) + ORNAMENT + PHRASE_SEPARATORS)


def _may_be_national(text: str) -> bool:
    """Whether `text` may be (a piece of) a national line: no character of it is foreign to one. A line that
    fails this leaves something after :func:`without_national_lines`, alone or joined to others."""
    allowed = _national_chars()  # folded character by character: the characters of the text, each folded once
    return all(char in allowed or char.isspace() for char in set(fold_chars("".join(set(text)))))


def national_pieces(zone: list[Line]) -> set[int]:
    """The lines of a national line that web text cut into pieces (``Độc lập`` / ``-`` / ``Tự do`` / ``-`` /
    ``Hạnh phúc``, ``CỘNG HÒA XÃ HỘI CHỦ`` / ``NGHĨA VIỆT NAM``): lines that together hold nothing but it.
    Only lines written with a national line's characters are tried (most of a zone is not: trying them was a
    seventh of the bulk corpus's time)."""
    candidate = [_may_be_national(line.stripped) for line in zone]
    pieces: set[int] = set()
    for position, line in enumerate(zone):
        if not candidate[position] or line.index in pieces or not line.stripped:
            continue
        if not without_national_lines(line.stripped):
            continue
        joined = line.stripped
        for last in range(position + 1, min(position + NATIONAL_PIECES, len(zone))):
            if not candidate[last]:
                break  # every longer join holds this line's foreign character too
            joined = f"{joined} {zone[last].stripped}"
            if not without_national_lines(joined):
                pieces |= {piece.index for piece in zone[position : last + 1]}
                break
    return pieces
