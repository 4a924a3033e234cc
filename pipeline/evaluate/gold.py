"""Score a processed batch against hand-written gold (shared/docs/gold-format.md).

References match by canonical number_symbol key, assignments and recipients by fuzzy name within role, top-level
sections by fuzzy heading; metadata fields are scored as exact after light normalisation (:func:`keys.text_key`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from pipeline.keys import name_key, number_symbol_key, text_key

METADATA_FIELDS = (
    "doc_type", "number_symbol", "issue_date", "issue_place", "issuer", "issuer_parent", "title",
    "signer_name", "signer_title", "signing_authority",
)  # fmt: skip
# A matched deadline's typed fields: the name of the figure → (the gold's key, the deadlines table's column).
DEADLINE_FIELDS = {
    "kind": ("kind", "deadline_kind"), "date": ("deadline", "deadline"), "date_precision": ("precision", "deadline_precision"),
    "amount": ("relative_amount", "relative_amount"), "unit": ("relative_unit", "relative_unit"),
    "anchor": ("relative_anchor", "relative_anchor"), "recurrence": ("recurrence", "recurrence"),
}  # fmt: skip
NAME_MATCH = 85  # rapidfuzz token-sort ratio, 0–100, above which two folded names are the same body
HEADING_MATCH = 90
TUNE, CHECK = "tune", "check"  # the two gold sets; CHECK is also the check set's folder name


@dataclass
class Gold:
    """One gold file."""

    path: Path
    file: str
    bulk_id: str | None
    metadata: dict[str, Any]
    references: list[dict[str, Any]]
    assignments: list[dict[str, Any]]
    recipients: list[str]
    top_sections: list[str]
    deadlines: list[dict[str, Any]] | None = None  # None: the file does not score deadlines

    @classmethod
    def load(cls, path: Path) -> Gold:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            path=path,
            file=data["file"],
            bulk_id=data.get("bulk_id"),
            metadata=data.get("metadata", {}),
            references=data.get("references", []),
            assignments=data.get("assignments", []),
            recipients=data.get("recipients", []),
            top_sections=data.get("top_sections", []),
            deadlines=data.get("deadlines"),
        )


def load_gold(folder: Path) -> list[Gold]:
    """Every gold file below `folder` (``ocr.json`` aside), in name order."""
    return [Gold.load(p) for p in sorted(folder.rglob("*.json")) if p.name != "ocr.json"]


def gold_sets(folder: Path, golds: Iterable[Gold]) -> dict[str, list[Gold]]:
    """The tune set (what the rules may be tuned on) and the check set (the files in `folder`/check/: measured,
    never tuned on), each in name order."""
    sets: dict[str, list[Gold]] = {TUNE: [], CHECK: []}
    for gold in golds:
        sets[CHECK if gold.path.relative_to(folder).parts[0] == CHECK else TUNE].append(gold)
    return sets


@dataclass
class Score:
    """Precision, recall and F1 over matched items, with the misses for --verbose."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        if not found:  # nothing found: perfect only if there was nothing to find
            return 0.0 if self.false_negatives else 1.0
        return self.true_positives / found

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(
        self, file: str, expected: list[str], predicted: list[str], same: Callable[[str, str], bool]
    ) -> dict[int, int]:
        """Match `predicted` to `expected` one to one, counting and recording the differences; returns the
        matches (index in `expected` → index in `predicted`). Of the pairs that are `same`, the most alike are
        matched first: ``Bộ Lao động …`` finds ``Bộ Lao động …`` even where ``Sở Lao động …`` is alike enough to
        pass for it."""
        pairs = sorted(
            ((fuzz.ratio(e, p), i, j) for i, e in enumerate(expected) for j, p in enumerate(predicted) if same(e, p)),
            reverse=True,
        )
        matched: dict[int, int] = {}
        for _, i, j in pairs:
            if i not in matched and j not in matched.values():
                matched[i] = j
        self.true_positives += len(matched)
        self.false_negatives += len(expected) - len(matched)
        self.false_positives += len(predicted) - len(matched)
        self.misses.extend(f"{file}: missed {e!r}" for i, e in enumerate(expected) if i not in matched)
        taken = set(matched.values())
        self.misses.extend(f"{file}: extra {p!r}" for j, p in enumerate(predicted) if j not in taken)
        return matched

    def summary(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
        }


