"""Page image preparation before OCR, each step taken only when a measurement of the page calls for it.

- red ink (seals, red stamps) over black text: the red channel is taken as the grey image, where red is as light
  as the paper (a blue incoming stamp stays: its number and date are read into the documents table);
- small letters (a phone photo of a whole page: 576×960 px gives letters about 8 px high; tesseract reads letters
  under about 10 px badly): the page is upscaled.
Tesseract's own Sauvola thresholding binarises afterwards; it copes with uneven light and small skew by itself:
dividing the page by its background (a morphological closing) made the phone photo sample worse (WER 1.5 → 2.4 %)
and the dark variant of ailab_4_1 no better, so it is not done.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

RED_SHARE = 0.002  # share of the page's pixels in saturated red above which red ink is suppressed
MIN_LETTER_HEIGHT = 12  # px: a median letter (between x-height and capital height) smaller than this is upscaled
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


def prepare(page: np.ndarray, dpi: int) -> Prepared:
    """Prepare a page (BGR or grey) read at `dpi` for tesseract."""
    steps: list[str] = []
    if page.ndim == 3 and red_share(page) > RED_SHARE:
        grey = page[..., 2].copy()
        steps.append("red ink suppressed")
    else:
        grey = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY) if page.ndim == 3 else page
    letter = letter_height(grey)
    if 0 < letter < MIN_LETTER_HEIGHT:
        grey = cv2.resize(grey, None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC)
        dpi = round(dpi * UPSCALE)
        steps.append(f"upscaled ×{UPSCALE:g} (letters {letter:g} px)")
    return Prepared(grey, dpi, tuple(steps))
