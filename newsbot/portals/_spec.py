"""Declarative portal definitions: the data a portal file fills in (see README "Add a portal").

A portal file is ``newsbot/portals/<cc>/<slug>.py`` holding ``PORTAL = Portal(...)``. It contains
no crawling code. Validation happens in ``__post_init__`` so a bad definition fails at start-up
with a message; the registry (``newsbot.portals``) adds the file name.

Selector syntax (used in every ``Selectors`` field): a CSS selector by default (parsel
extensions ``::text`` and ``::attr(name)`` allowed), or an XPath expression prefixed with
``xpath:``. Each field is an ORDERED FALLBACK LIST: the first selector that yields a non-empty
value wins. Structured data (JSON-LD, OpenGraph) is tried before these selectors for the fields
it can provide, unless the field is listed in ``Layout.prefer_selectors``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parsel import Selector

from newsbot.portals._actions import PageAction

Render = Literal["never", "auto", "always"]


class PortalError(ValueError):
    """A portal definition is invalid."""


def _check_selector(sel: str, where: str) -> None:
    probe = Selector(text="<html><body></body></html>")
    try:
        if sel.startswith("xpath:"):
            probe.xpath(sel[len("xpath:") :])
        else:
            probe.css(sel)
    except Exception as exc:  # parsel raises several types for bad syntax
        raise PortalError(f"{where}: bad selector {sel!r}: {exc}") from exc


def _check_regex(pattern: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise PortalError(f"{where}: bad regex {pattern!r}: {exc}") from exc


@dataclass(frozen=True)
class Listing:
    """A section / listing page to discover articles from."""

    url: str
    next_page: str | None = None
    """Selector of the next-page link (``a.next::attr(href)``); None: detected as the navigation
    crawl does (``rel="next"``, "التالي", "الصفحة التالية", page numbers, ``?page=N``)."""
    max_pages: int = 5
    """How many pages of this listing to follow per crawl."""
    article_links: str | None = None
    """Selector of article links on the page; default: every link matching ``article_allow``."""
    actions: tuple[PageAction, ...] = ()
    """Browser actions for JavaScript listings (load-more clicks, scrolling; ``_actions.py``):
    the page is rendered unless the crawl's render mode is ``never``."""


@dataclass(frozen=True)
class Sources:
    """Where articles are discovered, tried in this order: RSS -> news sitemap -> sitemap -> listings."""

    rss: tuple[str, ...] = ()
    news_sitemaps: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.rss or self.news_sitemaps or self.sitemaps or self.listings)


@dataclass(frozen=True)
class Selectors:
    """Per-field selectors, each an ordered fallback list (see module docstring)."""

    title: tuple[str, ...] = ()
    description: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    """Container element(s) of the article text; paragraphs are read from inside."""
    published: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    """Visible byline text; parsed by ``parse_byline`` into authors / agencies / dateline."""
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    """Selects every tag (all matches of the first selector that matches are kept)."""
    lead_image: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    """Containers of related-article blocks; every ``a[href]`` inside is a related link."""
    similar: tuple[str, ...] = ()
    """Containers of "similar articles" title lists (titles without links)."""
    credited_source: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    """Elements removed from the body container before reading text (ads, captions, teasers)."""


SELECTOR_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Selectors))


@dataclass(frozen=True)
class Layout:
    """One version of a portal's page template (fundus-style versioned parsers).

    The layout whose ``valid_until`` is the earliest date not before the page's date applies;
    ``valid_until=None`` marks the current layout (there must be exactly one).
    """

    name: str = "V1"
    valid_until: date | None = None
    selectors: Selectors = field(default_factory=Selectors)
    prefer_selectors: tuple[str, ...] = ()
    """Fields for which the selectors win over structured data (e.g. a wrong JSON-LD headline)."""


