"""Render dev texts as scanned A4 pages, the way offices print them, so that the gold of a text is the gold of its scan.

A dev text (../shared/corpus/dev/) and its gold (tests/gold/<stem>.json) give the blocks of a printed page: the
header's two columns (issuer under its parent and the number, a công văn's V/v; the national lines and the
place-date line), the centred type and title, the body as the text has it, Nơi nhận beside the signature block.
The page is laid out and degraded by scripts/make_samples.py (a seal over the signature, red or grey, skew, blur,
sensor noise, JPEG in the PDF), and optionally a grey seal crossing the place-date line (a photocopy of a copy).

For every rendered document the output folder gets the scan and ``<name>.txt`` (the printed text: the ground truth
of its OCR), and ``manifest.json`` an entry (the dev gold it shares, the stamp texts printed over the document's
own). Every random choice has a fixed seed: two runs give the same
files.

Usage: python scripts/render_scans.py [--out data/rendered] [STEM ...]   (default: the documents in RENDERED)
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from make_samples import (
    DPI,
    PDF_DATE,
    RED,
    ScanStyle,
    ink_layer,
    layout_blocks,
    print_on,
    rasterize,
    scanned,
    seal_mask,
    signature_overlay,
)

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
GOLD = ROOT / "tests" / "gold"
OUT = ROOT / "data" / "rendered"
GREY = (90, 90, 90)
NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
AUTHORITY = re.compile(r"\s+(?=(?:KT|TM|TL|TUQ|Q)\.\s)")
SIGNING = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\.(?:\s|$)")
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
RULE = re.compile(r"^[-_=*\s]+$")


@dataclass(frozen=True)
class Rendering:
    """How one dev text is printed and scanned."""

    stem: str
    seed: int
    grey: bool = False  # a greyscale scan: the seal prints grey over the text
    seal_on_date: bool = False  # a second seal across the place-date line


RENDERED = (
    Rendering("src-congbot-26", 26),
    Rendering("src-congbot-22", 22, grey=True, seal_on_date=True),
    Rendering("src-congbot-24", 24, seal_on_date=True),
    Rendering("src-congbot-12", 12, grey=True),
    Rendering("src-congbot-28", 28),
    Rendering("src-vbpl-33", 33, grey=True),
    Rendering("src-vbpl-29", 29, seal_on_date=True),
)


def clean(line: str) -> str:
    """A line of a dev text without Markdown emphasis and escapes, spaces collapsed."""
    line = line.replace("**", "").replace("\\", "")
    return " ".join(line.split())


def cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def items(cell: str, label: str) -> list[str]:
    """The ``- a; - b`` items of a Kính gửi or Nơi nhận cell, as printed lines."""
    rest = cell.split(":", 1)[1] if cell.startswith(label) else cell
    parts = [p.strip().lstrip("-").strip() for p in re.split(r";\s+-\s+", rest.strip())]
    return [f"- {p}" + ("" if p.endswith((".", ";")) or i == len(parts) - 1 else ";") for i, p in enumerate(parts) if p]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if c.isalnum())


def body_lines(text: str, metadata: dict) -> tuple[list[str], list[str]]:
    """The body of a dev text as printed lines (Kính gửi included), and its Nơi nhận block ([] when it has none)."""
    lines = [clean(line) for line in text.splitlines()]
    lines = [line for i, line in enumerate(lines) if line and not (i == 0 and line.startswith("#"))]
    lines = [line for line in lines if not RULE.match(line) and not line.startswith("|---") and line != "(Đã ký)"]
    title = fold(metadata.get("title") or "")
    signer = {metadata.get("signer_title"), metadata.get("signer_name")}

    def is_body(line: str) -> bool:
        if line.startswith(("Kính gửi", "| Kính gửi")):
            return True
        letters = [c for c in line if c.isalpha()]
        capitals = letters and sum(c.isupper() for c in letters) / len(letters) > 0.8
        words = [w for w in line.split() if any(c.isalpha() for c in w)]
        national = any(fold(n) in fold(line) for n in NATIONAL)
        return not line.startswith("|") and len(words) >= 8 and not (capitals or national or fold(line) in title)

    def is_end(line: str) -> bool:
        return line.startswith(("Nơi nhận", "| Nơi nhận", "|  |", "| |")) or bool(SIGNING.match(line)) or line in signer

    start = next(i for i, line in enumerate(lines) if is_body(line))
    end = next((i for i in range(start + 1, len(lines)) if is_end(lines[i])), len(lines))
    body: list[str] = []
    for line in lines[start:end]:
        if line.startswith("| Kính gửi"):
            row = cells(line)
            body += ["Kính gửi:", *items(" ".join(row[1:]) or row[0], "Kính gửi")]
        elif line.startswith("|"):
            body.append(" ".join(c for c in cells(line) if c))
        else:
            body.append(line)
    recipients: list[str] = []
    for i in range(end, len(lines)):
        if lines[i].startswith("| Nơi nhận"):
            recipients = ["Nơi nhận:", *items(cells(lines[i])[0], "Nơi nhận")]
        elif lines[i].startswith("Nơi nhận"):
            recipients = ["Nơi nhận:"] + [line for line in lines[i + 1 :] if line.startswith("-")]
    return body, recipients


def blocks_of(stem: str) -> tuple[list[list[str]], dict]:
    """The printed blocks of dev text `stem` and its gold."""
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    meta = gold["metadata"]
    text = unicodedata.normalize("NFC", (DEV / f"{stem}.txt").read_text(encoding="utf-8"))
    body, recipients = body_lines(text, meta)
    is_letter = meta["doc_type"] == "Công văn"
    left = [meta["issuer_parent"]] if meta.get("issuer_parent") else []
    left += [meta["issuer"], f"Số: {meta['number_symbol']}"]
    if is_letter:
        left.append(f"V/v {meta['title']}")
    date = DATE.search(text)
    year, month, day = meta["issue_date"].split("-")
    day, month, year = date.groups() if date else (day, month, year)
    right = [*NATIONAL, f"{meta['issue_place']}, ngày {day} tháng {month} năm {year}"]
    signature = [line for line in AUTHORITY.split(meta.get("signing_authority") or "") if line]
    signature += [meta["signer_title"], meta["signer_name"]]
    title = [] if is_letter else [[meta["doc_type"].upper(), meta["title"]]]
    return [left, right, *title, body, recipients, signature], gold


def render(rendering: Rendering, out: Path) -> dict:
    """Write the scan and its text into `out`; return its manifest entry."""
    blocks, gold = blocks_of(rendering.stem)
    lay = layout_blocks(blocks)
    rng = np.random.default_rng(rendering.seed)
    issuer = gold["metadata"]["issuer"]
    seal_text = issuer if len(issuer) <= 40 else issuer[:40].rsplit(" ", 1)[0]
    signature = signature_overlay(lay, seal_text, rng)
    s = DPI / 72.0
    pages = [rasterize(page) for page in lay.pages]
    print_on(pages[lay.sig_page], signature, (round(lay.sig_box[0] * s), round(lay.sig_box[1] * s)))
    stamps = [seal_text]
    if rendering.seal_on_date:  # the date line sits at the top right, under the national lines
        mask = seal_mask(seal_text, 330).rotate(float(rng.uniform(-30, 30)))
        print_on(pages[0], ink_layer(mask, GREY if rendering.grey else RED, rng, 0.55), (1500, 150))
    style = ScanStyle(
        angle=float(rng.uniform(-1.2, 1.2)), blur=float(rng.uniform(0.6, 1.0)), noise=float(rng.uniform(2.5, 5.0)),
        specks=int(rng.integers(0, 40)), gray=rendering.grey,
    )  # fmt: skip
    pages = [scanned(page, style, rng) for page in pages]
    name = f"{rendering.stem}-scan.pdf"
    when = PDF_DATE.timetuple()
    pages[0].save(
        out / name, "PDF", resolution=float(DPI), save_all=True, append_images=pages[1:], quality=60,
        creationDate=when, modDate=when, title=name,
    )  # fmt: skip
    truth = "\n\n".join("\n".join(block) for block in blocks)
    (out / f"{rendering.stem}-scan.txt").write_text(truth + "\n", encoding="utf-8")
    return {
        "file": name, "ground_truth": f"{rendering.stem}-scan.txt", "gold": f"{rendering.stem}.json",
        "pages": len(pages), "stamp_text": stamps,
    }  # fmt: skip


def scan_gold(entry: dict) -> dict:
    """The gold of a rendered scan: the gold of its dev text, naming the scan."""
    gold = json.loads((GOLD / entry["gold"]).read_text(encoding="utf-8"))
    return {**gold, "file": entry["file"], "notes": f"the gold of dev/{Path(entry['gold']).stem}.txt: its scan by {Path(__file__).name}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("stems", nargs="*", help="dev text stems (default: all of RENDERED)")
    args = parser.parse_args()
    chosen = [r for r in RENDERED if not args.stems or r.stem in args.stems]
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = [render(rendering, args.out) for rendering in chosen]
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for entry in manifest:
        print(f"{args.out / entry['file']}: {entry['pages']} pages")


if __name__ == "__main__":
    main()
