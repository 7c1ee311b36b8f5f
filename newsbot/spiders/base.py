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
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    CloseSpider,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    ResponseDataLossError,
)
from scrapy.http import Request, Response, TextResponse
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
from newsbot.discovery.feeds import parse_feed
from newsbot.discovery.html import select_links
from newsbot.discovery.sitemaps import parse_sitemap
from newsbot.middlewares.mirror import parse_mirrors
from newsbot.portals import Portal
from newsbot.spiders._args import ArgumentError, CrawlArgs
from newsbot.spiders._article import handle_article

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from newsbot.items import Article

logger = logging.getLogger(__name__)

DISCOVERY_PRIORITY = 10_000_000
"""Feeds, sitemaps and listing pages are fetched before any article."""
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
GENERIC = "generic"
"""Stats name used for pages that no portal owns."""


def article_priority(when: datetime | None) -> int:
    """Request priority of an article: hours since 2000 (newer = higher), 0 when undated."""
    if when is None:
        return 0
    hours = int((when - _EPOCH).total_seconds() // 3600)
    return max(1, min(hours, DISCOVERY_PRIORITY - 1))


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


class NewsbotSpider(scrapy.Spider):
    """Base class (not a runnable spider): discovery, article parsing, related links, stats.

    Arguments (``-a``): ``since``, ``days``, ``limit``, ``related_depth``, ``url``, ``urls``,
    ``urls_file``, ``mirror`` (see ``newsbot.spiders._args``).
    """

    portal_slug: ClassVar[str | None] = None
    """Set on generated per-portal spiders."""

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

    def discovery_request(
        self, url: str, portal: Portal | None, kind: str, callback: Any, **meta: Any
    ) -> Request | None:
        """A feed/sitemap/listing request (never filtered by the seen-store; fetched once a run)."""
        if url in self._discovery_seen:
            return None
        self._discovery_seen.add(url)
        self.count(portal, f"discovery/requests/{kind}")
        return Request(
            url,
            callback=callback,
            errback=self.on_error,
            priority=DISCOVERY_PRIORITY,
            dont_filter=True,
            meta={
                "newsbot_kind": "discovery",
                "newsbot_source": kind,
                "newsbot_portal": portal.slug if portal else None,
                **meta,
            },
        )

    def article_request(
        self,
        entry: Entry,
        portal: Portal | None,
        *,
        depth: int = 0,
        via: str | None = None,
        priority: int | None = None,
        home: str | None = None,
    ) -> Request | None:
        """The request for one candidate article URL, or None (filtered and counted)."""
        if self.limit_reached():
            return None
        verdict = self.url_verdict(portal, entry.url, home)
        if verdict is not None:
            self.count(portal, f"discovery/filtered/{verdict}")
            return None
        if self.too_old(entry.date):
            self.count(portal, "discovery/too_old")
            logger.debug("Too old before fetch (%s): %s", entry.date, entry.url)
            return None
        hints = entry.hints()
        if via is not None:
            hints.update(via=via, depth=depth)
        return Request(
            entry.url,
            callback=self.parse_article,
            errback=self.on_error,
            priority=article_priority(entry.date) if priority is None else priority,
            meta={
                "newsbot_kind": "article",
                "newsbot_portal": portal.slug if portal else None,
                "newsbot_depth": depth,
                "newsbot_via": via,
                "newsbot_hints": hints,
                "newsbot_home": home,
            },
        )

    def entry_requests(
        self, entries: Iterable[Entry], portal: Portal | None, home: str | None = None
    ) -> Iterator[Request]:
        """Requests for discovered entries, newest first."""
        ordered = sorted(
            entries, key=lambda e: e.date or datetime.min.replace(tzinfo=UTC), reverse=True
        )
        for entry in ordered:
            self.count(portal, f"discovery/found/{entry.source}")
            request = self.article_request(entry, portal, home=home)
            if request is not None:
                yield request

    def source_requests(self, portal: Portal) -> Iterator[Request]:
        """Discovery requests for every source ``portal`` declares, in order."""
        src = portal.sources
        plan: list[tuple[str, str, Any, dict[str, Any]]] = [
            *((u, "rss", self.parse_feed, {}) for u in src.rss),
            *((u, "news_sitemap", self.parse_sitemap, {}) for u in src.news_sitemaps),
            *((u, "sitemap", self.parse_sitemap, {}) for u in src.sitemaps),
            *(
                (lst.url, "listing", self.parse_listing, {"newsbot_listing": i, "newsbot_page": 1})
                for i, lst in enumerate(src.listings)
            ),
        ]
        for url, kind, callback, meta in plan:
            if self.source_kinds and kind not in self.source_kinds:
                continue
            request = self.discovery_request(url, portal, kind, callback, **meta)
            if request is not None:
                yield request

    def given_requests(self) -> Iterator[Request]:
        """Article requests for ``-a url=`` / ``urls=`` / ``urls_file=``."""
        for url in self.args.urls:
            portal = self.portal or portals.for_url(url)
            entry = Entry(url=url, source="given")
            if portal is not None and not portal.owns(urlsplit(url).hostname or ""):
                portal = portals.for_url(url)
            request = self.article_request(entry, portal, priority=DISCOVERY_PRIORITY - 1, home=url)
            if request is not None:
                yield request

    async def start(self) -> AsyncIterator[Any]:
        if self.args.urls:
            for request in self.given_requests():
                yield request
            return
        if self.portal is None:
            logger.error("No portal: use -a portal=<slug> (see `scrapy list`) or -a url=URL")
            raise CloseSpider("no_portal")
        if not self.portal.sources:
            logger.error("Portal %s declares no discovery sources", self.portal.slug)
            self.count(self.portal, "discovery/no_sources")
        for request in self.source_requests(self.portal):
            yield request

    # -- callbacks ----------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Any:
        """Default callback: treat the page as an article (``scrapy parse URL`` without -c)."""
        return self.parse_article(response, **kwargs)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        """RSS/Atom feed -> article requests."""
        portal = self.portal_for(response.url, response.meta)
        entries = parse_feed(response.body, response.url)
        if not entries:
            self.count(portal, "discovery/empty/rss")
            logger.warning("No entries in feed %s", response.url)
        yield from self.entry_requests(entries, portal, response.meta.get("newsbot_home"))

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Sitemap index -> child sitemaps; urlset (news or plain) -> article requests."""
        portal = self.portal_for(response.url, response.meta)
        kind = response.meta.get("newsbot_source", "sitemap")
        home = response.meta.get("newsbot_home")
        sitemap = parse_sitemap(response.body, response.url, source=kind)
        if sitemap.kind == "invalid" or not sitemap.entries:
            self.count(portal, f"discovery/empty/{kind}")
            logger.warning("No entries in sitemap %s (%s)", response.url, sitemap.kind)
            return
        if sitemap.kind == "sitemapindex":
            for child in sitemap.entries:
                if self.too_old(child.modified):
                    self.count(portal, "discovery/too_old_sitemap")
                    continue
                request = self.discovery_request(
                    child.url, portal, kind, self.parse_sitemap, newsbot_home=home
                )
                if request is not None:
                    yield request
            return
        yield from self.entry_requests(sitemap.entries, portal, home)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        """Listing page -> article requests + the next page (up to ``max_pages``)."""
        portal = self.portal_for(response.url, response.meta)
        if not isinstance(response, TextResponse):
            self.count(portal, "discovery/empty/listing")
            return
        index = response.meta.get("newsbot_listing")
        listing = portal.sources.listings[index] if portal and index is not None else None
        home = response.meta.get("newsbot_home")
        links = select_links(response.selector, response.url, listing and listing.article_links)
        entries = [Entry(url=u, source="listing") for u in links if u != response.url]
        yield from self.entry_requests(entries, portal, home)
        page = response.meta.get("newsbot_page", 1)
        if listing is None or not listing.next_page or page >= listing.max_pages:
            return
        for url in select_links(response.selector, response.url, listing.next_page)[:1]:
            request = self.discovery_request(
                url,
                portal,
                "listing",
                self.parse_listing,
                newsbot_listing=index,
                newsbot_page=page + 1,
            )
            if request is not None:
                yield request

    def parse_article(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """One article page -> an Article (or a counted skip) + its related-article requests."""
        yield from handle_article(self, response)

    def on_error(self, failure: Failure) -> None:
        """Errback: count the failure by kind (http_404, timeout, dns ...) and carry on."""
        request = failure.request  # type: ignore[attr-defined]
        portal = self.portal_for(request.url, request.meta)
        kind = _error_kind(failure)
        self.count(portal, f"error/{kind}")
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
