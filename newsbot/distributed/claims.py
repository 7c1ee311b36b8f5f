"""Shared near-duplicate claims: two workers never both emit one story as new.

The dedupe pipeline decides "new / exact / near duplicate" from its own crawl's records and the
seen-store, and the seen-store learns of a record only once its feed line is written. Two
workers (of one crawl or of two portals' crawls) that process the same story at the same instant
would both find nothing. With ``REDIS_URL`` set, :class:`SharedClaims` closes that gap: the
pipeline decides under one Redis lock (``<prefix>claim:lock``, auto-released after
:data:`LOCK_SECONDS` if its holder dies) and, before releasing it, *claims* the record (URL,
fingerprint, LSH bands, sketch) in a short-lived index (``<prefix>claim:*``,
``NEWSBOT_REDIS_CLAIM_TTL`` s) that the next decision consults beside the seen-store.
``<prefix>`` is the seen-store's namespace (``NEWSBOT_REDIS_PREFIX`` with its ``seen:`` tail
replaced, so ``newsbot:claim:`` by default): crawls that keep separate seen-stores never see
each other's claims. Claims are never used to drop a URL (only the seen-store does that), so a
page re-fetched after its worker was killed is still emitted.

The lock never costs a record: when it cannot be taken within :data:`LOCK_SECONDS` (a worker
killed while holding it, a stalled Redis) the record is decided without it (counted as
``newsbot/distributed/claim_lock_timeout``, one WARNING); a lock that expired while held is
not an error either.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from redis.exceptions import LockError
from scrapy import signals

from newsbot.distributed import enabled
from newsbot.distributed.connection import connect
from newsbot.state.redis import RedisSeenStore

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import Settings
    from scrapy.statscollectors import StatsCollector

__all__ = ["SharedClaims", "claims_prefix", "shared_claims"]

logger = logging.getLogger(__name__)

LOCK_SECONDS = 2.0
"""Auto-release of a dead holder's lock, and the longest wait for it. A decision holds the lock
for a few Redis round trips; a wait is spent blocking the worker's reactor, so it stays short."""


def claims_prefix(settings: Settings) -> str:
    """Key prefix of the claims: the seen-store's namespace, ``claim:`` instead of ``seen:``."""
    prefix = str(settings.get("NEWSBOT_REDIS_PREFIX") or "newsbot:seen:")
    return (prefix[: -len("seen:")] if prefix.endswith("seen:") else prefix) + "claim:"


class SharedClaims:
    """A Redis lock and a short-lived index of just-decided records (module docstring)."""

    def __init__(
        self,
        index: RedisSeenStore,
        lock_timeout: float = LOCK_SECONDS,
        stats: StatsCollector | None = None,
    ) -> None:
        self.index = index
        self.lock_timeout = lock_timeout
        self.stats = stats
        self.timeouts = 0

    @contextmanager
    def lock(self) -> Iterator[bool]:
        """Held while one record is decided and claimed; yields False when decided unlocked."""
        lock = self.index.client.lock(
            f"{self.index.prefix}lock",
            timeout=self.lock_timeout,
            blocking_timeout=self.lock_timeout,
            sleep=0.002,  # held for a few round trips; a long sleep would stall the reactor
        )
        try:
            acquired = lock.acquire()
        except LockError:
            acquired = False
        if not acquired:
            self._timed_out()
        try:
            yield acquired
        finally:
            if acquired:  # expired while held (a stalled worker): nothing to undo
                with suppress(LockError):
                    lock.release()

    def _timed_out(self) -> None:
        self.timeouts += 1
        if self.stats is not None:
            self.stats.inc_value("newsbot/distributed/claim_lock_timeout")
        if self.timeouts == 1:
            logger.warning(
                "The shared claims lock %slock was not free within %.0f s (a worker killed while"
                " holding it?): deciding without it; a story two workers fetch at this instant"
                " may be emitted twice as new",
                self.index.prefix,
                self.lock_timeout,
            )

    def close(self) -> None:
        self.index.close()


def shared_claims(crawler: Crawler) -> SharedClaims | None:
    """The crawl's claims when it is distributed (``REDIS_URL``), else None."""
    settings = crawler.settings
    if not enabled(settings):
        return None
    ttl = max(1.0, settings.getfloat("NEWSBOT_REDIS_CLAIM_TTL", 3600.0)) / 86400
    index = RedisSeenStore(
        "", ttl_days=ttl, prefix=claims_prefix(settings), client=connect(settings)
    )
    index.band_ttl = index.ttl
    claims = SharedClaims(index, stats=crawler.stats)
    crawler.signals.connect(claims.close, signal=signals.engine_stopped, weak=False)
    return claims
