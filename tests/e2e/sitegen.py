"""Generate the e2e test site (news.test.example): every discovery source kind, errors, related.

Dates are relative to "now" so ``-a days=`` tests stay valid. ``build_site(root)`` writes the
files and returns what each source lists, so tests assert against data, not magic strings.

Layout:
- rss.xml: a01 (1 h old), a02 (2 days), a03 (10 days), a04 (2020), a19 (page shows no date)
- news-sitemap.xml: a05 (3 h), a06 (2019), a18 (page shows no date), with
  news:publication_date/title/language
- sitemap_index.xml -> sitemap-1.xml (a07, a08), sitemap-2.xml (a09) with lastmod
- section/politics.html -> a10, a11 (page date 2019), front (a section front), video,
  /private/.../a12 (robots.txt Disallow), /tag/x (denied), missing-404, broken-500, slow;
  next -> politics-2.html -> a13; next -> politics-3.html -> a14 (beyond max_pages=2)
- related chain: a10 -> a15 -> a16 -> a17, and a10 -> other.test.example (off-domain)
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BASE = "https://news.test.example"
OTHER = "https://other.test.example"

SENTENCES = (
    "أعلنت الحكومة اليوم عن حزمة جديدة من الإجراءات الاقتصادية لدعم الأسر محدودة الدخل.",
    "وقال المتحدث الرسمي إن الخطة ستنفذ على ثلاث مراحل خلال العام المقبل.",
    "ورحبت غرفة التجارة بالقرار واعتبرته خطوة مهمة نحو تنشيط الأسواق المحلية.",
    "وأشار خبراء إلى أن نجاح الخطة يعتمد على سرعة التنفيذ ووضوح المعايير.",
    "وشهدت العاصمة اجتماعات مكثفة بين الوزراء وممثلي القطاع الخاص لبحث التفاصيل.",
    "وتوقعت مصادر مطلعة أن تعلن الوزارة عن جدول زمني مفصل الأسبوع المقبل.",
    "وفي سياق متصل، ارتفعت أسعار الذهب في الأسواق العالمية بنسبة طفيفة.",
    "وأكد البنك المركزي التزامه بالحفاظ على استقرار سعر الصرف خلال الفترة القادمة.",
    "ودعت منظمات المجتمع المدني إلى إشراك المواطنين في متابعة تنفيذ المشروعات.",
    "كما أعلنت البلدية عن افتتاح حديقة عامة جديدة في الحي الشمالي للمدينة.",
    "وذكرت وكالة الأنباء الرسمية أن الرئيس استقبل وفدا رفيع المستوى من الدول المجاورة.",
    "وتناول اللقاء سبل تعزيز التعاون الثنائي في مجالات الطاقة والنقل والتعليم.",
    "وأوضح وزير التعليم أن العام الدراسي سيبدأ في موعده المحدد دون تأجيل.",
    "وأضاف أن الوزارة أنهت تجهيز المدارس الجديدة وتوفير الكتب لجميع الطلاب.",
    "وحذرت هيئة الأرصاد الجوية من موجة حارة تضرب البلاد خلال الأيام المقبلة.",
    "ونصحت المواطنين بتجنب التعرض لأشعة الشمس في ساعات الظهيرة.",
)

TITLES = {
    n: t
    for n, t in enumerate(
        (
            "الحكومة تعلن حزمة إجراءات اقتصادية جديدة",
            "وزير التعليم: العام الدراسي يبدأ في موعده",
            "الأرصاد تحذر من موجة حارة الأسبوع المقبل",
            "البنك المركزي يؤكد استقرار سعر الصرف",
            "افتتاح حديقة عامة جديدة في الحي الشمالي",
            "الرئيس يستقبل وفدا من الدول المجاورة",
            "غرفة التجارة ترحب بقرارات دعم الأسواق",
            "ارتفاع طفيف في أسعار الذهب عالميا",
            "منظمات المجتمع المدني تطالب بالمشاركة",
            "اجتماعات مكثفة بين الوزراء والقطاع الخاص",
            "خطة من ثلاث مراحل لدعم الأسر",
            "جدول زمني مفصل للمشروعات الأسبوع المقبل",
            "تعاون ثنائي في مجالات الطاقة والنقل",
            "تجهيز المدارس الجديدة وتوفير الكتب",
            "نصائح لتجنب أشعة الشمس في الظهيرة",
            "خبراء: نجاح الخطة يعتمد على سرعة التنفيذ",
            "مصادر: إعلان التفاصيل خلال أيام",
            "وزارة الصحة تطلق حملة تطعيم موسعة",
            "انطلاق معرض الكتاب بمشاركة واسعة",
        ),
        start=1,
    )
}


def article_path(n: int, folder: str = "news") -> str:
    """URL path of article ``n`` (a numeric id in the path, like real news URLs)."""
    return f"/{folder}/2024/a{n:02d}-{1000 + n}.html"


def article_url(n: int, folder: str = "news") -> str:
    return BASE + article_path(n, folder)


def article_number(url: str) -> int:
    """Inverse of :func:`article_url`."""
    return int(url.rsplit("/a", 1)[1][:2])


def _body(n: int) -> str:
    picked = [SENTENCES[(n * 3 + i) % len(SENTENCES)] for i in range(7)]
    first = f"هذا هو الخبر رقم {n} في موقع الاختبار، وهو يتناول {TITLES[n]} بالتفصيل."
    return "\n".join(f"<p>{s}</p>" for s in [first, *picked])


def article_html(n: int, published: datetime | None, related: list[tuple[str, str]] = ()) -> str:
    """An article page; ``published=None`` gives a page that shows no date at all."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": TITLES[n],
        "author": {"@type": "Person", "name": "سارة أحمد"},
        "inLanguage": "ar",
    }
    if published is not None:
        ld["datePublished"] = published.isoformat(timespec="seconds")
    time_tag = (
        f'<time datetime="{published.isoformat(timespec="seconds")}">{published:%Y-%m-%d}</time>'
        if published is not None
        else ""
    )
    rel = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in related)
    related_block = (
        f'<div class="related"><h3>اقرأ أيضاً</h3><ul>{rel}</ul></div>' if related else ""
    )
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{TITLES[n]} - أخبار الاختبار</title>
<meta property="og:title" content="{TITLES[n]}">
<meta property="og:type" content="article">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<nav><a href="{BASE}/">الرئيسية</a> <a href="{BASE}/section/politics.html">سياسة</a></nav>
<article><h1>{TITLES[n]}</h1>
<div class="byline">كتبت: سارة أحمد</div>
{time_tag}
<div class="article-body">{_body(n)}</div>
<div class="tags"><a href="{BASE}/tag/economy.html">اقتصاد</a></div>
{related_block}
</article></body></html>"""


def _front_html(links: list[str], next_url: str | None, title: str, head: str = "") -> str:
    items = "".join(f'<li><a href="{u}">عنوان {i}</a></li>' for i, u in enumerate(links))
    nxt = f'<a class="next" href="{next_url}">التالي</a>' if next_url else ""
    return f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title}</title>{head}</head><body><h1>{title}</h1><ul>{items}</ul>{nxt}</body></html>"""


