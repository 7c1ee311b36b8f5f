"""SQLite seen-store (the default): one file, WAL, indexed look-ups, TTL.

Schema (``seen.sqlite3`` in ``NEWSBOT_STATE_DIR``):

* ``seen``  — one row per article: canonical URL (unique), fingerprint (indexed), dates,
  version, duplicate_of, sketch, ``expires`` (indexed).
* ``alias`` — other canonical URLs of an article -> its row.
* ``band_<day>`` — one table per UTC day (days since 1970): LSH band key -> the first row of
  that day that had it (``INSERT OR IGNORE``). Near duplicates are looked for among the records
  written in the last ``near_window_days`` (default 7: agency copies of one story appear within
  days): one indexed ``IN (...)`` query per day table. Today's table is small and hot, so a
  write dirties few pages whatever the size of the store (cost per item stays flat), and a day
  leaving the window is one ``DROP TABLE``. URL and exact-content look-ups cover the whole TTL.

WAL with ``synchronous=NORMAL`` (``NEWSBOT_STATE_SYNCHRONOUS``): a committed write survives the
process being killed, a power cut can lose the last transactions but not corrupt the file
(``OFF`` is ~2x faster per write and can corrupt it on a power cut; ``FULL`` fsyncs every commit). Expired rows are purged at most once per
``purge_interval`` (at open), with the band rows of purged records and the band tables of
days that left the window.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsbot.state.base import SeenRecord

__all__ = ["SqliteSeenStore"]

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    fingerprint TEXT,
    portal TEXT,
    published TEXT,
    modified TEXT,
    lastmod TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    duplicate_of TEXT,
    sketch BLOB,
    seen_at REAL NOT NULL,
    expires REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_fingerprint ON seen (fingerprint);
CREATE INDEX IF NOT EXISTS seen_expires ON seen (expires);
CREATE TABLE IF NOT EXISTS alias (url TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
"""
_COLUMNS = (
    "s.id, s.url, s.fingerprint, s.portal, s.published, s.modified, s.lastmod, s.version, "
    "s.duplicate_of, s.sketch, s.seen_at"
)
FILENAME = "seen.sqlite3"


