"""Header fields, recipients and OCR on texts rendered as office scans, photos and PNGs (scripts/render_scans.py):
the gold of a text is the gold of its capture, so the figures say what a capture costs against the text.

Renders the documents of scripts/render_scans.RENDERED into a temporary folder with their gold, runs the
evaluation on them (pipeline.evaluate.run) and prints, apart for each group of captures (those the rules were fixed
on, the fresh ones rendered after them, the held-out ones never looked at: what holds on captures not seen), each
metadata field's exact share, the header fields exact over all (type, number, date, place, issuer and parent,
title, signer, title and authority), recipients F1 and the word error per document. `--verbose` lists every miss;
naming groups (``python benchmarks/rendered_scans.py fresh "held out" "held out 2"``) measures those only.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from common import ROOT

from pipeline.evaluate.gold import TUNE
from pipeline.evaluate.run import format_report, run_eval

sys.path.insert(0, str(ROOT / "scripts"))


def measure(renderings: list, work: Path) -> tuple[int, int, float]:
    """Render and evaluate one group of captures; print its report; return header fields exact (right, total)
    and recipients F1."""
    from render_scans import render, scan_gold

    scans, gold = work / "scans", work / "gold"
    scans.mkdir(parents=True)
    gold.mkdir()
    entries = [render(rendering, scans) for rendering in renderings]
    for entry in (e for e in entries if e["gold"]):  # a page captured alone has no gold, only its text
        target = gold / Path(entry["file"]).with_suffix(".json").name
        target.write_text(json.dumps(scan_gold(entry)), encoding="utf-8")
    ocr = [{k: e[k] for k in ("file", "ground_truth", "stamp_text")} for e in entries]
    (gold / "ocr.json").write_text(json.dumps(ocr, ensure_ascii=False), encoding="utf-8")
    evaluations, ocr_results, _ = run_eval(gold, work / "out", (scans,))
    print(f"{sum(e['pages'] for e in entries)} pages of {len(entries)} rendered documents")
    print(format_report(evaluations, ocr_results, verbose="--verbose" in sys.argv))
    tune = evaluations[TUNE]
    fields = tune.metadata_scans.values()
    return sum(f.correct for f in fields), sum(f.total for f in fields), tune.recipients.f1


GROUPS = {
    "fixed": "captures the rules were fixed on",
    "fresh": "fresh captures (rendered after those rules; the next rules were written on their misses)",
    "held out": "held-out captures (texts drawn at random, measured only: never read page by page nor tuned on)",
    "held out 2": "second held-out captures (other texts drawn at random, other seeds and seal, blur and skew mix)",
    "held out 3": "third held-out captures (other texts drawn at random, the second bulk draw among them)",
    "held out 4": "fourth held-out captures (other texts drawn at random, seed 3939; measured before and after a stop)",
    "held out 5": "fifth held-out captures (texts nobody had read, gold written from the texts only; measured once)",
    "held out 6": "sixth held-out captures (other texts nobody had read, one page each, no Nơi nhận; measured once)",
    "held out 7": "seventh held-out captures (other texts nobody had read, up to 42,000 characters; measured once)",
    "held out 8": "eighth held-out captures (tune texts, read, captured anew: new captures of known texts; measured twice)",
    "held out 9": "ninth held-out captures (other tune texts captured anew, a check never tuned on; measured twice)",
    "held out 10": "tenth held-out captures (other tune texts captured anew, a tune group: its misses are read)",
}


def main() -> None:
    """Measure each group of captures, or those named (``fresh``, ``held out``) as arguments."""
    from render_scans import RENDERED

    chosen = [a for a in sys.argv[1:] if not a.startswith("--")] or list(GROUPS)
    figures = {}
    with tempfile.TemporaryDirectory(prefix="vanban-rendered-") as work:
        for group in chosen:
            print(f"==== {GROUPS[group]}")
            figures[group] = measure([r for r in RENDERED if r.group == group], Path(work) / group.replace(" ", "-"))
    for group, (correct, total, recipients) in figures.items():
        print(f"{group:10}: header fields exact {correct}/{total} = {correct / max(1, total):.3f}, "
              f"recipients F1 {recipients:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
