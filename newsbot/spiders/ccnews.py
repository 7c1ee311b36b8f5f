"""The ``ccnews`` spider: Arabic articles from Common Crawl's CC-NEWS WARC archives.

    scrapy crawl ccnews -a month=2024-01 -O jan.jsonl
    scrapy crawl ccnews -a warc_paths=warc.paths.gz [-a warc_base=URL] [-a domains=all|portals|d1,d2]
                        [-a language=ar] [-a since=2024-01-10 | -a days=N] [-a limit=N]

``warc_paths``: a local file or URL of a ``warc.paths(.gz)`` listing, one WARC path a line;
relative paths are resolved against ``warc_base`` (default ``NEWSBOT_CCNEWS_BASE_URL``, Common
Crawl's public data server); ``month=YYYY-MM`` builds that month's CC-NEWS listing URL.

Each WARC is downloaded in ``Range`` requests of ``NEWSBOT_CCNEWS_RANGE_BYTES`` (never whole in
memory; :mod:`newsbot.warc.chunks`), one WARC at a time (``NEWSBOT_CCNEWS_CONCURRENT_WARCS``),
through the normal downloader (delays, retries, ``JOBDIR``: a range request carries its file and
offset, and the offset reached is kept in the spider state). A server that ignores ``Range``
answers 200 with the whole file, which is accepted up to ``DOWNLOAD_MAXSIZE``.

Response records are kept when their host is a registered portal's (``domains=portals``,
default), one of the given domains, or any host (``all``), the HTTP status is 200, the payload
HTML, and the page in ``language`` (:func:`newsbot.warc.pages.in_language`). Kept pages go
through the same article path as crawled pages (``handle_article``: the portal's zone and
locale, ``classify``, ``since``/``limit``), with the WARC-Date as fetch time, and then through
the project pipelines. A WARC read to its end (or to damage in it) is remembered in the
seen-store as ``warc:<path>``: the next run over the same listing skips it (``-a fresh=1``
re-reads it). Stats: ``newsbot/warc/files/{listed,done,damaged,failed}``,
``newsbot/warc/incremental/skipped`` (WARCs done before), ``newsbot/warc/records``,
``newsbot/warc/skipped/<reason>`` and ``newsbot/<portal>/skipped/{language,too_old}``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.http import Request, Response

from newsbot.spiders._args import ArgumentError
from newsbot.spiders._article import handle_article
from newsbot.spiders._discovery import DISCOVERY_PRIORITY
from newsbot.spiders.base import NewsbotSpider
from newsbot.state import SeenRecord, crawl_state
from newsbot.warc.chunks import parse_content_range, split_range
from newsbot.warc.listing import Domains, month_listing, read_listing, resolve
from newsbot.warc.pages import host_of, in_language, skip_reason, to_response
from newsbot.warc.reader import Record

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure


logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://data.commoncrawl.org"
DONE_PREFIX = "warc:"
"""Seen-store key prefix of WARC files read to the end."""
STATS = "warc"


class CcnewsSpider(NewsbotSpider):
    """Articles of CC-NEWS (or any) WARC files listed in a ``warc.paths`` file (module doc)."""

    name = "ccnews"

    def __init__(
        self,
        *args: Any,
        warc_paths: str | None = None,
        warc_base: str | None = None,
        month: str | None = None,
        domains: str = "portals",
        language: str = "ar",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        try:
            self.month_path = month_listing(str(month)) if month else None
            self.domains = Domains.parse(domains)
        except ValueError as exc:
            raise ArgumentError(f"-a month= / -a domains=: {exc}") from None
        if not warc_paths and not month:
            raise ArgumentError("give -a warc_paths=LISTING (file or URL) or -a month=YYYY-MM")
        local = warc_paths and not str(warc_paths).startswith(("http://", "https://"))
        if local and not Path(str(warc_paths)).expanduser().is_file():
            raise ArgumentError(f"-a warc_paths={warc_paths!r}: no such file")
        self.warc_paths = warc_paths
        self.warc_base = warc_base
        self.month = month
        self.language = str(language or "").strip().lower()
        self.queue: deque[tuple[str, str]] = deque()
        self.range_bytes = 8 * 1024 * 1024
        self.max_record_bytes = 64 * 1024 * 1024
        self.concurrent = 1
        self.base_url = DEFAULT_BASE_URL

    def configure(self, crawler: Crawler) -> None:
        super().configure(crawler)
        settings = crawler.settings
        self.related_depth = 0  # archived pages only: related links are not fetched live
        self.range_bytes = max(4096, settings.getint("NEWSBOT_CCNEWS_RANGE_BYTES", 8 << 20))
        self.max_record_bytes = settings.getint("NEWSBOT_CCNEWS_MAX_RECORD_BYTES", 64 << 20)
        self.concurrent = max(1, settings.getint("NEWSBOT_CCNEWS_CONCURRENT_WARCS", 1))
        self.base_url = str(
            self.warc_base or settings.get("NEWSBOT_CCNEWS_BASE_URL") or DEFAULT_BASE_URL
        )
        self.maxsize = settings.getint("DOWNLOAD_MAXSIZE", 0)

    # -- stats & state ------------------------------------------------------------------------

    def warc_count(self, event: str, n: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newsbot/{STATS}/{event}", n)

    @property
    def progress(self) -> dict[str, int]:
        """Offset reached per WARC (kept across ``JOBDIR`` restarts in the spider state)."""
        state = getattr(self, "state", None)
        if isinstance(state, dict):
            return state.setdefault("ccnews_progress", {})  # type: ignore[no-any-return]
        if not hasattr(self, "_progress"):
            self._progress: dict[str, int] = {}
        return self._progress

    def _store(self) -> Any:
        state = crawl_state(self.crawler)
        return state.store, state.fresh

    # -- listing ------------------------------------------------------------------------------

    def listing(self) -> str:
        if self.warc_paths:
            return str(self.warc_paths)
        return resolve(self.base_url, str(self.month_path))

    async def start(self) -> AsyncIterator[Any]:
        self.crawl_started = True
        listing = self.listing()
        if listing.startswith(("http://", "https://")):
            yield Request(
                listing,
                callback=self.parse_listing,
                errback=self.on_error,
                dont_filter=True,
                priority=DISCOVERY_PRIORITY,
                meta={"newsbot_kind": "discovery", "newsbot_source": "warc_paths"},
            )
            return
        path = Path(listing).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ArgumentError(f"-a warc_paths={listing!r}: {exc.strerror or exc}") from None
        for request in self.begin(read_listing(data)):
            yield request

    def parse_listing(self, response: Response) -> Iterator[Request]:
        try:
            paths = read_listing(response.body)
        except (OSError, EOFError) as exc:
            logger.error("Listing %s is not a warc.paths file: %s", response.url, exc)
            self.warc_count("listing/invalid")
            return
        yield from self.begin(paths)

    def begin(self, paths: list[str]) -> Iterator[Request]:
        """Queue the WARCs not done before; start the first ``concurrent`` of them."""
        store, fresh = self._store()
        done_before: list[str] = []
        for path in dict.fromkeys(paths):
            self.warc_count("files/listed")
            if store is not None and not fresh and store.get(DONE_PREFIX + path) is not None:
                done_before.append(DONE_PREFIX + path)
                continue
            self.queue.append((path, resolve(self.base_url, path)))
        if done_before:
            self.warc_count("incremental/skipped", len(done_before))
            store.touch(done_before)
        logger.info(
            "CC-NEWS listing: %d WARC files, %d read by an earlier run, %d to read",
            len(paths),
            len(done_before),
            len(self.queue),
        )
        for _ in range(self.concurrent):
            yield from self.next_warc()

    def next_warc(self) -> Iterator[Request]:
        if self.queue and not self.limit_reached():
            key, url = self.queue.popleft()
            offset = self.progress.setdefault(key, 0)
            logger.info("Reading WARC %s from byte %d", url, offset)
            yield self.range_request(key, url, offset, self.range_bytes)

    def range_request(self, key: str, url: str, offset: int, size: int) -> Request:
        return Request(
            url,
            headers={"Range": f"bytes={offset}-{offset + size - 1}", "Accept-Encoding": "identity"},
            callback=self.parse_range,
            errback=self.range_failed,
            dont_filter=True,
            meta={
                "newsbot_kind": "warc",
                "newsbot_warc": {"key": key, "url": url, "offset": offset, "size": size},
                "download_maxsize": max(self.maxsize, size + (1 << 20)),
                "download_warnsize": size + (1 << 20),
            },
        )

    # -- WARC ranges --------------------------------------------------------------------------

    def parse_range(self, response: Response) -> Iterator[Any]:
        """One byte range: its complete records, then the next range or the next WARC."""
        warc = response.meta["newsbot_warc"]
        key, offset, size = warc["key"], int(warc["offset"]), int(warc["size"])
        if self.progress.get(key) != offset:
            self.warc_count("ranges/stale")  # a resumed JOBDIR queue sent this range twice
            return
        self.warc_count("ranges")
        self.warc_count("bytes", len(response.body))
        try:
            data, last = self._range_data(response, offset, size)
        except ValueError as exc:
            self.warc_count("files/failed")
            logger.error("WARC %s: %s; it is retried next run", warc["url"], exc)
            self.progress.pop(key, None)
            yield from self.next_warc()
            return
        result = split_range(data, offset, last, self.wanted)
        del data
        for record in result.records:
            yield from self.handle_record(record)
        if result.damage is not None:
            self.warc_count("files/damaged")
            logger.error(
                "WARC %s is %s; the records before it were read", warc["url"], result.damage
            )
        if result.next_offset is None:
            yield from self.finish(key, warc["url"])
            return
        if not result.records and result.next_offset == offset:
            if size * 2 > self.max_record_bytes:
                self.warc_count("files/failed")
                logger.error(
                    "WARC %s: no complete record within %d bytes at byte %d (a corrupt file or a "
                    "record above NEWSBOT_CCNEWS_MAX_RECORD_BYTES); file skipped",
                    warc["url"],
                    size,
                    offset,
                )
                yield from self.finish(key, warc["url"])
                return
            yield self.range_request(key, warc["url"], offset, size * 2)
            return
        self.progress[key] = int(result.next_offset)
        yield self.range_request(key, warc["url"], int(result.next_offset), self.range_bytes)

    def _range_data(self, response: Response, offset: int, size: int) -> tuple[bytes, bool]:
        """(the bytes from ``offset``, whether they reach the end of the file)."""
        if response.status == 206:
            span = parse_content_range(response.headers.get(b"Content-Range", b"").decode())
            if span is not None and span[0] != offset:
                raise ValueError(f"server sent bytes {span[0]}- for a request from {offset}")
            if span is not None and span[2] is not None:
                return response.body, span[1] + 1 >= span[2]
            return response.body, len(response.body) < size
        if offset:
            logger.warning("%s: the server ignores Range; using the whole file", response.url)
        return response.body[offset:], True

    def finish(self, key: str, url: str) -> Iterator[Request]:
        """Remember a WARC read to its end, then start the next one."""
        self.progress.pop(key, None)
        self.warc_count("files/done")
        store, _ = self._store()
        if store is not None:
            store.put(SeenRecord(url=DONE_PREFIX + key, portal=STATS))
        logger.info("Finished WARC %s", url)
        yield from self.next_warc()

    def range_failed(self, failure: Failure) -> Iterator[Request]:
        """A range failed after retries: count it, leave the WARC for the next run, go on."""
        self.on_error(failure)
        warc = failure.request.meta.get("newsbot_warc") or {}  # type: ignore[attr-defined]
        self.warc_count("files/failed")
        logger.error("WARC %s failed at byte %s; it is retried next run", warc.get("url"),
                     warc.get("offset"))  # fmt: skip
        self.progress.pop(str(warc.get("key")), None)
        yield from self.next_warc()

    # -- records ------------------------------------------------------------------------------

    def wanted(self, record: Record) -> bool:
        """Read this record's payload? (cheap checks on its headers only)"""
        if skip_reason(record) is not None or not self.domains.keep(host_of(record.url))[0]:
            return False
        return not self.too_old(record.fetched_at)

    def handle_record(self, record: Record) -> Iterator[Any]:
        """One complete record -> counted skip, or the article path of a crawled page."""
        self.warc_count("records")
        reason = skip_reason(record)
        if reason is not None:
            self.warc_count(f"skipped/{reason}")
            return
        keep, portal = self.domains.keep(host_of(record.url))
        if not keep:
            self.warc_count("skipped/off_domain")
            return
        if self.too_old(record.fetched_at):
            self.count(portal, "skipped/too_old")
            return
        meta = {
            "newsbot_kind": "article",
            "newsbot_portal": portal.slug if portal is not None else None,
            "newsbot_depth": 0,
            "newsbot_hints": {"discovered_by": "warc"},
            "newsbot_fetched_at": record.fetched_at,
        }
        response = to_response(record, meta)
        if isinstance(response, str):
            self.warc_count(f"skipped/{response}")
            return
        if not in_language(response, self.language):
            self.count(portal, "skipped/language")
            logger.debug("Skipped %s: not in %s", response.url, self.language)
            return
        yield from handle_article(self, response)
