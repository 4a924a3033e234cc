"""Plain-text files: UTF-8 (with or without BOM) and UTF-16; anything else is reported, not guessed silently."""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

from pipeline.model import EncodingProblem, PageText, TextSource, UnsupportedInput

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> str:
    """Decode a text file's bytes. Raises :class:`EncodingProblem` naming the likely encoding otherwise, or
    :class:`UnsupportedInput` for binary content."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16)
    if b"\x00" in data[:4096]:
        raise UnsupportedInput("unsupported file type: binary content that is neither PDF, image nor text")
    best = charset_normalizer.from_bytes(data[:65536]).best()
    guess = f"; it looks like {best.encoding}" if best else ""
    raise EncodingProblem(f"text is not UTF-8 or UTF-16{guess}: convert it to UTF-8")


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


def read(path: Path) -> list[PageText]:
    """A text file is one page, or one page per form feed where it has them (pdftotext output)."""
    pages = decode(path.read_bytes()).split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return [
        PageText(page=i + 1, text=page, text_source=TextSource.PLAIN_TEXT, decision="plain text")
        for i, page in enumerate(pages)
    ]
