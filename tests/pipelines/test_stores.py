"""The SeenStore contract, run against every backend: sqlite, memory and a real Redis."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsbot.fingerprints import NearDupHasher
from newsbot.state import MemorySeenStore, SeenRecord, SeenStore
from newsbot.state.sqlite import SqliteSeenStore

HASHER = NearDupHasher()
STORY = (
    "قالت وزارة الخارجية إن الوزير سيبدأ غدا جولة تشمل ثلاث عواصم عربية لبحث التطورات في "
    "المنطقة وسبل تعزيز التعاون الاقتصادي، على أن يختتمها بزيارة إلى القاهرة يلتقي خلالها "
    "الرئيس ووزير الخارجية"
)
STORY_COPY = STORY.replace("أ", "ا").replace("ة", "ه") + " وفق ما نقلت وكالة الأنباء الرسمية"
OTHER = (
    "ارتفعت أسعار الذهب في الأسواق المحلية خلال تعاملات اليوم وسط توقعات باستمرار الصعود "
    "مع تراجع الدولار في الأسواق العالمية وزيادة الطلب على المعدن الأصفر"
)


def _record(url: str, body: str, **kw: object) -> SeenRecord:
    sig = HASHER.signature(body)
    assert sig is not None
    return SeenRecord(url=url, sketch=sig.sketch, bands=sig.bands, **kw)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "memory", "redis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SeenStore]:
    if request.param == "sqlite":
        s: SeenStore = SqliteSeenStore(tmp_path / "state")
    elif request.param == "memory":
        s = MemorySeenStore()
    else:
        from newsbot.state.redis import RedisSeenStore

        s = RedisSeenStore(request.getfixturevalue("redis_clean"), prefix="t:")
    yield s
    s.close()


def test_is_a_seen_store(store: SeenStore) -> None:
    assert isinstance(store, SeenStore)


def test_get_by_url_and_alias(store: SeenStore) -> None:
    assert store.get("https://a.example/1") is None
    store.put(
        _record(
            "https://a.example/1",
            STORY,
            fingerprint="fp1",
            portal="demo",
            published="2024-01-01T10:00:00+02:00",
            modified="2024-01-02T10:00:00+02:00",
            lastmod="2024-01-02T08:00:00+00:00",
            version=3,
            duplicate_of="https://b.example/9",
            aliases=("https://a.example/amp/1",),
        )
    )
    for key in ("https://a.example/1", "https://a.example/amp/1"):
        got = store.get(key)
        assert got is not None
        assert got.url == "https://a.example/1"
        assert (got.fingerprint, got.portal, got.version) == ("fp1", "demo", 3)
        assert got.published == "2024-01-01T10:00:00+02:00"
        assert got.modified == "2024-01-02T10:00:00+02:00"
        assert got.lastmod == "2024-01-02T08:00:00+00:00"
        assert got.duplicate_of == "https://b.example/9"
        assert got.root == "https://b.example/9"
        assert got.sketch == HASHER.signature(STORY).sketch  # type: ignore[union-attr]
    assert len(store) == 1


def test_put_replaces_a_record(store: SeenStore) -> None:
    store.put(_record("https://a.example/1", STORY, fingerprint="fp1", version=1))
    store.put(_record("https://a.example/1", STORY, fingerprint="fp2", version=2))
    got = store.get("https://a.example/1")
    assert got is not None and (got.fingerprint, got.version) == ("fp2", 2)
    assert len(store) == 1


def test_exact_lookup_returns_the_first_holder(store: SeenStore) -> None:
    store.put(_record("https://a.example/1", STORY, fingerprint="same"))
    store.put(_record("https://b.example/2", STORY, fingerprint="same"))
    got = store.by_fingerprint("same")
    assert got is not None and got.url == "https://a.example/1"
    assert store.by_fingerprint("other") is None


def test_near_candidates_by_band(store: SeenStore) -> None:
    store.put(_record("https://a.example/1", STORY))
    store.put(_record("https://c.example/3", OTHER))
    copy = HASHER.signature(STORY_COPY)
    assert copy is not None
    found = store.near_candidates(copy.bands)
    assert [r.url for r in found] == ["https://a.example/1"]
    assert HASHER.is_near(copy.sketch, found[0].sketch or b"")
    assert store.near_candidates([]) == []


def test_put_many_and_touch(store: SeenStore) -> None:
    n = store.put_many(_record(f"https://a.example/{i}", STORY) for i in range(50))
    assert n == 50 and len(store) == 50
    store.touch(["https://a.example/1", "https://missing.example/"])
    assert store.get("https://a.example/1") is not None


def test_redis_keys_expire(redis_clean: str) -> None:
    import redis

    from newsbot.state.redis import RedisSeenStore

    store = RedisSeenStore(redis_clean, ttl_days=2 / 86400, prefix="t:")
    store.put(_record("https://a.example/1", STORY, fingerprint="fp"))
    client = redis.Redis.from_url(redis_clean)
    ttls = [client.ttl(k) for k in client.scan_iter("t:*")]
    assert ttls and all(0 < t <= 2 for t in ttls)
    time.sleep(2.2)
    assert store.get("https://a.example/1") is None
    assert store.by_fingerprint("fp") is None
    client.close()
    store.close()
