"""Vietnamese orthography: is a token a well-formed syllable, and how Vietnamese is a text?

The syllable inventory lives in ``data/vietnamese.toml``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

TONE_MARKS = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
MODIFIER_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Inventory:
    syllable: re.Pattern[str]
    stop_finals: tuple[str, ...]


@cache
def _inventory() -> _Inventory:
    data = tomllib.loads(resources.files("pipeline.data").joinpath("vietnamese.toml").read_text("utf-8"))

    def alternation(items: list[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))

    initial = f"(?:{alternation(data['initials'])})?"
    open_groups = [g for g in data["vowel_groups"] if g not in data["closed_vowel_groups"]]
    open_syllable = f"{initial}(?:{alternation(open_groups)})"
    closed_syllable = f"{initial}(?:{alternation(data['vowel_groups'])})(?:{alternation(data['finals'])})"
    return _Inventory(re.compile(f"{closed_syllable}|{open_syllable}|gi"), tuple(data["stop_finals"]))


def split_tone(token: str) -> tuple[str, str | None]:
    """Return the token without its tone mark (NFC) and the tone's name; None for level tone.

    More than one tone mark makes the tone ``"invalid"``.
    """
    tones = [c for c in unicodedata.normalize("NFD", token) if c in TONE_MARKS]
    bare = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", token) if c not in TONE_MARKS))
    if len(tones) > 1:
        return bare, "invalid"
    return bare, TONE_MARKS[tones[0]] if tones else None


@cache
def longest_syllable() -> int:
    """The most letters a syllable has (initial, vowel group and final at their longest: ``nghiêng``, ``khuyết``):
    :func:`is_syllable` is False for any longer token (lower case and tone marks taken off leave its letters)."""
    data = tomllib.loads(resources.files("pipeline.data").joinpath("vietnamese.toml").read_text("utf-8"))
    return sum(max(map(len, data[part])) for part in ("initials", "vowel_groups", "finals"))


@lru_cache(maxsize=200_000)
def is_syllable(token: str) -> bool:
    """True when `token` (any case) is a well-formed Vietnamese syllable."""
    bare, tone = split_tone(token.lower())
    inventory = _inventory()
    if tone == "invalid" or not inventory.syllable.fullmatch(bare):
        return False
    if bare.endswith(inventory.stop_finals) and tone not in ("sắc", "nặng"):
        return False
    return True


def has_diacritic(token: str) -> bool:
    decomposed = unicodedata.normalize("NFD", token)
    return "đ" in token.lower() or any(c in TONE_MARKS or c in MODIFIER_MARKS for c in decomposed)


def _is_abbreviation(token: str) -> bool:
    """Upper-case tokens without a vowel (UBND, TW, KH) are abbreviations, not syllables."""
    return token.isupper() and not any(v in token.lower() for v in "aăâeêioôơuưy")


def text_quality(text: str) -> float | None:
    """How much `text` looks like real Vietnamese, from 0 to 1; None when there are too few words to tell.

    It is the share of words that are well-formed syllables, scaled down when fewer than a fifth of them carry
    a diacritic (Vietnamese stripped of its marks, or Latin garbage that happens to spell syllables). Each
    distinct word is judged once for the whole batch (:func:`_judged`), and each distinct space-separated token
    searched for words once (a text repeats its few thousand words: judging every one was a fifth of the bulk
    corpus's time).
    """
    words = valid = marked = 0
    counts: Counter[str] = Counter()
    for token, count in Counter(text.split()).items():  # no word runs over a space: each token is read once
        for word in _WORD.findall(token):
            counts[word] += count
    for word, count in counts.items():
        judged = _judged(word)
        if judged is None:
            continue
        words += count
        valid += count * judged[0]
        marked += count * judged[1]
    if words < 5:
        return None
    return round(valid / words * min(1.0, marked / words / 0.2), 4)


@lru_cache(maxsize=200_000)
def _judged(word: str) -> tuple[bool, bool] | None:
    """Whether a word is a well-formed syllable and whether it carries a diacritic; None for an abbreviation. Kept
    for the batch: the bulk corpus's 767 texts hold 16,543 distinct words, asked 347,000 times text by text."""
    if _is_abbreviation(word):
        return None
    return is_syllable(word), has_diacritic(word)


def is_capitals(text: str) -> bool:
    """Mostly capitals (digits and punctuation aside): a header, type title or heading line."""
    letters = "".join(filter(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.85


# Web text breaks a word before a letter with marks (``S`` / ``ố: 309/2025/NĐ-CP``, ``CHÍNH PH`` / ``Ủ``, ``B`` /
# ``Ộ TÀI CHÍNH``, ``Căn c`` / ``ứ``, ``Hà N`` / ``ội``): a line ending in consonants that are no syllable.
_TRAILING_CONSONANTS = re.compile(r"(?:^|\s)([b-df-hj-np-tv-xzđB-DF-HJ-NP-TV-XZĐ]{1,3}|[Qq][Uu])$")  # QU / ỐC HỘI
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_LEADING_LETTERS = re.compile(r"^[^\W\d_]+")


def splits_a_syllable(line: str, following: str) -> bool:
    """Does a line break cut a syllable: `line` ends in a few consonants that are no syllable, which with the
    letters `following` begins with make one (``CHÍNH PH`` + ``Ủ``, ``S`` + ``ố:``)? A small letter goes on with no
    capital (``Hạnh phú c`` / ``Hà Nội``: the next line's first word)."""
    consonants = _TRAILING_CONSONANTS.search(line, max(0, len(line) - 5))  # a match is at most 4 characters
    letters = _LEADING_LETTERS.match(following)
    if not (consonants and letters) or (consonants[1][-1].islower() and letters[0][0].isupper()):
        return False
    return is_syllable(consonants[1] + letters[0])


def goes_on_with_a_syllable(line: str, following: str) -> bool:
    """After a syllable a break had cut (``CH`` / ``Í``), does `following` hold its end, written on without a space
    (``CHÍ`` + ``NH PHỦ``, ``QUỐ`` + ``C H``): the letters it begins with complete the line's last word?"""
    word = _LAST_WORD.search(line)
    letters = _LEADING_LETTERS.match(following)
    return bool(word and letters) and is_syllable(word[0] + letters[0])
