"""GcTuning: cheaper garbage collections while a crawl runs.

A page's extraction allocates tens of thousands of short-lived containers (element lists,
dicts, tuples), so with CPython's default first-generation threshold (700) the cyclic garbage
collector runs several times per page, and every full collection walks all the objects the
process built at start-up (Scrapy, Twisted, lxml, the portal catalogue, compiled rules), which
never become garbage. With ``NEWSBOT_GC_FREEZE`` (default) this extension moves those objects
to the permanent generation when the engine starts (``gc.freeze()``, after one full collection),
so collections skip them; with ``NEWSBOT_GC_THRESHOLD`` > 0 it also sets the first-generation
threshold to that many container allocations (fewer collections, but garbage cycles holding
pages then live longer: RSS grows, see README "Speed and memory"; the later generations keep
their thresholds). Extraction workers (``NEWSBOT_EXTRACT_WORKERS``) are forked after the engine
starts, so they inherit both, and their collections no longer write to the pages they share with
the crawl process (copy-on-write). The threshold is restored and the objects unfrozen when the
engine stops (a crawl run inside a longer-lived process leaves it as it was). Not enabled
(``NotConfigured``) when neither is set. Stats: ``newsbot/gc/frozen`` (objects frozen) and
``newsbot/gc/threshold`` (when set).
"""

from __future__ import annotations

import gc
import logging
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class GcTuning:
    """Applies ``NEWSBOT_GC_FREEZE`` / ``NEWSBOT_GC_THRESHOLD`` while the engine runs."""

    def __init__(self, crawler: Crawler, freeze: bool, threshold: int) -> None:
        self.crawler = crawler
        self.freeze = freeze
        self.threshold = threshold
        self._saved: tuple[int, int, int] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GcTuning:
        freeze = crawler.settings.getbool("NEWSBOT_GC_FREEZE")
        threshold = crawler.settings.getint("NEWSBOT_GC_THRESHOLD")
        if not freeze and threshold <= 0:
            raise NotConfigured("NEWSBOT_GC_FREEZE is off and NEWSBOT_GC_THRESHOLD is 0")
        ext = cls(crawler, freeze, threshold)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self) -> None:
        stats = self.crawler.stats
        self._saved = gc.get_threshold()
        if self.freeze:
            gc.collect()
            gc.freeze()
            if stats is not None:
                stats.set_value("newsbot/gc/frozen", gc.get_freeze_count())
        if self.threshold > 0:
            gc.set_threshold(self.threshold, *self._saved[1:])
            if stats is not None:
                stats.set_value("newsbot/gc/threshold", self.threshold)
        logger.debug(
            "gc: %d objects frozen, thresholds %s", gc.get_freeze_count(), gc.get_threshold()
        )

    def engine_stopped(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            if self.freeze:
                gc.unfreeze()
            self._saved = None
