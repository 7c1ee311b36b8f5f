"""Sada El-Balad TV — قناة صدى البلد (elbaladtv.net), Cairo; WordPress with the JNews theme.

Yoast JSON-LD (NewsArticle with a +02:00 datePublished) and ``article:published_time`` in UTC
agree on the instant. Two sets of og tags: one og:title and the JSON-LD headline carry the
" - قناة صدى البلد" suffix, so the visible <h1> wins. Article URLs are a bare slug at the root.
An inline "إقرأ أيضاً" box sits between body paragraphs.

Evidence (where each URL was seen):
- https://elbaladtv.net/: start page of the site (anchors robots.txt).
- https://elbaladtv.net/feed/: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-elbaladtv-1806793639.html (WordPress feed link).
- https://elbaladtv.net/sitemap_index.xml [unverified]: Yoast SEO default path, not seen in
  public sources.
- https://elbaladtv.net/category/featured/: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-elbaladtv-1806793639.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.eg import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="elbaladtv",
    name="قناة صدى البلد",
    domains=("elbaladtv.net",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://elbaladtv.net/",),
    sources=Sources(
        rss=("https://elbaladtv.net/feed/",),
        sitemaps=("https://elbaladtv.net/sitemap_index.xml",),
        listings=(
            Listing(
                url="https://elbaladtv.net/category/featured/",
                next_page="a.next.page-numbers::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"^https?://[^/]+/[^/?#]+/?(?:[?#]|$)",),
    article_deny=(
        r"/(?:category|tag|author|page|feed|wp-content|wp-json|wp-admin)/",
        r"/feed/?$",
        r"\.(?:xml|txt|jpe?g|png|pdf)$",
    ),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("div.entry-header h1.jeg_post_title", "h1.jeg_post_title"),
                body=("div.entry-content div.content-inner",),
                remove=(
                    ".jnews_inline_related_post_wrapper",
                    ".jeg_post_tags",
                    ".jeg_ad",
                    ".code-block",
                    ".jeg_share_button",
                ),
                published=("div.entry-header div.jeg_meta_date",),
                byline=("div.entry-header div.jeg_meta_author",),
                section=("#breadcrumbs .breadcrumb_last_link a",),
                tags=("div.jeg_post_tags a[rel='tag']",),
                related=(
                    "div.jnews_inline_related_post .jeg_post_title",
                    "div.jnews_related_post_container .jeg_post_title",
                ),
            ),
            prefer_selectors=("title",),
        ),
    ),
    related_labels=("إقرأ أيضاً",),
    download_delay=1.0,
    concurrency=2,
    unverified=("https://elbaladtv.net/sitemap_index.xml",),
)
