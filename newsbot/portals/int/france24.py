"""France 24 Arabic — فرانس 24 (france24.com), France 24's Arabic service (Paris).

One portal per language: only /ar/ URLs are articles of this portal (the domain also serves
fr/en/es).

Evidence (where each URL was seen):
- https://www.france24.com/ar/: start page of the site (anchors robots.txt).
- https://www.france24.com/ar/rss: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 10+ lists (one notes 403 for cloud IPs).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="france24",
    name="فرانس 24",
    domains=("france24.com",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Europe/Paris",
    start_urls=("https://www.france24.com/ar/",),
    sources=Sources(
        rss=("https://www.france24.com/ar/rss",),
    ),
    article_allow=(r"/ar/[^/?#]+/\d{8}-[^/?#]+",),
    article_deny=(r"/ar/(?:video|émissions|برامج)/",),
)
