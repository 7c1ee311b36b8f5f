"""JSON-LD reading: @graph, arrays, several scripts, CDATA, escaped strings, broken JSON."""

from __future__ import annotations

import pytest
from parsel import Selector

from newsbot.extract.jsonld import article_fields, load_blocks


def page(*scripts: str) -> Selector:
    body = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    return Selector(text=f"<html><head>{body}</head><body></body></html>")


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, n: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + n


CASES = [
    (
        "graph",
        '{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"صدى البلد"},'
        '{"@type":"NewsArticle","headline":"تركى آل الشيخ بعد إصابة يسرا بكورونا","datePublished":"2020-12-25T01:59:50+02:00",'
        '"author":{"@type":"Person","name":"ضحى عرفة"}}]}',
        {
            "headline": "تركى آل الشيخ بعد إصابة يسرا بكورونا",
            "published": "2020-12-25T01:59:50+02:00",
            "authors": ["ضحى عرفة"],
        },
    ),
    (
        "array",
        '[{"@type":"Organization","name":"البيان"},{"@type":["NewsArticle"],"headline":"القائم بأعمال السفارة الأفغانية يثمّن جهود الإمارات",'
        '"datePublished":"2020-06-03T03:01+0400","articleSection":["عبر الإمارات","أخبار وتقارير"]}]',
        {
            "headline": "القائم بأعمال السفارة الأفغانية يثمّن جهود الإمارات",
            "section": "أخبار وتقارير",
        },
    ),
    (
        "cdata",
        '//<![CDATA[\n{"@type":"ReportageNewsArticle","headline":"آرون بوشنيل: أصدقاء الطيار الأمريكي","isAccessibleForFree":true}\n//]]>',
        {"headline": "آرون بوشنيل: أصدقاء الطيار الأمريكي", "is_free": True},
    ),
    (
        "escaped",
        '{"@type":"NewsArticle","headline":"&quot;شعر وردي يُشعل السخرية&quot;… لغز لون شعر دونالد ترامب","keywords":"ترامب، شعر"}',
        {
            "headline": '"شعر وردي يُشعل السخرية"… لغز لون شعر دونالد ترامب',
            "keywords": ["ترامب", "شعر"],
        },
    ),
    (
        "webpage-with-article-fields",
        '{"@type":"WebPage","headline":"مصر تسجل 30 إصابة جديدة","datePublished":"2020-03-17T17:27:41Z","isAccessibleForFree":"False"}',
        {"headline": "مصر تسجل 30 إصابة جديدة", "is_free": False},
    ),
    (
        "trailing-comma",
        '{"@type":"BlogPosting","headline":"مدونة: يوم في سوق الجمعة",}',
        {"headline": "مدونة: يوم في سوق الجمعة"},
    ),
]


@pytest.mark.parametrize(("script", "expected"), [pytest.param(s, e, id=i) for i, s, e in CASES])
def test_article_fields(script: str, expected: dict[str, object]) -> None:
    got = article_fields(page(script))
    for key, value in expected.items():
        assert got[key] == value, key


def test_article_beats_webpage_and_several_scripts_are_read() -> None:
    sel = page(
        '{"@type":"WebPage","name":"الصفحة","datePublished":"2024-01-01"}',
        '{"@type":"BreadcrumbList","itemListElement":[{"position":1,"name":"الرئيسية"},{"position":2,"name":"محليات"}]}',
        '{"@type":"NewsArticle","headline":"خبر محلي","datePublished":"2024-01-02T10:00:00+03:00"}',
    )
    got = article_fields(sel)
    assert got["headline"] == "خبر محلي"
    assert got["published"] == "2024-01-02T10:00:00+03:00"
    assert got["breadcrumb"] == "محليات"


def test_broken_block_is_skipped_and_counted() -> None:
    stats = Stats()
    sel = page(
        '{"@type": "NewsArticle", "headline": "عنوان "مكسور"',
        '{"@type":"NewsArticle","headline":"عنوان سليم"}',
    )
    assert article_fields(sel, stats)["headline"] == "عنوان سليم"
    assert stats.values == {"parser/jsonld/invalid": 1}


def test_no_jsonld() -> None:
    assert load_blocks(Selector(text="<html><body><p>نص</p></body></html>")) == []
    assert article_fields(Selector(text="<html></html>")) == {"breadcrumb": None}
