"""GcTuning: fewer, cheaper garbage collections while a crawl runs.

A page's extraction allocates tens of thousands of short-lived containers (element lists,
dicts, tuples), so with CPython's default first-generation threshold (700) the cyclic garbage
collector runs several times per page, and every full collection walks all the objects the
process built at start-up (Scrapy, Twisted, lxml, the portal catalogue, compiled rules), which
never become garbage. When the engine starts this extension moves those objects to the
permanent generation (``gc.freeze()``, after one full collection) and sets the first-generation
threshold to ``NEWSBOT_GC_THRESHOLD`` container allocations; the later generations keep their
thresholds. Extraction workers (``NEWSBOT_EXTRACT_WORKERS``) are forked after the engine starts,
so they inherit both, and their collections no longer write to the pages they share with the
crawl process (copy-on-write). Cyclic garbage is still collected, only in larger batches.
The previous threshold is restored and the objects unfrozen when the engine stops (a crawl run
inside a longer-lived process leaves it as it was). Not enabled (``NotConfigured``) when the
setting is 0. The threshold set is in the stats as ``newsbot/gc/threshold``.
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
    """Applies ``NEWSBOT_GC_THRESHOLD`` while the engine runs (see module docstring)."""

    def __init__(self, crawler: Crawler, threshold: int) -> None:
        self.crawler = crawler
        self.threshold = threshold
        self._saved: tuple[int, int, int] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GcTuning:
        threshold = crawler.settings.getint("NEWSBOT_GC_THRESHOLD")
        if threshold <= 0:
            raise NotConfigured("NEWSBOT_GC_THRESHOLD is 0")
        ext = cls(crawler, threshold)
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self) -> None:
        self._saved = gc.get_threshold()
        gc.collect()
        gc.freeze()
        gc.set_threshold(self.threshold, *self._saved[1:])
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("newsbot/gc/threshold", self.threshold)
        logger.debug(
            "gc: %d start-up objects frozen, threshold %d", gc.get_freeze_count(), self.threshold
        )

    def engine_stopped(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            gc.unfreeze()
            self._saved = None
