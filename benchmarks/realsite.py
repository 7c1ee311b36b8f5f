"""A generated Arabic news site for the crawl benchmarks: realistic pages, served from memory.

    with serve_realsite(pages=5000) as (server, base):
        urls = article_urls(base, 5000)      # base == "http://127.0.0.1:PORT"
        ...                                  # server.served: article pages answered so far

Every article page ``/news/<yyyy>/<mm>/<dd>/<n>-<slug>.html`` (``n`` in ``[0, pages)``) is built
from ``n`` alone (deterministic, nothing on disk, so 100,000 pages cost no disk space), on request
or, with ``prerender``, all before serving (rendering costs ~3 ms of CPU per page):
a portal-like template of ~40-60 KB, i.e. ``<head>`` with OpenGraph/article meta, inline CSS,
analytics and ad scripts, a JSON-LD ``NewsArticle``, a header with a ~120-link navigation menu and a
breaking-news ticker, breadcrumbs, the article (title, byline, visible date, 8-16 paragraphs,
sub-heading, tags), a "read also" block and a most-read sidebar linking other articles, and a
~80-link footer. The article text is drawn at random (seeded by ``n``) from the vocabulary of
the demo site's articles, so two pages share almost no word 3-grams: they are distinct articles,
not near duplicates. ``/robots.txt`` allows everything; anything else is a 404.
"""

from __future__ import annotations

import json
import random
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import cache
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["article_path", "article_urls", "render_article", "serve_realsite"]

DEMO_NEWS = Path(__file__).resolve().parents[1] / "newsbot" / "demo" / "site" / "news"
SITE_NAME = "الخبر اليومي"
_EPOCH = datetime(2024, 1, 1, 6, 0, tzinfo=UTC)
"""Page n is published 7 minutes after page n-1: 200,000 pages end in late 2026, none in the future
(a future date makes the page no article)."""
_PATH = re.compile(r"^/news/\d{4}/\d{2}/\d{2}/(\d+)-[a-z-]+\.html$")
_SECTIONS = ["سياسة", "اقتصاد", "رياضة", "ثقافة", "صحة", "تكنولوجيا", "منوعات", "العالم"]
_SLUG_WORDS = ["gov", "oil", "market", "cup", "health", "rain", "trade", "court", "city", "bank"]
_AUTHORS = ["محمد أحمد", "سارة خالد", "علي حسن", "ليلى مصطفى", "يوسف إبراهيم", "منى سعيد"]
_MONTHS = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
]  # fmt: skip


@cache
def _vocabulary() -> tuple[str, ...]:
    """Arabic words of the demo articles (real vocabulary, ~1,500 distinct words)."""
    words: set[str] = set()
    for page in sorted(DEMO_NEWS.rglob("*.html")):
        text = page.read_bytes().decode("utf-8", errors="ignore")
        words.update(re.findall("[\u0621-\u064a]{2,}", text))
    return tuple(sorted(words))


def _published(n: int) -> datetime:
    return _EPOCH + timedelta(minutes=7 * n)


def article_path(n: int) -> str:
    """URL path of article ``n``."""
    when = _published(n)
    slug = "-".join(random.Random(n).sample(_SLUG_WORDS, 3))
    return f"/news/{when:%Y/%m/%d}/{n}-{slug}.html"


def article_urls(base: str, pages: int) -> list[str]:
    """The URLs of articles ``0 .. pages-1`` on the server at ``base``."""
    return [base + article_path(n) for n in range(pages)]


def _sentence(rng: random.Random, words: tuple[str, ...]) -> str:
    return " ".join(rng.choices(words, k=rng.randint(12, 26))) + "."


def _title(rng: random.Random, words: tuple[str, ...]) -> str:
    return " ".join(rng.choices(words, k=rng.randint(6, 10)))


@cache
def _chrome() -> tuple[str, str, str]:
    """(head assets, site header, footer): the template shared by every page, ~35 KB."""
    rng = random.Random("chrome")
    words = _vocabulary()
    nav_items = "".join(
        f'<li class="menu-item"><a href="/section/{i}/">{escape(_title(rng, words)[:30])}</a></li>'
        for i in range(120)
    )
    css = "".join(
        f".c{i}{{margin:{i % 7}px {i % 5}px;color:#{i * 2654435761 % 0xFFFFFF:06x};"
        f"font-size:{12 + i % 9}px}}\n"
        for i in range(180)
    )
    script = "".join(
        f"window.dataLayer=window.dataLayer||[];dataLayer.push({{'event':'slot{i}',"
        f"'sizes':[[300,250],[728,90]],'targeting':{{'pos':'{i}','section':'news'}}}});\n"
        for i in range(70)
    )
    head = (
        f"<style>{css}</style>\n<script>{script}</script>\n"
        '<script async src="/static/js/analytics.js"></script>\n'
    )
    header = (
        '<header class="site-header"><div class="top-bar"><a href="/rss.xml">RSS</a></div>'
        f'<div class="brand"><a class="logo" href="/">{SITE_NAME}</a></div>'
        f'<nav class="main-nav"><ul class="menu">{nav_items}</ul></nav>'
        '<div class="breaking-ticker"><span>عاجل</span> '
        f'<a href="/breaking/">{escape(_title(rng, words))}</a></div></header>\n'
    )
    footer_links = "".join(
        f'<li><a href="/page/{i}/">{escape(" ".join(rng.choices(words, k=2)))}</a></li>'
        for i in range(80)
    )
    footer = (
        f'<footer class="site-footer"><ul class="footer-links">{footer_links}</ul>'
        f'<p class="copyright">© 2026 {SITE_NAME} جميع الحقوق محفوظة</p></footer>\n'
        '<script>(function(){var s=document.createElement("script");s.src="/static/js/ads.js";'
        "document.body.appendChild(s);})();</script>\n"
    )
    return head, header, footer


