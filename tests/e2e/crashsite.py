"""Generate the crash-test site (crash.test.example): many small articles, every discovery kind.

``build_site(root, n)`` writes ``n`` article pages with unique text. Four in five are *listed*
(robots.txt -> sitemap index -> sitemaps, an RSS feed of the newest, a paginated section
listing, a URL list file); every fifth is *hidden*: only the related-article block of the
article before it links to it, so a crawl finds it only by following that link (the case a
resumed crawl can lose when the linking article was emitted before the kill). Used by the
kill-9 matrix (tests/e2e/test_crash_resume.py) and benchmarks/bench_crash.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sitegen import SENTENCES

HOST = "crash.test.example"
BASE = f"https://{HOST}"
PORTAL_FILE = Path(__file__).resolve().parent / "portals" / "crashnews.py"
PER_SITEMAP = 100
PER_LISTING = 40


def article_url(n: int) -> str:
    return f"{BASE}/news/2024/c{n:05d}.html"


def _article(n: int, published: datetime, related: int | None) -> str:
    title = f"خبر الاختبار رقم {n}: " + SENTENCES[n % len(SENTENCES)][:40]
    picked = [SENTENCES[(n * 5 + i * 3) % len(SENTENCES)] for i in range(5)]
    first = f"هذا هو الخبر رقم {n} في موقع اختبار الانقطاع، ورقمه التسلسلي {n * 7919}."
    body = "".join(f"<p>{s}</p>" for s in [first, *picked])
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published.isoformat(timespec="seconds"),
        "author": {"@type": "Person", "name": "سارة أحمد"},
        "inLanguage": "ar",
    }
    block = ""
    if related is not None:
        block = (
            '<div class="related"><h3>اقرأ أيضاً</h3><ul>'
            f'<li><a href="{article_url(related)}">خبر الاختبار رقم {related}</a></li></ul></div>'
        )
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body><article><h1>{title}</h1><div class="byline">كتبت: سارة أحمد</div>
<time datetime="{published.isoformat(timespec="seconds")}">{published:%Y-%m-%d}</time>
<div class="article-body">{body}</div>{block}</article></body></html>"""


def _urlset(urls: list[str]) -> str:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )


def _listing(urls: list[str], page: int, last: bool) -> str:
    items = "".join(f'<li><a href="{u}">خبر</a></li>' for u in urls)
    nxt = "" if last else f'<a class="next" href="{BASE}/section/p{page + 1}.html">التالي</a>'
    return (
        '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>أخبار</title>'
        f"</head><body><h1>أخبار</h1><ul>{items}</ul>{nxt}</body></html>"
    )


def build_site(root: Path, n: int = 100, now: datetime | None = None) -> dict[str, Any]:
    """Write the site under ``root``; return the article URLs (all / listed) and the URL list."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    hidden = {i for i in range(n) if i % 5 == 4}
    listed = [i for i in range(n) if i not in hidden]
    files: dict[str, str] = {}
    for i in range(n):
        related = i + 1 if (i + 1) in hidden and i + 1 < n else None
        files[article_url(i).split(HOST, 1)[1].lstrip("/")] = _article(
            i, now - timedelta(minutes=10 * i), related
        )
    urls = [article_url(i) for i in listed]
    chunks = [urls[k : k + PER_SITEMAP] for k in range(0, len(urls), PER_SITEMAP)]
    index = "".join(
        f"<sitemap><loc>{BASE}/sitemap-{k}.xml</loc></sitemap>" for k in range(len(chunks))
    )
    files["sitemap_index.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'
    )
    for k, chunk in enumerate(chunks):
        files[f"sitemap-{k}.xml"] = _urlset(chunk)
    files["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {BASE}/sitemap_index.xml\n"
    items = "".join(f"<item><title>خبر</title><link>{u}</link></item>" for u in urls[:20])
    files["rss.xml"] = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
        f"<link>{BASE}/</link>{items}</channel></rss>"
    )
    files["index.html"] = (
        '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>أخبار</title>'
        f'<link rel="alternate" type="application/rss+xml" href="{BASE}/rss.xml"></head>'
        "<body><h1>أخبار</h1></body></html>"
    )
    pages = [urls[k : k + PER_LISTING] for k in range(0, len(urls), PER_LISTING)]
    for p, page in enumerate(pages, start=1):
        files[f"section/p{p}.html"] = _listing(page, p, p == len(pages))
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    url_list = root.parent / f"{root.name}-urls.txt"
    url_list.write_text("\n".join(urls) + "\n", encoding="utf-8")
    return {
        "all": [article_url(i) for i in range(n)],
        "listed": urls,
        "urls_file": url_list,
        "listing_pages": len(pages),
    }
