"""Independent Arabia — اندبندنت عربية (independentarabia.com), London-based Arabic edition of The Independent.

Drupal; <time datetime> in UTC while the visible text shows Riyadh time
(tests/fixtures/pages/generic/independentarabia_utc_next_day.html).

Evidence (where each URL was seen):
- https://www.independentarabia.com/: start page of the site (anchors robots.txt).
- https://www.independentarabia.com/rss.xml: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); 7+ lists (some /rss).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="independentarabia",
    name="اندبندنت عربية",
    domains=("independentarabia.com",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Europe/London",
    start_urls=("https://www.independentarabia.com/",),
    sources=Sources(
        rss=("https://www.independentarabia.com/rss.xml",),
    ),
    article_allow=(r"/node/\d+/[^?#]+",),
)
