"""A small site (js.test.example) whose articles and listings exist twice: plain HTML under
``/static/`` and JavaScript-built under ``/js/`` (same text, same markup once rendered).

- ``/js/2024/aNN-*.html``: a shell with no headline, body or date; a script builds them from a
  JSON blob, inline (odd NN) or fetched from ``/js/data/aNN.json`` (even NN).
- ``/js/more.html``: shows JS article 1; a "المزيد" button adds articles 2 and 3, one a click.
- ``/js/scroll.html``: shows JS article 4; scrolling to the bottom adds 5, then 6.
- ``/static/list.html``: plain links to the static twins 1-6.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from sitegen import SENTENCES, TITLES

HOST = "js.test.example"
BASE = f"https://{HOST}"
ARTICLES = (1, 2, 3, 4, 5, 6)


def path(n: int, variant: str) -> str:
    return f"/{variant}/2024/a{n:02d}-{2000 + n}.html"


def url(n: int, variant: str) -> str:
    return BASE + path(n, variant)


def data(n: int, variant: str) -> dict[str, Any]:
    """What article ``n`` says (the JSON blob of the JS page)."""
    first = f"هذا هو الخبر رقم {n} في موقع جافاسكربت، وهو يتناول {TITLES[n]} بالتفصيل."
    related = [m for m in ARTICLES if m != n][:2]
    return {
        "title": TITLES[n],
        "byline": "كتبت: سارة أحمد",
        "published": f"2024-05-{10 + n:02d}T10:30:00+03:00",
        "paragraphs": [first, *(SENTENCES[(n * 3 + i) % len(SENTENCES)] for i in range(6))],
        "tags": ["اقتصاد", "محليات"],
        "related": [{"url": path(m, variant), "title": TITLES[m]} for m in related],
    }


def _head(title: str) -> str:
    return (
        '<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
    )


def static_article(n: int) -> str:
    d = data(n, "static")
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in d["paragraphs"])
    tags = "".join(f'<a href="/tag/{i}">{html.escape(t)}</a>' for i, t in enumerate(d["tags"]))
    rel = "".join(
        f'<li><a href="{r["url"]}">{html.escape(r["title"])}</a></li>' for r in d["related"]
    )
    return (
        _head(f"{d['title']} - أخبار جافاسكربت")
        + f'<body><main id="app"><article><h1>{html.escape(d["title"])}</h1>'
        f'<div class="byline">{html.escape(d["byline"])}</div>'
        f'<time datetime="{d["published"]}">{d["published"][:10]}</time>'
        f'<div class="article-body">{paras}</div><div class="tags">{tags}</div>'
        f'<div class="related"><h3>اقرأ أيضاً</h3><ul>{rel}</ul></div>'
        "</article></main></body></html>"
    )


BUILD_JS = """
function esc(s) { const d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
function build(d) {
  document.title = d.title + ' - أخبار جافاسكربت';
  const paras = d.paragraphs.map((p) => '<p>' + esc(p) + '</p>').join('');
  const tags = d.tags.map((t, i) => '<a href="/tag/' + i + '">' + esc(t) + '</a>').join('');
  const rel = d.related.map((r) => '<li><a href="' + r.url + '">' + esc(r.title) + '</a></li>').join('');
  document.getElementById('app').innerHTML = '<article><h1>' + esc(d.title) + '</h1>'
    + '<div class="byline">' + esc(d.byline) + '</div>'
    + '<time datetime="' + d.published + '">' + d.published.slice(0, 10) + '</time>'
    + '<div class="article-body">' + paras + '</div><div class="tags">' + tags + '</div>'
    + '<div class="related"><h3>اقرأ أيضاً</h3><ul>' + rel + '</ul></div></article>';
}
"""


def js_article(n: int) -> str:
    blob = json.dumps(data(n, "js"), ensure_ascii=False)
    if n % 2:
        loader = (
            f'<script type="application/json" id="story">{blob}</script>'
            "<script>build(JSON.parse(document.getElementById('story').textContent));</script>"
        )
    else:
        loader = (
            f"<script>setTimeout(() => fetch('/js/data/a{n:02d}.json')"
            ".then((r) => r.json()).then(build), 50);</script>"
        )
    return (
        _head("أخبار جافاسكربت")
        + f'<body><main id="app"><p class="loading">...</p></main><script>{BUILD_JS}</script>'
        f"{loader}</body></html>"
    )


def _link(n: int) -> str:
    return f'<li style="height:900px"><a href="{path(n, "js")}">{html.escape(TITLES[n])}</a></li>'


def js_listing(first: int, rest: list[int], trigger: str) -> str:
    """A listing that shows ``first`` and adds ``rest`` one by one on ``trigger``."""
    items = json.dumps([_link(n) for n in rest], ensure_ascii=False)
    if trigger == "click":
        script = (
            f"const more = {items};"
            "document.querySelector('button.more').addEventListener('click', () => {"
            "  setTimeout(() => {"
            "    document.getElementById('list').insertAdjacentHTML('beforeend', more.shift());"
            "    if (!more.length) document.querySelector('button.more').remove();"
            "  }, 100);"
            "});"
        )
        button = '<button class="more">المزيد</button>'
    else:
        script = (
            f"const more = {items}; let busy = false;"
            "window.addEventListener('scroll', () => {"
            "  if (busy || !more.length) return;"
            "  if (window.innerHeight + window.scrollY < document.body.offsetHeight - 50) return;"
            "  busy = true;"
            "  setTimeout(() => {"
            "    document.getElementById('list').insertAdjacentHTML('beforeend', more.shift());"
            "    busy = false;"
            "  }, 100);"
            "});"
        )
        button = ""
    return (
        _head("آخر الأخبار")
        + f'<body><h1>آخر الأخبار</h1><ul id="list">{_link(first)}</ul>{button}'
        f"<script>{script}</script></body></html>"
    )


def build_js_site(root: Path) -> dict[str, Any]:
    """Write the site under ``root``; return the article URLs of each variant."""
    for n in ARTICLES:
        for variant, page in (("static", static_article(n)), ("js", js_article(n))):
            file = root / path(n, variant).lstrip("/")
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(page, encoding="utf-8")
        blob = root / "js" / "data" / f"a{n:02d}.json"
        blob.parent.mkdir(parents=True, exist_ok=True)
        blob.write_text(json.dumps(data(n, "js"), ensure_ascii=False), encoding="utf-8")
    links = "".join(f'<li><a href="{path(n, "static")}">{TITLES[n]}</a></li>' for n in ARTICLES)
    (root / "static" / "list.html").write_text(
        _head("آخر الأخبار") + f"<body><ul>{links}</ul></body></html>", encoding="utf-8"
    )
    (root / "js" / "more.html").write_text(js_listing(1, [2, 3], "click"), encoding="utf-8")
    (root / "js" / "scroll.html").write_text(js_listing(4, [5, 6], "scroll"), encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    return {
        "static": [url(n, "static") for n in ARTICLES],
        "js": [url(n, "js") for n in ARTICLES],
    }
