"""Alyaum — اليوم (alyaum.com), Dammam daily (Dar Alyaum).

JSON-LD gives Riyadh-offset dates; meta ``datePublished`` has no offset and meta
``dateModified`` can precede publication. The visible date uses Arabic-Indic digits
("٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠", day/month/year). The byline "name - city" holds author and
dateline; JSON-LD repeats it whole as the author name, so the visible byline wins. The <h1> is
in the page twice (the second inside an ajax link). The body is one block split by <br><br>.

Evidence (where each URL was seen):
- https://www.alyaum.com/: start page of the site (anchors robots.txt).
- https://www.alyaum.com/rss: quoted in public GitHub code (RSS/news aggregator source lists,
  GitHub code index, Dec 2026); 3 lists (section feeds /rssFeed/<id> in more).
- https://www.alyaum.com/sitemap.xml [unverified]: conventional path, not seen in public
  sources.
- https://www.alyaum.com/morearticles/القارات-السبع: linked from the saved realworld page
  ../shared/realworld/pages/htmldate-alyaum-1784190729.html.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.sa import COUNTRY, DATE_LOCALE, TIMEZONE

PORTAL = Portal(
    slug="alyaum",
    name="اليوم",
    domains=("alyaum.com",),
    country=COUNTRY,
    date_locale=DATE_LOCALE,
    timezone=TIMEZONE,
    start_urls=("https://www.alyaum.com/",),
    sources=Sources(
        rss=("https://www.alyaum.com/rss",),
        sitemaps=("https://www.alyaum.com/sitemap.xml",),
        listings=(
            Listing(
                url="https://www.alyaum.com/morearticles/القارات-السبع",
                next_page="ul.pagination a[rel='next']::attr(href)",
                max_pages=3,
            ),
        ),
    ),
    article_allow=(r"/articles/\d+/[^/]+/[^/]+",),
    article_deny=(r"/morearticles/", r"/uploads/"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=("div.aksa-to1-main h1", "h1"),
                body=("article div.aksa-articleBody", "div.aksa-articleBody"),
                remove=("[id^='div-gpt-ad']",),
                published=("div.aksa-desc-o div.aksa-date", "div.aksa-date"),
                byline=("div.aksa-desc-o a.aksa-byline", "a.aksa-byline"),
                section=(
                    "div.aksa-desc-o div.aksa-section a",
                    "div.article-section-info a:last-child",
                ),
                related=(
                    "xpath://div[contains(@class, 'aksa-title-o')]"
                    "[contains(normalize-space(.), 'مواضيع ذات علاقة')]"
                    "/following-sibling::div[contains(@class, 'aksa-row')][1]",
                ),
            ),
            prefer_selectors=("byline",),
        ),
    ),
    related_labels=("مواضيع ذات علاقة",),
    download_delay=1.0,
    concurrency=2,
    unverified=("https://www.alyaum.com/sitemap.xml",),
)
