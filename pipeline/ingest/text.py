"""Plain-text files: UTF-8 (with or without BOM), UTF-16, and the legacy Vietnamese encodings converted to Unicode;
anything else is reported, not guessed silently, and so is text that is not prose (markup, base64, noise).

Text is the last format tried: it takes every file no other format recognised."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from pipeline.legacy_encodings import legacy_reading
from pipeline.ingest.ocr import OcrJob
from pipeline.model import EncodingProblem, PageText, TextSource, UnsupportedInput
from pipeline.settings import Settings

FORMAT = "text"
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# What is not prose: markup tags and entities, RTF control words, runs of base64 or hex, and control characters.
NOT_PROSE = {
    "markup (HTML or XML tags)": re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|&(?:#\d+|#x[\da-fA-F]+|\w+);"),
    "RTF control words": re.compile(r"\\[a-z]{1,32}-?\d*\s?|[{}]"),
    "base64 or hex data": re.compile(r"[A-Za-z0-9+/=]{60,}"),
    "binary noise (control characters)": re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]+"),
}
MAX_NOT_PROSE = 0.3  # share of the characters; Vietnamese prose has next to none of these


def recognises(head: bytes, name: str) -> bool:
    """Everything no other format took."""
    return True


@dataclass(frozen=True)
class Decoded:
    """A text file's content, and the legacy encoding it was converted from (None: it was Unicode)."""

    text: str
    legacy_encoding: str | None = None


def decode(data: bytes, min_quality: float) -> Decoded:
    """Decode a text file's bytes. Unicode text that is mojibake of a legacy Vietnamese encoding, and bytes in
    one, are converted when the result reaches `min_quality` (share of well-formed syllables). Raises
    :class:`EncodingProblem` naming the likely encoding otherwise, or :class:`UnsupportedInput` for binary
    content."""
    text = _unicode(data)
    if text is None and b"\x00" in data[:4096]:
        raise UnsupportedInput(
            "unsupported file type: binary content of no format vanban reads (PDF, image, Word, OpenDocument, RTF, "
            "HTML, e-mail, zip or text)"
        )
    legacy = legacy_reading(data.decode("latin-1") if text is None else text, min_quality)
    if legacy:
        return Decoded(legacy.text, legacy.encoding)
    if text is not None:
        return Decoded(text)
    best = charset_normalizer.from_bytes(data[:65536]).best()
    guess = f"; it looks like {best.encoding}" if best else ""
    raise EncodingProblem(
        f"text is not UTF-8, UTF-16 or a legacy Vietnamese encoding (TCVN3, VNI, VISCII, Windows-1258){guess}: "
        "convert it to UTF-8"
    )


def _unicode(data: bytes) -> str | None:
    """The bytes as UTF-8 or UTF-16 text (by BOM, or UTF-16 without one); None when they are neither."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    utf16 = _bomless_utf16(data)
    return data.decode(utf16) if utf16 else None


REPLACEMENT = "\ufffd"
VALID_PER_INVALID = 10  # UTF-8 text with a stray bad byte: its good multi-byte letters far outnumber the bad ones


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a cut copy, one corrupt sector): the text, each bad byte replaced by U+FFFD.
    A legacy 8-bit encoding is not taken for it: there nearly every accented letter is an invalid sequence."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count(REPLACEMENT)
    letters = sum(1 for char in text if char > "\x7f") - invalid
    return text if letters >= VALID_PER_INVALID * invalid else None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: Vietnamese text in it has a zero byte in most ASCII positions of one parity."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    for zeros, other, encoding in ((odd_zeros, even_zeros, "utf-16-le"), (even_zeros, odd_zeros, "utf-16-be")):
        if zeros > 0.3 and other < 0.05:
            try:
                data.decode(encoding)
                return encoding
            except UnicodeDecodeError:
                return None
    return None


def read(path: Path, doc_id: str, settings: Settings) -> tuple[list[PageText], list[OcrJob]]:
    """A text file is one page, or one page per form feed where it has them (pdftotext output). Raises
    :class:`UnsupportedInput` when the text is not prose."""
    decoded = decode(path.read_bytes(), settings.min_text_quality)
    check_prose(decoded.text)
    decision = (
        f"plain text in {decoded.legacy_encoding}, converted to Unicode" if decoded.legacy_encoding else "plain text"
    )
    invalid = decoded.text.count(REPLACEMENT) if decoded.legacy_encoding is None else 0
    if invalid:
        decision += f" (UTF-8 with {invalid} invalid byte sequence{'s' if invalid > 1 else ''} replaced by U+FFFD)"
    return paged(decoded.text, TextSource.PLAIN_TEXT, decision), []


def check_prose(text: str) -> None:
    """Raise :class:`UnsupportedInput` when much of `text` is markup, base64 or binary noise, not prose."""
    size = len("".join(text.split()))  # the characters that are not white space (split is str.isspace, in C)
    if not size:
        return
    for what, pattern in NOT_PROSE.items():
        share = sum(len(m) for m in pattern.findall(text)) / size
        if share > MAX_NOT_PROSE:
            raise UnsupportedInput(f"not a text to read: {share:.0%} of it is {what}")


def paged(text: str, source: TextSource, decision: str) -> list[PageText]:
    """A text as pages: one, or one per form feed."""
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return [PageText(page=i + 1, text=page, text_source=source, decision=decision) for i, page in enumerate(pages)]
