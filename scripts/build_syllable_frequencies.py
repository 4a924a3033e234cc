"""Count syllables and syllable bigrams of the bulk corpus into pipeline/data/syllable_frequencies.tsv.

Only well-formed syllables count; a bigram is two words of one phrase as the OCR correction reads them
(pipeline.ocr.correction.phrases). Each syllable is written in its most frequent spelling (``hòa`` or ``hoà``),
bigrams in those spellings. Rare entries are dropped to keep the file small.

Usage: python scripts/build_syllable_frequencies.py [../shared/corpus/bulk-vbpl.jsonl.gz]
"""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.ocr.correction import FREQUENCIES, Key, Token, key_of, phrases
from pipeline.vietnamese import is_syllable

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk-vbpl.jsonl.gz"
TARGET = ROOT / "pipeline" / "data" / FREQUENCIES
MIN_UNIGRAM = 2
MIN_BIGRAM = 3


def count(path: Path) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    spellings: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for record in map(json.loads, f):
            for line in unicodedata.normalize("NFC", record["text"]).lower().splitlines():
                tokens = [Token.of(t) for t in line.split()]
                for run in phrases(tokens):
                    words = [tokens[i].core if is_syllable(tokens[i].core) else None for i in run]
                    spellings.update(w for w in words if w)
                    pairs.update((a, b) for a, b in zip(words, words[1:]) if a and b)
    return spellings, pairs


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else BULK
    spellings, pairs = count(source)
    by_key: Counter[Key] = Counter()
    usual: dict[Key, str] = {}
    for spelling, n in spellings.most_common():
        key = key_of(spelling)
        by_key[key] += n
        usual.setdefault(key, spelling)
    bigrams: Counter[tuple[Key, Key]] = Counter()
    for (a, b), n in pairs.items():
        bigrams[(key_of(a), key_of(b))] += n
    kept = {k: n for k, n in by_key.items() if n >= MIN_UNIGRAM}
    with TARGET.open("w", encoding="utf-8") as out:
        out.write(f"# syllable and syllable-bigram counts of {source.name}, by scripts/{Path(__file__).name}\n")
        for key, n in sorted(kept.items(), key=lambda kn: (-kn[1], usual[kn[0]])):
            out.write(f"{usual[key]}\t{n}\n")
        for (a, b), n in sorted(bigrams.items(), key=lambda kn: (-kn[1], usual[kn[0][0]], usual[kn[0][1]])):
            if n >= MIN_BIGRAM and a in kept and b in kept:
                out.write(f"{usual[a]} {usual[b]}\t{n}\n")
    print(f"{TARGET}: {len(kept)} syllables, {sum(n >= MIN_BIGRAM for n in bigrams.values())} bigrams")


if __name__ == "__main__":
    main()
