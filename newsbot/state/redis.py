"""Redis seen-store (``REDIS_URL`` set): shared by every worker, expiry by Redis itself.

Keys (prefix ``NEWSBOT_REDIS_PREFIX``, default ``newsbot:seen:``), each with the store TTL:

* ``<p>u:<url>``  hash: fingerprint, portal, published, modified, lastmod, version,
  duplicate_of, sketch, seen_at — one per article;
* ``<p>a:<url>``  alias -> canonical URL;
* ``<p>f:<fingerprint>`` and ``<p>b:<band key>`` -> URL of the first record that had it
  (``SET NX``), so exact and near-duplicate look-ups are ``GET``/``MGET`` of a few keys. Band
  keys live for the near-duplicate window (``NEWSBOT_NEARDUP_WINDOW_DAYS``), the rest for the TTL.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

import redis

from newsbot.state.base import SeenRecord

__all__ = ["RedisSeenStore"]

_TEXT_FIELDS = ("fingerprint", "portal", "published", "modified", "lastmod", "duplicate_of")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


class RedisSeenStore:
    """:class:`~newsbot.state.base.SeenStore` in Redis (module docstring)."""

    def __init__(
        self,
        url: str,
        ttl_days: float = 90.0,
        prefix: str = "newsbot:seen:",
        client: redis.Redis | None = None,
        near_window_days: float = 7.0,
    ) -> None:
        self.client = client or redis.Redis.from_url(url)
        self.ttl = max(1, int(ttl_days * 86400))
        self.band_ttl = max(1, min(self.ttl, int(near_window_days * 86400)))
        self.prefix = prefix

    def _k(self, kind: str, name: object) -> str:
        return f"{self.prefix}{kind}:{name}"

    def _decode(self, url: str, data: dict[bytes, bytes]) -> SeenRecord | None:
        if not data:
            return None
        fields = {k.decode(): v for k, v in data.items()}
        texts = {name: _text(fields.get(name)) or None for name in _TEXT_FIELDS}
        return SeenRecord(
            url=url,
            version=int(fields.get("version", b"1")),
            sketch=fields.get("sketch") or None,
            seen_at=float(fields.get("seen_at", b"0")),
            **texts,
        )

    def _many(self, urls: Iterable[str]) -> list[SeenRecord]:
        urls = list(dict.fromkeys(urls))
        if not urls:
            return []
        pipe = self.client.pipeline(transaction=False)
        for url in urls:
            pipe.hgetall(self._k("u", url))
        found = (self._decode(u, d) for u, d in zip(urls, pipe.execute(), strict=True))
        return [r for r in found if r is not None]

    def get(self, url: str) -> SeenRecord | None:
        record = self._decode(url, self.client.hgetall(self._k("u", url)))
        if record is None:
            target = _text(self.client.get(self._k("a", url)))
            if target:
                record = self._decode(target, self.client.hgetall(self._k("u", target)))
        return record

    def by_fingerprint(self, fingerprint: str) -> SeenRecord | None:
        url = _text(self.client.get(self._k("f", fingerprint)))
        return self._decode(url, self.client.hgetall(self._k("u", url))) if url else None

    def near_candidates(self, bands: Sequence[int]) -> list[SeenRecord]:
        if not bands:
            return []
        urls = self.client.mget([self._k("b", b) for b in bands])
        return self._many(u.decode("utf-8") for u in urls if u)

    def _write(self, pipe: Any, record: SeenRecord, now: float) -> None:
        record.seen_at = now
        mapping: dict[str, Any] = {
            "version": record.version,
            "seen_at": now,
            "sketch": record.sketch or b"",
        }
        mapping.update({name: getattr(record, name) or "" for name in _TEXT_FIELDS})
        key = self._k("u", record.url)
        pipe.delete(key)
        pipe.hset(key, mapping=mapping)
        pipe.expire(key, self.ttl)
        for alias in record.aliases:
            if alias != record.url:
                pipe.set(self._k("a", alias), record.url, ex=self.ttl)
        if record.fingerprint:
            pipe.set(self._k("f", record.fingerprint), record.url, ex=self.ttl, nx=True)
        for band in record.bands:
            pipe.set(self._k("b", band), record.url, ex=self.band_ttl, nx=True)

    def put(self, record: SeenRecord) -> None:
        self.put_many([record])

    def put_many(self, records: Iterable[SeenRecord], chunk: int = 1000) -> int:
        count, now = 0, time.time()
        pipe = self.client.pipeline(transaction=True)
        for record in records:
            self._write(pipe, record, now)
            count += 1
            if count % chunk == 0:
                pipe.execute()
        pipe.execute()
        return count

    def touch(self, urls: Iterable[str]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for url in urls:
            pipe.expire(self._k("u", url), self.ttl)
            pipe.expire(self._k("a", url), self.ttl)
        pipe.execute()

    def purge(self) -> int:
        return 0  # Redis expires keys itself

    def __len__(self) -> int:
        return sum(1 for _ in self.client.scan_iter(match=self._k("u", "*"), count=1000))

    def close(self) -> None:
        self.client.close()
