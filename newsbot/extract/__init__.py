"""Extraction core: one saved article page -> one clean ``Article`` record.

Layers, cheapest and most reliable first: JSON-LD, OpenGraph/<meta>/microdata/RDFa/<time>,
portal selectors (``Portal.layout_for(date).selectors``), a generic main-text reader with
trafilatura as the last resort, then the Arabic clean-up of the body (ads, "اقرأ أيضاً" blocks,
share labels, captions, byline/date lines, tag lists, "المصدر:" credits).

API::

    extract_response(response, portal=None, *, stats=None, hints=None, now=None) -> Article
    extract_article(html, url, *, portal=None, headers=None) -> dict
    classify(article, response) -> str | None
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy.http import TextResponse

from newsbot.extract._deps import portal_by_slug, portal_for_url
from newsbot.extract.classify import classify
from newsbot.extract.core import extract
from newsbot.extract.encoding import build_response
from newsbot.items import Article

__all__ = ["classify", "extract_article", "extract_response", "resolve_portal"]


def resolve_portal(url: str, portal: Any = None) -> Any:
    """A Portal from a slug, a Portal, or the registry entry for ``url`` (None = generic)."""
    if portal is None:
        try:
            return portal_for_url(url)
        except Exception:  # a broken registry must not stop offline extraction
            return None
    if isinstance(portal, str):
        return portal_by_slug(portal)
    return portal


def extract_response(
    response: TextResponse,
    portal: Any = None,
    *,
    stats: Any = None,
    hints: Mapping[str, Any] | None = None,
    now: datetime | None = None,
) -> Article:
    """The Article of ``response`` (``portal`` None: generic extraction, no registry lookup)."""
    return extract(response, portal, stats=stats, hints=hints, now=now)


def extract_article(
    html: bytes | str,
    url: str,
    *,
    portal: str | None = None,
    headers: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The record of one saved page, exactly as the spider's loader produces it (as a dict).

    ``portal`` None looks the portal up by URL (generic extraction when none owns it); an
    unknown slug raises KeyError.
    """
    response = build_response(html, url, headers)
    article = extract(response, resolve_portal(url, portal), now=now)
    return {key: _plain(value) for key, value in ItemAdapter(article).items()}


_SCALARS = (str, int, float, bool)


def _plain(value: Any) -> Any:
    """``ItemAdapter.asdict`` of one field value; strings, numbers and None are returned as
    they are without asking every item adapter whether they are items (they never are)."""
    if value is None or type(value) in _SCALARS:
        return value
    return ItemAdapter._asdict(value)
