"""Sputnik Arabic — سبوتنيك عربي (arabic.sputniknews.com, now sarabic.ae), Russian
state outlet for the Arab world.

No JSON-LD: schema.org microdata (headline, dateCreated, dateModified, articleBody) and meta
``pubdate``/``lastmod`` in UTC. The site writes every displayed time as GMT
("GMT 17:27 17.03.2020"), so the portal zone is UTC, not Moscow. The lead paragraph
(``itemprop=description``) sits outside ``articleBody`` but is body text. Unlabelled teaser
cards (``b-inject``) inside the text and the "انظر أيضا:" list are the related links; the
"الموضوع:" story link is not a tag. The second selector of each list targets the current
sarabic.ae template (``article__*``); no saved page of it yet, so it is unverified.

Evidence (where each URL was seen):
- https://sarabic.ae/: home page in public source lists (GitHub).
- https://sarabic.ae/export/rss2/archive/index.xml: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-sputnik-1550981615.html; also quoted in public GitHub code
  (RSS/news aggregator source lists, GitHub code index, Dec 2026).
- https://sarabic.ae/sitemap_article.xml [unverified]: not seen in public sources.
- https://sarabic.ae/arab_world/: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-sputnik-1550981615.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.int import COUNTRY

PORTAL = Portal(
    slug="sputnikarabic",
    name="سبوتنيك عربي",
    domains=("arabic.sputniknews.com", "sarabic.ae"),
    country=COUNTRY,
    date_locale="ar",
    timezone="UTC",
    start_urls=("https://sarabic.ae/",),
    sources=Sources(
        rss=("https://sarabic.ae/export/rss2/archive/index.xml",),
        sitemaps=("https://sarabic.ae/sitemap_article.xml",),
        listings=(
            Listing(
                url="https://sarabic.ae/arab_world/",
                next_page="a.list__more::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(
        r"/[a-z_]+/\d{18,}-[^/?#]*/?(?:[?#]|$)",  # arabic.sputniknews.com
        r"/\d{8}/[^/?#]+-\d{9,}\.html(?:[?#]|$)",  # sarabic.ae
    ),
    article_deny=(r"/(?:tags|trend|docs|services|export)/",),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("div.b-article__header-title h1", "h1.article__title"),
                body=(
                    "div.b-article__lead, div.b-article__text",
                    "div.article__announce-text, div.article__body",
                ),
                remove=(".b-inject", ".ria-fb", ".article__article", ".article__quote-bg"),
                published=("time.b-article__refs-date", "div.article__info-date a"),
                modified=("time.b-article__refs-date-upd",),
                section=("a.b-article__refs-rubric",),
                tags=("div.b-article__refs-tags a", "ul.tags a.tag__text", "a.tag__text"),
                related=(
                    "xpath://div[contains(@class, 'b-article__text')]"
                    "//div[contains(@class, 'b-inject')][not(contains(@class, 'videoembed'))]"
                    "//div[contains(@class, 'b-inject__content')]"
                    " | //div[contains(@class, 'b-article__refs-list')][dl]",
                    "div.article__article",
                ),
            ),
        ),
    ),
    related_labels=("انظر أيضا",),
    download_delay=1.0,
    concurrency=2,
    unverified=("https://sarabic.ae/sitemap_article.xml",),
)
