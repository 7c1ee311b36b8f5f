"""Feeds: JSONL that survives SIGKILL, per-portal / per-day partitions, crash recovery.

* :class:`LineFlushFileStorage` (``FEED_STORAGES`` for plain paths and ``file://``): every
  exporter write (one JSONL line) is flushed to the OS at once, so a killed crawl leaves only
  whole lines (``NEWSBOT_FEED_FSYNC`` adds an fsync per line against power loss); a failed
  write stops the crawl (``newsbot.feedwriter``). Opening a feed in append mode (``-o``) first
  cuts a half-written last line left by another writer; overwriting one (``-O``) that holds
  records while the seen-store remembers them logs a WARNING with their count first.
* :func:`uri_params` (``FEED_URI_PARAMS``) adds ``%(portal)s`` (portal slug, else the spider
  name) and ``%(day)s`` (UTC day the feed was opened, ``YYYY-MM-DD``) to the feed URI params::

      scrapy crawl youm7 -o 'out/%(portal)s/%(day)s.jsonl'

* :func:`recover_from_feeds` puts back into the seen-store the records of the last lines of an
  appended (``-o``) feed that a killed crawl wrote but could not store (see
  ``newsbot.pipelines.dedupe``); an overwritten (``-O``) feed is not read.

The JSONL field order is ``FEED_EXPORT_FIELDS`` (``newsbot.items.ARTICLE_FIELDS``).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage, apply_uri_params
from scrapy.utils.misc import load_object
from w3lib.url import file_uri_to_path

from newsbot.feedwriter import LineWriter, stop_on_write_error
from newsbot.state.base import SeenRecord
from newsbot.urls import canonical_url

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

    from newsbot.fingerprints import NearDupHasher
    from newsbot.state.base import SeenStore

__all__ = [
    "LineFlushFileStorage",
    "feed_paths",
    "feed_uris",
    "recover_from_feeds",
    "uri_params",
]

logger = logging.getLogger(__name__)


def uri_params(params: dict[str, Any], spider: Spider) -> dict[str, Any]:
    """``FEED_URI_PARAMS``: add ``portal`` and ``day`` (module docstring)."""
    portal = getattr(spider, "portal", None)
    slug = getattr(portal, "slug", portal) if portal else None
    params["portal"] = str(slug or spider.name)
    params["day"] = datetime.now(UTC).strftime("%Y-%m-%d")
    return params


def cut_partial_line(path: Path) -> int:
    """Remove a last line without its newline (a crash of another writer); bytes removed."""
    with path.open("r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return 0
        pos = size
        block = 65536
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                keep = start + idx + 1
                break
            pos = start
        else:
            keep = 0
        fh.truncate(keep)
        return size - keep


class LineFlushFileStorage(FileFeedStorage):
    """Local-file feed storage writing whole lines (module docstring)."""

    def __init__(
        self,
        uri: str,
        *,
        feed_options: dict[str, Any] | None = None,
        fsync: bool = False,
        crawler: Crawler | None = None,
    ) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.fsync = fsync
        self.crawler = crawler

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> LineFlushFileStorage:
        return cls(
            uri,
            feed_options=feed_options,
            fsync=crawler.settings.getbool("NEWSBOT_FEED_FSYNC", False),
            crawler=crawler,
        )

    def open(self, spider: Spider) -> Any:
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.write_mode == "ab" and path.exists():
            cut = cut_partial_line(path)
            if cut:
                logger.warning("Feed %s ended with a half-written line: %d bytes cut", path, cut)
        elif path.is_file() and path.stat().st_size and self._remembers():
            logger.warning(
                "Feed %s is overwritten (-O): its %d record(s) from an earlier run are discarded, "
                "and the seen-store still remembers those articles, so this run does not emit "
                "them again. To keep them: stop now and use -o (append) or move the file; to "
                "emit everything again into the new file: -a fresh=1",
                path,
                _count_lines(path),
            )
        return LineWriter(path, self.write_mode, fsync=self.fsync, on_error=self._failed)

    def _remembers(self) -> bool:
        """True when a seen-store skips articles of earlier runs in this crawl."""
        if self.crawler is None or not self.crawler.settings.getbool("NEWSBOT_STATE_ENABLED"):
            return False
        from newsbot.state import crawl_state

        return not crawl_state(self.crawler).fresh

    def _failed(self, path: Path, exc: OSError) -> None:
        if self.crawler is not None:
            stop_on_write_error(self.crawler, path, exc)


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            count += chunk.count(b"\n")
    return count


# -- feed locations ---------------------------------------------------------------------------


def _feeds(crawler: Crawler) -> list[tuple[str, dict[str, Any]]]:
    """(rendered URI, feed options) of this crawl's feeds (from the running FeedExporter if any)."""
    exporter = next(
        (e for e in getattr(crawler.extensions, "middlewares", ()) if isinstance(e, FeedExporter)),
        None,
    )
    if exporter is not None and exporter.slots:
        return [(slot.uri, slot.feed_options or {}) for slot in exporter.slots]
    spider = crawler.spider
    settings = crawler.settings
    out = []
    for uri, options in settings.getdict("FEEDS").items():
        template = str(uri.absolute()) if isinstance(uri, Path) else str(uri)
        params: dict[str, Any] = {k: getattr(spider, k, None) for k in dir(spider)}
        now = datetime.now(UTC)
        params.update(
            time=now.replace(microsecond=0).isoformat().replace(":", "-"),
            batch_time=now.isoformat().replace(":", "-"),
            batch_id=1,
        )
        function = (options or {}).get("uri_params") or settings.get("FEED_URI_PARAMS")
        if function:
            params = load_object(function)(params, spider) or params
        out.append((apply_uri_params(template, params), dict(options or {})))
    return out


