"""Read one fetched page for the navigation crawl: its links, dates beside them, and its kind.

Pure functions over a Scrapy ``TextResponse`` (README "How discovery works"):

- :func:`page_links`: every link (Scrapy's ``LinkExtractor``) with its text, whether it sits in
  the site's navigation (``nav``/``header``/menu) and whether it is ``rel="next"``;
- :func:`listing_dates`: the machine date (``<time datetime>``, ``data-date``, ISO text) shown
  beside an article link on a listing, so the spider can go newest first and stop paginating
  at the ``since``/``days`` cutoff;
- :func:`edition_prefixes`: path prefixes of other language editions (``hreflang`` links);
- :func:`page_kind`: ``article`` / ``listing`` / ``unknown`` from the page's own declaration
  (a JSON-LD article type wins; ``og:type=article`` only with article-like text) and its link
  density (checked on the 15 real article pages in /work/shared/realworld: none is a listing). ``unknown`` pages go to the extractor,
  which has the last word (``newsbot.extract.classify``).

Malformed markup never raises: lxml repairs it, and a page without a body is ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from scrapy.http import TextResponse
from scrapy.linkextractors import LinkExtractor
from w3lib.url import safe_url_string

from newsbot.discovery import parse_machine_date

__all__ = ["PageLink", "edition_prefixes", "listing_dates", "page_kind", "page_links"]

NAV_XPATHS: tuple[str, ...] = (
    "//nav",
    "//header",
    "//*[@role='navigation']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' menu ')]",
    "//*[contains(@class, 'navbar') or contains(@class, 'main-menu') or contains(@id, 'menu')]",
    "//*[contains(@class, 'tag-cloud') or contains(@class, 'tagcloud') or @id='tags']",
)
"""Regions whose links are site navigation (sections, categories, tag clouds)."""

_ALL = LinkExtractor(deny_extensions=[], unique=True, strip=True)
_NAV = LinkExtractor(deny_extensions=[], unique=True, strip=True, restrict_xpaths=NAV_XPATHS)
_REL_NEXT = (
    "//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
    " | //link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
)
_DATE_ATTRS = ("datetime", "data-date", "data-time", "data-published", "content")
_ISO_TEXT = re.compile(r"\b(19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?")
_ARTICLE_TYPES = re.compile(r"article|blogposting|report", re.I)
_LISTING_TYPES = {"collectionpage", "itemlist", "searchresultspage", "webpage", "website"}
_TYPE_RE = re.compile(r'"@type"\s*:\s*"([A-Za-z]+)"')

LINK_DENSITY = 0.5
"""Share of a page's words inside links above which a page with few paragraphs is a listing."""
MIN_PARAGRAPH_WORDS = 60
"""Words in long ``<p>`` paragraphs (8+ words each) from which a page reads as an article."""


@dataclass(frozen=True)
class PageLink:
    """One link of a page."""

    url: str
    text: str
    in_nav: bool = False
    rel_next: bool = False


def page_links(response: TextResponse) -> list[PageLink]:
    """Every ``a``/``area`` link of the page (absolute, fragment-free, first occurrence)."""
    nav = {link.url for link in _NAV.extract_links(response)}
    rel_next = {_absolute(response, href) for href in response.xpath(_REL_NEXT).getall()}
    out: list[PageLink] = []
    seen: set[str] = set()
    for link in _ALL.extract_links(response):
        url = link.url.split("#", 1)[0]
        if url in seen or link.nofollow:
            continue
        seen.add(url)
        out.append(PageLink(url, link.text or "", url in nav, url in rel_next))
    for url in rel_next - seen:  # <link rel="next"> in the head
        out.append(PageLink(url, "", False, True))
    return out


def edition_prefixes(response: TextResponse, language: str = "ar") -> set[str]:
    """Path prefixes (``/en``) of the site's editions in languages other than ``language``."""
    host = urlsplit(response.url).netloc
    out: set[str] = set()
    for node in response.xpath("//link[@hreflang] | //a[@hreflang]"):
        lang = (node.attrib.get("hreflang") or "").lower()
        href = node.attrib.get("href")
        if not href or lang.startswith(language) or lang == "x-default":
            continue
        parts = urlsplit(urljoin(response.url, href))
        first = [s for s in parts.path.split("/") if s][:1]
        if parts.netloc == host and first:
            out.add("/" + first[0])
    return out


def listing_dates(response: TextResponse) -> dict[str, datetime]:
    """{article URL: the date shown beside its link} for links in a box with one date."""
    out: dict[str, datetime] = {}
    for node in response.xpath("//time | //*[@data-date or @data-published]"):
        when = _node_date(node)
        if when is None:
            continue
        for box in reversed(node.xpath("ancestor::*[position() <= 4]")):  # nearest first
            hrefs = {h.strip() for h in box.xpath(".//a/@href").getall() if h.strip()}
            if not hrefs:
                continue
            if len(hrefs) == 1 and len(box.xpath(".//time")) <= 1:
                out.setdefault(_absolute(response, hrefs.pop()), when)
            break
    return out


def _absolute(response: TextResponse, href: str) -> str:
    """An href as ``LinkExtractor`` gives it: absolute, percent-encoded, without fragment."""
    url = safe_url_string(urljoin(response.url, href.strip()), response.encoding)
    return url.split("#", 1)[0]


def _node_date(node: object) -> datetime | None:
    attrib = getattr(node, "attrib", {})
    for name in _DATE_ATTRS:
        when = parse_machine_date(attrib.get(name))
        if when is not None:
            return when
    text = " ".join(node.xpath(".//text()").getall())  # type: ignore[attr-defined]
    match = _ISO_TEXT.search(text)
    return parse_machine_date(match.group(0)) if match else None


def page_kind(response: TextResponse) -> str:
    """``article`` / ``listing`` / ``unknown`` (module docstring)."""
    og = (response.xpath("//meta[@property='og:type']/@content").get() or "").strip().lower()
    ld = " ".join(response.xpath("//script[@type='application/ld+json']/text()").getall())
    types = {t.lower() for t in _TYPE_RE.findall(ld)}
    paragraphs = sum(
        n for n in (len(p.split()) for p in response.xpath("//body//p//text()").getall()) if n >= 8
    )
    body = response.xpath("//body")
    if not body:
        return "unknown"
    words = len(
        " ".join(body.xpath(".//text()[not(ancestor::script or ancestor::style)]").getall()).split()
    )
    link_words = len(" ".join(body.xpath(".//a//text()").getall()).split())
    density = link_words / words if words else 0.0
    if any(_ARTICLE_TYPES.search(t) for t in types):
        return "article"  # JSON-LD NewsArticle & co. (the body may sit in divs among many links)
    if og == "article" and (paragraphs >= MIN_PARAGRAPH_WORDS or density < LINK_DENSITY):
        return "article"  # some CMSs put og:type=article on section pages too
    if (
        types
        and types <= _LISTING_TYPES | {"breadcrumblist", "organization"}
        and ("collectionpage" in types or "itemlist" in types)
    ):
        return "listing"
    if density >= LINK_DENSITY and paragraphs < MIN_PARAGRAPH_WORDS and link_words >= 10:
        return "listing"
    return "unknown"
