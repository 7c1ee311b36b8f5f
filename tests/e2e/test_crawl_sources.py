"""Discovery from each source kind a portal declares, through the real engine."""

from __future__ import annotations

from datetime import datetime

import pytest
from crawlutil import urls_of

pytestmark = pytest.mark.e2e


def _urls(site, numbers):
    return {site["url"](n) for n in numbers}


def test_rss_only(crawl_testnews, test_site):
    result = crawl_testnews(sources="rss")
    assert urls_of(result) == _urls(test_site, test_site["rss"])
    assert result.stat("testnews", "discovery/requests/rss") == 1
    assert result.stat("testnews", "discovery/found/rss") == len(test_site["rss"])
    for kind in ("news_sitemap", "sitemap", "listing"):
        assert result.stat("testnews", f"discovery/requests/{kind}") == 0


def test_feed_date_is_the_fallback_for_an_undated_page(crawl_testnews, test_site):
    item = crawl_testnews(sources="rss").by_url()[test_site["url"](19)]
    assert item["date_source"] == "feed"
    published = datetime.fromisoformat(item["published"])
    assert published == test_site["undated"][19]


def test_news_sitemap_only_keeps_news_metadata(crawl_testnews, test_site):
    result = crawl_testnews(sources="news_sitemap")
    assert urls_of(result) == _urls(test_site, test_site["news_sitemap"])
    assert result.stat("testnews", "discovery/found/news_sitemap") == 3
    item = result.by_url()[test_site["url"](18)]
    assert item["date_source"] == "sitemap"
    assert datetime.fromisoformat(item["published"]) == test_site["undated"][18]
    assert item["title"] == test_site["titles"][18]


def test_sitemap_index_is_followed(crawl_testnews, test_site):
    result = crawl_testnews(sources="sitemap")
    assert urls_of(result) == _urls(test_site, test_site["sitemap"])
    # the index and its two child sitemaps
    assert result.stat("testnews", "discovery/requests/sitemap") == 3


def test_listing_with_pagination_up_to_max_pages(crawl_testnews, test_site):
    result = crawl_testnews(sources="listing")
    urls = urls_of(result)
    assert _urls(test_site, test_site["listing"]) <= urls  # a13 is on page 2
    assert test_site["url"](14) not in urls  # page 3 is beyond max_pages=2
    assert result.stat("testnews", "discovery/requests/listing") == 2
    assert result.stat("testnews", "discovery/filtered/denied") == 1  # /tag/ link
    # the section front and the video page are reached but not emitted
    skipped = sum(v for k, v in result.stats.items() if k.startswith("newsbot/testnews/skipped/"))
    assert skipped >= 2
    assert not any(u.endswith(("/front.html", "/video.html")) for u in urls)


def test_all_sources_every_item_is_complete(crawl_testnews, test_site):
    result = crawl_testnews()
    expected = set().union(
        *(_urls(test_site, test_site[k]) for k in ("rss", "news_sitemap", "sitemap", "listing"))
    )
    assert expected <= urls_of(result)
    for item in result.items:
        assert item["url"].startswith("https://news.test.example/")  # real URL, not the mirror
        assert item["title"] == test_site["titles"][test_site["number"](item["fetched_url"])]
        assert item["body"] and item["published"] and item["portal"] == "testnews"
    assert result.finish_reason == "finished"
