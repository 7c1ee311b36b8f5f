"""ResumeMiddleware: a crawl that stopped early is resumed by running the same command again.

A spider middleware (``SPIDER_MIDDLEWARES``, above ``IncrementalMiddleware`` so what it
re-schedules is checked against the seen-store). Every article request the engine schedules
(``request_scheduled``) is written to a :class:`~newsbot.state.pending.PendingJournal`:
``<JOBDIR>/newsbot-pending.jsonl`` with ``JOBDIR``, else
``<NEWSBOT_STATE_DIR>/pending/<spider>-<key>.jsonl``, the key being a hash of what makes two
commands "the same" (spider, portal, site, given URLs, feed URIs). When the crawl completes
(``newsbot.state.pending.COMPLETE_REASONS``) the journal is removed; otherwise (SIGKILL, a
second Ctrl-C, SIGTERM, a failed write) the next run yields its requests before the spider's
own start requests, logs one line with their count and counts ``newsbot/state/resumed``: the
seen-store skips the articles already emitted, the dupefilter those rediscovered, and the
rest — queued or in flight when the process died, related articles of emitted pages — are
fetched. Discovery (feeds, sitemaps, listings) runs again on every start anyway.

Needs a persistent seen-store (``NEWSBOT_STATE_ENABLED``, not the ``memory`` backend of the
demo): without one nothing tells an emitted article from a pending one. A ``-a fresh=1`` run discards an earlier journal (it re-emits everything).
Off with ``NEWSBOT_RESUME_ENABLED = False``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

from newsbot.state import crawl_state, state_dir
from newsbot.state.pending import COMPLETE_REASONS, PendingJournal

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

__all__ = ["ResumeMiddleware", "journal_path"]

logger = logging.getLogger(__name__)

JOURNAL_NAME = "newsbot-pending.jsonl"


def journal_path(crawler: Crawler, spider: Spider) -> Path:
    """Where the pending journal of this command lives (module docstring)."""
    jobdir = job_dir(crawler.settings)
    if jobdir:
        return Path(jobdir) / JOURNAL_NAME
    portal = getattr(spider, "portal", None)
    args = getattr(spider, "args", None)
    parts = [
        spider.name,
        str(getattr(portal, "slug", portal) or ""),
        str(getattr(spider, "home", "") or ""),
        *sorted(getattr(args, "urls", None) or ()),
        "\n",
        *sorted(str(uri) for uri in crawler.settings.getdict("FEEDS")),
    ]
    key = hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]
    return state_dir(crawler.settings) / "pending" / f"{spider.name}-{key}.jsonl"


class ResumeMiddleware:
    """Spider middleware (module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.state = crawl_state(crawler)
        self.journal: PendingJournal | None = None
        crawler.signals.connect(self.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ResumeMiddleware:
        if not crawler.settings.getbool("NEWSBOT_RESUME_ENABLED", True):
            raise NotConfigured("NEWSBOT_RESUME_ENABLED is off")
        if not crawler.settings.getbool("NEWSBOT_STATE_ENABLED", True):
            raise NotConfigured("NEWSBOT_STATE_ENABLED is off (no seen-store to resume with)")
        if str(crawler.settings.get("NEWSBOT_STATE_BACKEND") or "").lower() == "memory":
            raise NotConfigured("the seen-store lives in memory: nothing survives to resume with")
        return cls(crawler)

    def _open(self) -> list[Request]:
        """Open the journal; the requests an earlier run left pending (none when fresh)."""
        spider = self.crawler.spider
        self.journal = PendingJournal(journal_path(self.crawler, spider))
        if self.state.fresh:
            self.journal.close(remove=True)
            return []
        pending = list(self.journal.requests(spider))
        if pending:
            logger.warning(
                "Resuming: %d article request(s) that an earlier run of this crawl left pending "
                "(%s) are scheduled again; the seen-store skips those already emitted",
                len(pending),
                self.journal.path,
            )
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("newsbot/state/resumed", len(pending))
        return pending

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        for request in self._open():
            yield request
        async for obj in start:
            yield obj

    def request_scheduled(self, request: Request) -> None:
        if self.journal is not None and request.meta.get("newsbot_kind") == "article":
            self.journal.add(request)

    def spider_closed(self, reason: str) -> None:
        if self.journal is None:
            return
        complete = reason in COMPLETE_REASONS
        self.journal.close(remove=complete)
        if not complete and len(self.journal):
            logger.info(
                "Crawl stopped early (%s): run the same command again to resume "
                "(pending requests are kept in %s)",
                reason,
                self.journal.path,
            )
