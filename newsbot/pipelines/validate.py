"""ValidatePipeline: drop records that are not Arabic articles, count what is missing.

Required: ``url`` (or ``fetched_url``), ``title``, ``body`` of at least
``NEWSBOT_MIN_BODY_CHARS`` characters, and a share of Arabic letters in the body of at least
``NEWSBOT_MIN_ARABIC_RATIO`` (``newsbot.text.arabic.arabic_ratio``), and (when that limit is
above 0) a ``language`` that is not another Arabic-script language: a Persian or Urdu page is
``not_arabic`` though its letters are Arabic script. A failing record is dropped
with ``DropItem(reason)`` and counted as ``newsbot/<portal>/dropped/<reason>``; reasons:
``missing_url``, ``missing_title``, ``missing_body``, ``short_body``, ``not_arabic``.
A record without ``published`` or ``authors`` is kept and counted as
``newsbot/<portal>/missing/<field>``. Portals tune the limits with
``NEWSBOT_VALIDATE_PORTALS = {"<slug>": {"min_body_chars": 80, "min_arabic_ratio": 0.3}}`` (or
``min_body_chars`` / ``min_arabic_ratio`` attributes on their definition, if the spec has them).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from newsbot.text.arabic import arabic_ratio
from newsbot.text.script import ARABIC_SCRIPT_LANGUAGES

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["GENERIC", "ValidatePipeline", "portal_of"]

logger = logging.getLogger(__name__)

OTHER_SCRIPT_LANGUAGES = ARABIC_SCRIPT_LANGUAGES - {"ar"}
"""Languages whose records are ``not_arabic`` though written in Arabic script."""
GENERIC = "generic"
"""Stats name of records without a portal (same as ``newsbot.spiders.base.GENERIC``)."""
KEPT_BUT_COUNTED = ("published", "authors")
"""Fields whose absence is counted, never a reason to drop."""


def portal_of(adapter: ItemAdapter) -> str:
    """The stats name of a record's portal."""
    return str(adapter.get("portal") or GENERIC)


@dataclass(frozen=True)
class Limits:
    min_body_chars: int
    min_arabic_ratio: float


class ValidatePipeline:
    """Item pipeline (module docstring)."""

    def __init__(self, crawler: Crawler, default: Limits, per_portal: dict[str, Limits]) -> None:
        self.stats = crawler.stats
        self.default = default
        self.per_portal = per_portal

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        settings = crawler.settings
        if not settings.getbool("NEWSBOT_VALIDATE_ENABLED", True):
            raise NotConfigured("NEWSBOT_VALIDATE_ENABLED is off")
        default = Limits(
            settings.getint("NEWSBOT_MIN_BODY_CHARS", 150),
            settings.getfloat("NEWSBOT_MIN_ARABIC_RATIO", 0.5),
        )
        per_portal = {
            slug: Limits(
                int(conf.get("min_body_chars", default.min_body_chars)),
                float(conf.get("min_arabic_ratio", default.min_arabic_ratio)),
            )
            for slug, conf in settings.getdict("NEWSBOT_VALIDATE_PORTALS").items()
        }
        return cls(crawler, default, per_portal)

    def limits(self, portal: str) -> Limits:
        """Limits of a portal: ``NEWSBOT_VALIDATE_PORTALS``, else the portal definition's own
        ``min_body_chars`` / ``min_arabic_ratio`` when it declares them, else the defaults."""
        if portal not in self.per_portal:
            from newsbot import portals

            try:
                spec = portals.get(portal) if portal != GENERIC else None
            except KeyError:  # an unknown slug (UnknownPortal): the defaults
                spec = None
            self.per_portal[portal] = Limits(
                int(getattr(spec, "min_body_chars", None) or self.default.min_body_chars),
                float(getattr(spec, "min_arabic_ratio", None) or self.default.min_arabic_ratio),
            )
        return self.per_portal[portal]

    def _count(self, portal: str, event: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"newsbot/{portal}/{event}")

    def reason(self, adapter: ItemAdapter, limits: Limits) -> str | None:
        """Why the record must be dropped, or None."""
        if not (adapter.get("url") or adapter.get("fetched_url")):
            return "missing_url"
        if not (adapter.get("title") or "").strip():
            return "missing_title"
        body = (adapter.get("body") or "").strip()
        if not body:
            return "missing_body"
        if len(body) < limits.min_body_chars:
            return "short_body"
        if arabic_ratio(body) < limits.min_arabic_ratio:
            return "not_arabic"
        if limits.min_arabic_ratio > 0 and adapter.get("language") in OTHER_SCRIPT_LANGUAGES:
            return "not_arabic"
        return None

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        portal = portal_of(adapter)
        reason = self.reason(adapter, self.limits(portal))
        if reason is not None:
            self._count(portal, f"dropped/{reason}")
            url = adapter.get("url") or adapter.get("fetched_url")
            raise DropItem(f"{reason}: {url}")
        for name in KEPT_BUT_COUNTED:
            if not adapter.get(name):
                self._count(portal, f"missing/{name}")
        self._count(portal, "validated")
        return item
