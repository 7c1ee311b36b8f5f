"""Generate local sites for the navigation crawl (issue 10): links are root-relative, so a site
works on any ``http://127.0.0.1:PORT`` (crawled with ``-a domain=<base>``).

``build_nav_site(root)``: no sitemap, no feed, no robots.txt. Home page (the 5 newest) -> three
sections in a ``<nav>`` menu, each paginated differently, + a tag cloud -> tag pages:

- ``/section/politics/``: "التالي" links to ``?page=2`` / ``?page=3`` (query routes);
- ``/category/economy/``: page-number links 1 2 3 -> ``/category/economy/page/2/``;
- ``/قسم/رياضة/``: ``rel="next"`` + "الصفحة التالية" -> ``/قسم/رياضة/2.html``;
- ``/tag/<word>/``: articles found only through the tag cloud.

Every listing shows ``<time datetime>`` beside each link; page 1 of a section is 0-2 days old,
page 2 5-9 days, page 3 20-29 days. Never to be fetched: ``/login/``, ``/search?q=``,
``/print/…``, ``/share?…``, ``/en/…`` (the English edition, also announced by ``hreflang``),
``/media/report.pdf`` and ``/about-us/`` (each listed in ``never``).

``build_stale_site(root)``: robots.txt -> a sitemap of 2019 articles only; the sections (no
pagination) hold this week's. ``build_endless_site(root)``: one section whose pagination never
ends (``/section/all/page/N/`` up to 60) and a chain of sub-sections 6 levels deep.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sitegen import SENTENCES, TITLES

from newsbot.demo.server import Route

PER_PAGE = 6
PAGE_AGE_DAYS = {1: 0, 2: 5, 3: 20}
"""Age in days of the newest item on each page of a section."""
SECTIONS = {
    "politics": "/section/politics/",
    "economy": "/category/economy/",
    "sports": "/قسم/رياضة/",
}
TAGS = ("انتخابات", "طاقة")
NEVER = (
    "/login/",
    "/search",
    "/print/news/2024/politics-1-7001.html",
    "/share",
    "/en/",
    "/en/news/2024/english-story-9001.html",
    "/media/report.pdf",
    "/about-us/",
)


def _title(n: int) -> str:
    return f"{TITLES[1 + n % len(TITLES)]} - تقرير {n}"


def _body(n: int) -> str:
    picked = [SENTENCES[(n * 5 + i * 3) % len(SENTENCES)] for i in range(6)]
    first = f"هذا هو الخبر رقم {n} في موقع الأقسام، ويتناول {_title(n)} بالتفصيل والأرقام."
    return "\n".join(f"<p>{s}</p>" for s in [first, *picked])


def article_html(n: int, published: datetime, nav: str = "") -> str:
    """An article page with NewsArticle JSON-LD, a print and a share link."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": _title(n),
        "datePublished": published.isoformat(timespec="seconds"),
        "inLanguage": "ar",
    }
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{_title(n)}</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>{nav}
<article><h1>{_title(n)}</h1>
<time datetime="{published.isoformat(timespec="seconds")}">{published:%Y-%m-%d}</time>
<div class="article-body">{_body(n)}</div>
<a href="/print{{path}}">طباعة</a> <a href="/share?u={n}">مشاركة</a>
</article></body></html>"""


def _page(title: str, nav: str, items: list[tuple[str, str, datetime]], extra: str = "") -> str:
    lis = "".join(
        f'<li><a href="{u}">{t}</a> <time datetime="{d.isoformat(timespec="seconds")}">'
        f"{d:%Y-%m-%d}</time></li>"
        for u, t, d in items
    )
    return f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title><link rel="alternate" hreflang="en" href="/en/"></head><body>{nav}
<h1>{title}</h1><ul class="items">{lis}</ul>{extra}</body></html>"""


def _nav_menu() -> str:
    sections = "".join(f'<a href="{p}">{name}</a> ' for name, p in SECTIONS.items())
    tags = "".join(f'<a href="/tag/{t}/">{t}</a> ' for t in TAGS)
    return (
        f'<header><nav><a href="/">الرئيسية</a> {sections}'
        '<a href="/login/">تسجيل الدخول</a> <a href="/search?q=x">بحث</a> '
        '<a href="/en/" hreflang="en">English</a> <a href="/about-us/">من نحن</a></nav></header>'
        f'<div class="tag-cloud">{tags}</div>'
    )


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.routes: dict[str, Route] = {}

    def write(self, path: str, text: str) -> None:
        """``path`` may end in ``/`` (an index.html) or carry a ``?query`` (a route)."""
        if "?" in path:
            rel = "_q/" + path.strip("/").replace("?", "_").replace("=", "_") + ".html"
            self.routes[path] = Route(file=rel)
        else:
            rel = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _article(w: _Writer, n: int, path: str, when: datetime, nav: str) -> tuple[str, str, datetime]:
    w.write(path, article_html(n, when, nav).replace("{path}", path))
    return path, _title(n), when


def _next_links(style: str, base: str, page: int, pages: int) -> tuple[str, str]:
    """(page URL, pager HTML) of ``page`` in one of three pagination styles."""

    def url(p: int) -> str:
        if p == 1:
            return base
        return {"query": f"{base}?page={p}", "path": f"{base}page/{p}/", "rel": f"{base}{p}.html"}[
            style
        ]

    nxt = url(page + 1) if page < pages else None
    if style == "query":
        pager = f'<a class="next" href="{nxt}">التالي</a>' if nxt else ""
    elif style == "path":
        pager = "".join(f'<a href="{url(p)}">{p}</a> ' for p in range(1, pages + 1))
    else:
        pager = (
            f'<a rel="next" href="{nxt}">الصفحة التالية</a> <a href="{nxt}">المزيد</a>'
            if nxt
            else ""
        )
    return url(page), f'<div class="pager">{pager}</div>'


