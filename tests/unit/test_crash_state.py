"""The pieces of crash safety on their own: pending journal, JOBDIR marker, feed write checks."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import scrapy
from scrapy.utils.test import get_crawler

from newsbot.extensions.jobstate import MARKER, JobDirGuard, read_marker
from newsbot.feeds import LineFlushFileStorage
from newsbot.feedwriter import FeedWriteError, LineWriter
from newsbot.state.pending import PendingJournal


class _Spider(scrapy.Spider):
    name = "journal"

    def parse_article(self, response):  # pragma: no cover - never called
        return None


def test_journal_keeps_one_line_per_canonical_url_and_skips_a_half_line(tmp_path: Path) -> None:
    path = tmp_path / "pending.jsonl"
    spider = _Spider()
    journal = PendingJournal(path)
    first = scrapy.Request(
        "https://a.example/news/1?utm_source=x",
        callback=spider.parse_article,
        priority=7,
        meta={"newsbot_kind": "article", "newsbot_depth": 1, "not_json": object()},
    )
    assert journal.add(first)
    assert not journal.add(first.replace(url="https://www.a.example/news/1"))  # same article
    assert journal.add(scrapy.Request("https://a.example/news/2", callback=spider.parse_article))
    journal.close(remove=False)
    with path.open("ab") as fh:
        fh.write(b'{"url": "https://a.example/news/3", "callb')  # killed mid-write

    again = list(PendingJournal(path).requests(spider))
    assert [r.url for r in again] == [first.url, "https://a.example/news/2"]
    assert again[0].callback == spider.parse_article and again[0].priority == 7
    assert again[0].meta == {"newsbot_kind": "article", "newsbot_depth": 1}
    PendingJournal(path).close(remove=True)
    assert not path.exists()


def _guard(jobdir: Path) -> JobDirGuard:
    return JobDirGuard.from_crawler(get_crawler(settings_dict={"JOBDIR": str(jobdir)}))


def _scrapy_state(jobdir: Path) -> None:
    (jobdir / "requests.queue").mkdir(parents=True, exist_ok=True)
    (jobdir / "requests.queue" / "p0").write_bytes(b"\x00broken")
    (jobdir / "requests.seen").write_bytes(b"\x00" * 24)


@pytest.mark.parametrize(
    ("previous", "verdict", "kept"),
    [
        ({"state": "running", "pid": 1}, "unclean", False),
        (None, "unclean", False),  # Scrapy state but no marker: not trusted
        ({"state": "paused"}, "paused", True),
        ({"state": "complete"}, "complete", False),
    ],
)
def test_jobdir_state_is_trusted_only_after_a_clean_close(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, previous, verdict, kept
) -> None:
    _scrapy_state(tmp_path)
    if previous is not None:
        (tmp_path / MARKER).write_text(json.dumps(previous), encoding="utf-8")
    with caplog.at_level(logging.INFO):
        guard = _guard(tmp_path)
    assert guard.verdict == verdict
    assert (tmp_path / "requests.seen").exists() is kept
    assert (tmp_path / "requests.queue").exists() is kept
    assert (read_marker(tmp_path) or {})["state"] == "running"
    if verdict == "unclean":
        assert "did not close cleanly" in caplog.text
    guard.spider_closed("shutdown")
    assert (read_marker(tmp_path) or {})["state"] == "paused"
    guard.spider_closed("finished")
    assert (read_marker(tmp_path) or {})["state"] == "complete"


def test_a_fresh_jobdir_is_new(tmp_path: Path) -> None:
    assert _guard(tmp_path / "job").verdict == "new"


def test_writer_fails_once_when_the_file_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    errors: list[OSError] = []
    writer = LineWriter(out / "f.jsonl", "ab", on_error=lambda p, e: errors.append(e))
    writer.write(b'{"a": 1}\n')
    out.rename(tmp_path / "moved")
    out.write_text("a file now", encoding="utf-8")
    with pytest.raises(FeedWriteError):
        writer.write(b'{"a": 2}\n')
    assert writer.write(b'{"a": 3}\n') == 9  # dropped, not raised again
    assert len(errors) == 1 and writer.dropped == 1
    writer.close()
    assert (tmp_path / "moved" / "f.jsonl").read_bytes() == b'{"a": 1}\n'


def test_overwriting_a_feed_warns_with_its_record_count(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"url": "a"}\n{"url": "b"}\n', encoding="utf-8")
    crawler = get_crawler(settings_dict={"NEWSBOT_STATE_ENABLED": True})
    storage = LineFlushFileStorage.from_crawler(
        crawler, str(path), feed_options={"overwrite": True}
    )
    with caplog.at_level(logging.WARNING):
        storage.store(storage.open(_Spider()))
    assert "overwritten (-O): its 2 record(s)" in caplog.text
    assert "-a fresh=1" in caplog.text
    assert path.read_bytes() == b""
