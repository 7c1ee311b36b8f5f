"""SUNA (Sudan News Agency) — وكالة السودان للأنباء (suna-sd.net), Sudan's state news agency.

Agency text without personal byline; articles addressed as read?id=N.

Evidence (where each URL was seen):
- https://www.suna-sd.net/: start URL of a public scraper (GitHub, read?id=719877).
- https://www.suna-sd.net/rss [unverified]: one public feed list (GitHub) only.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.sd import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="suna",
    name="وكالة السودان للأنباء",
    domains=("suna-sd.net",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.suna-sd.net/",),
    sources=Sources(
        rss=("https://www.suna-sd.net/rss",),
    ),
    article_allow=(r"/read\?id=\d+",),
    schedule_minutes=30,
    unverified=("https://www.suna-sd.net/rss",),
)
