"""Echorouk Online — الشروق أونلاين (echoroukonline.com), Algiers daily El Chourouk's news site.

Article URLs are a bare Arabic slug under the root. Body text is one block split by <br><br>;
<time datetime> is local Algiers time without offset
(tests/fixtures/pages/generic/echorouk_br_split.html).

Evidence (where each URL was seen):
- https://www.echoroukonline.com/: start page of the site (anchors robots.txt).
- https://www.echoroukonline.com/feed: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); seen in 10+ Algerian feed lists (with and without the
  trailing slash).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.dz import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="echorouk",
    name="الشروق أونلاين",
    domains=("echoroukonline.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.echoroukonline.com/",),
    sources=Sources(
        rss=("https://www.echoroukonline.com/feed",),
    ),
    article_allow=(
        r"^https?://(?:www\.)?echoroukonline\.com/[^/?#]*[\u0600-\u06ff%][^/?#]*/?(?:[?#]|$)",
    ),
    article_deny=(
        r"/(?:category|tag|author|page)/",
        r"/feed",
    ),
    schedule_minutes=30,
)
