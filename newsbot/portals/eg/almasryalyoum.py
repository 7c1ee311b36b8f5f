"""Al-Masry Al-Youm — المصري اليوم (almasryalyoum.com), Cairo daily.

JSON-LD author is the outlet (Organization); the visible 'كتب: name' byline names the person
(tests/fixtures/pages/generic/almasry_agency_dateline.html).

Evidence (where each URL was seen):
- https://www.almasryalyoum.com/: start page of the site (anchors robots.txt).
- https://www.almasryalyoum.com/rss/rssfeed: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); 4 lists (others: /rss/rssfeeds, /rss).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.eg import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="almasryalyoum",
    name="المصري اليوم",
    domains=("almasryalyoum.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.almasryalyoum.com/",),
    sources=Sources(
        rss=("https://www.almasryalyoum.com/rss/rssfeed",),
    ),
    article_allow=(r"/news/details/\d+",),
    schedule_minutes=30,
)
