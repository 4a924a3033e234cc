"""OCR quality and cost against plain tesseract, measured in the same run on the same pages.

For every image the gold pairs with a hand-typed ground truth (tests/gold/ocr.json), each page read one after the
other with one thread:
- plain tesseract: the `tesseract` command with the settings measured in the shared docs (vie, psm 3, Sauvola) on
  the image file as it is (a PDF page rendered at 300 dpi), the baseline of issue #9;
- vanban's OCR with neither preparation nor correction (only the resolution estimated for images without one);
- vanban's OCR as it runs: preparation chosen per page, syllable correction. Prints CER and WER of both
(NFC, lower case, punctuation dropped: pipeline.evaluate.ocr) and seconds per page of both. Goals (#9): WER ≤ 8 %
on average and ≤ 10 % on each ailab_4_1 variant, CER ≤ 1 % on the rendered samples, time ≤ 1.5× plain.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from common import ROOT, timer

from pipeline import ingest
from pipeline.evaluate.ocr import error_rates
from pipeline.evaluate.run import DEFAULT_SEARCH, locate
from pipeline.ingest.ocr import OcrJob, page_image, recognize
from pipeline.settings import Settings

GOLD = ROOT / "tests" / "gold"


def plain_tesseract(job: OcrJob, settings: Settings) -> str:
    """The page read by the tesseract command, as a user would run it on the file."""
    with page_image(job, settings) as (image, dpi), tempfile.TemporaryDirectory() as out:
        command = ["tesseract", job.source if job.kind == "image" else str(image), f"{out}/page"]
        command += ["-l", settings.ocr_language, "--psm", str(settings.ocr_psm)]
        command += ["-c", f"thresholding_method={settings.ocr_thresholding_method}"]
        command += ["--dpi", str(dpi)] if job.kind == "pdf" else []
        subprocess.run(command, check=True, capture_output=True)
        return Path(f"{out}/page.txt").read_text(encoding="utf-8")


def read_pages(path: Path, settings: Settings | None) -> tuple[str, float, int]:
    """The OCR text of a file's pages (by plain tesseract when `settings` is None), the seconds it took, and the
    number of pages."""
    jobs = ingest.read(path, str(path), ingest.sha256_of(path), Settings()).ocr_jobs
    with timer() as elapsed:
        pages = [plain_tesseract(job, Settings()) if settings is None else recognize(job, settings).text for job in jobs]
    return "\n\n".join(pages), elapsed[0], len(pages)


def main() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    ours = Settings()
    runs = {"plain tesseract": None, "no prep.": replace(ours, ocr_preparation=False, ocr_correction=False), "vanban": ours}
    pairs = json.loads((GOLD / "ocr.json").read_text(encoding="utf-8"))
    print(f"{'CER / WER / s per page':26}" + "".join(f" | {name:>22}" for name in runs))
    seconds = dict.fromkeys(runs, 0.0)
    for pair in pairs:
        path = locate(pair["file"], DEFAULT_SEARCH)
        truth = locate(pair["ground_truth"], DEFAULT_SEARCH).read_text(encoding="utf-8")
        cells = []
        for name, settings in runs.items():
            text, elapsed, pages = read_pages(path, settings)
            if not pages:  # a text layer: nothing to OCR
                break
            rates = error_rates(text, truth, pair.get("stamp_text", ()))
            seconds[name] += elapsed
            cells.append(f"{rates.cer:7.2%} {rates.wer:7.2%} {elapsed / pages:6.2f}")
        if cells:
            print(f"{pair['file']:26}" + "".join(f" | {cell:>22}" for cell in cells))
    print(f"time, vanban / plain tesseract: {seconds['vanban'] / seconds['plain tesseract']:.2f}×  (goal ≤ 1.5×)")


if __name__ == "__main__":
    main()
