"""One registry for every module-level cache, so the preview can forget them all at once, and a
least-recently-used cache bounded in bytes for images.

Caches of what is read from files (layouts, fonts, artwork, catalogue) are registered here;
`forget_all()` empties them when files change. Image caches are bounded: a batch reuses flags
and text masks across designs without holding more than a stated budget of memory.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import cache, lru_cache
from typing import Any, Generic, Protocol, TypeVar

V = TypeVar("V")


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C", bound=_Clearable)
_REGISTRY: list[_Clearable] = []


def registered(cached: C) -> C:
    """Add a cache (anything with cache_clear) to the registry and return it."""
    _REGISTRY.append(cached)
    return cached


def file_cache(function: F) -> F:
    """functools.cache for what is derived from files, registered so forget_all() drops it."""
    return registered(cache(function))  # type: ignore[return-value]


def lru_file_cache(maxsize: int) -> Callable[[F], F]:
    """functools.lru_cache(maxsize), registered."""
    def decorate(function: F) -> F:
        return registered(lru_cache(maxsize=maxsize)(function))  # type: ignore[return-value]
    return decorate


def forget_all() -> None:
    """Read and derive everything afresh from now on (the preview calls this when files change)."""
    for cached in _REGISTRY:
        cached.cache_clear()


class BoundedCache(Generic[V]):
    """Least recently used entries within `max_bytes`, as measured by `size_of`; an entry larger
    than `max_entry` (default: a sixteenth of the budget) is never kept, as large print sizes
    would only evict the rest."""

    def __init__(self, max_bytes: int, size_of: Callable[[V], int], max_entry: int | None = None) -> None:
        self.max_bytes, self.size_of, self.used = max_bytes, size_of, 0
        self.max_entry = max_bytes // 16 if max_entry is None else max_entry
        self.entries: OrderedDict[Hashable, V] = OrderedDict()
        registered(self)

    def get(self, key: Hashable) -> V | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: Hashable, entry: V) -> V:
        size = self.size_of(entry)
        if size <= self.max_entry and key not in self.entries:
            self.entries[key], self.used = entry, self.used + size
            while self.used > self.max_bytes:
                _old_key, old = self.entries.popitem(last=False)
                self.used -= self.size_of(old)
        return entry

    def cache_clear(self) -> None:
        self.entries.clear()
        self.used = 0
