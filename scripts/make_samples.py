"""Regenerate the sample input documents in data/raw/ from the source texts in scripts/samples/.

A source text is a typist's transcription in reading order, made of blank-line separated blocks:
header left column (issuer, number, V/v), header right column (national line, place and date),
the centred title (a công văn has none), the body, Nơi nhận (bottom left) and the signature block
(bottom right). The renderer puts each block where it sits on a real page, then degrades the page
into a scan, a phone photo or a digital PDF. Every random choice uses a fixed seed and the PDF dates
are fixed, so two runs give byte-identical files. Also writes scripts/samples/manifest.json.

Usage: python scripts/make_samples.py
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from fpdf import FPDF
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts" / "samples"
RAW = ROOT / "data" / "raw"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian package fonts-dejavu-core
SERIF = {
    "": "DejaVuSerifCondensed.ttf",
    "B": "DejaVuSerifCondensed-Bold.ttf",
    "I": "DejaVuSerifCondensed-Italic.ttf",
    "BI": "DejaVuSerifCondensed-BoldItalic.ttf",
}
STAMP_FONT = "DejaVuSans-Bold.ttf"
HAND_FONT = "DejaVuSansCondensed-Oblique.ttf"
PDF_DATE = datetime(2024, 12, 6, 8, 30, tzinfo=UTC)

PAGE_W, PAGE_H = 595.28, 841.89  # A4, points
LEFT, RIGHT, TOP, BOTTOM = 85.0, 57.0, 57.0, 57.0  # 30 / 20 / 20 / 20 mm
TEXT_W = PAGE_W - LEFT - RIGHT
LEFT_COL = 0.42 * TEXT_W  # header and Nơi nhận column width
BODY_PT, LEADING, PARA_GAP, INDENT = 13.0, 1.15, 2.5, 28.0
SIG_GAP = 96.0  # blank space left for the signature and seal
DPI = 300
SEAL_PX, SIGN_PX = 385, 500  # seal diameter (32.5 mm) and signature width at 300 dpi
INK = (28, 28, 30)
RED, BLUE, PEN = (205, 32, 42), (38, 62, 168), (22, 36, 120)

Word = tuple[str, str]  # text, font style


@dataclass(frozen=True)
class Run:
    """A piece of text with its left end on a baseline, in points."""

    x: float
    y: float
    text: str
    style: str
    size: float


@dataclass
class Page:
    """Text runs and horizontal rules (x0, x1, y) of one page."""

    runs: list[Run] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)


@dataclass
class Layout:
    """A laid-out document with the places stamps go, in points."""

    pages: list[Page]
    header_bottom: float
    sig_page: int
    sig_box: tuple[float, float, float, float]  # blank between the signer's title and name


@dataclass(frozen=True)
class Incoming:
    """The receiving office's stamp, filled in by hand."""

    office: str
    number: str
    date: str
    forward: str
    ink: tuple[int, int, int]

    def lines(self) -> list[str]:
        """The stamp's text, line by line."""
        return [self.office, "ĐẾN", f"Số: {self.number}", f"Ngày: {self.date}", f"Chuyển: {self.forward}"]


@dataclass(frozen=True)
class ScanStyle:
    """How a scanner degrades the page."""

    angle: float  # degrees, counter-clockwise
    blur: float  # Gaussian radius, px
    noise: float  # sensor noise sigma, grey levels
    paper: tuple[int, int, int] = (248, 246, 240)
    specks: int = 0  # dust specks per page
    shadow: bool = False  # dark band along the binding edge
    gray: bool = False  # greyscale scan (the seal turns grey)


@dataclass(frozen=True)
class Sample:
    """One output file in data/raw/ and how it is rendered."""

    source: str  # stem of scripts/samples/<source>.txt
    file: str
    kind: str  # scan_pdf | digital_pdf | photo_jpg | text
    seed: int = 0
    seal: str | None = None  # ring text of the red seal over the signature
    incoming: Incoming | None = None
    scan: ScanStyle | None = None


