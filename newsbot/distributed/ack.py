"""AckMiddleware: tell the shared queue that a request has been fully processed.

A spider middleware enabled by the distributed addon. A request popped from the shared queue
stays in this worker's in-flight set (``newsbot.distributed.queue``) until its response has been
processed: the callback's output has been passed on (requests to the scheduler) *and* every item
it yielded has left the item pipelines (``item_scraped`` — i.e. written to the feed —,
``item_dropped`` or ``item_error``). Only then is it acknowledged, so a worker killed at any
point before that has the request re-queued for another worker. Disabled (``NotConfigured``)
unless the scheduler is :class:`~newsbot.distributed.scheduler.RedisScheduler`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from itemadapter import is_item
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import load_object

from newsbot.distributed.queue import META_INFLIGHT
from newsbot.distributed.scheduler import RedisScheduler

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

__all__ = ["AckMiddleware"]


@dataclass
class _Pending:
    entry: bytes
    items: int = 0
    output_done: bool = False


class AckMiddleware:
    """Spider middleware (module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.pending: dict[int, _Pending] = {}
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)

    def spider_opened(self) -> None:
        # Connected now, after the item pipelines: on item_scraped the feed line is written
        # first, then the dedupe pipeline stores the record, and only then is the request acked.
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            self.crawler.signals.connect(self.item_done, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AckMiddleware:
        scheduler = load_object(crawler.settings["SCHEDULER"])
        if not (isinstance(scheduler, type) and issubclass(scheduler, RedisScheduler)):
            raise NotConfigured("not a distributed crawl")
        return cls(crawler)

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        entry = response.meta.get(META_INFLIGHT)
        if entry is None:
            async for output in result:
                yield output
            return
        state = self.pending.setdefault(id(response), _Pending(entry))
        async for output in result:
            if is_item(output):
                state.items += 1
            yield output
        state.output_done = True
        self._maybe_ack(id(response), state)

    def item_done(self, item: Any, response: Response | None = None, **kwargs: Any) -> None:
        state = self.pending.get(id(response)) if response is not None else None
        if state is not None:
            state.items -= 1
            self._maybe_ack(id(response), state)

    def _maybe_ack(self, key: int, state: _Pending) -> None:
        if state.output_done and state.items <= 0:
            del self.pending[key]
            scheduler = RedisScheduler.of(self.crawler)
            if scheduler is not None:
                scheduler.ack(state.entry)
