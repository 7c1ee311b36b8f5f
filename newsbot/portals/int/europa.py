"""European Commission press releases in Arabic (europa.eu: RAPID, now ec.europa.eu press corner).

Not a newspaper: official press releases translated into Arabic, in an English page template
(``lang="en"``). The old RAPID pages are server HTML; the current press corner loads releases
with JavaScript, hence ``render="auto"`` (render only when the plain page has no body). The
release text comes from a Word document: paragraph classes name the Word styles (reference
"Note", "Date" line, "Titre"). The date line uses Levantine month names
("بروكسل، 9 تشرين الأول 2009"), which also gives the dateline (read as the byline); meta
``Date`` is a day earlier and is not used. Times are Brussels time.

Evidence (where each URL was seen):
- https://ec.europa.eu/commission/presscorner/home/ar [unverified]: Arabic home of the press
  corner; not seen in public sources.
- https://ec.europa.eu/commission/presscorner/api/rss?language=ar [unverified]: the ?language=en
  form of this feed is quoted in public GitHub code (RSS/news aggregator source lists, GitHub
  code index, Dec 2026); the ar variant is not seen.
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, Listing, Portal, Selectors, Sources
from newsbot.portals.int import COUNTRY

_DOC = "//div[@id='contentPressRelease']"

PORTAL = Portal(
    slug="europa",
    name="المفوضية الأوروبية - البيانات الصحفية",
    domains=("europa.eu",),
    country=COUNTRY,
    date_locale="ar-LB",
    timezone="Europe/Brussels",
    start_urls=("https://ec.europa.eu/commission/presscorner/home/ar",),
    sources=Sources(
        rss=("https://ec.europa.eu/commission/presscorner/api/rss?language=ar",),
        listings=(
            Listing(
                url="https://ec.europa.eu/commission/presscorner/home/ar",
                next_page="a.ecl-pagination__link--next::attr(href)",
                max_pages=2,
            ),
        ),
    ),
    article_allow=(
        r"/rapid/pressReleasesAction\.do\?reference=[A-Z]+/\d{2}/\d+&language=AR",
        r"/rapid/press-release_[A-Z]+-\d{2}-\d+_ar\.htm",
        r"/commission/presscorner/detail/ar/[a-z]+_\d{2}_\d+(?:[?#]|$)",
    ),
    article_deny=(r"\.(?:pdf|doc)$", r"/rapid/search"),
    layouts=(
        Layout(
            name="V1",
            selectors=Selectors(
                title=(f"xpath:{_DOC}//p[contains(@class, 'Titre')]",),
                body=(f"xpath:{_DOC}",),
                remove=(
                    f"xpath:{_DOC}//p[contains(@class, '_Note_')]",
                    f"xpath:{_DOC}//p[contains(@class, '_Date_')]",
                    f"xpath:{_DOC}//p[contains(@class, 'Titre')]",
                ),
                published=(f"xpath:{_DOC}//p[contains(@class, '_Date_')]",),
                byline=(f"xpath:{_DOC}//p[contains(@class, '_Date_')]",),
            ),
            prefer_selectors=("title", "published"),
        ),
    ),
    render="auto",
    download_delay=2.0,
    concurrency=1,
    unverified=(
        "https://ec.europa.eu/commission/presscorner/home/ar",
        "https://ec.europa.eu/commission/presscorner/api/rss?language=ar",
    ),
)
