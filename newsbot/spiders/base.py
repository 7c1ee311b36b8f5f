"""The shared crawling implementation of every newsbot spider (README "Crawling").

Discovery runs from every source a portal declares, in order RSS -> news sitemap -> sitemap ->
listing pages (with pagination); candidate URLs pass the portal's domains and article
allow/deny patterns and the freshness cutoff (``-a since=`` / ``-a days=``), and are requested
newest first (request priority from the feed/sitemap date). Each page goes through
``newsbot.extract``; non-articles are counted by reason, related articles are followed up to
``related_depth``. Every event is counted in stats as ``newsbot/<portal>/<event>``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import (
    CannotResolveHostError,
    CloseSpider,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    ResponseDataLossError,
)
from scrapy.http import Request, Response
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectError,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)

from newsbot import portals
from newsbot.discovery import Entry
from newsbot.middlewares.mirror import parse_mirrors
from newsbot.portals import Portal
from newsbot.render.plan import configure_render
from newsbot.spiders._args import ArgumentError, CrawlArgs
from newsbot.spiders._article import handle_article, handle_article_pooled
from newsbot.spiders._discovery import (
    DISCOVERY_PRIORITY,
    GENERIC,
    DiscoveryMixin,
    article_priority,
)
from newsbot.spiders._navigation import NavigationMixin
from newsbot.spiders._pool import ExtractPool, pool_size

__all__ = ["GENERIC", "NewsbotSpider", "article_priority", "portal_slots"]

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from newsbot.items import Article

logger = logging.getLogger(__name__)


def portal_slots(portal: Portal) -> dict[str, dict[str, Any]]:
    """DOWNLOAD_SLOTS entries for a portal's hosts (bare and ``www.``)."""
    slot = {"delay": portal.download_delay, "concurrency": portal.concurrency}
    out: dict[str, dict[str, Any]] = {}
    for domain in portal.domains:
        out[domain] = dict(slot)
        out["www." + domain] = dict(slot)
    return out


def _error_kind(failure: Failure) -> str:
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
        return "timeout"
    if failure.check(CannotResolveHostError, DNSLookupError):
        return "dns"
    if failure.check(DownloadConnectionRefusedError, ConnectionRefusedError, ConnectError):
        return "connection"
    if failure.check(ResponseDataLossError, DownloadFailedError):
        return "download_failed"
    if "robots.txt" in str(failure.value):
        return "robots_txt"
    return type(failure.value).__name__.lower()


