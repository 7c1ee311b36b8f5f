"""Al-Akhbar Info — الأخبار (alakhbar.info), Mauritanian independent news agency.

Drupal (``?q=node/N``).

Evidence (where each URL was seen):
- https://alakhbar.info/: home page in public source lists; public scrapers fetch
  https://alakhbar.info/?q=node/N (GitHub).
- https://www.alakhbar.info/latest: start URL of a public crawler config (GitHub).
"""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources
from newsbot.portals.mr import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alakhbar",
    name="الأخبار",
    domains=("alakhbar.info",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://alakhbar.info/",),
    sources=Sources(
        listings=(
            Listing(
                url="https://www.alakhbar.info/latest",
                next_page="li.pager-next a::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(
        r"\?q=node/\d+",
        r"alakhbar\.info/node/\d+",
    ),
)
