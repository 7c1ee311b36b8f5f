"""Petra (Jordan News Agency) — وكالة الأنباء الأردنية (بترا) (petra.gov.jo), Jordan's state news agency.

JSP site; dispatches begin 'عمان ... (بترا) -'.

Evidence (where each URL was seen):
- https://petra.gov.jo/: home page in public source lists (GitHub).
- https://www.petra.gov.jo/rss.xml: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 2 lists (an older one has /RSS.aspx).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.jo import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="petra",
    name="وكالة الأنباء الأردنية (بترا)",
    domains=("petra.gov.jo",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://petra.gov.jo/",),
    sources=Sources(
        rss=("https://www.petra.gov.jo/rss.xml",),
    ),
    article_allow=(
        r"/Include/InnerPage\.jsp\?ID=\d+&lang=ar",
        r"/ar/news/[^?#]*\d+",
    ),
    schedule_minutes=15,
)
