"""RenderMiddleware and RenderStartMiddleware: route the requests that need it through Chromium.

``RenderMiddleware`` (downloader middleware, before the mirror middleware) marks a request for
scrapy-playwright (``meta["playwright"]``) when:

1. it is the ``auto`` re-request of an article whose plain page lacked title, body or date
   (``meta["newsbot_render"] == "auto"``, made by ``newsbot.render.auto``);
2. it is a listing page whose portal declares page actions (load-more clicks, scrolling) and
   the page's render mode is not ``never``: the actions run as page methods;
3. the page's render mode is ``always`` and it is an article or listing page (or a request of
   ``scrapy shell``); feeds, sitemaps and robots.txt are never rendered.

Every rendered page waits for its DOM to settle (``NEWSBOT_RENDER_SETTLE_MS``); Playwright
closes each page after use, on failure too (no ``playwright_include_page``). Stats per portal:
``render/rendered`` (rendered responses), ``render/render_failed`` (browser errors, counted
per attempt), ``render/actions`` (load-more clicks and scrolls that added links). A request that must be rendered
while no browser exists closes the crawl with reason ``browser_missing``.

``RenderStartMiddleware`` (spider middleware) stops a crawl that must render from the start
(mode ``always``, listing actions) before its first request when no browser is found.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import CloseSpider, IgnoreRequest
from scrapy.utils.defer import deferred_from_coro

from newsbot import portals
from newsbot.render.actions import action_methods, settle_method
from newsbot.render.browser import INSTALL_HINT
from newsbot.render.plan import BROWSER_MISSING, plan_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

    from newsbot.portals import Portal

logger = logging.getLogger(__name__)

_MIRROR_INNER = "_newsbot_mirror_of"
_NOT_RENDERED_SOURCES = frozenset({"rss", "news_sitemap", "sitemap", "robots"})


def _portal(request: Request, spider: Any) -> Portal | None:
    """The request's portal: by meta slug, the spider's (a ``portal_file``), else by URL."""
    own = getattr(spider, "portal", None)
    own = own if isinstance(own, portals.Portal) else None  # foreign spiders may use the name
    slug = request.meta.get("newsbot_portal")
    if slug:
        if own is not None and own.slug == slug:
            return own
        try:
            return portals.get(str(slug))
        except KeyError:
            return own
    return own or portals.for_url(request.url)


def _slug(portal: Portal | None) -> str:
    return portal.slug if portal is not None else "generic"


class RenderMiddleware:
    """Downloader middleware (module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RenderMiddleware:
        return cls(crawler)

    def _count(self, portal: Portal | None, event: str, n: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newsbot/{_slug(portal)}/render/{event}", n)

    def _methods(self, request: Request, portal: Portal | None) -> list[Any] | None:
        """Page methods when ``request`` goes through the browser, else None."""
        plan = plan_of(self.crawler)
        meta = request.meta
        settle = [settle_method(plan.settle_ms)]
        if meta.get("newsbot_render") == "auto":
            return settle
        kind, source = meta.get("newsbot_kind"), meta.get("newsbot_source")
        listing = meta.get("newsbot_listing")
        if source == "listing" and listing is not None and plan.actions_wanted(portal):
            assert portal is not None
            actions = portal.sources.listings[int(listing)].actions
            if actions:
                return [*settle, *action_methods(actions, plan.actions_timeout_ms)]
        if plan.mode(portal) != "always" or request.url.endswith("/robots.txt"):
            return None
        if kind == "discovery" and source in _NOT_RENDERED_SOURCES:
            return None
        return settle

    async def process_request(self, request: Request) -> None:
        meta = request.meta
        if "playwright" in meta or _MIRROR_INNER in meta:
            return
        spider = self.crawler.spider
        portal = _portal(request, spider)
        methods = self._methods(request, portal)
        if methods is None:
            return
        if plan_of(self.crawler).browser is None:
            logger.error("Cannot render %s: %s", request.url, INSTALL_HINT)
            self._count(portal, "render_failed")
            engine = self.crawler.engine
            if engine is not None and engine.spider is not None:
                # not awaited: closing waits for the downloader, which waits for this request
                deferred_from_coro(engine.close_spider_async(reason=BROWSER_MISSING))
            raise IgnoreRequest("no browser")
        meta["playwright"] = True
        meta["playwright_page_methods"] = methods

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("playwright") and _MIRROR_INNER not in request.meta:
            portal = _portal(request, self.crawler.spider)
            self._count(portal, "rendered")
            steps = sum(
                int(m.result)
                for m in request.meta.get("playwright_page_methods", ())[1:]
                if isinstance(getattr(m, "result", None), int)
            )
            if steps:
                self._count(portal, "actions", steps)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if request.meta.get("playwright") and _MIRROR_INNER not in request.meta:
            portal = _portal(request, self.crawler.spider)
            self._count(portal, "render_failed")
            logger.warning("Rendering %s failed: %r", request.url, exception)


class RenderStartMiddleware:
    """Spider middleware (module docstring): no browser for a crawl that must render."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RenderStartMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        spider = self.crawler.spider
        plan = plan_of(self.crawler)
        generic = bool(getattr(spider, "render_generic_pages", True))
        if plan.browser is None and plan.must_render_at_start(generic):
            logger.error("This crawl renders JavaScript pages and %s", INSTALL_HINT)
            raise CloseSpider(BROWSER_MISSING)
        async for item_or_request in start:
            yield item_or_request
