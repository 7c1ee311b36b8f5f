"""Freshness and volume arguments: -a days= / -a since= / -a limit=."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from crawlutil import urls_of

pytestmark = pytest.mark.e2e


def test_days_skips_old_articles_before_and_after_fetch(crawl_testnews, test_site):
    result = crawl_testnews(days=5)
    cutoff = test_site["now"] - timedelta(days=5)
    assert result.items
    for item in result.items:
        assert datetime.fromisoformat(item["published"]) >= cutoff, item["fetched_url"]
    url = test_site["url"]
    urls = urls_of(result)
    # dated by feed/sitemap: never fetched
    assert not {url(3), url(4), url(6)} & urls
    assert result.stat("testnews", "discovery/too_old") == 3
    # undated before fetch, too old by page date: a11 (listing, 2019), a15 (related, 6 days)
    assert not {url(11), url(15)} & urls
    assert result.stat("testnews", "skipped/too_old") == 2
    assert {url(1), url(2), url(5), url(7), url(10)} <= urls


def test_since_date(crawl_testnews, test_site):
    since = (test_site["now"] - timedelta(days=5)).date().isoformat()
    result = crawl_testnews(sources="rss", since=since)
    url = test_site["url"]
    assert urls_of(result) == {url(1), url(2), url(19)}
    assert result.stat("testnews", "discovery/too_old") == 2


def test_limit_stops_cleanly(crawl_testnews):
    result = crawl_testnews(limit=3)
    assert len(result.items) == 3
    assert result.finish_reason == "limit_reached"
    assert result.stat("testnews", "articles") == 3
