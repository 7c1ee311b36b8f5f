"""LBCI — المؤسسة اللبنانية للإرسال (lbcgroup.tv), Lebanese Broadcasting Corporation International.

ASP.NET pages with JSON-LD (UTC datePublished). The visible headline keeps quotes that og:title
drops, so the <h1> wins. og:url is a generic ".../lbci-lebanon-articles/ar" URL: the canonical
link is right. The "مقالات ذات صلة" block (injectedControl) sits in a hidden holder in the
server HTML and is injected into the text by script; each card appears twice. The tag chips
start with the category chip (the section), followed by search links (the tags).

Evidence (where each URL was seen):
- https://www.lbcgroup.tv/: start page of the site (anchors robots.txt).
- https://www.lbcgroup.tv/Rss/latest-news/ar: Arabic twin of Rss/latest-news/en in a public
  fundus LB publisher config (GitHub).
- https://www.lbcgroup.tv/newssitemap.xml: NewsMap of the same public fundus LB publisher config
  (GitHub).
- https://www.lbcgroup.tv/news/category/29/منوعات/ar: linked from the saved realworld page
  ../shared/realworld/pages/fundus-lbcgroup-2026-01-08.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.lb import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="lbcgroup",
    name="LBCI",
    domains=("lbcgroup.tv",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.lbcgroup.tv/",),
    sources=Sources(
        rss=("https://www.lbcgroup.tv/Rss/latest-news/ar",),
        news_sitemaps=("https://www.lbcgroup.tv/newssitemap.xml",),
        listings=(
            Listing(
                url="https://www.lbcgroup.tv/news/category/29/منوعات/ar",
                next_page="a.next::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/(?:news|sports)/[^/]+/\d+/[^/?#]+/ar(?:[?#]|$)",),
    article_deny=(r"/category/", r"/search/", r"/videos?/", r"/uploadImages/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("h1 span.article_details_title", "h1"),
                body=("div.article_details_body div.LongDesc",),
                remove=("bannerinjection", "controlinjection", ".DimgContainer", ".my-gallery"),
                published=("div.article_details_date",),
                section=("a.article_details_category",),
                tags=(
                    "xpath://div[contains(@class, 'article_details_tags_container')]"
                    "//h3[a[contains(@href, '/search/')]]",
                ),
                related=(
                    "xpath://div[contains(@class, 'injectedControl')]//div[contains(@class, 'card__item')]"
                    "//*[contains(@class, 'u-inheritStyle')][a]",
                ),
            ),
            prefer_selectors=("title",),
        ),
    ),
    related_labels=("مقالات ذات صلة",),
    download_delay=1.0,
    concurrency=2,
)
