"""Al Ayam — الأيام (alayam.com), Bahraini daily.

ASP.NET; og tags plus visible date.

Evidence (where each URL was seen):
- https://www.alayam.com/: article and e-paper URLs on it quoted in public code (GitHub):
  /Article/alayam-article/414597/Index.html, /epaper.
- https://www.alayam.com/rss [unverified]: one public feed list (GitHub).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.bh import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alayam",
    name="الأيام",
    domains=("alayam.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.alayam.com/",),
    sources=Sources(
        rss=("https://www.alayam.com/rss",),
    ),
    article_allow=(r"/Article/[a-z-]+/\d+/Index\.html",),
    unverified=("https://www.alayam.com/rss",),
)
