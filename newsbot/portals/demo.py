"""The bundled offline demo portal (newsbot/demo/site, described in newsbot/demo/README.md).

A fictional pan-Arab aggregator on the host ``demo.newsbot.example`` (``.example`` never
resolves; the demo command and the end-to-end tests serve ``newsbot/demo/site`` from
127.0.0.1 and map this host to that server). ``country="int"``: pan-Arab, like the real
aggregators it imitates. Pages that write a local time without an offset mean Asia/Riyadh.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources

BASE = "https://demo.newsbot.example"

PORTAL = Portal(
    slug="demo",
    name="نيوزبوت التجريبي",
    domains=("demo.newsbot.example",),
    country="int",
    date_locale="ar",
    timezone="Asia/Riyadh",
    sources=Sources(
        rss=(f"{BASE}/rss.xml",),
        news_sitemaps=(f"{BASE}/news-sitemap.xml",),
        sitemaps=(f"{BASE}/sitemap.xml",),
        listings=tuple(
            Listing(
                url=f"{BASE}/section/{section}/",
                next_page="nav.pagination a.next::attr(href)",
                max_pages=5,
                article_links="div.listing-items h3.card-title a::attr(href)",
            )
            for section in ("arab-world", "economy")
        ),
    ),
    start_urls=(f"{BASE}/",),
    article_allow=(r"/news/\d{4}/",),
    article_deny=(r"/tag/", r"/video/", r"/gallery/", r"/section/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                # Current template first, then the 2019 template (div.news-*), then AMP pages.
                title=("h1.post-title::text", "h1.news-title::text", "article h1::text"),
                description=("meta[name=description]::attr(content)",),
                body=("div.entry-content", "div.article-body", "div.amp-content"),
                published=(
                    "div.post-meta span.post-date::text",
                    "div.news-date::text",
                    "span.post-date::text",
                ),
                byline=(
                    "div.post-meta span.byline::text",
                    "div.news-author::text",
                    "span.byline::text",
                ),
                section=(
                    "span.post-category a::text",
                    "xpath://div[@class='breadcrumbs']/a[2]/text()",
                ),
                tags=("div.post-tags a[rel=tag]::text", "div.news-tags a::text"),
                lead_image=("figure.featured-image img::attr(src)",),
                related=(
                    "div.read-also",
                    "xpath://*[self::h3 or self::h4][contains(., 'أيضا')]/parent::div",
                ),
                similar=(
                    "div.similar-posts",
                    "xpath://h3[contains(., 'مقالات مشابهة')]/following-sibling::ul[1]",
                ),
                credited_source=(
                    "div.post-source span.source-name::text",
                    "xpath://div[starts-with(normalize-space(.), 'المصدر:')]/text()",
                ),
                remove=(
                    "div.ad-slot",
                    "div.adv",
                    "div.inline-teaser",
                    "figure",
                    "div.video-player",
                    "script",
                    "style",
                ),
            ),
        ),
    ),
    boilerplate=(
        r"^مادة [إا]علانية",
        r"تابعوا آخر أخبار .{1,40} عبر Google News",
        r"^تابعونا على ",
        r"^اقرأ المزيد من أخبار ",
    ),
    agencies=("و.م.ع", "وأج", "وات", "بترا", "كونا", "واس", "أ ش أ", "العربية.نت"),
    related_labels=("إقرأ أيضاً",),
    render="never",
    download_delay=0.0,
    concurrency=8,
    notes=(
        "Offline demo: served from newsbot/demo/site on 127.0.0.1; expected values of every "
        "page are in newsbot/demo/site/manifest.json."
    ),
)
