"""Shafaq News — شفق نيوز (shafaq.com), Iraqi news agency and site (Baghdad/Erbil).

Each story opens with the house prefix 'شفق نيوز/' (kept in the body); section names may carry
tatweel (tests/fixtures/pages/generic/shafaq_prefix_double_month.html).

Evidence (where each URL was seen):
- https://shafaq.com/ar: home page in public source lists (GitHub).
- https://shafaq.com/ar/rss.xml: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 4 lists (one has /ar/rss).
- https://shafaq.com/ar/كل-الاخبار: listing_url of a public scraper config (GitHub).
"""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources
from newsbot.portals.iq import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="shafaq",
    name="شفق نيوز",
    domains=("shafaq.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://shafaq.com/ar",),
    sources=Sources(
        rss=("https://shafaq.com/ar/rss.xml",),
        listings=(Listing(url="https://shafaq.com/ar/كل-الاخبار", max_pages=3),),
    ),
    article_allow=(r"shafaq\.com/ar/[^/?#]+/[^/?#]+",),
    article_deny=(r"/ar/(?:tags|author|كل-الاخبار)",),
    schedule_minutes=30,
)
