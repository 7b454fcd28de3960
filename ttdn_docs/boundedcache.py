"""A dictionary that forgets its oldest entries: per-process caches of parsed parts
that stay flat in memory however many files pass through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: dict[K, V] = {}
        # The dictionary's own lookup: no Python call per hit (the reader looks up
        # every run's format here).
        self.get: Callable[[K], V | None] = self._items.get

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def put(self, key: K, value: V) -> V:
        if key not in self._items and len(self._items) >= self.size:
            self._items.pop(next(iter(self._items)))  # insertion order: the oldest first
        self._items[key] = value
        return value

    def clear(self) -> None:
        self._items.clear()
