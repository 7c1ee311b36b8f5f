"""SPA (Saudi Press Agency) — وكالة الأنباء السعودية (واس) (spa.gov.sa), Saudi Arabia's state news agency.

Script-built front end (a public scraper drives a browser for it); render=auto in case the server
HTML carries only the shell.

Evidence (where each URL was seen):
- https://www.spa.gov.sa/: home page loaded by public scrapers (GitHub); article URLs
  /<id>?lang=ar&newsid=<id> (old) and /N<id> (current).
- https://www.spa.gov.sa/rss.xml [unverified]: public feed lists disagree (/rss, /rss.xml,
  /rss/feedAll.rss; one reports it empty).
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.sa import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="spa",
    name="وكالة الأنباء السعودية (واس)",
    domains=("spa.gov.sa",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.spa.gov.sa/",),
    sources=Sources(
        rss=("https://www.spa.gov.sa/rss.xml",),
    ),
    article_allow=(r"spa\.gov\.sa/N?\d{5,}(?:[?#]|$)",),
    render="auto",
    schedule_minutes=15,
    unverified=("https://www.spa.gov.sa/rss.xml",),
)
