"""BNA (Bahrain News Agency) — وكالة أنباء البحرين (bna.bh), Bahrain's state news agency.

ASP.NET; article URLs are a squashed title + ``.aspx?cms=<token>``.

Evidence (where each URL was seen):
- https://www.bna.bh/: home page in public source lists (GitHub).
- https://www.bna.bh/rss [unverified]: one public feed list (GitHub); another lists /en/feed/.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.bh import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="bna",
    name="وكالة أنباء البحرين",
    domains=("bna.bh",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.bna.bh/",),
    sources=Sources(
        rss=("https://www.bna.bh/rss",),
    ),
    article_allow=(r"bna\.bh/[^?#]*\.aspx\?cms=",),
    schedule_minutes=15,
    unverified=("https://www.bna.bh/rss",),
)
