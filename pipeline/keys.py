"""Comparison keys: when two spellings of a document number or a body's name mean the same thing."""

from __future__ import annotations

import re
import unicodedata

from pipeline.language.folding import fold
from pipeline.language.gazetteer import expand_abbreviations

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def number_symbol_key(number_symbol: str) -> str:
    """Canonical key of a number_symbol: upper case, no spaces, Đ→D, dashes unified, leading zeros dropped.

    ``05/CT-TTg`` and ``5/CT-TTG`` share the key ``5/CT-TTG``; ``12 - CT/TW`` and ``12-CT/TW`` too.
    """
    text = unicodedata.normalize("NFC", number_symbol)
    text = _DASHES.sub("-", text).replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    text = "".join(text.split()).upper()
    return _LEADING_ZEROS.sub("", text)


def name_key(name: str) -> str:
    """Key of a body's name: abbreviations expanded, then folded (``UBND tỉnh`` = ``Ủy ban nhân dân tỉnh``)."""
    return fold(expand_abbreviations(unicodedata.normalize("NFC", name)))


def text_key(text: str) -> str:
    """Key of a metadata value: NFC, the two spellings of ``ủy``/``hòa`` unified, spaces and case folded."""
    text = unicodedata.normalize("NFC", text)
    for old, new in (("uỷ", "ủy"), ("Uỷ", "Ủy"), ("UỶ", "ỦY"), ("hoà", "hòa"), ("HOÀ", "HÒA"), ("Hoà", "Hòa")):
        text = text.replace(old, new)
    text = re.sub(r"(?<=\.)(?=\S)", " ", text)  # KT.BỘ TRƯỞNG = KT. BỘ TRƯỞNG
    return " ".join(text.split()).strip(" .;:,").casefold()
