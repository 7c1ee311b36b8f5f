"""Al Arabiya — العربية (alarabiya.net), Al Arabiya news channel's site (Dubai).

JSON-LD NewsArticle; live blogs under the same URL shape.

Evidence (where each URL was seen):
- https://www.alarabiya.net/: start page of the site (anchors robots.txt).
- https://www.alarabiya.net/feed/rss2/ar.xml: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); 3 lists (others: /.mrss/ar.xml, /feed/rss2); one
  notes 403 for cloud IPs.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="alarabiya",
    name="العربية",
    domains=("alarabiya.net",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Asia/Dubai",
    start_urls=("https://www.alarabiya.net/",),
    sources=Sources(
        rss=("https://www.alarabiya.net/feed/rss2/ar.xml",),
    ),
    article_allow=(r"/[a-z-]+(?:/[a-z-]+)?/\d{4}/\d{2}/\d{2}/[^/?#]+",),
    article_deny=(r"/(?:videos?|programs|tags)/",),
    schedule_minutes=15,
)
