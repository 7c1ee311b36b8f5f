"""In-memory seen-store: the index of one crawl's own items (and a store for tests).

Same contract as the persistent stores, kept in dicts; nothing expires before ``ttl_days``.
The dedupe pipeline keeps one of these for the current run because the persistent store only
learns about an item once its feed line is written (crash safety, ``newsbot.pipelines.dedupe``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsbot.state.base import SeenRecord

__all__ = ["MemorySeenStore"]


class MemorySeenStore:
    """:class:`~newsbot.state.base.SeenStore` in process memory."""

    def __init__(self, ttl_days: float = 90.0) -> None:
        self.ttl = ttl_days * 86400.0
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
            del self._records[url], self._expires[url]
        return len(dead)

    def __len__(self) -> int:
        return len(self._records)

    def close(self) -> None:
        self._records.clear()
