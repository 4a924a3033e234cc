"""Structure against a hand reading: the parser's units scored strictly on 18 bulk texts read by a person.

`legal_structure.py` reads labels with rules of its own, close enough to the parser's to share its blind spots. The
files of `structure_gold/` were written by reading 18 bulk texts (drawn by `sample()`), not from any program's
output: for each, its chapters, its articles, and under each article the clauses and the points of each clause, the
document's own only — a unit in the quoted new wording of an amending text, a row number of a table flattened one
cell per line, anything after the signature is none. Each file writes an article's units as ``1(a b) 2 3(a b c)``
(clauses, each with its points) and ``(a b)`` for points directly under the article.

A unit is its path of labels (article 5, clause 2, point b); one found twice, at the wrong place or not in the
gold is a false positive, precision and recall are per level.

    PYTHONPATH=. python benchmarks/structure_check.py [--misses]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import Counter
from pathlib import Path

from common import BULK, bulk_document
from legal_structure import LEVELS, found_units, score

from pipeline.keys import text_key
from pipeline.structure import parse
from pipeline.structure.identification import Header

GOLD = Path(__file__).parent / "structure_gold"
UNIT = re.compile(r"(\d+[a-z]?)?\(([^)]*)\)|(\d+[a-z]?)")  # a clause with its points, points alone, a clause
ARTICLE_LINE = re.compile(r"(?m)^[ \t]*(?:Điều|ĐIỀU)\s*\d")


def sample(texts: dict[str, str], excluded: set[str], seed: int = 2028, size: int = 18) -> list[str]:
    """Texts of 3,000 to 20,000 characters with an article heading, none excluded (check, tune, dev or read
    already): a size a person reads in one sitting. Draws: seed 2028 (18 texts), seed 2031 (12, held out)."""
    ids = sorted(i for i, text in texts.items()
                 if 3_000 <= len(text) <= 20_000 and i not in excluded and ARTICLE_LINE.search(text))
    return random.Random(seed).sample(ids, size)


def gold_units(gold: dict) -> Counter:
    """The units a gold file lists, as the label paths of `legal_structure.found_units`; a long text read in a
    sample of its articles (`sampled`) lists every article heading (`article_count`) and the units of those only."""
    units: Counter = Counter(("chapter", chapter) for chapter in gold["chapters"].split())
    for article in range(1, gold.get("article_count", 0) + 1):
        units["article", str(article)] += 1
    for article, inside in gold["articles"].items():
        if "article_count" not in gold:
            units["article", article] += 1
        for match in UNIT.finditer(inside):
            clause, points = match[1] or match[3], match[2] or ""
            if clause:
                units["clause", article, clause] += 1
            for point in points.split():
                units["point", article, clause, point] += 1
    return units


def in_sample(gold: dict, units: Counter) -> Counter:
    """The units a reading covers: of a text read in a sample of its articles, the clauses and points of those
    articles only (chapters and article headings throughout)."""
    if "sampled" not in gold:
        return units
    sampled = {str(article) for article in gold["sampled"]}
    return Counter({unit: n for unit, n in units.items() if unit[0] in ("chapter", "article") or unit[1] in sampled})


def header_misses(gold: dict, header: Header) -> list[str]:
    """The header fields read by hand that the parser reads otherwise (metadata keys of the evaluation)."""
    return [
        f"{name}: want {want!r}, got {got!r}"
        for name, want in gold.get("header", {}).items()
        if (got := getattr(header, name)) != want and not (want and got and text_key(want) == text_key(got))
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="print each document's missed and extra units")
    args = parser.parse_args()
    golds = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLD.glob("*.json"))}
    with gzip.open(BULK, "rt", encoding="utf-8") as records:
        texts = {record["id"]: record["text"] for record in map(json.loads, records) if record["id"] in golds}
    for draw in sorted({gold.get("draw", 2028) for gold in golds.values()}):
        counts = {level: [0, 0, 0] for level in LEVELS}
        fields = [0, 0]  # header fields right, read
        drawn = {doc_id: gold for doc_id, gold in golds.items() if gold.get("draw", 2028) == draw}
        for doc_id, gold in drawn.items():
            document = bulk_document(doc_id, texts[doc_id])
            structure = parse(document)
            want, got = gold_units(gold), in_sample(gold, found_units(structure.sections, len(document.text)))
            for level in LEVELS:
                level_want = Counter({k: v for k, v in want.items() if k[0] == level})
                level_got = Counter({k: v for k, v in got.items() if k[0] == level})
                tp = sum((level_want & level_got).values())
                counts[level][0] += tp
                counts[level][1] += sum(level_got.values()) - tp
                counts[level][2] += sum(level_want.values()) - tp
            wrong = header_misses(gold, structure.header)
            fields[0] += len(gold.get("header", {})) - len(wrong)
            fields[1] += len(gold.get("header", {}))
            if args.misses and (want != got or wrong):
                print(f"== {doc_id}\n  missed {sorted(want - got)[:15]}\n  extra  {sorted(got - want)[:15]}")
                print("".join(f"  header {miss}\n" for miss in wrong), end="")
        print(f"draw {draw}: {len(drawn)} documents read by hand")
        print(score(counts))
        if fields[1]:
            print(f"header fields {fields[0]}/{fields[1]} = {fields[0] / fields[1]:.3f}")


if __name__ == "__main__":
    main()
