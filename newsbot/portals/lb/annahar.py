"""Annahar — النهار (annahar.com), Beirut daily.

Nuxt, server-rendered; no structured dates: published as '15-01-2025 | 09:30' (D-M-Y, Beirut
time) (tests/fixtures/pages/generic/annahar_levantine.html).

Evidence (where each URL was seen):
- https://www.annahar.com/: start page of the site (anchors robots.txt).
- https://www.annahar.com/rss: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 8+ lists (one reports 45 items, 200 OK).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.lb import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="annahar",
    name="النهار",
    domains=("annahar.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.annahar.com/",),
    sources=Sources(
        rss=("https://www.annahar.com/rss",),
    ),
    article_allow=(r"/arabic/section/[^/?#]+/\d{14,}/[^/?#]+",),
)
