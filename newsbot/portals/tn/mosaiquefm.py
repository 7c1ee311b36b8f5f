"""Mosaique FM — موزاييك أف أم (mosaiquefm.net), Tunis radio and news site.

Tunisian month names (جانفي), Tunis wall time, no structured date, no byline; only /ar/ URLs
belong to this portal (tests/fixtures/pages/generic/mosaique_tunisian_months.html).

Evidence (where each URL was seen):
- https://www.mosaiquefm.net/ar: start page of the site (anchors robots.txt).
- https://www.mosaiquefm.net/ar/rss: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 8+ lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.tn import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="mosaiquefm",
    name="موزاييك أف أم",
    domains=("mosaiquefm.net",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.mosaiquefm.net/ar",),
    sources=Sources(
        rss=("https://www.mosaiquefm.net/ar/rss",),
    ),
    article_allow=(r"/ar/[^/?#]+/\d{5,}/[^/?#]+",),
    schedule_minutes=30,
)
