"""Asharq Al-Awsat — الشرق الأوسط (aawsat.com), London-based pan-Arab daily.

Drupal; JSON-LD @graph with '+0300'-style offsets; visible date Hijri + Gregorian, day only
(tests/fixtures/pages/generic/aawsat_hijri_caption.html).

Measured gap of the generic extractor on this template: a body opening with "city: writer"
(not "city: «الشرق الأوسط»") kept that line as text with no dateline; the ``LEAD`` selector reads
it as the byline and removes it from the body (own pages 1 and 2 cover both forms).

Evidence (where each URL was seen):
- https://aawsat.com/: start page of the site (anchors robots.txt).
- https://aawsat.com/feed: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 7+ lists (section feeds /feed/arab-world, /feed/health too).
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Portal, Selectors, Sources
from newsbot.portals.int import COUNTRY

LEAD = (
    "xpath:(//div[contains(@class, 'field--name-body')]/p)[1]"
    "[contains(., ':')][string-length(normalize-space(.)) < 60]"
    "[not(contains(., '.'))][not(contains(., '«'))]"
)
"""First body paragraph when it is a short "city: writer" line (not the "city: «house»" form,
which the generic extractor already reads as a dateline)."""

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
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                # The body's first paragraph "city: writer" (e.g. "عمّان: <name>") is a byline:
                # the generic extractor only knows the "city: «house»" form and keeps it as text.
                byline=(LEAD,),
                remove=(LEAD,),
            ),
        ),
    ),
)
