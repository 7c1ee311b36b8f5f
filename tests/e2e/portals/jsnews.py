"""Test-only portal for the JavaScript test site (tests/e2e/jssite.py; ``-a portal_file=``)."""

from __future__ import annotations

from newsbot.portals._actions import Click, Scroll
from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources

BASE = "https://js.test.example"

PORTAL = Portal(
    slug="jsnews",
    name="أخبار جافاسكربت",
    domains=("js.test.example",),
    country="int",
    timezone="Asia/Riyadh",
    start_urls=(f"{BASE}/",),
    sources=Sources(
        listings=(
            Listing(url=f"{BASE}/static/list.html"),
            Listing(url=f"{BASE}/js/more.html", actions=(Click("button.more", times=5),)),
            Listing(url=f"{BASE}/js/scroll.html", actions=(Scroll(times=5),)),
        ),
    ),
    article_allow=(r"/(static|js)/2024/",),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("h1",),
                body=("div.article-body",),
                published=("time::attr(datetime)",),
                byline=(".byline",),
                related=(".related",),
                tags=(".tags a::text",),
            ),
        ),
    ),
    render="auto",
    download_delay=0.0,
    concurrency=4,
)
