"""Bad input never raises: empty, binary, mojibake, broken, huge pages and pages with no article."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsbot.extract import classify, extract_article, extract_response
from newsbot.extract.encoding import (
    MAX_BYTES,
    build_response,
    fix_mojibake,
    looks_binary,
    looks_mojibake,
)
from newsbot.items import Article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SEED_URL = "https://www.khabarna.net/world/4417902"
TITLE = "وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا"


class Stats:
    def __init__(self) -> None:
        self.values: Counter[str] = Counter()

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] += count


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "parser/page/empty"),
        (b"   \n\t ", "parser/page/empty"),
        (bytes(range(256)) * 40, "parser/page/binary"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00<< /Type /Catalog >>", "parser/page/binary"),
    ],
    ids=["empty", "whitespace", "garbage", "pdf"],
)
def test_unusable_pages_give_an_empty_record_and_a_counter(body: bytes, reason: str) -> None:
    stats = Stats()
    response = build_response(body, "https://example.com/news/1")
    article = extract_response(response, stats=stats)
    assert article.title is None and article.body is None and article.published is None
    assert article.fetched_url == "https://example.com/news/1"
    assert stats.values[reason] == 1
    assert classify(article, response) is not None


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><h1>عنوان",
        "<p>نص بلا <b>إغلاق <div><p>و<span>",
        "</html></body><h1>>>><<<</h1>&#xffff;&#0;&bogus;",
        "<html><head><script type='application/ld+json'>{{{</script></head></html>",
        '{"json": "not html"}',
        "<svg><text>١٢٣</text></svg>",
    ],
)
def test_broken_html_does_not_raise(html: str) -> None:
    record = extract_article(html, "https://example.com/a/1")
    assert record["fetched_url"] == "https://example.com/a/1"
    assert record["related"] == [] and record["authors"] == []


def test_utf8_page_declared_windows_1252_is_repaired() -> None:
    html = (PAGES / "seed_aggregator.html").read_bytes().replace(b'<meta charset="utf-8">', b"")
    response = build_response(html, SEED_URL, {"Content-Type": "text/html; charset=windows-1252"})
    assert looks_mojibake(response.text)
    article = extract_response(response)
    assert article.title == TITLE
    assert article.credited_source == "العربية"


def test_fix_mojibake_text() -> None:
    garbled = "العربية".encode().decode("cp1252", errors="replace")
    assert fix_mojibake("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©") == "العربية"
    assert fix_mojibake("نص سليم") == "نص سليم"
    assert fix_mojibake(garbled) == garbled or fix_mojibake(garbled) == "العربية"


def test_huge_page_is_capped_and_still_extracted() -> None:
    html = (PAGES / "seed_aggregator.html").read_bytes()
    filler = b"<div class='comment'>" + "تعليق طويل جدا ".encode() * 400_000 + b"</div>"
    big = html.replace(b"</footer>", b"</footer>" + filler)
    assert len(big) > MAX_BYTES
    response = build_response(big, SEED_URL)
    assert len(response.body) == MAX_BYTES
    assert extract_response(response).title == TITLE


def test_text_input_and_binary_sniffing() -> None:
    assert not looks_binary("<html>عربي</html>".encode())
    assert not looks_binary("<html>عربي</html>".encode("utf-16"))
    assert looks_binary(b"\x00\x01\x02PK\x03\x04")
    record = extract_article((PAGES / "seed_aggregator.html").read_text(encoding="utf-8"), SEED_URL)
    assert record["title"] == TITLE


def test_windows_1256_bytes_without_headers_use_the_meta_charset() -> None:
    record = extract_article(
        (PAGES / "windows1256.html").read_bytes(), "https://www.alnahar-aljadid.com.lb/local/1"
    )
    assert record["title"] == "بيروت: إقفال المدارس الرسمية غداً بسبب العاصفة"


def test_iso_8859_6_needs_its_header() -> None:
    html = (PAGES / "iso88596_header.html").read_bytes()
    url = "https://www.sfax-news.tn/news/1"
    good = extract_article(html, url, headers={"Content-Type": "text/html; charset=ISO-8859-6"})
    assert good["title"] == "تونس: انطلاق موسم جني الزيتون في ولاية صفاقس"


@pytest.mark.parametrize(
    ("article", "reason"),
    [
        (Article(fetched_url="https://example.com/", title="الرئيسية", word_count=300), "home"),
        (
            Article(fetched_url="https://example.com/video/123", title="فيديو", word_count=5),
            "video",
        ),
        (
            Article(fetched_url="https://example.com/gallery/9", title="صور", word_count=0),
            "gallery",
        ),
        (Article(fetched_url="https://example.com/tag/مصر", title="مصر", word_count=12), "listing"),
        (Article(fetched_url="https://example.com/news/1", title=None, word_count=300), "no-title"),
        (Article(fetched_url="https://example.com/news/1", title="خبر", word_count=10), "no-body"),
        (Article(fetched_url="https://example.com/news/1", title="خبر", word_count=120), None),
    ],
)
def test_classify(article: Article, reason: str | None) -> None:
    assert classify(article, None) == reason


def test_classify_non_html_response() -> None:
    from scrapy.http import Response

    response = Response(
        "https://example.com/file.pdf", body=b"%PDF", headers={"Content-Type": "application/pdf"}
    )
    assert (
        classify(Article(fetched_url=response.url, title="x", word_count=100), response)
        == "not-html"
    )
