"""<Site name> (<domain>): copy me to ``newsbot/portals/<cc>/<slug>.py`` (README "Add a portal").

This file is NOT loaded by the registry (its name starts with ``_``). Fill in the declaration,
delete what the site does not need, then:

1. ``python -m scripts.capture_fixture <slug> <article-url>`` and review the drafted expected.json;
2. ``python -m pytest tests/portals -q``; 3. ``python -m scripts.gen_portals_table --write``.

Selectors are ORDERED FALLBACK LISTS (CSS, or XPath with an ``xpath:`` prefix). Structured data
(JSON-LD, OpenGraph, <meta>) is used first for the fields it provides; list a field in
``prefer_selectors`` only when the site's structured data is wrong for it (e.g. og:title with a
" - Site" suffix). Never put an expected value (a title, a name) in a selector.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources

# Country defaults live in newsbot/portals/<cc>/__init__.py:
# from newsbot.portals.eg import COUNTRY, DATE_LOCALE, TIMEZONE
COUNTRY, DATE_LOCALE, TIMEZONE = "eg", "ar-EG", "Africa/Cairo"

PORTAL = Portal(
    slug="example",  # lower-case [a-z0-9_], unique
    name="اسم الموقع كما يكتبه",  # the site's own Arabic name
    domains=("example.com",),  # bare hosts; www. and subdomains are matched automatically
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    metadata_local_as_utc=False,  # True when meta times are local wall time with a "Z"
    start_urls=("https://www.example.com/",),
    sources=Sources(
        rss=("https://www.example.com/rss",),
        news_sitemaps=("https://www.example.com/sitemap-news.xml",),
        sitemaps=(),
        listings=(
            Listing(
                url="https://www.example.com/section/politics",
                next_page="a.next::attr(href)",
                max_pages=3,
                # JavaScript listing: actions=(Click("button.more", times=5),) or (Scroll(),)
            ),
        ),
    ),
    article_allow=(r"/news/\d{4}/\d{2}/\d{2}/",),  # from real article URLs
    article_deny=(r"/(?:tag|tags|author|video|gallery)/",),
    layouts=(
        Layout(
            name="V1",
            valid_until=None,  # the current layout; an older one gets a date
            selectors=Selectors(
                title=("h1.article-title",),
                body=("div.article-body",),
                remove=("div.ad", "figure", "div.read-also"),
                published=("time.published",),
                byline=(".author-name",),
                section=(".breadcrumb li:last-child a",),
                tags=(".tags a",),
                related=(".related-articles",),
                similar=(),
            ),
            prefer_selectors=(),
        ),
    ),
    boilerplate=(),  # extra regexes of lines to drop from the body
    byline_prefixes=(),  # extra "كتب"-like prefixes
    agencies=(),  # extra agency names
    related_labels=(),  # extra headings of related blocks
    render="never",  # never / auto / always (JavaScript rendering)
    download_delay=1.0,
    concurrency=2,
    enabled=True,
    notes="",
)
