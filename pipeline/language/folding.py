"""Folding: Vietnamese text compared without case, marks or punctuation."""

from __future__ import annotations

import re
import unicodedata

from pipeline.language.per_document import document_cache


class _Unmarked(dict[int, int | None]):
    """A `str.translate` table that drops combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_UNMARKED = _Unmarked()


@document_cache(maxsize=1 << 16)  # the same names and headings are folded again and again in a document
def fold(text: str) -> str:
    """Lower case without diacritics (đ→d), punctuation as spaces, single spaces: for fuzzy comparison."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    text = text.translate(_UNMARKED)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
