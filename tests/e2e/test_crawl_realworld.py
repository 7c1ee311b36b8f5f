"""Crawl the realworld pages (../shared/realworld) at their real URLs through a local mirror.

Each page is served at its real URL path by one local server; ``NEWSBOT_MIRRORS`` maps every
site's host to it, so the spiders, the portal registry and the records see the real URLs.
Skipped with a message when the folder is absent (the pages are third-party, never copied).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from crawlutil import REPO, CrawlResult, crawl_items

from newsbot import portals
from newsbot.demo.server import Route, start_server

pytestmark = [pytest.mark.e2e, pytest.mark.realworld]

RW = Path(os.environ.get("NEWSBOT_REALWORLD_DIR") or REPO.parent / "shared" / "realworld")


def _ws(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def mirror() -> Iterator[dict[str, Any]]:
    """One server serving every realworld page at its real path; host -> server mapping."""
    if not (RW / "expected").is_dir():
        pytest.skip(f"realworld pages not found at {RW} (set NEWSBOT_REALWORLD_DIR)")
    expected = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((RW / "expected").glob("*.json"))
    ]
    routes = {unquote(urlsplit(e["url"]).path): Route(file=f"{e['id']}.html") for e in expected}
    assert len(routes) == len(expected), "two realworld pages share a URL path"
    server, base = start_server(RW / "pages", routes)
    hosts = {urlsplit(e["url"]).hostname.removeprefix("www.") for e in expected}
    try:
        yield {"expected": expected, "mirrors": dict.fromkeys(hosts, base), "base": base}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def article_crawl(mirror, tmp_path_factory) -> CrawlResult:
    tmp = tmp_path_factory.mktemp("realworld")
    urls_file = tmp / "urls.txt"
    urls_file.write_text("\n".join(e["url"] for e in mirror["expected"]) + "\n", encoding="utf-8")
    return crawl_items(
        "article",
        {"urls_file": urls_file, "related_depth": 0},
        {"NEWSBOT_MIRRORS": mirror["mirrors"]},
        tmp,
    )


def _match(result: CrawlResult, url: str) -> dict[str, Any] | None:
    for item in result.items:
        if unquote(item["fetched_url"]) == url or unquote(item["url"] or "") == url:
            return item
    return None


def test_every_realworld_page_comes_out_with_its_title(article_crawl, mirror):
    missing, wrong = [], []
    for exp in mirror["expected"]:
        item = _match(article_crawl, exp["url"])
        if item is None:
            missing.append(exp["id"])
        elif _ws(item["title"]) != _ws(exp["title"]):
            wrong.append((exp["id"], item["title"], exp["title"]))
    assert not missing, f"not emitted: {missing}"
    assert not wrong, f"titles differ: {wrong}"


def test_records_carry_real_urls_and_their_portal(article_crawl, mirror):
    assert len(article_crawl.items) == len(mirror["expected"])
    for item in article_crawl.items:
        assert "127.0.0.1" not in item["fetched_url"]
        assert "127.0.0.1" not in (item["url"] or "")
        portal = portals.for_url(item["fetched_url"])
        assert portal is not None and item["portal"] == portal.slug
        assert article_crawl.stat(portal.slug, "articles") >= 1


def test_a_portal_spider_with_urls_and_mirror(mirror, tmp_path):
    youm7 = [e["url"] for e in mirror["expected"] if e["site"].endswith("youm7.com")]
    assert youm7, "expected youm7 pages in the realworld folder"
    result = crawl_items(
        "youm7",
        {"urls": ",".join(youm7), "mirror": mirror["base"], "related_depth": 0},
        {},
        tmp_path,
    )
    titles = {_ws(i["title"]) for i in result.items}
    assert titles == {_ws(e["title"]) for e in mirror["expected"] if e["url"] in youm7}
    assert result.stat("youm7", "articles") == len(youm7)
