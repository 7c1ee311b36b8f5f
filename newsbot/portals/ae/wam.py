"""WAM (Emirates News Agency) — وكالة أنباء الإمارات (وام) (wam.ae), UAE's state news agency.

A public research note reports a WAM body rendered by JavaScript, hence render=auto.

Evidence (where each URL was seen):
- https://www.wam.ae/ar: Arabic article URLs /ar/article/<id>-<slug> and /ar/details/<id> quoted
  in public code and tests (GitHub).
- https://www.wam.ae/ar/rss: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 4 lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.ae import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="wam",
    name="وكالة أنباء الإمارات (وام)",
    domains=("wam.ae",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.wam.ae/ar",),
    sources=Sources(
        rss=("https://www.wam.ae/ar/rss",),
    ),
    article_allow=(
        r"/ar/article/[a-z0-9]+-[^/?#]+",
        r"/ar/details/\d+",
    ),
    render="auto",
    schedule_minutes=15,
)
