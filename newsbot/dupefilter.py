"""CanonicalDupeFilter: one fetch per article, whatever variant of its URL was linked.

``DUPEFILTER_CLASS = "newsbot.dupefilter.CanonicalDupeFilter"``. A GET request without body is
identified by ``newsbot.urls.canonical_url`` of its URL, so AMP/mobile/``www.`` variants, tracking
parameters, a trailing slash or another percent-encoding of an Arabic slug are not fetched twice;
other requests keep Scrapy's fingerprint. Feed, sitemap and listing requests are sent with
``dont_filter=True`` by the spiders (fetched every run), and any request marked
``meta["newsbot_kind"] = "discovery"`` is neither filtered nor remembered, so only article
requests are filtered. Works with ``JOBDIR`` like Scrapy's ``RFPDupeFilter`` (it is one, with
another fingerprinter): a resumed job never skips discovery because an earlier run requested it
(see ``newsbot.extensions.jobstate`` for what happens after an unclean stop).
Stats: ``dupefilter/filtered`` and ``newsbot/<portal>/dupefilter/filtered``.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.job import job_dir

from newsbot.urls import canonical_url

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.utils.request import RequestFingerprinterProtocol

__all__ = ["CanonicalDupeFilter", "CanonicalFingerprinter"]


class CanonicalFingerprinter:
    """Request fingerprinter: canonical URL for plain GETs, ``fallback`` for anything else."""

    def __init__(self, fallback: RequestFingerprinterProtocol) -> None:
        self.fallback = fallback

    def fingerprint(self, request: Request) -> bytes:
        if request.method.upper() in ("GET", "HEAD") and not request.body:
            return hashlib.sha1(b"GET " + canonical_url(request.url).encode("utf-8")).digest()
        return self.fallback.fingerprint(request)


class CanonicalDupeFilter(RFPDupeFilter):
    """``RFPDupeFilter`` keyed by canonical URL (module docstring)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CanonicalDupeFilter:
        dupefilter = cls(
            job_dir(crawler.settings),
            crawler.settings.getbool("DUPEFILTER_DEBUG"),
            fingerprinter=CanonicalFingerprinter(crawler.request_fingerprinter),
        )
        dupefilter.stats = crawler.stats
        return dupefilter

    def request_seen(self, request: Request) -> bool:
        if request.meta.get("newsbot_kind") == "discovery":
            return False
        return bool(super().request_seen(request))

    def log(self, request: Request, spider: Spider) -> None:
        super().log(request, spider)
        stats = getattr(self, "stats", None)
        if stats is not None:
            portal = request.meta.get("newsbot_portal") or "generic"
            stats.inc_value(f"newsbot/{portal}/dupefilter/filtered")
