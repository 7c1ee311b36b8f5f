"""LANA (Libya News Agency) — وكالة الأنباء الليبية (lana.gov.ly), Libya's state news agency.

Plain PHP site: og tags, no JSON-LD; the dispatch ends with the agency signature.

Evidence (where each URL was seen):
- https://lana.gov.ly/: home page in public research notes and link lists (GitHub); articles
  addressed as post.php?id=N&lang=ar.
- https://www.lana.gov.ly/rss [unverified]: one public feed list (GitHub) only.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.ly import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="lana",
    name="وكالة الأنباء الليبية",
    domains=("lana.gov.ly",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://lana.gov.ly/",),
    sources=Sources(
        rss=("https://www.lana.gov.ly/rss",),
    ),
    article_allow=(r"/post\.php\?id=\d+&lang=ar",),
    schedule_minutes=30,
    unverified=("https://www.lana.gov.ly/rss",),
)
