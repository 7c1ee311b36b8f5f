"""Al-Qarn — القرن (alqarn.dj), Djibouti's Arabic-language national daily.

No public feed found; the home page is the only discovery source. Article URL shape (WordPress
dates) not verified.

Evidence (where each URL was seen):
- https://www.alqarn.dj/: home page in public media link lists and a research data set (GitHub).
"""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources
from newsbot.portals.dj import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alqarn",
    name="القرن",
    domains=("alqarn.dj",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.alqarn.dj/",),
    sources=Sources(
        listings=(Listing(url="https://www.alqarn.dj/", max_pages=3),),
    ),
    article_allow=(r"alqarn\.dj/(?:\?p=\d+|\d{4}/\d{2}/\d{2}/[^/?#]+)",),
)
