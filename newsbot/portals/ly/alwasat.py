"""Al Wasat — بوابة الوسط (alwasat.ly), Libyan news portal (Cairo/Benghazi).

Drupal-style markup (public scraper selects ``div.mainInBlock > a`` on listings).

Evidence (where each URL was seen):
- https://alwasat.ly/: home page in public Libyan link lists; a public scraper builds article
  URLs from it (GitHub).
- https://alwasat.ly/rss [unverified]: one public source list (GitHub), beside a guessed /feed.
- https://alwasat.ly/news/libya [unverified]: section path shaped like the article URLs seen in
  public notes (/news/art-culture/500996); not seen itself.
"""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources
from newsbot.portals.ly import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alwasat",
    name="بوابة الوسط",
    domains=("alwasat.ly",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://alwasat.ly/",),
    sources=Sources(
        rss=("https://alwasat.ly/rss",),
        listings=(
            Listing(
                url="https://alwasat.ly/news/libya",
                next_page="a[rel='next']::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/news/[a-z-]+/\d+(?:[?#]|$)",),
    unverified=(
        "https://alwasat.ly/rss",
        "https://alwasat.ly/news/libya",
    ),
)
