"""Test-only portal that declares only a home page (``start_urls``): the navigation crawl of
tests/e2e/navsite.py's site (loaded with ``-a portal_file=``, not registered)."""

from __future__ import annotations

from newsbot.portals._spec import Portal

PORTAL = Portal(
    slug="navhome",
    name="أخبار الأقسام",
    domains=("nav.test.example",),
    country="int",
    date_locale="ar",
    timezone="Asia/Riyadh",
    start_urls=("https://nav.test.example/",),
    article_allow=(r"/news/\d{4}/",),
    download_delay=0.0,
    concurrency=8,
)
