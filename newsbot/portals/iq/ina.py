"""INA (Iraqi News Agency) — وكالة الأنباء العراقية (ina.iq), Iraq's state news agency.

Article URL shape /<id>/<slug> not independently verified.

Evidence (where each URL was seen):
- https://www.ina.iq/: home page in public source lists (GitHub).
- https://www.ina.iq/rss.xml: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 3 lists (others: /rss, /rss.ashx).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.iq import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="ina",
    name="وكالة الأنباء العراقية",
    domains=("ina.iq",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.ina.iq/",),
    sources=Sources(
        rss=("https://www.ina.iq/rss.xml",),
    ),
    article_allow=(
        r"ina\.iq/\d{4,}/[^/?#]+",
        r"ina\.iq/ar/[a-z-]+/\d{4,}",
    ),
    schedule_minutes=15,
)
