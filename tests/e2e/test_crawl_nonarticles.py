"""``scrapy crawl article -a url=`` on a home page and an article: only the article is emitted;
the home page is counted as ``not_article/links`` and listed in the crawl report; with
``-a keep_non_articles=1`` both come out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crawlutil import REPO, crawl_items

from newsbot.demo.server import Route, start_server

pytestmark = pytest.mark.e2e

PAGES = REPO / "tests" / "fixtures" / "pages" / "generic" / "classes"
HOME = "/portal/home.aspx"
ARTICLE = "/sport/2024/11/18/national-team-qualifies"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    routes = {HOME: Route(file="home_links.html"), ARTICLE: Route(file="related_and_tails.html")}
    server, base = start_server(PAGES, routes)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def _crawl(base: str, tmp_path: Path, **extra: Any):
    args = {"urls": f"{base}{HOME},{base}{ARTICLE}", "related_depth": 0, **extra}
    return crawl_items("article", args, {}, tmp_path)


def test_a_home_page_is_not_emitted_but_counted_and_reported(site: str, tmp_path: Path) -> None:
    result = _crawl(site, tmp_path)
    assert [i["fetched_url"] for i in result.items] == [f"{site}{ARTICLE}"]
    assert result.stat("generic", "not_article/links") == 1
    report = result.report
    assert report is not None
    assert report["portals"]["generic"]["not_articles"] == {"links": 1}


def test_keep_non_articles_emits_it_anyway(site: str, tmp_path: Path) -> None:
    result = _crawl(site, tmp_path, keep_non_articles=1)
    assert sorted(i["fetched_url"] for i in result.items) == sorted(
        [f"{site}{HOME}", f"{site}{ARTICLE}"]
    )
    assert result.stat("generic", "not_article/links") == 1
    assert result.stat("generic", "not_article/kept") == 1
