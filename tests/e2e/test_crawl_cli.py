"""CLI wiring: scrapy list / parse, the generic article and site spiders, argument errors."""

from __future__ import annotations

import subprocess

import pytest
from crawlutil import REPO, crawl_items, scrapy_command, subprocess_env, urls_of

from newsbot import portals

pytestmark = pytest.mark.e2e


def _scrapy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        scrapy_command(*args),
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_scrapy_list_shows_every_portal_and_the_generic_spiders():
    proc = _scrapy("list")
    assert proc.returncode == 0, proc.stderr
    names = set(proc.stdout.split())
    assert {p.slug for p in portals.all_portals()} <= names
    assert {"portal", "article", "site", "demo"} <= names


@pytest.mark.parametrize("spider", ["youm7", "portal"])
def test_scrapy_parse_article_on_a_local_url(test_site, spider, tmp_path):
    url = test_site["base"] + test_site["path"](1)
    state = f"NEWSBOT_STATE_DIR={tmp_path / 'state'}"
    proc = _scrapy("parse", f"--spider={spider}", "-c", "parse_article", "-s", state, url)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert test_site["titles"][1] in proc.stdout
    # scrapy parse replaces start(): the crawl report must not call it a broken crawl
    assert "no_items" not in proc.stderr
    assert "Spider closed (finished)" in proc.stderr
    # debugging: the page is extracted in this process (breakpoints work), not in a worker
    assert "Extraction runs in" not in proc.stderr


def test_article_spider_any_host_and_port(test_site, tmp_path):
    base = test_site["base"]  # http://127.0.0.1:PORT, no portal owns it
    result = crawl_items("article", {"url": base + test_site["path"](10)}, {}, tmp_path)
    assert [i["title"] for i in result.items] == [test_site["titles"][10]]
    assert result.items[0]["portal"] is None
    assert result.stat("generic", "articles") == 1
    # a10's related links point at news.test.example / other.test.example: other hosts
    assert result.stat("generic", "related/off_domain") == 2


def test_site_spider_discovers_robots_sitemaps_and_feed_links(crawl_testnews, test_site):
    result = crawl_testnews("site", domain="news.test.example", portal_file="")
    url = test_site["url"]
    # robots.txt names the sitemap index; the home page's <link rel=alternate> names the RSS
    assert {url(n) for n in (*test_site["sitemap"], *test_site["rss"])} <= urls_of(result)
    assert result.stat("generic", "discovery/found/robots_sitemap") == 1
    assert result.stat("generic", "discovery/requests/rss") == 1
    # the feed is fresh (its newest entry is an hour old): no navigation crawl
    assert result.stat("generic", "discovery/requests/navigation") == 0
    assert result.report["portals"]["generic"]["found_by"].keys() <= {"sitemap", "feed", "related"}


def test_portal_spider_without_portal_stops_with_a_reason(tmp_path):
    result = crawl_items("portal", {}, {}, tmp_path, check=False)
    assert result.items == []
    assert result.finish_reason == "no_portal"
    assert result.returncode == 3  # NEWSBOT_EMPTY_EXIT_CODE


def test_bad_argument_fails_loudly(tmp_path):
    result = crawl_items("portal", {"portal": "demo", "days": "two"}, {}, tmp_path, check=False)
    assert result.returncode != 0
    assert "-a days='two'" in result.log
