"""Failures are counted per kind and the crawl goes on: robots.txt, 404, 500, timeout, DNS."""

from __future__ import annotations

import pytest
from crawlutil import crawl_items, urls_of

pytestmark = pytest.mark.e2e


def test_listing_errors_are_counted_and_skipped(crawl_testnews, test_site):
    result = crawl_testnews(sources="listing")
    assert result.stat("testnews", "error/http_404") == 1
    assert result.stat("testnews", "error/http_500") == 1
    assert result.stat("testnews", "error/timeout") == 1
    urls = urls_of(result)
    assert not any(u.endswith(("missing-404.html", "broken-500.html", "slow.html")) for u in urls)
    # the crawl went on: the good articles of the same listing came out
    assert test_site["url"](10) in urls and test_site["url"](13) in urls
    assert result.finish_reason == "finished"


def test_robots_txt_disallow_is_obeyed(crawl_testnews, test_site):
    result = crawl_testnews(sources="listing")
    assert test_site["url"](12, "private") not in urls_of(result)
    assert result.stats.get("robotstxt/forbidden") == 1
    assert result.stat("testnews", "skipped/robots_txt") == 1
    assert test_site["server"].hits.get(test_site["path"](12, "private"), 0) == 0


def test_dns_and_refused_connections_are_counted(tmp_path):
    urls = "http://no-such-host.invalid/news/1.html,http://127.0.0.1:9/news/2.html"
    result = crawl_items("article", {"urls": urls}, {"DOWNLOAD_TIMEOUT": 3}, tmp_path, check=False)
    assert result.items == []
    assert result.stat("generic", "error/dns") == 1
    assert result.stat("generic", "error/connection") == 1
    # nothing emitted, nothing skipped as seen: a cron job must see it (not "finished")
    assert result.finish_reason == "no_items"
    assert "closing with reason no_items" in result.log
    assert result.returncode == 3  # NEWSBOT_EMPTY_EXIT_CODE: cron sees the failure
    quiet = crawl_items(
        "article", {"urls": urls}, {"DOWNLOAD_TIMEOUT": 3, "NEWSBOT_EMPTY_EXIT_CODE": 0}, tmp_path
    )
    assert quiet.finish_reason == "no_items" and quiet.returncode == 0
