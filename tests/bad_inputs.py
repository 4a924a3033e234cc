"""Make a folder of broken and awkward inputs, each of which must give one clear `errors` row.

Run as a script to look at them: ``python tests/bad_inputs.py DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fpdf import FPDF
from PIL import Image

CONGBAO = Path(__file__).resolve().parents[1].parent / "shared/corpus/scans/congbao_282-2025-ND-CP_digital.pdf"
ZERO_PAGE_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
ZERO_PAGE_PDF += b"trailer<</Root 1 0 R>>\n%%EOF\n"

# file name → error_type expected in the errors table
EXPECTED = {
    "truncated.pdf": "corrupt_input",
    "encrypted.pdf": "encrypted_input",
    "zero-pages.pdf": "empty_input",
    "empty.txt": "empty_input",
    "blank page.png": "no_text",
    "not-a-pdf.pdf": "unsupported_input",
    "spreadsheet.xlsx": "unsupported_input",
    "russian-cp1251.txt": "encoding",
}


def encrypted_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Kế hoạch".encode("ascii", "replace").decode())
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.output(str(path))


def make(folder: Path) -> dict[str, str]:
    """Write every bad input into `folder`; returns file name → expected error type."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "truncated.pdf").write_bytes(CONGBAO.read_bytes()[:30_000])
    encrypted_pdf(folder / "encrypted.pdf")
    (folder / "zero-pages.pdf").write_bytes(ZERO_PAGE_PDF)
    (folder / "empty.txt").write_bytes(b"")
    Image.new("L", (1240, 1754), 255).save(folder / "blank page.png", dpi=(150, 150))
    (folder / "not-a-pdf.pdf").write_text("Đây không phải là PDF", encoding="utf-8")
    (folder / "spreadsheet.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    (folder / "russian-cp1251.txt").write_bytes("Областной комитет утвердил план работы на год".encode("cp1251"))
    return dict(EXPECTED)


if __name__ == "__main__":
    for name, error_type in make(Path(sys.argv[1])).items():
        print(f"{name}: {error_type}")
