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
    expected = "not-html" if reason == "parser/page/binary" else "no-title"
    assert classify(article, response) == expected


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
    assert fix_mojibake("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©") == "العربية"
    # "ف" is D9 81 in UTF-8; 0x81 is undefined in cp1252 and shows up as U+0081.
    assert fix_mojibake("Ù\u0081Ø±Ù†Ø³Ø§") == "فرنسا"
    assert fix_mojibake("نص سليم") == "نص سليم"
    assert fix_mojibake("Café à Paris") == "Café à Paris"  # real Latin-1 text stays


def test_huge_page_is_capped_and_still_extracted() -> None:
    html = (PAGES / "seed_aggregator.html").read_bytes()
    filler = b"<div class='comment'>" + "تعليق طويل جدا ".encode() * 400_000 + b"</div>"
    big = html.replace(b"</footer>", b"</footer>" + filler)
    assert len(big) > MAX_BYTES
    response = build_response(big, SEED_URL)
    assert len(response.body) == MAX_BYTES
    assert extract_response(response).title == TITLE
    from scrapy.http import HtmlResponse

    stats = Stats()
    served = HtmlResponse(SEED_URL, body=big, encoding="utf-8")  # as the downloader delivers it
    assert extract_response(served, stats=stats).title == TITLE
    assert stats.values["parser/page/truncated"] == 1


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


def _mutations() -> list[bytes]:
    """Deterministic damage to a real-template page: cuts, doubled halves, lost closing tags,
    control bytes inside tags and attribute names."""
    html = (PAGES / "seed_aggregator.html").read_bytes()
    out = [html[: len(html) * k // 7] for k in range(1, 7)]
    out += [html[len(html) * k // 5 :] for k in range(1, 5)]
    out += [html[: len(html) // 2] * 2, html.replace(b"</", b"<"), html.replace(b">", b"", 40)]
    out += [
        html.replace(b"<meta ", b"<meta \x01\x02name=x ", 3),
        html.replace(b"<p>", b"<p \x00a=\x7f>", 5),
    ]
    out += [html.replace(b'"', b"", 200), html.replace(b"<", b"<<"), bytes(reversed(html[:3000]))]
    return out


@pytest.mark.parametrize("body", _mutations())
def test_damaged_pages_never_raise_or_hit_the_safety_net(body: bytes) -> None:
    stats = Stats()
    article = extract_response(build_response(body, SEED_URL), stats=stats)
    assert stats.values["parser/page/error"] == 0
    assert article.fetched_url == SEED_URL


def test_undated_page_of_headlines_is_a_listing() -> None:
    items = "".join(
        f"<li><a href='/egypt/2024/05/20/{i}'>الحكومة تعلن مواعيد امتحانات الثانوية العامة رقم {i}</a>"
        f"<p>نص تمهيدي قصير عن الخبر رقم {i} يشرح ما جرى في اجتماع الحكومة اليوم مع الوزراء.</p></li>"
        for i in range(30)
    )
    page = f"<html><body><h1>أخبار مصر</h1><ul class='list'>{items}</ul></body></html>"
    response = build_response(page, "https://www.alkhabar-alyoum.example/egypt")
    article = extract_response(response)
    assert classify(article, response) == "listing"


def test_non_text_response_gives_an_empty_record() -> None:
    from scrapy.http import Response

    stats = Stats()
    response = Response(
        "https://example.com/file.pdf",
        body=b"%PDF-1.4",
        headers={"Content-Type": "application/pdf"},
    )
    article = extract_response(response, stats=stats)  # type: ignore[arg-type]
    assert article.title is None and article.fetched_url == "https://example.com/file.pdf"
    assert stats.values["parser/page/not_text"] == 1
    assert classify(article, response) == "not-html"


def test_double_encoded_utf8_page_is_repaired() -> None:
    html = (PAGES / "seed_aggregator.html").read_text(encoding="utf-8")
    raw = html.encode("utf-8")  # UTF-8 read as cp1252 (undefined bytes kept as C1 controls) ...
    garbled = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    response = build_response(garbled.encode("utf-8"), SEED_URL)  # ... and saved again as UTF-8
    assert looks_mojibake(response.text)
    article = extract_response(response)
    assert article.title == TITLE
