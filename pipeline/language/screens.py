"""A pattern screened by words: tried on a text only when the text holds one of the words every match holds.

Most clauses and lines hold no deadline, direct no body and send no report; a substring test in C passes over
them instead of trying a pattern (that often opens with optional words) at each of their positions. The deadline
grammar (:mod:`pipeline.language.deadline_words`) and the role cues (:mod:`pipeline.language.roles`) screen so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from re import _casefix  # type: ignore[attr-defined]

from pipeline.language.per_document import document_cache

# The letters re.IGNORECASE matches to a letter of another lower case (i and ı, s and ſ, Greek and Cyrillic variants):
# where they stand, finding a lower-cased word is not matching it in either case.
CASE_VARIANT_LETTERS = frozenset(chr(code) for key, others in _casefix._EXTRA_CASES.items() for code in (key, *others))


def letters_class(letters: frozenset[str]) -> re.Pattern[str]:
    """A character class of `letters` (one that matches nothing when there are none)."""
    return re.compile("[" + "".join(map(re.escape, sorted(letters))) + "]" if letters else "(?!)")


@dataclass(frozen=True)
class Screened:
    """`pattern`, every match of which holds one of `words` (lower case): a text holding none of them is passed
    over (no words: nothing is ever found)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        held = _lowered(text).__contains__  # mapped over the words in C: the screen is asked a million times a corpus
        return self.pattern.finditer(text) if any(map(held, self.words)) else iter(())


@document_cache(maxsize=1)  # emptied when a document is finished: a worker does not hold its last text till the next
def _lowered(text: str) -> str:
    """`text` in lower case, once for the patterns that screen the same text in turn."""
    return text.lower()