SAMPLES = (
    Sample(
        "kh-45-tu",
        "kh-45-tu-scan.pdf",
        "scan_pdf",
        seed=45,
        seal="TỈNH ỦY BẮC LÂM",
        incoming=Incoming("SỞ NỘI VỤ TỈNH BẮC LÂM", "1234", "20/11/24", "P.CCVC", BLUE),
        scan=ScanStyle(angle=0.9, blur=0.7, noise=3.0),
    ),
    Sample(
        "qd-1351-ubnd",
        "qd-1351-ubnd-scan.pdf",
        "scan_pdf",
        seed=1351,
        seal="ỦY BAN NHÂN DÂN TỈNH BẮC LÂM",
        scan=ScanStyle(angle=-0.6, blur=0.9, noise=4.0, paper=(238, 238, 238), specks=60, shadow=True, gray=True),
    ),
    Sample("cv-360-snv", "cv-360-snv-digital.pdf", "digital_pdf", seed=360, seal="SỞ NỘI VỤ TỈNH BẮC LÂM"),
    Sample("cv-360-snv", "cv-360-snv.txt", "text"),
    Sample("tb-128-hu", "tb-128-hu-photo.jpg", "photo_jpg", seed=128, seal="HUYỆN ỦY THẠCH LÂM"),
)


@cache
def font(name: str, size: float) -> ImageFont.FreeTypeFont:
    """A DejaVu font file at a size (px when drawing, pt when measuring); basic layout for repeatable output."""
    return ImageFont.truetype(str(FONT_DIR / name), size, layout_engine=ImageFont.Layout.BASIC)


def text_width(text: str, style: str, size: float) -> float:
    """Advance width of text in the serif style, in points."""
    return font(SERIF[style], 100.0).getlength(text) * size / 100.0


# ---------------------------------------------------------------- layout


class Flow:
    """Pages filled top to bottom."""

    def __init__(self) -> None:
        self.pages = [Page()]
        self.y = TOP

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def take(self, height: float, keep: float = 0.0) -> float:
        """Reserve height (plus keep for what must follow on the same page); return its top."""
        if self.y + height + keep > PAGE_H - BOTTOM:
            self.pages.append(Page())
            self.y = TOP
        top = self.y
        self.y += height
        return top


def wrap(words: list[Word], size: float, first: float, rest: float) -> list[list[Word]]:
    """Greedy line breaking into lines of width first, then rest."""
    lines: list[list[Word]] = [[]]
    used, limit, space = 0.0, first, text_width(" ", "", size)
    for word in words:
        w = text_width(word[0], word[1], size)
        if lines[-1] and used + space + w > limit:
            lines.append([])
            used, limit = 0.0, rest
        used += (space if lines[-1] else 0.0) + w
        lines[-1].append(word)
    return lines


def place(page: Page, words: list[Word], x: float, width: float, y: float, size: float, align: str) -> None:
    """Put one line on the page; align is left, center, right or justify."""
    widths = [text_width(t, s, size) for t, s in words]
    space = text_width(" ", "", size)
    gap = (width - sum(widths)) / (len(words) - 1) if align == "justify" and len(words) > 1 else space
    total = sum(widths) + gap * (len(words) - 1)
    x += {"left": 0.0, "justify": 0.0, "center": (width - total) / 2, "right": width - total}[align]
    if gap == space:  # one run per style change keeps real spaces in the PDF text
        groups: list[list[Word]] = []
        for word in words:
            if groups and groups[-1][0][1] == word[1]:
                groups[-1].append(word)
            else:
                groups.append([word])
        for group in groups:
            text = " ".join(t for t, _ in group)
            page.runs.append(Run(x, y, text, group[0][1], size))
            x += text_width(text, group[0][1], size) + space
        return
    for (t, s), w in zip(words, widths):
        page.runs.append(Run(x, y, t, s, size))
        x += w + gap


def paragraph(
    flow: Flow,
    words: list[Word],
    size: float = BODY_PT,
    align: str = "justify",
    x: float = LEFT,
    width: float = TEXT_W,
    indent: float = INDENT,
    hanging: float = 0.0,
    keep: float = 0.0,
) -> None:
    """Flow a paragraph; the last line of a justified paragraph is left-aligned."""
    lines = wrap(words, size, width - indent, width - hanging)
    for i, line in enumerate(lines):
        top = flow.take(size * LEADING, keep if i == 0 else 0.0)
        offset = indent if i == 0 else hanging
        last_align = "left" if align == "justify" and i == len(lines) - 1 else align
        place(flow.page, line, x + offset, width - offset, top + size, size, last_align)
    flow.y += PARA_GAP


