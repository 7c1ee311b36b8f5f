"""The seen-store contract: what newsbot remembers about articles between crawls.

A :class:`SeenStore` maps the canonical URL of every article emitted (or dropped as a duplicate)
to a :class:`SeenRecord`: content fingerprint, the LSH band keys and sketch of its MinHash
signature (near-duplicate look-ups across runs without loading an index into memory), dates and
version. Records expire ``ttl`` seconds after they were last written or touched (an article
still listed by a sitemap is touched by every incremental crawl, so it does not come back).
Implementations: ``sqlite`` (default, one file), ``redis`` (``REDIS_URL``, shared by workers),
``memory`` (one crawl's own items; tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

__all__ = ["SeenRecord", "SeenStore", "is_newer", "parse_when"]


@dataclass
class SeenRecord:
    """What the store keeps of one article."""

    url: str
    """Canonical URL (``newsbot.urls.canonical_url``): the key."""
    fingerprint: str | None = None
    portal: str | None = None
    published: str | None = None
    modified: str | None = None
    lastmod: str | None = None
    """Sitemap/feed ``lastmod`` the article was last fetched for."""
    version: int = 1
    duplicate_of: str | None = None
    """Canonical URL of the first record of its duplicate cluster, if any."""
    sketch: bytes | None = None
    """``NearDupHasher`` sketch (1 byte per permutation)."""
    bands: tuple[int, ...] = ()
    """LSH band keys (written, never read back)."""
    aliases: tuple[str, ...] = ()
    """Other canonical URLs of the same article (the fetched URL when rel=canonical differs)."""
    seen_at: float = 0.0
    """Unix time of the last write."""

    @property
    def root(self) -> str:
        """URL that a duplicate of this record points to."""
        return self.duplicate_of or self.url

    @property
    def freshest(self) -> str | None:
        """The latest of modified / lastmod / published (ISO string)."""
        best: str | None = None
        for value in (self.modified, self.lastmod, self.published):
            if value and (best is None or is_newer(value, best)):
                best = value
        return best


@runtime_checkable
class SeenStore(Protocol):
    """Persistent seen-store (see module docstring). Every write is committed when it returns."""

    def get(self, url: str) -> SeenRecord | None:
        """The record whose URL or alias is ``url`` (a canonical URL)."""

    def by_fingerprint(self, fingerprint: str) -> SeenRecord | None:
        """The first live record with this exact content fingerprint."""

    def near_candidates(self, bands: Sequence[int]) -> list[SeenRecord]:
        """Live records sharing at least one LSH band key (to be confirmed by sketch)."""

    def put(self, record: SeenRecord) -> None:
        """Insert or replace ``record`` (and index its fingerprint, bands and aliases)."""

    def put_many(self, records: Iterable[SeenRecord]) -> int:
        """Bulk ``put`` in one transaction; returns the number written."""

    def touch(self, urls: Iterable[str]) -> None:
        """Extend the expiry of these records (seen again in a sitemap/feed)."""

    def purge(self) -> int:
        """Delete expired records; returns how many (0 where the backend expires by itself)."""

    def __len__(self) -> int: ...

    def close(self) -> None: ...


def parse_when(value: str | None) -> datetime | None:
    """An aware datetime from an ISO 8601 string (naive = UTC), else None."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def is_newer(candidate: str | None, reference: str | None) -> bool:
    """True when ``candidate`` is a later instant than ``reference`` (unknown = not newer)."""
    new, old = parse_when(candidate), parse_when(reference)
    if new is None:
        return False
    if old is None:
        return reference is None or not reference
    return new > old
