"""Page image preparation before OCR, each step taken only when a measurement of the page calls for it.

- red ink (seals, red stamps) over black text: the red channel is taken as the grey image, where red is as light
  as the paper (a blue incoming stamp stays: its number and date are read into the documents table);
- printed horizontal rules (under the motto and the issuer, table borders) are whitened: letters they touch are
  misread;
- small letters (a phone photo of a whole page: 576×960 px gives letters about 8 px high; tesseract reads letters
  under about 10 px badly): the page is upscaled;
- a page skewed by 1.5° or more (a sheet laid askew on the scanner): it is turned straight. Tesseract's page
  layout loses whole lines of a skewed page told its resolution: a page of justified lines skewed by 2° read at
  300 dpi gave 431 of its 585 words, the same page straight all of them.
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
MIN_SKEW = 1.5  # degrees: a page skewed less is read as it is: tesseract copes, and turned back by 1.0-1.2° (the
# interpolation blurs) a seal-crossed date line and a number line under a stamp were read worse than as they were
MAX_SKEW = 6.0  # degrees: the skews looked for (a page turned further is a matter for orientation detection)
SKEW_WIDTH = 600  # px: the width at which the skew is measured
SKEW_GAIN = 1.25  # a skew is taken when straightening makes the rows this much more uneven (a page of a few lines
# or a signature alone gives no measure: 1.05 on such pages, 1.3 to 2.8 on pages of text skewed 1 to 2.5°)


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
    rules = np.zeros(grey.shape, np.uint8)
    rows = np.flatnonzero(runs.any(axis=1))
    if rows.size:  # the runs are measured on the rows that hold any (a page has a few): the same components
        top, bottom = rows[0], rows[-1] + 1
        count, labels, stats, _ = cv2.connectedComponentsWithStats(runs[top:bottom], connectivity=8)
        heights, widths, area = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_AREA]
        thin = (heights <= max(2.0, min(letter / 2, RULE_MAX_INCHES * dpi))) & (area >= RULE_FILL * heights * widths)
        thin[0] = False
        rules[top:bottom] = thin[labels]
    return cv2.dilate(rules, np.ones((3, 1), np.uint8)).astype(bool)


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
    angle = skew(grey)
    if abs(angle) >= MIN_SKEW:
        grey = straightened(grey, angle)
        steps.append(f"deskewed {angle:+.1f}°")
    if 0 < letter < MIN_LETTER_HEIGHT:
        grey = cv2.resize(grey, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC)
        dpi = round(dpi * UPSCALE)
        steps.append(f"upscaled ×{UPSCALE:g} (letters {letter:g} px)")
    return Prepared(grey, dpi, tuple(steps))


def skew(grey: np.ndarray) -> float:
    """The angle in degrees (counter-clockwise) by which the page's lines of text are turned: the angle whose
    straightening makes the rows of ink most uneven (lines and the gaps between them apart), measured on the page
    scaled to SKEW_WIDTH, in half degrees and then in tenths around the best; 0 where no angle within MAX_SKEW makes
    them SKEW_GAIN times as uneven as they are."""
    scale = SKEW_WIDTH / grey.shape[1]
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = ink.astype(np.float32)
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def unevenness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, -angle, 1.0), ink.shape[::-1])
        return float(np.var(turned.sum(axis=1)))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.25, 0.5), key=unevenness)
    best = float(max(np.arange(coarse - 0.4, coarse + 0.45, 0.1), key=unevenness))
    as_is = unevenness(0.0)
    if abs(best) > MAX_SKEW or not as_is or unevenness(best) < SKEW_GAIN * as_is:
        return 0.0
    return round(best, 1)


def straightened(grey: np.ndarray, angle: float) -> np.ndarray:
    """The page turned back by `angle` degrees, the corners filled with its paper (its median grey)."""
    h, w = grey.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    paper = int(np.median(grey))
    return cv2.warpAffine(grey, turn, (w, h), flags=cv2.INTER_CUBIC, borderValue=paper)


def engine_file(pixels: np.ndarray, folder: Path, name: str) -> Path:
    """Pixels (grey or BGR) written into `folder` for the OCR engine to read: uncompressed PNM, the same pixels as
    a PNG but about 30× quicker to write (0.006 s against 0.17 s for an A4 page at 300 dpi, PNG at its fastest
    level) and read as quickly by tesseract."""
    target = folder / f"{name}.pnm"
    cv2.imwrite(str(target), pixels)
    return target
