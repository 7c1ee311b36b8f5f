"""NNA (National News Agency) — الوكالة الوطنية للإعلام (nna-leb.gov.lb), Lebanon's state news agency.

Next.js (RSC payload); server HTML carries og and JSON-LD.

Evidence (where each URL was seen):
- https://www.nna-leb.gov.lb/ar: home page in public source lists; article URLs
  /ar/<section>/<id>/<slug> quoted in public data.
- https://www.nna-leb.gov.lb/ar/rss: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 3 lists.
- https://www.nna-leb.gov.lb/ar/latest-news: listing URL in a public crawler (GitHub).
"""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources
from newsbot.portals.lb import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="nna",
    name="الوكالة الوطنية للإعلام",
    domains=("nna-leb.gov.lb",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.nna-leb.gov.lb/ar",),
    sources=Sources(
        rss=("https://www.nna-leb.gov.lb/ar/rss",),
        listings=(Listing(url="https://www.nna-leb.gov.lb/ar/latest-news", max_pages=3),),
    ),
    article_allow=(
        r"/ar/[a-z-]+/\d+/[^/?#]+",
        r"/ar/news/short/\d+",
    ),
    schedule_minutes=15,
)