def words_of(text: str, style: str = "") -> list[Word]:
    """Split text into words of one style."""
    return [(w, style) for w in text.split()]


def column(page: Page, lines: list[tuple[str, str, float]], x: float, width: float, top: float) -> list[float]:
    """Centre (text, style, size) lines in a column from top; return each line's baseline."""
    baselines = []
    for text, style, size in lines:
        for line in wrap(words_of(text, style), size, width, width):
            baselines.append(top + size)
            place(page, line, x, width, top + size, size, "center")
            top += size * LEADING
    return baselines


def underline(page: Page, text: str, style: str, size: float, cx: float, y: float, share: float = 1.0) -> None:
    """Rule under a centred line, share of its width."""
    half = text_width(text, style, size) * share / 2
    page.rules.append((cx - half, cx + half, y + 5.0))


def header(flow: Flow, left: list[str], right: list[str]) -> None:
    """Issuer block on the left, national line on the right; the place-date line sits near the number line."""
    page, top = flow.page, flow.y
    number = next(i for i, line in enumerate(left) if line.startswith("Số"))
    issuer = max(i for i in range(number) if left[i] != "*")
    state = right[0].startswith("CỘNG HÒA")
    rx, rw = LEFT + LEFT_COL, TEXT_W - LEFT_COL
    upper = column(
        page,
        [(line, "B" if i == issuer else "", 12.5) for i, line in enumerate(left[: issuer + 1])],
        LEFT,
        LEFT_COL,
        top,
    )
    if state:  # a short rule under the issuer; a Party document has the star line instead
        underline(page, left[issuer], "B", 12.5, LEFT + LEFT_COL / 2, upper[-1], 0.4)
    sizes = {"Số": 13.0, "*": 12.5}  # the number line, the star; V/v lines are smaller
    lower = [(line, "", sizes.get(line.split(" ")[0].rstrip(":"), 11.5)) for line in left[issuer + 1 :]]
    lower_base = column(page, lower, LEFT, LEFT_COL, upper[-1] + (9.0 if state else 3.0))
    national = [(line, "B", 13.0 if line.startswith(("Độc lập", "ĐẢNG")) else 12.0) for line in right[:-1]]
    right_base = column(page, national, rx, rw, top)
    for (text, style, size), base in zip(national, right_base):
        if text.startswith(("Độc lập", "ĐẢNG")):
            underline(page, text, style, size, rx + rw / 2, base)
    date_top = max(lower_base[number - issuer - 1] - 13.0, right_base[-1] + 6.0)
    date_base = column(page, [(right[-1], "I", 13.0)], rx, rw, date_top)
    flow.y = max(lower_base[-1], date_base[-1]) + 6.0


def title(flow: Flow, lines: list[str]) -> None:
    """Centred bold type name, subject and, for a decision, the issuing authority."""
    flow.y += 40.0
    paragraph(flow, words_of(lines[0], "B"), 14.0, "center", indent=0.0)
    paragraph(flow, words_of(lines[1], "B"), 13.5, "center", x=LEFT + 30, width=TEXT_W - 60, indent=0.0)
    flow.page.rules.append((PAGE_W / 2 - 40, PAGE_W / 2 + 40, flow.y + 3.0))
    flow.y += 8.0
    for line in lines[2:]:
        flow.y += 6.0
        paragraph(flow, words_of(line, "B"), 13.0, "center", indent=0.0)


ROMAN = re.compile(r"[IVXL]+\.\s")
NUMBERED = re.compile(r"\d+\.\s")
ARTICLE = re.compile(r"(Điều \d+\.)\s+(.*)")


def is_heading(line: str) -> bool:
    """A short line without final punctuation is a heading, not a numbered item's text."""
    return not line.endswith((".", ";", ":", ",")) and len(line) < 110


