"""Feed helpers: whole-line writes, half-line repair, URI params, seen-store recovery."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import scrapy
from scrapy.utils.test import get_crawler

from newsbot.feeds import LineFlushFileStorage, cut_partial_line, recover_from_feeds, uri_params
from newsbot.fingerprints import NearDupHasher
from newsbot.state import MemorySeenStore, SeenRecord
from newsbot.urls import canonical_url

BODY = (
    "أعلنت وزارة الصحة عن بدء حملة التطعيم ضد شلل الأطفال في جميع المحافظات اعتبارا من يوم "
    "الأحد المقبل، وتستهدف الحملة أكثر من ستة عشر مليون طفل دون سن الخامسة"
)


class _Spider(scrapy.Spider):
    name = "feeds"
    portal = SimpleNamespace(slug="youm7")


def test_every_write_reaches_the_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "out" / "feed.jsonl"
    storage = LineFlushFileStorage(str(path), feed_options={"overwrite": False})
    fh = storage.open(_Spider())
    fh.write('{"title": "خبر"}\n'.encode())
    # another reader sees the whole line before the file is closed
    assert path.read_text(encoding="utf-8") == '{"title": "خبر"}\n'
    storage.store(fh)


def test_append_cuts_a_half_written_last_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"a": 1}\n{"b": 2}\n{"c": ', encoding="utf-8")
    assert cut_partial_line(path) == len('{"c": ')
    assert path.read_text(encoding="utf-8") == '{"a": 1}\n{"b": 2}\n'
    assert cut_partial_line(path) == 0
    storage = LineFlushFileStorage(str(path), feed_options={"overwrite": False})
    fh = storage.open(_Spider())
    fh.write(b'{"d": 4}\n')
    storage.store(fh)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"a": 1}, {"b": 2}, {"d": 4}]


def test_uri_params_add_portal_and_day() -> None:
    params = uri_params({"name": "youm7"}, _Spider())
    assert params["portal"] == "youm7"
    assert len(params["day"]) == 10 and params["day"][4] == "-"


def test_recovery_stores_lines_the_store_missed(tmp_path: Path) -> None:
    """A crawl killed between the feed write and the store commit: the next start recovers."""
    feed = tmp_path / "youm7" / "feed.jsonl"
    feed.parent.mkdir()
    lines = [
        {"url": "https://www.youm7.com/story/1", "title": "خبر", "body": BODY, "version": 1},
        {
            "url": "https://www.youm7.com/story/2",
            "fetched_url": "https://m.youm7.com/story/2?utm_source=rss",
            "title": "خبر آخر",
            "body": BODY + " ثانية",
            "fingerprint": "f2",
            "version": 2,
        },
    ]
    feed.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8"
    )
    store = MemorySeenStore()
    store.put(SeenRecord(url=canonical_url(lines[0]["url"])))
    crawler = get_crawler(
        _Spider,
        {
            "FEEDS": {str(tmp_path / "%(portal)s" / "feed.jsonl"): {"format": "jsonlines"}},
            "FEED_URI_PARAMS": "newsbot.feeds.uri_params",
        },
    )
    crawler.spider = _Spider()
    assert recover_from_feeds(crawler, store, NearDupHasher()) == 1
    got = store.get(canonical_url("https://youm7.com/story/2"))
    assert got is not None and (got.version, got.fingerprint) == (2, "f2")
    assert got.sketch and store.near_candidates(NearDupHasher().signature(BODY).bands)  # type: ignore[union-attr]
    assert recover_from_feeds(crawler, store, NearDupHasher()) == 0


def test_overwritten_feed_is_not_recovered(tmp_path: Path) -> None:
    """``-O feed.jsonl`` empties the feed: its old lines must not mark articles as seen.

    Otherwise a second ``scrapy crawl demo -O demo.jsonl`` wrote an empty file.
    """
    feed = tmp_path / "feed.jsonl"
    line = {"url": "https://www.youm7.com/story/1", "title": "خبر", "body": BODY, "version": 1}
    feed.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    store = MemorySeenStore()
    crawler = get_crawler(_Spider, {"FEEDS": {str(feed): {"format": "jsonl", "overwrite": True}}})
    crawler.spider = _Spider()
    assert recover_from_feeds(crawler, store, NearDupHasher()) == 0
    assert store.get(canonical_url(line["url"])) is None
