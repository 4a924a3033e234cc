"""Scanned-page throughput of `vanban run` against the ideal: cores × the speed of one plain tesseract process.

The plain tesseract runs on the very page images vanban OCRs (PDF pages rendered at 300 dpi, image files as they
are), one after another with one thread; the ideal is cores / (mean seconds per page). Goal: ratio ≥ 0.9.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from common import CORES, ROOT, SCANS, timer

from pipeline import batch, ingest
from pipeline.ingest.ocr import page_image
from pipeline.ocr.engine import engine_of
from pipeline.settings import Settings


def scanned_inputs() -> list[Path]:
    scans = [SCANS / "ailab_1_scan_kodak-ocr-layer.pdf", SCANS / "ailab_2_scan_image-only.pdf", SCANS / "ailab_4_1.jpg"]
    scans += sorted((SCANS / "augmented").glob("*.jpg"))
    scans += sorted(p for p in (ROOT / "data" / "raw").iterdir() if p.suffix in (".pdf", ".jpg"))
    return scans


def plain_tesseract_seconds(paths: list[Path], settings: Settings) -> list[float]:
    """Seconds of one plain `tesseract` process per OCR page, run one at a time."""
    seconds = []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    for path in paths:
        for job in ingest.read(path, str(path), ingest.sha256_of(path), settings).ocr_jobs:
            with page_image(job, settings) as (image, dpi), tempfile.TemporaryDirectory() as out:
                command = ["tesseract", str(image), f"{out}/page", "-l", settings.ocr_language]
                command += engine_of(settings).config(dpi).split()
                with timer() as elapsed:
                    subprocess.run(command, check=True, capture_output=True, env=env)
                seconds.append(elapsed[0])
    return seconds


def main() -> None:
    settings = Settings()
    paths = scanned_inputs()
    single = plain_tesseract_seconds(paths, settings)
    ideal = CORES / (sum(single) / len(single))
    with tempfile.TemporaryDirectory() as out, timer() as elapsed:
        summary = batch.run(paths, Path(out), settings, jobs=CORES, progress=False)
    actual = summary.ocr_pages / elapsed[0]
    print(f"OCR pages: {summary.ocr_pages} in {len(paths)} files; cores: {CORES}")
    print(f"plain tesseract: {sum(single) / len(single):.2f} s/page → ideal {ideal:.3f} pages/s on {CORES} cores")
    print(f"vanban run: {elapsed[0]:.1f} s → {actual:.3f} pages/s")
    print(f"throughput ratio (vanban / ideal): {actual / ideal:.2f}  (goal ≥ 0.9)")


if __name__ == "__main__":
    main()
