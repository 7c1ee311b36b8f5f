"""Saba (Yemen News Agency) — وكالة الأنباء اليمنية سبأ (sabanew.net), Yemen's state news agency (government seat Aden).

Story text in ``div#content`` (a public full-text config uses //div[@id="content"]). The Sanaa-
run saba.ye is a different site.

Evidence (where each URL was seen):
- https://www.sabanew.net/: home page in public source lists; article URLs /viewstory/N in
  public data and a public full-text config (GitHub).
- https://www.sabanew.net/rss.php?lang=ar [unverified]: one public feed list (GitHub).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.ye import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="saba",
    name="وكالة الأنباء اليمنية سبأ",
    domains=("sabanew.net",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.sabanew.net/",),
    sources=Sources(
        rss=("https://www.sabanew.net/rss.php?lang=ar",),
    ),
    article_allow=(r"/viewstory/\d+",),
    schedule_minutes=30,
    unverified=("https://www.sabanew.net/rss.php?lang=ar",),
)
