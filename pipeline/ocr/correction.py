"""Post-OCR correction of Vietnamese syllables with a syllable language model of real directive texts.

OCR of Vietnamese mostly slips on diacritics (``đào``→``đảo``, ``tất cả``→``tắt cá``, ``kỳ thi``→``kỷ thị``) and gives
syllables that are well-formed but wrong, so validity alone cannot find them: each word is weighed against its
neighbours. The words of a phrase are decoded together (Viterbi) as a noisy channel: a candidate for a word read is
any syllable the model knows with the same letters and other marks (tone, vowel marks, the bar of đ), or, for a word
that is no known syllable, one letter away; its score is the model's log-probability in context
(:mod:`pipeline.ocr.language_model`, interpolated Kneser-Ney, the phrase's end predicted like a word) minus a cost per
changed mark or letter, the cost lower where tesseract was unsure. A word read capitalised inside its phrase is
likelier a name's syllable than a common word's (``bờ Nam Cửa Hội`` is no ``Của``, ``Lê Anh Tuân`` is ``Tuấn``): each
spelling is weighed by how often the model's texts write it so (:meth:`~pipeline.ocr.language_model.Model.log_capitalised`).

What is never changed: numbers, document symbols (``12-CT/TW``, ``COVID-19``), chemical formulas (``Al2O3``),
abbreviations and words in mixed case (they cut the context); the letters of a Latin word (``clo``, ``tif``), and a
Latin word read with confidence is not split (``mica``); the letters of a well-formed syllable tesseract read with
confidence (``SURE``), only its marks (its sure slips are marks: ``khắn trương``; a rare word keeps its letters:
``ngậm nước``); and a well-formed syllable read with confidence, unless the model has evidence against it: another
spelling of it pairs with a neighbour (or another spelling of one) far more often, and its own pair would have been
seen were it as good a partner, or the other pair is a collocation (``sốt, ho, khó thở`` and ``từ nay`` stay, ``ỦY
BAN NHÂN DÂN TÍNH`` becomes ``TỈNH``, ``chống địch COVID-19`` ``chống dịch``), and the other pair holds where it
would stand: a neighbour bound to its own other neighbour lends it no evidence (the trigram counts: ``nghiệm thu``
is never seen before ``gom``, so ``Hội đồng nghiệm thu gồm`` stays). A syllable too rare for its pairs to tell
(``lẩn trốn``, seen once) is so changed only where the other pair is well seen. Even then a well-formed syllable
read surely is changed only where the model finds the change at least twice as likely as its channel cost says
(SURE_MARGIN): ``vùng bào mòn`` (96) stays, ``vùng bảo`` being seen 56 times but ``bảo mòn`` never, which left the
change a third of a nat ahead.
Before the model, four slips are mended by rule: letters read for digits among digits, a single quote that opens
a word and none closes (a speck), the words of a date between its numbers (``13 thang 02 nam 2026``), and ``¡``
read for ``i`` (``các điểm đ, h, ¡, k``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator

from pipeline.keys import fold
from pipeline.ocr.language_model import BOUND, Model, model, trigrams
from pipeline.ocr.tokens import NUMBER_KEY, Key, Token, is_capitalised, is_foreign, key_of, phrases, word_key
from pipeline.vietnamese import is_syllable

_FOLDED_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ALPHANUMERIC_RUN = re.compile(r"[^\W_]+")  # a piece of a word between punctuation (COVID-I9: COVID, I9)
_DIGITS_OR_LOOKALIKES = re.compile(r"[0-9IlO]+")
_AS_DIGITS = str.maketrans("IlO", "110")
_INVERTED_I = re.compile(r"¡(?=[,;)]|[^\W\d_A-ZĐ])")
_SINGLE_QUOTES = ("'", "‘", "’", "`")
QUOTED_WORDS = 12  # the most words a single quote is looked for to close

# Channel costs (natural log units) of reading one thing as another; see module docstring.
MARK_COST = 6.0  # one letter's marks (tone, vowel mark, đ's bar) read otherwise (blur smudges them together)
LETTER_COST = 9.0  # one letter read as another, added or dropped
UNSURE_SHARE = 0.5  # a word read with confidence 0 pays this share of the costs
NAME_FACTOR = 1.5  # a capitalised word (often a name: Dũng, Vũng Tàu) costs this much more to change
SURE = 85.0  # a known syllable read with this confidence or more is changed only on the model's evidence:
PLAUSIBLE_SHARE = 0.05  # its pairs are seen less than this share of another spelling's pair with a neighbour,
MIN_EVIDENCE = 10  # seen this often at least (BẮC LÂM, a made-up province, stays: bắc làm is seen twice), and either
MIN_EXPECTED = 3.0  # its own pairs, were it as good a partner, would be seen this often (unseen 5 % of the time)
COLLOCATION = 5.0  # or the neighbour keeps the other spelling's company this many times more often than chance
SURE_MARGIN = math.log(2)  # … and then only where the model finds the change twice as likely as its cost at least
SPACE_COST = 3.0  # the space between two syllables lost, the word read as one (tight print, a blur): half a mark
MIN_RUN_TOGETHER = 4  # letters at least of a word read for two syllables run together


def candidates(lm: Model, syllable: str, confidence: float) -> list[Key]:
    """Keys the word read with this confidence may stand for, its own first: same letters with other marks; one
    letter off if the model does not know it, but for a well-formed syllable read surely (a rare word: ``ngậm
    nước`` is no ``ngập nước``; tesseract's sure slips are marks, ``khắn trương``, ``toản thể``) and for a Latin
    word, however surely read (:func:`is_latin`: ``clo`` is no ``cao``, ``ion`` no ``in``, ``*.tif`` no ``*.tin``)."""
    letters, own = fold(syllable), word_key(syllable)
    if own == NUMBER_KEY:
        return [own]
    found = list(lm.by_letters.get(letters, ()))
    if own not in lm.unigrams and not is_latin(syllable) and (confidence < SURE or not is_syllable(syllable)):
        found += [k for variant in _one_letter_off(letters) for k in lm.by_letters.get(variant, ())]
    return [own] + [k for k in dict.fromkeys(found) if k != own]


def is_latin(word: str) -> bool:
    """A word of Latin letters alone that spells no Vietnamese syllable, not even one read without its tone: a
    foreign or technical word (``mica``, ``clo``, ``ion``, ``tif``), no misread syllable, which would keep some
    Vietnamese mark (``eơ``, ``điể``). 185 of the 767 bulk texts write such words in Vietnamese prose, 2 735 times;
    read surely as they stand there (confidence 92), the correction changed 49 of them (``clo`` → ``cao``, ``mica`` →
    ``mi ca``), read unsurely (70), 130 (``and`` → ``an``)."""
    return word.isascii() and is_foreign(word)


def _one_letter_off(letters: str) -> Iterator[str]:
    for i in range(len(letters) + 1):
        yield letters[:i] + letters[i + 1 :]
        for c in _FOLDED_LETTERS:
            yield letters[:i] + c + letters[i:]
            yield letters[:i] + c + letters[i + 1 :]


def _is_settled(
    lm: Model, words: list[str], keys: list[Key], i: int, lattice: list[list[Key]], confidences: list[float]
) -> bool:
    """A word read surely as a well-formed syllable stays unless the model has evidence against it (one seen less
    than MIN_EVIDENCE times, ``lẩn`` or ``họi``, a typing slip seen twice, whose pairs tell nothing, only where
    another spelling's pair is seen MIN_EVIDENCE times: ``Quốc họi``, ``toản thể``; ``lận trốn`` is seen 3 times):
    another spelling of it pairs with a neighbour far more often than it does, and either the word's own pairs would
    have been seen were it as good a partner (``để nghị``, expected some 6 800 times after ``đề nghị``, is never
    seen) or the pair is a collocation (``chống dịch``, ``để kịp``: 10 and 35 times chance; ``địch`` and ``đê`` are
    too rare for their absence to tell). A pair the corpus is too small to show and the neighbour no collocation is
    no evidence: ``từ nay`` stays (``nay`` is seen 121 times; ``này đến``, 2.8 times chance, would expect ``nay
    đến`` 0.8 times). The neighbour counts as read, or in its other spellings where it was read unsure or read
    surely between two pairs never seen (both misread: ``BỌ TRƯƠNG THƯ TRƯƠNG`` → ``THỨ TRƯỞNG``), and where its
    pair with its own other neighbour is seen, in those other spellings that pair more often with that one (``tắt cá
    các`` → ``tất cả``; ``sĩ từ nay`` is no ``thông tư này``); at a phrase's end, as read (``Từ nay đến``). A number
    beside the word is evidence for it, never against it: ``số`` before a number is seen 13 576 times in the model's
    texts and ``sở`` 38, so ``cơ số 01`` stays (``cơ sở`` is seen far more often), but numbers stand beside too many
    words for a rarer partner to tell against a sure one (``tổ gồm 3 nam 2 nữ``: ``năm`` meets a number 13 095 times,
    ``nam`` 240)."""
    own = keys[i]
    if len(lattice[i]) == 1 or confidences[i] < SURE:
        return len(lattice[i]) == 1
    rare = lm.unigrams.get(own, 0) < MIN_EVIDENCE
    if rare and not is_syllable(words[i]):
        return _among_foreign_words(words, i, confidences)

    def pair(a: Key, b: Key, after: bool) -> int:
        return lm.bigrams.get((a, b) if after else (b, a), 0)

    def together(a: Key, b: Key, after: bool) -> bool:
        """Seen as a pair more often than chance: ``thu tương`` (2 times, chance 5.5) is no evidence that a sure
        ``PHÓ THU TƯƠNG`` is read right."""
        return pair(a, b, after) > lm.unigrams.get(a, 0) * lm.unigrams.get(b, 0) / lm.total

    def readings(j: int) -> list[Key]:
        if not 0 <= j < len(keys):
            return []
        if confidences[j] < SURE or lm.unigrams.get(keys[j], 0) < MIN_EVIDENCE:
            return lattice[j]
        after, far = j > i, j + (j - i)  # the neighbour's side, and its other neighbour
        if together(own, keys[j], after) or not 0 <= far < len(keys):
            return [keys[j]]
        support = pair(keys[j], keys[far], after)
        if not support:  # in no pair ever seen: in doubt
            return lattice[j]
        return [keys[j]] + [k for k in lattice[j][1:] if pair(k, keys[far], after) > support]

    sides = [(readings(i - 1), False), (readings(i + 1), True)]
    seen = max((pair(own, near[0], after) for near, after in sides if near), default=0)
    for other in lattice[i][1:]:
        for key, after in ((k, after) for near, after in sides for k in near if k != NUMBER_KEY):
            count = pair(other, key, after)
            if count < MIN_EVIDENCE or seen >= PLAUSIBLE_SHARE * count:
                continue
            if _bound_elsewhere(lm, keys, i, other, key, after):  # the neighbour's pair holds elsewhere
                continue
            if rare:  # its pairs tell nothing, the other's tells enough
                return False
            expected = lm.unigrams[own] * count / lm.unigrams[other]  # own's pairs, were it as good a partner
            association = count * lm.total / (lm.unigrams[other] * lm.unigrams.get(key, 1))  # against chance
            if (expected >= MIN_EXPECTED and seen < PLAUSIBLE_SHARE * expected) or association >= COLLOCATION:
                return False
    return True


def _among_foreign_words(words: list[str], i: int, confidences: list[float]) -> bool:
    """Word i, read surely and no Vietnamese syllable, stands beside a foreign word read surely: a foreign phrase
    (``Ministry of Agriculture and Environment``, ``of Viet Nam``), whose words no Vietnamese spelling mends; beside
    a syllable read without its tone (``QUOC TICH``), it is a capitals line that lost its marks."""
    return any(0 <= j < len(words) and confidences[j] >= SURE and is_foreign(words[j]) for j in (i - 1, i + 1))


def _bound_elsewhere(lm: Model, keys: list[Key], i: int, other: Key, neighbour: Key, after: bool) -> bool:
    """The `neighbour` as read (after word i or before it) is bound to its own other neighbour against `other`:
    their pair would meet `other` at least BOUND times were the two pairs independent, and does at most once (a
    trigram seen once is not kept). ``thu gom`` is seen 142 times, ``nghiệm thu`` 351 times and never before
    ``gom`` (5.8 expected): in ``nghiệm thu gồm`` the pair ``thu gom`` is no evidence against ``gồm``."""
    near, far = (i + 1, i + 2) if after else (i - 1, i - 2)
    if not 0 <= far < len(keys) or keys[near] != neighbour:
        return False
    trio = (other, keys[near], keys[far]) if after else (keys[far], keys[near], other)
    expected = lm.expected_trigram(*trio)
    return expected >= BOUND and trigrams().seen(*trio) < max(2, PLAUSIBLE_SHARE * expected)


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
        changed = sum(a != b for a, b in zip(_marks(read), _marks(meant), strict=True))  # letters marked otherwise
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
    """The most likely syllables meant by one phrase of words read with these confidences (0–100); a word that is
    two syllables run together comes back as both, a space between (``nườicó`` → ``người có``), unless it was read
    surely and is a Latin word or stands beside one read surely (``thạch anh, felspat, mica``, ``ximăng, clinker``:
    a foreign or technical word, spelt as its text spells it)."""
    lm = model()
    keys = [word_key(w) for w in words]
    lattice = [candidates(lm, w, c) for w, c in zip(words, confidences, strict=True)]
    settled = [_is_settled(lm, words, keys, i, lattice, confidences) for i in range(len(words))]
    # a state is the syllables a word stands for: one, or two where a space was lost; with its channel score
    states: list[list[tuple[tuple[Key, ...], float]]] = []
    for i, (word, confidence) in enumerate(zip(words, confidences, strict=True)):
        options = [keys[i]] if settled[i] else lattice[i]
        margin = SURE_MARGIN if confidence >= SURE and is_syllable(word) else 0.0
        column = [
            ((k,), 0.0 if k == keys[i] else -channel_cost(word, lm.spelling.get(k, word), confidence) - margin)
            for k in options
        ]
        if confidence < SURE or not (is_latin(word) or _among_foreign_words(words, i, confidences)):
            column += _run_together(lm, word, confidence)
        if i and is_capitalised(word) and len(column) > 1:  # a name's syllable, more likely than a common word's
            column = [(state, score + lm.log_capitalised(state[0])) for state, score in column]
        states.append(column)
    # best[i][state] = (score, back-pointer) of the best path ending in that state of word i
    best: list[dict[tuple[Key, ...], tuple[float, tuple[Key, ...] | None]]] = []
    for i, column_states in enumerate(states):
        column: dict[tuple[Key, ...], tuple[float, tuple[Key, ...] | None]] = {}
        for state, emission in column_states:
            inner = sum(lm.log_probability(a, b) for a, b in zip(state, state[1:]))
            if i == 0:
                column[state] = (emission + inner + lm.log_probability(None, state[0]), None)
                continue
            previous, score = max(
                ((p, s + lm.log_probability(p[-1], state[0])) for p, (s, _) in best[-1].items()), key=lambda ps: ps[1]
            )
            column[state] = (score + emission + inner, previous)
        best.append(column)
    state = max(best[-1], key=lambda k: best[-1][k][0] + lm.log_end(k[-1]))
    chosen: list[tuple[Key, ...]] = []
    for column in reversed(best):
        chosen.append(state)
        state = column[state][1]  # type: ignore[assignment]
    chosen.reverse()
    return [_spelt(lm, word, state) for word, state in zip(words, chosen, strict=True)]


def _spelt(lm: Model, word: str, state: tuple[Key, ...]) -> str:
    """The word as read when its state is its own syllable, else the state's syllables in the word's case."""
    if state == (word_key(word),):
        return word
    if len(state) == 1:
        return with_case_of(word, lm.spelling[state[0]])
    first = lm.spelling[state[0]]
    return f"{with_case_of(word, first)} {with_case_of(word[len(first):] or word, lm.spelling[state[1]])}"


def _run_together(lm: Model, word: str, confidence: float) -> list[tuple[tuple[Key, Key], float]]:
    """Pairs of known syllables that a word no syllable may be with the space between them lost (``Nhưtrên``,
    ``nườicó``), each part spelt with other marks or one letter off as a word read unsure, and their channel
    score: SPACE_COST and each part's cost, cheaper where tesseract was unsure."""
    if len(word) < MIN_RUN_TOGETHER or is_syllable(word) or not word.isalpha():
        return []
    sure = max(0.0, min(1.0, confidence / 100))
    space = SPACE_COST * (UNSURE_SHARE + (1 - UNSURE_SHARE) * sure)
    found: dict[tuple[Key, Key], float] = {}  # a pair's best score over the places the word may be cut
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        lefts = [k for k in candidates(lm, left, 0.0) if k in lm.unigrams]
        rights = [k for k in candidates(lm, right, 0.0) if k in lm.unigrams]
        for a in lefts:
            cost_a = channel_cost(left, lm.spelling[a], confidence)
            for b in rights:
                score = -(space + cost_a + channel_cost(right, lm.spelling[b], confidence))
                found[(a, b)] = max(score, found.get((a, b), score))
    return list(found.items())


def digits_read_as_letters(word: str) -> str:
    """``COVID-I9`` → ``COVID-19``, ``2O24`` → ``2024``: a piece of a word between punctuation made only of digits
    and the letters OCR confuses with them (I, l, O), holding at least as many real digits as such letters, is a
    number. ``Quý I/2025`` and ``COVID`` are left alone, and so are a piece with other letters in it (a chemical
    formula: ``Al2O3``, ``SiO2``; 8 of the 767 bulk documents write formulas, 64 times) and one mostly of letters
    (``I5O``, tesseract's ``ISO`` in ``TCVN 10758-2:2016 (ISO 18589-2:2015)``; 61 bulk documents cite ISO, TCVN or
    QCVN standards, 365 times)."""

    def number(piece: re.Match[str]) -> str:
        run = piece[0]
        digits = sum(c.isdigit() for c in run)
        if not _DIGITS_OR_LOOKALIKES.fullmatch(run) or not digits or digits < len(run) - digits:
            return run
        return run.translate(_AS_DIGITS)

    return _ALPHANUMERIC_RUN.sub(number, word)


def without_stray_quotes(words: list[str]) -> list[str]:
    """``'TRƯỞNG`` → ``TRƯỞNG``: a single quote opening a word that no word up to QUOTED_WORDS on closes is a speck
    tesseract read (typed text opens a word so in 2 of the 767 bulk documents; its quotes are double)."""
    kept = list(words)
    for i, word in enumerate(words):
        opens = word[:1] in _SINGLE_QUOTES and len(word) > 1 and word[1].isalpha()
        if opens and not any(w.rstrip(".,;:)").endswith(_SINGLE_QUOTES) for w in words[i : i + QUOTED_WORDS]):
            kept[i] = word[1:]
    return kept


def with_date_words(words: list[str]) -> list[str]:
    """``ngày 13 thang 02 nam 2026`` → ``ngày 13 tháng 02 năm 2026``: between a day and a month, a word with the
    letters of ``tháng`` is that word, and between a month and a year one with those of ``năm``, whatever marks it
    was read with (570 of the 767 bulk documents write 5 492 such dates, every one with its marks; the syllable
    correction has no context between numbers)."""
    fixed = list(words)
    for i in range(1, len(words) - 1):
        before, after, token = _number(words[i - 1]), _number(words[i + 1]), Token.of(words[i])
        if before is None or after is None or token.lead or token.trail or not token.core.islower():
            continue
        letters = fold(token.core)
        if letters == "thang" and 1 <= before <= 31 and 1 <= after <= 12:
            fixed[i] = "tháng"
        elif letters == "nam" and 1 <= before <= 12 and 1900 <= after <= 2100:
            fixed[i] = "năm"
    return fixed


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() and len(word) <= 4 else None


def upright_i(word: str) -> str:
    """``¡,`` → ``i,``: tesseract reads the letter ``i`` before a comma or bracket (a point's letter, ``các điểm đ,
    h, i, k``, ``i)``) or a small letter as the inverted exclamation mark, which no Vietnamese text prints (none of
    the 767 bulk documents). A ``¡`` standing alone is a speck (a seal's mark) and stays punctuation."""
    return _INVERTED_I.sub("i", word)


def correct_words(words: list[str], confidences: Iterable[float] | None = None) -> list[str]:
    """The words of OCR lines in reading order (as tesseract splits them, punctuation attached), corrected phrase
    by phrase."""
    words = with_date_words(without_stray_quotes([digits_read_as_letters(upright_i(w)) for w in words]))
    tokens = [Token.of(w) for w in words]
    sure = list(confidences) if confidences is not None else [100.0] * len(words)
    corrected = list(words)
    for run in phrases(tokens):
        cores = correct_phrase([tokens[i].core for i in run], [sure[i] for i in run])
        for i, core in zip(run, cores, strict=True):
            corrected[i] = f"{tokens[i].lead}{core}{tokens[i].trail}"
    return corrected
