"""Seen-store: SQLite persistence, TTL, indexes; backend choice; date comparison.

The contract shared by every backend (sqlite, memory, redis) is in tests/pipelines/test_stores.py.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from scrapy.settings import Settings

from newsbot.fingerprints import NearDupHasher
from newsbot.state import MemorySeenStore, SeenRecord, is_newer, open_store, state_dir
from newsbot.state.sqlite import SqliteSeenStore

HASHER = NearDupHasher()
BODY = (
    "أعلنت وزارة الصحة عن بدء حملة التطعيم ضد شلل الأطفال في جميع المحافظات اعتبارا من يوم "
    "الأحد المقبل، وتستهدف الحملة أكثر من ستة عشر مليون طفل دون سن الخامسة"
)


def _record(url: str, body: str = BODY, **kw: object) -> SeenRecord:
    sig = HASHER.signature(body)
    assert sig is not None
    return SeenRecord(url=url, sketch=sig.sketch, bands=sig.bands, **kw)  # type: ignore[arg-type]


def test_sqlite_survives_reopen(tmp_path: Path) -> None:
    store = SqliteSeenStore(tmp_path)
    store.put(_record("https://a.example/1", fingerprint="f1", version=2, modified="2024-01-02"))
    store.close()
    again = SqliteSeenStore(tmp_path)
    got = again.get("https://a.example/1")
    assert got is not None
    assert (got.fingerprint, got.version, got.modified) == ("f1", 2, "2024-01-02")
    assert again.by_fingerprint("f1") == got
    assert (tmp_path / "seen.sqlite3").is_file()
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.close()


def test_sqlite_lookups_use_indexes(tmp_path: Path) -> None:
    store = SqliteSeenStore(tmp_path)
    store.put(_record("https://a.example/1"))
    (day,) = store.band_days()
    plans = {
        "url": "SELECT * FROM seen WHERE url = 'x'",
        "fingerprint": "SELECT * FROM seen WHERE fingerprint = 'x'",
        "band": f"SELECT * FROM band_{day} WHERE key IN (1, 2, 3)",
        "alias": "SELECT * FROM alias WHERE url = 'x'",
    }
    for name, sql in plans.items():
        plan = " ".join(str(r[-1]) for r in store.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN" not in plan, (name, plan)
    store.close()


def test_sqlite_ttl_expires_and_purges(tmp_path: Path) -> None:
    store = SqliteSeenStore(tmp_path, ttl_days=1 / 86400 / 10)  # 0.1 s
    store.put(_record("https://a.example/1", fingerprint="f1", aliases=("https://a.example/amp1",)))
    assert store.get("https://a.example/amp1") is not None
    time.sleep(0.15)
    assert store.get("https://a.example/1") is None
    assert store.by_fingerprint("f1") is None
    assert store.near_candidates(_record("x").bands) == []
    assert store.purge() == 1
    assert len(store) == 0
    (day,) = store.band_days()
    assert store.db.execute(f"SELECT count(*) FROM band_{day}").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM alias").fetchone()[0] == 0
    store.close()


def test_near_duplicate_window_drops_old_band_tables(tmp_path: Path) -> None:
    store = SqliteSeenStore(tmp_path, near_window_days=7)
    store.put(_record("https://a.example/today"))
    (today,) = store.band_days()
    sig = HASHER.signature(BODY)
    assert sig is not None
    # a record whose bands were written 8 days ago: outside the window, its table is dropped
    store.db.execute(f"CREATE TABLE band_{today - 8} (key INTEGER PRIMARY KEY, id INTEGER)")
    store.db.execute(f"INSERT INTO band_{today - 8} VALUES (?, 1)", (sig.bands[0],))
    store._band_tables = None
    assert store.band_days() == [today - 8, today]
    assert [r.url for r in store.near_candidates(sig.bands)] == ["https://a.example/today"]
    store.purge()
    assert store.band_days() == [today]
    names = {n for (n,) in store.db.execute("SELECT name FROM sqlite_master")}
    assert f"band_{today - 8}" not in names
    store.close()


def test_touch_extends_the_ttl(tmp_path: Path) -> None:
    store = SqliteSeenStore(tmp_path, ttl_days=0.3 / 86400)
    store.put(_record("https://a.example/1"))
    time.sleep(0.2)
    store.touch(["https://a.example/1"])
    time.sleep(0.2)
    assert store.get("https://a.example/1") is not None
    store.close()


def test_sqlite_file_can_be_read_by_another_connection_while_open(tmp_path: Path) -> None:
    """WAL: a committed put is visible to another reader at once (crash safety relies on it)."""
    store = SqliteSeenStore(tmp_path)
    store.put(_record("https://a.example/1"))
    other = sqlite3.connect(tmp_path / "seen.sqlite3")
    assert other.execute("SELECT url FROM seen").fetchall() == [("https://a.example/1",)]
    other.close()
    store.close()


def test_open_store_picks_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    store = open_store(Settings({"NEWSBOT_STATE_DIR": str(tmp_path / "st")}))
    assert isinstance(store, SqliteSeenStore)
    assert store.path == tmp_path / "st" / "seen.sqlite3"
    store.close()
    assert isinstance(open_store(Settings({"NEWSBOT_STATE_BACKEND": "memory"})), MemorySeenStore)
    with pytest.raises(ValueError, match="REDIS_URL"):
        open_store(Settings({"NEWSBOT_STATE_BACKEND": "redis"}))
    with pytest.raises(ValueError, match="sqlite, redis or memory"):
        open_store(Settings({"NEWSBOT_STATE_BACKEND": "mongo"}))


def test_relative_state_dir_is_under_the_project_root() -> None:
    path = state_dir(Settings({}))
    assert path.name == ".newsbot-state"
    assert (path.parent / "scrapy.cfg").is_file()


@pytest.mark.parametrize(
    ("candidate", "reference", "newer"),
    [
        ("2024-01-02T10:00:00+03:00", "2024-01-02T06:00:00+00:00", True),
        ("2024-01-02T09:00:00+03:00", "2024-01-02T06:00:00+00:00", False),
        ("2024-01-02T09:00:00+03:00", "2024-01-02T06:00:00Z", False),
        ("2024-01-02", "2024-01-01T23:00:00+00:00", True),
        ("2024-01-02T10:00:00+03:00", None, True),
        (None, "2024-01-02T06:00:00+00:00", False),
        ("not a date", "2024-01-02", False),
    ],
)
def test_is_newer(candidate: str | None, reference: str | None, newer: bool) -> None:
    assert is_newer(candidate, reference) is newer


def test_freshest_date_of_a_record() -> None:
    rec = SeenRecord(
        url="u",
        published="2024-01-01T10:00:00+02:00",
        modified="2024-01-03T10:00:00+02:00",
        lastmod="2024-01-02T00:00:00Z",
    )
    assert rec.freshest == "2024-01-03T10:00:00+02:00"
    assert SeenRecord(url="u").freshest is None


def test_bounded_memory_store_forgets_the_oldest_record_with_its_index_entries() -> None:
    store = MemorySeenStore(max_records=2)
    for n in (1, 2, 3):
        store.put(
            SeenRecord(url=f"u{n}", fingerprint=f"f{n}", bands=(n, 10 + n), aliases=(f"a{n}",))
        )
    assert len(store) == 2
    assert store.get("u1") is store.get("a1") is store.by_fingerprint("f1") is None
    assert store.near_candidates([1, 11]) == []
    assert [r.url for r in store.near_candidates([2, 13])] == ["u2", "u3"]
    store.put(SeenRecord(url="u2", fingerprint="f2"))  # a rewrite makes u2 the newest
    store.put(SeenRecord(url="u4"))
    assert store.get("u3") is None and store.get("u2") is not None
