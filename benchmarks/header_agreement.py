"""Header fields on the bulk texts against the page name (slug) each one carries, field by field.

A vbpl.vn page name spells the document's type, number-symbol and title (``thong-tu-so-06-2026-tt-bxd-cong-bo-vung-
nuoc-…``; a law's name comes before its number: ``luat-bao-chi-so-…``), and the symbol names the issuer (``BXD``: Bộ
Xây dựng, by the code table of ``references.toml``): an independent reading of about 700 headers. Per field:

- ``doc_type``: the slug opens with the type's folded name;
- ``number_symbol``: as printed where the text prints the slug's number (``legal_structure.text_agrees``); a text
  that prints none or another (a draft, an English translation, a page holding another text) is left out;
- ``issue_date``: a date in the year of the number (a number's year is the year it was issued);
- ``issuer``: the body the symbol's issuer code names, or its head (``TTg``: Thủ tướng Chính phủ), folded;
  ``issuer_parent``: none above a national body (a ministry, the Government, the National Assembly);
- ``title``: the slug's title words, folded, a few letters of difference allowed (:func:`close`), and the words a
  page name leaves out before them (:func:`unspelled_opening`).

The fields are read only where the slug spells them (a joint circular names no single issuer; an English page
prints its issuer and title in English). The check-set documents are left out: they are measured by the evaluation, never read for rules.

    PYTHONPATH=. python benchmarks/header_agreement.py [--show FIELD] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import tomllib
from difflib import SequenceMatcher

from common import BULK, CHECK, HEAD, ROOT, bulk_document, fold, read_slug, text_agrees, timer

from pipeline.document_types import document_types
from pipeline.structure.header import parse_header
from pipeline.structure.identification import Header
from pipeline.structure.lines import join_split_labels, split_lines

FIELDS = ("doc_type", "number_symbol", "issue_date", "issuer", "issuer_parent", "title")
SLIPS = 4  # letters in which a title may differ from the slug's
ISSUER_HEADS = {"ttg": "thu-tuong-chinh-phu"}  # a symbol code that names the body's head, not the body
UNSPELLED_OPENINGS = ("ve-viec", "ban-hanh")  # a printed title's first words that page names leave out


def _issuer_codes() -> dict[str, str]:
    """Folded issuer code of a state symbol → folded name of the body (``btc`` → ``bo-tai-chinh``)."""
    table = tomllib.loads((ROOT / "pipeline" / "data" / "references.toml").read_text(encoding="utf-8"))
    return {fold(code): fold(name) for code, name in table["issuers"]["state"].items()}


def _type_names() -> list[str]:
    """Folded type names, the longest first (``thong-tu-lien-tich`` before ``thong-tu``)."""
    return sorted({fold(t["name"]) for t in document_types()}, key=len, reverse=True)


def _type_codes() -> set[str]:
    """Folded type abbreviations of state symbols (``tt``, ``nd``, ``vbhn``, ``ttlt`` …)."""
    return {fold(code) for t in document_types() for code in t.get("state", [])}


def expected(slug: str, codes: dict[str, str], types: list[str], type_codes: set[str]) -> dict[str, str | None]:
    """What the slug spells of each field (a field it does not spell is missing from the result). After its number
    and year: the symbol (a type code and issuer codes, or one issuer code: ``qh15``), then the title; a law's name
    stands between its type and ``so``."""
    found: dict[str, str | None] = {}
    reading = read_slug(slug)
    if reading is None:
        return found
    if reading.year:
        found["issue_date"] = reading.year
    tokens = reading.after
    symbol = tokens[:1]
    if symbol[0] in type_codes:
        symbol = tokens[:2]
        while len(symbol) < len(tokens) and tokens[len(symbol)] in codes:
            symbol.append(tokens[len(symbol)])
    elif re.sub(r"\d+$", "", symbol[0]) not in codes:
        return {}  # no symbol where the slug should spell one: words of another shape
    english = reading.page.startswith("vbpqta")
    issuers = [re.sub(r"\d+$", "", token) for token in symbol[-1:] if re.sub(r"\d+$", "", token) in codes]
    if issuers and len(symbol) <= 2 and not english:
        found["issuer"] = ISSUER_HEADS.get(issuers[0], codes[issuers[0]])
        found["issuer_parent"] = None
    before = reading.before
    doc_type = next((t for t in types if before == t or before.startswith(f"{t}-")), None)
    if doc_type:
        found["doc_type"] = doc_type
        title = before[len(doc_type) + 1 :] if before != doc_type else "-".join(tokens[len(symbol) :])
        if title and not english:
            found["title"] = title
    return found


def close(want: str, got: str) -> bool:
    """Folded texts that differ by at most a few letters, word breaks aside: the slug's typing slips (``bo-suung``)
    and its letters cut from their decomposed accents (``kie-u-ma-u``) are no disagreement, a lost word is."""
    want, got = want.replace("-", ""), got.replace("-", "")
    matched = sum(block.size for block in SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks())
    return len(want) + len(got) - 2 * matched <= SLIPS


def unspelled_opening(got: str, types: list[str]) -> str:
    """The folded title without the words a page name may leave out before it: the type the title repeats (``THÔNG
    TƯ`` / ``Thông tư sửa đổi …``), ``Về việc``, ``Ban hành`` (the title is as printed, so they stay in the header)."""
    opening = next((o for o in (*types, *UNSPELLED_OPENINGS) if got.startswith(f"{o}-")), None)
    return got[len(opening) + 1 :] if opening else got


def agrees(name: str, want: str | None, header: Header, types: list[str]) -> bool:
    """Does the header's field agree with the slug's reading?"""
    got = getattr(header, name)
    if name == "issue_date":
        return bool(got) and got[:4] == want
    if name == "issuer_parent":
        return got is None
    if name == "title" and got:
        return close(want or "", fold(got)) or close(want or "", unspelled_opening(fold(got), types))
    return bool(got) and close(want or "", fold(got))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the disagreements of this field")
    parser.add_argument("--limit", type=int, default=60, help="disagreements to print with --show")
    args = parser.parse_args()
    codes, types, type_codes = _issuer_codes(), _type_names(), _type_codes()
    counts = {name: [0, 0] for name in FIELDS}  # agreeing, compared
    shown: list[str] = []
    total = 0
    with timer() as elapsed, gzip.open(BULK, "rt", encoding="utf-8") as records:
        for record in map(json.loads, records):
            if record["id"] in CHECK:
                continue
            total += 1
            document = bulk_document(record["id"], record["text"])
            header = parse_header(join_split_labels(split_lines(document.text)))
            own = text_agrees(record["slug"], document.text[:HEAD], header.number_symbol)
            if own is None:
                continue  # the text prints no number or another one: a draft, a translation, another text
            spelled = expected(record["slug"], codes, types, type_codes) | {"number_symbol": record["slug"]}
            for name in (name for name in FIELDS if name in spelled):
                verdict = own if name == "number_symbol" else agrees(name, spelled[name], header, types)
                counts[name][0] += verdict
                counts[name][1] += 1
                if not verdict and name == args.show:
                    shown.append(f"{record['id']}: want {spelled.get(name)!r}\n{'':12}got  {getattr(header, name)!r}")
    print(f"{total} documents (check set left out) in {elapsed[0]:.0f} s")
    for name in FIELDS:
        right, compared = counts[name]
        print(f"{name:14} {right:4}/{compared:4} = {right / compared if compared else 1:.3f}")
    print("\n".join(shown[: args.limit]))


if __name__ == "__main__":
    main()
