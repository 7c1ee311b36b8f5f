"""HTML discovery helpers: feed autodiscovery links and link extraction with selectors."""

from __future__ import annotations

from urllib.parse import urljoin

from parsel import Selector

__all__ = ["feed_links", "select_links"]

FEED_TYPES: tuple[str, ...] = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
)
"""``type`` values of ``<link rel="alternate">`` that announce a feed."""


def feed_links(sel: Selector, base_url: str) -> list[str]:
    """Absolute URLs of the page's ``<link rel="alternate" type="…rss/atom…">`` feeds."""
    out: list[str] = []
    for link in sel.css("link[href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        ctype = (link.attrib.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and ctype in FEED_TYPES:
            url = urljoin(base_url, link.attrib["href"].strip())
            if url not in out:
                out.append(url)
    return out


def select_links(sel: Selector, base_url: str, selector: str | None = None) -> list[str]:
    """Absolute link URLs: those ``selector`` yields (CSS or ``xpath:``), else every a[href].

    A selector may point at elements (their ``href`` is read) or at attribute/text values.
    """
    if selector is None:
        values = sel.css("a::attr(href)").getall()
    else:
        nodes = (
            sel.xpath(selector[len("xpath:") :])
            if selector.startswith("xpath:")
            else sel.css(selector)
        )
        values = []
        for node in nodes:
            href = node.attrib.get("href") if hasattr(node, "attrib") else None
            values.append(href if href is not None else node.get())
    out: list[str] = []
    for value in values:
        if not value:
            continue
        value = value.strip()
        if value.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url = urljoin(base_url, value).split("#", 1)[0]
        if url not in out:
            out.append(url)
    return out
