"""Akhbar El-Yom gate — بوابة أخبار اليوم (akhbarelyom.com), Cairo.

Server-rendered HTML, no JSON-LD. ``article:published_time`` holds the Arabic display string
("الأربعاء، 07 أكتوبر 2020 - 12:09 م"), Cairo wall time. The header clock
("القاهرة: ...") is the time the page was served and is never a date source. The author is a
link to the editor page without a "كتب" prefix.

Evidence (where each URL was seen):
- https://akhbarelyom.com/: start page of the site (anchors robots.txt).
- https://akhbarelyom.com/RSS/GetSectionRSS?JournalID=1: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-akhbarelyom-1731695567.html; also quoted in public GitHub
  code (RSS/news aggregator source lists, GitHub code index, Dec 2026).
- https://akhbarelyom.com/news/newssection/36/1/أخبار-الفن: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-akhbarelyom-1731695567.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.eg import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="akhbarelyom",
    name="بوابة أخبار اليوم",
    domains=("akhbarelyom.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://akhbarelyom.com/",),
    sources=Sources(
        rss=("https://akhbarelyom.com/RSS/GetSectionRSS?JournalID=1",),
        listings=(
            Listing(
                url="https://akhbarelyom.com/news/newssection/36/1/أخبار-الفن",
                next_page="ul.pagination li.active + li a::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/news/newdetails/\d+/\d+/",),
    article_deny=(r"/Tags/", r"/Editors/", r"/news/newssection/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("article h1.entry-title",),
                body=("article div.entry-content",),
                remove=("#Related", "[id^='div-gpt-ad']", ".adsbygoogle", ".speakol-widget"),
                published=("article div.post-meta-date",),
                byline=("article div.post-meta-author a",),
                section=(
                    "article nav.breadcrumb li.active a",
                    "article nav.breadcrumb li:last-child a",
                ),
                tags=("article div.post-tags a.post-tags_link",),
                related=("div#Related div.article", "div#Related h4.RelatedNewsHead"),
            ),
        ),
    ),
    related_labels=("إقرأ أيضاً",),
    download_delay=1.0,
    concurrency=2,
)
