"""The pure parts of ``scrapy portals`` / ``scrapy genportal``: tables, verdicts, guesses, drafts."""

from __future__ import annotations

import re

import pytest

from newsbot import portals
from newsbot.catalogue import guess
from newsbot.catalogue.draft import Findings, build_draft
from newsbot.catalogue.health import BROKEN, DEGRADED, OK, PortalHealth, render_summary
from newsbot.catalogue.portalfile import render
from newsbot.catalogue.results import ArticleResult, SourceResult
from newsbot.catalogue.table import (
    catalogue_row,
    catalogue_rows,
    display_width,
    every,
    render_catalogue,
    render_table,
    render_unverified,
)

# -- catalogue table ---------------------------------------------------------------------------


def test_table_columns_line_up_with_arabic_and_harakat():
    text = render_table(["slug", "name", "n"], [["a", "مُحَمَّد", "1"], ["bbb", "اليوم", "22"]])
    lines = text.splitlines()
    assert display_width("مُحَمَّد") == 4  # four letters: harakat take no column
    # the column after the name starts at the same terminal column on every line
    starts = {display_width(line[: line.rindex(" ") + 1]) for line in lines}
    assert len(starts) == 1, text


@pytest.mark.parametrize(
    ("minutes", "text"), [(15, "15m"), (60, "1h"), (90, "1h30m"), (1440, "1d"), (1500, "1d1h")]
)
def test_schedule_interval_for_people(minutes, text):
    assert every(minutes) == text


def test_catalogue_has_one_row_per_portal_with_source_counts():
    registry = portals.all_portals()
    rows = catalogue_rows(registry)
    assert [r["slug"] for r in rows] == [p.slug for p in registry]
    youm7 = next(r for r in rows if r["slug"] == "youm7")
    assert len(youm7["sources"]["rss"]) == len(portals.get("youm7").sources.rss)
    table = render_catalogue(rows).splitlines()
    assert table[0].split() == list(
        [
            "slug",
            "name",
            "country",
            "zone",
            "rss",
            "news",
            "sitemap",
            "listing",
            "render",
            "every",
            "unverified",
        ]
    )
    assert len(table) == len(registry) + 2


def test_unverified_urls_are_counted_and_listed():
    base = portals.get("demo")
    feed = base.sources.rss[0]
    portal = portals.Portal(
        slug="draft",
        name="x",
        domains=("x.ma",),
        country="ma",
        sources=base.sources,
        unverified=(feed,),
    )
    row = catalogue_row(portal)
    assert render_catalogue([row]).splitlines()[2].split()[-1] == "1"
    assert render_unverified([row]) == f"draft  {feed}\n"
    assert render_unverified([catalogue_row(base)]) == ""


# -- health verdicts ---------------------------------------------------------------------------


def _article(url: str = "https://x.ma/a/1", **fields: bool) -> ArticleResult:
    have = {"title": True, "body": True, "published": True, "authors": True, **fields}
    reason = None if have["title"] and have["body"] else "no-body"
    return ArticleResult(url=url, status="ok", reason=reason, fields=have)


def _health(sources, articles, discovered=3) -> PortalHealth:
    return PortalHealth("p", sources=sources, articles=articles, discovered=discovered).assess()


def _src(kind="rss", status="ok", entries=3, articles=3) -> SourceResult:
    return SourceResult(
        url=f"https://x.ma/{kind}", kind=kind, status=status, entries=entries, articles=articles
    )


def test_healthy_portal_is_ok():
    h = _health([_src()], [_article(), _article("https://x.ma/a/2", authors=False)])
    assert (h.status, h.problems) == (OK, [])
    assert h.coverage("authors") == "1/2"


def test_one_failing_source_among_working_ones_is_degraded():
    h = _health([_src(), _src("sitemap", "http_404", 0, 0)], [_article()])
    assert h.status == DEGRADED
    assert h.problems == ["sitemap https://x.ma/sitemap: HTTP 404"]


@pytest.mark.parametrize(
    ("sources", "articles", "discovered", "why"),
    [
        ([_src(status="http_404", entries=0, articles=0)], [], 0, "no source reachable"),
        ([_src(status="dns", entries=0, articles=0)], [], 0, "no source reachable"),
        ([_src("sitemap", "empty", 0, 0)], [], 0, "no article URL discovered"),
        ([_src(entries=9, articles=0)], [], 0, "9 URLs listed, none matches"),
        ([_src()], [_article(title=False), _article(body=False)], 3, "no fetched article"),
        ([_src()], [ArticleResult(url="u", status="timeout")], 3, "could be fetched"),
    ],
)
def test_broken_portals(sources, articles, discovered, why):
    h = _health(sources, articles, discovered)
    assert h.status == BROKEN
    assert why in h.problems[0]


def test_selector_that_matches_nothing_on_every_page_is_drift():
    pages = [_article(), _article("https://x.ma/a/2")]
    pages[0].selector_misses = ["body", "byline"]
    pages[1].selector_misses = ["body"]
    h = _health([_src()], pages)
    assert h.status == DEGRADED
    assert h.problems == ["selector body: matched nothing on 2 article(s)"]
    assert "DEGRADED" in render_summary([h])


# -- guesses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "country"),
    [
        ("www.hespress.ma", "ma"),
        ("www.alriyadh.com.sa", "sa"),
        ("xn--wgbh1c", "eg"),  # .مصر
        ("www.bbc.co.uk", "gb"),
        ("www.example.com", None),
    ],
)
def test_tld_country(host, country):
    assert guess.tld_country(host) == country


