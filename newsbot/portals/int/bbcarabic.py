"""BBC News Arabic — BBC News عربي (bbc.com/arabic), BBC World Service, London.

React pages (server-rendered, also complete without JavaScript) with hashed CSS class names,
so selectors use ids, roles and aria labels only. JSON-LD sits inside a CDATA wrapper. The
<h1> differs from og:title / JSON-LD headline and wins. The metadata gives UTC times and the
page shows only the day (London-based service, times kept in GMT), hence UTC. Only /arabic/
paths of bbc.com belong to this portal (``article_allow``).

Evidence (where each URL was seen):
- https://www.bbc.com/arabic: start page of the service.
- https://feeds.bbci.co.uk/arabic/rss.xml: quoted in public GitHub code (RSS/news aggregator
  source lists, GitHub code index, Dec 2026); 10+ lists.
- https://www.bbc.com/arabic/sitemap.xml: Sitemap: line of bbc.com's robots.txt as quoted in
  public code (GitHub).
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Portal, Selectors, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="bbcarabic",
    name="BBC News عربي",
    domains=("bbc.com", "bbc.co.uk"),
    country=COUNTRY,
    date_locale="ar",
    timezone="UTC",
    start_urls=("https://www.bbc.com/arabic",),
    sources=Sources(
        rss=("https://feeds.bbci.co.uk/arabic/rss.xml",),
        sitemaps=("https://www.bbc.com/arabic/sitemap.xml",),
    ),
    article_allow=(
        r"/arabic/articles/c[a-z0-9]{10,}(?:[?#]|$)",
        r"/arabic/(?:[a-z-]+-)?\d{7,}(?:[?#]|$)",
    ),
    article_deny=(r"/arabic/topics/", r"/arabic/live/", r"/arabic/(?:popular|send)/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("main h1#content", "main h1"),
                body=("main",),
                remove=("h1", "figure", "section", "aside", "nav", "[data-e2e]"),
                published=("section[aria-labelledby='article-byline'] time",),
                byline=(
                    "xpath://section[@aria-labelledby='article-byline']//li[1]"
                    "//span[@role='text']/span[last()]",
                ),
                tags=("aside[aria-labelledby='related-topics'] a",),
                related=(
                    "xpath://section[@aria-labelledby='recommendations-heading']"
                    " | //section[@aria-labelledby='related-content-heading']",
                ),
            ),
            prefer_selectors=("title",),
        ),
    ),
    related_labels=("المزيد حول هذه القصة", "قصص مقترحة"),
    download_delay=1.0,
    concurrency=2,
)
