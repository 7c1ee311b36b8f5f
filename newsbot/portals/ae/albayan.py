"""Al Bayan — البيان (albayan.ae), Dubai daily (Dubai Media Incorporated); Polopoly CMS.

JSON-LD NewsArticle with ``+0400`` offsets (no colon). Its author is the house credit
"(أبوظبي - البيان)" as a Person, so the visible source line ("المصدر:") is parsed instead:
dateline + outlet, no person. ``itemprop=articleBody`` also wraps the source/date block and the
Google-News promo, which are removed. Related stories are filled by JavaScript (Parse.ly).

Evidence (where each URL was seen):
- https://www.albayan.ae/: start page of the site (anchors robots.txt).
- https://www.albayan.ae/rss-7.1835693: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-albayan-1623715966.html.
- https://www.albayan.ae/across-the-uae/news-and-reports: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-albayan-1623715966.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.ae import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="albayan",
    name="البيان",
    domains=("albayan.ae",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.albayan.ae/",),
    sources=Sources(
        rss=("https://www.albayan.ae/rss-7.1835693",),
        listings=(
            Listing(
                url="https://www.albayan.ae/across-the-uae/news-and-reports",
                next_page="a[rel='next']::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/\d{4}-\d{2}-\d{2}-1\.\d+(?:[?#]|$)",),
    article_deny=(r"/polopoly_fs/", r"/cmlink/", r"/rss-"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("div.articledetails h1.title", "h1[itemprop~='headline']"),
                body=("div#articledetails[itemprop='articleBody']", "div.articlecontent"),
                remove=(
                    "div.metadata",
                    "p.follow-google",
                    "#parsely-related-stories",
                    "div.shareholder",
                ),
                published=("div.publish-date time.published",),
                byline=("div.metadata div.source",),
                section=("ul.breadcrumb li.last-child a", "ul.breadcrumb li:last-child a"),
                related=("#parsely-related-stories",),
            ),
            prefer_selectors=("byline",),
        ),
    ),
    byline_prefixes=("المصدر:",),
    download_delay=1.0,
    concurrency=2,
)
