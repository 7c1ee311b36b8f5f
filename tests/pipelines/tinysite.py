"""A tiny test site, a tiny spider and a ``scrapy runspider`` runner for the pipeline e2e tests.

The spider stands in for the real ones with the same request metadata contract
(``newsbot_kind`` / ``newsbot_portal`` / ``newsbot_hints["lastmod"]``): it reads ``/sitemap.xml``
(``<loc>``, ``<lastmod>``) and emits one Article per page from its ``<meta>`` and ``<p>`` tags,
following ``a.related`` links. Crawls run as subprocesses through the project settings plus this
module's wiring, so they exercise the real engine, the feed exporter and the signals.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from html import escape
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urljoin

import scrapy
from crawlutil import STATS_DUMP, CrawlResult, read_jsonl, scrapy_command, subprocess_env

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

WIRING: dict[str, Any] = {
    "ITEM_PIPELINES": {
        "newsbot.pipelines.validate.ValidatePipeline": 300,
        "newsbot.pipelines.dedupe.DedupePipeline": 400,
    },
    "SPIDER_MIDDLEWARES": {"newsbot.middlewares.incremental.IncrementalMiddleware": 600},
    "EXTENSIONS": {"newsbot.extensions.report.CrawlReport": 500},
    "DUPEFILTER_CLASS": "newsbot.dupefilter.CanonicalDupeFilter",
    "FEED_STORAGES": {
        "": "newsbot.feeds.LineFlushFileStorage",
        "file": "newsbot.feeds.LineFlushFileStorage",
    },
    "FEED_URI_PARAMS": "newsbot.feeds.uri_params",
}
"""What the settings block of newsbot/settings/__init__.py wires (repeated so the tests also
run before/without it)."""

FAST: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
    "RETRY_TIMES": 0,
    "LOG_LEVEL": "INFO",
    "CLOSESPIDER_TIMEOUT": 60,
    "NEWSBOT_MIN_BODY_CHARS": 80,
    "STATS_CLASS": STATS_DUMP,
}


# -- the site -----------------------------------------------------------------------------------


def article_html(
    *,
    title: str,
    paragraphs: Sequence[str],
    portal: str = "tiny",
    published: str | None = "2024-03-01T10:00:00+02:00",
    modified: str | None = None,
    canonical: str | None = None,
    author: str | None = "أحمد علي",
    related: Sequence[str] = (),
) -> str:
    metas = {"portal": portal, "published": published, "modified": modified, "author": author}
    head = "".join(
        f'<meta name="{k}" content="{escape(v)}">' for k, v in metas.items() if v is not None
    )
    if canonical:
        head += f'<link rel="canonical" href="{escape(canonical)}">'
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    links = "".join(f'<a class="related" href="{escape(u)}">related</a>' for u in related)
    return (
        f'<html lang="ar"><head><meta charset="utf-8"><title>{escape(title)}</title>{head}'
        f"</head><body><h1>{escape(title)}</h1>{body}{links}</body></html>"
    )


def write_page(root: Path, path: str, html: str) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def write_sitemap(root: Path, entries: Sequence[tuple[str, str | None]]) -> None:
    """``entries``: (path, lastmod) pairs."""
    urls = "".join(
        f"<url><loc>{escape(p)}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</url>"
        for p, m in entries
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        encoding="utf-8",
    )


# -- the spider ---------------------------------------------------------------------------------


class TinySpider(scrapy.Spider):
    """``-a base=http://127.0.0.1:PORT``: sitemap -> article pages -> Article records;
    ``-a given=/path`` fetches only that article, marked as given on the command line."""

    name = "tiny"
    portal = SimpleNamespace(slug="tiny", sources=True)

    async def start(self) -> AsyncIterator[Any]:
        if getattr(self, "given", None):  # like -a url= of the real spiders
            yield self._article(urljoin(self.base, self.given), {"discovered_by": "given"})
            return
        yield scrapy.Request(
            urljoin(self.base, "/sitemap.xml"),
            self.parse_sitemap,
            dont_filter=True,
            meta={"newsbot_kind": "discovery", "newsbot_portal": "tiny"},
        )

    def _article(self, url: str, hints: dict[str, Any]) -> scrapy.Request:
        return scrapy.Request(
            url,
            self.parse_article,
            meta={"newsbot_kind": "article", "newsbot_portal": "tiny", "newsbot_hints": hints},
        )

    def parse_sitemap(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        response.selector.remove_namespaces()
        for node in response.xpath("//url"):
            loc = urljoin(response.url, node.xpath("loc/text()").get(""))
            lastmod = node.xpath("lastmod/text()").get()
            yield self._article(loc, {"lastmod": lastmod} if lastmod else {})

    def parse_article(self, response: scrapy.http.Response) -> Iterator[Any]:
        from newsbot.items import Article

        def meta(name: str) -> str | None:
            return response.css(f'meta[name="{name}"]::attr(content)').get()

        author = meta("author")
        yield Article(
            url=response.urljoin(response.css('link[rel="canonical"]::attr(href)').get(""))
            or response.url,
            fetched_url=response.url,
            portal=meta("portal"),
            title=response.css("h1::text").get(),
            body="\n\n".join(response.css("p::text").getall()),
            published=meta("published"),
            modified=meta("modified"),
            date_source="meta" if meta("published") else None,
            authors=[author] if author else [],
        )
        for href in response.css("a.related::attr(href)").getall():
            yield self._article(response.urljoin(href), {})


# -- the runner ---------------------------------------------------------------------------------


Run = CrawlResult
"""A tiny-site crawl (``run.stat('newsbot/tiny/...')``, ``run.report``)."""


def command(
    base: str,
    workdir: Path,
    settings: Mapping[str, Any] | None = None,
    args: Mapping[str, str] | None = None,
    feed: str | None = None,
    spider: Path | None = None,
) -> tuple[list[str], dict[str, str], Path]:
    """The ``scrapy runspider`` command line, its environment and the feed path."""
    feed_path = Path(feed) if feed else workdir / "feed.jsonl"
    merged = {
        **WIRING,
        **FAST,
        "NEWSBOT_STATE_DIR": str(workdir / "state"),
        "NEWSBOT_TEST_STATS_FILE": str(workdir / "stats.json"),
        **(settings or {}),
    }
    cmd = [
        "runspider",
        str(spider or Path(__file__)),
        "-o",
        f"{feed_path}:jsonl",
        "-a",
        f"base={base}",
    ]
    for k, v in (args or {}).items():
        cmd += ["-a", f"{k}={v}"]
    return scrapy_command(*cmd, settings=merged), subprocess_env(HERE), feed_path


def run_crawl(
    base: str,
    workdir: Path,
    settings: Mapping[str, Any] | None = None,
    args: Mapping[str, str] | None = None,
    feed: str | None = None,
    returncode: int = 0,
) -> Run:
    """One crawl of the tiny spider; the feed is appended to (``-o``).

    ``returncode``: the exit status expected (3 for a crawl that closes with ``no_items``).
    """
    stats_file = workdir / "stats.json"
    stats_file.unlink(missing_ok=True)
    cmd, env, feed_path = command(base, workdir, settings, args, feed)
    before = len(read_jsonl(feed_path))
    proc = subprocess.run(
        cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    if proc.returncode != returncode or not stats_file.exists():
        raise AssertionError(f"crawl failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return CrawlResult(
        items=read_jsonl(feed_path)[before:],
        stats=json.loads(stats_file.read_text(encoding="utf-8")),
        log=proc.stderr,
        returncode=proc.returncode,
        feed=feed_path,
    )