def feed_uris(crawler: Crawler) -> list[str]:
    """The feed URIs of this crawl, rendered (from the running FeedExporter when possible)."""
    return [uri for uri, _ in _feeds(crawler)]


def local_path(uri: str) -> Path | None:
    """The local file of a feed URI (plain path or ``file://``), else None."""
    if uri.startswith("file:"):
        return Path(file_uri_to_path(uri))
    if urlparse(uri).scheme == "" or PureWindowsPath(uri).drive:
        return Path(uri)
    return None


def feed_paths(crawler: Crawler, *, appended_only: bool = False) -> list[Path]:
    """Local files among :func:`feed_uris` (only ``-o`` feeds, not ``-O``, if ``appended_only``)."""
    out = []
    for uri, options in _feeds(crawler):
        path = local_path(uri)
        if path is not None and not (appended_only and options.get("overwrite")):
            out.append(path)
    return out


def _tail_lines(path: Path, tail_bytes: int) -> list[str]:
    with path.open("rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        start = max(0, size - tail_bytes)
        fh.seek(start)
        data = fh.read()
    lines = data.split(b"\n")
    if start > 0:
        lines = lines[1:]  # the first one is cut by the window
    return [line.decode("utf-8", "replace") for line in lines if line.strip()]


def recover_from_feeds(
    crawler: Crawler, store: SeenStore, hasher: NearDupHasher, tail_bytes: int = 1 << 20
) -> int:
    """Store the records of the feeds' last lines that the store does not know; how many.

    Only appended feeds (``-o``) count: an overwritten one (``-O``) is about to be emptied, so
    its lines are not "written" any more and their articles must be emitted again.
    """
    recovered = 0
    for path in feed_paths(crawler, appended_only=True):
        if not path.is_file():
            continue
        records = []
        for line in _tail_lines(path, tail_bytes):
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if not isinstance(data, dict) or not (data.get("url") or data.get("fetched_url")):
                continue
            key = canonical_url(str(data.get("url") or data.get("fetched_url")))
            if store.get(key) is not None:
                continue
            sig = hasher.signature(data.get("body") or data.get("title"))
            fetched = canonical_url(str(data["fetched_url"])) if data.get("fetched_url") else key
            records.append(
                SeenRecord(
                    url=key,
                    fingerprint=data.get("fingerprint"),
                    portal=data.get("portal"),
                    published=data.get("published"),
                    modified=data.get("modified"),
                    version=int(data.get("version") or 1),
                    duplicate_of=data.get("duplicate_of"),
                    sketch=sig.sketch if sig else None,
                    bands=sig.bands if sig else (),
                    aliases=(fetched,) if fetched != key else (),
                )
            )
        if records:
            recovered += store.put_many(records)
            logger.warning(
                "Seen-store: %d record(s) written to %s by an interrupted crawl were recovered",
                len(records),
                path,
            )
    return recovered
