"""``vanban eval``: run the pipeline on the gold's documents, score it, print the figures, write a JSON report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import batch
from pipeline.evaluate.gold import Evaluation, Predictions, evaluate, load_gold
from pipeline.evaluate.ocr import ErrorRates, error_rates
from pipeline.export import text_path

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_SEARCH = (
    PROJECT.parent / "shared" / "corpus" / "dev",
    PROJECT.parent / "shared" / "corpus" / "scans",
    PROJECT / "data" / "raw",
    PROJECT / "data" / "rendered",
    PROJECT / "scripts" / "samples",
)
REPORT_FILE = "eval.json"


class GoldError(ValueError):
    """A gold folder that cannot be evaluated (a document it names cannot be found)."""


def locate(name: str, search: tuple[Path, ...]) -> Path:
    for folder in search:
        found = sorted(folder.rglob(name)) if folder.is_dir() else []
        if found:
            return found[0]
    raise GoldError(f"{name}: not found in {', '.join(map(str, search))}")


@dataclass
class OcrResult:
    file: str
    rates: ErrorRates


def run_eval(
    gold_dir: Path, out_dir: Path, search: tuple[Path, ...] = DEFAULT_SEARCH, jobs: int | None = None
) -> tuple[Evaluation, list[OcrResult], dict[str, Any]]:
    """Process every document the gold names into `out_dir`, then score; returns the scores and the report."""
    golds = load_gold(gold_dir)
    ocr_file = gold_dir / "ocr.json"
    ocr_pairs = json.loads(ocr_file.read_text(encoding="utf-8")) if ocr_file.exists() else []
    inputs = {g.file: locate(g.file, search) for g in golds}
    inputs.update({pair["file"]: locate(pair["file"], search) for pair in ocr_pairs})
    batch.run(list(inputs.values()), out_dir, jobs=jobs, progress=False)
    predictions = Predictions.load(out_dir)
    evaluation = evaluate(golds, predictions)
    ocr_results = []
    for pair in ocr_pairs:
        row = predictions.document(pair["file"])
        text = (out_dir / text_path(row["doc_id"])).read_text(encoding="utf-8") if row is not None else ""
        truth = locate(pair["ground_truth"], search).read_text(encoding="utf-8")
        ocr_results.append(OcrResult(pair["file"], error_rates(text, truth, pair.get("stamp_text", ()))))
    report = evaluation.report()
    report["ocr"] = {r.file: {"cer": round(r.rates.cer, 4), "wer": round(r.rates.wer, 4)} for r in ocr_results}
    with (out_dir / REPORT_FILE).open("w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
    return evaluation, ocr_results, report


def format_report(evaluation: Evaluation, ocr_results: list[OcrResult], verbose: bool = False) -> str:
    lines = [f"{evaluation.documents} gold documents" + (f", {len(evaluation.missing)} not processed" if evaluation.missing else "")]
    lines.append(f"{'table':<20}{'precision':>10}{'recall':>10}{'F1':>10}{'tp':>6}{'fp':>6}{'fn':>6}")
    for name in ("references", "assignments", "assignments_named", "recipients", "top_sections"):
        s = getattr(evaluation, name).summary()
        lines.append(
            f"{name:<20}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
        )
    lines.append(f"{'reference issuer+date':<40}{evaluation.reference_details.accuracy:>10.3f}")
    lines.append(f"{'metadata field':<20}{'all':>10}{'':12}{'scans':>8}")
    for name, accuracy in evaluation.metadata.items():
        scans = evaluation.metadata_scans[name]
        lines.append(
            f"{name:<20}{accuracy.accuracy:>10.3f}  ({accuracy.correct}/{accuracy.total}){'':<2}"
            f"{scans.accuracy:>8.3f}  ({scans.correct}/{scans.total})"
        )
    if ocr_results:
        lines.append(f"{'OCR':<28}{'CER':>8}{'WER':>8}")
        for r in ocr_results:
            lines.append(f"{r.file:<28}{r.rates.cer:>8.2%}{r.rates.wer:>8.2%}")
    if verbose:
        report = evaluation.report()
        for table, misses in report["misses"].items():
            lines.extend(f"miss {table}: {m}" for m in misses)
    return "\n".join(lines)


def below_floors(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """The figures that fell below their recorded floor."""
    return [f"{k}: {scores.get(k, 0.0):.4f} < floor {v:.4f}" for k, v in floors.items() if scores.get(k, 0.0) < v]


def ocr_scores(ocr_results: list[OcrResult]) -> dict[str, float]:
    """OCR figures as floors are written: 1 - error rate, so that higher is better like every other figure."""
    scores = {}
    for r in ocr_results:
        scores[f"ocr.{r.file}.char_accuracy"] = round(1 - r.rates.cer, 4)
        scores[f"ocr.{r.file}.word_accuracy"] = round(1 - r.rates.wer, 4)
    return scores


def raised(floors: dict[str, float], scores: dict[str, float]) -> dict[str, float]:
    """Floors moved up to today's scores; a floor is never lowered, and a new figure gets its first floor."""
    return {key: max(floors.get(key, 0.0), scores.get(key, 0.0)) for key in sorted(floors.keys() | scores.keys())}
