"""Folding: Vietnamese text compared without case, marks or punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # the same names and headings are folded again and again in a document
def fold(text: str) -> str:
    """Lower case without diacritics (đ→d), punctuation as spaces, single spaces: for fuzzy comparison."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
