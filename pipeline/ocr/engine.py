"""The OCR engine behind one interface: a page image file in, words with boxes and confidences out.

Tesseract is the engine; this is the only module that knows its options (language model, page segmentation,
thresholding) and its command. Preparation, orientation, reading order and correction work on :class:`Word`
values. :func:`identity` names the engine, its version and its language model, for the results-store fingerprint:
a tesseract upgrade or another ``vie.traineddata`` reprocesses the documents it read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

import pytesseract

from pipeline.model import LayoutLine
from pipeline.settings import Settings


BLOCK_PSM = 6  # tesseract's page segmentation mode for a single uniform block of text
CACHE = "VANBAN_OCR_CACHE"  # a folder named by this variable keeps the words read per image and options (benchmarks)


class EngineTimeout(Exception):
    """The engine took longer than allowed for the page and was stopped."""


class EngineFailure(Exception):
    """The engine could not read the page."""


@dataclass(frozen=True)
class Word:
    """A word as the engine read it: text, box in pixels (origin top-left), confidence 0–100 and the line it
    belongs to (block, paragraph, line numbers: words of one line share it)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]


def placed(reading: list[Word], left: int, top: int, page: Iterable[Word]) -> list[Word]:
    """The words read from a cut-out of a page whose corner lies at (`left`, `top`), moved to their place on the page
    and their blocks numbered after every block of the page's words (`page`): a line of theirs is never taken for a
    line of the page's. (Fixed block offsets for columns read again and for lost lines once gave both the same
    numbers: src-congbot-26's last body line, read again, joined the national line read in its column.)"""
    first = max((w.line[0] for w in page), default=0) + 1
    return [replace(w, left=w.left + left, top=w.top + top, line=(first + w.line[0], *w.line[1:])) for w in reading]


def text_of(words: Iterable[Word]) -> str:
    """The words' texts, a space between (a reading of a line or a region as one string)."""
    return " ".join(w.text for w in words)


def within(word: Word, box: LayoutLine) -> bool:
    """Does the centre of `word` lie in `box` (a line, a column, a region of the page)?"""
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return box.x0 <= x <= box.x1 and box.top <= y <= box.bottom


def read_again(words: list[Word], box: LayoutLine, reading: list[Word]) -> list[Word]:
    """The page's words with those in `box` (:func:`within`) replaced by `reading`, the region's words read again
    (a place-date line, an adoption sentence, a column)."""
    return [w for w in words if not within(w, box)] + reading


@dataclass(frozen=True)
class Tesseract:
    """Tesseract with its LSTM engine, one language model, a page segmentation mode and a thresholding method."""

    language: str = "vie"
    psm: int = 3
    thresholding_method: int = 2  # Sauvola

    def config(self, dpi: int | None, block: bool = False) -> str:
        psm = BLOCK_PSM if block else self.psm
        config = f"--oem 1 --psm {psm} -c thresholding_method={self.thresholding_method}"
        return f"{config} --dpi {dpi}" if dpi else config

    def words(self, image: Path, dpi: int | None, timeout: float, block: bool = False) -> list[Word]:
        """The words on the page image file `image` (resolution `dpi`; None: the file says), blanks left out; with
        `block`, the image is one block of text (a column cut out of a page), not a page to lay out. Raises
        :class:`EngineTimeout` or :class:`EngineFailure`."""
        stored = _cached(image, self.config(dpi, block) + self.identity())
        if stored and stored.is_file():
            return [Word(**{**w, "line": tuple(w["line"])}) for w in json.loads(stored.read_text(encoding="utf-8"))]
        words = self._read(image, dpi, timeout, block)
        if stored:
            stored.write_text(json.dumps([asdict(w) for w in words], ensure_ascii=False), encoding="utf-8")
        return words

    def _read(self, image: Path, dpi: int | None, timeout: float, block: bool) -> list[Word]:
        try:
            data = pytesseract.image_to_data(
                str(image), lang=self.language, config=self.config(dpi, block), timeout=timeout,
                output_type=pytesseract.Output.DICT,
            )  # fmt: skip
        except (pytesseract.TesseractError, OSError) as e:  # TesseractError is a RuntimeError: caught first
            raise EngineFailure(f"tesseract failed: {e}") from e
        except RuntimeError as e:  # pytesseract's way of saying it killed tesseract on timeout
            raise EngineTimeout(f"OCR took longer than {timeout:g} s") from e
        return [
            Word(
                data["text"][i].strip(), data["left"][i], data["top"][i], data["width"][i], data["height"][i],
                float(data["conf"][i]), (data["block_num"][i], data["par_num"][i], data["line_num"][i]),
            )  # fmt: skip
            for i in range(len(data["text"]))
            if data["text"][i].strip()
        ]

    def rotation(self, image: Path, timeout: float) -> int | None:
        """Degrees clockwise that turn the page upright (0, 90, 180, 270) by orientation detection, None when it
        cannot tell (too few letters) or fails."""
        try:
            osd = pytesseract.image_to_osd(
                str(image), config="--psm 0", timeout=timeout, output_type=pytesseract.Output.DICT
            )
        except (pytesseract.TesseractError, RuntimeError, OSError):
            return None
        return int(osd.get("rotate", 0))

    def identity(self) -> str:
        """Engine, version and language model (content hash), e.g. ``tesseract 5.3.0 vie:3f2a…``."""
        return _tesseract_identity(self.language)


def _cached(image: Path, options: str) -> Path | None:
    """Where the words of this image file read with these options are kept, when ``VANBAN_OCR_CACHE`` names a
    folder: the benchmarks read the same pages many times over, and OCR is most of their time."""
    folder = os.environ.get(CACHE)
    if not folder:
        return None
    digest = hashlib.sha256(image.read_bytes() + options.encode()).hexdigest()
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder) / f"{digest}.json"


@cache
def _tesseract_identity(language: str) -> str:
    try:
        listing = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
        version = str(pytesseract.get_tesseract_version())
    except (OSError, subprocess.SubprocessError, pytesseract.TesseractNotFoundError):
        return "tesseract (not installed)"
    folder = re.search(r'"(.+?)"', listing)
    model = Path(folder[1]) / f"{language}.traineddata" if folder else None
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16] if model and model.is_file() else "missing"
    return f"tesseract {version} {language}:{digest}"


def engine_of(settings: Settings) -> Tesseract:
    """The engine as the run's settings configure it."""
    return Tesseract(settings.ocr_language, settings.ocr_psm, settings.ocr_thresholding_method)
