"""Shared request dupefilter of one distributed run: canonical URLs in a Redis set.

scrapy-redis's ``RFPDupeFilter`` with newsbot's fingerprint (``newsbot.dupefilter``: one
fetch per canonical URL) instead of its own, which ignores ``REQUEST_FINGERPRINTER_CLASS``.
The set ``<crawl>:dupefilter`` lives as long as the run: the scheduler deletes it when the last
worker finishes and every heartbeat renews its expiry (``NEWSBOT_REDIS_RUN_TTL``), so the next
scheduled run fetches the discovery pages again (seen articles are skipped by the seen-store).
Stats: ``dupefilter/filtered`` and ``newsbot/<portal>/dupefilter/filtered``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy_redis.dupefilter import RFPDupeFilter

from newsbot.dupefilter import CanonicalFingerprinter

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.statscollectors import StatsCollector

__all__ = ["RunDupeFilter"]

logger = logging.getLogger(__name__)


class RunDupeFilter(RFPDupeFilter):
    """Redis dupefilter keyed by canonical URL (module docstring)."""

    def __init__(
        self,
        server: Any,
        key: str,
        fingerprinter: CanonicalFingerprinter,
        stats: StatsCollector | None = None,
        debug: bool = False,
    ) -> None:
        super().__init__(server, key, debug=debug)
        self.fingerprinter = fingerprinter
        self.stats = stats

    def request_fingerprint(self, request: Request) -> str:
        """Canonical-URL fingerprint; discovery requests in their own namespace (a sitemap
        linked from a page as if it were an article still gets fetched as a sitemap)."""
        kind = "d:" if request.meta.get("newsbot_kind") == "discovery" else ""
        return kind + self.fingerprinter.fingerprint(request).hex()

    def log(self, request: Request, spider: Spider | None = None) -> None:
        if self.debug or self.logdupes:
            logger.debug("Filtered duplicate request (shared dupefilter): %s", request)
            self.logdupes = self.debug
        if self.stats is not None:
            portal = request.meta.get("newsbot_portal") or "generic"
            self.stats.inc_value("dupefilter/filtered")
            self.stats.inc_value(f"newsbot/{portal}/dupefilter/filtered")
