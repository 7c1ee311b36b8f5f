"""Navigation half of ``NewsbotSpider``: a bounded, focused crawl from a home page.

Home page -> section/category/tag listings -> their pagination, like Scrapy's ``CrawlSpider``
rules and trafilatura's focused crawler (README "How discovery works"). Links are read with
Scrapy's ``LinkExtractor`` and sorted by ``newsbot.discovery.navigation.link_kind``:

- ``next``: the next page of the same listing, up to ``NEWSBOT_NAV_MAX_PAGES`` pages a listing
  (``-a nav_pages=``); a page whose dated items are all older than ``since``/``days`` ends it;
- ``listing``: a new listing one level deeper, up to ``NEWSBOT_NAV_MAX_DEPTH`` (``-a nav_depth=``;
  the home page is depth 0), at most ``NEWSBOT_NAV_MAX_LISTINGS`` listing pages a crawl;
- ``article`` / ``unknown``: an article request (through the seen-store and the freshness
  cutoff, newest first where the listing shows dates) whose page is classified on arrival: a
  listing is followed as above, anything else goes to the extractor; every emitted article
  teaches the crawl its article URL shape, after which links of other shapes are ``unlikely``
  and not fetched;
- blocked links (login, search, print, share, media files, other language editions) are
  never requested.

Listing requests bypass the dupefilter and the seen-store (fetched again each run; once a run).
Stats: ``newsbot/<portal>/navigation/<event>`` (listings, blocked/<reason>, pages_capped,
depth_capped, listings_capped, stopped_old, listing_by_content, unlikely, learned_shape).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy.http import Request, Response, TextResponse

from newsbot.discovery import Entry
from newsbot.discovery.listing_page import edition_prefixes, listing_dates, page_kind, page_links
from newsbot.discovery.navigation import NavState, blocked, link_kind, url_shape
from newsbot.spiders._args import ArgumentError
from newsbot.spiders._article import handle_article
from newsbot.spiders._discovery import DISCOVERY_PRIORITY

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

    from newsbot.portals import Portal

logger = logging.getLogger(__name__)

NAV_SOURCE = "navigation"
"""``Entry.source`` / ``discovered_by`` of articles found by the navigation crawl."""


@dataclass(frozen=True)
class NavLimits:
    """Bounds of one navigation crawl (settings, overridden by ``-a nav_*=``)."""

    max_depth: int = 2
    max_pages: int = 5
    max_listings: int = 100
    stale_days: float = 2.0

    @classmethod
    def from_settings(cls, settings: BaseSettings, args: dict[str, Any]) -> NavLimits:
        """Settings ``NEWSBOT_NAV_*``; ``args`` (``nav_depth``, ``nav_pages``, ``nav_listings``)
        win. Raises ArgumentError for a value that is not a non-negative integer."""

        def pick(arg: str, setting: str, default: int) -> int:
            value = args.get(arg)
            if value in (None, ""):
                return settings.getint(setting, default)
            if not str(value).isdigit():
                raise ArgumentError(f"-a {arg}={value!r}: a non-negative integer is required")
            return int(str(value))

        return cls(
            max_depth=pick("nav_depth", "NEWSBOT_NAV_MAX_DEPTH", cls.max_depth),
            max_pages=max(1, pick("nav_pages", "NEWSBOT_NAV_MAX_PAGES", cls.max_pages)),
            max_listings=pick("nav_listings", "NEWSBOT_NAV_MAX_LISTINGS", cls.max_listings),
            stale_days=settings.getfloat("NEWSBOT_NAV_STALE_DAYS", cls.stale_days),
        )


class NavigationMixin:
    """Listing-page requests and callbacks of the navigation crawl (module docstring)."""

    nav_limits: NavLimits = NavLimits()

    def nav_configure(self, settings: BaseSettings) -> None:
        """Read the limits (called from ``NewsbotSpider.configure``)."""
        args = {k: getattr(self, k, None) for k in ("nav_depth", "nav_pages", "nav_listings")}
        self.nav_limits = NavLimits.from_settings(settings, args)
        self.nav_state = NavState()
        self._nav_listings: set[str] = set()

    def navigation_request(
        self,
        url: str,
        portal: Portal | None,
        home: str | None,
        *,
        depth: int = 0,
        page: int = 1,
        section: str | None = None,
    ) -> Request | None:
        """A listing-page request (dont_filter: listings change; once a run), or None (capped)."""
        key = url.split("#", 1)[0]
        if key in self._nav_listings:
            return None
        if len(self._nav_listings) >= self.nav_limits.max_listings:
            self.count(portal, "navigation/listings_capped")
            return None
        self._nav_listings.add(key)
        self.count(portal, f"discovery/requests/{NAV_SOURCE}")
        return Request(
            url,
            callback=self.parse_navigation,
            errback=self.on_error,
            priority=DISCOVERY_PRIORITY - depth * 100 - page,  # listings before articles
            dont_filter=True,
            meta={
                "newsbot_kind": "discovery",
                "newsbot_source": NAV_SOURCE,
                "newsbot_portal": portal.slug if portal else None,
                "newsbot_home": home,
                "newsbot_nav": {"depth": depth, "page": page, "section": section or key},
            },
        )

    def parse_navigation(self, response: Response) -> Iterator[Any]:
        """A listing page -> next page, deeper listings and article requests."""
        portal = self.portal_for(response.url, response.meta)
        if not isinstance(response, TextResponse):
            self.count(portal, "discovery/empty/navigation")
            return
        yield from self._nav_follow(response, portal, dict(response.meta["newsbot_nav"]))

    def parse_nav_page(self, response: Response) -> Iterator[Any]:
        """A page a listing linked to: followed as a listing, else handled as an article."""
        portal = self.portal_for(response.url, response.meta)
        nav = dict(response.meta.get("newsbot_nav") or {})
        looks_listing = (
            isinstance(response, TextResponse)
            and not self.nav_state.matches(response.url)  # a learned article shape: extract
            and page_kind(response) == "listing"
        )
        if looks_listing:
            self.count(portal, "navigation/listing_by_content")
            if response.url in self._nav_listings:
                return
            depth = int(nav.get("depth", 0)) + 1
            if depth > self.nav_limits.max_depth:
                self.count(portal, "navigation/depth_capped")
                return
            if len(self._nav_listings) >= self.nav_limits.max_listings:
                self.count(portal, "navigation/listings_capped")
                return
            self._nav_listings.add(response.url)
            self.count(portal, f"discovery/requests/{NAV_SOURCE}")
            yield from self._nav_follow(
                response, portal, {"depth": depth, "page": 1, "section": response.url}
            )
            return
        for out in handle_article(self, response):
            if not isinstance(out, Request):
                self.nav_state.confirm(response.url)
                if self.nav_state.shapes.get(url_shape(response.url)) == 1:
                    self.count(portal, "navigation/learned_shape")
            yield out

    def next_page_links(
        self, response: TextResponse, portal: Portal | None, page: int
    ) -> list[str]:
        """Same-site, not blocked ``next`` links of listing page number ``page``."""
        home = response.meta.get("newsbot_home") or response.url
        return [
            link.url
            for link in page_links(response)
            if link.url != response.url
            and self.owns(portal, link.url, home)
            and blocked(link.url, home) is None
            and link_kind(
                link.url, link.text, current=response.url, page=page, rel_next=link.rel_next
            )
            == "next"
        ]

    def _nav_follow(
        self, response: TextResponse, portal: Portal | None, nav: dict[str, Any]
    ) -> Iterator[Any]:
        count = self.count
        count(portal, "navigation/listings")
        home = response.meta.get("newsbot_home") or response.url
        depth, page = int(nav["depth"]), int(nav["page"])
        self.nav_state.editions |= edition_prefixes(response)
        dates = listing_dates(response)
        next_urls: list[str] = []
        listings: list[str] = []
        articles: list[Entry] = []
        for link in page_links(response):
            if link.url == response.url or not self.owns(portal, link.url, home):
                continue
            reason = blocked(link.url, home, self.nav_state.editions)
            if reason is not None:
                count(portal, f"navigation/blocked/{reason}")
                logger.debug("Not following %s (%s)", link.url, reason)
                continue
            kind = link_kind(
                link.url,
                link.text,
                current=response.url,
                page=page,
                rel_next=link.rel_next,
                in_nav=link.in_nav,
                shapes=self.nav_state,
            )
            if kind == "next":
                next_urls.insert(0 if link.rel_next else len(next_urls), link.url)  # rel first
            elif kind == "listing":
                listings.append(link.url)
            elif kind in ("article", "unknown"):
                articles.append(
                    Entry(url=link.url, source=NAV_SOURCE, published=dates.get(link.url))
                )
            elif kind == "unlikely":
                count(portal, "navigation/unlikely")
        yield from self._nav_articles(articles, portal, home, nav)
        yield from self._nav_next(next_urls, articles, portal, home, nav)
        listings = [url for url in listings if url not in self._nav_listings]
        if listings and depth >= self.nav_limits.max_depth:
            count(portal, "navigation/depth_capped", len(listings))
            return
        for url in listings:
            request = self.navigation_request(url, portal, home, depth=depth + 1)
            if request is not None:
                yield request

    def _nav_articles(
        self, entries: list[Entry], portal: Portal | None, home: str, nav: dict[str, Any]
    ) -> Iterator[Request]:
        for request in self.entry_requests(entries, portal, home):
            yield request.replace(
                callback=self.parse_nav_page, meta={**request.meta, "newsbot_nav": nav}
            )

    def _nav_next(
        self,
        next_urls: list[str],
        articles: list[Entry],
        portal: Portal | None,
        home: str,
        nav: dict[str, Any],
    ) -> Iterator[Request]:
        """The next page of this listing, unless capped or past the freshness cutoff."""
        if not next_urls:
            return
        if int(nav["page"]) >= self.nav_limits.max_pages:
            self.count(portal, "navigation/pages_capped")
            return
        dated = [e.published for e in articles if e.published is not None]
        if dated and all(self.too_old(d) for d in dated):
            self.count(portal, "navigation/stopped_old")
            logger.info("Listing %s: every item is older than the cutoff, stop", nav["section"])
            return
        request = self.navigation_request(
            next_urls[0],
            portal,
            home,
            depth=int(nav["depth"]),
            page=int(nav["page"]) + 1,
            section=str(nav["section"]),
        )
        if request is not None:
            yield request
