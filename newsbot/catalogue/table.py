"""The catalogue table of ``scrapy portals`` and the plain-text table renderer.

``catalogue_rows(portals)`` -> one dict per portal (slug, name, country, zone, source counts by
kind, render, schedule interval, unverified URLs); ``render_catalogue`` prints them aligned,
``catalogue_json`` as JSON with the full URL lists. Pure functions, no crawling.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from newsbot.portals import Portal

CATALOGUE_HEADERS: tuple[str, ...] = (
    "slug",
    "name",
    "country",
    "zone",
    "rss",
    "news",
    "sitemap",
    "listing",
    "render",
    "every",
    "unverified",
)


def display_width(text: str) -> int:
    """Terminal columns of ``text``: combining marks (Arabic harakat) take none, wide CJK two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def render_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Left-aligned columns separated by two spaces, a dashed rule under the header."""
    body = [[str(c).replace("\n", " ") for c in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=False)]
        return "  ".join(padded).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in body]
    return "\n".join(out) + "\n"


def every(minutes: int) -> str:
    """A schedule interval for people: ``15m``, ``2h``, ``1h30m``, ``1d``."""
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{mins}m" if mins else ""]
    return "".join(parts) or "0m"


def catalogue_row(portal: Portal) -> dict[str, Any]:
    """The catalogue facts of one portal (JSON-ready)."""
    src = portal.sources
    return {
        "slug": portal.slug,
        "name": portal.name,
        "country": portal.country,
        "zone": portal.timezone,
        "locale": portal.date_locale,
        "domains": list(portal.domains),
        "sources": {
            "rss": list(src.rss),
            "news_sitemaps": list(src.news_sitemaps),
            "sitemaps": list(src.sitemaps),
            "listings": [lst.url for lst in src.listings],
        },
        "render": portal.render,
        "schedule_minutes": portal.schedule_minutes,
        "unverified": list(portal.unverified),
        "enabled": portal.enabled,
    }


def catalogue_rows(portals: Iterable[Portal]) -> list[dict[str, Any]]:
    return [catalogue_row(p) for p in portals]


def render_catalogue(rows: Iterable[dict[str, Any]]) -> str:
    """The aligned catalogue table; a disabled portal's name says so."""
    cells = []
    for r in rows:
        s = r["sources"]
        cells.append(
            [
                r["slug"],
                r["name"] if r["enabled"] else f"{r['name']} (disabled)",
                r["country"],
                r["zone"],
                str(len(s["rss"])),
                str(len(s["news_sitemaps"])),
                str(len(s["sitemaps"])),
                str(len(s["listings"])),
                r["render"],
                every(r["schedule_minutes"]),
                str(len(r["unverified"])) if r["unverified"] else "-",
            ]
        )
    return render_table(CATALOGUE_HEADERS, cells)


def render_unverified(rows: Iterable[dict[str, Any]]) -> str:
    """``slug  URL`` lines of every unverified URL (empty string when there is none)."""
    lines = [f"{r['slug']}  {url}" for r in rows for url in r["unverified"]]
    return "\n".join(lines) + "\n" if lines else ""


def catalogue_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
