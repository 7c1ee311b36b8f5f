"""Al Qabas — القبس (alqabas.com), Kuwaiti daily.

JSON-LD is a top-level array (BreadcrumbList + NewsArticle); 'الأكثر قراءة' sidebar is not
related (tests/fixtures/pages/generic/alqabas_sidebar_related.html).

Evidence (where each URL was seen):
- https://www.alqabas.com/: start page of the site (anchors robots.txt).
- https://www.alqabas.com/rss: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 6+ lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.kw import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alqabas",
    name="القبس",
    domains=("alqabas.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.alqabas.com/",),
    sources=Sources(
        rss=("https://www.alqabas.com/rss",),
    ),
    article_allow=(r"/article/\d+-[^/?#]+",),
)