def test_country_from_tld_then_language_then_content():
    assert guess.guess_country("akhbar.com.sa") == guess.Guess(
        "sa", "country-code TLD of akhbar.com.sa"
    )
    abroad = guess.guess_country("www.bbc.co.uk")
    assert (abroad.value, abroad.todo) == ("int", True)
    lang = guess.guess_country("www.example.com", ["ar", "ar-MA"])
    assert (lang.value, lang.todo) == ("ma", True)
    texts = ["قال وزير الداخلية في الرباط إن المغرب سيشارك", "أعلنت الحكومة المغربية"]
    content = guess.guess_country("www.example.com", ["ar"], texts, ["الرباط"])
    assert (content.value, content.todo) == ("ma", True)
    assert guess.guess_country("www.example.com", ["ar"], ["خبر عام"]).value == "int"


def test_region_of_a_country_and_of_a_service_abroad():
    locale, zone = guess.guess_region("ma", "x.ma")
    assert (locale.value, zone.value, zone.todo) == ("ar-MA", "Africa/Casablanca", False)
    locale, zone = guess.guess_region("int", "www.bbc.co.uk")
    assert (locale.value, zone.value, zone.todo) == ("ar", "Europe/London", True)


@pytest.mark.parametrize(
    ("host", "slug"),
    [
        ("www.alriyadh.com.sa", "alriyadh"),
        ("arabic.cnn.com", "cnnarabic"),
        ("www.al-ahram.org.eg", "al_ahram"),
        ("24.ae", "ae24"),
    ],
)
def test_slug_from_host(host, slug):
    assert guess.guess_slug(host) == slug
    assert re.fullmatch(r"[a-z][a-z0-9_]*", slug)


@pytest.mark.parametrize(
    ("urls", "allow"),
    [
        (
            ["https://x.ma/news/2024/05/a-1.html", "https://x.ma/news/2023/12/b-2.html"],
            r"/news/\d{4}/\d{1,2}/",
        ),
        (["https://x.ma/politics/12345-a", "https://x.ma/sport/23456-b"], r"/[^/]*\d{4,}[^/]*$"),
        (["https://x.ma/a", "https://x.ma/b"], None),
        (["https://x.ma/news/2024/05/a-1.html"], None),  # one URL is no pattern
    ],
)
def test_article_allow_from_urls(urls, allow):
    got = guess.guess_article_allow(urls)
    assert got == ((allow,) if allow else ())
    assert all(re.search(p, u) for p in got for u in urls)


# -- drafts ------------------------------------------------------------------------------------


def test_draft_keeps_evidence_marks_failed_sources_unverified_and_validates(tmp_path):
    home = "https://www.sahara-akhbar.ma/"
    findings = Findings(
        home=home,
        robots=SourceResult(home + "robots.txt", "robots", "ok"),
        robots_sitemaps=[home + "sitemap.xml"],
        sources=[
            SourceResult(home + "sitemap.xml", "sitemap", "ok", 5, 5, found_in="robots.txt"),
            SourceResult(
                home + "rss.xml",
                "rss",
                "ok",
                2,
                2,
                found_in="<link rel=alternate>",
                samples=[home + "akhbar/2024/01/1-a.html", home + "akhbar/2023/02/2-b.html"],
            ),
            SourceResult(home + "old.rss", "rss", "http_404", found_in="<link rel=alternate>"),
            SourceResult(home, "listing", "ok", 7, 7, found_in="home"),
        ],
        articles=[_article(home + "akhbar/2024/01/1-a.html", authors=False)],
        site_names=["أخبار الصحراء"],
    )
    draft = build_draft(findings)
    assert (draft.slug, draft.country.value, draft.zone.value) == (
        "sahara_akhbar",
        "ma",
        "Africa/Casablanca",
    )
    assert draft.rss == [home + "rss.xml", home + "old.rss"]
    assert draft.unverified == [home + "old.rss"]
    assert draft.article_allow == (r"/akhbar/\d{4}/\d{1,2}/",)
    text = render(draft)
    assert "found in robots.txt" in text and "authors missing on 1/1" in text
    path = tmp_path / "draft.py"
    path.write_text(text, encoding="utf-8")
    portal = portals.validate_module(path)
    assert portal.unverified == (home + "old.rss",)
    assert portal.sources.sitemaps == (home + "sitemap.xml",)


def _findings(home: str) -> Findings:
    return Findings(
        home=home,
        sources=[SourceResult(home + "rss.xml", "rss", "ok", 2, 2, found_in="<link>")],
        articles=[_article(home + "a/1")],
    )


def test_write_draft_into_the_portals_tree_adds_the_country_folder(tmp_path, monkeypatch):
    from newsbot.catalogue import portalfile

    monkeypatch.setattr(portalfile, "PORTALS_DIR", tmp_path / "portals")
    draft = build_draft(_findings("https://www.example.ly/"))
    path = portalfile.write_draft(draft)
    assert path == tmp_path / "portals" / "ly" / "example.py"
    init = (tmp_path / "portals" / "ly" / "__init__.py").read_text(encoding="utf-8")
    assert 'TIMEZONE = "Africa/Tripoli"' in init
    with pytest.raises(portalfile.DraftError, match="exists"):
        portalfile.write_draft(draft)
    taken = build_draft(_findings("https://demo.newsbot.example/"), slug="demo2")
    with pytest.raises(portalfile.DraftError, match="already covered by portal 'demo'"):
        portalfile.write_draft(taken)
