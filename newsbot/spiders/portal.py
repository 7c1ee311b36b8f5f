"""Portal spiders: the generic ``portal`` spider and one generated spider per registry portal.

    scrapy crawl portal -a portal=youm7 -O articles.jsonl
    scrapy crawl youm7 -a days=2 -a limit=50 -O articles.jsonl

Every class here shares ``NewsbotSpider``; the generated ones only fix ``portal_slug`` and put
the portal's politeness (``download_delay``/``concurrency``) into ``custom_settings`` as
``DOWNLOAD_SLOTS`` for its hosts. A slug equal to another spider's name (``demo``) is served
by that spider instead.
"""

from __future__ import annotations

from typing import Any

from newsbot import portals
from newsbot.spiders.base import NewsbotSpider, portal_slots

RESERVED_NAMES: frozenset[str] = frozenset({"portal", "article", "site", "demo"})
"""Spider names taken by the generic spiders; a portal with such a slug gets no generated class."""


class PortalSpider(NewsbotSpider):
    """Crawl one portal from its declared sources: ``scrapy crawl portal -a portal=<slug>``."""

    name = "portal"


def _class_name(slug: str) -> str:
    return "".join(part.capitalize() for part in slug.split("_")) + "Spider"


def make_portal_spider(portal: portals.Portal) -> type[PortalSpider]:
    """A spider class named after ``portal.slug`` (what ``scrapy list`` shows)."""
    attrs: dict[str, Any] = {
        "name": portal.slug,
        "portal_slug": portal.slug,
        "custom_settings": {"DOWNLOAD_SLOTS": portal_slots(portal)},
        "__module__": __name__,
        "__doc__": f"Crawl {portal.name} ({', '.join(portal.domains)}).",
    }
    return type(_class_name(portal.slug), (PortalSpider,), attrs)


def _generate() -> dict[str, type[PortalSpider]]:
    out: dict[str, type[PortalSpider]] = {}
    for portal in portals.all_portals():
        if portal.slug not in RESERVED_NAMES:
            cls = make_portal_spider(portal)
            out[cls.__name__] = cls
    return out


GENERATED: dict[str, type[PortalSpider]] = _generate()
globals().update(GENERATED)