@dataclass
class FieldAccuracy:
    correct: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0  # nothing scored proves nothing


def same_name(a: str, b: str) -> bool:
    return fuzz.token_sort_ratio(name_key(a), name_key(b)) >= NAME_MATCH


def _same_heading(a: str, b: str) -> bool:
    return fuzz.ratio(name_key(a), name_key(b)) >= HEADING_MATCH


def _same_role_and_name(a: str, b: str) -> bool:
    role_a, _, name_a = a.partition(": ")
    role_b, _, name_b = b.partition(": ")
    return role_a == role_b and same_name(name_a, name_b)


@dataclass
class Predictions:
    """The tables of a processed batch, grouped by source file name."""

    documents: pd.DataFrame
    tables: dict[str, pd.DataFrame]

    @classmethod
    def load(cls, out_dir: Path) -> Predictions:
        def read(name: str) -> pd.DataFrame:
            path = out_dir / f"{name}.parquet"
            return pd.read_parquet(path) if path.exists() else pd.DataFrame()

        documents = read("documents")
        documents["file"] = documents["source_file"].map(lambda s: Path(s).name)
        return cls(documents, {n: read(n) for n in ("citations", "assignments", "recipients", "sections", "deadlines")})

    def document(self, file: str) -> pd.Series | None:
        rows = self.documents[self.documents["file"] == file]
        return rows.iloc[0] if len(rows) else None

    def rows(self, table: str, doc_id: str | None) -> pd.DataFrame:
        data = self.tables[table]
        if data.empty or doc_id is None:
            return data.iloc[0:0]
        return data[data["doc_id"] == doc_id]


@dataclass
class Evaluation:
    documents: int = 0
    missing: list[str] = field(default_factory=list)
    metadata: dict[str, FieldAccuracy] = field(default_factory=lambda: {f: FieldAccuracy() for f in METADATA_FIELDS})
    metadata_scans: dict[str, FieldAccuracy] = field(default_factory=lambda: {f: FieldAccuracy() for f in METADATA_FIELDS})
    references: Score = field(default_factory=Score)
    reference_details: FieldAccuracy = field(default_factory=FieldAccuracy)
    assignments: Score = field(default_factory=Score)
    assignments_named: Score = field(default_factory=Score)
    recipients: Score = field(default_factory=Score)
    top_sections: Score = field(default_factory=Score)
    deadlines: Score = field(default_factory=Score)
    # on matched deadlines: each typed field, and all of them at once (``typed``)
    deadline_fields: dict[str, FieldAccuracy] = field(
        default_factory=lambda: {f: FieldAccuracy() for f in [*DEADLINE_FIELDS, "typed"]}
    )

    def scores(self) -> dict[str, float]:
        """The headline figures, flat, as recorded in the floors file."""
        figures = {f"metadata.{name}": round(acc.accuracy, 4) for name, acc in self.metadata.items()}
        figures |= {
            f"metadata_scans.{name}": round(acc.accuracy, 4) for name, acc in self.metadata_scans.items() if acc.total
        }  # a set without scans has no scan figures
        for name in ("references", "assignments", "assignments_named", "recipients", "top_sections"):
            score: Score = getattr(self, name)
            figures.update({f"{name}.precision": score.summary()["precision"], f"{name}.recall": score.summary()["recall"]})
            figures[f"{name}.f1"] = score.summary()["f1"]
        figures["references.issuer_and_date"] = round(self.reference_details.accuracy, 4)
        figures |= {f"deadlines.{k}": v for k, v in self.deadlines.summary().items() if k in ("precision", "recall", "f1")}
        figures |= {f"deadlines.{name}": round(acc.accuracy, 4) for name, acc in self.deadline_fields.items()}
        return figures

    def report(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "missing_documents": self.missing,
            "scores": self.scores(),
            "tables": {
                name: getattr(self, name).summary()
                for name in ("references", "assignments", "assignments_named", "recipients", "top_sections", "deadlines")
            },
            "misses": {
                **{f"metadata.{n}": acc.misses for n, acc in self.metadata.items()},
                "references": self.references.misses,
                "reference_details": self.reference_details.misses,
                "assignments": self.assignments.misses,
                "assignments_named": self.assignments_named.misses,
                "recipients": self.recipients.misses,
                "top_sections": self.top_sections.misses,
                "deadlines": self.deadlines.misses,
                "deadline_details": [m for name in DEADLINE_FIELDS for m in self.deadline_fields[name].misses],
            },
        }


