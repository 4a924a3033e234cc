"""Digital-PDF time of the pipeline against raw pypdfium2 text extraction of the same file (goal ≤ 3×).

Three figures: raw pypdfium2 text of every page; vanban's own stages in this process (read with the text-layer
quality test and page-1 layout, then normalize); and a whole `vanban run` (worker pool, tables, DuckDB).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from common import SCANS, timer

from pipeline import batch, ingest
from pipeline.normalize import normalize
from pipeline.settings import Settings

PDF = SCANS / "congbao_282-2025-ND-CP_digital.pdf"


def raw_pdfium() -> int:
    document = pdfium.PdfDocument(PDF)
    chars = sum(len(document[i].get_textpage().get_text_bounded()) for i in range(len(document)))
    document.close()
    return chars


def main() -> None:
    settings = Settings()
    raw_pdfium()  # warm the file cache
    with timer() as raw:
        chars = raw_pdfium()
    with timer() as stages:
        result = ingest.read(PDF, str(PDF), ingest.sha256_of(PDF), settings)
        normalize(ingest.assemble(result, []))
    with tempfile.TemporaryDirectory() as out, timer() as whole:
        batch.run([PDF], Path(out), settings, jobs=1, progress=False)
    print(f"{PDF.name}: {len(result.document.pages)} pages, {chars} characters")
    print(f"raw pypdfium2 text: {raw[0]:.2f} s")
    print(f"vanban stages (read + normalize): {stages[0]:.2f} s → {stages[0] / raw[0]:.1f}× raw (goal ≤ 3×)")
    print(f"vanban run (pool, tables, DuckDB): {whole[0]:.2f} s → {whole[0] / raw[0]:.1f}× raw")


if __name__ == "__main__":
    main()
