"""Post-OCR correction of Vietnamese syllables with a syllable bigram model of real directive texts.

OCR of Vietnamese mostly slips on diacritics (``đào``→``đảo``, ``chống dịch``→``chồng địch``) and gives syllables
that are well-formed but wrong, so validity alone cannot find them: each word is weighed against its neighbours.
A line's words are decoded together (Viterbi): every candidate is a syllable of the frequency list that folds to
the same letters as the word read (other diacritics, ``d``/``đ``), or one letter away from it when the word read
is no known syllable; its score is the bigram model's log-probability minus a cost per changed mark, which is
lower where tesseract was unsure. Numbers, document symbols (``12-CT/TW``, ``COVID-19``), abbreviations and
words in mixed case are never touched, and they cut the context.

The frequency list ``data/syllable_frequencies.tsv`` is made from the bulk corpus by
``scripts/build_syllable_frequencies.py``; the fixed vocabulary of these documents (bodies, document types,
header and signature lines in the project's data files) is added to it with a weight of its own.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.keys import fold
from pipeline.vietnamese import is_syllable, split_tone

FREQUENCIES = "syllable_frequencies.tsv"
_TOKEN = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_LETTERS = re.compile(r"[^\W\d_]+")
_LINKING = set(", ")  # what may stand between two words of one phrase
_FOLDED_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = set("aeiouy")
_DIGIT_RUN = re.compile(r"(?<![^\W\d_])[0-9IlO]+(?![^\W\d_])")  # not next to another letter
_AS_DIGITS = str.maketrans("IlO", "110")

# Channel costs (natural log units) of reading one thing as another; see module docstring.
MARK_COST = 6.0  # one tone or vowel mark (or the bar of đ) read differently, at full confidence
LETTER_COST = 9.0  # one letter read as another, added or dropped
UNSURE_SHARE = 0.5  # a word read with confidence 0 pays this share of the costs
NAME_FACTOR = 1.5  # a capitalised word (often a name: Dũng, Vũng Tàu) costs this much more to change
BIGRAM_WEIGHT = 0.8  # interpolation of bigram and unigram probabilities
VOCABULARY_COUNT = 20  # counts added for each syllable and bigram of a phrase of the fixed vocabulary
VOCABULARY_FILES = (
    "organisations.toml", "document_types.toml", "structure.toml", "body_names.toml", "role_cues.toml", "clauses.toml",
    "abbreviations.toml",
)


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
        return not (core.isupper() and not is_syllable(core))  # UBND, TW, KH

    def __str__(self) -> str:
        return f"{self.lead}{self.core}{self.trail}"


def phrases(tokens: list[Token]) -> Iterator[list[int]]:
    """Indices of runs of words that follow one another within a clause (only spaces or a comma between)."""
    run: list[int] = []
    for i, token in enumerate(tokens):
        joined = run and set(tokens[run[-1]].trail + token.lead) <= _LINKING
        if token.is_word and (not run or joined):
            run.append(i)
            continue
        if run:
            yield run
        run = [i] if token.is_word else []
    if run:
        yield run


Key = tuple[str, str | None]  # a syllable without its tone, and the tone: ``hoà`` and ``hòa`` are one key


def key_of(syllable: str) -> Key:
    return split_tone(unicodedata.normalize("NFC", syllable.lower()))


@dataclass(frozen=True)
class Model:
    """Syllable and syllable-bigram counts, by key, with the usual spelling of each key."""

    unigrams: dict[Key, int]
    bigrams: dict[tuple[Key, Key], int]
    spelling: dict[Key, str]
    by_letters: dict[str, list[Key]]  # folded letters (no marks, đ→d) → keys
    total: int

    def log_probability(self, previous: Key | None, key: Key) -> float:
        unigram = (self.unigrams.get(key, 0) + 0.1) / (self.total + 0.1 * len(self.unigrams))
        if previous is None or previous not in self.unigrams:
            return math.log(unigram)
        bigram = self.bigrams.get((previous, key), 0) / self.unigrams[previous]
        return math.log(BIGRAM_WEIGHT * bigram + (1 - BIGRAM_WEIGHT) * unigram)

    def candidates(self, syllable: str) -> list[Key]:
        """Keys the word read may stand for: same letters with other marks; one letter off if it is unknown."""
        letters = fold(syllable)
        found = list(self.by_letters.get(letters, ()))
        if key_of(syllable) not in self.unigrams:
            found += [k for variant in _one_letter_off(letters) for k in self.by_letters.get(variant, ())]
        own = key_of(syllable)
        return [own] + [k for k in dict.fromkeys(found) if k != own]


@cache
def model() -> Model:
    """The model of ``data/syllable_frequencies.tsv`` (lines ``syllable<TAB>count`` and ``a b<TAB>count``)."""
    unigrams: dict[Key, int] = {}
    bigrams: dict[tuple[Key, Key], int] = {}
    spelling: dict[Key, str] = {}
    text = resources.files("pipeline.data").joinpath(FREQUENCIES).read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        words, count = line.rsplit("\t", 1)
        parts = words.split(" ")
        if len(parts) == 1:
            key = key_of(parts[0])
            unigrams[key] = int(count)
            spelling[key] = parts[0]
        else:
            bigrams[(key_of(parts[0]), key_of(parts[1]))] = int(count)
    for words in _vocabulary_phrases():
        keys = [key_of(w) for w in words]
        for key, word in zip(keys, words, strict=True):
            unigrams[key] = unigrams.get(key, 0) + VOCABULARY_COUNT
            spelling.setdefault(key, word.lower())
        for pair in zip(keys, keys[1:]):
            bigrams[pair] = bigrams.get(pair, 0) + VOCABULARY_COUNT
    by_letters: dict[str, list[Key]] = {}
    for key in unigrams:
        by_letters.setdefault(fold(spelling[key]), []).append(key)
    return Model(unigrams, bigrams, spelling, by_letters, sum(unigrams.values()))


def _vocabulary_phrases() -> Iterator[list[str]]:
    """Runs of well-formed syllables in the strings of the vocabulary data files."""

    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from (s for v in value.values() for s in strings(v))
        elif isinstance(value, list):
            yield from (s for v in value for s in strings(v))

    for name in VOCABULARY_FILES:
        data = tomllib.loads(resources.files("pipeline.data").joinpath(name).read_text("utf-8"))
        for text in strings(data):
            tokens = [Token.of(t) for t in text.split()]
            for run in phrases(tokens):
                words = [tokens[i].core for i in run]
                if all(is_syllable(w) for w in words):
                    yield words


def _one_letter_off(letters: str) -> Iterator[str]:
    for i in range(len(letters) + 1):
        yield letters[:i] + letters[i + 1 :]
        for c in _FOLDED_LETTERS:
            yield letters[:i] + c + letters[i:]
            yield letters[:i] + c + letters[i + 1 :]


def _marks(syllable: str) -> list[str]:
    """Per letter, the letter's marks (NFD combining characters, đ's bar as ``-``)."""
    marks: list[str] = []
    for c in unicodedata.normalize("NFD", syllable.lower()):
        if unicodedata.combining(c) and marks:
            marks[-1] += c
        else:
            marks.append("-" if c == "đ" else "")
    return marks


def channel_cost(read: str, meant: str, confidence: float) -> float:
    """Cost of tesseract reading `meant` as `read`: changed marks and letters, cheaper when it was unsure."""
    if key_of(read) == key_of(meant):
        return 0.0
    read_letters, meant_letters = fold(read), fold(meant)
    if read_letters == meant_letters:
        changed = sum(a != b for a, b in zip(_marks(read), _marks(meant), strict=True))
        cost = MARK_COST * changed
    else:
        cost = LETTER_COST + MARK_COST * (has_marks(read) != has_marks(meant))
    sure = max(0.0, min(1.0, confidence / 100))
    named = NAME_FACTOR if read.istitle() else 1.0
    return cost * named * (UNSURE_SHARE + (1 - UNSURE_SHARE) * sure)


def has_marks(syllable: str) -> bool:
    return any(_marks(syllable))


def with_case_of(word: str, model_spelling: str) -> str:
    if word.isupper() and len(word) > 1:
        return model_spelling.upper()
    if word[:1].isupper():
        return model_spelling[:1].upper() + model_spelling[1:]
    return model_spelling


def correct_phrase(words: list[str], confidences: list[float]) -> list[str]:
    """The most likely syllables meant by one phrase of words read with these confidences (0–100)."""
    lm = model()
    lattice = [lm.candidates(w) for w in words]
    # best[i][key] = (score, back-pointer) of the best path ending in candidate `key` of word i
    best: list[dict[Key, tuple[float, Key | None]]] = []
    for i, (word, candidates) in enumerate(zip(words, lattice, strict=True)):
        column: dict[Key, tuple[float, Key | None]] = {}
        for key in candidates:
            meant = lm.spelling.get(key, word)
            emission = -channel_cost(word, meant, confidences[i])
            if i == 0:
                column[key] = (emission + lm.log_probability(None, key), None)
                continue
            previous, score = max(
                ((p, s + lm.log_probability(p, key)) for p, (s, _) in best[-1].items()), key=lambda ps: ps[1]
            )
            column[key] = (score + emission, previous)
        best.append(column)
    key = max(best[-1], key=lambda k: best[-1][k][0])
    chosen: list[Key] = []
    for column in reversed(best):
        chosen.append(key)
        key = column[key][1]  # type: ignore[assignment]
    chosen.reverse()
    return [
        word if k == key_of(word) else with_case_of(word, lm.spelling[k]) for word, k in zip(words, chosen, strict=True)
    ]


def bigram_share(words: list[str]) -> float | None:
    """Share of the pairs of neighbouring words (within a phrase) that the bulk corpus knows as a pair: about half
    in Vietnamese prose, far less in words read in the wrong order (a page upside down). None without pairs."""
    tokens = [Token.of(w) for w in words]
    known = model().bigrams
    pairs = [
        (key_of(tokens[a].core), key_of(tokens[b].core)) for run in phrases(tokens) for a, b in zip(run, run[1:])
    ]
    return sum(pair in known for pair in pairs) / len(pairs) if pairs else None


def digits_read_as_letters(word: str) -> str:
    """``COVID-I9`` → ``COVID-19``, ``2O24`` → ``2024``: in a run of digits and the letters OCR confuses with them
    (I, l, O), standing apart from other letters and holding a real digit, the letters are digits. ``Quý I/2025``
    and ``COVID`` are left alone."""
    return _DIGIT_RUN.sub(lambda m: m[0].translate(_AS_DIGITS) if any(c.isdigit() for c in m[0]) else m[0], word)


def correct_words(words: list[str], confidences: Iterable[float] | None = None) -> list[str]:
    """The words of OCR lines in reading order (as tesseract splits them, punctuation attached), corrected phrase
    by phrase."""
    words = [digits_read_as_letters(w) for w in words]
    tokens = [Token.of(w) for w in words]
    sure = list(confidences) if confidences is not None else [100.0] * len(words)
    corrected = list(words)
    for run in phrases(tokens):
        cores = correct_phrase([tokens[i].core for i in run], [sure[i] for i in run])
        for i, core in zip(run, cores, strict=True):
            corrected[i] = f"{tokens[i].lead}{core}{tokens[i].trail}"
    return corrected
