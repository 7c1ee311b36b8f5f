"""Asharq Al-Awsat — الشرق الأوسط (aawsat.com), London-based pan-Arab daily.

Drupal; JSON-LD @graph with '+0300'-style offsets; visible date Hijri + Gregorian, day only
(tests/fixtures/pages/generic/aawsat_hijri_caption.html).

Evidence (where each URL was seen):
- https://aawsat.com/: start page of the site (anchors robots.txt).
- https://aawsat.com/feed: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 7+ lists (section feeds /feed/arab-world, /feed/health too).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="aawsat",
    name="الشرق الأوسط",
    domains=("aawsat.com",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Europe/London",
    start_urls=("https://aawsat.com/",),
    sources=Sources(
        rss=("https://aawsat.com/feed",),
    ),
    article_allow=(r"aawsat\.com/[^/?#]+(?:/[^/?#]+)?/\d{6,}-[^/?#]+",),
)
