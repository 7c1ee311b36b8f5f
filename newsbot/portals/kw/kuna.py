"""KUNA (Kuwait News Agency) — وكالة الأنباء الكويتية (كونا) (kuna.net.kw), Kuwait's state news agency.

ASP.NET site; agency text without personal byline.

Evidence (where each URL was seen):
- https://www.kuna.net.kw/Default.aspx?language=ar: used by public connectors/tests (GitHub);
  articles ArticleDetails.aspx?id=N&language=….
- https://www.kuna.net.kw/rss.aspx [unverified]: public lists disagree (rss.aspx, RSS.aspx,
  rss/rssfeeds.aspx?l=ar, feeds/rss.aspx).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.kw import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="kuna",
    name="وكالة الأنباء الكويتية (كونا)",
    domains=("kuna.net.kw",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.kuna.net.kw/Default.aspx?language=ar",),
    sources=Sources(
        rss=("https://www.kuna.net.kw/rss.aspx",),
    ),
    article_allow=(r"/ArticleDetails\.aspx\?id=\d+&language=ar",),
    schedule_minutes=15,
    unverified=("https://www.kuna.net.kw/rss.aspx",),
)
