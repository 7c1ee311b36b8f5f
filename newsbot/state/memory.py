"""In-memory seen-store: the index of one crawl's own items (and a store for tests).

Same contract as the persistent stores, kept in dicts; nothing expires before ``ttl_days``.
The dedupe pipeline keeps one of these for the current run because the persistent store only
learns about an item once its feed line is written (crash safety, ``newsbot.pipelines.dedupe``).
With ``max_records`` it keeps only the most recently written records: the oldest one is
forgotten (with its alias, fingerprint and band entries) when a new one would exceed the bound,
so its memory stays flat over a long crawl.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsbot.state.base import SeenRecord

__all__ = ["MemorySeenStore"]


class MemorySeenStore:
    """:class:`~newsbot.state.base.SeenStore` in process memory."""

    def __init__(self, ttl_days: float = 90.0, max_records: int | None = None) -> None:
        self.ttl = ttl_days * 86400.0
        self.max_records = max_records
        self._records: dict[str, SeenRecord] = {}
        self._expires: dict[str, float] = {}
        self._aliases: dict[str, str] = {}
        self._fingerprints: dict[str, str] = {}
        self._bands: dict[int, str] = {}

    def _live(self, url: str | None) -> SeenRecord | None:
        if url is None or self._expires.get(url, 0.0) <= time.time():
            return None
        return self._records.get(url)

    def get(self, url: str) -> SeenRecord | None:
        return self._live(url) or self._live(self._aliases.get(url))

    def by_fingerprint(self, fingerprint: str) -> SeenRecord | None:
        return self._live(self._fingerprints.get(fingerprint))

    def near_candidates(self, bands: Sequence[int]) -> list[SeenRecord]:
        urls = dict.fromkeys(self._bands[b] for b in bands if b in self._bands)
        return [r for r in map(self._live, urls) if r is not None]

    def put(self, record: SeenRecord) -> None:
        now = time.time()
        stored = replace(record, seen_at=now)
        old = self._records.pop(record.url, None)  # a rewrite moves the record to the end
        if old is not None:
            self._unindex(old)
        self._records[record.url] = stored
        self._expires[record.url] = now + self.ttl
        for alias in record.aliases:
            if alias != record.url:
                self._aliases[alias] = record.url
        if record.fingerprint:
            current = self._fingerprints.get(record.fingerprint)
            if current is None or self._live(current) is None:
                self._fingerprints[record.fingerprint] = record.url
        for band in record.bands:
            current = self._bands.get(band)
            if current is None or self._live(current) is None:
                self._bands[band] = record.url
        if self.max_records is not None:
            while len(self._records) > self.max_records:
                self._forget(next(iter(self._records)))

    def _unindex(self, record: SeenRecord) -> None:
        """Remove the alias/fingerprint/band entries that point to ``record``."""
        url = record.url
        for alias in record.aliases:
            if self._aliases.get(alias) == url:
                del self._aliases[alias]
        if record.fingerprint and self._fingerprints.get(record.fingerprint) == url:
            del self._fingerprints[record.fingerprint]
        for band in record.bands:
            if self._bands.get(band) == url:
                del self._bands[band]

    def _forget(self, url: str) -> None:
        record = self._records.pop(url)
        self._expires.pop(url, None)
        self._unindex(record)

    def put_many(self, records: Iterable[SeenRecord]) -> int:
        count = 0
        for record in records:
            self.put(record)
            count += 1
        return count

    def touch(self, urls: Iterable[str]) -> None:
        expires = time.time() + self.ttl
        for url in urls:
            record = self.get(url)
            if record is not None:
                self._expires[record.url] = expires

    def purge(self) -> int:
        now = time.time()
        dead = [url for url, when in self._expires.items() if when <= now]
        for url in dead:
            self._forget(url)
        return len(dead)

    def __len__(self) -> int:
        return len(self._records)

    def close(self) -> None:
        for index in (self._records, self._expires, self._aliases, self._fingerprints, self._bands):
            index.clear()
