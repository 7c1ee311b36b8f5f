"""published_hijri from the visible date line when the date itself comes from JSON-LD/meta."""

from __future__ import annotations

import json

import pytest

from newsbot import extract_article

BODY = "".join(
    f"<p>قال المتحدث الرسمي إن الاجتماع الذي عقد اليوم ناقش ملفات عدة منها البند رقم {i} "
    "وأكد أهمية متابعة التنفيذ خلال الأسابيع المقبلة.</p>"
    for i in range(4)
)


def _page(published: str, line: str) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "اجتماع اللجنة"}
    ld["datePublished"] = published
    return (
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اجتماع اللجنة</title>'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        "</head><body><article><h1>اجتماع اللجنة</h1>"
        f'<div class="date">{line}</div>{BODY}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("published", "line", "hijri"),
    [
        # Same day: the Hijri date printed on the page is kept.
        ("2024-03-15T10:20:00+03:00", "الجمعة 5 رمضان 1445هـ الموافق 15 مارس 2024م", "1445-09-05"),
        ("2024-03-15T10:20:00+03:00", "5 رمضان 1445 هـ - 15 مارس 2024 م", "1445-09-05"),
        # A Gregorian-only line gives no Hijri date.
        ("2024-03-15T10:20:00+03:00", "الجمعة 15 مارس 2024 - 10:20 ص", None),
        # A Hijri line of ANOTHER day (e.g. today's date in a header) is not taken.
        ("2024-03-15T10:20:00+03:00", "السبت 6 رمضان 1445هـ الموافق 16 مارس 2024م", None),
    ],
)
def test_hijri_from_visible_line(published: str, line: str, hijri: str | None) -> None:
    rec = extract_article(_page(published, line), "https://www.alyaum.com/articles/6512345/x")
    assert rec["published"] == published
    assert rec.get("published_hijri") == hijri
