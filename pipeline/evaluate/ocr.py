"""Character and word error rates of OCR text against a ground truth (NFC, lower case, punctuation dropped).

Text that stamps and seals print on a page (``SỞ NỘI VỤ … ĐẾN Số: 1234``) is on the image but not in the
document's ground truth; the gold may list it, and a run of those words in the OCR text is dropped where dropping
it brings the text closer to the truth (a misread stamp stays and counts as errors).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

_PUNCTUATION = re.compile(r"[^\w\s]|_")


def comparable(text: str) -> str:
    """The form both sides are compared in: NFC, lower case, no punctuation, single spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    text = unicodedata.normalize("NFC", _PUNCTUATION.sub(" ", text))
    return " ".join(text.split())


@dataclass(frozen=True)
class ErrorRates:
    cer: float  # character edits / reference characters
    wer: float  # word edits / reference words
    reference_chars: int
    reference_words: int


def error_rates(hypothesis: str, reference: str, stamp_text: Sequence[str] = ()) -> ErrorRates:
    hyp_words, ref_words = comparable(hypothesis).split(), comparable(reference).split()
    hyp_words = without_stamps(hyp_words, ref_words, comparable(" ".join(stamp_text)).split())
    hyp, ref = " ".join(hyp_words), " ".join(ref_words)
    return ErrorRates(
        cer=Levenshtein.distance(hyp, ref) / max(1, len(ref)),
        wer=Levenshtein.distance(hyp_words, ref_words) / max(1, len(ref_words)),
        reference_chars=len(ref),
        reference_words=len(ref_words),
    )


def without_stamps(words: list[str], reference: list[str], stamp_words: list[str]) -> list[str]:
    """`words` without each run of two or more stamp words (each used no more often than the stamps print it)
    whose removal lowers the edit distance to `reference`."""
    runs: list[tuple[int, int]] = []
    start, left = 0, Counter(stamp_words)
    for i, word in enumerate([*words, None]):
        if left[word] > 0:
            left[word] -= 1
            continue
        if i - start >= 2:
            runs.append((start, i))
        start, left = i + 1, Counter(stamp_words)
        if left[word] > 0:  # the word that ended one run may begin the next
            start, left[word] = i, left[word] - 1
    for start, end in reversed(runs):  # from the end, so earlier indices stay valid
        shorter = words[:start] + words[end:]
        if Levenshtein.distance(shorter, reference) < Levenshtein.distance(words, reference):
            words = shorter
    return words