def body(flow: Flow, lines: list[str]) -> None:
    """Body paragraphs: headings bold, a decision's preamble italic, Kính gửi list indented."""
    preamble = "QUYẾT ĐỊNH:" in lines
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line == "Kính gửi:":
            items = []
            while i < len(lines) and lines[i].startswith("- "):
                items.append(lines[i])
                i += 1
            flow.y += 4.0
            paragraph(flow, words_of(line), align="left", x=LEFT + 60, indent=0.0)
            for item in items:
                paragraph(flow, words_of(item), align="left", x=LEFT + 130, width=TEXT_W - 130, indent=0.0, hanging=8.0)
            flow.y += 6.0
        elif line == "QUYẾT ĐỊNH:":
            preamble = False
            flow.y += 4.0
            paragraph(flow, words_of(line, "B"), 13.5, "center", indent=0.0, keep=40.0)
            flow.y += 2.0
        elif preamble:
            paragraph(flow, words_of(line, "I"))
        elif ROMAN.match(line) or (NUMBERED.match(line) and is_heading(line)):
            paragraph(flow, words_of(line, "B"), align="left", keep=2 * BODY_PT * LEADING)
        elif m := ARTICLE.match(line):
            rest = "B" if is_heading(m.group(2)) else ""
            paragraph(flow, words_of(m.group(1), "B") + words_of(m.group(2), rest), keep=BODY_PT * LEADING)
        else:
            paragraph(flow, words_of(line))


def footer(flow: Flow, recipients: list[str], signature: list[str]) -> tuple[int, tuple[float, float, float, float]]:
    """Nơi nhận on the left, signature block on the right, kept on one page; return the signature gap."""
    left_w, size, step = LEFT_COL + 20.0, 11.0, 12.3
    items = [wrap(words_of(r), size, left_w, left_w - 8.0) for r in recipients[1:]]  # none without a Nơi nhận
    n_lines = sum(len(lines) for lines in items)
    top = flow.take(10.0 + max(12.0 + n_lines * step, len(signature) * 13.0 * LEADING + SIG_GAP)) + 10.0
    page, base = flow.page, top + 12.0
    if recipients:  # some documents print no Nơi nhận
        place(page, words_of(recipients[0], "BI"), LEFT, left_w, base, 12.0, "left")
    for lines in items:
        for j, line in enumerate(lines):
            base += step
            place(page, line, LEFT + (8.0 if j else 0.0), left_w, base, size, "left")
    sig_x = LEFT + LEFT_COL + 10.0
    sig_w = PAGE_W - RIGHT - sig_x
    gap_top = column(page, [(line, "B", 13.0) for line in signature[:-1]], sig_x, sig_w, top)[-1] + 4.0
    column(page, [(signature[-1], "B", 13.5)], sig_x, sig_w, gap_top + SIG_GAP)
    return len(flow.pages) - 1, (sig_x, gap_top, sig_x + sig_w, gap_top + SIG_GAP)


def read_blocks(source: str) -> list[list[str]]:
    """Blank-line separated blocks of a source text, NFC-checked."""
    text = (SRC / f"{source}.txt").read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", text) != text:
        raise ValueError(f"{source}.txt is not NFC")
    return [block.splitlines() for block in text.strip().split("\n\n")]


def doc_title(source: str) -> str:
    """Type and subject, or the V/v line of a công văn."""
    blocks = read_blocks(source)
    if len(blocks) == 6:
        return " ".join(blocks[2][:2])
    return next(line for line in blocks[0] if line.startswith("V/v"))


def layout(source: str) -> Layout:
    """Lay out a source text on A4 pages."""
    return layout_blocks(read_blocks(source))


def layout_blocks(blocks: list[list[str]]) -> Layout:
    """Lay out the blocks of a document (see the module docstring) on A4 pages."""
    flow = Flow()
    header(flow, blocks[0], blocks[1])
    header_bottom = flow.y
    rest = blocks[2:]
    if len(rest) == 4:
        title(flow, rest.pop(0))
    flow.y += 6.0
    body(flow, rest[0])
    sig_page, sig_box = footer(flow, rest[1], rest[2])
    return Layout(flow.pages, header_bottom, sig_page, sig_box)


# ---------------------------------------------------------------- raster and PDF


def rasterize(page: Page, dpi: int = DPI) -> Image.Image:
    """Draw a page in ink on white paper."""
    s = dpi / 72.0
    img = Image.new("RGB", (round(PAGE_W * s), round(PAGE_H * s)), "white")
    draw = ImageDraw.Draw(img)
    for r in page.runs:
        draw.text((r.x * s, r.y * s), r.text, font=font(SERIF[r.style], r.size * s), fill=INK, anchor="ls")
    for x0, x1, y in page.rules:
        draw.line([(x0 * s, y * s), (x1 * s, y * s)], fill=INK, width=round(0.7 * s))
    return img


