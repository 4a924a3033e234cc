"""A syllable bigram language model of Vietnamese directive texts, interpolated Kneser-Ney.

Counts come from ``data/syllable_bigrams.tsv``, made by ``scripts/build_language_model.py`` from the bulk
corpus and the dev texts (leaving out the texts whose scans the OCR is measured on); the fixed vocabulary of these
documents (bodies, document types, header and signature lines in the project's data files) is added with a weight
of its own. Syllables are keyed without regard to where the tone mark sits (``hoà`` = ``hòa``).

    P(w | v) = max(c(v w) - D, 0) / c(v) + D · N1+(v •) / c(v) · Pcont(w)
    Pcont(w) = (N1+(• w) + 1/2) / (N1+(• •) + |V| / 2)

with the absolute discount D = n1 / (n1 + 2 n2) of the bigram counts of counts, N1+(v •) the number of distinct
syllables seen after v and N1+(• w) before w (counted before rare pairs are pruned from the file).

A phrase's end is a token of its own, predicted like a syllable: P(end | v) from the times v ends a phrase, its
continuation from the number of distinct syllables that end one. A name ends its line where a word of its letters
goes on (``Lê Anh Tuấn`` ends a signature 8 times in 40; ``tuân`` is followed by ``thủ`` or ``theo`` 1 330 times in
1 332): without it, the last word of a phrase has only its left neighbour to tell.

A word written capitalised inside a phrase tells of the syllable it stands for: a name's syllable is so written
(``Cửa Hội``: ``cửa`` 73 times in 1 045, ``Tuấn`` 41 in 42), a common word seldom (``của`` 15 times in 61 197).
:meth:`Model.log_capitalised` is that evidence against the share of all syllables, smoothed towards it.

Trigram counts (``data/syllable_trigrams.tsv``, :func:`trigrams`) tell whether a pair holds next to a third syllable:
``thu gom`` is seen 142 times, ``nghiệm thu`` 351 times, never ``nghiệm thu gom``. The file keeps only the trigrams
seen twice or more that such a question can be asked of (those the two pairs would make BOUND times or more were
they independent), so it stays small.
"""

from __future__ import annotations

import math
import tomllib
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from pipeline.keys import fold
from pipeline.ocr.tokens import NUMBER_KEY, Key, Token, key_of, phrases, word_key
from pipeline.vietnamese import is_syllable

COUNTS = "syllable_bigrams.tsv"
TRIGRAM_COUNTS = "syllable_trigrams.tsv"
BOUND = 4.75  # times a pair would be seen next to a third syllable to tell by being seen once at most (5 % chance)
UNREADABLE = math.log(1e-7)  # log-probability of a word no syllable and no abbreviation (garbage read)
DOUBTFUL = 50.0  # a word tesseract reads with less confidence is garbage to the plausibility of a reading
ABBREVIATION = 4  # letters at most of an abbreviation written with a full stop (``TUQ.``, ``TM.``)
CAPITALISED_PRIOR = 2.0  # uses at the share of all syllables that a syllable's capitalised uses are smoothed with
VOCABULARY_COUNT = 20  # counts added for each syllable and bigram of a phrase of the fixed vocabulary
VOCABULARY_FILES = (
    "organisations.toml", "document_types.toml", "structure.toml", "body_names.toml", "role_cues.toml", "clauses.toml",
    "abbreviations.toml",
)  # fmt: skip


