"""The ``portalcheck`` spider behind ``scrapy portals --check`` (README "Portals").

For each portal it fetches robots.txt of every host its sources and start URLs live on, each
declared source (RSS, news sitemap, sitemap — one child of a sitemap index, the newest — and the
first page of each listing; ``start_urls`` read as a listing when it declares no source), then
1-3 of the article URLs the sources gave, politely (robots.txt obeyed, the portal's own
``download_delay``/``concurrency``). Results are :class:`newsbot.catalogue.health.PortalHealth`
records in ``spider.reports`` (the command prints them; the spider logs the summary)::

    scrapy crawl portalcheck -a portals=youm7,albayan -a articles=2
    scrapy crawl portalcheck -a portal_file=draft.py
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response, TextResponse

from newsbot import portals
from newsbot.catalogue.health import PortalHealth, render_summary
from newsbot.catalogue.results import SourceResult
from newsbot.discovery import Entry
from newsbot.discovery.html import select_links
from newsbot.spiders._probe import ProbeSpider, Target
from newsbot.spiders.base import portal_slots

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from newsbot.portals import Portal

logger = logging.getLogger(__name__)

MAX_INDEX_LEVELS = 2
"""Sitemap indexes nested deeper than this are not followed (a self-listing index loops)."""


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return list(value)


class PortalCheckSpider(ProbeSpider):
    """Health probe of portal definitions (module docstring).

    Arguments: ``portals`` (slugs, comma-separated, or Portal objects; default: every enabled
    portal), ``portal_file`` / ``portal_files`` (definition files outside the registry),
    ``articles`` (how many article pages to fetch per portal, default 3).
    """

    name = "portalcheck"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        chosen = _as_list(kwargs.pop("portals", None))
        files = _as_list(kwargs.pop("portal_files", None))
        super().__init__(*args, **kwargs)
        checked: list[Portal] = []
        if self.portal is not None:  # -a portal= / -a portal_file=
            checked.append(self.portal)
        checked += [p if isinstance(p, portals.Portal) else portals.get(str(p)) for p in chosen]
        checked += [portals.validate_module(str(f)) for f in files]
        if not checked:
            checked = portals.all_portals(enabled_only=True)
        self.checked: dict[str, Portal] = {p.slug: p for p in checked}
        self.reports: list[PortalHealth] = []

    def configure(self, crawler: Crawler) -> None:
        """Every checked portal's politeness goes into DOWNLOAD_SLOTS."""
        super().configure(crawler)
        slots = dict(crawler.settings.getdict("DOWNLOAD_SLOTS"))
        for portal in self.checked.values():
            slots.update(portal_slots(portal))
        if not crawler.settings.frozen:
            crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")

    def portal_for(self, url: str, meta: dict[str, Any] | None = None) -> Portal | None:
        slug = (meta or {}).get("newsbot_portal")
        if slug in self.checked:
            return self.checked[slug]
        return super().portal_for(url, meta)

    # -- requests -----------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        self.crawl_started = True
        for portal in self.checked.values():
            for request in self.portal_requests(portal):
                yield request

    def portal_requests(self, portal: Portal) -> Iterator[Request]:
        """robots.txt of each host, then every declared source, in discovery order."""
        target = self.targets[portal.slug] = Target(key=portal.slug, portal=portal)
        health = PortalHealth(slug=portal.slug, name=portal.name)
        self.reports.append(health)
        src = portal.sources
        hosts: list[str] = []
        for url in (*portal.start_urls, *portal.source_urls()):
            parts = urlsplit(url)
            base = f"{parts.scheme}://{parts.netloc}"
            if base not in hosts:
                hosts.append(base)
        for base in hosts:
            result = SourceResult(url=f"{base}/robots.txt", kind="robots")
            health.robots.append(result)
            yield self.probe(target, result, self.parse_robots, dont_obey_robotstxt=True)
        plan: list[tuple[str, str, Any, dict[str, Any]]] = [
            *((u, "rss", self.check_feed, {}) for u in src.rss),
            *((u, "news_sitemap", self.check_sitemap, {}) for u in src.news_sitemaps),
            *((u, "sitemap", self.check_sitemap, {}) for u in src.sitemaps),
            *(
                (lst.url, "listing", self.check_listing, {"probe_listing": i})
                for i, lst in enumerate(src.listings)
            ),
            *((u, "listing", self.check_listing, {}) for u in (() if src else portal.start_urls)),
        ]
        for url, kind, callback, extra in plan:
            result = SourceResult(url=url, kind=kind)
            health.sources.append(result)
            yield self.probe(target, result, callback, **extra)

    # -- callbacks ----------------------------------------------------------------------------

    def parse_robots(self, response: Response) -> Iterator[Request]:
        target, result = self.answered(response)
        result.status = "ok" if response.status == 200 else f"http_{response.status}"
        yield from self.maybe_articles(target)

    def check_feed(self, response: Response) -> Iterator[Request]:
        target, result = self.answered(response)
        self.accept(target, result, self.read_feed(response, result))
        yield from self.maybe_articles(target)

    def check_sitemap(self, response: Response) -> Iterator[Request]:
        """A urlset is counted; of an index, the newest child is read in its name."""
        target, result = self.answered(response)
        sitemap = self.read_sitemap(response, result)
        level = response.meta.get("probe_level", 0)
        if sitemap.kind == "sitemapindex" and sitemap.entries and level < MAX_INDEX_LEVELS:
            child = self.newest_child(sitemap)
            result.detail = f"sitemap index of {len(sitemap.entries)}, read {child.url}"
            yield self.probe(
                target, result, self.check_sitemap, url=child.url, probe_level=level + 1
            )
        elif sitemap.kind == "urlset":
            self.accept(target, result, sitemap.entries)
        yield from self.maybe_articles(target)

    def check_listing(self, response: Response) -> Iterator[Request]:
        """Links of the page (``article_links`` selector when set); the next-page selector."""
        target, result = self.answered(response)
        if not isinstance(response, TextResponse):
            result.status = "parse"
            yield from self.maybe_articles(target)
            return
        portal = target.portal
        index = response.meta.get("probe_listing")
        listing = portal.sources.listings[index] if portal and index is not None else None
        links = select_links(response.selector, response.url, listing and listing.article_links)
        entries = [Entry(url=u, source="listing") for u in links if u != response.url]
        result.status = "ok" if entries else "empty"
        self.accept(target, result, entries)
        next_page = listing.next_page if listing is not None else None
        if next_page and not select_links(response.selector, response.url, next_page):
            result.detail = "next_page matched nothing"
        yield from self.maybe_articles(target)

    # -- end ----------------------------------------------------------------------------------

    def closed(self, reason: str) -> None:
        """Fill each report from its target and log the summary table."""
        for health in self.reports:
            target = self.targets[health.slug]
            health.articles = target.articles
            health.discovered = len(
                {e.url for entries in target.candidates.values() for e in entries}
            )
            health.assess()
        logger.info("Portal health (%s):\n%s", reason, render_summary(self.reports))
