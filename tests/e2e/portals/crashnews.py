"""Test-only portal for the crash-test site (tests/e2e/crashsite.py; ``-a portal_file=``)."""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources

BASE = "https://crash.test.example"

PORTAL = Portal(
    slug="crashnews",
    name="أخبار اختبار الانقطاع",
    domains=("crash.test.example",),
    country="int",
    date_locale="ar",
    timezone="Asia/Riyadh",
    sources=Sources(
        rss=(f"{BASE}/rss.xml",),
        sitemaps=(f"{BASE}/sitemap_index.xml",),
        listings=(
            Listing(url=f"{BASE}/section/p1.html", next_page="a.next::attr(href)", max_pages=1000),
        ),
    ),
    article_allow=(r"/news/",),
    download_delay=0.0,
    concurrency=8,
)
