"""The end of a run on two cores: the forked child shares its parent's heap, and the items are done once each."""

from __future__ import annotations

import gc
import multiprocessing
import os

import psutil
import pytest

from pipeline import two_cores


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: nothing is forked")
def test_the_child_shares_the_heap_it_was_forked_with_through_a_collection() -> None:
    """A garbage collection in the child visits no object of its parent's: its pages stay shared (a pass over
    them writes to each object, and the child would hold a copy of every page it went through)."""
    heap = [{"row": str(number), "cells": [number]} for number in range(300_000)]  # about 100 MiB of objects
    private = multiprocessing.get_context("fork").Value("q", 0)

    def collect_in_the_child() -> None:
        gc.collect()
        private.value = psutil.Process().memory_full_info().uss

    assert two_cores.run(lambda: None, collect_in_the_child)
    heap_size = psutil.Process().memory_full_info().uss
    assert 0 < private.value < heap_size / 4, (private.value >> 20, heap_size >> 20)
    assert gc.get_freeze_count() == 0  # collected as usual again once the child is done
    assert len(heap) == 300_000


def test_each_item_is_done_once_by_passes_over_the_items_in_order() -> None:
    claims = two_cores.Claims()
    first, second = claims.taker(), claims.taker()
    for item in range(10):  # the second pass starts late
        first.take(item)
    for item in range(10, 40):
        second.take(item)
        first.take(item)
    assert first.taken.isdisjoint(second.taken)
    assert first.taken | second.taken == set(range(40))
    assert second.taken and first.taken
