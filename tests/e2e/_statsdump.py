"""Test support: a stats collector that also writes the final stats as JSON (for e2e tests).

Loaded in ``scrapy crawl`` subprocesses with ``-s STATS_CLASS=_statsdump.JsonDumpStatsCollector``
and ``-s NEWSBOT_TEST_STATS_FILE=<path>`` (tests/e2e is put on PYTHONPATH by conftest).
"""

from __future__ import annotations

import json
from pathlib import Path

from scrapy.statscollectors import MemoryStatsCollector


class JsonDumpStatsCollector(MemoryStatsCollector):
    """MemoryStatsCollector + a JSON dump of the stats at close."""

    def close_spider(self, *args: object, **kwargs: object) -> None:
        super().close_spider(*args, **kwargs)
        path = self._crawler.settings.get("NEWSBOT_TEST_STATS_FILE")
        if path:
            Path(path).write_text(json.dumps(self._stats, default=str), encoding="utf-8")
