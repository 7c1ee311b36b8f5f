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

    Reasons: ``not-html``, ``no-title``, ``home``, ``listing``, ``links`` (a page whose text is
    mostly headline links: a home/section/tag front at an article-like URL), ``video``,
    ``gallery``, ``no-body``.
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
    if declared in ("video", "gallery") and words < VIDEO_MAX_WORDS:
        return declared
    if declared != "article" and _mostly_links(article, response):
        return "links"
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
    """``article`` when the page's own metadata declares an article; else ``listing`` /
    ``video`` / ``gallery`` when it says so; None when it says nothing."""
    if response is None or not hasattr(response, "xpath"):
        return None
    try:
        og = (response.xpath("//meta[@property='og:type']/@content").get() or "").lower()
        blocks = " ".join(response.xpath("//script[@type='application/ld+json']/text()").getall())
    except (ValueError, AttributeError):
        return None
    types = {t.lower() for t in _TYPE_RE.findall(blocks)}
    if any(ARTICLE_TYPE_HINT in t or t == "blogposting" for t in types) or og == "article":
        return "article"
    if og.startswith(VIDEO_OG_PREFIX) or "videoobject" in types:
        return "video"
    if "imagegallery" in types or og in ("gallery", "album"):
        return "gallery"
    if types & set(LISTING_TYPES) and not types - set(LISTING_TYPES) - {"breadcrumblist"}:
        return "listing"
    return None


_TYPE_RE = re.compile(r'"@type"\s*:\s*"([A-Za-z]+)"')


LINK_SHARE = 0.5
"""Share of the page's words (outside nav/header/footer) inside links that makes a page with
no declared article type a front page ..."""
MIN_FRONT_HEADLINES = 10
"""... when it also shows at least this many distinct headline links (4+ words)."""
_CHROME = frozenset(("script", "style", "nav", "header", "footer", "noscript", "select", "form"))


def _mostly_links(article: Article, response: Any) -> bool:
    """A page whose visible text is mostly headline links (home, section and tag fronts), or
    whose headline is the site's own name, with many headline links."""
    root = getattr(getattr(response, "selector", None), "root", None)
    if root is None or not hasattr(root, "iter"):
        return False
    body = root.find(".//body")
    total = linked = 0
    heads: set[str] = set()
    stack = [(body if body is not None else root, False)]
    while stack:
        el, in_a = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _CHROME:
            continue
        in_a = in_a or el.tag == "a"
        if el.tag == "a":
            text = " ".join("".join(el.itertext()).split())
            if len(text.split()) >= 4:
                heads.add(text)
        n = len((el.text or "").split())
        total += n
        linked += n if in_a else 0
        for child in el:
            stack.append((child, in_a))
            n = len((child.tail or "").split()) if isinstance(child.tag, str) else 0
            total += n
            linked += n if in_a else 0
    if len(heads) < MIN_FRONT_HEADLINES:
        return False
    site = (article.site_name or "").strip()
    if site and _key(article.title) == _key(site):
        return True  # the headline is the site's own name: a front page
    return total > 0 and linked / total >= LINK_SHARE


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _headline_links(response: Any) -> int:
    if response is None or not hasattr(response, "xpath"):
        return 0
    try:
        texts = response.xpath("//body//a//text()").getall()
    except (ValueError, AttributeError):
        return 0
    return sum(1 for t in texts if len(t.split()) >= 4)
