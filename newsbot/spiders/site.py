"""The ``site`` spider: discover and crawl the articles of a site that has no portal file.

    scrapy crawl site -a domain=example.com -a limit=100 -O out.jsonl
    scrapy crawl site -a domain=http://127.0.0.1:8000        # any scheme/host:port

Discovery: the ``Sitemap:`` lines of robots.txt (else the common sitemap paths) and the home
page's ``<link rel="alternate">`` RSS/Atom feeds. When they give nothing, or their newest entry
is older than ``NEWSBOT_NAV_STALE_DAYS`` (or undated), the navigation crawl from the home page
complements them once the crawl is otherwise idle (``newsbot.spiders._navigation``: sections,
tags and their pagination, bounded). ``-a sources=listing`` runs only the navigation crawl;
``-a sources=rss`` / ``sitemap`` none of it. Only URLs on the domain (or its subdomains) are
followed; pages that are not articles are counted by reason.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy import signals
from scrapy.exceptions import CloseSpider, DontCloseSpider
from scrapy.http import Request, Response, TextResponse

from newsbot import portals
from newsbot.discovery import Entry
from newsbot.discovery.html import feed_links
from newsbot.discovery.sitemaps import COMMON_SITEMAP_PATHS, sitemaps_from_robots
from newsbot.spiders._args import ArgumentError
from newsbot.spiders.base import NewsbotSpider

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from newsbot.portals import Portal

logger = logging.getLogger(__name__)


def home_url(domain: str, scheme: str = "https") -> str:
    """``example.com`` / ``host:port`` / a full URL -> the site's home URL."""
    domain = domain.strip()
    if "://" not in domain:
        domain = f"{scheme}://{domain}"
    parts = urlsplit(domain)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArgumentError(f"-a domain={domain!r}: use example.com, host:port or http(s)://host")
    return f"{parts.scheme}://{parts.netloc}/"


class SiteSpider(NewsbotSpider):
    """Discover a site's articles from robots.txt sitemaps, feeds, common sitemap paths and,
    when those fall short, the navigation crawl from the home page (module docstring)."""

    name = "site"

    def __init__(
        self, *args: Any, domain: str | None = None, scheme: str = "https", **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.home = home_url(domain, scheme) if domain else None
        if self.home and self.portal is None:
            self.portal = portals.for_url(self.home)
        self._found = 0
        self._newest: datetime | None = None
        self._nav_started = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.complement_idle, signal=signals.spider_idle)
        return spider  # type: ignore[return-value]

    def _navigation_mode(self) -> str:
        """``now`` (``-a sources`` names listing), ``auto`` (no ``sources``) or ``off``."""
        if "listing" in self.source_kinds:
            return "now"
        return "off" if self.source_kinds else "auto"

    def mirror_hosts(self) -> list[str]:
        return [(urlsplit(self.home).hostname or "").removeprefix("www.")] if self.home else []

    def _meta(self) -> dict[str, Any]:
        return {"newsbot_home": self.home}

    def discovery_start(self) -> Iterator[Any]:
        """robots.txt (its sitemaps), the home page (its feeds) and, with ``-a sources=listing``,
        the navigation crawl (else :meth:`complement_idle` decides once the crawl is idle)."""
        if not self.home:
            logger.error("No domain: use -a domain=example.com")
            raise CloseSpider("no_domain")
        kinds = self.source_kinds
        if self._navigation_mode() == "now":
            self._nav_started = True
            nav = self.navigation_request(self.home, self.portal, self.home)
            if nav is not None:
                yield nav
        robots = home = None
        if not kinds or kinds & {"sitemap", "news_sitemap"}:
            robots = self.discovery_request(
                urljoin(self.home, "/robots.txt"), self.portal, "robots", self.parse_robots
            )
        if not kinds or "rss" in kinds:
            home = self.discovery_request(self.home, self.portal, "home", self.parse_home)
        for request in (robots, home):
            if request is not None:
                yield request.replace(
                    meta={**request.meta, **self._meta()},
                    errback=self.on_robots_error if request is robots else self.on_error,
                )

    def _probe_common_paths(self) -> Iterator[Request]:
        assert self.home is not None
        for path in COMMON_SITEMAP_PATHS:
            request = self.discovery_request(
                urljoin(self.home, path), self.portal, "sitemap", self.parse_sitemap, **self._meta()
            )
            if request is not None:
                yield request.replace(errback=self.on_probe_error)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """robots.txt -> its Sitemap: URLs (else the common sitemap paths)."""
        text = response.text if isinstance(response, TextResponse) else response.body.decode()
        urls = sitemaps_from_robots(text, response.url)
        self.count(self.portal, "discovery/found/robots_sitemap", len(urls))
        if not urls:
            yield from self._probe_common_paths()
        for url in urls:
            request = self.discovery_request(
                url, self.portal, "sitemap", self.parse_sitemap, **self._meta()
            )
            if request is not None:
                yield request

    def on_robots_error(self, failure: Failure) -> Iterator[Request]:
        """No robots.txt: probe the common sitemap paths."""
        self.on_error(failure)
        yield from self._probe_common_paths()

    def on_probe_error(self, failure: Failure) -> None:
        """A guessed sitemap path that does not exist is expected: count it quietly."""
        self.count(self.portal, "discovery/probe_missing")
        logger.debug("No sitemap at %s", failure.request.url)  # type: ignore[attr-defined]

    def parse_home(self, response: Response) -> Iterator[Request]:
        """Home page -> its feeds (without feeds, the navigation crawl reads it when idle)."""
        if not isinstance(response, TextResponse):
            return
        for url in feed_links(response.selector, response.url):
            request = self.discovery_request(
                url, self.portal, "rss", self.parse_feed, **self._meta()
            )
            if request is not None:
                yield request

    def entry_requests(
        self, entries: Iterable[Entry], portal: Portal | None, home: str | None = None
    ) -> Iterator[Request]:
        """As the base class; also notes how many sitemap/feed entries there were, how new."""
        entries = list(entries)
        for entry in entries:
            if entry.source in ("rss", "news_sitemap", "sitemap"):
                self._found += 1
                if entry.date and (self._newest is None or entry.date > self._newest):
                    self._newest = entry.date
        yield from super().entry_requests(entries, portal, home)

    def _stale_reason(self) -> str | None:
        """Why sitemaps/feeds need the navigation crawl (no_sources/undated/stale), or None."""
        if not self._found:
            return "no_sources"
        if self._newest is None:
            return "undated"
        if self._newest < datetime.now(UTC) - timedelta(days=self.nav_limits.stale_days):
            return "stale"
        return None

    def complement_idle(self) -> None:
        """spider_idle: start the navigation crawl once when sitemaps/feeds fell short."""
        if self._nav_started or self._navigation_mode() != "auto" or not self.home:
            return
        if self.limit_reached() or not self.crawl_started:
            return
        self._nav_started = True
        reason = self._stale_reason()
        if reason is None:
            logger.info(
                "Sitemaps/feeds are fresh (newest %s): no navigation crawl "
                "(-a sources=listing runs one)",
                self._newest,
            )
            return
        request = self.navigation_request(self.home, self.portal, self.home)
        if request is None:
            return
        self.count(self.portal, f"navigation/started/{reason}")
        logger.info(
            "Sitemaps/feeds %s (%d entries, newest %s): crawling the home page's navigation",
            reason.replace("_", " "),
            self._found,
            self._newest,
        )
        self.crawler.engine.crawl(request)
        raise DontCloseSpider
