"""A generated news site of N distinct Arabic articles (distributed-crawl tests, benchmarks).

``build_farm(root, count)`` writes ``/news/<n>.html`` article pages (title, publication date,
five paragraphs of shuffled Arabic words: distinct enough that no two are near duplicates),
``/sitemap.xml`` listing them with ``lastmod`` and a ``robots.txt`` pointing to it, so
``scrapy crawl site -a domain=http://127.0.0.1:PORT`` discovers every article. Calling it again
with a larger ``count`` "publishes" the new articles. ``latency_routes`` makes
``newsbot.demo.server`` answer every page after a delay (a realistic remote site).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

from newsbot.demo.server import Route

__all__ = ["article_path", "build_farm", "latency_routes"]

_TEXT = (
    "أعلنت الحكومة اليوم عن حزمة جديدة من الإجراءات الاقتصادية لدعم الأسر محدودة الدخل وقال "
    "المتحدث الرسمي إن الخطة ستنفذ على ثلاث مراحل خلال العام المقبل ورحبت غرفة التجارة بالقرار "
    "واعتبرته خطوة مهمة نحو تنشيط الأسواق المحلية وأشار خبراء إلى أن نجاح الخطة يعتمد على سرعة "
    "التنفيذ ووضوح المعايير وشهدت العاصمة اجتماعات مكثفة بين الوزراء وممثلي القطاع الخاص لبحث "
    "التفاصيل وتوقعت مصادر مطلعة أن تعلن الوزارة عن جدول زمني مفصل الأسبوع المقبل وفي سياق متصل "
    "ارتفعت أسعار الذهب في الأسواق العالمية بنسبة طفيفة وأكد البنك المركزي التزامه بالحفاظ على "
    "استقرار سعر الصرف ودعت منظمات المجتمع المدني إلى إشراك المواطنين في متابعة تنفيذ المشروعات"
)
_WORDS = _TEXT.split(" ")
_EPOCH = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def article_path(n: int) -> str:
    return f"/news/{n:05d}.html"


def _article(n: int) -> str:
    rng = random.Random(n)
    paragraphs = []
    for _ in range(5):
        words = rng.sample(_WORDS, 24)
        paragraphs.append(" ".join(words) + ".")
    title = " ".join(rng.sample(_WORDS, 7))
    published = (_EPOCH + timedelta(minutes=n)).isoformat()
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<meta property="article:published_time" content="{published}">'
        f'</head><body><article><h1>{escape(title)}</h1><time datetime="{published}">'
        f"{published}</time>{body}</article></body></html>"
    )


def build_farm(root: Path, count: int) -> list[str]:
    """Write articles ``0 .. count-1`` (existing pages are kept), sitemap and robots.txt."""
    root.mkdir(parents=True, exist_ok=True)
    paths = [article_path(n) for n in range(count)]
    for n, path in enumerate(paths):
        target = root / path.lstrip("/")
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_article(n), encoding="utf-8")
    urls = "".join(
        f"<url><loc>{path}</loc><lastmod>{(_EPOCH + timedelta(minutes=n)).isoformat()}</lastmod>"
        "</url>"
        for n, path in enumerate(paths)
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        encoding="utf-8",
    )
    (root / "robots.txt").write_text("User-agent: *\nSitemap: /sitemap.xml\n", encoding="utf-8")
    (root / "index.html").write_text(
        '<html lang="ar"><body><h1>farm</h1></body></html>', encoding="utf-8"
    )
    return paths


def latency_routes(paths: Iterable[str], delay: float) -> dict[str, Route]:
    """``newsbot.demo.server`` routes that serve each of ``paths`` after ``delay`` seconds."""
    return {path: Route(delay=delay) for path in paths}
