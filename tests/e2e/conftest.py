"""End-to-end crawl fixtures: local servers (session-scoped) and the ``crawl_items()`` helper.

Crawls run as ``scrapy crawl`` subprocesses (the real engine and the CLI wiring, ~2-4 s each)
against ``newsbot.demo.server`` instances on 127.0.0.1; real hosts are mapped to them with
``NEWSBOT_MIRRORS`` / ``-a mirror=``. Other test files reuse ``crawlutil.crawl_items``::

    result = crawl_items("article", {"url": url}, {"NEWSBOT_MIRRORS": {...}}, tmp_path)
    result.items, result.stats["newsbot/demo/articles"], result.finish_reason
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from crawlutil import E2E, REPO, CrawlResult, crawl_items

from newsbot.demo.server import Route, start_server


@pytest.fixture(scope="session")
def test_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The generated test site (news.test.example) on a local server, with error routes."""
    from sitegen import build_site

    root = tmp_path_factory.mktemp("test-site")
    info = build_site(root)
    routes = {
        "/news/broken-500.html": Route(status=500, body=b"<html>boom</html>"),
        "/news/slow.html": Route(delay=5.0, file=info["path"](1)),
    }
    server, base = start_server(root, routes)
    try:
        yield {**info, "root": root, "base": base, "server": server}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def demo_site() -> Iterator[dict[str, Any]]:
    """The bundled demo site (newsbot/demo/site) on a local server."""
    root = REPO / "newsbot" / "demo" / "site"
    if not (root / "manifest.json").is_file():
        pytest.skip("demo site not built yet (newsbot/demo/site/manifest.json missing)")
    server, base = start_server(root)
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        yield {"root": root, "base": base, "server": server, "manifest": manifest}
    finally:
        server.shutdown()
        server.server_close()


TESTNEWS_PORTAL = E2E / "portals" / "testnews.py"
"""Test-only portal file for the generated site (``-a portal_file=``)."""


@pytest.fixture(scope="session")
def crawl_testnews(test_site: dict[str, Any], tmp_path_factory: pytest.TempPathFactory):
    """``crawl_testnews(spider="portal", **args)``: a memoised crawl of the generated site.

    The test portal (tests/e2e/portals/testnews.py) and ``-a mirror=`` are filled in; the same
    arguments run once per session, so several tests can assert on one crawl.
    """
    cache: dict[tuple[Any, ...], CrawlResult] = {}

    def run(spider: str = "portal", **args: Any) -> CrawlResult:
        key = (spider, tuple(sorted((k, str(v)) for k, v in args.items())))
        if key not in cache:
            full = {"portal_file": TESTNEWS_PORTAL, "mirror": test_site["base"], **args}
            cache[key] = crawl_items(
                spider, full, {"DOWNLOAD_TIMEOUT": 2}, tmp_path_factory.mktemp("crawl")
            )
        return cache[key]

    return run
