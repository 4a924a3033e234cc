"""Scanned-page throughput of `vanban run` against the ideal: cores × the speed of one plain tesseract process,
and beside OCRmyPDF on the same scanned PDFs.

The plain tesseract runs on the very page images vanban OCRs (PDF pages rendered at 300 dpi, image files as they
are), one after another with one thread; the ideal is cores / (mean seconds per page). Goal: ratio ≥ 0.9. The
machine may be shared, so the CPU seconds (user + system, of every process) per page are printed beside it: their
ratio is the throughput ratio of an unloaded machine, less what is lost to idle cores.
OCRmyPDF (``-j`` cores, ``--force-ocr``, Vietnamese) is installed in its own environment beside this file
(``benchmarks/.venv-ocrmypdf``, made on first use), never in the project's; it needs Ghostscript, which the
benchmark installs with apt-get where it runs as root and finds none (CI never runs this benchmark).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import CORES, ROOT, SCANS, timer

from pipeline import batch, ingest
from pipeline.ingest.ocr import page_image
from pipeline.ocr.engine import engine_of
from pipeline.settings import Settings


def scanned_inputs() -> list[Path]:
    scans = [SCANS / "ailab_1_scan_kodak-ocr-layer.pdf", SCANS / "ailab_2_scan_image-only.pdf", SCANS / "ailab_4_1.jpg"]
    scans += sorted((SCANS / "augmented").glob("*.jpg"))
    scans += sorted(p for p in (ROOT / "data" / "raw").iterdir() if p.suffix in (".pdf", ".jpg"))
    return scans


@contextmanager
def cpu_timer() -> Iterator[list[float]]:
    """Yields a list that holds, once the block ends, the CPU seconds (user + system) this process and the
    processes it waited for spent in it."""

    def spent() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    used: list[float] = []
    started = spent()
    yield used
    used.append(spent() - started)


def plain_tesseract_seconds(paths: list[Path], settings: Settings) -> tuple[list[float], float]:
    """Seconds of one plain `tesseract` process per OCR page, run one at a time, and their CPU seconds in all."""
    seconds = []
    cpu = 0.0
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    for path in paths:
        for job in ingest.read(path, str(path), ingest.sha256_of(path), settings).ocr_jobs:
            with page_image(job, settings) as (image, dpi), tempfile.TemporaryDirectory() as out:
                command = ["tesseract", str(image), f"{out}/page", "-l", settings.ocr_language]
                command += engine_of(settings).config(dpi).split()
                with timer() as elapsed, cpu_timer() as used:
                    subprocess.run(command, check=True, capture_output=True, env=env)
                seconds.append(elapsed[0])
                cpu += used[0]
    return seconds, cpu


OCRMYPDF_VENV = Path(__file__).resolve().parent / ".venv-ocrmypdf"


def ocrmypdf() -> Path | None:
    """The ocrmypdf command of the benchmark's own environment, made on first use; None when it cannot be."""
    command = OCRMYPDF_VENV / "bin" / "ocrmypdf"
    if not command.exists():
        made = subprocess.run(
            f"{sys.executable} -m venv {OCRMYPDF_VENV} && {OCRMYPDF_VENV}/bin/pip install -q ocrmypdf",
            shell=True, capture_output=True, text=True,
        )  # fmt: skip
        if made.returncode != 0:
            print(f"OCRmyPDF: could not be installed ({made.stderr.strip().splitlines()[-1:]})")
            return None
    if shutil.which("gs") is None and not _ghostscript_installed():
        print("OCRmyPDF: needs Ghostscript (apt-get install ghostscript)")
        return None
    return command


def _ghostscript_installed() -> bool:
    """Ghostscript, which OCRmyPDF needs and pip cannot install, put in by the system's package manager where this
    runs as root on Debian or Ubuntu (the benchmark machine); the project itself never needs it."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        return False
    print("OCRmyPDF: installing Ghostscript (apt-get install ghostscript) …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(["apt-get", "install", "-y", "-q", "ghostscript"], capture_output=True, env=env)
    return done.returncode == 0 and shutil.which("gs") is not None


def ocrmypdf_pages_per_second(pdfs: list[Path], settings: Settings) -> tuple[float, int, float] | None:
    """Pages per second of OCRmyPDF on the scanned PDFs, one file after another, each with every core; the pages;
    and the CPU seconds of every process it ran."""
    command = ocrmypdf()
    if command is None:
        return None
    pages = 0
    with tempfile.TemporaryDirectory() as out, timer() as elapsed, cpu_timer() as used:
        for pdf in pdfs:
            done = subprocess.run(
                [str(command), "-j", str(CORES), "-l", settings.ocr_language, "--force-ocr", "--output-type", "pdf",
                 "--quiet", str(pdf), f"{out}/{pdf.stem}.pdf"], capture_output=True, text=True,
            )  # fmt: skip
            if done.returncode != 0:
                print(f"OCRmyPDF failed on {pdf.name}: {done.stderr.strip()[-300:]}")
                return None
            pages += len(ingest.read(pdf, str(pdf), ingest.sha256_of(pdf), settings).ocr_jobs)
    return pages / elapsed[0], pages, used[0]


def main() -> None:
    settings = Settings()
    paths = scanned_inputs()
    single, plain_cpu = plain_tesseract_seconds(paths, settings)
    ideal = CORES / (sum(single) / len(single))
    with tempfile.TemporaryDirectory() as out, timer() as elapsed, cpu_timer() as used:
        summary = batch.run(paths, Path(out), settings, jobs=CORES, progress=False)
    actual = summary.ocr_pages / elapsed[0]
    plain_per_page, ours_per_page = plain_cpu / len(single), used[0] / summary.ocr_pages
    print(f"OCR pages: {summary.ocr_pages} in {len(paths)} files; cores: {CORES}")
    print(f"plain tesseract: {sum(single) / len(single):.2f} s/page → ideal {ideal:.3f} pages/s on {CORES} cores")
    print(f"vanban run: {elapsed[0]:.1f} s → {actual:.3f} pages/s")
    print(f"throughput ratio (vanban / ideal): {actual / ideal:.2f}  (goal ≥ 0.9)")
    print(f"CPU per page: plain tesseract {plain_per_page:.2f} s, vanban run {ours_per_page:.2f} s (every process, "
          f"worker start-up included) → CPU ratio {plain_per_page / ours_per_page:.2f}")
    pdfs = [path for path in paths if path.suffix == ".pdf"]
    with tempfile.TemporaryDirectory() as out, timer() as on_pdfs, cpu_timer() as pdf_cpu:
        pdf_summary = batch.run(pdfs, Path(out), settings, jobs=CORES, progress=False)
    theirs = ocrmypdf_pages_per_second(pdfs, settings)
    if theirs is not None:
        ours = pdf_summary.ocr_pages / on_pdfs[0]
        print(f"scanned PDFs only ({theirs[1]} pages): vanban {ours:.3f} pages/s, OCRmyPDF -j {CORES} "
              f"{theirs[0]:.3f} pages/s: vanban is {ours / theirs[0]:.2f}× OCRmyPDF; CPU per page: vanban "
              f"{pdf_cpu[0] / pdf_summary.ocr_pages:.2f} s, OCRmyPDF {theirs[2] / theirs[1]:.2f} s")


if __name__ == "__main__":
    main()
