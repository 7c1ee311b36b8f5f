"""Almadenah News — المدينة نيوز (almadenahnews.com), Amman news site.

No JSON-LD and no machine-readable date: only the visible "تم نشره <day> 24 نيسان / أبريل
2020 09:22 مساءً" (double Levantine/standard month names, 12-hour clock, Amman time). og:url
points to a bare IP address (the canonical link is right) and og:title has the
"المدينة نيوز - " prefix, so the <h1> wins. The body is one <p> split by <br>; it opens with the
site prefix "المدينة نيوز :-" and may end with an agency sign-off line "--(بترا)".

Evidence (where each URL was seen):
- https://www.almadenahnews.com/: start page of the site (anchors robots.txt).
- https://www.almadenahnews.com/rss: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-almadenahnews-1588107198.html.
- https://www.almadenahnews.com/category/عربي-ودولي: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-almadenahnews-1588107198.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.jo import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="almadenahnews",
    name="المدينة نيوز",
    domains=("almadenahnews.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.almadenahnews.com/",),
    sources=Sources(
        rss=("https://www.almadenahnews.com/rss",),
        listings=(
            Listing(
                url="https://www.almadenahnews.com/category/عربي-ودولي",
                next_page="ul.pagination li.active + li a::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/article/\d+-",),
    article_deny=(r"/category/", r"/rss"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("div#main_article_content div.main_artlce_title h1",),
                body=("div#main_article_content div.main_article_body",),
                remove=(
                    "div.fb-like",
                    "xpath://div[@class='main_article_body']//span"
                    "[starts-with(normalize-space(.), '--(')]",
                ),
                published=("div#main_article_content div.article_created",),
                byline=(
                    "xpath://div[@class='main_article_body']//span"
                    "[starts-with(normalize-space(.), '--(')]",
                ),
                section=(
                    "xpath://div[contains(@class, 'news-box')][.//div[@id='main_article_content']]"
                    "/div[@class='boxTitle']/a",
                ),
                related=("div.related-news div.newsTitle",),
            ),
            prefer_selectors=("title",),
        ),
    ),
    agencies=("بترا",),
    related_labels=("مواضيع ذات علاقة",),
    download_delay=1.5,
    concurrency=1,
)
