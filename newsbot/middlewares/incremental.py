"""IncrementalMiddleware: skip articles an earlier crawl already emitted, unless they changed.

A spider middleware (``SPIDER_MIDDLEWARES``), so skipped requests are never scheduled. An
article request — ``request.meta["newsbot_kind"] == "article"``, set by
``NewsbotSpider.article_request`` — whose canonical URL is in the seen-store is dropped, unless
the discovery metadata in ``request.meta["newsbot_hints"]["lastmod"]`` (sitemap ``lastmod`` /
Atom ``updated``, ISO 8601) is newer than the latest date stored for it (modified, lastmod,
published); an article stored by this same crawl is left to the dupefilter. Discovery
requests (feeds, sitemaps, listings) always pass. Article URLs given on the command line
(``-a url=/urls=/urls_file=``, ``hints["discovered_by"] == "given"``) are skipped the same way
(an URL-list crawl that was stopped resumes where it stopped), and one log line gives how many
of them were skipped. A skipped article's record is touched (its TTL starts again: it is still
listed). The seen-store holds what the appended feeds hold: the dedupe pipeline first takes
back the records of their last lines (``newsbot.feeds.recover_from_feeds``).

Also remembers the ``lastmod`` of each fetched article for the dedupe pipeline, which stores it.
Off for one run with ``-a fresh=1`` / ``-a incremental=0`` / ``NEWSBOT_FRESH``; off entirely with
``NEWSBOT_INCREMENTAL_ENABLED = False``. Stats: ``newsbot/<portal>/incremental/skipped`` (once per article) and
``newsbot/<portal>/incremental/changed`` (fetched again for a newer lastmod).
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter, is_item
from scrapy import Request, signals
from scrapy.exceptions import NotConfigured

from newsbot.state import KeySet, compact_key, crawl_state, is_newer
from newsbot.urls import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

__all__ = ["META_HINTS", "META_KIND", "IncrementalMiddleware"]

logger = logging.getLogger(__name__)

META_KIND = "newsbot_kind"
"""``request.meta`` key: ``"article"`` for article pages, ``"discovery"`` for feeds/sitemaps/listings."""
META_HINTS = "newsbot_hints"
"""``request.meta`` key: discovery metadata dict (``lastmod``, ``published``, ``discovered_by``)."""
_TOUCH_BATCH = 500
_FALSE = {"0", "false", "no", "off"}


class IncrementalMiddleware:
    """Spider middleware (module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.state = crawl_state(crawler)
        self._touch: list[str] = []
        self._active: bool | None = None
        self.started = time.time()
        # compact_key of canonical URLs: flat memory over long URL lists
        self._skipped = KeySet()
        self._given = KeySet()
        self._given_skipped = KeySet()
        crawler.signals.connect(self.flush, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        if not crawler.settings.getbool("NEWSBOT_INCREMENTAL_ENABLED", True):
            raise NotConfigured("NEWSBOT_INCREMENTAL_ENABLED is off")
        if not crawler.settings.getbool("NEWSBOT_STATE_ENABLED", True):
            raise NotConfigured("NEWSBOT_STATE_ENABLED is off (no seen-store)")
        return cls(crawler)

    @property
    def active(self) -> bool:
        if self._active is None:
            spider = getattr(self.crawler, "spider", None)
            arg = getattr(spider, "incremental", None)
            off = arg is not None and str(arg).strip().lower() in _FALSE
            self._active = not (off or self.state.fresh)
        return self._active

    def keep(self, request: Request) -> bool:
        """False when ``request`` is an article already stored and not changed since."""
        if request.meta.get(META_KIND) != "article" or not self.active:
            return True
        hints = request.meta.get(META_HINTS) or {}
        store = self.state.store
        if store is None:
            return True
        stored = store.get(canonical_url(request.url))
        if stored is None or stored.seen_at >= self.started:
            return True  # new, or emitted by this crawl (the dupefilter drops the request)
        portal = request.meta.get("newsbot_portal") or "generic"
        lastmod = hints.get("lastmod")
        if lastmod and is_newer(str(lastmod), stored.freshest):
            self._count(portal, "changed")
            return True
        key = compact_key(stored.url)
        if key in self._skipped:
            return False  # listed by several sources: counted once
        self._skipped.add(key)
        self._count(portal, "skipped")
        logger.debug("Seen in an earlier crawl, not fetched: %s", request.url)
        self._touch.append(stored.url)
        if len(self._touch) >= _TOUCH_BATCH:
            self.flush()
        return False

    def _count(self, portal: str, event: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"newsbot/{portal}/incremental/{event}")

    def flush(self) -> None:
        """Extend the TTL of the records skipped so far."""
        if self._touch and self.state.store is not None:
            self.state.store.touch(self._touch)
        self._touch = []

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in start:
            if not isinstance(obj, Request):
                yield obj
                continue
            given = (obj.meta.get(META_HINTS) or {}).get("discovered_by") == "given"
            kept = self.keep(obj)
            if given:
                key = compact_key(canonical_url(obj.url))
                self._given.add(key)
                if not kept:
                    self._given_skipped.add(key)
            if kept:
                yield obj
        total, skipped = len(self._given), len(self._given_skipped)
        if skipped:
            logger.warning(
                "URL list: %d of the %d given URL(s) were emitted by an earlier run (seen-store) "
                "and are not fetched again; -a fresh=1 emits them again",
                skipped,
                total,
            )
        self._given.clear()
        self._given_skipped.clear()

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        hints = response.meta.get(META_HINTS) or {}
        article = response.meta.get(META_KIND) == "article"
        lastmod = hints.get("lastmod") if article else None
        async for obj in result:
            if isinstance(obj, Request):
                if self.keep(obj):
                    yield obj
                continue
            if lastmod and is_item(obj):
                self._remember(response, obj, str(lastmod))
            yield obj

    def _remember(self, response: Response, item: Any, lastmod: str) -> None:
        """Tell the dedupe pipeline the item's lastmod."""
        adapter = ItemAdapter(item)
        for url in (response.url, adapter.get("url"), adapter.get("fetched_url")):
            if url:
                self.state.lastmods[canonical_url(str(url))] = lastmod
