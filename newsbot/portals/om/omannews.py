"""ONA (Oman News Agency) — وكالة الأنباء العمانية (omannews.gov.om), Oman's state news agency.

Dispatches open 'Muscat, date (ONA) ---' in English; Arabic ones 'مسقط في ... /العُمانية/'.

Evidence (where each URL was seen):
- https://omannews.gov.om/: article URLs quoted in public notes (GitHub):
  /topics/en/79/show/126638.
- https://omannews.gov.om/rss: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 3 lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.om import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="omannews",
    name="وكالة الأنباء العمانية",
    domains=("omannews.gov.om",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://omannews.gov.om/",),
    sources=Sources(
        rss=("https://omannews.gov.om/rss",),
    ),
    article_allow=(r"/topics/ar/\d+/show/\d+",),
    schedule_minutes=15,
)
