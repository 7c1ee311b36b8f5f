"""The feed file writer: whole lines, reaching the OS at once, and a crawl that stops when one fails.

:class:`LineWriter` is the file object ``newsbot.feeds.LineFlushFileStorage`` hands to the
exporter. :func:`stop_on_write_error` is what happens when a line cannot be written (disk full,
permission denied, the feed file or its directory removed or replaced): an ERROR, close reason
``feed_write_failed`` (``scrapy crawl`` exits ``NEWSBOT_WRITE_FAILED_EXIT_CODE``) and
``CrawlState.write_failed`` set, so that the dedupe pipeline stores nothing more as seen.
"""

from __future__ import annotations

import errno
import io
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["WRITE_FAILED", "FeedWriteError", "LineWriter", "stop_on_write_error"]

logger = logging.getLogger(__name__)


class FeedWriteError(OSError):
    """A feed line could not be written (disk full, permission, file or directory removed)."""


class LineWriter(io.RawIOBase):
    """A feed file whose every ``write`` reaches the OS whole before it returns.

    Before each write the path is checked to still name the open file (a removed or replaced
    file or directory would otherwise swallow the lines); a failed write calls ``on_error``
    once and raises :class:`FeedWriteError`; later writes are dropped (``dropped`` counts them).
    """

    def __init__(
        self,
        path: Path,
        mode: str,
        fsync: bool = False,
        on_error: Callable[[Path, OSError], None] | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self._raw = path.open(mode, buffering=0)
        self._fsync = fsync
        self._on_error = on_error
        self._ident = self._identity(os.fstat(self._raw.fileno()))
        self.failed: OSError | None = None
        self.dropped = 0

    @staticmethod
    def _identity(st: os.stat_result) -> tuple[int, int]:
        return (st.st_dev, st.st_ino)

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._raw.fileno()

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        if self.failed is not None:
            self.dropped += 1
            return len(view)
        try:
            try:
                same = self._identity(os.stat(self.path)) == self._ident
            except OSError:
                same = False
            if not same:
                raise FeedWriteError(
                    errno.ENOENT,
                    "the feed file was removed or replaced while writing",
                    str(self.path),
                )
            done = 0
            while done < len(view):
                done += self._raw.write(view[done:]) or 0
            if self._fsync:
                os.fsync(self._raw.fileno())
        except OSError as exc:
            self.failed = exc
            if self._on_error is not None:
                self._on_error(self.path, exc)
            raise FeedWriteError(exc.errno, exc.strerror or str(exc), str(self.path)) from exc
        return len(view)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


WRITE_FAILED = "feed_write_failed"
"""Close reason of a crawl stopped by a failed feed write."""


def stop_on_write_error(crawler: Crawler, path: Path, exc: OSError) -> None:
    """A feed line could not be written: stop the crawl now (close reason ``feed_write_failed``)
    and stop advancing the seen-store (``CrawlState.write_failed``, read by the dedupe pipeline).
    """
    from newsbot.state import crawl_state

    state = crawl_state(crawler)
    if state.write_failed is not None:
        return
    state.write_failed = f"{path}: {exc}"
    logger.error(
        "Feed write failed, stopping the crawl: %s (%s). Records not written are not stored "
        "as seen; fix the cause and run the same command again to resume.",
        path,
        exc.strerror or exc,
    )
    if crawler.stats is not None:
        crawler.stats.inc_value("newsbot/feed/write_failed")
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(engine.close_spider_async(reason=WRITE_FAILED))
