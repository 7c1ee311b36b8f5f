"""CanonicalDupeFilter: one request per canonical URL, across a JOBDIR restart, in flat memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from scrapy import Request
from scrapy.utils.test import get_crawler

from newsbot.dupefilter import CanonicalDupeFilter
from newsbot.state.keys import KeySet, compact_key


def _filter(jobdir: Path | None = None) -> CanonicalDupeFilter:
    settings = {"JOBDIR": str(jobdir)} if jobdir else {}
    return CanonicalDupeFilter.from_crawler(get_crawler(settings_dict=settings))


def test_variants_of_one_url_are_requested_once_and_discovery_always() -> None:
    dupefilter = _filter()
    assert not dupefilter.request_seen(Request("https://www.example.com/news/1?utm_source=x"))
    assert dupefilter.request_seen(Request("https://example.com/news/1"))
    assert not dupefilter.request_seen(Request("https://example.com/news/2"))
    feed = Request("https://example.com/feed.xml", meta={"newsbot_kind": "discovery"})
    assert not dupefilter.request_seen(feed)
    assert not dupefilter.request_seen(feed)


def test_a_resumed_job_does_not_request_again_what_it_requested(tmp_path: Path) -> None:
    first = _filter(tmp_path)
    assert not first.request_seen(Request("https://example.com/news/1"))
    first.close("shutdown")
    resumed = _filter(tmp_path)
    assert resumed.request_seen(Request("https://example.com/news/1/"))
    assert not resumed.request_seen(Request("https://example.com/news/2"))


def test_keyset_costs_a_few_bytes_per_key() -> None:
    # a set entry costs ~100 bytes, a canonical Arabic URL string ~200: this stays far below
    keys = KeySet()
    for n in range(5000):  # warm-up: lazy numpy imports, first merge
        keys.add(compact_key(f"warm{n}"))
    values = [compact_key(f"https://example.com/news/{n}") for n in range(60000)]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for value in values:
        keys.add(value)
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(keys) == 65000
    assert grown / 60000 < 40


def test_keyset_is_a_set() -> None:
    keys = KeySet(batch=8)
    values = [compact_key(f"u{n}") for n in range(100)]
    for value in values + values[:10]:
        keys.add(value)
    assert len(keys) == 100
    assert all(v in keys for v in values)
    assert compact_key("other") not in keys
    assert (2**64 - 1) not in keys and 0 not in keys
    keys.clear()
    assert len(keys) == 0 and values[0] not in keys
