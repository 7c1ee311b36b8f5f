"""ExtractPool: article extraction in worker processes, so a crawl uses more than one core.

Extraction is CPU-bound Python: in the crawl process it blocks the reactor, so downloads and
pipelines wait while a page is parsed. With ``NEWSBOT_EXTRACT_WORKERS = N`` (N > 0) the spider's
``parse_article`` sends each page (URL, status, headers, body) to one of N processes
(``concurrent.futures.ProcessPoolExecutor``, forked once per crawl), which rebuilds the response
and runs the same ``extract_response`` + ``classify`` as the in-process path; the Article, the
verdict and the ``parser/...`` stats it counted come back, and everything else (limits, render
decisions, hints, related requests, the pipelines) stays in the crawl process. Pages in flight
are bounded by Scrapy itself (``CONCURRENT_REQUESTS`` downloads, ``SCRAPER_SLOT_MAX_ACTIVE_SIZE``
bytes of responses being processed). If a page cannot be sent (an unpicklable portal hook) or a
worker dies, that page is extracted in-process and ``newsbot/<portal>/extract_pool/fallback``
is counted. A dead worker (the OOM killer, a crash in a C library) breaks its pool: the pages in
flight are extracted in-process, ``newsbot/extract_pool/worker_lost`` is counted and the next
page starts a new pool, up to ``MAX_RESTARTS`` times, after which the crawl extracts every page
in-process. The pool is shut down when the spider closes. A worker whose crawl process is gone
(killed with ``kill -9``, so nothing shut the pool down) exits within ``PARENT_CHECK_S`` seconds
instead of waiting forever for pages. Workers run ``NEWSBOT_EXTRACT_WORKER_NICE`` steps below
the crawl process's priority, so that on a busy machine the reactor (downloads, pipelines, the
feed) gets a core as soon as it needs one and the workers take the rest.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scrapy.http import Response, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from newsbot.extract import classify, extract_response
from newsbot.extract.tree import release_selector

if TYPE_CHECKING:
    from newsbot.items import Article

__all__ = ["ExtractPool", "extract_page", "pool_size"]

logger = logging.getLogger(__name__)

AUTO_MAX_WORKERS = 2
"""Workers of ``NEWSBOT_EXTRACT_WORKERS = "auto"`` on a machine with CPUs to spare: the reactor
spends ~4 ms per page on downloads, pipelines and the feed against ~5.5 ms of extraction per
page in a worker (generated ~50 KB pages), so a third worker would mostly wait."""

MAX_RESTARTS = 3
"""Pools started again after a worker died (OOM killer, a crash in a C library) before the
crawl extracts every further page in-process."""

PARENT_CHECK_S = 0.5
"""How often a worker checks that the crawl process that forked it still exists."""


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def pool_size(value: Any, cpus: int | None = None) -> int:
    """Extraction workers for a ``NEWSBOT_EXTRACT_WORKERS`` value: an int >= 0 as given, or
    ``"auto"``: one worker per CPU the crawl may use besides the reactor's, at most
    ``AUTO_MAX_WORKERS`` (one reactor keeps about that many busy), none on a single CPU.
    Anything else raises ``ValueError``."""
    if isinstance(value, str) and value.strip().lower() == "auto":
        spare = (usable_cpus() if cpus is None else cpus) - 1
        return max(0, min(AUTO_MAX_WORKERS, spare))
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = -1
    if n < 0 or isinstance(value, bool | float):
        raise ValueError(
            f"NEWSBOT_EXTRACT_WORKERS must be 'auto' or an integer >= 0, not {value!r}"
        )
    return n


def _start_worker(parent: int, nice: int) -> None:
    """Worker initializer: lower this process's priority by ``nice`` (0: unchanged), and exit
    it once ``parent`` is gone (reparented workers would otherwise block forever on the call
    queue, whose write end they inherited)."""
    if nice > 0:
        try:
            os.nice(nice)
        except OSError as exc:  # not allowed here: run at the crawl's priority
            logger.warning("Extraction worker: cannot lower its priority (%s)", exc)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="newsbot-parent-watch", daemon=True).start()


class _Counts:
    """The ``inc_value`` of a StatsCollector, into a dict (sent back to the crawl process)."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] = self.values.get(key, start) + count


