"""Al Rakoba — الراكوبة (alrakoba.net), Sudanese news site.

Old table template in windows-1256 declared only by <meta http-equiv>, <br><br>-separated text,
DMY date with مساءً (tests/fixtures/pages/generic/alrakoba_cp1256_meta_only.html); newer posts
use WordPress-style numeric paths.

Evidence (where each URL was seen):
- https://www.alrakoba.net/: start page of the site (anchors robots.txt).
- https://www.alrakoba.net/feed: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); seen in 2 Sudanese feed lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.sd import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alrakoba",
    name="الراكوبة",
    domains=("alrakoba.net",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.alrakoba.net/",),
    sources=Sources(
        rss=("https://www.alrakoba.net/feed",),
    ),
    article_allow=(
        r"/news-action-show-id-\d+\.htm",
        r"alrakoba\.net/\d{5,}/[^/?#]+/?(?:[?#]|$)",
    ),
)
