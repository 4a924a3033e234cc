"""A place's name in the header's capitals spelt as the place-date line spells it.

On a scan the issuer block and the title are set in capitals, where OCR misreads marks and letters with confidence
(``TỈNH TUYEN QUANG``, ``TỈNH TUYỂN QUANG``, ``TỈNH SƠNIA``), while the place-date line (``Tuyên Quang, ngày …``), in
lower case, reads right: a provincial or local body names the place it issues from. The words after an
administrative unit's word (``TỈNH``, ``THÀNH PHỐ``, ``HUYỆN`` …) that are the place's name but for its marks,
spaces or one letter are written as the place's name.
"""

from __future__ import annotations

from functools import cache

from rapidfuzz.distance import Levenshtein

from pipeline.language.folding import fold
from pipeline.structure.lines import vocabulary

MIN_KEY = 5  # letters a place's name needs before one letter's difference is taken for a misread (not Hà Nam / Hà Nội)


@cache
def _unit_words() -> frozenset[str]:
    """The last word of each administrative unit's name, folded (``tinh``, ``pho``, ``huyen`` …)."""
    return frozenset(fold(unit).split()[-1] for unit in vocabulary()["place_openings"])


def _name(place: str) -> str:
    """The place's name without its unit (``Thành phố Hồ Chí Minh`` → ``Hồ Chí Minh``)."""
    words = place.split()
    units = [i for i, word in enumerate(words[:3]) if fold(word) in _unit_words()]
    return " ".join(words[units[-1] + 1 :] if units and units[-1] + 1 < len(words) else words)


def spelt_as_place(text: str | None, place: str | None) -> str | None:
    """`text` (a header line in capitals) with the place's name after a unit's word spelt as `place` spells it."""
    if not text or not place:
        return text
    name = _name(place).upper()
    key = fold(name).replace(" ", "")
    size = len(name.split())
    words = text.split(" ")
    i = 0
    while i < len(words):
        if fold(words[i]) in _unit_words():
            for width in (size, size - 1, size + 1):
                window = words[i + 1 : i + 1 + width]
                found = fold(" ".join(window)).replace(" ", "")
                if width < 1 or len(window) < width or " ".join(window) == name or not found:
                    continue
                if found == key or (len(key) >= MIN_KEY and Levenshtein.distance(found, key) <= 1):
                    words[i + 1 : i + 1 + width] = name.split()
                    break
        i += 1
    return " ".join(words)
