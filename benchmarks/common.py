"""Shared bits of the benchmarks: corpus paths, the check set, a timer, a bulk text read as the pipeline reads its
file, and the one reader of the bulk texts' page names (slugs). Benchmarks print figures; they assert nothing."""

from __future__ import annotations

import os
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.ingest.text import decode, paged  # noqa: E402
from pipeline.model import Document, RawDocument, TextSource  # noqa: E402
from pipeline.normalize import normalize  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
BULK = CORPUS / "bulk-vbpl.jsonl.gz"
SCANS = CORPUS / "scans"
CORES = len(os.sched_getaffinity(0))
CHECK = {path.stem for path in (ROOT / "tests" / "gold" / "check").glob("*.json")}  # measured, never read for rules
HEAD = 3000  # characters of a text in which its own number is printed
# 249-2025-nd…, 1408-qd…, 66-15-2026-nq… (66.15/2026/NQ-CP): number, year, symbol
SLUG_NUMBER = re.compile(r"(?:^|-)(\d+(?:-\d+)*?)-(?:(\d{4})-)?([a-z][a-z0-9]*)")
GLUES_OF_LINES = ("", " ")  # a number's pieces split over lines (S / ố: 90 / /20 / 25), or lines apart


def bulk_document(doc_id: str, text: str) -> Document:
    """A bulk text normalised as `vanban` reads it from a text file: a legacy font's mojibake (TCVN3 read as Latin-1,
    doc_000891) converted to Unicode first, as the evaluation's bulk inputs are."""
    decoded = decode(text.encode("utf-8"), Settings().min_text_quality)
    return normalize(RawDocument(doc_id, doc_id, "text", paged(decoded.text, TextSource.PLAIN_TEXT, "plain text")))


@contextmanager
def timer() -> Iterator[list[float]]:
    """Yields a list that holds the elapsed seconds once the block ends."""
    elapsed: list[float] = []
    started = time.perf_counter()
    yield elapsed
    elapsed.append(time.perf_counter() - started)


def fold(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, as a page name spells them (``Thông tư`` → ``thong-tu``)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z0-9]+", "-", "".join(c for c in text if not unicodedata.combining(c)).lower()).strip("-")


@dataclass(frozen=True)
class Slug:
    """A vbpl.vn page name (``thong-tu-so-06-2026-tt-bxd-cong-bo-vung-nuoc-…--187112``) read in its parts: the words
    before the number (the type; a law's name too: ``luat-bao-chi``), the number, its year, the words after them (the
    symbol, then the title) and the page after ``--`` (``vbpqta…`` for an English translation)."""

    before: str
    number: str
    year: str | None
    after: list[str]
    page: str

    @property
    def key(self) -> tuple[str, str | None, str]:
        """Number, year and the symbol's first word (``01-2026-tt-bnv`` → 1, 2026, tt)."""
        return self.number, self.year, self.after[0]


def read_slug(slug: str) -> Slug | None:
    """The parts of a page name (or of a folded number-symbol), None when it spells no number with a symbol."""
    words, _, page = slug.partition("--")
    match = SLUG_NUMBER.search(words)
    if match is None:
        return None
    before = re.sub(r"(?:^|-)so$", "", words[: match.start()])
    return Slug(before, match[1].lstrip("0") or "0", match[2], words[match.start(3) :].split("-"), page)


def printed(head: str, folded_number: str) -> bool:
    """Does the head of the text print this folded number-symbol, its pieces maybe split over lines?"""
    return any(f"-{folded_number}-" in f"-{fold(head.replace(chr(10), glue))}-" for glue in GLUES_OF_LINES)


def text_agrees(slug: str, head: str, number_symbol: str | None) -> bool | None:
    """The header's number-symbol against the one the text prints where it prints the slug's number, year and
    type (the slug spells ``tt-bt`` for a printed ``TT-BTC``, ``01`` for ``1``); None when the text prints
    another number or none (an English translation, a draft's ``Số: /2025/…``, a page holding another text)."""
    reading = read_slug(slug)
    if reading is None:
        return None
    number, year, symbol = reading.key
    year_part = f"{year}-" if year else ""
    own = re.compile(rf"(?:^|-)0*{number}-{year_part}{symbol}(?![a-z0-9])")
    if not any(own.search(fold(head.replace("\n", glue))) for glue in GLUES_OF_LINES):
        return None
    read = fold(number_symbol or "")
    found = read_slug(read)
    return bool(read) and (f"-{read}-" in f"-{slug}-" or (found is not None and found.key == reading.key
                                                          and printed(head, read)))
