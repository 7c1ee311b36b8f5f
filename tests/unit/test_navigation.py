"""Navigation-crawl link and page rules (newsbot/discovery/navigation.py, listing_page.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from newsbot.discovery.listing_page import edition_prefixes, listing_dates, page_kind, page_links
from newsbot.discovery.navigation import NavState, blocked, link_kind, page_number, url_shape
from newsbot.spiders._args import ArgumentError
from newsbot.spiders._navigation import NavLimits

HOME = "https://site.example/"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://site.example/login", "login"),
        ("https://site.example/user/sign-in/", "login"),
        ("https://site.example/تسجيل/", "login"),
        ("https://site.example/search?q=غزة", "search"),
        ("https://site.example/بحث/غزة", "search"),
        ("https://site.example/?s=economy", "search"),
        ("https://site.example/print/news/123", "print"),
        ("https://site.example/news/123?print=1", "print"),
        ("https://site.example/share?u=1", "share"),
        ("https://site.example/files/report.pdf", "media"),
        ("https://site.example/videos/clip.MP4", "media"),
        ("https://site.example/en/news/2024/story-123", "edition"),
        ("https://site.example/fr/", "edition"),
        ("https://site.example/news?lang=en", "edition"),
        ("https://site.example/about-us/", "static"),
        ("https://site.example/اتصل-بنا", "static"),
        ("https://site.example/feed/", "feed"),
        ("https://site.example/news/1234/comments", "comments"),
    ],
)
def test_blocked_paths(url, reason):
    assert blocked(url, HOME) == reason


@pytest.mark.parametrize(
    "url",
    [
        "https://site.example/news/2024/05/13/story-123456.html",
        "https://site.example/section/politics/",
        "https://site.example/قسم/رياضة/",
        "https://site.example/tag/انتخابات/",
        "https://site.example/category/economy/page/2/",
        "https://site.example/Section/Search-Results-Of-The-Election-2024-123",  # a slug word
    ],
)
def test_news_paths_are_not_blocked(url):
    assert blocked(url, HOME) is None


def test_the_home_language_is_not_an_edition_but_hreflang_editions_are():
    home = "https://site.example/ar/"
    assert blocked("https://site.example/ar/news/123", home) is None
    assert blocked("https://site.example/english/x", home, {"/english"}) == "edition"
    assert blocked("https://site.example/ku/x", home) == "edition"


@pytest.mark.parametrize(
    ("url", "text", "page", "rel_next", "kind"),
    [
        ("https://s.example/section/x/?page=2", "التالي", 1, False, "next"),
        ("https://s.example/section/x/?page=2", "« الصفحة التالية", 1, False, "next"),
        ("https://s.example/section/x/more", "المزيد", 1, False, "next"),
        ("https://s.example/section/x/2.html", "", 1, True, "next"),
        ("https://s.example/section/x/page/3/", "٣", 2, False, "next"),
        ("https://s.example/section/x/page/3/", "3", 1, False, "pager"),
        ("https://s.example/section/x/?page=3", "", 2, False, "next"),
        ("https://s.example/section/x/?page=1", "السابق", 2, False, "pager"),
    ],
)
def test_pagination_links(url, text, page, rel_next, kind):
    current = (
        "https://s.example/section/x/" if page == 1 else f"https://s.example/section/x/?page={page}"
    )
    if "/page/" in url and page > 1:
        current = f"https://s.example/section/x/page/{page}/"
    assert link_kind(url, text, current=current, page=page, rel_next=rel_next) == kind


def test_more_links_elsewhere_are_listings_not_pagination():
    home = dict(current="https://s.example/", page=1)
    assert link_kind("https://s.example/section/x/", "المزيد", **home) == "listing"
    assert link_kind("https://s.example/?page=2", "التالي", **home) == "next"
    politics = dict(current="https://s.example/section/politics.html", page=1)
    assert link_kind("https://s.example/section/politics-2.html", "التالي", **politics) == "next"
    assert link_kind("https://s.example/section/economy.html", "المزيد", **politics) == "listing"


def test_listing_article_and_unknown_links():
    here = dict(current="https://s.example/", page=1)
    assert link_kind("https://s.example/tag/طاقة/", "طاقة", **here) == "listing"
    assert link_kind("https://s.example/politics", "سياسة", **here) == "listing"
    assert link_kind("https://s.example/a/b/c", "سياسة", in_nav=True, **here) == "listing"
    assert link_kind("https://s.example/news/2024/x-123456.html", "خبر", **here) == "article"
    assert link_kind("https://s.example/a/b/c", "خبر", **here) == "unknown"


def test_learned_article_shape_is_preferred_and_other_shapes_become_unlikely():
    state = NavState()
    for n in (1, 2, 3):
        state.confirm(f"https://s.example/story/{n}00{n}/title-words")
    here = dict(current="https://s.example/", page=1, shapes=state)
    assert state.learned()
    assert link_kind("https://s.example/story/98765/other", "", **here) == "article"
    assert link_kind("https://s.example/a/b/c", "خبر", **here) == "unlikely"
    assert url_shape("https://s.example/news/2024/a01-1001.html") == "/w/n/id.html"
    assert url_shape("https://s.example/section/politics.html") == "/w/w.html"
    assert url_shape("https://www.bbc.com/arabic/articles/c72g2rnmk24o") == "/w/w/id"


def test_page_number():
    assert page_number("https://s.example/x/page/4/") == ("s.example/x?", 4)
    assert page_number("https://s.example/x/?cat=2&page=7") == ("s.example/x?cat=2", 7)
    assert page_number("https://s.example/x/story-123") is None


LISTING = """<html><head><link rel="next" href="/sec/?page=2">
<link rel="alternate" hreflang="en" href="/en/"><link rel="alternate" hreflang="ar" href="/">
</head><body><nav><a href="/sec/">قسم</a></nav><ul>
<li><a href="/news/1/a-1001">خبر أول عن الاقتصاد المحلي اليوم</a><time datetime="2024-05-13T08:00:00+03:00">13 مايو</time></li>
<li><a href="/news/2/a-1002">خبر ثان عن الاقتصاد المحلي أمس</a><span data-date="2024-05-12">12 مايو</span></li>
<li><a href="/news/3/a-1003">خبر ثالث بلا تاريخ ظاهر هنا</a></li>
<li><a href="/news/4/a-1004">خبر رابع عن الطقس والأمطار</a><a href="/news/5/a-1005">خبر خامس</a><time datetime="2024-05-11">11</time></li>
</ul></body></html>"""


def _response(html: str, url: str = "https://s.example/sec/") -> HtmlResponse:
    return HtmlResponse(url, body=html.encode(), encoding="utf-8")


def test_listing_page_links_dates_and_editions():
    response = _response(LISTING)
    links = {link.url: link for link in page_links(response)}
    assert links["https://s.example/sec/"].in_nav
    assert links["https://s.example/sec/?page=2"].rel_next  # from <link rel=next>
    dates = listing_dates(response)
    assert dates == {
        "https://s.example/news/1/a-1001": datetime(2024, 5, 13, 5, 0, tzinfo=UTC),
        "https://s.example/news/2/a-1002": datetime(2024, 5, 12, tzinfo=UTC),
    }  # a box with two links gives no date to either
    assert edition_prefixes(response) == {"/en"}
    assert page_kind(response) == "listing"


def test_article_page_kind():
    body = "".join(
        f"<p>{'جملة طويلة من نص الخبر تتكرر هنا لتكون فقرة كاملة ' * 2}</p>" for _ in range(6)
    )
    html = (
        '<html><head><meta property="og:type" content="article"></head><body>'
        f'<nav><a href="/">الرئيسية</a> <a href="/sec/">قسم</a></nav><h1>عنوان</h1>{body}</body></html>'
    )
    assert page_kind(_response(html, "https://s.example/news/1/a-1001")) == "article"
    assert page_kind(_response("<html></html>")) == "unknown"


def test_limits_from_settings_and_arguments():
    settings = Settings({"NEWSBOT_NAV_MAX_DEPTH": 3, "NEWSBOT_NAV_STALE_DAYS": 7})
    limits = NavLimits.from_settings(settings, {"nav_pages": "2"})
    assert (limits.max_depth, limits.max_pages, limits.max_listings) == (3, 2, 100)
    assert limits.stale_days == 7
    with pytest.raises(ArgumentError, match="nav_depth"):
        NavLimits.from_settings(settings, {"nav_depth": "two"})


def test_arabic_hrefs_match_link_extractor_urls():
    html = (
        '<ul><li><a rel="next" href="/قسم/رياضة/2.html">الصفحة التالية</a></li>'
        '<li><a href="/أخبار/2024/خبر-123">خبر</a><time datetime="2024-01-02">2</time></li></ul>'
    )
    response = _response(html, "https://s.example/قسم/رياضة/")
    links = page_links(response)
    assert [link.rel_next for link in links] == [True, False]  # one link each, not two
    assert set(listing_dates(response)) == {links[1].url}


def test_real_article_pages_are_never_listings():
    """The navigation crawl must not mistake a real article for a listing (it would lose it):
    the 15 real pages of ../shared/realworld, with their related-link blocks and menus."""
    import json

    from newsbot.quality import realworld_dir

    root = realworld_dir()
    if not (root / "expected").is_dir():
        pytest.skip(f"realworld pages not found at {root} (set NEWSBOT_REALWORLD_DIR)")
    kinds = {}
    for expected in sorted((root / "expected").glob("*.json")):
        url = json.loads(expected.read_text(encoding="utf-8"))["url"]
        body = (root / "pages" / f"{expected.stem}.html").read_bytes()
        kinds[expected.stem] = page_kind(HtmlResponse(url, body=body, encoding="utf-8"))
        assert blocked(url, url) is None, url
    assert kinds and "listing" not in kinds.values(), kinds
