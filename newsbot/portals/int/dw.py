"""DW Arabic — DW عربية (dw.com), Deutsche Welle's Arabic service (Bonn/Berlin).

Only /ar/ URLs; visible date in Arabic-Indic digits; text ends with editors' initials sign-off
(tests/fixtures/pages/generic/dw_indic_digits_signoff.html).

Evidence (where each URL was seen):
- https://www.dw.com/ar/: start page of the site (anchors robots.txt).
- https://rss.dw.com/rdf/rss-ar-all: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 8+ lists (others: rss-ar-top, rss-ar-sci).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="dw",
    name="DW عربية",
    domains=("dw.com",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Europe/Berlin",
    start_urls=("https://www.dw.com/ar/",),
    sources=Sources(
        rss=("https://rss.dw.com/rdf/rss-ar-all",),
    ),
    article_allow=(r"/ar/[^/?#]+/a-\d+",),
    article_deny=(r"/ar/[^/?#]+/(?:av|g|s)-\d+",),
)
