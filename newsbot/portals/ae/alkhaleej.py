"""Al Khaleej — الخليج (alkhaleej.ae), Sharjah daily.

Drupal 10: no JSON-LD nor article:published_time; <time datetime> in UTC (Z) while the text
shows UAE time; byline 'city: name'
(tests/fixtures/pages/generic/alkhaleej_drupal_utc_time.html).

Evidence (where each URL was seen):
- https://www.alkhaleej.ae/: start page of the site (anchors robots.txt).
- https://www.alkhaleej.ae/rss: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 6+ lists (some /rss.xml, /rss/feed.xml).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.ae import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alkhaleej",
    name="الخليج",
    domains=("alkhaleej.ae",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.alkhaleej.ae/",),
    sources=Sources(
        rss=("https://www.alkhaleej.ae/rss",),
    ),
    article_allow=(r"/\d{4}-\d{2}-\d{2}/[^/?#]+/[^/?#]+/[^/?#]+",),
)
