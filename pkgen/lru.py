"""A bounded memory of answers by key, forgetting those not asked for lately."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

V = TypeVar("V")


class LRU(Generic[V]):
    """At most ``size`` answers by key, so that a long run keeps its memory flat.

    Two generations of plain dictionaries: answers are kept in the new one; when it is half
    full it becomes the old one, and an answer asked for from the old one moves back to the
    new. What was not asked for during a whole generation is forgotten. Asking costs a
    dictionary lookup.
    """

    def __init__(self, size: int) -> None:
        self.size = max(2, size)
        self._new: dict[Hashable, V] = {}
        self._old: dict[Hashable, V] = {}

    def get(self, key: Hashable) -> V | None:
        """The answer kept for ``key``, or None."""
        found = self._new.get(key)
        if found is None:
            found = self._old.pop(key, None)
            if found is not None:
                self.put(key, found)
        return found

    def get_all(self, keys: Sequence[Hashable]) -> list[V | None]:
        """The answers kept for ``keys``, in order, None for each not kept."""
        found = list(map(self._new.get, keys))
        if None in found:
            for i, key in enumerate(keys):
                if found[i] is None:
                    found[i] = self.get(key)
        return found

    def put(self, key: Hashable, value: V) -> None:
        """Keep ``value`` for ``key``."""
        self._new[key] = value
        if len(self._new) >= self.size // 2:
            self._old, self._new = self._new, {}

    def __len__(self) -> int:
        return len(self._new) + len(self._old)