def extract_page(
    cls: type[Response],
    url: str,
    status: int,
    headers: dict[bytes, list[bytes]],
    body: bytes,
    portal: Any,
    hints: dict[str, Any],
    now: datetime | None,
) -> tuple[Article, str | None, dict[str, int]]:
    """Worker side: (Article, classify verdict, stats counted) of one page; ``portal``: a
    registry slug, a Portal (one loaded from a file) or None."""
    if isinstance(portal, str):
        from newsbot import portals

        portal = portals.get(portal)
    response = cls(url=url, status=status, headers=headers, body=body)
    counts = _Counts()
    article = extract_response(response, portal, stats=counts, hints=hints, now=now)
    verdict = classify(article, response)
    release_selector(response)  # the page's document is freed as this call returns
    return article, verdict, counts.values


class ExtractPool:
    """``workers`` extraction processes (module docstring)."""

    def __init__(self, workers: int, nice: int = 0) -> None:
        self.workers = workers
        self.nice = max(0, nice)
        self._executor: ProcessPoolExecutor | None = None
        self.restarts = 0
        self.disabled = False

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # fork: the workers start at once with newsbot (and test portals) already imported
            context = multiprocessing.get_context("fork")
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(os.getpid(), self.nice),
            )
            logger.info(
                "Extraction runs in %d worker process(es), niceness +%d", self.workers, self.nice
            )
        return self._executor

    async def extract(
        self,
        response: TextResponse,
        portal: Any,
        hints: dict[str, Any],
        now: datetime | None,
        stats: Any,
    ) -> tuple[Article, str | None] | None:
        """(Article, verdict) from a worker, its stats added to ``stats``; None when the page
        must be extracted in-process (it could not be sent, or the worker failed)."""
        if self.disabled:
            return None
        try:
            executor = self._pool()
            future = executor.submit(
                extract_page,
                type(response),
                response.url,
                response.status,
                dict(response.headers),
                response.body,
                _portal_ref(portal),
                hints,
                now,
            )
            article, reason, counts = await maybe_deferred_to_future(_deferred(future))
        except BrokenProcessPool as exc:  # a worker died: this page and those in flight
            self._lost(executor, stats, exc)
            return None
        except Exception as exc:  # an unpicklable hint, an error in the worker: extract here
            logger.warning(
                "Extraction worker failed on %s (%r): extracting here", response.url, exc
            )
            return None
        if stats is not None:
            for key, value in counts.items():
                stats.inc_value(key, value)
        return article, reason

    def _lost(self, executor: ProcessPoolExecutor, stats: Any, exc: BaseException) -> None:
        """Drop the broken pool (once, however many pages were in flight): the next page
        starts a new one, up to ``MAX_RESTARTS`` times; then every page is extracted here."""
        if executor is not self._executor:
            return  # another page in flight already replaced it
        executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None
        if stats is not None:
            stats.inc_value("newsbot/extract_pool/worker_lost")
        if self.restarts >= MAX_RESTARTS:
            self.disabled = True
            logger.error(
                "Extraction worker died again (%s); %d restarts already: extracting in the "
                "crawl process from now on",
                exc,
                self.restarts,
            )
            return
        self.restarts += 1
        logger.error(
            "Extraction worker died (%s): the pages in flight are extracted here, a new pool "
            "starts (restart %d of %d)",
            exc,
            self.restarts,
            MAX_RESTARTS,
        )

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _portal_ref(portal: Any) -> Any:
    """The registry slug of ``portal`` when the registry has this very object, else itself."""
    slug = getattr(portal, "slug", None)
    if slug is None:
        return None
    from newsbot import portals

    try:
        return slug if portals.get(slug) is portal else portal
    except KeyError:
        return portal


def _deferred(future: Future[Any]) -> Deferred[Any]:
    """A Deferred fired in the reactor thread with the outcome of ``future``."""
    from twisted.internet import reactor  # the installed one (importing it early installs one)

    d: Deferred[Any] = Deferred()

    def done(f: Future[Any]) -> None:
        exc = f.exception()
        if exc is not None:
            reactor.callFromThread(d.errback, exc)  # type: ignore[attr-defined]
        else:
            reactor.callFromThread(d.callback, f.result())  # type: ignore[attr-defined]

    future.add_done_callback(done)
    return d
