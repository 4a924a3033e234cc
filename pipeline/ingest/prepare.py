"""Page image preparation before OCR, each step taken only when a measurement of the page calls for it.

- red ink (seals, red stamps) over black text: the red channel is taken as the grey image, where red is as light
  as the paper (a blue incoming stamp stays: its number and date are read into the documents table);
- printed horizontal rules (under the motto and the issuer, table borders) are whitened: letters they touch are
  misread;
- small letters (a phone photo of a whole page: 576×960 px gives letters about 8 px high; tesseract reads letters
  under about 10 px badly): the page is upscaled.
Tesseract's own Sauvola thresholding binarises afterwards; it copes with uneven light and small skew by itself:
dividing the page by its background (a morphological closing) made the phone photo sample worse (WER 1.5 → 2.4 %)
and the dark variant of ailab_4_1 no better, so it is not done.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

RED_SHARE = 0.002  # share of the page's pixels in saturated red above which red ink is suppressed
MIN_LETTER_HEIGHT = 12  # px: a median letter (between x-height and capital height) smaller than this is upscaled
RULE_INCHES = 0.75  # a horizontal run of ink this long is a rule, not letters (a bold word has gaps) …
RULE_LETTERS = 6  # … and as long as this many letter heights (the tops of a blurred word run together) …
RULE_MAX_INCHES = 0.02  # … no thicker than this (a 1 pt rule, blurred) …
RULE_FILL = 0.7  # … and this solid
MIN_INK_PIXELS = 500  # fewer ink pixels than this cannot be split into print and stamp
PAPER_MARGIN = 40  # grey levels under the paper's (the median) where ink begins
UPSCALE = 2.0  # ×3 read worse than ×2 on the 576×960 photos, and costs more


@dataclass(frozen=True)
class Prepared:
    """A prepared grey page, the resolution to tell tesseract, and what was done (for the page's decision)."""

    image: np.ndarray
    dpi: int
    steps: tuple[str, ...]


def red_share(page: np.ndarray) -> float:
    """Share of pixels of a BGR page in saturated red (seal ink)."""
    hsv = cv2.cvtColor(page, cv2.COLOR_BGR2HSV)
    hue, saturation, value = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    red = ((hue < 10) | (hue > 170)) & (saturation > 100) & (value > 80)
    return float(red.mean())


def letter_height(grey: np.ndarray) -> float:
    """Median height in px of the connected dark marks the size of letters (0 when there are none)."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    widths = stats[1:, cv2.CC_STAT_WIDTH]
    letters = heights[(heights >= 4) & (heights <= grey.shape[0] // 20) & (widths <= 3 * heights)]
    return float(np.median(letters)) if letters.size else 0.0


def horizontal_rules(grey: np.ndarray, dpi: int, letter: float) -> np.ndarray:
    """Mask of the printed horizontal rules (under the issuer and the national motto, under a title, table borders):
    solid runs of ink at least RULE_INCHES and RULE_LETTERS letters long and thinner than half a letter and RULE_MAX_INCHES (in a blurred
    photo a line of letters runs together as long, but neither so thin nor so solid). Tesseract reads the underlined motto
    ``Độc lập - Tự do - Hạnh phúc`` as ``POIDp TỊUU HU DUỤC`` where the rule touches its descenders."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    length = round(max(RULE_INCHES * dpi, RULE_LETTERS * letter))
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    heights, widths, area = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_AREA]
    thin = (heights <= max(2.0, min(letter / 2, RULE_MAX_INCHES * dpi))) & (area >= RULE_FILL * heights * widths)
    thin[0] = False
    return cv2.dilate(thin[labels].astype(np.uint8), np.ones((3, 1), np.uint8)).astype(bool)


def without_light_ink(grey: np.ndarray) -> np.ndarray | None:
    """The grey image with its lighter ink whitened: a grey seal or stamp over black print (a photocopy, a grey
    scan) is lighter than the print, so the ink splits in two levels (Otsu's threshold within the ink). None when
    there is too little ink to tell."""
    dark = _print_level(grey)
    return None if dark is None else np.where(grey > dark, np.uint8(255), grey)


def stray_ink_share(grey: np.ndarray) -> float:
    """Share of the ink that is lighter than the print and away from it (a grey seal or stamp; the soft edges of
    printed letters lie next to their dark cores): about 0.002 on plain print, 0.26–0.53 where a seal or a stamp
    crosses it, 0.03–0.10 on a phone photo's uneven light."""
    dark = _print_level(grey)
    if dark is None:
        return 0.0
    print_ink = cv2.dilate((grey <= dark).astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    paper = float(np.median(grey))
    stray = (grey > dark) & (grey < paper - PAPER_MARGIN) & ~print_ink
    ink = int((grey < paper - PAPER_MARGIN).sum())
    return float(stray.sum()) / ink if ink else 0.0


def _print_level(grey: np.ndarray) -> float | None:
    """The grey level under which ink is the print's, not a lighter stamp's (Otsu's threshold within the ink); None
    when there is too little ink to tell."""
    level, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = grey[grey < level]
    if ink.size < MIN_INK_PIXELS:
        return None
    dark, _ = cv2.threshold(ink.reshape(1, -1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return dark


def prepare(page: np.ndarray, dpi: int) -> Prepared:
    """Prepare a page (BGR or grey) read at `dpi` for tesseract."""
    steps: list[str] = []
    if page.ndim == 3 and red_share(page) > RED_SHARE:
        grey = page[..., 2].copy()
        steps.append("red ink suppressed")
    else:
        grey = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY) if page.ndim == 3 else page
    letter = letter_height(grey)
    rules = horizontal_rules(grey, dpi, letter)
    if rules.any():
        grey = np.where(rules, np.uint8(255), grey)
        steps.append("rules removed")
    if 0 < letter < MIN_LETTER_HEIGHT:
        grey = cv2.resize(grey, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC)
        dpi = round(dpi * UPSCALE)
        steps.append(f"upscaled ×{UPSCALE:g} (letters {letter:g} px)")
    return Prepared(grey, dpi, tuple(steps))


def engine_file(pixels: np.ndarray, folder: Path, name: str) -> Path:
    """Pixels (grey or BGR) written into `folder` for the OCR engine to read: uncompressed PNM, the same pixels as
    a PNG but about 30× quicker to write (0.006 s against 0.17 s for an A4 page at 300 dpi, PNG at its fastest
    level) and read as quickly by tesseract."""
    target = folder / f"{name}.pnm"
    cv2.imwrite(str(target), pixels)
    return target