def write_pdf(lay: Layout, path: Path, title_text: str, signature: Image.Image) -> None:
    """Digital PDF with the DejaVu fonts embedded (real text layer) and the signature-and-seal image."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_creation_date(PDF_DATE)
    pdf.set_title(title_text)
    pdf.set_creator("vanban scripts/make_samples.py")
    pdf.set_auto_page_break(False)
    for style, name in SERIF.items():
        pdf.add_font("DejaVuSerifCondensed", style, str(FONT_DIR / name))
    for n, page in enumerate(lay.pages):
        pdf.add_page()
        for r in page.runs:
            pdf.set_font("DejaVuSerifCondensed", r.style, r.size)
            pdf.text(r.x, r.y, r.text)
        pdf.set_line_width(0.7)
        for x0, x1, y in page.rules:
            pdf.line(x0, y, x1, y)
        if n == lay.sig_page:
            x0, y0, x1, y1 = lay.sig_box
            pdf.image(signature, x=x0, y=y0, w=x1 - x0, h=y1 - y0)
    pdf.output(str(path))


# ---------------------------------------------------------------- stamps and ink


def seal_mask(ring: str, diameter: int) -> Image.Image:
    """Round seal: double ring, text around the top, a star in the centre (grey-level ink mask)."""
    d, r = diameter, diameter / 2
    mask = Image.new("L", (d, d), 0)
    draw = ImageDraw.Draw(mask)
    draw.ellipse([4, 4, d - 5, d - 5], outline=255, width=round(d * 0.03))
    inner = d * 0.22
    draw.ellipse([inner, inner, d - inner, d - inner], outline=255, width=round(d * 0.012))
    text = f"{ring} ★"
    span, radius, g = 290.0, r * 0.64 + d * 0.045, round(d * 0.16)
    step = math.radians(span / (len(text) - 1)) * radius  # arc length per character
    glyph_font = font(STAMP_FONT, min(d * 0.105, step * 1.2))
    for i, ch in enumerate(text):
        ang = -span / 2 + span * i / (len(text) - 1)
        glyph = Image.new("L", (g, g), 0)
        ImageDraw.Draw(glyph).text((g / 2, g / 2), ch, font=glyph_font, fill=255, anchor="mm")
        glyph = glyph.rotate(-ang, resample=Image.Resampling.BICUBIC)
        cx, cy = r + radius * math.sin(math.radians(ang)), r - radius * math.cos(math.radians(ang))
        mask.paste(255, (round(cx - g / 2), round(cy - g / 2)), glyph)
    star = [
        (
            r + (0.2 if k % 2 == 0 else 0.08) * d * math.sin(math.pi * k / 5),
            r - (0.2 if k % 2 == 0 else 0.08) * d * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=255)
    return mask


def incoming_masks(stamp: Incoming) -> tuple[Image.Image, Image.Image]:
    """Incoming-document stamp (printed part, handwritten part) as ink masks, 300 dpi."""
    w, h = 500, 240
    printed, hand = Image.new("L", (w, h), 0), Image.new("L", (w, h), 0)
    dp, dh = ImageDraw.Draw(printed), ImageDraw.Draw(hand)
    dp.rectangle([3, 3, w - 4, h - 4], outline=255, width=6)
    label, big, pen = font(STAMP_FONT, 27), font(STAMP_FONT, 60), font(HAND_FONT, 38)
    dp.text((w / 2, 40), stamp.office, font=label, fill=255, anchor="ms")
    dp.text((22, 136), "ĐẾN", font=big, fill=255, anchor="ls")
    for y, key, value in ((96, "Số:", stamp.number), (154, "Ngày:", stamp.date), (214, "Chuyển:", stamp.forward)):
        x = 22 if key == "Chuyển:" else 190
        dp.text((x, y), key, font=label, fill=255, anchor="ls")
        dh.text((x + label.getlength(key) + 14, y + 2), value, font=pen, fill=255, anchor="ls")
    return printed, hand


def signature_mask(w: int, h: int, rng: np.random.Generator) -> Image.Image:
    """A handwritten-looking signature stroke."""
    mask = Image.new("L", (w, h), 0)
    t = np.linspace(0.0, 1.0, 600)
    f1, f2, p1 = rng.uniform(2.5, 4.0), rng.uniform(7.0, 10.0), rng.uniform(0, 2 * np.pi)
    x = w * (0.12 + 0.72 * t) + w * 0.05 * np.sin(2 * np.pi * f2 * t + p1)
    y = h * (0.55 - 0.18 * np.sin(2 * np.pi * f1 * t + p1) * (1.0 - 0.6 * t) - 0.12 * np.cos(2 * np.pi * f2 * t))
    draw = ImageDraw.Draw(mask)
    draw.line(list(zip(x.tolist(), y.tolist())), fill=255, width=5, joint="curve")
    draw.line([(w * 0.3, h * 0.8), (w * 0.75, h * 0.72)], fill=255, width=4)
    return mask


def ink_layer(mask: Image.Image, color: tuple[int, int, int], rng: np.random.Generator, strength: float) -> Image.Image:
    """Colour the mask as ink (RGBA), with uneven ink coverage."""
    texture = cv2.GaussianBlur(rng.uniform(0.45, 1.0, (mask.height, mask.width)).astype(np.float32), (0, 0), 2.5)
    alpha = np.clip(np.asarray(mask, np.float32) * texture * strength, 0, 255).astype(np.uint8)
    layer = Image.new("RGBA", mask.size, color)
    layer.putalpha(Image.fromarray(alpha))
    return layer


def print_on(img: Image.Image, layer: Image.Image, xy: tuple[int, int]) -> None:
    """Print an RGBA ink layer onto the page in place; ink over ink darkens (multiply)."""
    box = (xy[0], xy[1], xy[0] + layer.width, xy[1] + layer.height)
    ink = Image.alpha_composite(Image.new("RGBA", layer.size, "white"), layer).convert("RGB")
    img.paste(ImageChops.multiply(img.crop(box), ink), box)


def signature_overlay(lay: Layout, seal: str | None, rng: np.random.Generator) -> Image.Image:
    """Signature and the red seal over its left third, as an RGBA image of the signature gap at 300 dpi."""
    x0, y0, x1, y1 = (round(v * DPI / 72.0) for v in lay.sig_box)
    overlay = Image.new("RGBA", (x1 - x0, y1 - y0), (255, 255, 255, 0))
    pen = ink_layer(signature_mask(SIGN_PX, y1 - y0, rng), PEN, rng, 1.0)
    overlay.alpha_composite(pen, ((x1 - x0 - SIGN_PX) // 2, 0))
    if seal:
        mask = seal_mask(seal, SEAL_PX).rotate(float(rng.uniform(-25, 25)), resample=Image.Resampling.BICUBIC)
        cx, cy = (x1 - x0) // 2 - round(60 * DPI / 72.0), (y1 - y0) // 2
        overlay.alpha_composite(ink_layer(mask, RED, rng, 0.8), (cx - SEAL_PX // 2, cy - SEAL_PX // 2))
    return overlay


def incoming_layer(stamp: Incoming, rng: np.random.Generator) -> Image.Image:
    """The incoming stamp in its ink with the handwritten entries in pen, slightly askew."""
    printed, hand = incoming_masks(stamp)
    layer = ink_layer(printed, stamp.ink, rng, 0.85)
    layer.alpha_composite(ink_layer(hand, PEN, rng, 1.0))
    return layer.rotate(float(rng.uniform(-4, 4)), expand=True, resample=Image.Resampling.BICUBIC)


# ---------------------------------------------------------------- degradations


def scanned(img: Image.Image, style: ScanStyle, rng: np.random.Generator) -> Image.Image:
    """Paper tone, skew, optics blur, dust, binding shadow and sensor noise of a flatbed scan."""
    img = ImageChops.multiply(img, Image.new("RGB", img.size, style.paper))
    img = img.rotate(style.angle, resample=Image.Resampling.BICUBIC, fillcolor=style.paper)
    arr = np.asarray(img.filter(ImageFilter.GaussianBlur(style.blur)), np.float32)
    h, w = arr.shape[:2]
    if style.shadow:
        arr *= (1.0 - 0.35 * np.exp(-np.arange(w, dtype=np.float32) / 40.0))[None, :, None]
    arr += rng.normal(0.0, style.noise, (h, w, 1)).astype(np.float32)
    out = np.clip(arr, 0, 255).astype(np.uint8)
    n = style.specks
    for x, y, r in zip(rng.integers(0, w, n), rng.integers(0, h, n), rng.uniform(1, 3.5, n)):
        cv2.circle(out, (int(x), int(y)), round(r), (60, 60, 60), -1, lineType=cv2.LINE_AA)
    scan = Image.fromarray(out)
    return scan.convert("L") if style.gray else scan


def photographed(img: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A phone photo of the page on a desk: about 180 dpi, perspective, uneven light and shadow."""
    page = cv2.resize(np.asarray(img), None, fx=0.6, fy=0.6, interpolation=cv2.INTER_AREA)
    ph, pw = page.shape[:2]
    cw, ch = pw + 140, ph + 150
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    corners = np.float32([[125, 70], [cw - 100, 95], [cw - 35, ch - 55], [45, ch - 40]])  # camera tilted back
    dst = corners + rng.uniform(-15, 15, (4, 2)).astype(np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(page, m, (cw, ch), flags=cv2.INTER_CUBIC)
    cover = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), m, (cw, ch), flags=cv2.INTER_LINEAR)
    desk = np.empty((ch, cw, 3), np.float32)
    desk[:] = (92, 72, 55)
    desk += cv2.GaussianBlur(rng.normal(0, 14, (ch, cw, 1)).astype(np.float32), (0, 0), 9)[..., None]
    alpha = (cv2.GaussianBlur(cover, (0, 0), 1.2).astype(np.float32) / 255.0)[..., None]
    arr = warped.astype(np.float32) * alpha + desk * (1.0 - alpha)
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    light = 0.66 + 0.38 * np.exp(-(((xx - 0.3 * cw) / (0.7 * cw)) ** 2 + ((yy - 0.25 * ch) / (0.75 * ch)) ** 2))
    light -= 0.22 * np.exp(-(((xx - 0.9 * cw) / (0.3 * cw)) ** 2 + ((yy - ch) / (0.3 * ch)) ** 2))  # phone's shadow
    arr *= light[..., None] * np.float32([1.0, 0.97, 0.9])
    arr = cv2.GaussianBlur(arr, (0, 0), 0.8)
    arr += rng.normal(0, 3.0, arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# ---------------------------------------------------------------- main


def render(sample: Sample) -> None:
    """Write one sample file into data/raw/."""
    out = RAW / sample.file
    if sample.kind == "text":
        out.write_text((SRC / f"{sample.source}.txt").read_text(encoding="utf-8"), encoding="utf-8")
        return
    lay = layout(sample.source)
    rng = np.random.default_rng(sample.seed)
    signature = signature_overlay(lay, sample.seal, rng)
    if sample.kind == "digital_pdf":
        write_pdf(lay, out, doc_title(sample.source), signature)
        return
    s = DPI / 72.0
    pages = [rasterize(page) for page in lay.pages]
    print_on(pages[lay.sig_page], signature, (round(lay.sig_box[0] * s), round(lay.sig_box[1] * s)))
    if sample.incoming:  # under the number, left of the title
        xy = (round((LEFT + 4) * s), round((lay.header_bottom - 2) * s))
        print_on(pages[0], incoming_layer(sample.incoming, rng), xy)
    if sample.kind == "photo_jpg":
        photographed(pages[0], rng).save(out, "JPEG", quality=72, optimize=True)
        return
    pages = [scanned(p, sample.scan, rng) for p in pages]
    when = PDF_DATE.timetuple()
    pages[0].save(
        out,
        "PDF",
        resolution=float(DPI),
        save_all=True,
        append_images=pages[1:],
        quality=60,
        creationDate=when,
        modDate=when,
        title=sample.file,
    )


def stamp_texts(sample: Sample) -> list[str]:
    """Text printed on the image by stamps, not part of the document's own text."""
    texts = sample.incoming.lines() if sample.incoming else []
    return texts + ([sample.seal] if sample.seal else [])


def main() -> None:
    """Render every sample and write the manifest."""
    RAW.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES:
        render(sample)
    manifest = [
        {"file": s.file, "source": f"scripts/samples/{s.source}.txt", "kind": s.kind, "stamp_text": stamp_texts(s)}
        for s in SAMPLES
    ]
    (SRC / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
