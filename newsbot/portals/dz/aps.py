"""APS (Algérie Presse Service) — وكالة الأنباء الجزائرية (aps.dz), Algeria's state news agency, Arabic service.

Joomla + K2 (image paths /ar/media/k2/items/cache/..., seen in public code); K2 article blocks
``div.itemFullText``.

Evidence (where each URL was seen):
- https://www.aps.dz/ar/: fetched by public scrapers on GitHub
  (requests.get('https://www.aps.dz/ar')).
- https://www.aps.dz/ar/feed: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); seen in 4 Algerian feed lists (one lists /ar/rss instead).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.dz import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="aps",
    name="وكالة الأنباء الجزائرية",
    domains=("aps.dz",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.aps.dz/ar/",),
    sources=Sources(
        rss=("https://www.aps.dz/ar/feed",),
    ),
    article_allow=(r"/ar/[a-z-]+(?:/[a-z-]+)?/\d+-[^/?#]+",),
    article_deny=(r"/ar/(?:component|media)/",),
    schedule_minutes=15,
)
