"""Character and word error rates of OCR text against a ground truth (NFC, lower case, punctuation dropped)."""

from __future__ import annotations

import re
import unicodedata
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


def error_rates(hypothesis: str, reference: str) -> ErrorRates:
    hyp, ref = comparable(hypothesis), comparable(reference)
    hyp_words, ref_words = hyp.split(), ref.split()
    return ErrorRates(
        cer=Levenshtein.distance(hyp, ref) / max(1, len(ref)),
        wer=Levenshtein.distance(hyp_words, ref_words) / max(1, len(ref_words)),
        reference_chars=len(ref),
        reference_words=len(ref_words),
    )
