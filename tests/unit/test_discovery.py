"""Discovery parsers: feeds, sitemaps (index, urlset, Google news), robots.txt, HTML links."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone

import pytest
from parsel import Selector

from newsbot.discovery import Entry, parse_machine_date
from newsbot.discovery.feeds import is_feed, parse_feed
from newsbot.discovery.html import feed_links, select_links
from newsbot.discovery.sitemaps import parse_sitemap, sitemaps_from_robots

BASE = "https://www.example-news.com/"
KSA = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-09-16", datetime(2023, 9, 16, tzinfo=UTC)),
        ("2023-09-16T10:05:00+03:00", datetime(2023, 9, 16, 10, 5, tzinfo=KSA)),
        ("2023-09-16T07:05:00Z", datetime(2023, 9, 16, 7, 5, tzinfo=UTC)),
        ("2023-09-16T07:05:00.123Z", datetime(2023, 9, 16, 7, 5, 0, 123000, tzinfo=UTC)),
        ("2023-09-16 07:05:00", datetime(2023, 9, 16, 7, 5, tzinfo=UTC)),
        ("Sat, 16 Sep 2023 10:05:00 +0300", datetime(2023, 9, 16, 10, 5, tzinfo=KSA)),
        ("Sat, 16 Sep 2023 07:05:00 GMT", datetime(2023, 9, 16, 7, 5, tzinfo=UTC)),
        ("2023-09", datetime(2023, 9, 1, tzinfo=UTC)),
        ("16 سبتمبر 2023", None),  # visible Arabic dates are the extractor's job
        ("", None),
        (None, None),
    ],
)
def test_parse_machine_date(text, expected):
    assert parse_machine_date(text) == expected


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>أخبار</title><language>ar</language>
<item><title><![CDATA[الحكومة تعلن حزمة إجراءات اقتصادية جديدة]]></title>
  <link>https://www.example-news.com/news/2023/09/16/1</link>
  <pubDate>Sat, 16 Sep 2023 10:05:00 +0300</pubDate></item>
<item><title>خبر بلا رابط مباشر</title><guid isPermaLink="true">/news/2</guid>
  <dc:date>2023-09-15T08:00:00Z</dc:date></item>
<item><title>رابط مكرر</title><link>https://www.example-news.com/news/2023/09/16/1</link></item>
<item><title>معرف ليس رابطا</title><guid isPermaLink="false">abc-123</guid></item>
</channel></rss>""".encode()

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<title>أخبار</title>
<entry><title>وزير التعليم: العام الدراسي يبدأ في موعده</title>
  <link rel="alternate" type="text/html" href="/news/10"/>
  <link rel="enclosure" href="/img/10.jpg"/>
  <published>2024-01-02T09:00:00+02:00</published><updated>2024-01-03T09:00:00+02:00</updated>
</entry></feed>""".encode()


def test_rss_items_keep_title_date_language():
    entries = parse_feed(RSS, BASE)
    assert [e.url for e in entries] == [
        "https://www.example-news.com/news/2023/09/16/1",
        "https://www.example-news.com/news/2",
    ]
    first, second = entries
    assert first.title == "الحكومة تعلن حزمة إجراءات اقتصادية جديدة"
    assert first.published == datetime(2023, 9, 16, 7, 5, tzinfo=UTC)
    assert first.language == "ar" and first.source == "rss"
    assert second.published == datetime(2023, 9, 15, 8, 0, tzinfo=UTC)  # dc:date


def test_atom_entry_alternate_link_and_dates():
    (entry,) = parse_feed(ATOM, BASE)
    assert entry.url == "https://www.example-news.com/news/10"
    assert entry.published == datetime(2024, 1, 2, 7, 0, tzinfo=UTC)
    assert entry.modified == datetime(2024, 1, 3, 7, 0, tzinfo=UTC)
    assert entry.language == "ar"


def test_rdf_feed():
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <item rdf:about="https://x.example/1"><title>t</title><link>https://x.example/1</link>
      <dc:date>2020-05-01</dc:date></item></rdf:RDF>"""
    (entry,) = parse_feed(rdf, BASE)
    assert entry.url == "https://x.example/1"
    assert entry.published == datetime(2020, 5, 1, tzinfo=UTC)


@pytest.mark.parametrize("body", [b"", b"<html><body>not a feed</body></html>", b"\x00\x01"])
def test_not_a_feed(body):
    assert parse_feed(body, BASE) == []
    assert not is_feed(body)


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://www.example-news.com/news/2024/11/21/1021</loc>
  <lastmod>2024-11-21T12:00:00+02:00</lastmod>
  <news:news><news:publication><news:name>المصري</news:name>
    <news:language>ar</news:language></news:publication>
  <news:publication_date>2024-11-21T10:30:00+02:00</news:publication_date>
  <news:title>المركزي يثبت أسعار الفائدة</news:title></news:news></url>
