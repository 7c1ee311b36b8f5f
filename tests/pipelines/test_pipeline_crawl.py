"""Validation, dedup ladder, incremental state, feeds and report through real Scrapy crawls.

Each test writes a few pages, serves them with ``newsbot.demo.server`` and runs the tiny spider
of ``tinysite.py`` in a ``scrapy runspider`` subprocess (project settings + the pipeline wiring).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from stories import GOLD, NIGER, POLIO, STORIES, TRAIN, WATER, spelling_variant
from tinysite import article_html, run_crawl, write_page, write_sitemap

from newsbot.demo.server import _Server, start_server
from newsbot.urls import canonical_url

pytestmark = pytest.mark.e2e


@pytest.fixture
def served(site_dir: Path) -> Iterator[tuple[_Server, str]]:
    server, base = start_server(site_dir)
    try:
        yield server, base
    finally:
        server.shutdown()
        server.server_close()


def _page(root: Path, path: str, story: tuple[str, list[str]], **kw: object) -> None:
    title, paragraphs = story
    write_page(root, path, article_html(title=title, paragraphs=paragraphs, **kw))  # type: ignore[arg-type]


def test_validation_and_dedup_ladder(
    site_dir: Path, served: tuple[_Server, str], tmp_path: Path
) -> None:
    _, base = served
    _page(site_dir, "a/niger.html", NIGER)
    _page(site_dir, "b/niger.html", (NIGER[0], spelling_variant(NIGER[1])), portal="other")
    _page(site_dir, "a/water.html", WATER)
    _page(site_dir, "a/water-copy.html", WATER)  # same page at two addresses, same portal
    _page(site_dir, "a/gold.html", GOLD)
    _page(site_dir, "b/gold.html", GOLD, portal="other")  # identical text on another portal
    _page(site_dir, "a/polio.html", POLIO, author=None, published=None)
    _page(site_dir, "a/short.html", ("خبر", ["خبر عاجل قصير"]))
    _page(site_dir, "a/english.html", ("News", ["The minister said on Sunday " * 8]))
    paths = ["a/niger.html", "b/niger.html", "a/water.html", "a/water-copy.html", "a/gold.html",
             "b/gold.html", "a/polio.html", "a/short.html", "a/english.html"]  # fmt: skip
    write_sitemap(site_dir, [(p, None) for p in paths])

    run = run_crawl(base, tmp_path)

    by_url = {i["url"]: i for i in run.items}
    # validation: dropped with a reason, counted per portal; a missing date/author is kept
    assert run.stat("newsbot/tiny/dropped/short_body") == 1
    assert run.stat("newsbot/tiny/dropped/not_arabic") == 1
    assert f"{base}/a/polio.html" in by_url
    assert run.stat("newsbot/tiny/missing/published") == 1
    assert run.stat("newsbot/tiny/missing/authors") == 1
    # exact duplicate within a portal: one record
    water = [u for u in by_url if "water" in u]
    assert len(water) == 1
    assert run.stat("newsbot/tiny/dropped/duplicate_exact") == 1
    exact = run.stat("newsbot/tiny/dedup/exact") + run.stat("newsbot/other/dedup/exact")
    assert exact == 2  # the water copy (dropped) and one of the gold pages (linked)
    # identical text on two portals: one record + one duplicate_of (linked, not dropped)
    gold = [by_url[f"{base}/a/gold.html"], by_url[f"{base}/b/gold.html"]]
    assert sorted(bool(g["duplicate_of"]) for g in gold) == [False, True]
    first = next(g for g in gold if not g["duplicate_of"])
    assert next(g for g in gold if g["duplicate_of"])["duplicate_of"] == canonical_url(first["url"])
    # spelling variants + other boilerplate on another portal: near duplicate, flagged
    niger = [by_url[f"{base}/a/niger.html"], by_url[f"{base}/b/niger.html"]]
    assert sorted(bool(n["duplicate_of"]) for n in niger) == [False, True]
    levels = run.stat("newsbot/tiny/dedup/near") + run.stat("newsbot/other/dedup/near")
    assert levels == 1
    # every emitted record is version 1 with a fingerprint
    assert {i["version"] for i in run.items} == {1}
    assert all(len(i["fingerprint"]) == 32 for i in run.items)
    assert len(run.items) == 6
    # the report, next to the feed
    assert run.report is not None
    tiny = run.report["portals"]["tiny"]
    assert tiny["dropped"] == {"duplicate_exact": 1, "not_arabic": 1, "short_body": 1}
    assert tiny["pages_fetched"] == 10  # sitemap + 9 pages
    assert tiny["coverage"]["published"] == pytest.approx(100 * 3 / 4, abs=0.1)
    assert "crawl report" in run.log.lower() and "short_body=1" in run.log


def test_related_page_later_listed_with_lastmod_is_fetched_once_for_it(
    site_dir: Path, served: tuple[_Server, str], tmp_path: Path
) -> None:
    """Reached by a related link (no lastmod), then listed by the sitemap with a lastmod: the
    crawl that sees the lastmod fetches it (unchanged: dropped, the lastmod stored), later crawls
    do not fetch it again for the same lastmod."""
    server, base = served
    _page(site_dir, "a/1.html", NIGER, related=["/a/2.html"])
    _page(site_dir, "a/2.html", WATER)
    write_sitemap(site_dir, [("a/1.html", None)])
    first = run_crawl(base, tmp_path)
    assert sorted(i["url"] for i in first.items) == [f"{base}/a/1.html", f"{base}/a/2.html"]

    write_sitemap(site_dir, [("a/1.html", None), ("a/2.html", "2024-03-05T08:00:00Z")])
    second = run_crawl(base, tmp_path)
    assert second.items == []
    assert second.stat("newsbot/tiny/incremental/changed") == 1
    assert server.hits["/a/2.html"] == 2
    hits_before = server.hits["/a/2.html"]

    third = run_crawl(base, tmp_path)
    assert third.items == []
    assert server.hits["/a/2.html"] == hits_before  # its lastmod was stored: not fetched again
    assert third.stat("newsbot/tiny/incremental/skipped") == 2


def test_two_runs_incremental_update_and_fresh(
    site_dir: Path, served: tuple[_Server, str], tmp_path: Path
) -> None:
    server, base = served
    _page(site_dir, "a/1.html", NIGER, modified="2024-03-01T10:00:00+02:00")
    _page(site_dir, "a/2.html", WATER, modified="2024-03-01T10:00:00+02:00")
    _page(site_dir, "a/3.html", POLIO, related=["/a/1.html?utm_source=rel"])
    sitemap = [("a/1.html", "2024-03-01T08:00:00Z"), ("a/2.html", "2024-03-01T08:00:00Z"),
               ("a/3.html", None)]  # fmt: skip
    write_sitemap(site_dir, sitemap)

    first = run_crawl(base, tmp_path)
    assert sorted(i["url"] for i in first.items) == [f"{base}/a/{n}.html" for n in (1, 2, 3)]

    # between the runs: article 2 is updated, article 4 is new
    title, paragraphs = WATER
    _page(site_dir, "a/2.html", (title, [*paragraphs, "وقد تم تحديث هذا الخبر بمعلومات جديدة."]),
          modified="2024-03-02T12:00:00+02:00")  # fmt: skip
    _page(site_dir, "a/4.html", TRAIN)
    sitemap[1] = ("a/2.html", "2024-03-02T10:00:00Z")
    write_sitemap(site_dir, [*sitemap, ("a/4.html", "2024-03-02T11:00:00Z")])
    hits_before = dict(server.hits)

    second = run_crawl(base, tmp_path)
    got = {i["url"]: i["version"] for i in second.items}
    assert got == {f"{base}/a/2.html": 2, f"{base}/a/4.html": 1}
    assert second.stat("newsbot/tiny/incremental/skipped") == 2  # 1 and 3 not fetched again
    assert second.stat("newsbot/tiny/incremental/changed") == 1
    assert second.stat("newsbot/tiny/dedup/update") == 1
    assert server.hits["/a/1.html"] == hits_before["/a/1.html"]
    assert server.hits["/a/3.html"] == hits_before["/a/3.html"]

    third = run_crawl(base, tmp_path)  # nothing changed: nothing new, not an error
    assert third.items == []
    assert third.stats["finish_reason"] == "finished"
    assert third.report is not None and third.report["status"] == "nothing_new"
    # an empty feed is explained: how many were already seen, and how to re-emit them
    assert "nothing new, no article emitted (4 already seen" in third.log
    assert "-a fresh=1" in third.log

    given = run_crawl(base, tmp_path, args={"given": "/a/1.html"})  # like -a url=
    assert given.items == []  # emitted by an earlier run: a URL-list crawl resumes
    assert "1 of the 1 given URL(s) were emitted by an earlier run" in given.log

    fresh = run_crawl(base, tmp_path, args={"fresh": "1"})
    assert sorted(i["url"] for i in fresh.items) == [f"{base}/a/{n}.html" for n in (1, 2, 3, 4)]
    assert {i["url"]: i["version"] for i in fresh.items}[f"{base}/a/2.html"] == 2


def test_canonical_dupefilter_fetches_each_article_once(
    site_dir: Path, served: tuple[_Server, str], tmp_path: Path
) -> None:
    server, base = served
    variants = ["/a/1.html?utm_source=x", "/a/1.html?fbclid=y#top", "/A/../a/1.html", "/a/1.html/"]
    _page(site_dir, "a/1.html", NIGER, related=variants)
    _page(site_dir, "a/2.html", WATER, related=variants)
    write_sitemap(site_dir, [("a/1.html", None), ("a/2.html", None)])
    run = run_crawl(base, tmp_path, {"NEWSBOT_STATE_ENABLED": False})
    assert server.hits["/a/1.html"] == 1
    assert run.stat("dupefilter/filtered") >= 3
    assert len(run.items) == 2


def test_empty_portal_crawl_closes_with_no_items(
    site_dir: Path, served: tuple[_Server, str], tmp_path: Path
) -> None:
    _, base = served
    write_sitemap(site_dir, [])
    run = run_crawl(base, tmp_path)  # runspider: only `scrapy crawl` sets the exit status
    assert run.stats["finish_reason"] == "no_items"
    assert "emitted no article" in run.log and "WARNING" in run.log
    assert run.report is not None and run.report["status"] == "no_items"


def test_feed_partitions_by_portal_and_day(
    site_dir: Path, served: tuple[_Server, str], tmp_path: Path
) -> None:
    _, base = served
    _page(site_dir, "a/1.html", NIGER)
    write_sitemap(site_dir, [("a/1.html", None)])
    template = str(tmp_path / "out" / "%(portal)s" / "%(day)s.jsonl")
    run_crawl(base, tmp_path, feed=template)
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    feed = tmp_path / "out" / "tiny" / f"{day}.jsonl"
    lines = feed.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and "\\u" not in lines[0]
    assert json.loads(lines[0])["title"] == NIGER[0]
    assert (feed.parent / f"{day}.report.json").is_file()


def test_redis_store_is_shared_between_runs(
    site_dir: Path, served: tuple[_Server, str], tmp_path: Path, redis_clean: str
) -> None:
    _, base = served
    for i, name in enumerate(STORIES):
        _page(site_dir, f"a/{i}.html", STORIES[name])
    write_sitemap(site_dir, [(f"a/{i}.html", None) for i in range(len(STORIES))])
    settings = {"REDIS_URL": redis_clean, "NEWSBOT_REDIS_PREFIX": "e2e:"}
    first = run_crawl(base, tmp_path / "w1", settings)
    assert len(first.items) == len(STORIES)
    assert not (tmp_path / "w1" / "state").exists()  # nothing went to SQLite
    second = run_crawl(base, tmp_path / "w2", settings)  # another worker, same Redis
    assert second.items == []
    assert second.stat("newsbot/tiny/incremental/skipped") == len(STORIES)
