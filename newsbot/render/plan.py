"""Which pages of a crawl go through the browser: the render plan (README "JavaScript portals").

The render mode of a page, first match wins: ``-a render=`` (the spider argument), the
``NEWSBOT_RENDER`` setting, the page's portal's ``render``, else the generic default: ``auto``
when a browser is found, ``never`` (with one INFO line) when not.

``configure_render`` runs while the spider is set up (settings not frozen yet): it installs
scrapy-playwright's download handlers only when some page of the crawl may be rendered and a
browser exists, so crawls that never render start no Playwright driver and need no Chromium.
A crawl that must render from its first page (mode ``always``, or a listing with page
actions) and has no browser is stopped before its first request (``RenderStartMiddleware``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from newsbot import portals
from newsbot.portals._spec import Render
from newsbot.render.browser import find_browser, install_playwright

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

    from newsbot.portals import Portal

logger = logging.getLogger(__name__)

MODES: tuple[str, ...] = ("never", "auto", "always")
BROWSER_MISSING = "browser_missing"
"""Close reason of a crawl that needed a browser and had none (``scrapy crawl`` exits 2)."""


def parse_mode(value: object, where: str) -> Render | None:
    """``never`` / ``auto`` / ``always`` (None when empty); ValueError naming ``where``."""
    if value is None or str(value).strip() == "":
        return None
    mode = str(value).strip().lower()
    if mode not in MODES:
        raise ValueError(f"{where}={value!r}: use one of {', '.join(MODES)}")
    return cast("Render", mode)


@dataclass
class RenderPlan:
    """The render decisions of one crawl."""

    forced: Render | None = None
    """Mode for every page (``-a render=`` or NEWSBOT_RENDER), else None."""
    generic: Render = "never"
    """Mode of pages no portal owns."""
    browser: Path | None = None
    settle_ms: int = 200
    actions_timeout_ms: int = 20_000
    portals: list[Portal] = field(default_factory=list)
    """Portals this crawl is known to visit (the spider's, those of given URLs)."""
    discovery: bool = True
    """False when the crawl reads only given URLs (no listing is fetched)."""

    def mode(self, portal: Portal | None) -> Render:
        if self.forced is not None:
            return self.forced
        return portal.render if portal is not None else self.generic

    def actions_wanted(self, portal: Portal | None) -> bool:
        """True when ``portal`` has listings with page actions and may render."""
        return (
            portal is not None
            and self.discovery
            and self.mode(portal) != "never"
            and any(lst.actions for lst in portal.sources.listings)
        )

    def may_render(self, generic_pages: bool) -> bool:
        modes = {self.mode(p) for p in self.portals}
        if generic_pages:
            modes.add(self.mode(None))
        return bool(modes - {"never"}) or any(self.actions_wanted(p) for p in self.portals)

    def must_render_at_start(self, generic_pages: bool) -> bool:
        """True when rendering is certain (mode always, or listing actions)."""
        modes = {self.mode(p) for p in self.portals}
        if generic_pages:
            modes.add(self.mode(None))
        return "always" in modes or any(self.actions_wanted(p) for p in self.portals)

    @classmethod
    def from_settings(
        cls, settings: BaseSettings, arg: object = None, generic_pages: bool = True
    ) -> RenderPlan:
        """The plan for ``settings`` and an optional ``-a render=`` value."""
        forced = parse_mode(arg, "-a render") or parse_mode(
            settings.get("NEWSBOT_RENDER"), "NEWSBOT_RENDER"
        )
        browser = find_browser(settings)
        generic: Render = "auto" if browser is not None else "never"
        if forced is None and generic_pages and browser is None:
            logger.info(
                "No Chromium found (apt-get install chromium, or NEWSBOT_CHROMIUM): pages "
                "without a portal are not rendered (render=never)"
            )
        return cls(
            forced=forced,
            generic=generic,
            browser=browser,
            settle_ms=settings.getint("NEWSBOT_RENDER_SETTLE_MS", 200),
            actions_timeout_ms=int(1000 * settings.getfloat("NEWSBOT_RENDER_ACTIONS_TIMEOUT", 20)),
        )


def plan_of(crawler: Crawler) -> RenderPlan:
    """The spider's plan, else (``scrapy shell``, foreign spiders) one built from settings."""
    plan = getattr(crawler.spider, "render_plan", None)
    if isinstance(plan, RenderPlan):
        return plan
    plan = RenderPlan.from_settings(crawler.settings, generic_pages=False)
    if crawler.spider is not None:
        crawler.spider.render_plan = plan  # type: ignore[attr-defined]
    return plan


def configure_render(spider: Any, crawler: Crawler) -> RenderPlan:
    """Build ``spider.render_plan`` and install the Playwright handlers if they may be used."""
    settings = crawler.settings
    known: list[Portal] = [spider.portal] if spider.portal is not None else []
    generic_pages = spider.portal is None
    for url in spider.args.urls:
        owner = portals.for_url(url)
        if owner is None:
            generic_pages = True
        elif owner not in known:
            known.append(owner)
    plan = RenderPlan.from_settings(settings, spider.args.render, generic_pages)
    plan.portals = known
    plan.discovery = not spider.args.urls
    spider.render_plan = plan
    spider.render_generic_pages = generic_pages
    if plan.browser is not None and plan.may_render(generic_pages):
        if settings.frozen:
            logger.warning("settings already frozen; cannot install the Playwright handlers")
        else:
            install_playwright(settings, plan.browser)
            logger.info("JavaScript rendering available with %s", plan.browser)
    return plan
