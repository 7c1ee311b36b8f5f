"""SANA (Syrian Arab News Agency) — الوكالة العربية السورية للأنباء (سانا) (sana.sy), Syria's state news agency.

WordPress (?feed=rss2, ?p=N); agency text without personal byline.

Evidence (where each URL was seen):
- https://sana.sy/: home page in public source lists (GitHub).
- https://sana.sy/?feed=rss2: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 4 lists (one has /ar/?feed=rss2).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.sy import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="sana",
    name="الوكالة العربية السورية للأنباء (سانا)",
    domains=("sana.sy",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://sana.sy/",),
    sources=Sources(
        rss=("https://sana.sy/?feed=rss2",),
    ),
    article_allow=(
        r"sana\.sy/(?:ar/)?\?p=\d+",
        r"sana\.sy/(?:ar/)?[a-z-]+/\d{5,}/?",
    ),
    schedule_minutes=15,
)
