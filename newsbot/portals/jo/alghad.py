"""Al Ghad — الغد (alghad.com), Amman daily.

Text in sibling ``div.text-block`` without <p>; Levantine month names; no structured date;
byline 'عمان - الغد' (tests/fixtures/pages/generic/alghad_sibling_divs_levant.html).

Evidence (where each URL was seen):
- https://alghad.com/: start page of the site (anchors robots.txt).
- https://alghad.com/rss: quoted in public GitHub code (RSS/news aggregator source lists, GitHub
  code index, Dec 2026); 6+ lists (with and without www/trailing slash).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.jo import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alghad",
    name="الغد",
    domains=("alghad.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://alghad.com/",),
    sources=Sources(
        rss=("https://alghad.com/rss",),
    ),
    article_allow=(r"/Section/[^/?#]+/[^/?#]+-\d{5,}",),
)
