"""JavaScript rendering end to end: real Chromium through scrapy-playwright, no mocks.

One local site (tests/e2e/jssite.py) holds every article twice, as plain HTML and built by
JavaScript, plus listings that load more articles on click and on scroll. One ``render=auto``
portal crawl of it is shared by the tests that need a browser; the no-browser cases point
``NEWSBOT_CHROMIUM`` at a missing path and need no browser at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crawlutil import REPO, CrawlResult, crawl_command, crawl_items, read_jsonl, subprocess_env
from jssite import ARTICLES, HOST, build_js_site, path

from newsbot.demo.server import start_server
from newsbot.render.browser import find_browser

JSNEWS = Path(__file__).resolve().parent / "portals" / "jsnews.py"
MISSING = "/nonexistent/newsbot-test/chromium"
HINT = "apt-get install chromium"
# Fields that differ between the two copies of an article by construction.
URL_FIELDS = {"url", "fetched_url", "fetched_via", "crawled_at", "related", "fingerprint"}


@pytest.fixture(scope="module")
def chromium() -> str:
    """Path of the Chromium the crawls use; skip (or fail in CI) without one."""
    found = find_browser()
    if found is None:
        message = "chromium not installed (apt-get install chromium): browser tests skipped"
        if os.environ.get("NEWSBOT_REQUIRE_SERVICES") == "1":
            pytest.fail(message.replace("skipped", "required (NEWSBOT_REQUIRE_SERVICES=1)"))
        pytest.skip(message)
    return str(found)


@pytest.fixture(scope="module")
def js_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("js-site")
    info = build_js_site(root)
    server, base = start_server(root)
    try:
        yield {**info, "base": base, "root": root}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def auto_crawl(
    chromium: str, js_site: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> CrawlResult:
    """The jsnews portal (render=auto, listing actions) crawled once through Chromium."""
    args = {"portal_file": JSNEWS, "mirror": js_site["base"], "related_depth": 0}
    # NEWSBOT_RENDER="" lets the portal's render=auto apply (test crawls default to never);
    # dedup off: the two copies of an article carry the same text on purpose.
    settings = {"NEWSBOT_RENDER": "", "NEWSBOT_DEDUPE_ENABLED": False}
    return crawl_items("portal", args, settings, tmp_path_factory.mktemp("render"))


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in record.items() if k not in URL_FIELDS}
    out["related"] = [
        {**link, "url": link["url"].replace("/js/", "/static/")} for link in record["related"]
    ]
    return out


def test_js_pages_give_the_same_records_as_their_static_copies(auto_crawl: CrawlResult) -> None:
    by_url = auto_crawl.by_url()
    for n in ARTICLES:
        static = by_url[f"https://{HOST}{path(n, 'static')}"]
        rendered = by_url[f"https://{HOST}{path(n, 'js')}"]
        assert rendered["body"] and rendered["published"] and rendered["title"]
        assert _comparable(rendered) == _comparable(static), n
        assert (static["fetched_via"], rendered["fetched_via"]) == ("http", "browser")


def test_listing_actions_load_every_article(auto_crawl: CrawlResult) -> None:
    js_urls = {u for u in (i["fetched_url"] for i in auto_crawl.items) if "/js/" in u}
    # more.html shows 1 article and adds 2 by clicks; scroll.html the same by scrolling
    assert js_urls == {f"https://{HOST}{path(n, 'js')}" for n in ARTICLES}
    assert auto_crawl.stat("jsnews", "render/actions") == 4


def test_auto_renders_only_the_pages_that_need_it(auto_crawl: CrawlResult) -> None:
    assert auto_crawl.returncode == 0 and auto_crawl.finish_reason == "finished"
    assert len(auto_crawl.items) == 2 * len(ARTICLES)
    assert auto_crawl.stat("jsnews", "render/needed") == len(ARTICLES)  # the JS copies only
    # the JS copies + the two listings with actions; the static list and copies: plain HTTP
    assert auto_crawl.stat("jsnews", "render/rendered") == len(ARTICLES) + 2
    assert auto_crawl.stat("jsnews", "render/render_failed") == 0
    assert auto_crawl.stat("playwright/page_count/closed") == len(ARTICLES) + 2
    report = auto_crawl.report
    assert report is not None
    assert report["portals"]["jsnews"]["render"] == {
        "actions": 4,
        "needed": len(ARTICLES),
        "rendered": len(ARTICLES) + 2,
    }


def _run(
    spider: str, args: dict[str, Any], settings: dict[str, Any], tmp: Path, env: dict[str, str]
):
    cmd, feed, _ = crawl_command(spider, args, settings, tmp)
    started = time.monotonic()
    proc = subprocess.run(
        cmd, cwd=REPO, env={**subprocess_env(), **env}, capture_output=True, text=True, timeout=60
    )
    return proc, read_jsonl(feed), time.monotonic() - started


def test_render_always_without_browser_stops_at_once(
    js_site: dict[str, Any], tmp_path: Path
) -> None:
    args = {"portal_file": JSNEWS, "mirror": js_site["base"], "render": "always"}
    proc, items, _ = _run("portal", args, {}, tmp_path, {"NEWSBOT_CHROMIUM": MISSING})
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert HINT in proc.stderr
    assert "browser_missing" in proc.stderr
    assert items == []
    assert "Crawled 0 pages" in proc.stderr and "scrapy-playwright" not in proc.stderr


def test_auto_without_browser_stops_at_the_first_page_that_needs_it(
    js_site: dict[str, Any], tmp_path: Path
) -> None:
    args = {
        "portal_file": JSNEWS,
        "mirror": js_site["base"],
        "url": f"https://{HOST}{path(1, 'js')}",
    }
    settings = {"NEWSBOT_RENDER": ""}
    proc, items, _ = _run("article", args, settings, tmp_path, {"NEWSBOT_CHROMIUM": MISSING})
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert (
        HINT in proc.stderr and "needs JavaScript rendering (missing:body,published)" in proc.stderr
    )
    assert items == []


def test_a_crawl_that_never_renders_needs_no_browser(
    js_site: dict[str, Any], tmp_path: Path
) -> None:
    """Generic crawl, default render mode, no browser: one INFO line, plain HTTP, no Playwright."""
    args = {"url": f"{js_site['base']}{path(1, 'static')}", "related_depth": 0}
    proc, items, _ = _run(
        "article", args, {"NEWSBOT_RENDER": ""}, tmp_path, {"NEWSBOT_CHROMIUM": MISSING}
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr.count("No Chromium found") == 1
    assert "scrapy-playwright" not in proc.stderr
    assert not [line for line in proc.stderr.splitlines() if "WARNING" in line and "eactor" in line]
    assert [i["fetched_via"] for i in items] == ["http"]


def test_shell_renders_with_newsbot_render_always(chromium: str, js_site: dict[str, Any]) -> None:
    url = f"{js_site['base']}{path(2, 'js')}"
    code = "print('RESULT', extract(response)['title'], extract(response)['published'])"

    def shell(*settings: str) -> str:
        cmd = [sys.executable, "-m", "scrapy", "shell", url, "--nolog", "-c", code, *settings]
        proc = subprocess.run(
            cmd, cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=90
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        return proc.stdout

    from jssite import data

    expected = data(2, "js")
    rendered = shell("-s", "NEWSBOT_RENDER=always", "-s", "NEWSBOT_STATE_BACKEND=memory")
    assert f"RESULT {expected['title']} {expected['published']}" in rendered
