"""WAFA — وكالة الأنباء والمعلومات الفلسطينية (وفا) (wafa.ps), Palestine's official news agency.

ASP.NET site; English service uses /Regions/Details/N, Arabic articles /Pages/Details/N (shape
not independently verified).

Evidence (where each URL was seen):
- https://www.wafa.ps/: Arabic home page cited in public research notes (GitHub).
- https://www.wafa.ps/rss.xml [unverified]: public feed lists disagree (/rss.xml, /rss); English
  service has english.wafa.ps/rss.xml.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.ps import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="wafa",
    name="وكالة الأنباء والمعلومات الفلسطينية (وفا)",
    domains=("wafa.ps",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.wafa.ps/",),
    sources=Sources(
        rss=("https://www.wafa.ps/rss.xml",),
    ),
    article_allow=(r"/Pages/Details/\d+",),
    schedule_minutes=15,
    unverified=("https://www.wafa.ps/rss.xml",),
)
