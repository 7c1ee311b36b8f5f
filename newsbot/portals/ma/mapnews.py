"""MAP (Maghreb Arabe Presse) — وكالة المغرب العربي للأنباء (mapnews.ma), Morocco's state news agency, Arabic service.

Agency dispatches carry no personal byline. The article URL shape
/ar/actualites/<section>/<slug> is not independently verified.

Evidence (where each URL was seen):
- https://www.mapnews.ma/ar/: home page linked in several public Moroccan link lists (GitHub).
- https://www.mapnews.ma/ar/rss.xml: quoted in public GitHub code (RSS/news aggregator source
  lists, GitHub code index, Dec 2026); seen in 5+ Moroccan feed lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.ma import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="mapnews",
    name="وكالة المغرب العربي للأنباء",
    domains=("mapnews.ma",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.mapnews.ma/ar/",),
    sources=Sources(
        rss=("https://www.mapnews.ma/ar/rss.xml",),
    ),
    article_allow=(r"/ar/actualites/[^/?#]+/[^/?#]+",),
    article_deny=(r"/ar/(?:videos|photos|tags)/",),
    schedule_minutes=15,
)