<url><loc>https://www.example-news.com/about</loc></url>
</urlset>""".encode()


def test_news_sitemap_keeps_publication_date_title_language_lastmod():
    sitemap = parse_sitemap(NEWS_SITEMAP, BASE, source="news_sitemap")
    assert sitemap.kind == "urlset" and sitemap.is_news
    news, plain = sitemap.entries
    assert news == Entry(
        url="https://www.example-news.com/news/2024/11/21/1021",
        source="news_sitemap",
        title="المركزي يثبت أسعار الفائدة",
        published=datetime(2024, 11, 21, 8, 30, tzinfo=UTC),
        modified=datetime(2024, 11, 21, 10, 0, tzinfo=UTC),
        language="ar",
    )
    assert news.hints()["date_source"] == "sitemap"
    assert news.hints()["published"].startswith("2024-11-21T10:30")
    assert plain.published is None and plain.title is None


def test_sitemap_index_and_gzip():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sitemap-2024.xml.gz</loc><lastmod>2024-12-01</lastmod></sitemap>
      <sitemap><loc>https://www.example-news.com/sitemap-2023.xml</loc></sitemap>
    </sitemapindex>"""
    sitemap = parse_sitemap(gzip.compress(index), BASE)
    assert sitemap.kind == "sitemapindex"
    assert [e.url for e in sitemap.entries] == [
        "https://www.example-news.com/sitemap-2024.xml.gz",
        "https://www.example-news.com/sitemap-2023.xml",
    ]
    assert sitemap.entries[0].modified == datetime(2024, 12, 1, tzinfo=UTC)


def test_sitemap_does_not_expand_entities():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">
      <!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://x.example/&x;</loc></url><url><loc>https://x.example/&b;</loc></url>
      </urlset>"""
    urls = [e.url for e in parse_sitemap(xxe, BASE).entries]
    assert not any("root:" in u or "AAAA" in u for u in urls)


@pytest.mark.parametrize("body", [b"", b"<html></html>", b"not xml at all", b"<rss></rss>"])
def test_invalid_sitemap(body):
    assert parse_sitemap(body, BASE).kind == "invalid"


def test_robots_sitemap_lines():
    robots = (
        "User-agent: *\nDisallow: /private/\n"
        "Sitemap: https://www.example-news.com/sitemap_index.xml\n"
        "sitemap:/news-sitemap.xml # news\nSITEMAP: https://www.example-news.com/sitemap_index.xml\n"
    )
    assert sitemaps_from_robots(robots, BASE + "robots.txt") == [
        "https://www.example-news.com/sitemap_index.xml",
        "https://www.example-news.com/news-sitemap.xml",
    ]


def test_feed_autodiscovery_links():
    html = """<html><head>
      <link rel="alternate" type="application/rss+xml" title="آخر الأخبار" href="/rss">
      <link rel="alternate" type="application/atom+xml" href="https://cdn.example.com/atom.xml">
      <link rel="alternate" hreflang="en" href="/en/">
      <link rel="stylesheet" type="text/css" href="/main.css"></head></html>"""
    assert feed_links(Selector(text=html), BASE) == [
        "https://www.example-news.com/rss",
        "https://cdn.example.com/atom.xml",
    ]


def test_select_links_with_css_xpath_and_default():
    html = """<div class="list"><h3><a href="/news/1#c">أ</a></h3><h3><a href="/news/2">ب</a></h3></div>
      <a href="javascript:void(0)">x</a><a href="mailto:a@b.c">m</a><a class="next" href="?page=2">التالي</a>"""
    sel = Selector(text=html)
    assert select_links(sel, BASE, "div.list h3 a::attr(href)") == [
        "https://www.example-news.com/news/1",
        "https://www.example-news.com/news/2",
    ]
    assert select_links(sel, BASE, "div.list a") == select_links(sel, BASE, "xpath://h3/a")
    assert select_links(sel, BASE, "a.next::attr(href)") == ["https://www.example-news.com/?page=2"]
    assert len(select_links(sel, BASE)) == 3


def test_a_bare_day_reaches_the_extractor_as_a_day() -> None:
    from newsbot.discovery import Entry, parse_machine_date

    day = Entry(
        url="https://x.example/a",
        source="sitemap",
        modified=parse_machine_date("2023-09-16"),
        modified_text="2023-09-16",
    )
    exact = Entry(
        url="https://x.example/a",
        source="news_sitemap",
        published=parse_machine_date("2023-09-16T00:00:00Z"),
        published_text="2023-09-16T00:00:00Z",
    )
    assert day.hints()["modified"] == "2023-09-16"
    assert exact.hints()["published"] == "2023-09-16T00:00:00+00:00"
