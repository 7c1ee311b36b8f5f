"""Sky News Arabia — سكاي نيوز عربية (skynewsarabia.com), Abu Dhabi-based news channel's site.

JSON-LD NewsArticle; an AMP version exists (tests/fixtures/pages/generic/amp_skynews.html).

Evidence (where each URL was seen):
- https://www.skynewsarabia.com/: start page of the site (anchors robots.txt).
- https://www.skynewsarabia.com/web/rss: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); 8+ lists (section feeds /web/rss/sport too).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="skynewsarabia",
    name="سكاي نيوز عربية",
    domains=("skynewsarabia.com",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Asia/Dubai",
    start_urls=("https://www.skynewsarabia.com/",),
    sources=Sources(
        rss=("https://www.skynewsarabia.com/web/rss",),
    ),
    article_allow=(r"/[a-z-]+/\d{6,}-[^/?#]+",),
    article_deny=(r"/(?:video|programs|tag)/",),
    schedule_minutes=15,
)
