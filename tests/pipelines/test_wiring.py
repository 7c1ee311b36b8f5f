"""The project settings wire the components, and in the order crash safety depends on."""

from __future__ import annotations

from pathlib import Path

import scrapy
from pydispatch import dispatcher
from scrapy import signals
from scrapy.extensions.feedexport import FeedExporter
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from newsbot.dupefilter import CanonicalDupeFilter
from newsbot.pipelines.dedupe import DedupePipeline


class _Spider(scrapy.Spider):
    name = "wiring"


def test_feed_line_is_written_before_the_store_commit(tmp_path: Path) -> None:
    """item_scraped reaches the FeedExporter (writes the line) before DedupePipeline (stores)."""
    settings = get_project_settings().copy_to_dict()
    # copy_to_dict() also copies Scrapy's defaults; re-set at project priority, the deprecated
    # RANDOMIZE_DOWNLOAD_DELAY would warn (the project uses DOWNLOAD_DELAY_JITTER).
    settings.pop("RANDOMIZE_DOWNLOAD_DELAY", None)
    settings.update(
        {
            "FEEDS": {str(tmp_path / "out.jsonl"): {"format": "jsonlines"}},
            "NEWSBOT_STATE_DIR": str(tmp_path / "state"),
            "TWISTED_REACTOR": None,  # no reactor is run: wiring only
        }
    )
    crawler = get_crawler(_Spider, settings)
    crawler.spider = crawler._create_spider()
    crawler._apply_settings()
    crawler.engine = crawler._create_engine()
    receivers = list(
        dispatcher.liveReceivers(
            dispatcher.getAllReceivers(crawler.signals.sender, signals.item_scraped)
        )
    )
    owners = [type(getattr(r, "__self__", None)) for r in receivers]
    assert FeedExporter in owners and DedupePipeline in owners
    assert owners.index(FeedExporter) < owners.index(DedupePipeline)
    assert get_project_settings()["DUPEFILTER_CLASS"] == "newsbot.dupefilter.CanonicalDupeFilter"
    assert issubclass(CanonicalDupeFilter, scrapy.dupefilters.RFPDupeFilter)
