"""Assabah — الصباح (assabah.com.tn), Tunis daily; Drupal 7 (OpenPublish) with RDFa.

The date is the print-edition date (Maghrebi month names: "الجمعة 8 فيفري 2019"); RDFa
``dc:date`` holds a midnight placeholder, so only the day is meaningful. The byline
("حوار: ..."/"بقلم: ...") is a short bold first paragraph inside the RDFa articleBody. A
highlights subtitle above the image is not body text.

Evidence (where each URL was seen):
- http://www.assabah.com.tn/: start page; fetched by public scrapers (GitHub).
- http://www.assabah.com.tn/rss-feed.xml: linked from the saved realworld page
  ../shared/realworld/pages/trafilatura-assabah-tn.html.
- http://www.assabah.com.tn/sitemap.xml [unverified]: conventional path, not seen in public
  sources.
- http://www.assabah.com.tn/section/الوطني [unverified]: section path not seen in public
  sources.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.tn import COUNTRY, DATE_LOCALE, TIMEZONE

_BODY = "//div[contains(@property, 'articleBody')]"
_BYLINE_P = f"({_BODY}/p[normalize-space(.)])[1][strong][string-length(normalize-space(.)) < 60]"

PORTAL = Portal(
    slug="assabah",
    name="الصباح",
    domains=("assabah.com.tn",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("http://www.assabah.com.tn/",),
    sources=Sources(
        rss=("http://www.assabah.com.tn/rss-feed.xml",),
        sitemaps=("http://www.assabah.com.tn/sitemap.xml",),
        listings=(
            Listing(
                url="http://www.assabah.com.tn/section/الوطني",
                next_page="li.pager-next a::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/article/\d+/",),
    article_deny=(r"/print/\d+", r"/(?:taxonomy|user|comment|section)/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("article h1#page-title", "h1.title"),
                body=(f"xpath:{_BODY}",),
                remove=(f"xpath:{_BYLINE_P}",),
                published=("footer.submitted span.date-display-single",),
                byline=(f"xpath:{_BYLINE_P}",),
            ),
        ),
    ),
    byline_prefixes=("حوار:",),
    render="never",
    download_delay=2.0,
    concurrency=1,
    unverified=(
        "http://www.assabah.com.tn/sitemap.xml",
        "http://www.assabah.com.tn/section/الوطني",
    ),
)