@dataclass
class Model:
    """Syllable and bigram counts by key, continuation counts, and the usual spelling of each key."""

    unigrams: dict[Key, int]
    bigrams: dict[tuple[Key, Key], int]
    preceding: dict[Key, int]  # N1+(• w)
    following: dict[Key, int]  # N1+(v •)
    spelling: dict[Key, str]
    discount: float
    bigram_types: int  # N1+(• •)
    ends: dict[Key, int]  # times a syllable ends a phrase
    end_types: int  # N1+(• end): distinct syllables that end a phrase
    capitalised: dict[Key, int] = field(default_factory=dict)  # times written capitalised inside a phrase

    def __post_init__(self) -> None:
        self.total = sum(self.unigrams.values())
        self.capitalised_share = max(sum(self.capitalised.values()), 1) / self.total
        self.by_letters: dict[str, list[Key]] = {}  # folded letters (no marks, đ→d) → keys
        for key in self.unigrams:
            self.by_letters.setdefault(fold(self.spelling[key]), []).append(key)

    def continuation(self, key: Key) -> float:
        return (self.preceding.get(key, 0) + 0.5) / (self.bigram_types + 0.5 * len(self.unigrams))

    def log_probability(self, previous: Key | None, key: Key) -> float:
        """log P(key | previous); with no previous syllable (a phrase's first), the unigram probability."""
        if previous is None or not self.unigrams.get(previous):
            return math.log((self.unigrams.get(key, 0) + 0.5) / (self.total + 0.5 * len(self.unigrams)))
        context = self.unigrams[previous]
        seen = max(self.bigrams.get((previous, key), 0) - self.discount, 0.0) / context
        weight = self.discount * max(1, self.following.get(previous, 0)) / context
        return math.log(seen + weight * self.continuation(key))

    def log_end(self, previous: Key) -> float:
        """log P(end of phrase | previous), smoothed as :meth:`log_probability`."""
        ending = (self.end_types + 0.5) / (self.bigram_types + 0.5 * len(self.unigrams))
        context = self.unigrams.get(previous, 0)
        if not context:
            return math.log(ending)
        seen = max(self.ends.get(previous, 0) - self.discount, 0.0) / context
        return math.log(seen + self.discount * max(1, self.following.get(previous, 0)) / context * ending)

    def log_capitalised(self, key: Key) -> float:
        """log of how much likelier syllable `key` is written capitalised inside a phrase than a syllable at large:
        the evidence a word so read gives for it (``Cửa`` for ``cửa``, 0.07 of its uses, against ``của``, 0.0002)."""
        prior = self.capitalised_share
        uses = self.unigrams.get(key, 0) + CAPITALISED_PRIOR
        return math.log((self.capitalised.get(key, 0) + CAPITALISED_PRIOR * prior) / uses / prior)

    def expected_trigram(self, first: Key, second: Key, third: Key) -> float:
        """Times the three syllables would be seen in a row were their two pairs independent."""
        pairs = self.bigrams.get((first, second), 0) * self.bigrams.get((second, third), 0)
        return pairs / max(1, self.unigrams.get(second, 0))

    def follows(self, previous: str, word: str) -> float:
        """Share of the uses of syllable `previous` that `word` follows (0 when unknown)."""
        first = key_of(previous.strip(",.;:"))
        count = self.unigrams.get(first, 0)
        return self.bigrams.get((first, key_of(word.strip(",.;:"))), 0) / count if count else 0.0


@cache
def model() -> Model:
    """The model of ``data/syllable_bigrams.tsv`` with the data files' vocabulary added, built once per process.

    The file's 100 000 lines spell about 3 000 syllables: each spelling is keyed once (:func:`key_of` on every
    line took three quarters of the 1 s load of each worker)."""
    unigrams: dict[Key, int] = {}
    bigrams: dict[tuple[Key, Key], int] = {}
    preceding: dict[Key, int] = {}
    following: dict[Key, int] = {}
    ends: dict[Key, int] = {}
    capitalised: dict[Key, int] = {}
    spelling: dict[Key, str] = {}
    header: dict[str, float] = {}
    keys: dict[str, Key] = {}

    def keyed(syllable: str) -> Key:
        key = keys.get(syllable)
        if key is None:
            key = keys[syllable] = key_of(syllable)
        return key

    text = resources.files("pipeline.data").joinpath(COUNTS).read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            name, _, value = line[1:].strip().partition("=")
            if value:
                header[name.strip()] = float(value)
            continue
        fields = line.split("\t")
        parts = fields[0].split(" ")
        if len(parts) == 1:
            key = keyed(parts[0])
            unigrams[key], preceding[key], following[key], ends[key], capitalised[key] = (int(f) for f in fields[1:6])
            spelling[key] = parts[0]
        else:
            bigrams[(keyed(parts[0]), keyed(parts[1]))] = int(fields[1])
    for words in _vocabulary_phrases():
        phrase = [keyed(w) for w in words]
        for key, word in zip(phrase, words, strict=True):
            unigrams[key] = unigrams.get(key, 0) + VOCABULARY_COUNT
            spelling.setdefault(key, word.lower())
        ends[phrase[-1]] = ends.get(phrase[-1], 0) + VOCABULARY_COUNT
        for pair in zip(phrase, phrase[1:]):
            if pair not in bigrams:
                preceding[pair[1]] = preceding.get(pair[1], 0) + 1
                following[pair[0]] = following.get(pair[0], 0) + 1
            bigrams[pair] = bigrams.get(pair, 0) + VOCABULARY_COUNT
    return Model(
        unigrams, bigrams, preceding, following, spelling, header["discount"], int(header["bigram_types"]), ends,
        int(header["end_types"]), capitalised,
    )  # fmt: skip


