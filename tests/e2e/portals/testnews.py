"""Test-only portal for the generated e2e site (loaded with ``-a portal_file=``, not registered)."""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources

BASE = "https://news.test.example"

PORTAL = Portal(
    slug="testnews",
    name="أخبار الاختبار",
    domains=("news.test.example",),
    country="int",
    date_locale="ar",
    timezone="Asia/Riyadh",
    start_urls=(f"{BASE}/",),
    sources=Sources(
        rss=(f"{BASE}/rss.xml",),
        news_sitemaps=(f"{BASE}/news-sitemap.xml",),
        sitemaps=(f"{BASE}/sitemap_index.xml",),
        listings=(
            Listing(
                url=f"{BASE}/section/politics.html", next_page="a.next::attr(href)", max_pages=2
            ),
        ),
    ),
    article_allow=(r"/news/", r"/private/"),
    article_deny=(r"/tag/",),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("h1",),
                body=("div.article-body",),
                related=(".related",),
                tags=(".tags a::text",),
            ),
        ),
    ),
    download_delay=0.0,
    concurrency=4,
)
