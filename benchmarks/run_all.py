"""Run every benchmark and print its figures."""

from __future__ import annotations

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent

for name in ("ocr_quality", "rendered_scans", "ocr_throughput", "digital_pdf", "bulk_text", "text_size", "legal_structure",
             "stage_costs"):  # last: it times the pipeline's functions in this process
    print(f"== {name}")
    runpy.run_path(str(HERE / f"{name}.py"), run_name="__main__")
