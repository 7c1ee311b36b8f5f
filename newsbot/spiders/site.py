"""The ``site`` spider: discover and crawl the articles of a site that has no portal file.

    scrapy crawl site -a domain=example.com -a limit=100 -O out.jsonl
    scrapy crawl site -a domain=http://127.0.0.1:8000        # any scheme/host:port

Discovery: the ``Sitemap:`` lines of robots.txt (else the common sitemap paths), and the home
page's ``<link rel="alternate">`` RSS/Atom feeds (else the home page's own links). Only URLs on
the domain (or its subdomains) are followed; pages that are not articles are counted by reason.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import CloseSpider
from scrapy.http import Request, Response, TextResponse

from newsbot import portals
from newsbot.discovery import Entry
from newsbot.discovery.html import feed_links, select_links
from newsbot.discovery.sitemaps import COMMON_SITEMAP_PATHS, sitemaps_from_robots
from newsbot.spiders._args import ArgumentError
from newsbot.spiders.base import NewsbotSpider

if TYPE_CHECKING:
    from twisted.python.failure import Failure

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
    """Discover a site's articles from robots.txt sitemaps, feeds and common sitemap paths."""

    name = "site"

    def __init__(
        self, *args: Any, domain: str | None = None, scheme: str = "https", **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.home = home_url(domain, scheme) if domain else None
        if self.home and self.portal is None:
            self.portal = portals.for_url(self.home)

    def mirror_hosts(self) -> list[str]:
        return [(urlsplit(self.home).hostname or "").removeprefix("www.")] if self.home else []

    def _meta(self) -> dict[str, Any]:
        return {"newsbot_home": self.home}

    def discovery_start(self) -> Iterator[Any]:
        """robots.txt (its sitemaps) and the home page (its feeds or links)."""
        if not self.home:
            logger.error("No domain: use -a domain=example.com")
            raise CloseSpider("no_domain")
        robots = self.discovery_request(
            urljoin(self.home, "/robots.txt"), self.portal, "robots", self.parse_robots
        )
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
        """Home page -> its feeds; without feeds, its links are treated as a listing."""
        if not isinstance(response, TextResponse):
            return
        feeds = feed_links(response.selector, response.url)
        for url in feeds:
            request = self.discovery_request(
                url, self.portal, "rss", self.parse_feed, **self._meta()
            )
            if request is not None:
                yield request
        if not feeds:
            links = select_links(response.selector, response.url)
            entries = [Entry(url=u, source="listing") for u in links if u != response.url]
            yield from self.entry_requests(entries, self.portal, self.home)
