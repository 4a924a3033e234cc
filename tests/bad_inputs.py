"""Make a folder of broken and awkward inputs, each of which must give one clear `errors` row.

Run as a script to look at them: ``python tests/bad_inputs.py DIR``.
"""

from __future__ import annotations

import os
import struct
import sys
import unicodedata
import zlib
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image

CONGBAO = Path(__file__).resolve().parents[1].parent / "shared/corpus/scans/congbao_282-2025-ND-CP_digital.pdf"
ZERO_PAGE_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
ZERO_PAGE_PDF += b"trailer<</Root 1 0 R>>\n%%EOF\n"

BOMB_SIDE = 20_000  # pixels: a 400-megapixel black-and-white image that compresses to about 60 kB
BLANK_PDF_PAGES = 2_000
BLANK_TIFF_FRAMES = 100

# file name (in the folder) → error_type expected in the errors table; names mix Vietnamese (NFC and NFD) and spaces
EXPECTED = {
    "truncated.pdf": "corrupt_input",
    "văn bản mã hóa.pdf": "encrypted_input",
    "zero-pages.pdf": "empty_input",
    unicodedata.normalize("NFD", "thư mục.pdf/tệp rỗng.txt"): "empty_input",  # a folder named like a file is searched
    "blank page.png": "no_text",
    "not-a-pdf.pdf": "unsupported_input",
    "spreadsheet.xlsx": "unsupported_input",
    "russian-cp1251.txt": "encoding",
    "bom ảnh.png": "too_large",
    "ảnh khổng lồ.pdf": "too_large",
    f"{BLANK_PDF_PAGES} trang trắng.pdf": "no_text",
    f"{BLANK_TIFF_FRAMES} trang trắng.tiff": "no_text",
    "liên kết hỏng.pdf": "symlink_not_followed",
    "vòng lặp.txt": "symlink_not_followed",
    "ống dẫn.txt": "symlink_not_followed",
}
# the links above, read with --follow-symlinks (their targets are inside the folder): what is found there
FOLLOWED = {"liên kết hỏng.pdf": "unreadable_input", "vòng lặp.txt": "unreadable_input", "ống dẫn.txt": "unreadable_input"}


def encrypted_pdf(path: Path) -> None:
    """A PDF that needs its user password to open."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Ke hoach")
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.output(str(path))


def black_rows(width: int, height: int, row_prefix: bytes = b"") -> bytes:
    """`height` rows of a black 1-bit image, Flate-compressed without holding them all in memory."""
    compressor = zlib.compressobj(9)
    row = row_prefix + bytes((width + 7) // 8)
    chunks = [compressor.compress(row * 1000) for _ in range(height // 1000)]
    return b"".join(chunks) + compressor.compress(row * (height % 1000)) + compressor.flush()


def png_bomb(side: int) -> bytes:
    """A PNG whose header asks for side × side pixels: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    pixels = black_rows(side, side, row_prefix=b"\x00")  # each PNG row starts with its filter type
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of the numbered `objects` (the first is the catalog), with its cross-reference table."""
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def pdf_with_giant_image(side: int) -> bytes:
    """An A4 page showing one side × side pixel image: rendering it at any resolution decodes it whole."""
    pixels = black_rows(side, side)
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    return pdf_file(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</XObject<</Im0 5 0 R>>>>>>",
            b"<</Length %d>>stream\n%s\nendstream" % (len(content), content),
            b"<</Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 1"
            b"/Filter/FlateDecode/Length %d>>stream\n%s\nendstream" % (side, side, len(pixels), pixels),
        ]
    )


def blank_pdf(path: Path, pages: int) -> None:
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    pdf.save(path)
    pdf.close()


def make(folder: Path) -> dict[str, str]:
    """Write every bad input into `folder`; returns file name → expected error type."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "truncated.pdf").write_bytes(CONGBAO.read_bytes()[:30_000])
    encrypted_pdf(folder / "văn bản mã hóa.pdf")
    (folder / "zero-pages.pdf").write_bytes(ZERO_PAGE_PDF)
    empty = folder / unicodedata.normalize("NFD", "thư mục.pdf/tệp rỗng.txt")
    empty.parent.mkdir(exist_ok=True)
    empty.write_bytes(b"")
    Image.new("L", (1240, 1754), 255).save(folder / "blank page.png", dpi=(150, 150))
    (folder / "not-a-pdf.pdf").write_text("Đây không phải là PDF", encoding="utf-8")
    (folder / "spreadsheet.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    (folder / "russian-cp1251.txt").write_bytes("Областной комитет утвердил план работы на год".encode("cp1251"))
    (folder / "bom ảnh.png").write_bytes(png_bomb(BOMB_SIDE))
    (folder / "ảnh khổng lồ.pdf").write_bytes(pdf_with_giant_image(BOMB_SIDE))
    blank_pdf(folder / f"{BLANK_PDF_PAGES} trang trắng.pdf", BLANK_PDF_PAGES)
    blank = Image.new("1", (1240, 1754), 1)
    blank.save(
        folder / f"{BLANK_TIFF_FRAMES} trang trắng.tiff",
        save_all=True,
        append_images=[blank] * (BLANK_TIFF_FRAMES - 1),
        compression="group4",
    )
    make_links(folder)
    return dict(EXPECTED)


def make_links(folder: Path) -> None:
    """The awkward links of FOLLOWED: broken, looping, and leading to a named pipe."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "liên kết hỏng.pdf").symlink_to("đã xóa.pdf")
    (folder / "vòng lặp.txt").symlink_to("vòng lặp.txt")
    (folder / ".pipes").mkdir(exist_ok=True)  # hidden: the batch does not look in it, but follows the link
    os.mkfifo(folder / ".pipes" / "pipe")
    (folder / "ống dẫn.txt").symlink_to(Path(".pipes", "pipe"))


if __name__ == "__main__":
    for name, error_type in make(Path(sys.argv[1])).items():
        print(f"{name}: {error_type}")