def _day(when: float) -> int:
    """UTC day number (days since 1970-01-01) of a unix time."""
    return int(when // 86400)


def _record(row: tuple) -> SeenRecord:  # type: ignore[type-arg]
    return SeenRecord(
        url=row[1],
        fingerprint=row[2],
        portal=row[3],
        published=row[4],
        modified=row[5],
        lastmod=row[6],
        version=row[7],
        duplicate_of=row[8],
        sketch=row[9],
        seen_at=row[10],
    )


class SqliteSeenStore:
    """:class:`~newsbot.state.base.SeenStore` in one SQLite file (module docstring)."""

    def __init__(
        self,
        path: str | Path,
        ttl_days: float = 90.0,
        cache_mb: int = 16,
        purge_interval: float = 86400.0,
        synchronous: str = "NORMAL",
        near_window_days: int = 7,
    ) -> None:
        self.path = Path(path)
        if self.path.suffix == "" or self.path.is_dir():
            self.path = self.path / FILENAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.ttl = ttl_days * 86400.0
        self.near_window_days = max(1, int(near_window_days))
        self._band_tables: list[int] | None = None
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        if synchronous.upper() not in ("OFF", "NORMAL", "FULL"):
            raise ValueError(f"synchronous must be OFF, NORMAL or FULL, not {synchronous!r}")
        self.db.execute(f"PRAGMA synchronous={synchronous.upper()}")
        # A larger WAL (40 MB) between checkpoints: fewer fsyncs for the random index pages.
        self.db.execute("PRAGMA wal_autocheckpoint=10000")
        self.db.execute(f"PRAGMA cache_size=-{int(cache_mb) * 1024}")
        self.db.execute("PRAGMA foreign_keys=OFF")
        self.db.executescript(_SCHEMA)
        self._maybe_purge(purge_interval)

    # -- reads --------------------------------------------------------------------------------

    def get(self, url: str) -> SeenRecord | None:
        now = time.time()
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM seen s WHERE s.url = ? AND s.expires > ?", (url, now)
        ).fetchone()
        if row is None:
            row = self.db.execute(
                f"SELECT {_COLUMNS} FROM alias a JOIN seen s ON s.id = a.id "
                "WHERE a.url = ? AND s.expires > ?",
                (url, now),
            ).fetchone()
        return _record(row) if row else None

    def by_fingerprint(self, fingerprint: str) -> SeenRecord | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM seen s WHERE s.fingerprint = ? AND s.expires > ? "
            "ORDER BY s.id LIMIT 1",
            (fingerprint, time.time()),
        ).fetchone()
        return _record(row) if row else None

    def band_days(self) -> list[int]:
        """Days (since 1970, UTC) that have a band table, oldest first."""
        if self._band_tables is None:
            names = self.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'band_%'"
            ).fetchall()
            self._band_tables = sorted(int(n[0][5:]) for n in names if n[0][5:].isdigit())
        return self._band_tables

    def near_candidates(self, bands: Sequence[int]) -> list[SeenRecord]:
        first = _day(time.time()) - self.near_window_days + 1
        days = [d for d in self.band_days() if d >= first]
        if not bands or not days:
            return []
        marks = ",".join("?" * len(bands))
        union = " UNION ".join(f"SELECT id FROM band_{d} WHERE key IN ({marks})" for d in days)
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM seen s WHERE s.id IN ({union}) AND s.expires > ?",
            (*bands * len(days), time.time()),
        ).fetchall()
        return [_record(r) for r in rows]

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM seen").fetchone()[0])

    # -- writes -------------------------------------------------------------------------------

    def _write(self, record: SeenRecord, now: float) -> None:
        record.seen_at = now
        (rid,) = self.db.execute(
            "INSERT INTO seen (url, fingerprint, portal, published, modified, lastmod, version, "
            "duplicate_of, sketch, seen_at, expires) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (url) DO UPDATE SET fingerprint=excluded.fingerprint, "
            "portal=excluded.portal, published=excluded.published, modified=excluded.modified, "
            "lastmod=excluded.lastmod, version=excluded.version, "
            "duplicate_of=excluded.duplicate_of, sketch=excluded.sketch, "
            "seen_at=excluded.seen_at, expires=excluded.expires RETURNING id",
            (
                record.url,
                record.fingerprint,
                record.portal,
                record.published,
                record.modified,
                record.lastmod,
                record.version,
                record.duplicate_of,
                record.sketch,
                now,
                now + self.ttl,
            ),
        ).fetchone()
        if record.aliases:
            self.db.executemany(
                "INSERT OR REPLACE INTO alias (url, id) VALUES (?, ?)",
                [(a, rid) for a in record.aliases if a != record.url],
            )
        if record.bands:
            day = _day(now)
            if day not in self.band_days():
                self.db.execute(
                    f"CREATE TABLE IF NOT EXISTS band_{day} "
                    "(key INTEGER PRIMARY KEY, id INTEGER NOT NULL)"
                )
                self.band_days().append(day)
            self.db.executemany(
                f"INSERT OR IGNORE INTO band_{day} (key, id) VALUES (?, ?)",
                [(b, rid) for b in record.bands],
            )

    def put(self, record: SeenRecord) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self._write(record, time.time())

    def put_many(self, records: Iterable[SeenRecord]) -> int:
        count, now = 0, time.time()
        with self.db:
            self.db.execute("BEGIN")
            for record in records:
                self._write(record, now)
                count += 1
        return count

    def touch(self, urls: Iterable[str]) -> None:
        expires = time.time() + self.ttl
        with self.db:
            self.db.execute("BEGIN")
            for url in urls:
                self.db.execute("UPDATE seen SET expires = ? WHERE url = ?", (expires, url))
                self.db.execute(
                    "UPDATE seen SET expires = ? WHERE id = (SELECT id FROM alias WHERE url = ?)",
                    (expires, url),
                )

    def purge(self) -> int:
        """Delete expired records with their aliases and band keys, and old band tables."""
        now = time.time()
        first = _day(now) - self.near_window_days + 1
        with self.db:
            self.db.execute("BEGIN")
            for day in [d for d in self.band_days() if d < first]:
                self.db.execute(f"DROP TABLE IF EXISTS band_{day}")
                self.band_days().remove(day)
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS dead (id INTEGER PRIMARY KEY)")
            self.db.execute("DELETE FROM dead")
            self.db.execute("INSERT INTO dead SELECT id FROM seen WHERE expires <= ?", (now,))
            (count,) = self.db.execute("SELECT count(*) FROM dead").fetchone()
            if count:
                self.db.execute("DELETE FROM seen WHERE id IN (SELECT id FROM dead)")
                self.db.execute("DELETE FROM alias WHERE id IN (SELECT id FROM dead)")
                for day in self.band_days():
                    self.db.execute(f"DELETE FROM band_{day} WHERE id IN (SELECT id FROM dead)")
            self.db.execute(
                "INSERT OR REPLACE INTO meta (name, value) VALUES ('last_purge', ?)", (str(now),)
            )
        if count:
            logger.info("Seen-store %s: purged %d expired records", self.path, count)
        return int(count)

    def _maybe_purge(self, interval: float) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE name = 'last_purge'").fetchone()
        if row is None or time.time() - float(row[0]) >= interval:
            self.purge()

    def close(self) -> None:
        self.db.close()
