"""Words as the OCR correction and its language model see them: a core of letters between punctuation, and the
runs of words that follow one another within a clause (phrases), where one word is context for the next."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.keys import fold
from pipeline.vietnamese import is_syllable, split_tone

_TOKEN = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_LETTERS = re.compile(r"[^\W\d_]+")
_LINKING = set(", ")  # what may stand between two words of one phrase
_VOWELS = set("aeiouy")
_DIGITS = set("0123456789")
_SYMBOL_MARKS = set("/-.")  # a number-symbol's joints (``12/QĐ-UBND``, ``66.12``)

Key = tuple[str, str | None]  # a syllable without its tone, and the tone: ``hoà`` and ``hòa`` are one key
NUMBER = "0"  # how the model spells the one token that every number stands for (``số 12``, ``ngày 27``, ``Điều 5``)


def key_of(syllable: str) -> Key:
    return split_tone(unicodedata.normalize("NFC", syllable.lower()))


NUMBER_KEY = key_of(NUMBER)


def word_key(core: str) -> Key:
    """The model's key of a phrase's word: its syllable's, or the number token's for a number."""
    return NUMBER_KEY if _is_number(core) else key_of(core)


@dataclass(frozen=True)
class Token:
    """A whitespace-separated piece of text: leading punctuation, core, trailing punctuation."""

    lead: str
    core: str
    trail: str

    @classmethod
    def of(cls, text: str) -> Token:
        lead, core, trail = _TOKEN.match(unicodedata.normalize("NFC", text)).groups()  # type: ignore[union-attr]
        return cls(lead, core, trail)

    @property
    def is_word(self) -> bool:
        """A core the model may read and change: letters with a vowel in lower, Title or UPPER case, more than one
        (a lone letter is a list label or an initial, a word without a vowel an abbreviation: ``Tp``)."""
        core = self.core
        if len(core) < 2 or not _LETTERS.fullmatch(core) or not (core.islower() or core.isupper() or core.istitle()):
            return False
        if not set(fold(core)) & _VOWELS:
            return False
        abbreviation = core.isupper() and not is_syllable(core) and not _marked(core)  # UBND, TW, KH, HĐND
        return not abbreviation or _toneless(core)  # TRỤỰC, with marks, is a misread syllable; QUOC one without

    @property
    def is_number(self) -> bool:
        """A core that opens with a digit: a number, a date, a document's number and symbol (``27``, ``20/11/2024``,
        ``1351/QĐ-UBND``); to the model one token, context for the words beside it, never a word to change."""
        return _is_number(self.core)

    def __str__(self) -> str:
        return f"{self.lead}{self.core}{self.trail}"


def phrases(tokens: list[Token]) -> Iterator[list[int]]:
    """Indices of runs of words and numbers that follow one another within a clause (only spaces or a comma
    between); a line in capitals (``TỈNH BẮC LÂM``, two capitals words or more) is no phrase with the text after it
    (``Căn cứ``). A number goes with words of either case (``SỐ 12``, ``cơ số 01``)."""
    capitals = _capitals_runs(tokens)
    run: list[int] = []
    for i, token in enumerate(tokens):
        previous = tokens[run[-1]] if run else None
        linked = previous is not None and set(previous.trail + token.lead) <= _LINKING
        if linked and not (previous.is_number or token.is_number) and previous.core.isupper() != token.core.isupper():
            linked = capitals[run[-1]] < 2 and capitals[i] < 2  # a capitals word alone: ĐẾN Ngày
        counted = token.is_word or token.is_number
        if counted and (not run or linked):
            run.append(i)
            continue
        if run:
            yield run
        run = [i] if counted else []
    if run:
        yield run


def _capitals_runs(tokens: list[Token]) -> list[int]:
    """For each token, the length of the run of capitals words it stands in (0 for other tokens)."""
    lengths = [0] * len(tokens)
    start = 0
    for i in range(len(tokens) + 1):
        if i < len(tokens) and tokens[i].is_word and tokens[i].core.isupper():
            continue
        lengths[start:i] = [i - start] * (i - start)
        start = i + 1
    return lengths


def syllable_runs(text: str) -> Iterator[list[str]]:
    """The phrases of a text, lower case, as runs of well-formed syllables and numbers (each spelt NUMBER); a word
    that is neither breaks a run.

    The text's words are taken one after the other across its lines, as the correction reads OCR lines: a phrase
    goes on over a line break as over a space (a signature block's ``KT. BỘ TRƯỞNG`` / ``THỨ TRƯỞNG``, a sentence
    broken over two lines), and ends where punctuation or a change between capitals and lower case ends it."""
    tokens = [Token.of(t) for t in unicodedata.normalize("NFC", text).split()]
    for run in phrases(tokens):
        current: list[str] = []
        for i in run:
            core = tokens[i].core.lower()
            if tokens[i].is_number:
                current.append(NUMBER)
            elif is_syllable(core):
                current.append(core)
            elif current:
                yield current
                current = []
        if current:
            yield current


def is_capitalised(core: str) -> bool:
    """A word in title case (``Cửa``, ``Tuấn``): inside a phrase, a name's syllable more often than not."""
    return core[:1].isupper() and core[1:].islower()


def capitalised_inside(text: str) -> Iterator[str]:
    """The syllables of a text (lower case) written capitalised inside a phrase, not its first word: the names'
    (``Cửa Hội``, ``Lê Anh Tuấn``), seldom a common word's (``của`` so 15 times in 61 197 in the bulk corpus)."""
    tokens = [Token.of(t) for t in unicodedata.normalize("NFC", text).split()]
    for run in phrases(tokens):
        for i in run[1:]:
            core = tokens[i].core
            if is_capitalised(core) and is_syllable(core.lower()):
                yield core.lower()


def _is_number(core: str) -> bool:
    """Opens with a digit and is no garble of letters (``3ĐNG``: two letters or more and no ``/``, ``-``, ``.``)."""
    return core[:1] in _DIGITS and (sum(c.isalpha() for c in core) < 2 or bool(set(core) & _SYMBOL_MARKS))


def is_foreign(core: str) -> bool:
    """Letters that spell no Vietnamese syllable, not even one read without its tone (``and``, ``of``,
    ``Agriculture``; ``Viet`` and ``QUOC`` are syllables but for the tone)."""
    return core.isalpha() and not is_syllable(core) and not _toneless(core)


def _toneless(word: str) -> bool:
    """A syllable but for its tone: one ending in a stop read without its sắc or nặng (``QUOC``, ``TRUC``). A ``y``
    alone closes no syllable (only after the glide ``u``: ``huýt``), so ``SYT``, ``BYT`` (Sở, Bộ Y tế) stay
    abbreviations."""
    if set(fold(word)) & _VOWELS <= {"y"}:
        return False
    return any(is_syllable(unicodedata.normalize("NFC", word[: i + 1] + "\u0301" + word[i + 1 :])) for i in range(len(word)))


def _marked(word: str) -> bool:
    """Carries a tone or vowel mark (đ's bar aside): abbreviations do not."""
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))
