"""The gazetteer: known bodies with their canonical names and aliases (``data/organisations.toml``), and the
abbreviations of names (``data/abbreviations.toml``), one meaning each.

Known names are matched with a spaCy PhraseMatcher, case-insensitively. They give a body its canonical name and
keep a list from splitting inside one (``Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố``)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from pipeline.language.folding import fold
from pipeline.language.lexicon import DATA_PACKAGE, agreement, lexicon
from pipeline.language.per_document import document_cache

BODIES = lexicon("organisations.toml", {"bodies": [{"name": str, "aliases?": [str]}]})
ABBREVIATIONS = lexicon("abbreviations.toml", {"expansions": {str: str}})

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher


@cache
def _expansions() -> list[tuple[re.Pattern[str], str]]:
    items = sorted(ABBREVIATIONS.data()["expansions"].items(), key=lambda kv: len(kv[0]), reverse=True)
    return [(re.compile(rf"(?<![\w&]){re.escape(short)}(?![\w&])"), full) for short, full in items]


@cache
def _any_abbreviation() -> re.Pattern[str]:
    """Where any abbreviation is written: a name with none (most) is left as it is at once."""
    shorts = sorted(ABBREVIATIONS.data()["expansions"], key=len, reverse=True)
    return re.compile(rf"(?<![\w&])(?:{'|'.join(map(re.escape, shorts))})(?![\w&])")


def expand_abbreviations(name: str) -> str:
    """`name` with every abbreviation written out (``UBND tỉnh`` → ``Ủy ban nhân dân tỉnh``)."""
    if not _any_abbreviation().search(name):
        return name
    for pattern, full in _expansions():
        name = pattern.sub(full, name)
    return name


@agreement
def abbreviation_clashes() -> list[str]:
    """Abbreviations that mean two things across the data files: a short form of ``abbreviations.toml``, an alias
    in capitals of a known body and an issuer's code in a document symbol (``references.toml``) must name the
    same body (``TTCP`` is Thanh tra Chính phủ, not also Thủ tướng Chính phủ). One meaning that begins another
    agrees with it (``TW``: Trung ương, Trung ương Đảng)."""
    meanings: dict[str, set[str]] = {}
    for short, full in ABBREVIATIONS.data()["expansions"].items():
        meanings.setdefault(short, set()).add(full)
    for body in BODIES.data()["bodies"]:
        for alias in body.get("aliases", []):
            if alias.replace("&", "").isupper():
                meanings.setdefault(alias, set()).add(body["name"])
    for codes in _issuer_codes().values():
        for short, full in codes.items():
            meanings.setdefault(short, set()).add(full)
    return [
        f"{short} means {' and '.join(sorted(names))}"
        for short, names in sorted(meanings.items())
        if not _one_meaning({fold(name) for name in names})
    ]


def _one_meaning(folded: set[str]) -> bool:
    shortest = min(folded, key=len)
    return all(f"{name} ".startswith(f"{shortest} ") for name in folded)


def _issuer_codes() -> dict[str, dict[str, str]]:
    """The issuers' codes of document symbols, by group (references.toml, which the reference stage reads)."""
    text = resources.files(DATA_PACKAGE).joinpath("references.toml").read_text("utf-8")
    return tomllib.loads(text)["issuers"]


@cache
def _matcher() -> tuple[Any, PhraseMatcher, dict[str, str]]:
    """A spaCy PhraseMatcher over every alias of the known bodies, matching case-insensitively. spaCy is imported
    here, not with the module: the batch's own process reads abbreviations (number-symbol keys, to resolve
    citations across the batch) and never matches a name, and importing spaCy took it 2.4 s."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("xx")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    canonical: dict[str, str] = {}
    for body in BODIES.data()["bodies"]:
        key = f"body{len(canonical)}"
        canonical[key] = body["name"]
        matcher.add(key, [nlp.make_doc(alias) for alias in [body["name"], *body.get("aliases", [])]])
    return nlp, matcher, canonical


@document_cache(maxsize=8192)  # a name is looked up again by each reading of its clause
def known_canonical(name: str) -> str | None:
    """The canonical name of a known body written as `name` (the whole of it), else None."""
    nlp, matcher, names = _matcher()
    doc = nlp.make_doc(name)
    whole = [m for m in matcher(doc) if m[1] == 0 and m[2] == len(doc)]
    return names[nlp.vocab.strings[whole[0][0]]] if whole else None


def known_spans(span: str) -> list[tuple[int, int]]:
    """Character spans of the known bodies in `span`, none inside a longer one."""
    return list(_known_spans(span))


@document_cache(maxsize=8192)  # a third of the spans are asked again, by each reading of their clause
def _known_spans(span: str) -> tuple[tuple[int, int], ...]:
    nlp, matcher, _ = _matcher()
    doc = nlp.make_doc(span)
    matches = [(start, end) for _, start, end in matcher(doc)]
    longest = [(s, e) for s, e in matches if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in matches)]
    return tuple(sorted((doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in longest))


def is_known(name: str) -> bool:
    """A known body's whole name, written as a name (``Thành ủy``; ``thành ủy`` in a list is a kind)."""
    return name[:1].isupper() and known_canonical(name) is not None
