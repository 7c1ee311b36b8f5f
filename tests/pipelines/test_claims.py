"""The shared near-duplicate claims of a distributed crawl, on a real redis-server.

What a worker must survive: another worker killed while it held the claims lock (the record is
decided without the lock after a short wait, counted, never lost), a lock that expired while it
was held, and claims of a crawl with another seen-store (never visible).
"""

from __future__ import annotations

import time

import pytest
import redis
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newsbot.distributed.claims import LOCK_SECONDS, claims_prefix, shared_claims

pytestmark = pytest.mark.redis


def _claims(redis_url: str, prefix: str = "t:seen:"):
    crawler = get_crawler(settings_dict={"REDIS_URL": redis_url, "NEWSBOT_REDIS_PREFIX": prefix})
    crawler.stats = MemoryStatsCollector(crawler)
    claims = shared_claims(crawler)
    assert claims is not None
    return claims, crawler.stats


def test_prefix_follows_the_seen_store_namespace() -> None:
    assert claims_prefix(Settings()) == "newsbot:claim:"
    assert claims_prefix(Settings({"NEWSBOT_REDIS_PREFIX": "newsbot:seen:"})) == "newsbot:claim:"
    assert claims_prefix(Settings({"NEWSBOT_REDIS_PREFIX": "gulf:seen:"})) == "gulf:claim:"
    assert claims_prefix(Settings({"NEWSBOT_REDIS_PREFIX": "job7:"})) == "job7:claim:"


def test_lock_held_by_a_killed_worker_costs_a_short_wait_not_the_record(redis_clean: str) -> None:
    claims, stats = _claims(redis_clean)
    client = redis.Redis.from_url(redis_clean)
    # A worker SIGKILLed inside its decision leaves the lock behind until it expires.
    client.set("t:claim:lock", b"dead-worker-token", px=30_000)
    began = time.monotonic()
    with claims.lock() as locked:
        assert locked is False
    waited = time.monotonic() - began
    assert LOCK_SECONDS - 0.2 < waited < LOCK_SECONDS + 1.5
    assert stats.get_value("newsbot/distributed/claim_lock_timeout") == 1
    client.delete("t:claim:lock")
    with claims.lock() as locked:
        assert locked is True
        assert client.exists("t:claim:lock")
    assert not client.exists("t:claim:lock")
    client.close()
    claims.close()


def test_lock_that_expired_while_held_is_not_an_error(redis_clean: str) -> None:
    claims, stats = _claims(redis_clean)
    client = redis.Redis.from_url(redis_clean)
    with claims.lock() as locked:
        assert locked is True
        client.delete("t:claim:lock")  # what expiry does to a holder that stalled too long
    assert stats.get_value("newsbot/distributed/claim_lock_timeout") is None
    client.close()
    claims.close()


def test_crawls_with_separate_seen_stores_do_not_share_claims(redis_clean: str) -> None:
    one, _ = _claims(redis_clean, "one:seen:")
    other, _ = _claims(redis_clean, "other:seen:")
    client = redis.Redis.from_url(redis_clean)
    client.set("one:claim:lock", b"busy", px=30_000)
    began = time.monotonic()
    with other.lock() as locked:  # the other crawl's lock is not this one's
        assert locked is True
    assert time.monotonic() - began < 1.0
    client.close()
    one.close()
    other.close()
