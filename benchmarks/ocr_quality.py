"""OCR quality and cost against plain tesseract, measured in the same run on the same pages.

Pages: every image the gold pairs with a hand-typed ground truth (tests/gold/ocr.json), and the texts rendered as
office scans, phone photos and PNGs by scripts/render_scans.py (rendered afresh into a temporary folder; their ground
truth is the text printed). Each file is read one page after the other with one thread:
- plain tesseract: the `tesseract` command with the settings measured in the shared docs (vie, psm 3, Sauvola) on
  the image file as it is (a PDF page rendered at 300 dpi), the baseline of issue #9;
- vanban's OCR without the syllable correction;
- vanban's OCR as it runs: preparation chosen per page, columns read apart, syllable correction.
Prints, per file, CER, WER and order-free WER (words as a bag: reading order aside) of plain tesseract and vanban
(NFC, lower case, punctuation dropped: pipeline.evaluate.ocr), seconds per page of both, and what the correction
changed: words changed, of those fixed (now equal to the ground truth word they align with) and broken (equal to it
before the correction, a right word changed). vanban must never be worse than plain tesseract. Goals (#9, #16): WER ≤ 8 % on
average and ≤ 10 % on each ailab_4_1 variant, CER ≤ 1 % on the rendered samples, time ≤ 1.5× plain.
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from common import ROOT, timer

from pipeline import ingest
from pipeline.evaluate.ocr import comparable, error_rates
from pipeline.evaluate.run import DEFAULT_SEARCH, locate
from pipeline.ingest.ocr import OcrJob, page_image, recognize
from pipeline.settings import Settings

GOLD = ROOT / "tests" / "gold"
sys.path.insert(0, str(ROOT / "scripts"))


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


def order_free_wer(hypothesis: str, reference: str) -> float:
    """Word error with the words taken as a bag: unmatched words of the longer side over the reference words."""
    hyp, ref = Counter(comparable(hypothesis).split()), Counter(comparable(reference).split())
    matched = sum((hyp & ref).values())
    return (max(sum(hyp.values()), sum(ref.values())) - matched) / max(1, sum(ref.values()))


def correction_changes(before: str, after: str, truth: str) -> tuple[int, int, int]:
    """Words the correction changed, how many of them are now the ground truth's word they align with (fixed) and
    how many were that word before (broken)."""
    read, fixed, gold = comparable(before).split(), comparable(after).split(), comparable(truth).split()
    if len(read) != len(fixed):  # the correction changes words one for one; a different layout cannot be compared
        return 0, 0, 0
    aligned: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, read, gold, autojunk=False).get_opcodes():
        if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
            aligned.update({i1 + k: j1 + k for k in range(i2 - i1)})
    changed = [i for i, (a, b) in enumerate(zip(read, fixed, strict=True)) if a != b]
    fixes = sum(i in aligned and fixed[i] == gold[aligned[i]] for i in changed)
    return len(changed), fixes, sum(i in aligned and read[i] == gold[aligned[i]] for i in changed)


def pairs() -> list[tuple[Path, str, list[str]]]:
    """(file, ground truth, stamp texts) of the gold pages and of freshly rendered dev scans."""
    found = []
    for pair in json.loads((GOLD / "ocr.json").read_text(encoding="utf-8")):
        truth = locate(pair["ground_truth"], DEFAULT_SEARCH).read_text(encoding="utf-8")
        found.append((locate(pair["file"], DEFAULT_SEARCH), truth, pair.get("stamp_text", [])))
    from render_scans import RENDERED, render

    rendered = Path(tempfile.mkdtemp(prefix="vanban-rendered-"))
    for rendering in RENDERED:
        if any(path.stem == rendering.name for path, _, _ in found):  # in the gold already
            continue
        entry = render(rendering, rendered)
        truth = (rendered / entry["ground_truth"]).read_text(encoding="utf-8")
        found.append((rendered / entry["file"], truth, entry["stamp_text"]))
    return found


def main() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    ours = Settings()
    runs = {"plain tesseract": None, "uncorrected": replace(ours, ocr_correction=False), "vanban": ours}
    print(f"{'CER / WER / bag WER / s per page':40} | {'plain tesseract':>29} | {'vanban':>29} | correction")
    seconds = dict.fromkeys(runs, 0.0)
    worse, changed, right, broken = [], 0, 0, 0
    for path, truth, stamps in pairs():
        texts, cells = {}, []
        for name, settings in runs.items():
            text, elapsed, pages = read_pages(path, settings)
            if not pages:  # a text layer: nothing to OCR
                break
            texts[name] = text
            seconds[name] += elapsed
            if name != "uncorrected":
                rates = error_rates(text, truth, stamps)
                cells.append((rates.cer, rates.wer, order_free_wer(text, truth), elapsed / pages))
        if not cells:
            continue
        n, ok, bad = correction_changes(texts["uncorrected"], texts["vanban"], truth)
        changed, right, broken = changed + n, right + ok, broken + bad
        if cells[1][1] > cells[0][1]:
            worse.append(path.name)
        row = " | ".join(f"{c:6.2%} {w:6.2%} {b:6.2%} {s:5.1f}" for c, w, b, s in cells)
        print(f"{path.name:40} | {row} | {n} changed, {ok} fixed, {bad} broken")
    print(f"correction: {changed} words changed, {right} fixed ({right / max(1, changed):.0%}), {broken} right words broken")
    print(f"time, vanban / plain tesseract: {seconds['vanban'] / seconds['plain tesseract']:.2f}×  (goal ≤ 1.5×)")
    print(f"files where vanban reads worse than plain tesseract: {', '.join(worse) or 'none'}")


if __name__ == "__main__":
    main()
