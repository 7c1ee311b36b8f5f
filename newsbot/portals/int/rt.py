"""RT Arabic — RT Arabic (arabic.rt.com), RT's Arabic service (Moscow).

``div.article__text``; JSON-LD with Moscow offset
(tests/fixtures/pages/generic/rt_amp_img.html).

Evidence (where each URL was seen):
- https://arabic.rt.com/: start page of the site (anchors robots.txt).
- https://arabic.rt.com/rss/: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 10+ lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="rt",
    name="RT Arabic",
    domains=("arabic.rt.com",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Europe/Moscow",
    start_urls=("https://arabic.rt.com/",),
    sources=Sources(
        rss=("https://arabic.rt.com/rss/",),
    ),
    article_allow=(r"arabic\.rt\.com/[a-z_]+/\d{6,}-[^/?#]+",),
    schedule_minutes=30,
)
