"""CNN Arabic — CNN بالعربية (arabic.cnn.com), CNN's Arabic service (Atlanta / Abu Dhabi).

The saved page is the 2013 template (``cnn_*`` classes, no JSON-LD, no published meta): the
publication day is only in the URL (/2013/middle_east/8/3/...); the only visible stamp is the
last-update time "آخر تحديث 14:00 (GMT+0400)". The site writes times in GMT+4 (its Arabic
desk is in the UAE), hence Asia/Dubai. The body opens with the dateline and house credit
"دمشق، سوريا (CNN) --". The first <h1> is the site banner. Section = highlighted nav item.

Evidence (where each URL was seen):
- https://arabic.cnn.com/: start page of the site (anchors robots.txt).
- https://arabic.cnn.com/api/v1/rss/rss.xml: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); 10+ lists.
- https://arabic.cnn.com/sitemap.xml: sitemap_url in 2 public crawler configs (GitHub).
- https://arabic.cnn.com/middle-east: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-albayan-1623715966.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="cnnarabic",
    name="CNN بالعربية",
    domains=("arabic.cnn.com",),
    country=COUNTRY,
    date_locale="ar",
    timezone="Asia/Dubai",
    start_urls=("https://arabic.cnn.com/",),
    sources=Sources(
        rss=("https://arabic.cnn.com/api/v1/rss/rss.xml",),
        sitemaps=("https://arabic.cnn.com/sitemap.xml",),
        listings=(
            Listing(
                url="https://arabic.cnn.com/middle-east",
                next_page="a[rel='next']::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(
        r"/\d{4}/[a-z_.]+/\d{1,2}/\d{1,2}/[^/?#]+/index\.html(?:[?#]|$)",
        r"/[a-z-]+/article/\d{4}/\d{2}/\d{2}/[^/?#]+(?:[?#]|$)",
    ),
    article_deny=(r"/video/", r"/gallery/", r"/rss/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("div.cnn_storyarea > h1", "h1"),
                body=("div.cnn_storyarea div.cnn_strycntntrgt",),
                remove=(
                    "div.cnn_stryimg640",
                    "div.cnn_divline",
                    "div.cnn_divline ~ div",
                    ".fb-comments",
                ),
                modified=("div.cnn_strytmstmp",),
                section=("a.nav-on",),
            ),
        ),
    ),
    agencies=("CNN",),
    download_delay=1.0,
    concurrency=2,
)