def evaluate(golds: Iterable[Gold], predictions: Predictions) -> Evaluation:
    result = Evaluation()
    for gold in golds:
        row = predictions.document(gold.file)
        if row is None:
            result.missing.append(gold.file)
        result.documents += 1
        doc_id = None if row is None else row["doc_id"]
        _score_metadata(result, gold, row)
        _score_references(result, gold, predictions.rows("citations", doc_id))
        _score_assignments(result, gold, predictions.rows("assignments", doc_id))
        recipients = predictions.rows("recipients", doc_id)
        result.recipients.add(
            gold.file, gold.recipients, list(recipients.get("recipient", pd.Series(dtype=str))), same_name
        )
        sections = predictions.rows("sections", doc_id)
        top = sections[(sections["level"] == 1) & sections["is_heading"]] if not sections.empty else sections
        headings = [f"{r.label} {r.heading}".strip() for r in top.itertuples()] if len(top) else []
        result.top_sections.add(gold.file, gold.top_sections, headings, _same_heading)
        if gold.deadlines is not None:
            _score_deadlines(result, gold, predictions.rows("deadlines", doc_id))
    return result


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA


def _score_metadata(result: Evaluation, gold: Gold, row: pd.Series | None) -> None:
    """Every field counts for all documents, and again among the scans (OCR'd documents) alone."""
    source = row.get("text_source") if row is not None else None
    scanned = _present(source) and source in ("ocr", "mixed")  # a document that failed has no text source
    for name in METADATA_FIELDS:
        expected = gold.metadata.get(name)
        predicted = row.get(name) if row is not None else None
        predicted = predicted if _present(predicted) and str(predicted) != "" else None
        right = (expected is None and predicted is None) or (
            expected is not None and predicted is not None and text_key(str(expected)) == text_key(str(predicted))
        )
        for accuracy in [result.metadata[name]] + ([result.metadata_scans[name]] if scanned else []):
            accuracy.total += 1
            accuracy.correct += right
        if not right:
            result.metadata[name].misses.append(f"{gold.file}: {name} expected {expected!r}, got {predicted!r}")


def _score_references(result: Evaluation, gold: Gold, rows: pd.DataFrame) -> None:
    expected = {number_symbol_key(r["number_symbol"]): r for r in gold.references if r.get("number_symbol")}
    predicted: dict[str, Any] = {}
    for row in rows.itertuples():
        if _present(row.number_symbol) and row.number_symbol and not row.name_only:
            predicted.setdefault(number_symbol_key(row.number_symbol), row)
    result.references.add(gold.file, list(expected), list(predicted), str.__eq__)
    for key in expected.keys() & predicted.keys():
        gold_ref, row = expected[key], predicted[key]
        for name in ("date", "issuer"):
            if gold_ref.get(name) is None:
                continue
            result.reference_details.total += 1
            got = getattr(row, name, None)
            if _present(got) and text_key(str(got)) == text_key(str(gold_ref[name])):
                result.reference_details.correct += 1
            else:
                result.reference_details.misses.append(f"{gold.file}: {key} {name} expected {gold_ref[name]!r}, got {got!r}")


