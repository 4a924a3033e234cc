"""Work shared between this process and a forked child on the second core: the end of a run, where the files made
from the finished tables (the database, the workbook, `documents.jsonl`, the report's pages) are independent.

:class:`Claims` hands out numbered items (the report's pages) to whichever process comes to them first, a few at a
time, so that the two finish together however the rest of their work and the machine's load are shared out.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

CHUNK = 4  # items claimed at a time


class Claims:
    """Items 0, 1, 2 … each taken by one process: the first that asks for it. Each pass over the items in order
    asks through a :meth:`taker` of its own."""

    def __init__(self) -> None:
        self._next = multiprocessing.get_context("fork").Value("q", 0)  # shared memory: a forked child shares it

    def taker(self) -> Taker:
        return Taker(self)

    def claim(self, item: int) -> int:
        """Claim the chunk from `item` when nobody has claimed `item`: its end, else 0."""
        with self._next.get_lock():
            if self._next.value > item:
                return 0
            self._next.value = item + CHUNK
            return item + CHUNK


class Taker:
    """One pass over the items in order: :meth:`take` says whether this pass does an item; :attr:`taken` those it
    did."""

    def __init__(self, claims: Claims) -> None:
        self._claims = claims
        self._end = 0
        self.taken: set[int] = set()

    def take(self, item: int) -> bool:
        if item >= self._end:
            end = self._claims.claim(item)
            if not end:
                return False
            self._end = end
        self.taken.add(item)
        return True


class Others:
    """Every item but those a pass took: what is left to do when the process that took them failed."""

    def __init__(self, done: set[int]) -> None:
        self._done = done

    def take(self, item: int) -> bool:
        return item not in self._done


def run(here: Callable[[], None], there: Callable[[], None]) -> bool:
    """Run `there` in a forked child while `here` runs in this process, when there is a second core; else both
    here, one after the other. Returns whether `there` was done (False: the child failed, and its work is the
    caller's to do again). Should `here` fail, the child is stopped."""
    if len(os.sched_getaffinity(0)) < 2:
        here()
        there()
        return True
    with frozen():
        return _run_forked(here, there)


@contextmanager
def frozen() -> Iterator[None]:
    """Keep the objects there are now out of the garbage collector's passes while the block runs, so that
    processes forked in it share their pages with this one: a pass writes to every object it visits, and a forked
    child's first passes would copy much of the heap it was forked with (a third of it, measured)."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


STOPS = {signal.SIGINT, signal.SIGTERM}


def _run_forked(here: Callable[[], None], there: Callable[[], None]) -> bool:
    # Ctrl-C and SIGTERM wait while the fork runs its at-fork handlers, where Python would drop the exception they raise
    unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    child = os.fork()
    if child == 0:  # pragma: no cover - the child leaves by os._exit
        code = 1
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)
            there()
            code = 0
        finally:
            os._exit(code)
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)  # one that came meanwhile is raised here
        here()
    except BaseException:
        with suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        raise
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status) == 0
