"""Spider arguments, URL filtering and request priority of the shared spider implementation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsbot.discovery import Entry
from newsbot.portals import Portal
from newsbot.spiders._args import ArgumentError, CrawlArgs, parse_cutoff, parse_urls
from newsbot.spiders.base import NewsbotSpider, article_priority, portal_slots
from newsbot.spiders.portal import GENERATED, RESERVED_NAMES

NOW = datetime(2025, 7, 5, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("since", "days", "expected"),
    [
        ("2024-01-01", None, datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-01-01T10:00:00+03:00", None, datetime(2024, 1, 1, 7, 0, tzinfo=UTC)),
        (None, "2", NOW - timedelta(days=2)),
        (None, "0.5", NOW - timedelta(hours=12)),
        ("2025-07-04", "3", datetime(2025, 7, 4, tzinfo=UTC)),  # the later cutoff wins
        (None, None, None),
    ],
)
def test_cutoff(since, days, expected):
    assert parse_cutoff(since, days, now=NOW) == expected


@pytest.mark.parametrize(
    ("since", "days"), [("أمس", None), ("01/02/2024", None), (None, "two"), (None, "-1")]
)
def test_bad_cutoff_is_an_error(since, days):
    with pytest.raises(ArgumentError):
        parse_cutoff(since, days, now=NOW)


def test_urls_from_all_three_arguments(tmp_path):
    listed = tmp_path / "urls.txt"
    listed.write_text(
        "# saved pages\nhttps://www.youm7.com/story/2024/5/13/x/6573469\n\nhttp://127.0.0.1:8000/a.html\n",
        encoding="utf-8",
    )
    urls = parse_urls(
        "http://127.0.0.1:8000/a.html", "https://a.example/1, https://a.example/2", listed
    )
    assert urls == [
        "http://127.0.0.1:8000/a.html",
        "https://a.example/1",
        "https://a.example/2",
        "https://www.youm7.com/story/2024/5/13/x/6573469",
    ]
    with pytest.raises(ArgumentError):
        parse_urls("ftp://a.example/1")


def test_crawl_args_pop_only_their_own_keys():
    kwargs = {"limit": "5", "related_depth": "2", "days": "1", "fresh": "1"}
    args = CrawlArgs.parse(kwargs)
    assert (args.limit, args.related_depth) == (5, 2)
    assert kwargs == {"fresh": "1"}
    with pytest.raises(ArgumentError):
        CrawlArgs.parse({"limit": "0"})


def test_newer_articles_get_higher_priority():
    older = article_priority(datetime(2023, 9, 16, tzinfo=UTC))
    newer = article_priority(datetime(2025, 7, 5, tzinfo=UTC))
    assert 0 < older < newer
    assert article_priority(None) == 0


PORTAL = Portal(
    slug="sample",
    name="عينة",
    domains=("sample-news.example",),
    country="eg",
    timezone="Africa/Cairo",
    article_allow=(r"/news/\d{4}/", r"/خبر/"),
    article_deny=(r"/video/",),
    download_delay=2.0,
    concurrency=1,
)


@pytest.mark.parametrize(
    ("url", "verdict"),
    [
        ("https://www.sample-news.example/news/2024/05/01/x.html", None),
        ("https://m.sample-news.example/news/2024/05/01/x.html", None),
        ("https://sample-news.example/%D8%AE%D8%A8%D8%B1/123", None),  # Arabic allow pattern
        ("https://sample-news.example/news/2024/video/1.html", "denied"),
        ("https://sample-news.example/section/politics", "not_allowed"),
        ("https://other.example/news/2024/05/01/x.html", "off_domain"),
    ],
)
def test_url_verdict(url, verdict):
    spider = NewsbotSpider(name="t", portal=None)
    assert spider.url_verdict(PORTAL, url) == verdict


def test_generic_url_verdict_stays_on_the_home_host():
    spider = NewsbotSpider(name="t")
    home = "https://www.blog.example/a/1"
    assert spider.url_verdict(None, "https://blog.example/a/2", home) is None
    assert spider.url_verdict(None, "https://cdn.blog.example/a/2", home) is None
    assert spider.url_verdict(None, "https://elsewhere.example/a/2", home) == "off_domain"


def test_entry_hints_name_their_date_source():
    when = datetime(2024, 1, 1, tzinfo=UTC)
    assert Entry("u", "rss", published=when).hints()["date_source"] == "feed"
    assert Entry("u", "news_sitemap", published=when).hints()["date_source"] == "sitemap"
    assert "date_source" not in Entry("u", "listing").hints()


def test_generated_spiders_carry_politeness_per_host():
    assert portal_slots(PORTAL) == {
        "sample-news.example": {"delay": 2.0, "concurrency": 1},
        "www.sample-news.example": {"delay": 2.0, "concurrency": 1},
    }
    names = {cls.name for cls in GENERATED.values()}
    assert names and not names & RESERVED_NAMES
    for cls in GENERATED.values():
        assert cls.portal_slug == cls.name
        assert cls.custom_settings["DOWNLOAD_SLOTS"]


@pytest.mark.parametrize(
    ("settings", "priority", "backend"),
    [
        ({}, "project", "memory"),  # README: scrapy crawl demo -O demo.jsonl
        ({"NEWSBOT_STATE_DIR": ".newsbot-state"}, "cmdline", ""),  # -s: explicit, even default
        ({"NEWSBOT_STATE_DIR": "/srv/newsbot/state"}, "project", ""),  # settings/prod.py
        ({"NEWSBOT_STATE_BACKEND": "sqlite"}, "cmdline", "sqlite"),
    ],
)
def test_demo_uses_a_per_run_store_unless_a_state_dir_is_given(settings, priority, backend):
    from scrapy.settings import Settings

    from newsbot.spiders.demo import DemoSpider

    base = Settings()
    base.setmodule("newsbot.settings", priority="project")
    base.setdict(settings, priority=priority)
    DemoSpider.update_settings(base)
    assert base.get("NEWSBOT_STATE_BACKEND") == backend
