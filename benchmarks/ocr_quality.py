"""OCR quality against plain tesseract, measured in the same run on the same pages, page by page.

Pages: every image the gold pairs with a hand-typed ground truth (tests/gold/ocr.json: the real photo ailab_4_1, its
five degraded variants, the sample scans), and the texts rendered as office scans, phone photos and PNGs by
scripts/render_scans.py (rendered afresh into a temporary folder; the ground truth of each page is the text printed
on it). Each page is read with one thread:
- plain tesseract: the `tesseract` command with the settings measured in the shared docs (vie, psm 3, Sauvola) on
  the image file as it is (a PDF page rendered at 300 dpi), the baseline of issue #9;
- vanban's OCR without the syllable correction;
- vanban's OCR as it runs: preparation chosen per page, columns read apart, syllable correction.
Prints, per page (per file where only the file's ground truth is known), the order-free WER (words as a bag: reading
order aside, stamp words dropped as pipeline.evaluate.ocr does) of plain tesseract and vanban, vanban's CER and WER,
and what the correction changed: words changed, of those fixed (now equal to the ground truth word they align with)
and broken (equal to it before the correction, a right word changed). Then the photos' mean and worst order-free
WER, the correction's totals, and every page where vanban reads worse than plain tesseract (#16: none).
Goals (#9, #16): order-free WER on the photos ≤ 5 % mean and ≤ 9 % worst; never worse than plain tesseract (a row
where it is ends with WORSE; those pages are listed again at the end, with the difference).

Arguments name the files to measure (any part of a file name: ``python benchmarks/ocr_quality.py congbot-18
doc_000212``); none measures all. Only the chosen renderings are rendered.

With VANBAN_OCR_CACHE naming a folder, the words tesseract reads are kept there per image and options
(pipeline.ocr.engine), and so is plain tesseract's text: a second run costs little. Time against plain tesseract is
printed only without the cache.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from common import ROOT, timer

from pipeline import ingest
from pipeline.evaluate.ocr import comparable, error_rates
from pipeline.evaluate.run import DEFAULT_SEARCH, locate
from pipeline.ingest.ocr import OcrJob, page_image, recognize
from pipeline.ocr.engine import CACHE
from pipeline.settings import Settings

GOLD = ROOT / "tests" / "gold"
sys.path.insert(0, str(ROOT / "scripts"))
PHOTOS = (".jpg", ".jpeg")


@dataclass(frozen=True)
class Sample:
    """A file with its ground truth, the texts stamps print on it, and the truth of each page when known."""

    path: Path
    truth: str
    stamps: list[str]
    page_truths: list[str] | None = None


def plain_tesseract(job: OcrJob, settings: Settings) -> str:
    """The page read by the tesseract command, as a user would run it on the file (kept in the OCR cache)."""
    with page_image(job, settings) as (image, dpi), tempfile.TemporaryDirectory() as out:
        source = Path(job.source if job.kind == "image" else image)
        options = ["-l", settings.ocr_language, "--psm", str(settings.ocr_psm)]
        options += ["-c", f"thresholding_method={settings.ocr_thresholding_method}"]
        options += ["--dpi", str(dpi)] if job.kind == "pdf" else []
        folder = os.environ.get(CACHE)
        digest = hashlib.sha256(source.read_bytes() + " ".join(options).encode()).hexdigest()
        stored = Path(folder) / f"plain-{digest}.txt" if folder else None
        if stored and stored.is_file():
            return stored.read_text(encoding="utf-8")
        subprocess.run(["tesseract", str(source), f"{out}/page", *options], check=True, capture_output=True)
        text = Path(f"{out}/page.txt").read_text(encoding="utf-8")
        if stored:
            Path(folder).mkdir(parents=True, exist_ok=True)
            stored.write_text(text, encoding="utf-8")
        return text


def read_pages(path: Path, settings: Settings | None) -> tuple[list[str], float]:
    """The OCR text of each of a file's pages (by plain tesseract when `settings` is None) and the seconds it took;
    no pages for a file with a text layer."""
    jobs = ingest.read(path, str(path), ingest.sha256_of(path), Settings()).ocr_jobs
    with timer() as elapsed:
        pages = [plain_tesseract(job, Settings()) if settings is None else recognize(job, settings).text for job in jobs]
    return pages, elapsed[0]


def order_free_wer(hypothesis: str, reference: str, stamps: Sequence[str] = ()) -> float:
    """Word error with the words taken as a bag: unmatched words of the longer side over the reference words. Words
    the stamps print are dropped from the hypothesis where the reference has no more of them (a bag has no runs)."""
    hyp, ref = Counter(comparable(hypothesis).split()), Counter(comparable(reference).split())
    hyp -= (hyp - ref) & Counter(comparable(" ".join(stamps)).split())
    matched = sum((hyp & ref).values())
    return (max(sum(hyp.values()), sum(ref.values())) - matched) / max(1, sum(ref.values()))


def correction_changes(before: str, after: str, truth: str) -> tuple[int, int, int]:
    """Words the correction changed, how many of them are now the ground truth's word they align with (fixed) and
    how many were that word before (broken). A word it split in two (two syllables read run together) is one change,
    fixed when the two stand in the ground truth where the word stood."""
    read, fixed, gold = comparable(before).split(), comparable(after).split(), comparable(truth).split()
    aligned: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, read, gold, autojunk=False).get_opcodes():
        if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
            aligned.update({i1 + k: j1 + k for k in range(i2 - i1)})
    changed: list[tuple[int, list[str]]] = []  # a word read, and the words it became
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, read, fixed, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            changed += [(i1 + k, fixed[j1 + k : j1 + k + 1]) for k in range(i2 - i1)]
        elif tag == "replace" and i2 - i1 == 1:
            changed.append((i1, fixed[j1:j2]))
        elif tag != "equal":  # the correction changes words one for one or splits one; another layout is no match
            return 0, 0, 0

    def truth_at(i: int, count: int) -> list[str] | None:
        start = aligned[i] if i in aligned else aligned[i - 1] + 1 if i - 1 in aligned else None
        return None if start is None else gold[start : start + count]

    fixes = sum(truth_at(i, len(words)) == words for i, words in changed)
    return len(changed), fixes, sum(i in aligned and read[i] == gold[aligned[i]] for i, _ in changed)


def samples(rendered: Path, chosen: Sequence[str] = ()) -> list[Sample]:
    """The gold pages and dev scans rendered afresh into `rendered`; only the files whose name holds one of `chosen`
    when it names any."""
    named = lambda name: not chosen or any(part in name for part in chosen)  # noqa: E731
    found = []
    for pair in json.loads((GOLD / "ocr.json").read_text(encoding="utf-8")):
        if not named(Path(pair["file"]).name):
            continue
        truth = locate(pair["ground_truth"], DEFAULT_SEARCH).read_text(encoding="utf-8")
        found.append(Sample(locate(pair["file"], DEFAULT_SEARCH), truth, pair.get("stamp_text", [])))
    from render_scans import RENDERED, page_truths, render

    for rendering in RENDERED:
        if not named(rendering.name):
            continue
        if any(sample.path.stem == rendering.name for sample in found):  # in the gold already: its pages are known
            found = [s for s in found if s.path.stem != rendering.name]
        entry = render(rendering, rendered)
        truth = (rendered / entry["ground_truth"]).read_text(encoding="utf-8")
        found.append(Sample(rendered / entry["file"], truth, entry["stamp_text"], page_truths(rendering)))
    return found


def main() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    ours = Settings()
    runs = {"plain tesseract": None, "uncorrected": replace(ours, ocr_correction=False), "vanban": ours}
    timed = not os.environ.get(CACHE)
    print(f"{'order-free WER: plain tesseract → vanban':44} | vanban CER   WER | correction")
    seconds = dict.fromkeys(runs, 0.0)
    worse, photos, changed, right, broken = [], [], 0, 0, 0
    with tempfile.TemporaryDirectory(prefix="vanban-rendered-") as rendered:
        for sample in samples(Path(rendered), sys.argv[1:]):
            texts: dict[str, list[str]] = {}
            for name, settings in runs.items():
                texts[name], elapsed = read_pages(sample.path, settings)
                seconds[name] += elapsed
            count = len(texts["vanban"])
            if not count:  # a text layer: nothing to OCR
                continue
            if sample.page_truths and len(sample.page_truths) == count:
                units = [(f"{sample.path.name} p{i + 1}", [i], truth) for i, truth in enumerate(sample.page_truths)]
            else:
                units = [(sample.path.name, list(range(count)), sample.truth)]
            for label, pages, truth in units:
                text = {name: "\n\n".join(texts[name][i] for i in pages) for name in runs}
                plain, bag = (order_free_wer(text[n], truth, sample.stamps) for n in ("plain tesseract", "vanban"))
                rates = error_rates(text["vanban"], truth, sample.stamps)
                # aligned with the text in reading order (a page's printed lines mix the header's two columns)
                n, ok, bad = correction_changes(text["uncorrected"], text["vanban"], sample.truth)
                changed, right, broken = changed + n, right + ok, broken + bad
                if bag > plain:
                    worse.append((label, plain, bag))
                if sample.path.suffix.lower() in PHOTOS:
                    photos.append(bag)
                row = f"{label:44} | {plain:6.2%} → {bag:6.2%} | {rates.cer:6.2%} {rates.wer:6.2%} | "
                row += f"{n} changed, {ok} fixed, {bad} broken" + ("  WORSE" if bag > plain else "")
                print(row, flush=True)
    print(f"photos ({len(photos)} pages): order-free WER mean {sum(photos) / max(1, len(photos)):.2%}, worst "
          f"{max(photos, default=0):.2%}  (goal ≤ 5 %, ≤ 9 %)")  # fmt: skip
    print(f"correction: {changed} words changed, {right} fixed ({right / max(1, changed):.0%}), {broken} right words broken")
    if timed:
        print(f"time, vanban / plain tesseract: {seconds['vanban'] / seconds['plain tesseract']:.2f}×  (goal ≤ 1.5×)")
    print(f"pages where vanban reads worse than plain tesseract (goal: none): {len(worse)}")
    for label, plain, bag in worse:
        print(f"  {label:44} | {plain:6.2%} → {bag:6.2%} | {bag - plain:+.2%}")


if __name__ == "__main__":
    main()
