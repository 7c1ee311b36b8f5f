"""RSS 2.0 / RSS 1.0 (RDF) / Atom feed parser keeping each item's date, title and language.

entries = parse_feed(response.body, response.url)
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from newsbot.discovery import Entry, parse_machine_date
from newsbot.discovery._xml import child, child_text, local, parse_xml, text_of

logger = logging.getLogger(__name__)

__all__ = ["is_feed", "parse_feed"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PUBLISHED = ("pubdate", "published", "issued", "date", "created")
"""RSS pubDate, Atom published/issued, dc:date, dcterms:created — first found wins."""
_UPDATED = ("updated", "modified", "lastbuilddate")


def is_feed(body: bytes) -> bool:
    """True when ``body`` parses as an RSS or Atom document."""
    root = parse_xml(body)
    return root is not None and local(root) in ("rss", "feed", "rdf")


def _atom_link(entry: object) -> str | None:
    links = [sub for sub in entry if local(sub) == "link"]  # type: ignore[attr-defined]
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    for link in links:
        if link.get("href"):
            return link.get("href")
        if text_of(link):
            return text_of(link)
    return None


def _item_url(item: object, atom: bool) -> str | None:
    if atom:
        return _atom_link(item)
    url = child_text(item, "link")  # type: ignore[arg-type]
    if url:
        return url
    guid = child(item, "guid")  # type: ignore[arg-type]
    if guid is not None and guid.get("isPermaLink", "true").lower() != "false":
        return text_of(guid)
    return _atom_link(item)  # RSS with atom:link children


def _first_date(item: Any, names: tuple[str, ...]) -> tuple[str | None, datetime | None]:
    """The first of ``names`` that holds a machine date: (text as written, parsed value)."""
    for name in names:
        text = child_text(item, name)
        parsed = parse_machine_date(text)
        if parsed is not None:
            return text, parsed
    return None, None


def parse_feed(body: bytes, base_url: str) -> list[Entry]:
    """Entries of an RSS/Atom document in document order; [] when ``body`` is not a feed."""
    root = parse_xml(body)
    if root is None or local(root) not in ("rss", "feed", "rdf"):
        return []
    atom = local(root) == "feed"
    channel = child(root, "channel") if not atom else root
    feed_lang = root.get(_XML_LANG) or (
        child_text(channel, "language") if channel is not None else None
    )
    items = [el for el in root.iter() if local(el) in ("item", "entry")]
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in items:
        url = _item_url(item, atom)
        if not url:
            continue
        url = urljoin(base_url, url.strip())
        if url in seen:
            continue
        seen.add(url)
        published_text, published = _first_date(item, _PUBLISHED)
        modified_text, modified = _first_date(item, _UPDATED)
        entries.append(
            Entry(
                url=url,
                source="rss",
                title=child_text(item, "title"),
                published=published,
                modified=modified,
                language=item.get(_XML_LANG) or child_text(item, "language") or feed_lang,
                published_text=published_text,
                modified_text=modified_text,
            )
        )
    logger.debug("feed %s: %d entries", base_url, len(entries))
    return entries
