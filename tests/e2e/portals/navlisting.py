"""Test-only portal declaring two listings of tests/e2e/navsite.py's site without a
``next_page`` selector: pagination is detected (loaded with ``-a portal_file=``)."""

from __future__ import annotations

from newsbot.portals._spec import Listing, Portal, Sources

BASE = "https://nav.test.example"

PORTAL = Portal(
    slug="navlisting",
    name="أخبار الأقسام",
    domains=("nav.test.example",),
    country="int",
    date_locale="ar",
    timezone="Asia/Riyadh",
    sources=Sources(
        listings=(
            Listing(url=f"{BASE}/category/economy/", max_pages=2),  # page-number links
            Listing(url=f"{BASE}/قسم/رياضة/"),  # rel="next"
        ),
    ),
    article_allow=(r"/news/\d{4}/",),
    download_delay=0.0,
    concurrency=8,
)