def _rss(entries: list[tuple[int, datetime]]) -> str:
    items = "".join(
        f"<item><title>{TITLES[n]}</title><link>{article_url(n)}</link>"
        f"<pubDate>{d.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        for n, d in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>أخبار الاختبار</title><link>{BASE}/</link><language>ar</language>"
        f"{items}</channel></rss>"
    )


def _news_sitemap(entries: list[tuple[int, datetime]]) -> str:
    urls = "".join(
        f"<url><loc>{article_url(n)}</loc><news:news><news:publication>"
        "<news:name>أخبار الاختبار</news:name><news:language>ar</news:language>"
        f"</news:publication><news:publication_date>{d.isoformat(timespec='seconds')}"
        f"</news:publication_date><news:title>{TITLES[n]}</news:title></news:news></url>"
        for n, d in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    )


def _urlset(entries: list[tuple[int, datetime]]) -> str:
    urls = "".join(
        f"<url><loc>{article_url(n)}</loc><lastmod>{d.date().isoformat()}</lastmod></url>"
        for n, d in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


def build_site(root: Path, now: datetime | None = None) -> dict[str, Any]:
    """Write the site under ``root``; return {source: [article numbers]} and the dates."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    old = datetime(2019, 6, 1, 8, 0, tzinfo=UTC)
    dates = {
        1: now - timedelta(hours=1),
        2: now - timedelta(days=2),
        3: now - timedelta(days=10),
        4: datetime(2020, 1, 1, 9, 0, tzinfo=UTC),
        5: now - timedelta(hours=3),
        6: old,
        7: now - timedelta(days=1),
        8: now - timedelta(days=3),
        9: now - timedelta(days=4),
        10: now - timedelta(hours=5),
        11: old,
        13: now - timedelta(days=1, hours=2),
        14: now - timedelta(days=1, hours=4),
        15: now - timedelta(days=6),
        16: now - timedelta(days=7),
        17: now - timedelta(days=8),
    }
    undated = {18: now - timedelta(hours=6), 19: now - timedelta(hours=7)}
    """Pages that show no date: only the news sitemap (18) / the feed (19) date them."""
    related = {
        10: [(article_url(15), TITLES[15]), (f"{OTHER}/news/2024/x-5001.html", "خبر من موقع آخر")],
        15: [(article_url(16), TITLES[16])],
        16: [(article_url(17), TITLES[17])],
    }
    files: dict[str, str] = {
        "robots.txt": (
            f"User-agent: *\nDisallow: /private/\n\nSitemap: {BASE}/sitemap_index.xml\n"
        ),
        "rss.xml": _rss([(n, dates[n]) for n in (1, 2, 3, 4)] + [(19, undated[19])]),
        "news-sitemap.xml": _news_sitemap([(n, dates[n]) for n in (5, 6)] + [(18, undated[18])]),
        "sitemap_index.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{BASE}/sitemap-1.xml</loc><lastmod>{now.date()}</lastmod></sitemap>"
            f"<sitemap><loc>{BASE}/sitemap-2.xml</loc></sitemap></sitemapindex>"
        ),
        "sitemap-1.xml": _urlset([(7, dates[7]), (8, dates[8])]),
        "sitemap-2.xml": _urlset([(9, dates[9])]),
        "section/politics.html": _front_html(
            [
                article_url(10),
                article_url(11),
                f"{BASE}/news/front.html",
                f"{BASE}/news/video.html",
                article_url(12, "private"),
                f"{BASE}/tag/economy.html",
                f"{BASE}/news/missing-404.html",
                f"{BASE}/news/broken-500.html",
                f"{BASE}/news/slow.html",
            ],
            f"{BASE}/section/politics-2.html",
            "سياسة",
        ),
        "section/politics-2.html": _front_html(
            [article_url(13)], f"{BASE}/section/politics-3.html", "سياسة - صفحة 2"
        ),
        "section/politics-3.html": _front_html([article_url(14)], None, "سياسة - صفحة 3"),
        "news/front.html": _front_html(
            [article_url(n) for n in (1, 2, 3, 5, 7, 9)], None, "أهم الأخبار"
        ),
        "news/video.html": (
            '<!doctype html><html lang="ar"><head><meta charset="utf-8">'
            '<meta property="og:type" content="video.other"><title>فيديو</title></head>'
            "<body><h1>فيديو: لقطات من الاجتماع</h1><video src='/v.mp4'></video></body></html>"
        ),
        article_path(12, "private")[1:]: article_html(12, now - timedelta(hours=2)),
        "index.html": _front_html(
            [article_url(1), article_url(10)],
            None,
            "أخبار الاختبار",
            f'<link rel="alternate" type="application/rss+xml" href="{BASE}/rss.xml">',
        ),
    }
    for n, when in dates.items():
        files[article_path(n)[1:]] = article_html(n, when, related.get(n, []))
    for n in undated:
        files[article_path(n)[1:]] = article_html(n, None)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {
        "now": now,
        "dates": dates,
        "undated": undated,
        "rss": [1, 2, 3, 4, 19],
        "news_sitemap": [5, 6, 18],
        "sitemap": [7, 8, 9],
        "listing": [10, 11, 13],
        "related": related,
        "url": article_url,
        "path": article_path,
        "number": article_number,
        "titles": TITLES,
    }
