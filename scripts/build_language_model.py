"""Count syllables, syllable bigrams and trigrams into pipeline/data/syllable_bigrams.tsv and syllable_trigrams.tsv, the
OCR correction's language model (pipeline/ocr/language_model.py).

Texts: the bulk corpus and the dev texts, leaving out what the OCR is measured on: the dev and bulk texts rendered as
scans (scripts/render_scans.py), the hand-typed ground truth of ailab_4_1 (dev/src-ailabocr-01.txt), and bulk
documents that are one of the rendered documents (their number in the first lines). A bigram is two well-formed
syllables next to each other within a phrase (pipeline.ocr.tokens); the syllable that ends a phrase is counted too, and
the times a syllable is written capitalised inside a phrase (a name's: ``Cửa Hội``).
Each syllable is written in its most frequent spelling (``hòa`` or ``hoà``). Continuation counts and the Kneser-Ney
discount are taken from all pairs; pairs and syllables seen once are then left out of the file to keep it small. The
trigram file keeps the trigrams seen twice or more that the correction may ask about: those whose two pairs the model
would expect to meet BOUND times or more.

Usage: python scripts/build_language_model.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from render_scans import RENDERED, gold_path

from pipeline.ocr.language_model import BOUND, COUNTS, TRIGRAM_COUNTS, model
from pipeline.ocr.tokens import Key, capitalised_inside, key_of, syllable_runs

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET = ROOT / "pipeline" / "data" / COUNTS
TRIGRAM_TARGET = ROOT / "pipeline" / "data" / TRIGRAM_COUNTS
MEASURED_DEV = {"src-ailabocr-01", *(r.stem for r in RENDERED)}
MIN_COUNT = 2
MIN_TRIGRAM = 2  # a trigram seen once is not told from one never seen (and would double the file)
HEAD_CHARS = 600  # a bulk document is one of the measured ones when its number stands in these first characters


def texts() -> Iterator[str]:
    numbers = [
        json.loads(gold_path(stem).read_text(encoding="utf-8"))["metadata"]["number_symbol"]
        for stem in sorted(MEASURED_DEV)
        if gold_path(stem).exists()
    ]
    left_out = 0
    with gzip.open(CORPUS / "bulk-vbpl.jsonl.gz", "rt", encoding="utf-8") as f:
        for record in map(json.loads, f):
            head = record["text"][:HEAD_CHARS]
            if record["id"] in MEASURED_DEV or any(number and number in head for number in numbers):
                left_out += 1
                continue
            yield record["text"]
    print(f"bulk documents left out (rendered and measured): {left_out}", file=sys.stderr)
    for path in sorted((CORPUS / "dev").glob("*.txt")):
        if path.stem not in MEASURED_DEV:
            yield path.read_text(encoding="utf-8")


def main() -> None:
    spellings: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    triples: Counter[tuple[str, str, str]] = Counter()
    last: Counter[str] = Counter()  # the syllable (or number) that ends a phrase
    capitalised: Counter[Key] = Counter()  # times written capitalised inside a phrase
    for text in texts():
        capitalised.update(key_of(syllable) for syllable in capitalised_inside(text))
        for run in syllable_runs(text):
            spellings.update(run)
            last[run[-1]] += 1
            pairs.update(zip(run, run[1:]))
            triples.update(zip(run, run[1:], run[2:]))
    counts: Counter[Key] = Counter()
    usual: dict[Key, str] = {}
    for spelling, n in spellings.most_common():
        counts[key_of(spelling)] += n
        usual.setdefault(key_of(spelling), spelling)
    bigrams: Counter[tuple[Key, Key]] = Counter()
    for (a, b), n in pairs.items():
        bigrams[(key_of(a), key_of(b))] += n
    ends: Counter[Key] = Counter()
    for spelling, n in last.items():
        ends[key_of(spelling)] += n
    preceding: Counter[Key] = Counter(b for _, b in bigrams)
    following: Counter[Key] = Counter(a for a, _ in bigrams)
    of_count = Counter(bigrams.values())
    discount = of_count[1] / (of_count[1] + 2 * of_count[2])
    kept = sorted((k for k, n in counts.items() if n >= MIN_COUNT), key=lambda k: (-counts[k], usual[k]))
    rank = {key: n for n, key in enumerate(kept)}
    with TARGET.open("w", encoding="utf-8") as out:
        out.write(f"# syllable and syllable-bigram counts, by scripts/{Path(__file__).name}\n")
        out.write("# syllable<TAB>count<TAB>distinct syllables before it<TAB>distinct after it<TAB>")
        out.write("times it ends a phrase<TAB>times capitalised inside a phrase; pair<TAB>count\n")
        out.write(f"# discount = {discount:.4f}\n# bigram_types = {len(bigrams)}\n# end_types = {len(ends)}\n")
        for key in kept:
            fields = (counts[key], preceding[key], following[key], ends[key], capitalised[key])
            out.write("\t".join([usual[key], *map(str, fields)]) + "\n")
        pruned = sorted(
            ((a, b) for (a, b), n in bigrams.items() if n >= MIN_COUNT and a in rank and b in rank),
            key=lambda ab: (-bigrams[ab], usual[ab[0]], usual[ab[1]]),
        )
        for a, b in pruned:
            out.write(f"{usual[a]} {usual[b]}\t{bigrams[(a, b)]}\n")
    print(f"{TARGET}: {len(kept)} syllables, {len(pruned)} of {len(bigrams)} bigrams, discount {discount:.3f}")
    write_trigrams(triples, rank, usual)


def write_trigrams(triples: Counter[tuple[str, str, str]], rank: dict[Key, int], usual: dict[Key, str]) -> None:
    """The trigrams seen MIN_TRIGRAM times or more that the correction may ask about (the model, just written, would
    expect BOUND of them or more from their two pairs), in the order of their syllables' `rank` in the bigram file
    (the order the model numbers them in)."""
    lm = model()
    trigrams: Counter[tuple[Key, Key, Key]] = Counter()
    for (a, b, c), n in triples.items():
        trigrams[(key_of(a), key_of(b), key_of(c))] += n
    known = (t for t, n in trigrams.items() if n >= MIN_TRIGRAM and all(k in rank for k in t))
    asked = sorted((t for t in known if lm.expected_trigram(*t) >= BOUND), key=lambda t: [rank[k] for k in t])
    with TRIGRAM_TARGET.open("w", encoding="utf-8") as out:
        out.write(f"# syllable-trigram counts, by scripts/{Path(__file__).name}\n")
        out.write(f"# trigram<TAB>count: seen {MIN_TRIGRAM} times or more, expected {BOUND} times or more\n")
        for abc in asked:
            out.write(f"{' '.join(usual[k] for k in abc)}\t{trigrams[abc]}\n")
    print(f"{TRIGRAM_TARGET}: {len(asked)} of {len(trigrams)} trigrams")


if __name__ == "__main__":
    main()