def build_nav_site(root: Path, now: datetime | None = None) -> dict[str, Any]:
    """Write the navigation-only site; return its articles (path: date), each section's pages,
    the articles each page lists, the tag-only articles and the paths never to fetch."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    w = _Writer(root)
    nav = _nav_menu()
    articles: dict[str, datetime] = {}
    pages: dict[str, list[str]] = {}
    listed: dict[str, list[str]] = {}
    n = 0
    for (name, base), style in zip(SECTIONS.items(), ("query", "path", "rel"), strict=True):
        pages[name] = []
        for page in (1, 2, 3):
            items = []
            for i in range(PER_PAGE):
                n += 1
                when = now - timedelta(days=PAGE_AGE_DAYS[page], hours=2 + 3 * i)
                path = f"/news/2024/{name}-{n}-{7000 + n}.html"
                items.append(_article(w, n, path, when, nav))
                articles[path] = when
            url, pager = _next_links(style, base, page, 3)
            w.write(url, _page(f"{name} - صفحة {page}", nav, items, pager))
            pages[name].append(url)
            listed[url] = [path for path, _, _ in items]
    tag_only: list[str] = []
    for t in TAGS:
        items = []
        for i in range(2):
            n += 1
            when = now - timedelta(days=1, hours=i)
            path = f"/news/2024/tag-{n}-{7000 + n}.html"
            items.append(_article(w, n, path, when, nav))
            articles[path] = when
            tag_only.append(path)
        w.write(f"/tag/{t}/", _page(f"وسم {t}", nav, items))
    newest = sorted(articles, key=articles.__getitem__, reverse=True)[:5]
    home_items = [(p, _title(int(p.split("-")[-2])), articles[p]) for p in newest]
    extra = (
        '<a href="/media/report.pdf">تقرير PDF</a> <a href="/print/news/2024/politics-1-7001.html">'
        'طباعة</a> <a href="/share?u=1">مشاركة</a>'
    )
    w.write("/", _page("أخبار الأقسام", nav, home_items, extra))
    w.write(
        "/en/",
        "<html lang='en'><body><a href='/en/news/2024/english-story-9001.html'>"
        "Story</a></body></html>",
    )
    return {
        "articles": articles,
        "pages": pages,
        "listed": listed,
        "tag_only": tag_only,
        "home": newest,
        "never": NEVER,
        "routes": w.routes,
        "now": now,
    }


def build_stale_site(root: Path, base: str, now: datetime | None = None) -> dict[str, Any]:
    """A site whose sitemap (at ``base``) lists only 2019 articles; its sections hold new ones."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    w = _Writer(root)
    nav = (
        '<nav><a href="/">الرئيسية</a> <a href="/section/local/">محليات</a> '
        '<a href="/section/world/">عالمي</a></nav>'
    )
    old = {
        f"/archive-news/2019/old-{k}-{8000 + k}.html": datetime(2019, 5, k, 9, tzinfo=UTC)
        for k in range(1, 5)
    }
    for k, (path, when) in enumerate(old.items(), start=100):
        _article(w, k, path, when, nav)
    urls = "".join(
        f"<url><loc>{base}{p}</loc><lastmod>{d:%Y-%m-%d}</lastmod></url>" for p, d in old.items()
    )
    w.write("/robots.txt", f"User-agent: *\nSitemap: {base}/sitemap.xml\n")
    w.write(
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?><urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
    )
    new: dict[str, datetime] = {}
    for j, section in enumerate(("local", "world")):
        items = []
        for i in range(4):
            k = 200 + j * 10 + i
            when = now - timedelta(hours=3 + i * 5)
            path = f"/news/2024/{section}-{k}-{9000 + k}.html"
            items.append(_article(w, k, path, when, nav))
            new[path] = when
        w.write(f"/section/{section}/", _page(section, nav, items))
    w.write("/", _page("الرئيسية", nav, []))
    return {"old": old, "new": new, "routes": w.routes}


ENDLESS_PAGES = 60
CHAIN_DEPTH = 6


def build_endless_site(root: Path, now: datetime | None = None) -> dict[str, Any]:
    """A section with 60 pages (each linking to the next) and a 6-deep chain of sub-sections."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    w = _Writer(root)
    nav = '<nav><a href="/section/all/">الكل</a> <a href="/section/d1/">فرع</a></nav>'
    k = 300
    for page in range(1, ENDLESS_PAGES + 1):
        items = []
        for i in range(3):
            k += 1
            path = f"/news/2024/all-{k}-{9000 + k}.html"
            items.append(_article(w, k, path, now - timedelta(hours=page + i), nav))
        url = "/section/all/" if page == 1 else f"/section/all/page/{page}/"
        pager = f'<a href="/section/all/page/{page + 1}/">التالي</a>'
        w.write(url, _page(f"الكل {page}", nav, items, pager))
    for d in range(1, CHAIN_DEPTH + 1):
        k += 1
        path = f"/news/2024/chain-{k}-{9000 + k}.html"
        item = _article(w, k, path, now - timedelta(hours=d), nav)
        deeper = f'<div class="menu"><a href="/section/d{d + 1}/">فرع {d + 1}</a></div>'
        w.write(f"/section/d{d}/", _page(f"فرع {d}", nav, [item], deeper))
    w.write("/", _page("الرئيسية", nav, []))
    return {"routes": w.routes}
