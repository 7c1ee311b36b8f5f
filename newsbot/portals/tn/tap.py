"""TAP (Tunis Afrique Presse) — وكالة تونس إفريقيا للأنباء (tap.info.tn), Tunisia's state news agency, Arabic service.

Agency dispatches without personal byline. Article URL shape (section + numeric id) not
independently verified.

Evidence (where each URL was seen):
- https://www.tap.info.tn/ar: Arabic home page in public source lists (GitHub).
- https://www.tap.info.tn/ar/rss/tunisia: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); 5 lists (one has /ar/rss).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.tn import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="tap",
    name="وكالة تونس إفريقيا للأنباء",
    domains=("tap.info.tn",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.tap.info.tn/ar",),
    sources=Sources(
        rss=("https://www.tap.info.tn/ar/rss/tunisia",),
    ),
    article_allow=(r"/ar/[^?#]*\d{5,}",),
    schedule_minutes=15,
)