class NewsbotSpider(NavigationMixin, DiscoveryMixin, scrapy.Spider):
    """Base class (not a runnable spider): discovery, article parsing, related links, stats.

    Arguments (``-a``): ``since``, ``days``, ``limit``, ``related_depth``, ``url``, ``urls``,
    ``urls_file``, ``mirror`` (see ``newsbot.spiders._args``); ``nav_depth``, ``nav_pages``,
    ``nav_listings`` (``newsbot.spiders._navigation``).
    """

    portal_slug: ClassVar[str | None] = None
    """Set on generated per-portal spiders."""
    crawl_started = False
    """Set by ``start()``; stays False under ``scrapy parse`` (the crawl report skips its checks)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = CrawlArgs.parse(kwargs)
        slug = kwargs.pop("portal", None) or self.portal_slug
        portal_file = kwargs.pop("portal_file", None)
        self.portal: Portal | None = portals.get(str(slug)) if slug else None
        if portal_file:
            self.portal = portals.validate_module(str(portal_file))
        self.source_kinds = _kinds(kwargs.pop("sources", None))
        super().__init__(*args, **kwargs)
        self.emitted = 0
        self.related_depth = 1
        self._discovery_seen: set[str] = set()

    # -- set-up -------------------------------------------------------------------------------

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Apply ``custom_settings``, merging DOWNLOAD_SLOTS with the project's."""
        custom = dict(cls.custom_settings or {})
        slots = custom.pop("DOWNLOAD_SLOTS", None)
        settings.setdict(custom, priority="spider")
        if slots:
            merged = {**settings.getdict("DOWNLOAD_SLOTS"), **slots}
            settings.set("DOWNLOAD_SLOTS", merged, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsbotSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.configure(crawler)
        return spider

    def configure(self, crawler: Crawler) -> None:
        """Read settings; map ``-a mirror=`` and the portal's DOWNLOAD_SLOTS into the settings."""
        settings = crawler.settings
        default_depth = settings.getint("NEWSBOT_RELATED_DEPTH", 1)
        self.related_depth = (
            self.args.related_depth if self.args.related_depth is not None else default_depth
        )
        self.nav_configure(settings)
        updates: dict[str, Any] = {}
        if self.args.mirror:
            hosts = self.mirror_hosts()
            if not hosts:
                raise ArgumentError("-a mirror= needs a portal (or -a url=) to know which hosts")
            mirrors = parse_mirrors(settings.get("NEWSBOT_MIRRORS"))
            mirrors.update(dict.fromkeys(hosts, self.args.mirror))
            updates["NEWSBOT_MIRRORS"] = mirrors
        if self.portal is not None and not self.portal_slug:
            updates["DOWNLOAD_SLOTS"] = {
                **settings.getdict("DOWNLOAD_SLOTS"),
                **portal_slots(self.portal),
            }
        configure_render(self, crawler)
        workers = pool_size(settings.get("NEWSBOT_EXTRACT_WORKERS", "auto"))
        nice = settings.getint("NEWSBOT_EXTRACT_WORKER_NICE", 5)
        self.extract_pool = ExtractPool(workers, nice) if workers > 0 else None
        if self.extract_pool is not None:
            crawler.signals.connect(self.extract_pool.close, signal=signals.spider_closed)
        if updates:
            if settings.frozen:
                logger.warning("settings already frozen; cannot apply %s", ", ".join(updates))
            else:
                for name, value in updates.items():
                    settings.set(name, value, priority="spider")

    def mirror_hosts(self) -> list[str]:
        """Hosts that ``-a mirror=`` maps: the portal's domains, else the given URLs' hosts."""
        if self.portal is not None:
            return list(self.portal.domains)
        return sorted({(urlsplit(u).hostname or "").removeprefix("www.") for u in self.args.urls})

    # -- helpers ------------------------------------------------------------------------------

    def stats_name(self, portal: Portal | None) -> str:
        return portal.slug if portal is not None else GENERIC

    def count(self, portal: Portal | None, event: str, n: int = 1) -> None:
        """Increment ``newsbot/<portal>/<event>``."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newsbot/{self.stats_name(portal)}/{event}", n)

    def portal_for(self, url: str, meta: dict[str, Any] | None = None) -> Portal | None:
        """The portal a request/response belongs to: meta, the spider's portal, or by URL."""
        slug = (meta or {}).get("newsbot_portal")
        if slug:
            if self.portal is not None and slug == self.portal.slug:
                return self.portal
            return portals.get(slug)
        return self.portal or portals.for_url(url)

    def owns(self, portal: Portal | None, url: str, home: str | None = None) -> bool:
        """True when ``url`` is on the portal's domains (or, without portal, on ``home``'s host)."""
        host = (urlsplit(url).hostname or "").lower()
        if portal is not None:
            return portal.owns(host)
        home_host = (urlsplit(home).hostname or "").lower().removeprefix("www.") if home else ""
        return bool(home_host) and (host == home_host or host.endswith("." + home_host))

    def url_verdict(self, portal: Portal | None, url: str, home: str | None = None) -> str | None:
        """None when ``url`` may be an article, else why not (off_domain / denied / not_allowed)."""
        if not self.owns(portal, url, home):
            return "off_domain"
        if portal is None:
            return None
        forms = (url, unquote(url))
        if any(portal_re.search(f) for portal_re in _compiled(portal.article_deny) for f in forms):
            return "denied"
        allow = _compiled(portal.article_allow)
        if allow and not any(r.search(f) for r in allow for f in forms):
            return "not_allowed"
        return None

    def limit_reached(self) -> bool:
        return self.args.limit is not None and self.emitted >= self.args.limit

    def too_old(self, when: datetime | None) -> bool:
        return bool(self.args.cutoff and when and when < self.args.cutoff)

    # -- requests -----------------------------------------------------------------------------

    def given_requests(self) -> Iterator[Request]:
        """Article requests for ``-a url=`` / ``urls=`` / ``urls_file=``.

        The portal is the spider's own when it owns the host, else the registry's for the URL,
        else the spider's own (a saved copy on 127.0.0.1 crawled with ``scrapy crawl youm7``).
        """
        for url in self.args.urls:
            portal = self.portal
            if portal is None or not portal.owns(urlsplit(url).hostname or ""):
                portal = portals.for_url(url) or self.portal
            entry = Entry(url=url, source="given")
            request = self.article_request(
                entry, portal, priority=DISCOVERY_PRIORITY - 1, home=url, given=True
            )
            if request is not None:
                yield request

    async def start(self) -> AsyncIterator[Any]:
        """The given URLs (``-a url=``...) if any, else :meth:`discovery_start`.

        Lazy (Scrapy's "Delaying start request iteration"): while the engine cannot send more
        requests, the next one waits for the scheduler to run empty. Scrapy reads ``start()`` as
        fast as it yields, so a 100k-URL list would otherwise sit in the scheduler as 100k
        Request objects (~2 KB each) from the first second of the crawl.
        """
        self.crawl_started = True
        requests = self.given_requests() if self.args.urls else self.discovery_start()
        for request in requests:
            engine = self.crawler.engine
            if engine is not None and engine.needs_backout():
                await self.crawler.signals.wait_for(signals.scheduler_empty)
            yield request

    def discovery_start(self) -> Iterator[Any]:
        """First requests of a crawl without given URLs: the portal's sources."""
        if self.portal is None:
            logger.error("No portal: use -a portal=<slug> (see `scrapy list`) or -a url=URL")
            raise CloseSpider("no_portal")
        if not self.portal.sources:
            if not self.portal.start_urls:
                logger.error("Portal %s declares no sources and no start_urls", self.portal.slug)
                self.count(self.portal, "discovery/no_sources")
            else:
                logger.info(
                    "Portal %s declares no sources: reading its start_urls", self.portal.slug
                )
        yield from self.source_requests(self.portal)

    # -- callbacks ----------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Any:
        """Default callback: treat the page as an article (``scrapy parse URL`` without -c)."""
        return self.parse_article(response, **kwargs)

    def parse_article(
        self, response: Response, **kwargs: Any
    ) -> Iterator[Any] | AsyncIterator[Any]:
        """One article page -> an Article (or a counted skip) + its related-article requests
        (extracted in a worker process with ``NEWSBOT_EXTRACT_WORKERS``)."""
        pool = getattr(self, "extract_pool", None)
        if pool is not None:
            return handle_article_pooled(self, response, pool)
        return handle_article(self, response)

    def on_error(self, failure: Failure) -> None:
        """Errback: count the failure by kind (http_404, timeout, dns ...) and carry on.

        A URL that robots.txt disallows is not an error: ``skipped/robots_txt``.
        """
        request = failure.request  # type: ignore[attr-defined]
        portal = self.portal_for(request.url, request.meta)
        kind = _error_kind(failure)
        if kind == "robots_txt":
            self.count(portal, "skipped/robots_txt")
            logger.info("Skipped %s: robots_txt (disallowed)", request.url)
            return
        self.count(portal, f"error/{kind}")
        if request.meta.get("newsbot_kind") == "discovery":
            self.count(portal, "discovery/failed")
        logger.warning("Failed %s (%s): %s", request.url, kind, failure.getErrorMessage())

    def emit(self, article: Article, portal: Portal | None) -> Iterator[Article]:
        """Yield ``article`` and enforce ``-a limit=`` (close the spider once it is reached)."""
        self.emitted += 1
        self.count(portal, "articles")
        self.count(portal, f"articles/depth_{article.depth or 0}")
        yield article
        if self.limit_reached():
            logger.info("Limit of %d articles reached, closing", self.args.limit)
            raise CloseSpider("limit_reached")


SOURCE_KINDS: tuple[str, ...] = ("rss", "news_sitemap", "sitemap", "listing")


def _kinds(value: object) -> frozenset[str]:
    """``-a sources=rss,listing``: only these discovery source kinds (empty = all)."""
    kinds = frozenset(k.strip() for k in str(value or "").split(",") if k.strip())
    unknown = kinds - set(SOURCE_KINDS)
    if unknown:
        raise ArgumentError(f"-a sources: unknown kind(s) {sorted(unknown)}; use {SOURCE_KINDS}")
    return kinds


_RE_CACHE: dict[tuple[str, ...], list[Any]] = {}


def _compiled(patterns: tuple[str, ...]) -> list[Any]:
    import re

    if patterns not in _RE_CACHE:
        _RE_CACHE[patterns] = [re.compile(p) for p in patterns]
    return _RE_CACHE[patterns]
