"""Is an extracted record an article? (the spider drops and counts what is not)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from newsbot.extract.encoding import looks_binary
from newsbot.items import Article

MIN_BODY_WORDS = 40
"""Fewer words than this and no structured article data: not an article."""

VIDEO_PATH_HINTS = ("/video/", "/videos/", "/فيديو/", "/tv/", "/watch/")
GALLERY_PATH_HINTS = ("/gallery/", "/galleries/", "/photos/", "/album/", "/صور/")
HOME_PATHS = ("", "/", "/index.html", "/index.php", "/ar", "/ar/", "/home")
QUERY_ID_RE = re.compile(r"[0-9]{3,}")
LISTING_PATH_HINTS = ("/tag/", "/tags/", "/category/", "/section/", "/author/", "/search", "/page/")


def classify(article: Article, response: Any = None) -> str | None:
    """None when ``article`` is an article, else the reason it is not.

    Reasons: ``not-html``, ``no-title``, ``home``, ``listing``, ``video``, ``gallery``, ``no-body``.
    """
    if response is not None:
        ctype = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if ctype and "html" not in ctype and "xml" not in ctype:
            return "not-html"
        if not hasattr(response, "text") or looks_binary(getattr(response, "body", b"")):
            return "not-html"
    url = article.fetched_url or article.url or ""
    path = urlsplit(url).path.lower()
    words = article.word_count or 0
    query = urlsplit(url).query
    if path in HOME_PATHS and not QUERY_ID_RE.search(query):  # "/?q=node/58123" is an article
        return "home"
    if not article.published and (
        any(h in path for h in LISTING_PATH_HINTS) or _headline_links(response) >= LISTING_LINKS
    ):
        return "listing"
    if not article.title:
        return "no-title"
    declared = _declared_kind(response)
    if declared == "listing":
        return "listing"
    if declared == "video" and words < VIDEO_MAX_WORDS:
        return "video"
    if words < MIN_BODY_WORDS:
        if any(h in path for h in VIDEO_PATH_HINTS):
            return "video"
        if any(h in path for h in GALLERY_PATH_HINTS):
            return "gallery"
        if any(h in path for h in LISTING_PATH_HINTS):
            return "listing"
        return "no-body"
    return None


LISTING_TYPES = ("collectionpage", "itemlist", "searchresultspage")
"""JSON-LD @type of a page that lists other pages."""
ARTICLE_TYPE_HINT = "article"  # NewsArticle, ReportageNewsArticle, BlogPosting is handled below
VIDEO_OG_PREFIX = "video"

LISTING_LINKS = 25
"""Undated pages with at least this many headline links (4+ words) are section fronts."""


VIDEO_MAX_WORDS = 150
"""A page that declares itself a video (og:type video.*, JSON-LD VideoObject only) with less
text than this is a video page, whatever its URL."""


def _declared_kind(response: Any) -> str | None:
    """``listing`` / ``video`` when the page's own metadata says so and names no article."""
    if response is None or not hasattr(response, "xpath"):
        return None
    try:
        og = (response.xpath("//meta[@property='og:type']/@content").get() or "").lower()
        blocks = " ".join(response.xpath("//script[@type='application/ld+json']/text()").getall())
    except (ValueError, AttributeError):
        return None
    types = {t.lower() for t in _TYPE_RE.findall(blocks)}
    if any(ARTICLE_TYPE_HINT in t or t == "blogposting" for t in types) or og == "article":
        return None
    if og.startswith(VIDEO_OG_PREFIX) or "videoobject" in types:
        return "video"
    if types & set(LISTING_TYPES) and not types - set(LISTING_TYPES) - {"breadcrumblist"}:
        return "listing"
    return None


_TYPE_RE = re.compile(r'"@type"\s*:\s*"([A-Za-z]+)"')


def _headline_links(response: Any) -> int:
    if response is None or not hasattr(response, "xpath"):
        return 0
    try:
        texts = response.xpath("//body//a//text()").getall()
    except (ValueError, AttributeError):
        return 0
    return sum(1 for t in texts if len(t.split()) >= 4)
