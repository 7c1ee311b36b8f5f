"""Enab Baladi — عنب بلدي (enabbaladi.net), Syrian independent news site.

WordPress with a comments thread under the article; byline 'عنب بلدي – name'
(tests/fixtures/pages/generic/enabbaladi_comments_below.html).

Evidence (where each URL was seen):
- https://www.enabbaladi.net/: start page of the site (anchors robots.txt).
- https://www.enabbaladi.net/feed/: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); 9+ lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.sy import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="enabbaladi",
    name="عنب بلدي",
    domains=("enabbaladi.net",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.enabbaladi.net/",),
    sources=Sources(
        rss=("https://www.enabbaladi.net/feed/",),
    ),
    article_allow=(r"enabbaladi\.net/\d{5,}/[^/?#]+/?",),
    article_deny=(r"/(?:tag|author|category)/",),
)
