"""QNA (Qatar News Agency) — وكالة الأنباء القطرية (qna.org.qa), Qatar's state news agency.

SharePoint-era URL shape (News-Area/News/YYYY-MM/DD/slug) kept beside the newer news-details?id=
form.

Evidence (where each URL was seen):
- https://www.qna.org.qa/: home page in public source lists (GitHub); article URLs seen:
  /en/News-Area/News/2024-06/11/<slug>, /en/news/news-details?id=…&date=….
- https://www.qna.org.qa/ar/news [unverified]: Arabic listing path not seen in public sources.
"""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources
from newsbot.portals.qa import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="qna",
    name="وكالة الأنباء القطرية",
    domains=("qna.org.qa",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.qna.org.qa/",),
    sources=Sources(
        listings=(Listing(url="https://www.qna.org.qa/ar/news", max_pages=3),),
    ),
    article_allow=(
        r"/ar[-A-Za-z]*/News-Area/News/\d{4}-\d{2}/\d{1,2}/",
        r"/ar/news/news-details\?id=",
    ),
    schedule_minutes=15,
    unverified=("https://www.qna.org.qa/ar/news",),
)
