"""Beirut Observer — بيروت اوبزرفر (beirutobserver.com), Lebanese news site on WordPress (Sahifa).

Declared ``lang="en-US"`` although the articles are Arabic. No JSON-LD; the visible date is
English and day-only ("November 9, 2020"), the time comes from ``article:published_time``.
No visible byline: the author is the account in a hidden vcard. The section is only in
``article:section`` (not shown).

Evidence (where each URL was seen):
- https://www.beirutobserver.com/: start page of the site (anchors robots.txt).
- https://www.beirutobserver.com/feed/: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-beirutobserver-1764731404.html (WordPress feed link).
- https://www.beirutobserver.com/sitemap.xml [unverified]: conventional path, not seen in public
  sources.
- https://www.beirutobserver.com/category/lebanon/ [unverified]: category path not seen in
  public sources.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.lb import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="beirutobserver",
    name="بيروت اوبزرفر",
    domains=("beirutobserver.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.beirutobserver.com/",),
    sources=Sources(
        rss=("https://www.beirutobserver.com/feed/",),
        sitemaps=("https://www.beirutobserver.com/sitemap.xml",),
        listings=(
            Listing(
                url="https://www.beirutobserver.com/category/lebanon/",
                next_page="div.pagination a.nextpostslink::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/\d{4}/\d{2}/\d+/?(?:[?#]|$)",),
    article_deny=(r"/(?:category|tag|author|feed|wp-content|comments)/",),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("article.post-listing h1.post-title", "h1.entry-title"),
                body=("article.post-listing div.entry", "div.entry"),
                remove=(".wpipa-container", ".addtoany_share_save_container", ".share-post"),
                published=("article.post-listing p.post-meta span.tie-date",),
                byline=("article.post-listing div.vcard.author .fn",),
                related=("section#related_posts",),
            ),
        ),
    ),
    download_delay=1.0,
    concurrency=2,
    unverified=(
        "https://www.beirutobserver.com/sitemap.xml",
        "https://www.beirutobserver.com/category/lebanon/",
    ),
)
