"""Masrawy — مصراوي (masrawy.com), Cairo news portal.

No JSON-LD or article:published_time: visible date 'السبت 11 يناير 2025 - 11:40 ص'; inline 'اقرأ
أيضًا' teasers inside the body (tests/fixtures/pages/generic/masrawy_inline_teasers.html).

Evidence (where each URL was seen):
- https://www.masrawy.com/: start page of the site (anchors robots.txt).
- https://www.masrawy.com/rss/feed/25/أخبار: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); the /rss/feed/<id>/<name> shape appears in 4 lists
  and in a public test.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.eg import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="masrawy",
    name="مصراوي",
    domains=("masrawy.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.masrawy.com/",),
    sources=Sources(
        rss=("https://www.masrawy.com/rss/feed/25/أخبار",),
    ),
    article_allow=(r"/news/[a-z_]+/details/\d{4}/\d{1,2}/\d{1,2}/\d+/",),
    schedule_minutes=30,
)