@dataclass(frozen=True)
class Portal:
    """A news portal, declared as data."""

    slug: str
    name: str
    domains: tuple[str, ...]
    country: str
    """ISO 3166-1 alpha-2, lower case (``eg``, ``lb``); ``int`` for pan-Arab / international."""
    date_locale: str = "ar"
    """dateparser-style locale hint (``ar-EG``, ``ar-LB``, ``ar-MA`` ...)."""
    timezone: str = "UTC"
    """IANA zone the site writes local times in."""
    metadata_local_as_utc: bool = False
    """True when the site's metadata writes local wall time with a ``Z``/``+00:00`` (youm7)."""
    language: str = "ar"
    sources: Sources = field(default_factory=Sources)
    start_urls: tuple[str, ...] = ()
    """Home page(s); used by ``scrapy crawl site`` style discovery and as robots.txt anchor."""
    article_allow: tuple[str, ...] = ()
    """Regexes an article URL must match (any); empty = any URL on the portal's domains."""
    article_deny: tuple[str, ...] = ()
    """Regexes that exclude a URL (tag pages, video, galleries ...)."""
    layouts: tuple[Layout, ...] = field(default_factory=lambda: (Layout(),))
    boilerplate: tuple[str, ...] = ()
    """Extra regexes for lines to remove from the body (added to the shared Arabic list)."""
    byline_prefixes: tuple[str, ...] = ()
    """Extra byline prefixes for ``parse_byline`` (added to the shared list)."""
    agencies: tuple[str, ...] = ()
    """Extra agency names for ``parse_byline`` (added to the shared list)."""
    related_labels: tuple[str, ...] = ()
    """Extra headings that introduce a related-articles block."""
    render: Render = "never"
    """JavaScript rendering of article pages: ``never``; ``auto`` (fetch plainly, render again
    when title, body or date is missing or the portal's selectors match nothing); ``always``."""
    download_delay: float = 1.0
    concurrency: int = 2
    schedule_minutes: int = 60
    """Interval of scheduled crawls of this portal (deploy recipes, ``scrapy portals``)."""
    unverified: tuple[str, ...] = ()
    """Source / start URLs with no public evidence yet (flagged by ``scrapy portals``)."""
    enabled: bool = True
    notes: str = ""

    def __post_init__(self) -> None:
        where = f"portal {self.slug!r}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.slug):
            raise PortalError(f"{where}: slug must be lower-case [a-z0-9_], starting with a letter")
        if not self.domains:
            raise PortalError(f"{where}: at least one domain is required")
        for d in self.domains:
            if "/" in d or d != d.lower() or d.startswith("www."):
                raise PortalError(f"{where}: domain {d!r} must be a bare lower-case host (no www.)")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PortalError(f"{where}: unknown time zone {self.timezone!r}") from exc
        if self.render not in ("never", "auto", "always"):
            raise PortalError(f"{where}: render must be never/auto/always, not {self.render!r}")
        for p in (*self.article_allow, *self.article_deny, *self.boilerplate):
            _check_regex(p, where)
        current = [lay for lay in self.layouts if lay.valid_until is None]
        if len(current) != 1:
            raise PortalError(f"{where}: exactly one layout must have valid_until=None")
        names = [lay.name for lay in self.layouts]
        if len(set(names)) != len(names):
            raise PortalError(f"{where}: duplicate layout names {names}")
        for lay in self.layouts:
            for fname in SELECTOR_FIELDS:
                for sel in getattr(lay.selectors, fname):
                    _check_selector(sel, f"{where} layout {lay.name} {fname}")
            for fname in lay.prefer_selectors:
                if fname not in SELECTOR_FIELDS:
                    raise PortalError(f"{where}: prefer_selectors names unknown field {fname!r}")
        if self.download_delay < 0 or self.concurrency < 1:
            raise PortalError(f"{where}: download_delay >= 0 and concurrency >= 1 required")
        if self.schedule_minutes < 1:
            raise PortalError(f"{where}: schedule_minutes must be >= 1")
        known = {*self.start_urls, *self.source_urls()}
        for url in self.unverified:
            if url not in known:
                raise PortalError(f"{where}: unverified URL {url!r} is not one of its sources")

    def source_urls(self) -> tuple[str, ...]:
        """Every discovery URL declared in ``sources``, in discovery order."""
        s = self.sources
        return (*s.rss, *s.news_sitemaps, *s.sitemaps, *(lst.url for lst in s.listings))

    def layout_for(self, when: date | None = None) -> Layout:
        """The layout valid on ``when`` (the current one when ``when`` is None or unknown)."""
        if when is not None:
            dated = sorted(
                (lay for lay in self.layouts if lay.valid_until is not None),
                key=lambda lay: lay.valid_until,  # type: ignore[arg-type,return-value]
            )
            for lay in dated:
                assert lay.valid_until is not None
                if when <= lay.valid_until:
                    return lay
        return next(lay for lay in self.layouts if lay.valid_until is None)

    def owns(self, host: str) -> bool:
        """True when ``host`` (with or without ``www.``/subdomain) belongs to this portal."""
        host = host.lower().split(":")[0]
        return any(host == d or host.endswith("." + d) for d in self.domains)
