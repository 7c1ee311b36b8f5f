"""The ``siteprobe`` spider behind ``scrapy genportal URL`` (README "Add a portal").

Reads what a site publishes about itself, politely (robots.txt obeyed): robots.txt and its
``Sitemap:`` lines (else the common sitemap paths), the home page (``<html lang>``,
``og:site_name``, its ``<link rel="alternate">`` feeds, else the common feed paths, and its links
as a listing), each sitemap (of an index, up to two children: news ones first, then the newest)
and feed, then a few article pages read with the generic extractor. Everything it saw, with where
each URL was found, ends up in ``spider.findings`` (a :class:`newsbot.catalogue.draft.Findings`)::

    scrapy crawl siteprobe -a home=https://www.example.ma/ -a articles=3
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response, TextResponse

from newsbot.catalogue.draft import Findings
from newsbot.catalogue.results import SourceResult
from newsbot.discovery import Entry
from newsbot.discovery.html import feed_links, select_links
from newsbot.discovery.sitemaps import COMMON_SITEMAP_PATHS, sitemaps_from_robots
from newsbot.spiders._args import ArgumentError
from newsbot.spiders._probe import ProbeSpider, Target
from newsbot.spiders.base import _error_kind
from newsbot.spiders.site import home_url

if TYPE_CHECKING:
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

COMMON_FEED_PATHS: tuple[str, ...] = ("/rss", "/feed", "/rss.xml", "/feed.xml", "/feeds/rss")
"""Paths tried when the home page announces no feed."""
MAX_SITEMAPS = 6
"""robots.txt ``Sitemap:`` lines read at most."""
MAX_CHILDREN = 2
"""Children read of each sitemap index."""


class SiteProbeSpider(ProbeSpider):
    """Probe a site without a portal definition (module docstring). Argument: ``home``."""

    name = "siteprobe"

    def __init__(self, *args: Any, home: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not home:
            raise ArgumentError("siteprobe needs -a home=https://www.example.com/")
        self.home = home_url(home) if "://" not in home else home
        self.findings = Findings(home=self.home)
        self.target = Target(key="site", portal=None, home=self.home)
        self.targets[self.target.key] = self.target

    def mirror_hosts(self) -> list[str]:
        return [(urlsplit(self.home).hostname or "").removeprefix("www.")]

    def source(self, url: str, kind: str, found_in: str, guessed: bool = False) -> SourceResult:
        result = SourceResult(url=url, kind=kind, found_in=found_in)
        (self.findings.probes if guessed else self.findings.sources).append(result)
        return result

    async def start(self) -> AsyncIterator[Any]:
        self.crawl_started = True
        robots = SourceResult(url=urljoin(self.home, "/robots.txt"), kind="robots")
        self.findings.robots = robots
        home = self.source(self.home, "listing", "the site's home page (given)")
        yield self.probe(
            self.target, robots, self.parse_robots, self.robots_error, dont_obey_robotstxt=True
        )
        yield self.probe(self.target, home, self.parse_home)

    # -- robots.txt and sitemaps ----------------------------------------------------------------

    def parse_robots(self, response: Response) -> Iterator[Request]:
        target, result = self.answered(response)
        result.status = "ok"
        text = response.text if isinstance(response, TextResponse) else ""
        urls = sitemaps_from_robots(text, response.url)
        self.findings.robots_sitemaps = urls
        for url in urls[:MAX_SITEMAPS]:
            found = self.source(url, "sitemap", f"`Sitemap:` line of {response.url}")
            yield self.probe(target, found, self.parse_sitemap)
        if not urls:
            yield from self.guess_paths(COMMON_SITEMAP_PATHS, "sitemap", self.parse_sitemap)
        yield from self.maybe_articles(target)

    def robots_error(self, failure: Failure) -> Iterator[Request]:
        """No robots.txt (HTTP 4xx): try the common sitemap paths; a dead host: nothing more."""
        yield from self.probe_error(failure)
        assert self.findings.robots is not None
        if self.findings.robots.status.startswith("http_4"):
            yield from self.guess_paths(COMMON_SITEMAP_PATHS, "sitemap", self.parse_sitemap)

    def guess_paths(self, paths: tuple[str, ...], kind: str, callback: Any) -> Iterator[Request]:
        """Requests for common paths; what answers joins the sources, the rest stays a probe."""
        for path in paths:
            url = urljoin(self.home, path)
            found = self.source(url, kind, f"common path {path} (not announced)", guessed=True)
            yield self.probe(self.target, found, callback, self.guess_error)

    def guess_error(self, failure: Failure) -> Iterator[Request]:
        """A guessed path that does not exist is expected: recorded, counted, not logged."""
        target, result = self.answered(failure)
        result.status = _error_kind(failure)
        self.count(None, "discovery/probe_missing")
        yield from self.maybe_articles(target)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        target, result = self.answered(response)
        sitemap = self.read_sitemap(response, result)
        if result.ok:
            self.promote(result)
        if sitemap.kind == "sitemapindex" and response.meta.get("probe_level", 0) == 0:
            children = sorted(
                sitemap.entries,
                key=lambda e: ("news" not in e.url.lower(), -(e.date.timestamp() if e.date else 0)),
            )[:MAX_CHILDREN]
            result.detail = f"sitemap index of {len(sitemap.entries)}"
            for child in children:
                yield self.probe(target, result, self.parse_sitemap, url=child.url, probe_level=1)
        elif sitemap.kind == "urlset":
            if sitemap.is_news:
                result.kind = "news_sitemap"
            self.accept(target, result, sitemap.entries)
        yield from self.maybe_articles(target)

    # -- home page and feeds --------------------------------------------------------------------

    def parse_home(self, response: Response) -> Iterator[Request]:
        target, result = self.answered(response)
        result.status = "ok"
        if not isinstance(response, TextResponse):
            result.status = "parse"
            yield from self.maybe_articles(target)
            return
        sel = response.selector
        facts = self.findings
        facts.langs += [
            sel.xpath("/html/@lang").get(),
            sel.xpath("//meta[@property='og:locale']/@content").get(),
        ]
        facts.site_names.append(sel.xpath("//meta[@property='og:site_name']/@content").get())
        facts.home_title = (sel.xpath("//title/text()").get() or "").strip() or None
        feeds = feed_links(sel, response.url)
        for url in feeds:
            found = self.source(url, "rss", f'<link rel="alternate"> on {response.url}')
            yield self.probe(target, found, self.parse_feed_source)
        if not feeds:
            yield from self.guess_paths(COMMON_FEED_PATHS, "rss", self.parse_feed_source)
        links = select_links(sel, response.url)
        entries = [Entry(url=u, source="listing") for u in links if u != response.url]
        self.accept(target, result, entries)
        yield from self.maybe_articles(target)

    def parse_feed_source(self, response: Response) -> Iterator[Request]:
        target, result = self.answered(response)
        entries = self.read_feed(response, result)
        if result.ok:
            self.promote(result)
        self.findings.langs += [e.language for e in entries[:5]]
        self.accept(target, result, entries)
        yield from self.maybe_articles(target)

    def promote(self, result: SourceResult) -> None:
        """A guessed path that answered becomes a source (its evidence: it answered)."""
        if any(r is result for r in self.findings.probes):
            self.findings.probes = [r for r in self.findings.probes if r is not result]
            self.findings.sources.append(result)

    def closed(self, reason: str) -> None:
        self.findings.articles = self.target.articles
        self.findings.candidates = [
            e.url for entries in self.target.candidates.values() for e in entries
        ]
