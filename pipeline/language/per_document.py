"""Caches that live for one document: a clause, a heading or a name is read again and again within a document, seldom
across documents. Kept for the whole batch, such caches held a worker's every clause (85 → 166 MiB over the bulk
corpus); :func:`forget` empties them when a document is finished, so a worker's memory stays flat in batch size."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

Function = TypeVar("Function", bound=Callable[..., Any])
_CACHES: list[Any] = []


def document_cache(maxsize: int) -> Callable[[Function], Function]:
    """`lru_cache(maxsize)`, emptied by :func:`forget`."""

    def cached(function: Function) -> Function:
        wrapped = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(wrapped)
        return wrapped  # type: ignore[return-value]

    return cached


def forget() -> None:
    """Empty every per-document cache (a document is finished)."""
    for cache in _CACHES:
        cache.cache_clear()