def _links(rng: random.Random, words: tuple[str, ...], n: int, count: int) -> str:
    others = [rng.randrange(max(n + 50, 100)) for _ in range(count)]
    return "".join(
        f'<li><a href="{article_path(k)}">{escape(_title(random.Random(k), words))}</a></li>'
        for k in others
        if k != n
    )


def render_article(n: int) -> bytes:
    """The HTML of article ``n`` (UTF-8, ~40-60 KB)."""
    words = _vocabulary()
    rng = random.Random(n)
    title = _title(random.Random(n), words)
    section = _SECTIONS[n % len(_SECTIONS)]
    author = _AUTHORS[n % len(_AUTHORS)]
    when = _published(n)
    path = article_path(n)
    paragraphs = [
        " ".join(_sentence(rng, words) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(8, 16))
    ]
    description = paragraphs[0][:160]
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs[:4])
    body += f"<h2>{escape(_title(rng, words))}</h2>\n"
    body += "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs[4:])
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "description": description,
        "datePublished": when.isoformat(),
        "dateModified": when.isoformat(),
        "author": [{"@type": "Person", "name": author}],
        "publisher": {"@type": "Organization", "name": SITE_NAME},
        "articleSection": section,
        "inLanguage": "ar",
        "mainEntityOfPage": path,
    }
    head_assets, header, footer = _chrome()
    visible_date = f"{when.day} {_MONTHS[when.month - 1]} {when.year}"
    html = (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} | {SITE_NAME}</title>\n"
        f'<meta name="description" content="{escape(description)}">\n'
        f'<link rel="canonical" href="{path}">\n'
        f'<meta property="og:title" content="{escape(title)}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="article:section" content="{section}">\n'
        f'<meta property="article:published_time" content="{when.isoformat()}">\n'
        f"{head_assets}"
        '<script type="application/ld+json">'
        f"{json.dumps(ld, ensure_ascii=False)}</script>\n</head>\n"
        f'<body class="single single-post postid-{n}">\n{header}'
        f'<div class="breadcrumbs"><a href="/">الرئيسية</a> » <a href="/section/{n % 8}/">'
        f"{section}</a></div>\n"
        '<main class="container"><div class="content-area">'
        f'<article class="post" id="post-{n}"><header class="post-header">'
        f'<h1 class="post-title entry-title">{escape(title)}</h1>'
        f'<div class="post-meta"><span class="byline author">بقلم {author}</span> '
        f'<time datetime="{when.isoformat()}">{visible_date}</time></div></header>\n'
        '<div class="ad-slot ad-top">مادة اعلانية</div>\n'
        f'<div class="entry-content post-content">\n{body}</div>\n'
        f'<div class="post-tags"><span class="tags-label">كلمات دلالية:</span> '
        f'<a rel="tag" href="/tag/{n % 40}/">{section}</a></div>\n'
        '<div class="read-also"><h3 class="block-title">إقرأ أيضاً:</h3><ul>'
        f"{_links(rng, words, n, 6)}</ul></div></article></div>\n"
        '<aside class="sidebar"><div class="widget most-read"><h3 class="widget-title">'
        f"الأكثر قراءة</h3><ol>{_links(rng, words, n, 10)}</ol></div></aside></main>\n"
        f"{footer}</body>\n</html>\n"
    )
    return html.encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return None

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        match = _PATH.match(path)
        status, body, ctype = 404, b"not found", "text/plain"
        if path == "/robots.txt":
            status, body = 200, b"User-agent: *\nAllow: /\n"
        elif match and int(match[1]) < self.server.pages and path == article_path(int(match[1])):
            status, body, ctype = 200, self.server.page(int(match[1])), "text/html; charset=utf-8"
            with self.server.lock:
                self.server.served += 1
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pages: int, prerender: bool = False) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages = pages
        self.served = 0
        self.lock = threading.Lock()
        self.rendered = [render_article(n) for n in range(pages)] if prerender else None

    def page(self, n: int) -> bytes:
        """Article ``n``: rendered at start (``prerender``) or now (~3 ms of this process's CPU)."""
        return self.rendered[n] if self.rendered is not None else render_article(n)

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a crawler closing a keep-alive connection is not an error here."""
        return None


@contextmanager
def serve_realsite(pages: int, prerender: bool = False) -> Iterator[tuple[_Server, str]]:
    """Serve articles ``0 .. pages-1`` on 127.0.0.1 (free port) in a thread; yield (server, base).

    ``prerender``: render every page before serving (~50 KB of memory each), so that serving
    costs no CPU the crawls being measured could use (a real site runs on another machine).
    """
    server = _Server(pages, prerender)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
