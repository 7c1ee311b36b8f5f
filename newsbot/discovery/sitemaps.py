"""Sitemap parser (sitemap index, urlset, Google news sitemap) and robots.txt sitemap lines.

Scrapy's own ``Sitemap`` keeps only ``loc``/``lastmod``; this one also keeps
``news:publication_date``, ``news:title`` and ``news:language`` (Google news sitemaps), which
newsbot uses as a date fallback, a freshness filter and for newest-first crawl order.
lxml runs with ``resolve_entities=False`` and ``huge_tree=False`` (no XXE, no billion laughs).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin

from newsbot.discovery import Entry, parse_machine_date
from newsbot.discovery._xml import child, child_text, local, parse_xml

logger = logging.getLogger(__name__)

__all__ = ["COMMON_SITEMAP_PATHS", "Sitemap", "parse_sitemap", "sitemaps_from_robots"]

COMMON_SITEMAP_PATHS: tuple[str, ...] = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap_news.xml",
    "/sitemaps/sitemap.xml",
    "/sitemap.xml.gz",
)
"""Paths tried by ``scrapy crawl site`` when robots.txt names no sitemap."""


@dataclass
class Sitemap:
    """A parsed sitemap document."""

    kind: Literal["urlset", "sitemapindex", "invalid"]
    entries: list[Entry] = field(default_factory=list)
    """Page URLs (urlset) or child sitemap URLs with their lastmod (sitemapindex)."""

    @property
    def is_news(self) -> bool:
        """True when at least one entry carried ``<news:news>`` metadata."""
        return any(e.source == "news_sitemap" for e in self.entries)


def _url_entry(node: object, base_url: str, default_source: str) -> Entry | None:
    loc = child_text(node, "loc")  # type: ignore[arg-type]
    if not loc:
        return None
    news = child(node, "news")  # type: ignore[arg-type]
    title = language = None
    published = None
    published_text = None
    source = default_source
    if news is not None:
        source = "news_sitemap"
        title = child_text(news, "title")
        published_text = child_text(news, "publication_date")
        published = parse_machine_date(published_text)
        publication = child(news, "publication")
        if publication is not None:
            language = child_text(publication, "language")
    lastmod = child_text(node, "lastmod")  # type: ignore[arg-type]
    return Entry(
        url=urljoin(base_url, loc),
        source=source,
        title=title,
        published=published,
        modified=parse_machine_date(lastmod),
        language=language,
        published_text=published_text,
        modified_text=lastmod,
    )


def parse_sitemap(body: bytes, base_url: str, source: str = "sitemap") -> Sitemap:
    """Parse a sitemap (gzip accepted). ``source`` labels urlset entries without news data."""
    root = parse_xml(body)
    if root is None or local(root) not in ("urlset", "sitemapindex"):
        return Sitemap(kind="invalid")
    kind: Literal["urlset", "sitemapindex"] = (
        "urlset" if local(root) == "urlset" else "sitemapindex"
    )
    wanted = "url" if kind == "urlset" else "sitemap"
    entries: list[Entry] = []
    seen: set[str] = set()
    for node in root:
        if local(node) != wanted:
            continue
        entry = _url_entry(node, base_url, source)
        if entry is None or entry.url in seen:
            continue
        seen.add(entry.url)
        entries.append(entry)
    logger.debug("sitemap %s: %s with %d entries", base_url, kind, len(entries))
    return Sitemap(kind=kind, entries=entries)


def sitemaps_from_robots(text: str, base_url: str) -> list[str]:
    """Absolute URLs of the ``Sitemap:`` lines of a robots.txt, in file order."""
    out: list[str] = []
    for line in text.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() == "sitemap":
            value = value.split("#", 1)[0].strip()
            if value:
                url = urljoin(base_url, value)
                if url not in out:
                    out.append(url)
    return out
