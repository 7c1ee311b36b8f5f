"""Shared near-duplicate claims: two workers never both emit one story as new.

The dedupe pipeline decides "new / exact / near duplicate" from its own crawl's records and the
seen-store, and the seen-store learns of a record only once its feed line is written. Two
workers (of one crawl or of two portals' crawls) that process the same story at the same instant
would both find nothing. With ``REDIS_URL`` set, :class:`SharedClaims` closes that gap: the
pipeline decides under one Redis lock (``newsbot:claim:lock``, auto-released after 10 s if its
holder dies) and, before releasing it, *claims* the record (URL, fingerprint, LSH bands, sketch)
in a short-lived index (``newsbot:claim:*``, ``NEWSBOT_REDIS_CLAIM_TTL`` s) that the next
decision consults beside the seen-store. Claims are never used to drop a URL (only the
seen-store does that), so a page re-fetched after its worker was killed is still emitted.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from scrapy import signals

from newsbot.distributed import enabled
from newsbot.distributed.connection import connect
from newsbot.state.redis import RedisSeenStore

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["SharedClaims", "shared_claims"]

logger = logging.getLogger(__name__)

PREFIX = "newsbot:claim:"


class SharedClaims:
    """A Redis lock and a short-lived index of just-decided records (module docstring)."""

    def __init__(self, index: RedisSeenStore, lock_timeout: float = 10.0) -> None:
        self.index = index
        self.lock_timeout = lock_timeout

    def lock(self) -> AbstractContextManager[object]:
        """Held while one record is decided and claimed."""
        return self.index.client.lock(
            f"{PREFIX}lock",
            timeout=self.lock_timeout,
            blocking_timeout=self.lock_timeout,
            sleep=0.002,  # held for a few round trips; a long sleep would stall the reactor
        )

    def close(self) -> None:
        self.index.close()


def shared_claims(crawler: Crawler) -> SharedClaims | None:
    """The crawl's claims when it is distributed (``REDIS_URL``), else None."""
    settings = crawler.settings
    if not enabled(settings):
        return None
    ttl = max(1.0, settings.getfloat("NEWSBOT_REDIS_CLAIM_TTL", 3600.0)) / 86400
    index = RedisSeenStore("", ttl_days=ttl, prefix=PREFIX, client=connect(settings))
    index.band_ttl = index.ttl
    claims = SharedClaims(index)
    crawler.signals.connect(claims.close, signal=signals.engine_stopped, weak=False)
    return claims
