"""The navigation crawl (issue 10) through the real engine: ``scrapy crawl site`` on local sites
reachable only through home page -> sections/tags -> pagination (tests/e2e/navsite.py).

The servers log every request target, so the tests assert what was fetched, not only what
was emitted. Each crawl runs once per module (a few seconds each).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from crawlutil import E2E, CrawlResult, crawl_items

from newsbot.demo.server import start_server

pytestmark = pytest.mark.e2e

SETTINGS = {"DOWNLOAD_TIMEOUT": 5}


class Site:
    """A generated site on a local server; ``crawl()`` returns the result and what it fetched."""

    def __init__(self, root: Path, build: Any, tmp: pytest.TempPathFactory) -> None:
        self.server, self.base = start_server(root)
        self.info = build(root, self.base)
        self.server.routes.update(self.info["routes"])
        self.tmp = tmp

    def crawl(
        self, spider: str = "site", state: Path | None = None, **args: Any
    ) -> tuple[CrawlResult, list[str]]:
        before = len(self.server.requests)
        workdir = self.tmp.mktemp("nav")
        settings = {**SETTINGS, **({"NEWSBOT_STATE_DIR": str(state)} if state else {})}
        args = {"domain": self.base, **args} if spider == "site" else args
        result = crawl_items(spider, args, settings, workdir)
        return result, list(self.server.requests[before:])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _site(tmp: pytest.TempPathFactory, name: str, build: Any) -> Iterator[Site]:
    site = Site(tmp.mktemp(name), build, tmp)
    try:
        yield site
    finally:
        site.close()


@pytest.fixture(scope="module")
def nav_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from navsite import build_nav_site

    yield from _site(tmp_path_factory, "navsite", lambda root, base: build_nav_site(root))


@pytest.fixture(scope="module")
def nav_crawl(nav_site: Site, tmp_path_factory: pytest.TempPathFactory):
    """The first crawl of the navigation-only site and its seen-store directory."""
    state = tmp_path_factory.mktemp("nav-state")
    result, fetched = nav_site.crawl(state=state)
    return result, fetched, state


def _paths(result: CrawlResult) -> set[str]:
    return {unquote(urlsplit(item["fetched_url"]).path) for item in result.items}


def _fetched_paths(fetched: list[str]) -> list[str]:
    return [urlsplit(target).path for target in fetched]


def test_navigation_only_site_every_article_found(nav_site, nav_crawl):
    result, fetched, _ = nav_crawl
    articles = nav_site.info["articles"]
    assert _paths(result) == set(articles)  # sections x 3 pages + tag-only articles
    assert set(nav_site.info["tag_only"]) <= _paths(result)
    assert result.stat("generic", "navigation/started/no_sources") == 1
    # every page of every section (3 pagination styles) was read exactly once
    for pages in nav_site.info["pages"].values():
        for page in pages:
            assert fetched.count(page) == 1, (page, fetched)
    # no article page was fetched twice
    news = [p for p in _fetched_paths(fetched) if p.startswith("/news/")]
    assert len(news) == len(set(news)) == len(articles)


def test_navigation_never_fetches_non_news_paths(nav_site, nav_crawl):
    result, fetched, _ = nav_crawl
    for target in fetched:
        assert not target.startswith(nav_site.info["never"]), target
    for reason in ("login", "search", "edition", "media", "print", "share", "static"):
        assert result.stat("generic", f"navigation/blocked/{reason}") >= 1, reason


def test_report_counts_articles_per_discovery_path(nav_site, nav_crawl):
    result, _, _ = nav_crawl
    report = result.report["portals"]["generic"]
    assert report["found_by"] == {"navigation": len(nav_site.info["articles"])}
    assert "found by navigation=" in result.log
    assert result.report["status"] == "ok"


def test_second_run_refetches_listings_not_seen_articles(nav_site, nav_crawl):
    _, first, state = nav_crawl
    result, fetched = nav_site.crawl(state=state)
    assert result.items == []
    assert result.report["status"] == "nothing_new"
    listings = {p for pages in nav_site.info["pages"].values() for p in pages}
    assert listings <= set(fetched)  # listing pages change: read again
    assert not [p for p in _fetched_paths(fetched) if p.startswith("/news/")]
    assert result.stat("generic", "incremental/skipped") == len(nav_site.info["articles"])
    assert len(fetched) < len(first)


def test_days_cutoff_stops_a_sections_pagination(nav_site):
    result, fetched = nav_site.crawl(sources="listing", days=3)
    now = nav_site.info["now"]
    wanted = {p for p, d in nav_site.info["articles"].items() if d >= now - timedelta(days=3)}
    assert _paths(result) == wanted
    pages = nav_site.info["pages"]
    for section in pages.values():
        assert section[1] in fetched  # page 2 is read: its items turn out too old ...
        assert section[2] not in fetched  # ... so page 3 is never requested
    assert result.stat("generic", "navigation/stopped_old") == len(pages)
    # -a sources=listing: only the navigation crawl (no sitemap probes)
    assert not any(p.endswith((".xml", ".gz")) for p in fetched)


def test_portal_with_only_a_home_page(nav_site):
    portal = E2E / "portals" / "navhome.py"
    result, fetched = nav_site.crawl(
        "portal", portal_file=portal, mirror=nav_site.base, nav_pages=2
    )
    articles = nav_site.info["articles"]
    now = nav_site.info["now"]
    on_two_pages = {p for p, d in articles.items() if d >= now - timedelta(days=10)}
    assert _paths(result) == on_two_pages  # -a nav_pages=2: third pages not read
    assert all(item["portal"] == "navhome" for item in result.items)
    assert result.report["portals"]["navhome"]["found_by"] == {"navigation": len(on_two_pages)}
    assert not any(section[2] in fetched for section in nav_site.info["pages"].values())


@pytest.fixture(scope="module")
def stale_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from navsite import build_stale_site

    yield from _site(tmp_path_factory, "stalesite", build_stale_site)


def test_stale_sitemap_is_complemented_by_navigation(stale_site):
    result, fetched = stale_site.crawl()
    old, new = stale_site.info["old"], stale_site.info["new"]
    assert _paths(result) == set(old) | set(new)
    assert result.stat("generic", "navigation/started/stale") == 1
    found_by = result.report["portals"]["generic"]["found_by"]
    assert found_by == {"sitemap": len(old), "navigation": len(new)}
    assert "/sitemap.xml" in fetched


@pytest.fixture(scope="module")
def endless_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from navsite import build_endless_site

    yield from _site(tmp_path_factory, "endless", lambda root, base: build_endless_site(root))


def test_limits_stop_endless_pagination_and_deep_sections(endless_site):
    result, fetched = endless_site.crawl(sources="listing", nav_pages=3, nav_depth=1)
    paths = _fetched_paths(fetched)
    pages = [p for p in paths if p.startswith("/section/all/")]
    assert pages == ["/section/all/", "/section/all/page/2/", "/section/all/page/3/"]
    assert "/section/d1/" in paths and "/section/d2/" not in paths  # depth 1 only
    assert result.stat("generic", "navigation/pages_capped") == 1
    assert result.stat("generic", "navigation/depth_capped") >= 1
    assert len(result.items) == 3 * 3 + 1  # 3 items a page, 3 pages, 1 article in d1


def test_declared_listing_without_next_page_selector_paginates(nav_site):
    portal = E2E / "portals" / "navlisting.py"
    result, fetched = nav_site.crawl("portal", portal_file=portal, mirror=nav_site.base)
    economy, sports = nav_site.info["pages"]["economy"], nav_site.info["pages"]["sports"]
    assert sorted(economy[:2] + sports) == sorted(p for p in fetched if p in economy + sports)
    listed = nav_site.info["listed"]
    wanted = {a for page in economy[:2] + sports for a in listed[page]}  # max_pages=2: economy
    assert _paths(result) == wanted
    assert result.report["portals"]["navlisting"]["found_by"] == {"listing": len(result.items)}
