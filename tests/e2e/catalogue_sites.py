"""Local sites and test portal files for ``scrapy portals --check`` / ``scrapy genportal`` tests.

``build_sites(root)`` writes one folder per host under ``root`` (served by one local server; each
host is mirrored to ``<base>/<host>``) and returns the portal files to check:

- ``www.sahara-akhbar.ma``: a healthy Moroccan site (robots.txt names its sitemap, the home page
  announces an RSS feed and a second feed that 404s); its portal file is the ``healthy`` one;
- ``feed404``: its only feed 404s; ``emptymap``: its only sitemap is an empty urlset;
- ``changed``: feed fine, article pages turned into a JavaScript shell (no title, no text);
- ``drift``: feed fine, sitemap 404s and the body selector no longer matches (generic text saves it).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sitegen import SENTENCES, TITLES

SITE = "www.sahara-akhbar.ma"
HOSTS = {
    "healthy": SITE,
    "feed404": "www.feed404.test.ma",
    "emptymap": "www.emptymap.test.ma",
    "changed": "www.changed.test.ma",
    "drift": "www.drift.test.ma",
}
NOW = datetime.now(UTC).replace(microsecond=0)


def article(host: str, n: int, body_class: str = "article-body", shell: bool = False) -> str:
    """An article page of ``host`` (a JS shell with no title and no text when ``shell``)."""
    if shell:
        return (
            '<!doctype html><html lang="ar"><head><meta charset="utf-8"></head><body>'
            '<div id="app"></div><script src="/app.js"></script></body></html>'
        )
    when = (NOW - timedelta(hours=n)).isoformat()
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLES[n]}
    ld |= {"datePublished": when, "author": {"@type": "Person", "name": "ليلى بنعلي"}}
    paras = "".join(f"<p>{SENTENCES[(n + i) % len(SENTENCES)]}</p>" for i in range(8))
    return f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{TITLES[n]} | أخبار الصحراء</title>
<meta property="og:site_name" content="أخبار الصحراء"><meta property="og:type" content="article">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script></head><body>
<article><h1 class="title">{TITLES[n]}</h1><div class="{body_class}">
<p>الرباط - {SENTENCES[n % len(SENTENCES)]}</p>{paras}</div></article></body></html>"""


def path(n: int) -> str:
    return f"/akhbar/{2024 - n % 2}/{n:02d}/{9000 + n}-khabar.html"


def rss(host: str, numbers: list[int]) -> str:
    items = "".join(
        f"<item><title>{TITLES[n]}</title><link>https://{host}{path(n)}</link>"
        f"<pubDate>{(NOW - timedelta(hours=n)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        "</item>"
        for n in numbers
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def urlset(host: str, numbers: list[int]) -> str:
    urls = "".join(f"<url><loc>https://{host}{path(n)}</loc></url>" for n in numbers)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def _write(root: Path, host: str, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = root / host / rel.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def portal_file(slug: str, host: str, selectors: str = "", **sources: tuple[str, ...]) -> str:
    """Source of a test portal file (download_delay 0, like tests/e2e/portals/testnews.py)."""
    base = f"https://{host}"
    src = ", ".join(f"{k}={tuple(base + u for u in v)!r}" for k, v in sources.items())
    return f"""from newsbot.portals._spec import Layout, Portal, Selectors, Sources

PORTAL = Portal(
    slug={slug!r}, name={slug!r}, domains=({host.removeprefix("www.")!r},), country="ma",
    timezone="Africa/Casablanca", start_urls=({base + "/"!r},), sources=Sources({src}),
    article_allow=(r"/akhbar/\\d{{4}}/",),
    layouts=(Layout(selectors=Selectors({selectors})),), download_delay=0.0, concurrency=4,
)
"""


def build_sites(root: Path) -> dict[str, Any]:
    """Write the sites under ``root / <host>`` and the portal files under ``root / portals``."""
    numbers = [1, 2, 3, 4, 5]
    pages = {path(n): article(SITE, n) for n in numbers}
    _write(
        root,
        SITE,
        {
            "robots.txt": f"User-agent: *\nDisallow: /private/\nSitemap: https://{SITE}/sitemap.xml\n",
            "index.html": (
                '<html lang="ar"><head><title>أخبار الصحراء</title>'
                '<meta property="og:site_name" content="أخبار الصحراء">'
                f'<link rel="alternate" type="application/rss+xml" href="https://{SITE}/rss.xml">'
                f'<link rel="alternate" type="application/rss+xml" href="https://{SITE}/old.rss">'
                "</head><body>"
                + "".join(f'<a href="{path(n)}">{TITLES[n]}</a>' for n in numbers)
                + '<a href="/tag/x">وسم</a></body></html>'
            ),
            "rss.xml": rss(SITE, numbers[:3]),
            "sitemap.xml": urlset(SITE, numbers),
            **pages,
        },
    )
    h = HOSTS
    _write(root, h["feed404"], {"robots.txt": "User-agent: *\n", **pages})
    _write(root, h["emptymap"], {"sitemap.xml": urlset(h["emptymap"], []), **pages})
    _write(
        root,
        h["changed"],
        {"rss.xml": rss(h["changed"], numbers), **{p: article("", 1, shell=True) for p in pages}},
    )
    drifted = {path(n): article(h["drift"], n, body_class="story-text") for n in numbers}
    _write(root, h["drift"], {"rss.xml": rss(h["drift"], numbers), **drifted})
    title_body = 'title=("h1.title",), body=("div.article-body",)'
    files = {
        "healthy": portal_file(
            "healthy", SITE, title_body, rss=("/rss.xml",), sitemaps=("/sitemap.xml",)
        ),
        "feed404": portal_file("feed404", h["feed404"], rss=("/rss.xml",)),
        "emptymap": portal_file("emptymap", h["emptymap"], sitemaps=("/sitemap.xml",)),
        "changed": portal_file("changed", h["changed"], title_body, rss=("/rss.xml",)),
        "drift": portal_file(
            "drift", h["drift"], title_body, rss=("/rss.xml",), sitemaps=("/sitemap.xml",)
        ),
    }
    folder = root / "portals"
    folder.mkdir(exist_ok=True)
    paths = {}
    for slug, text in files.items():
        paths[slug] = folder / f"{slug}.py"
        paths[slug].write_text(text, encoding="utf-8")
    return {"portal_files": paths, "hosts": HOSTS, "articles": [path(n) for n in numbers]}


def mirrors(base: str) -> dict[str, str]:
    """NEWSBOT_MIRRORS for every host of :func:`build_sites` on the server at ``base``."""
    return {host: f"{base}/{host}" for host in HOSTS.values()}
