"""Run settings: everything that changes the output, in one picklable value."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

LIMITS = ("page_timeout", "document_timeout", "worker_memory_mb")  # settings that stop work, not shape rows


@dataclass(frozen=True)
class Settings:
    """Knobs of a run. Defaults are the OCR settings measured in shared/docs/vietnamese-documents.md."""

    ocr_language: str = "vie"
    ocr_dpi: int = 300
    ocr_psm: int = 3
    ocr_thresholding_method: int = 2  # Sauvola
    ocr_preparation: bool = True  # prepare page images where measured to need it (pipeline/ingest/prepare.py)
    osd_below_confidence: float = 60.0  # a page read with a lower mean word confidence is checked for orientation
    ocr_correction: bool = True  # correct OCR'd syllables with the bigram model (pipeline/ocr/correction.py)
    min_text_quality: float = 0.6  # below this a text (or a legacy font's reading) is not taken as Vietnamese
    sure_text_quality: float = 0.9  # a PDF page's text layer scoring less is compared with OCR, the better kept
    min_text_layer_chars: int = 20  # fewer characters than this on a PDF page: OCR it
    max_render_pixels: int = 60_000_000  # a page larger than this at ocr_dpi is rendered at a lower resolution
    page_timeout: float = 180.0  # seconds for one page's OCR
    document_timeout: float = 600.0  # seconds for reading or finishing one document
    worker_memory_mb: int = 4096  # address-space ceiling of a worker process (and the tesseract it starts)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)
