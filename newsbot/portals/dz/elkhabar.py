"""El Khabar — الخبر (elkhabar.com), Algiers daily.

No structured dates: '12 جانفي 2025 - 18:20' (Algerian month names); byline 'كتب: name' is the
first paragraph of the body (tests/fixtures/pages/generic/elkhabar_months_byline_in_body.html).

Evidence (where each URL was seen):
- https://www.elkhabar.com/: start page of the site (anchors robots.txt).
- https://www.elkhabar.com/feed/: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 8+ lists (one reports it working).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.dz import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="elkhabar",
    name="الخبر",
    domains=("elkhabar.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.elkhabar.com/",),
    sources=Sources(
        rss=("https://www.elkhabar.com/feed/",),
    ),
    article_allow=(r"/press/article/\d+/[^/?#]+",),
)
