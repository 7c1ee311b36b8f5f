"""KeySet: a set of 64-bit keys in ~8 bytes each, for per-run "already seen" sets.

A Python ``set`` of strings or ints costs 100-300 bytes per entry; over a crawl of millions of
pages that is the bulk of the crawler's growth. A :class:`KeySet` keeps recent keys in a small
``set`` and merges them into one sorted ``numpy.uint64`` array once the set holds 1/8 of the
array (at least ``batch``), so inserts stay amortised O(log n) and look-ups are a set probe plus a
binary search. Keys are ``compact_key`` values (or any int in [0, 2**64)).
"""

from __future__ import annotations

import hashlib

import numpy as np

__all__ = ["KeySet", "compact_key"]


def compact_key(text: str | bytes) -> int:
    """A 64-bit key of ``text`` (BLAKE2b; bytes are taken as they are). Two of n texts share a
    key with odds ~n²/3.7e19 — for a "seen" set, a shared key only means "seen" too early."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class KeySet:
    """Set of 64-bit int keys (module docstring): ``add``, ``in``, ``len``, ``clear``."""

    def __init__(self, keys: object = (), *, batch: int = 4096) -> None:
        self.batch = batch
        self._recent: set[int] = set()
        self._sorted = np.empty(0, dtype=np.uint64)
        for key in keys:  # type: ignore[attr-defined]
            self.add(key)

    def __contains__(self, key: object) -> bool:
        if key in self._recent:
            return True
        arr = self._sorted
        if not arr.size or not isinstance(key, int):
            return False
        value = np.uint64(key)
        i = int(np.searchsorted(arr, value))
        return i < arr.size and arr[i] == value

    def add(self, key: int) -> None:
        if key in self:
            return
        self._recent.add(key)
        if len(self._recent) >= max(self.batch, self._sorted.size // 8):
            fresh = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
            self._sorted = np.union1d(self._sorted, fresh)
            self._recent.clear()

    def __len__(self) -> int:
        return len(self._recent) + int(self._sorted.size)

    def clear(self) -> None:
        self._recent.clear()
        self._sorted = np.empty(0, dtype=np.uint64)
