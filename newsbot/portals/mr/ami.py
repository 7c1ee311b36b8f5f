"""AMI (Agence Mauritanienne d'Information) — الوكالة الموريتانية للأنباء (ami.mr), Mauritania's state news agency, Arabic service.

WordPress-style archive URLs (not independently verified).

Evidence (where each URL was seen):
- https://ami.mr/: home page in a public media directory (GitHub).
- https://ami.mr/ar/ [unverified]: Arabic section path not seen in public sources.
"""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources
from newsbot.portals.mr import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="ami",
    name="الوكالة الموريتانية للأنباء",
    domains=("ami.mr",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://ami.mr/",),
    sources=Sources(
        listings=(Listing(url="https://ami.mr/ar/", max_pages=3),),
    ),
    article_allow=(r"ami\.mr/ar/(?:archives/)?\d+",),
    schedule_minutes=30,
    unverified=("https://ami.mr/ar/",),
)
