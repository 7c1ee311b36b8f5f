"""Discovery half of ``NewsbotSpider``: source requests and feed/sitemap/listing callbacks.

Candidate URLs become article requests only after the portal's domains, article allow/deny
patterns and the freshness cutoff accept them; requests are prioritised newest first.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy.http import Request, Response, TextResponse

from newsbot.discovery import Entry
from newsbot.discovery.feeds import parse_feed
from newsbot.discovery.html import select_links
from newsbot.discovery.sitemaps import parse_sitemap

if TYPE_CHECKING:
    from newsbot.portals import Portal

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


class DiscoveryMixin:
    """Builds discovery/article requests and parses feeds, sitemaps and listing pages."""

    _discovery_seen: set[str]
    source_kinds: frozenset[str]

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
        given: bool = False,
    ) -> Request | None:
        """The request for one candidate article URL, or None (filtered and counted).

        ``given``: a URL the user named (``-a url=``): domain and allow/deny are not checked.
        """
        if self.limit_reached():
            return None
        verdict = None if given else self.url_verdict(portal, entry.url, home)
        if verdict is not None:
            self.count(portal, f"discovery/filtered/{verdict}")
            logger.debug("Not an article URL (%s): %s", verdict, entry.url)
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
        """Discovery requests for every source ``portal`` declares, in order.

        A portal that declares no source is discovered from its ``start_urls`` by the navigation
        crawl (``_navigation``: sections and their pagination; article links pass
        ``article_allow``/``article_deny``).
        """
        src = portal.sources
        if not src and (not self.source_kinds or "listing" in self.source_kinds):
            for url in portal.start_urls:  # home pages: the navigation crawl
                nav = self.navigation_request(url, portal, url)
                if nav is not None:
                    yield nav
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
        """Listing page -> article requests + the next page (up to ``max_pages``; found with
        the listing's ``next_page`` selector, else detected as the navigation crawl does)."""
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
        if listing is None or page >= listing.max_pages:
            return
        if listing.next_page:
            next_urls = select_links(response.selector, response.url, listing.next_page)
        else:  # detected like the navigation crawl: rel=next, "التالي", page numbers ...
            next_urls = self.next_page_links(response, portal, page)
        for url in next_urls[:1]:
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