def _score_assignments(result: Evaluation, gold: Gold, rows: pd.DataFrame) -> None:
    expected = [f"{a['role']}: {a['assignee']}" for a in gold.assignments]
    predicted = [f"{r.role}: {r.assignee}" for r in rows.itertuples()] if len(rows) else []
    result.assignments.add(gold.file, list(dict.fromkeys(expected)), _distinct_bodies(predicted), _same_role_and_name)
    named = [f"{a['role']}: {a['assignee']}" for a in gold.assignments if not a.get("collective")]
    named_predicted = (
        [f"{r.role}: {r.assignee}" for r in rows.itertuples() if not r.collective] if len(rows) else []
    )
    result.assignments_named.add(
        gold.file, list(dict.fromkeys(named)), _distinct_bodies(named_predicted), _same_role_and_name
    )


def _distinct_bodies(items: list[str]) -> list[str]:
    """One ``role: name`` per body and role, as the gold lists them: ``Các bộ, ngành`` at a sentence's start and
    ``các bộ, ngành`` inside one, or ``UBND tỉnh`` and ``Ủy ban nhân dân tỉnh``, are the same body (name_key)."""
    distinct: dict[tuple[str, str], str] = {}
    for item in items:
        role, _, name = item.partition(": ")
        distinct.setdefault((role, name_key(name)), item)
    return list(distinct.values())


QUARTER_NUMBERS = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
QUARTER = re.compile(r"(?<!\w)(quý\s+)(iv|iii|ii|i)(?!\w)")


def _phrase_key(phrase: str) -> str:
    """A deadline phrase with case and spacing aside, a dash between two times too (``2025 - 2026``, ``2025-2026``),
    and a quarter's number in roman or arabic figures (``quý I/2025``, ``quý 1/2025``: a print or OCR variant of the
    same period, whose date is scored on its own)."""
    key = re.sub(r"\s*([-–])\s*", r"\1", " ".join(phrase.lower().split()))
    return QUARTER.sub(lambda m: m[1] + QUARTER_NUMBERS[m[2]], key)


def _within(expected: str, predicted: str) -> bool:
    """A predicted deadline phrase is found when it is the gold phrase or a part of it (``hằng năm`` inside
    ``trước ngày 15 tháng 6 hằng năm``): case and spacing aside."""
    key = _phrase_key(predicted)
    return bool(key) and key in _phrase_key(expected)


def _same_phrase(expected: str, predicted: str) -> bool:
    return _phrase_key(expected) == _phrase_key(predicted)


def _score_deadlines(result: Evaluation, gold: Gold, rows: pd.DataFrame) -> None:
    """Deadline phrases matched one to one (a shorter phrase inside the gold one counts), then on each match
    whether each typed field is right: the kind always; every other field (the date, its precision, the amount,
    unit and anchor of a relative limit, the recurrence) where the gold or the row gives it; ``typed`` when all
    of them are right."""
    expected = gold.deadlines or []
    predicted = list(rows.itertuples()) if len(rows) else []
    matched = result.deadlines.add(gold.file, [e["text"] for e in expected], [str(p.deadline_text) for p in predicted], _within)
    fields = result.deadline_fields
    for i, j in matched.items():
        item, row, right = expected[i], predicted[j], True
        for name, (key, column) in DEADLINE_FIELDS.items():
            want, got = item.get(key), _field_value(getattr(row, column))
            if name != "kind" and want is None and got is None:
                continue
            fields[name].total += 1
            same = _phrase_key(str(want)) == _phrase_key(str(got)) if name == "anchor" else want == got
            fields[name].correct += same
            right = right and same
            if not same:
                fields[name].misses.append(f"{gold.file}: {item['text']!r} {name} expected {want!r}, got {got!r}")
        fields["typed"].total += 1
        fields["typed"].correct += right


def _field_value(value: Any) -> Any:
    """A deadlines table cell as the gold writes it: None when empty, a date as ``YYYY-MM-DD``, an amount as int."""
    if not _present(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return int(value) if isinstance(value, float) or type(value).__name__.startswith("int") else value
