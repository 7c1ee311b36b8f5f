"""Hespress — هسبريس (hespress.com), Moroccan news site (Rabat), the country's most read Arabic portal.

WordPress theme: ``h1.post-title``, byline in ``span.author``, tags ``rel=tag``; the header top
bar prints today's date (see tests/fixtures/pages/generic/hespress_wordpress.html).

Evidence (where each URL was seen):
- https://www.hespress.com/: start page of the site (anchors robots.txt).
- https://www.hespress.com/feed: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); seen in 8+ Moroccan feed lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.ma import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="hespress",
    name="هسبريس",
    domains=("hespress.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.hespress.com/",),
    sources=Sources(
        rss=("https://www.hespress.com/feed",),
    ),
    article_allow=(r"/[^/?#]+-\d{5,}\.html(?:[?#]|$)",),
    article_deny=(r"/(?:tag|author|videos?)/",),
    schedule_minutes=30,
)
