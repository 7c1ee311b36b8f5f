"""Al-Quds Al-Arabi — القدس العربي (alquds.co.uk), London-based pan-Arab daily.

WordPress; inline 'اقرأ أيضا' teasers; relative visible date
(tests/fixtures/pages/generic/alquds_inline_read_also.html).

Evidence (where each URL was seen):
- https://www.alquds.co.uk/: start page of the site (anchors robots.txt).
- https://www.alquds.co.uk/feed/: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 9+ lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="alquds",
    name="القدس العربي",
    domains=("alquds.co.uk",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Europe/London",
    start_urls=("https://www.alquds.co.uk/",),
    sources=Sources(
        rss=("https://www.alquds.co.uk/feed/",),
    ),
    article_allow=(r"alquds\.co\.uk/[^/?#]*[\u0600-\u06ff%][^/?#]*/?(?:[?#]|$)",),
    article_deny=(r"/(?:tag|author|category|page)/",),
)
