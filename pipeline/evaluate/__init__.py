"""Evaluation: score the pipeline's tables against hand-written gold, and OCR text against ground truth."""
