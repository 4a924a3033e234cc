"""The progress bar of a run: it counts pages, not documents, and names the file being read, so that a long scan
moves the bar page by page instead of sitting at 0/1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from tqdm import tqdm

NAME_WIDTH = 40


class PageProgress:
    """Pages done out of pages known. A document not read yet counts as one page until its pages are known."""

    def __init__(self, documents: int, enabled: bool = True):
        self._bar = tqdm(total=documents, unit="page", desc="vanban", disable=not enabled or None)
        self._read: set[str] = set()

    def reading(self, source_file: str) -> None:
        """A document is being read: its name shows beside the bar."""
        name = PurePath(source_file).name
        self._bar.set_postfix_str(name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…", refresh=False)

    def read(self, source_file: str, pages_done: int, pages_to_ocr: int) -> None:
        """A document's pages are known: `pages_done` read directly (or kept from an earlier run), the rest OCR."""
        self._read.add(source_file)
        self._bar.total += pages_done + pages_to_ocr - 1
        self._bar.update(pages_done)

    def pages(self, count: int) -> None:
        self._bar.update(count)

    def finished(self, source_file: str) -> None:
        """A document is done; one that failed before its pages were known counts as its one page."""
        if source_file in self._read:
            self._read.discard(source_file)
        else:
            self._bar.update(1)

    def tell(self, report: Callable[[Any], None], result: Any) -> None:
        """Hand a finished document to `report`, which may print: the bar steps aside meanwhile."""
        with tqdm.external_write_mode(nolock=False):
            report(result)

    def close(self) -> None:
        self._bar.close()
