"""What a probe crawl records: one :class:`SourceResult` per source, one :class:`ArticleResult`
per fetched article (shared by ``scrapy portals --check`` and ``scrapy genportal``).

A result's ``status`` is ``ok`` or an error kind: ``http_<code>``, ``dns``, ``timeout``,
``connection``, ``robots_txt`` (disallowed), ``parse`` (not a feed / sitemap), ``empty`` (parsed,
no entries) or another exception name; :func:`describe` turns it into words for the tables.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

FIELDS: tuple[str, ...] = ("title", "body", "published", "authors")
"""Fields whose coverage the health table shows."""

_WORDS = {
    "ok": "ok",
    "dns": "DNS error",
    "timeout": "timeout",
    "connection": "connection refused",
    "robots_txt": "disallowed by robots.txt",
    "parse": "parse error",
    "empty": "empty",
    "download_failed": "download failed",
    "not_fetched": "not fetched",
}


def describe(status: str) -> str:
    """Words for a status: ``http_404`` -> ``HTTP 404``, ``dns`` -> ``DNS error``."""
    if status.startswith("http_"):
        return "HTTP " + status[5:]
    return _WORDS.get(status, status)


@dataclass
class SourceResult:
    """One discovery source (or robots.txt) as fetched."""

    url: str
    kind: str
    """``robots``, ``home``, ``rss``, ``news_sitemap``, ``sitemap`` or ``listing``."""
    status: str = "not_fetched"
    entries: int = 0
    """URLs the source listed (feed items, sitemap URLs, links of a listing page)."""
    articles: int = 0
    """Of those, URLs the portal's domains and article allow/deny patterns accept."""
    detail: str = ""
    """Extra facts: ``sitemap index of 3 (read 1)``, ``Atom``, ``next_page matched nothing``."""
    found_in: str = ""
    """Where the URL was found (genportal evidence): ``robots.txt``, ``<link rel=alternate>``."""
    samples: list[str] = field(default_factory=list)
    """A few listed URLs (genportal guesses article patterns from them)."""
    news: bool = False
    """A sitemap whose entries carry ``<news:news>`` data."""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def reachable(self) -> bool:
        """Fetched and parsed (possibly empty)."""
        return self.status in ("ok", "empty")


@dataclass
class ArticleResult:
    """One fetched article page and what extraction made of it."""

    url: str
    source: str = ""
    status: str = "not_fetched"
    reason: str | None = None
    """``classify`` verdict when the page is not an article (``no-body``, ``no-title`` ...)."""
    fields: dict[str, bool] = field(default_factory=dict)
    """Field name -> present (``FIELDS``)."""
    word_count: int = 0
    selector_misses: list[str] = field(default_factory=list)
    """Portal selector fields whose every selector matched nothing on the page."""
    title: str | None = None
    site_name: str | None = None
    language: str | None = None
    lang_attr: str | None = None
    """``<html lang>`` / ``og:locale`` as written (``ar-MA``, ``ar_SA``)."""
    dateline: str | None = None
    text: str = ""
    """Title + body, kept for content-based guesses (not serialised)."""

    @property
    def usable(self) -> bool:
        """Fetched and an article with a title and a body."""
        return (
            self.status == "ok"
            and self.reason is None
            and all(self.fields.get(f) for f in ("title", "body"))
        )

    def asdict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("text")
        out["usable"] = self.usable
        return out
