"""Youm7 — اليوم السابع (youm7.com), Cairo daily news site.

Server-rendered HTML, no JSON-LD. ``article:published_time`` is Cairo wall time written with a
``Z`` (the page shows the same clock time), hence ``metadata_local_as_utc``. og:title carries
the " - اليوم السابع" suffix: the visible <h1> of the article header wins. The 2020 and 2024
snapshots share one template (2024 adds a lead in ``h2.coloredquoute`` and in-body photos).

Evidence (where each URL was seen):
- https://www.youm7.com/: start page of the site (anchors robots.txt).
- https://www.youm7.com/rss/SectionRss?SectionID=65: quoted in public GitHub code (RSS/news
  aggregator source lists, GitHub code index, Dec 2026); 5+ lists.
- https://www.youm7.com/rss/SectionRss?SectionID=97: quoted in public GitHub code (RSS/news
  aggregator source lists, GitHub code index, Dec 2026); 10+ lists.
- https://www.youm7.com/Section/أخبار-عاجلة/65/1: linked from the saved realworld page
  ../shared/realworld/pages/magichtml-youm7-f1e9572d.html.
- https://www.youm7.com/Section/تقارير-مصرية/97/1: linked from the saved realworld page
  ../shared/realworld/pages/magichtml-youm7-4571254b.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.eg import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="youm7",
    name="اليوم السابع",
    domains=("youm7.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    metadata_local_as_utc=True,
    start_urls=("https://www.youm7.com/",),
    sources=Sources(
        rss=(
            "https://www.youm7.com/rss/SectionRss?SectionID=65",
            "https://www.youm7.com/rss/SectionRss?SectionID=97",
        ),
        listings=(
            Listing(
                url="https://www.youm7.com/Section/أخبار-عاجلة/65/1",
                next_page="xpath://a[contains(@href, '/65/')][@rel='next']/@href",
                max_pages=3,
            ),
            Listing(
                url="https://www.youm7.com/Section/تقارير-مصرية/97/1",
                next_page="xpath://a[contains(@href, '/97/')][@rel='next']/@href",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(
        r"/story/\d{4}/\d{1,2}/\d{1,2}/[^/?#]+/\d+(?:[?#]|$)",
        r"^https?://[^/]+/\d{6,}(?:[?#]|$)",  # short link, redirects to /story/
    ),
    article_deny=(r"/Tags/", r"/Section/", r"/Video/", r"/Gallery/", r"/amp/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("article .articleHeader h1", "article h1"),
                body=("div#articleBody",),
                remove=(
                    ".imgcontainer",
                    ".uplCaption",
                    ".aries_div",
                    "[id^='vidverto']",
                    "[id^='div-gpt-ad']",
                    ".adsbygoogle",
                    "center",
                ),
                published=("article .articleHeader span.newsStoryDate",),
                byline=("div.articleCont > span.writeBy", "span.writeBy"),
                section=("article .breadcumb a:last-of-type",),
                tags=("div.articleCont div.tags h3 a",),
                related=(
                    "xpath://div[contains(@class, 'super-kora-row')][div[contains(@class, 'most-read')]"
                    "[contains(normalize-space(.), 'الموضوعات المتعلقة')]]"
                    "//div[contains(@class, 'news-dev8')]/h3",
                ),
            ),
            prefer_selectors=("title",),
        ),
    ),
    related_labels=("الموضوعات المتعلقة",),
    download_delay=1.0,
    concurrency=2,
)
