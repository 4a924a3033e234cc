"""The place-date line as a scan reads it, and the place's name in the header's capitals spelt as that line spells it.

A seal across the place-date line leaves a slash or stop read for the comma after the place and letters read for
digits (``Thành phố Hồ Chí Minh/ ngày 26 tháng 4 năm Z013``): :func:`mended_date` writes them as printed.
On a scan the issuer block and the title are set in capitals, where OCR misreads marks and letters with confidence
(``TỈNH TUYEN QUANG``, ``TỈNH TUYỂN QUANG``, ``TỈNH SƠNIA``), while the place-date line (``Tuyên Quang, ngày …``), in
lower case, reads right: a provincial or local body names the place it issues from. The words after an
administrative unit's word (``TỈNH``, ``THÀNH PHỐ``, ``HUYỆN`` …) that are the place's name but for its marks,
spaces or one letter are written as the place's name.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import Levenshtein

from pipeline.language.folding import fold
from pipeline.structure.lines import vocabulary

_LOOKALIKE = "OoDIl|ZzSB"  # what OCR reads for a digit in a scan's date line: O for 0, l for 1, Z for 2, S for 5
_SPECK = "[.'`´‘’]"  # a seal's or scanner's mark read between ``ngày`` and the day (``ngày'12``, ``ngày.26``)
_DAY_OR_MONTH = rf"(?:[\d{_LOOKALIKE}]{{1,2}}|T\d)"  # a seal's ring across the top of a 1 reads T (T1, T2): a
# day or month of two digits starting with 7 is none; a seal's ring over the last letter of ``tháng`` reads a digit
SCANNED_DATE = re.compile(
    rf"(?P<place>[^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*){{0,5}}?)?\s*(?P<sep>[,/.;:]?)\s*ngày\s*(?P<speck>{_SPECK}?)\s*"
    rf"(?P<day>{_DAY_OR_MONTH})\s*(?P<tháng>[^\W\d_]{{4,6}}|[^\W\d_]{{3,5}}\d)\s*(?P<month>{_DAY_OR_MONTH})[,.]?\s*"
    rf"(?P<năm>[^\W\d_]{{2,4}})\s*"
    rf"(?P<year>[\d{_LOOKALIKE}]{{4}})(?!\w)"
)  # Thành phố Hồ Chí Minh/ ngày 26 tháng 4 năm Z013; Hà Nội, ngày T1 thang T2 năm 2025 (the date words unmended
# where a misread digit left the correction no number around them)
DIGITS = str.maketrans(_LOOKALIKE + "T", "0000112255" + "1")
DATE_PARTS = ("day", "month", "year")
DATE_WORDS = ("tháng", "năm")  # between a date's numbers, a word a letter off is one of these (``ngày 24 thành 11``)
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


def mended_date(text: str) -> str:
    """A place-date line as printed where OCR misread it (a seal across it, a blurred scan): a letter read for a
    digit of the day, month or year (``năm Z013``, ``ngày l5``, ``tháng T2``), the date words without their marks
    or with a letter off (``ngày 24 thành 11 năm 2025``), and a slash or stop read for the comma after the
    place (``Thành phố Hồ Chí Minh/ ngày``); any other line as it is."""
    match = SCANNED_DATE.search(text)
    if match and not all(Levenshtein.distance(fold(match[w]), fold(w)) <= 1 for w in DATE_WORDS):
        return text
    misread = match and (
        match["sep"] not in ("", ",")
        or match["speck"]
        or any(not c.isdigit() for k in DATE_PARTS for c in match[k])
        or (match["tháng"], match["năm"]) != ("tháng", "năm")
    )
    if not match or not misread or not any(c.isdigit() for c in match["year"]):
        return text
    day, month, year = (match[k].translate(DIGITS) for k in DATE_PARTS)
    place = f"{match['place']}{', ' if match['sep'] else ' '}" if match["place"] else ""
    return f"{text[: match.start()]}{place}ngày {day} tháng {month} năm {year}{text[match.end() :]}"
