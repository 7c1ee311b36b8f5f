"""Anadolu Agency Arabic — الأناضول (aa.com.tr), Turkey's state news agency, Arabic service.

Only /ar/ URLs; ``div.detay-icerik-text``; credit line 'city/ الأناضول'
(tests/fixtures/pages/generic/anadolu_slash_dateline.html).

Evidence (where each URL was seen):
- https://www.aa.com.tr/ar: start page of the site (anchors robots.txt).
- https://www.aa.com.tr/ar/rss/default?cat=guncel: quoted in public GitHub code (RSS/news
  aggregator source lists, GitHub code index, Dec 2026); 4 lists (others: ?cat=live,
  default.aspx).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="anadolu",
    name="الأناضول",
    domains=("aa.com.tr",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Europe/Istanbul",
    start_urls=("https://www.aa.com.tr/ar",),
    sources=Sources(
        rss=("https://www.aa.com.tr/ar/rss/default?cat=guncel",),
    ),
    article_allow=(r"/ar/[^/?#]+/[^/?#]+/\d{6,}",),
    schedule_minutes=15,
)
