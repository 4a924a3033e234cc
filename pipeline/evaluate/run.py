"""``vanban eval``: run the pipeline on the gold's documents, score the tune and the check set, print the figures,
write a JSON report."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import batch
from pipeline.evaluate.gold import CHECK, TUNE, Evaluation, Gold, Predictions, evaluate, gold_sets, load_gold
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
BULK_CORPUS = PROJECT.parent / "shared" / "corpus" / "bulk-vbpl.jsonl.gz"  # where a gold's ``bulk_id`` is read
INPUTS = "inputs"  # the folder of the eval's output where bulk corpus texts are written to be processed
REPORT_FILE = "eval.json"


class GoldError(ValueError):
    """A gold folder that cannot be evaluated (a document it names cannot be found)."""


def locate(name: str, search: tuple[Path, ...]) -> Path:
    for folder in search:
        found = sorted(folder.rglob(name)) if folder.is_dir() else []
        if found:
            return found[0]
    raise GoldError(f"{name}: not found in {', '.join(map(str, search))}")


def bulk_texts(ids: Iterable[str], corpus: Path = BULK_CORPUS) -> dict[str, str]:
    """The texts of the bulk corpus documents named by `ids`, by id."""
    wanted, texts = set(ids), {}
    if wanted and not corpus.is_file():
        raise GoldError(f"{', '.join(sorted(wanted))}: the bulk corpus {corpus} is missing")
    if wanted:
        with gzip.open(corpus, "rt", encoding="utf-8") as lines:
            for line in lines:
                document = json.loads(line)
                if document["id"] in wanted:
                    texts[document["id"]] = document["text"]
    if wanted - texts.keys():
        raise GoldError(f"{', '.join(sorted(wanted - texts.keys()))}: not in {corpus}")
    return texts


def gold_inputs(golds: list[Gold], out_dir: Path, search: tuple[Path, ...], corpus: Path) -> dict[str, Path]:
    """The document each gold file names, by file name: found in `search`, or, for a bulk corpus document
    (``bulk_id``), its text written to `out_dir`/inputs/ under the gold's file name (the corpus is never copied
    into the project)."""
    inputs = {g.file: locate(g.file, search) for g in golds if g.bulk_id is None}
    bulk = [g for g in golds if g.bulk_id is not None]
    if bulk:
        texts = bulk_texts((g.bulk_id for g in bulk), corpus)
        (out_dir / INPUTS).mkdir(parents=True, exist_ok=True)
        for gold in bulk:
            path = out_dir / INPUTS / gold.file
            if not path.exists() or path.read_text(encoding="utf-8") != texts[gold.bulk_id]:
                path.write_text(texts[gold.bulk_id], encoding="utf-8")  # an unchanged text is not processed again
            inputs[gold.file] = path
    return inputs


@dataclass
class OcrResult:
    file: str
    rates: ErrorRates


def run_eval(
    gold_dir: Path,
    out_dir: Path,
    search: tuple[Path, ...] = DEFAULT_SEARCH,
    jobs: int | None = None,
    corpus: Path = BULK_CORPUS,
) -> tuple[dict[str, Evaluation], list[OcrResult], dict[str, Any]]:
    """Process every document the gold names into `out_dir`, then score the tune and the check set apart;
    returns the scores of each set, the OCR error rates and the report (its flat ``scores`` prefix the check
    set's figures with ``check.``)."""
    golds = load_gold(gold_dir)
    ocr_file = gold_dir / "ocr.json"
    ocr_pairs = json.loads(ocr_file.read_text(encoding="utf-8")) if ocr_file.exists() else []
    inputs = gold_inputs(golds, out_dir, search, corpus)
    inputs.update({pair["file"]: locate(pair["file"], search) for pair in ocr_pairs})
    batch.run(list(inputs.values()), out_dir, jobs=jobs, progress=False)
    predictions = Predictions.load(out_dir)
    evaluations = {name: evaluate(members, predictions) for name, members in gold_sets(gold_dir, golds).items()}
    ocr_results = []
    for pair in ocr_pairs:
        row = predictions.document(pair["file"])
        text = (out_dir / text_path(row["doc_id"])).read_text(encoding="utf-8") if row is not None else ""
        truth = locate(pair["ground_truth"], search).read_text(encoding="utf-8")
        ocr_results.append(OcrResult(pair["file"], error_rates(text, truth, pair.get("stamp_text", ()))))
    scores = evaluations[TUNE].scores()
    if evaluations[CHECK].documents:
        scores |= {f"{CHECK}.{name}": figure for name, figure in evaluations[CHECK].scores().items()}
    report: dict[str, Any] = {"scores": scores} | {name: _set_report(name, e) for name, e in evaluations.items()}
    report["ocr"] = {r.file: {"cer": round(r.rates.cer, 4), "wer": round(r.rates.wer, 4)} for r in ocr_results}
    with (out_dir / REPORT_FILE).open("w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
    return evaluations, ocr_results, report


def format_report(evaluations: dict[str, Evaluation], ocr_results: list[OcrResult], verbose: bool = False) -> str:
    """The figures of each gold set that has documents, then the OCR error rates."""
    lines = []
    for name, evaluation in evaluations.items():
        if evaluation.documents:
            lines.extend(_format_set(name, evaluation, verbose))
    if ocr_results:
        lines.append(f"{'OCR':<28}{'CER':>8}{'WER':>8}")
        for r in ocr_results:
            lines.append(f"{r.file:<28}{r.rates.cer:>8.2%}{r.rates.wer:>8.2%}")
    return "\n".join(lines)


def _format_set(name: str, evaluation: Evaluation, verbose: bool) -> list[str]:
    missing = f", {len(evaluation.missing)} not processed" if evaluation.missing else ""
    lines = [f"{name.upper()} set: {evaluation.documents} gold documents{missing}"]
    lines.append(f"{'table':<20}{'precision':>10}{'recall':>10}{'F1':>10}{'tp':>6}{'fp':>6}{'fn':>6}")
    for table in ("references", "assignments", "assignments_named", "recipients", "top_sections", "deadlines"):
        s = getattr(evaluation, table).summary()
        lines.append(
            f"{table:<20}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
        )
    lines.append(f"{'reference issuer+date':<40}{evaluation.reference_details.accuracy:>10.3f}")
    fields = evaluation.deadline_fields
    lines.append("deadline fields on matches: " + ", ".join(
        f"{name} {acc.accuracy:.3f} ({acc.correct}/{acc.total})" for name, acc in fields.items()
    ))  # fmt: skip
    with_scans = any(scans.total for scans in evaluation.metadata_scans.values())
    lines.append(f"{'metadata field':<20}{'all':>10}" + (f"{'':12}{'scans':>8}" if with_scans else ""))
    for field_name, accuracy in evaluation.metadata.items():
        scans = evaluation.metadata_scans[field_name]
        lines.append(
            f"{field_name:<20}{accuracy.accuracy:>10.3f}  ({accuracy.correct}/{accuracy.total})"
            + (f"{'':<2}{scans.accuracy:>8.3f}  ({scans.correct}/{scans.total})" if with_scans else "")
        )
    if verbose and name == CHECK:
        lines.append("check misses are not shown: the check set is measured, never tuned on")
    elif verbose:
        for table, misses in evaluation.report()["misses"].items():
            lines.extend(f"{name} miss {table}: {m}" for m in misses)
    return lines


def _set_report(name: str, evaluation: Evaluation) -> dict[str, Any]:
    """A gold set's figures for eval.json; the check set's misses stay out, so that no rule is written from them."""
    report = evaluation.report()
    if name == CHECK:
        del report["misses"]
    return report


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
