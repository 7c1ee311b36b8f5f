"""Okaz — عكاظ (okaz.com.sa), Jeddah daily.

Next.js: the article may be only in __NEXT_DATA__ (pageProps.article) with an empty shell
page, which the generic extractor reads (tests/fixtures/pages/generic/okaz_nextjs_only.html).

Evidence (where each URL was seen):
- https://www.okaz.com.sa/: start page of the site (anchors robots.txt).
- https://www.okaz.com.sa/rssFeed/0: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 4 lists (section feeds /rssFeed/1, /4, /190 also quoted).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.sa import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="okaz",
    name="عكاظ",
    domains=("okaz.com.sa",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.okaz.com.sa/",),
    sources=Sources(
        rss=("https://www.okaz.com.sa/rssFeed/0",),
    ),
    article_allow=(r"/news/[a-z-]+/\d+",),
)
