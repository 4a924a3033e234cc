"""``vanban watch INBOX``: process files as they arrive, into the output folder and the catalogue.

The inbox is looked at every few seconds. A file that is new or changed is processed once it has stopped
changing (its size and time are the same on two looks in a row: a copy in progress is not read half-written).
Each round is an ordinary incremental run, so documents already done are taken from the output folder's results
store, not processed again; the round's tables are then added to the catalogue.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline import batch, catalogue, report
from pipeline.discovery import discover
from pipeline.settings import Settings

Signature = tuple[int, int]  # size, modification time in ns
STEP_SECONDS = 0.1  # how often a waiting watcher checks whether it was asked to stop


@dataclass
class Watcher:
    """The state of a watched inbox between looks."""

    inbox: Path
    out_dir: Path
    catalogue_path: Path | None
    settings: Settings = Settings()
    jobs: int | None = None
    scheduler: str = batch.LOCAL
    follow_symlinks: bool = False
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr)

    def __post_init__(self) -> None:
        self._done: dict[str, Signature] = {}  # files as they were when last processed
        self._seen: dict[str, Signature] = {}  # files as they were at the last look
        self._in_batch = False
        self.stopping = False

    def stop(self, signum: int, frame: object) -> None:
        """Signal handler (Ctrl-C, SIGTERM): a batch in progress is interrupted (what it finished is kept); between
        batches the watcher ends after the step it is in, so the catalogue is never left half-written."""
        self.stopping = True
        if self._in_batch:
            raise KeyboardInterrupt

    def look(self) -> bool:
        """Look at the inbox; process it when some file is new or changed and has stopped changing. Returns
        whether a round ran."""
        now = self._signatures()
        changed = {name for name, signature in now.items() if self._done.get(name) != signature}
        settled = all(self._seen.get(name) == now[name] for name in changed)
        gone = self._done.keys() - now.keys()
        self._seen = now
        if not (changed or gone) or not settled:
            return False
        self._in_batch = True
        try:
            summary = batch.run(
                [self.inbox], self.out_dir, self.settings, self.jobs, progress=False, scheduler=self.scheduler,
                follow_symlinks=self.follow_symlinks,
            )  # fmt: skip
        finally:
            self._in_batch = False
        self._done = now
        line = f"{len(changed)} new or changed, {len(gone)} gone: {summary}"
        if self.catalogue_path is not None:
            line += "; " + str(catalogue.add_batch(self.catalogue_path, self.out_dir))
        self.say(line)
        if self.catalogue_path is not None:
            report.write_catalogue(self.out_dir, self.catalogue_path)
        return True

    def run(self, interval: float) -> None:
        """Look every `interval` seconds until :meth:`stop` is called (a batch it interrupts raises
        KeyboardInterrupt to the caller)."""
        while not self.stopping:
            self.look()
            waited = 0.0
            while waited < interval and not self.stopping:
                time.sleep(min(STEP_SECONDS, interval))
                waited += STEP_SECONDS

    def _signatures(self) -> dict[str, Signature]:
        found = {}
        for item in discover([self.inbox], self.out_dir, self.follow_symlinks):
            try:
                stat = item.path.lstat() if item.refused else item.path.stat()
            except OSError:
                continue
            found[str(item.path)] = (stat.st_size, stat.st_mtime_ns)
        return found
