"""MENA (Middle East News Agency) — وكالة أنباء الشرق الأوسط (mena.org.eg), Egypt's state news agency.

Agency dispatches; text without personal byline. Article URL shape not independently verified.

Evidence (where each URL was seen):
- https://www.mena.org.eg/: home page in public source lists; public scrapers query
  /search/quick/keywords/<kw>/page/1 (GitHub).
- https://www.mena.org.eg/rss/: 2 public feed lists (GitHub); the English service's /en/rss is
  in 2 more.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.eg import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="mena",
    name="وكالة أنباء الشرق الأوسط",
    domains=("mena.org.eg",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.mena.org.eg/",),
    sources=Sources(
        rss=("https://www.mena.org.eg/rss/",),
    ),
    article_allow=(
        r"/news/dbcall/table/textnews/id/\d+",
        r"/ar/news/[^?#]*\d+",
    ),
    schedule_minutes=15,
)
