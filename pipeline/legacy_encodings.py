"""Legacy Vietnamese encodings (TCVN3, VNI, VISCII, Windows-1258): text written in them, read as Unicode.

Such text arrives as a file whose bytes are not UTF-8, or as a PDF text layer drawn in a legacy font; either
way it reads as Latin-1 mojibake (``Céng hoµ x· héi`` is TCVN3 for ``Cộng hoà xã hội``). Every table of
``data/legacy_encodings.toml`` is tried, and the reading with the most well-formed Vietnamese syllables wins.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.vietnamese import text_quality

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+")
# Bytes 0x80-0x9F that no legacy table claims are Windows punctuation (curly quotes, dashes, ellipsis).
_WINDOWS_PUNCTUATION = str.maketrans(
    {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
)


@dataclass(frozen=True)
class LegacyEncoding:
    """One legacy encoding: its Latin-1 spellings of Vietnamese letters and a pattern matching them."""

    key: str
    name: str
    letters: dict[str, str]  # Latin-1 spelling → Unicode letter
    variants: dict[str, str]  # other spellings seen in documents, read but never written
    in_words: dict[str, str]  # what PDF text extraction gives for a letter's code → that code, inside words
    toned_capitals: bool  # False: capitals are drawn from the lower-case codes by a capitals font
    pattern: re.Pattern[str]

    def decode(self, latin1: str, text_layer: bool = False) -> str:
        """`latin1` (bytes read as Latin-1, or with `text_layer` a PDF text layer in a legacy font) as Unicode, NFC."""
        if text_layer and self.in_words:
            extracted = "|".join(re.escape(c) for c in self.in_words)
            latin1 = re.sub(extracted, lambda m: self.in_words[m.group()] if _inside_word(m) else m.group(), latin1)
        converted = self.pattern.sub(lambda m: self.letters.get(m.group()) or self.variants[m.group()], latin1)
        if not self.toned_capitals:
            converted = _LINE.sub(lambda m: m.group().upper() if _capitals_line(m.group()) else m.group(), converted)
        return unicodedata.normalize("NFC", converted.translate(_WINDOWS_PUNCTUATION))


def _capitals_line(line: str) -> bool:
    """A line typed in capitals in a font that draws them from lower-case codes: no lower-case ASCII letter, and
    a word of two capitals or more holding a lower-case letter (HOạCH, not the Sè of ``Sè: 12/KH-UBND``)."""
    if any("a" <= c <= "z" for c in line):
        return False
    return any(sum(c.isupper() for c in word) >= 2 and any(c.islower() for c in word) for word in _WORD.findall(line))


def _inside_word(match: re.Match[str]) -> bool:
    """Beside a lower-case letter and not before a capital or digit (the hyphen of ``TTg-KGVX`` stays)."""
    text, start, end = match.string, match.start(), match.end()
    following = text[end] if end < len(text) else ""
    if following.isupper() or following.isdigit():
        return False
    return (start > 0 and text[start - 1].islower()) or following.islower()


@dataclass(frozen=True)
class Reading:
    """Text read in a legacy encoding, with the share of well-formed syllables it then has."""

    encoding: str  # the encoding's name, e.g. "TCVN3 (ABC)"
    text: str
    quality: float


@cache
def encodings() -> tuple[LegacyEncoding, ...]:
    """The legacy encodings of ``data/legacy_encodings.toml``."""
    data = tomllib.loads(resources.files("pipeline.data").joinpath("legacy_encodings.toml").read_text("utf-8"))
    found = []
    for key, entry in data.items():
        spellings = sorted([*entry["letters"], *entry.get("variants", {})], key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(s) for s in spellings))
        found.append(
            LegacyEncoding(
                key,
                entry["name"],
                entry["letters"],
                entry.get("variants", {}),
                entry.get("in_words", {}),
                entry.get("toned_capitals", True),
                pattern,
            )
        )
    return tuple(found)


def legacy_reading(text: str, min_quality: float, text_layer: bool = False) -> Reading | None:
    """`text` read in the legacy encoding it is mojibake of: when its own syllable quality is below `min_quality`
    (or too few words to tell) and the best legacy reading reaches it. None otherwise. `text_layer`: the text is a
    PDF's text layer, whose extraction changed some codes (see ``in_words`` in the data)."""
    quality = text_quality(unicodedata.normalize("NFC", text))
    if quality is not None and quality >= min_quality:
        return None
    best: Reading | None = None
    for encoding in encodings():
        converted = encoding.decode(text, text_layer)
        reading = Reading(encoding.name, converted, text_quality(converted) or 0.0)
        if best is None or reading.quality > best.quality:
            best = reading
    return best if best and best.quality >= min_quality else None
