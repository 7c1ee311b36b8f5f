"""The Article record: newsbot's output contract (documented field by field in README.md).

Every field is typed ``X | None`` (or a list) and defaults to empty: a value the page does not
give is ``None`` / ``[]``, never invented. The field order here is the column order of the JSONL
feed (``FEED_EXPORT_FIELDS`` is built from it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Article:
    """One news article, as extracted from one page."""

    url: str | None = None
    """Canonical URL (rel=canonical / og:url / JSON-LD url, else the fetched URL), percent-encoded."""
    fetched_url: str | None = None
    """The URL that was actually fetched (after redirects)."""
    portal: str | None = None
    """Slug of the portal definition used (``None`` for the generic extractor)."""
    site_name: str | None = None
    """Human name of the site (og:site_name / JSON-LD publisher / portal name)."""
    language: str | None = None
    """ISO 639-1 language of the page (``ar``); a page in Arabic script but another language
    gets that one (``fa``, ``ur``, ``ps``, ``ku``, ``sd``, ``ug``), and validation drops it."""
    title: str | None = None
    """Headline as the reader sees it, without a " - Site" suffix."""
    description: str | None = None
    """Standfirst / meta description."""
    body: str | None = None
    """Clean article text; paragraphs separated by one blank line."""
    published: str | None = None
    """Publication time, ISO 8601 with the UTC offset of the page's own time zone."""
    modified: str | None = None
    """Last modification time, same format as ``published``."""
    published_raw: str | None = None
    """The date string ``published`` was parsed from, as found."""
    published_hijri: str | None = None
    """The Hijri form of the publication date when the page gives one (e.g. ``1445-09-15``)."""
    date_source: str | None = None
    """Where ``published`` came from: jsonld, meta, microdata, time-tag, text, url, sitemap, feed,
    listing (the date a listing page showed beside the link); ``<source>+feed`` /
    ``<source>+sitemap`` when the page gave only the day and the feed's time on that day was used;
    ``<source>+text-time`` when the page gave the day and, in another element, only a time of day
    ("07:15 مساء"); ``crawl-day+text-time`` when it printed only the time, put on the crawl day in
    the page's zone."""
    date_tz_source: str | None = None
    """Where the UTC offset came from: ``page`` (stated in the string), ``portal`` (portal time
    zone applied to a local wall time, or to metadata that mislabels local time as UTC),
    ``country`` (zone guessed from the site's country) or ``unknown`` (no zone known: the local
    wall time is written without an offset)."""
    authors: list[str] = field(default_factory=list)
    """Person names credited in the byline, without prefixes (كتب، بقلم) or honorifics."""
    agencies: list[str] = field(default_factory=list)
    """News agencies / outlets credited (رويترز، أ ف ب، واس ...)."""
    dateline: str | None = None
    """City of the dateline ("القاهرة -") or ``None``."""
    credited_source: str | None = None
    """Outlet an aggregator credits ("المصدر: العربية" -> "العربية")."""
    section: str | None = None
    """Section / category shown on the page."""
    tags: list[str] = field(default_factory=list)
    """Tag / keyword list in page order."""
    lead_image: str | None = None
    """Absolute URL of the main image (og:image / JSON-LD image)."""
    images: list[dict[str, Any]] = field(default_factory=list)
    """Images of the article: ``{"url": ..., "caption": ... | None}``."""
    related: list[dict[str, Any]] = field(default_factory=list)
    """Links of the page's related-article blocks: ``{"url": ..., "title": ...}``."""
    similar_titles: list[str] = field(default_factory=list)
    """Titles listed under blocks like "مقالات مشابهة" that have no link of their own."""
    is_free: bool | None = None
    """``isAccessibleForFree`` from JSON-LD, when present."""
    word_count: int | None = None
    """Number of words in ``body``."""
    crawled_at: str | None = None
    """When the page was fetched (ISO 8601, UTC)."""
    fetched_via: str | None = None
    """How the page was fetched: ``http`` (plain download, also a WARC response record) or
    ``browser`` (rendered by Chromium, see ``render``); ``None`` for ``scrapy extract FILE``."""
    via: str | None = None
    """For a related article: the URL of the article that linked to it."""
    depth: int | None = None
    """Related-link depth: 0 for articles found by discovery, 1 for their related pages, ..."""
    version: int | None = None
    """1 for a new article; incremented when an article seen before was modified."""
    duplicate_of: str | None = None
    """Canonical URL of the record this one duplicates (exact or near duplicate), else ``None``."""
    fingerprint: str | None = None
    """Content fingerprint (hash of the Arabic match key of title + body)."""


ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article))
"""Field names in feed order."""
