"""A test scheduler: Scrapy's own, recording the most requests it ever held.

The stat ``test/scheduler/max_pending`` lets a crawl test check that start requests are fed
lazily (tests/e2e/test_crawl_start.py)."""

from __future__ import annotations

from typing import Any

from scrapy.core.scheduler import Scheduler


class ProbeScheduler(Scheduler):
    def enqueue_request(self, request: Any) -> bool:
        queued = super().enqueue_request(request)
        if self.stats is not None:
            self.stats.max_value("test/scheduler/max_pending", len(self))
        return queued
