"""Discovery parsers: RSS/Atom feeds, sitemaps (index, urlset, Google news), robots.txt, HTML.

Pure functions over bytes/text, no crawling code (README "How discovery works"). Each parser
returns :class:`Entry` records that keep the metadata the source gives (date, title, language,
lastmod): the spiders use it for crawl order, freshness filtering and as a date fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["Entry", "parse_machine_date"]

_DATE_SOURCE = {
    "rss": "feed",
    "news_sitemap": "sitemap",
    "sitemap": "sitemap",
    "navigation": "listing",
}
"""``date_source`` value of a date taken from each discovery source."""
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")


def parse_machine_date(text: str | None) -> datetime | None:
    """An aware datetime from a machine date (W3C/ISO 8601 or RFC 822), else None.

    A value without an offset is taken as UTC (sitemaps and feeds are specified in UTC or with
    an offset); a bare day becomes midnight UTC.
    """
    if not text:
        return None
    value = text.strip()
    if not value:
        return None
    if _ISO_MONTH.match(value):
        value += "-01"
    if _ISO_DAY.match(value):
        value += "T00:00:00"
    iso = value.replace("Z", "+00:00").replace("z", "+00:00")
    if " " in iso and "T" not in iso and re.match(r"^\d{4}-\d{2}-\d{2} ", iso):
        iso = iso.replace(" ", "T", 1)
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _hint_value(value: datetime, text: str | None) -> str:
    """ISO string for the extractor; a bare day as written stays a bare day (no invented time)."""
    if text and _ISO_DAY.match(text.strip()):
        return text.strip()
    return value.isoformat()


@dataclass(frozen=True)
class Entry:
    """One discovered URL with the metadata its source gave."""

    url: str
    source: str
    """``rss`` (RSS or Atom), ``news_sitemap``, ``sitemap``, ``listing``, ``navigation`` (the
    navigation crawl) or ``given``."""
    title: str | None = None
    published: datetime | None = None
    """news:publication_date / pubDate / Atom published."""
    modified: datetime | None = None
    """sitemap lastmod / Atom updated."""
    language: str | None = None
    published_text: str | None = field(default=None, compare=False)
    """``published`` as written (a bare day stays a day for the extractor)."""
    modified_text: str | None = field(default=None, compare=False)
    """``modified`` as written."""

    @property
    def date(self) -> datetime | None:
        """Best date for ordering and freshness: publication date, else last modification."""
        return self.published or self.modified

    def hints(self) -> dict[str, Any]:
        """Metadata handed to the extractor (``extract_response(..., hints=...)``)."""
        out: dict[str, Any] = {"discovered_by": self.source}
        if self.source in _DATE_SOURCE:
            out["date_source"] = _DATE_SOURCE[self.source]
        if self.title:
            out["title"] = self.title
        if self.published:
            out["published"] = _hint_value(self.published, self.published_text)
        if self.modified:
            out["modified"] = _hint_value(self.modified, self.modified_text)
            out["lastmod"] = self.modified.isoformat()
        if self.language:
            out["language"] = self.language
        return out