class Trigrams:
    """Trigram counts as sorted numeric codes (a syllable's number is its place among the model's syllables, the
    file's first; 51 000 trigrams in under 1 MB, where a dict of tuples takes ten times as much). The file lists
    the trigrams in the order of their codes."""

    def __init__(self, text: str, lm: Model) -> None:
        self.number = {key: n for n, key in enumerate(lm.unigrams)}
        self.base = len(self.number)
        spelt = {lm.spelling[key]: n for key, n in self.number.items()}
        self.codes, self.counts = array("q"), array("l")
        for line in text.splitlines():
            if line.startswith("#"):
                continue
            syllables, count = line.split("\t")
            first, second, third = (spelt[s] for s in syllables.split(" "))
            self.codes.append((first * self.base + second) * self.base + third)
            self.counts.append(int(count))
        if any(a >= b for a, b in zip(self.codes, self.codes[1:])):
            raise ValueError(f"{TRIGRAM_COUNTS} is not in the order of the syllables of {COUNTS}: build both again")

    def seen(self, first: Key, second: Key, third: Key) -> int:
        """Times the three syllables were seen in a row (0 for a trigram seen once or not kept)."""
        numbers = [self.number.get(k) for k in (first, second, third)]
        if None in numbers:
            return 0
        a, b, c = numbers
        code = (a * self.base + b) * self.base + c  # type: ignore[operator]
        at = bisect_left(self.codes, code)
        return self.counts[at] if at < len(self.codes) and self.codes[at] == code else 0


@cache
def trigrams() -> Trigrams:
    """The trigram counts of ``data/syllable_trigrams.tsv``, read once per process when the correction first asks."""
    return Trigrams(resources.files("pipeline.data").joinpath(TRIGRAM_COUNTS).read_text("utf-8"), model())


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
                for words in _between_numbers([tokens[i] for i in run]):
                    if all(is_syllable(w) for w in words):
                        yield words


def _between_numbers(run: list[Token]) -> Iterator[list[str]]:
    """The words of a phrase between its numbers (the vocabulary adds syllables and their pairs, no numbers)."""
    words: list[str] = []
    for token in run + [Token("", "0", "")]:
        if not token.is_number:
            words.append(token.core)
        elif words:
            yield words
            words = []


def follows(previous: str, word: str) -> float:
    """Share of the uses of syllable `previous` that `word` follows, in the model's texts."""
    return model().follows(previous, word)


def bigram_share(words: list[str]) -> float | None:
    """Share of the pairs of neighbouring words (within a phrase) that the model knows as a pair: about half in
    Vietnamese prose, far less in words read in the wrong order (a page upside down). None without pairs."""
    tokens = [Token.of(w) for w in words]
    known = model().bigrams
    pairs = [
        (key_of(tokens[a].core), key_of(tokens[b].core))
        for run in phrases(tokens)
        for a, b in zip(run, run[1:])
        if not (tokens[a].is_number or tokens[b].is_number)
    ]
    return sum(pair in known for pair in pairs) / len(pairs) if pairs else None


def plausibility(words: list[str], confidences: list[float] | None = None) -> float:
    """Mean log-probability per word of a reading (words as OCR splits them): the model's probability in context for
    each syllable of a phrase, UNREADABLE for any other word of letters that is no symbol (``POIDp``, ``ĐIIU``;
    abbreviations too, which two readings of one column share); numbers and symbols do not count, nor are they
    context for the word after them, as they are to the correction: of two readings, the one with a speck read as a
    digit (``1``, ``12``) would have the words after it weighed as words after a number, likelier than at a phrase's
    start (doc_000489's page-2 photo read 2.84 % words wrong so, 2.17 % without). With the words' `confidences`, a
    word of letters or digits read with less than DOUBTFUL is UNREADABLE whatever its form: the engine's own word
    that it is garbage (an underlined motto read ``j1. 11.1.``, a seal's ring read ``LÓCI.``, which the forms above
    let pass as a number and an abbreviation). Of two readings of one column, the one with the more plausible words."""
    lm = model()
    tokens = [Token.of(w) for w in words]
    doubtful = {i for i, c in enumerate(confidences or ()) if c < DOUBTFUL and any(ch.isalnum() for ch in words[i])}
    scores: list[float] = []
    placed: set[int] = set()
    for run in phrases(tokens):
        previous = None
        for i in run:
            key = word_key(tokens[i].core)
            if i in doubtful or key != NUMBER_KEY:
                scores.append(UNREADABLE if i in doubtful else lm.log_probability(previous, key))
            previous = None if key == NUMBER_KEY else key
            placed.add(i)
    scores += [UNREADABLE for i, token in enumerate(tokens) if i not in placed and (i in doubtful or _garbled(token))]
    return sum(scores) / len(scores) if scores else 0.0


def _garbled(token: Token) -> bool:
    """A word of two letters or more outside any phrase and not shaped like a symbol (``12/QĐ-UBND``) nor like an
    abbreviation with its full stop (``TM.``, ``KT.``: a seal across them leaves ``M.``, ``T.``): garbage (``POIDp``,
    ``ĐIIU``, ``g1``) or an abbreviation without one, which two readings of one column share alike."""
    core = token.core
    abbreviated = core.isupper() and len(core) <= ABBREVIATION and token.trail.startswith(".")
    return sum(c.isalpha() for c in core) >= 2 and not set(core) & set("/-.&") and not abbreviated
