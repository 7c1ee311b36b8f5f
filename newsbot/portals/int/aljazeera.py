"""Al Jazeera Net — الجزيرة نت (aljazeera.net), Al Jazeera's Arabic news site (Doha).

JSON-LD author is the house (Organization 'الجزيرة نت + وكالات'); body in ``div.wysiwyg`` with
inline 'اقرأ أيضا' more-on blocks (tests/fixtures/pages/generic/aljazeera_wysiwyg.html).

Evidence (where each URL was seen):
- https://www.aljazeera.net/: start page of the site (anchors robots.txt).
- RSS feed:
  https://www.aljazeera.net/aljazeerarss/a7c186be-1baa-4bd4-9d80-a84db769f779/73d0e1b4-532f-45ef-b135-bfdff8b8cab9
  quoted in public GitHub code (RSS/news aggregator source lists, GitHub code index, Dec 2026);
  4 lists.
"""

from __future__ import annotations

from newsbot.portals._spec import Portal, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="aljazeera",
    name="الجزيرة نت",
    domains=("aljazeera.net",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Asia/Qatar",
    start_urls=("https://www.aljazeera.net/",),
    sources=Sources(
        rss=(
            "https://www.aljazeera.net/aljazeerarss/a7c186be-1baa-4bd4-9d80-a84db769f779/73d0e1b4-532f-45ef-b135-bfdff8b8cab9",
        ),
    ),
    article_allow=(r"/[a-z-]+/\d{4}/\d{1,2}/\d{1,2}/[^/?#]+",),
    article_deny=(r"/(?:video|program|episode|liveblog)/",),
    schedule_minutes=15,
)
