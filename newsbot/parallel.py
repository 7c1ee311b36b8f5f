"""An ordered, bounded process pool for offline extraction (``scrapy extract --jobs N``).

:class:`OrderedPool` maps a picklable function over an iterable in worker processes and yields
``(item, result)`` in INPUT order, streaming: items are sent in chunks (of ``chunk_items``, or
fewer once they weigh ``chunk_bytes``), and at most ``ahead`` chunks are in flight, so a list of
a million pages is read and answered in constant memory. ``jobs=1`` runs in the calling process (no pool, same results). Workers are forked when
the platform can (they inherit what the parent imported and warmed: nothing is imported per
page; ``initializer`` runs once per worker) and ignore SIGINT: Ctrl-C reaches the parent only,
which closes the pool (workers terminated) and lets ``KeyboardInterrupt`` propagate.

Failure modes, each a value in the result's place and the map goes on:

* ``func`` raising for one item -> :class:`Failed` (the exception's type and message); a chunk
  that cannot be sent or whose results cannot be returned (pickling) -> :class:`Failed` for each
  of its items;
* a worker process dying (segfault, ``os._exit``, OOM kill) -> :class:`Crashed` for the item that
  killed it. A dead worker breaks the whole pool, so the pool is restarted, the chunk at the head
  is re-run one item at a time in the fresh pool to find the culprit, and every other unfinished
  chunk is sent again (a deterministic crash is therefore isolated within ``ahead`` restarts).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Generic, TypeVar

__all__ = ["Crashed", "Failed", "OrderedPool", "resolve_jobs"]

T = TypeVar("T")
R = TypeVar("R")

CHUNK_ITEMS = 8
"""Items per chunk sent to a worker (pages of ~10-50 ms: IPC cost is negligible)."""
CHUNK_BYTES = 4 * 1024 * 1024
"""A chunk is closed at this many bytes when ``map`` is given item sizes (WARC payloads)."""
AHEAD_PER_JOB = 4
"""Chunks in flight per worker: enough to keep workers busy despite in-order delivery."""


@dataclass(frozen=True)
class Failed:
    """``func`` raised for this item (message: ``TypeError: ...``)."""

    message: str


@dataclass(frozen=True)
class Crashed:
    """The worker process died while handling this item."""

    message: str = "the worker process died while handling it"


def resolve_jobs(value: str | int | None) -> int:
    """``--jobs`` value -> worker count: ``0``/``auto`` = ``os.cpu_count()``; ValueError when
    it is not a non-negative integer or ``auto``."""
    text = str(1 if value is None else value).strip().lower()
    if text == "auto":
        text = "0"
    if not text.isdigit():
        raise ValueError(f"--jobs must be a number >= 0 or 'auto', not {value!r}")
    jobs = int(text)
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _init_worker(initializer: Callable[[], None] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if initializer is not None:
        initializer()


def _call(func: Callable[[T], R], item: T) -> R | Failed:
    try:
        return func(item)
    except Exception as exc:  # one bad item must not lose the chunk
        return Failed(f"{type(exc).__name__}: {exc}")


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R | Failed]:
    return [_call(func, item) for item in chunk]


@dataclass
class _Slot(Generic[T, R]):
    chunk: list[T]
    future: Future[list[Any]] | None = None


def _succeeded(future: Future[Any] | None) -> bool:
    return (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    )


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class OrderedPool:
    """``with OrderedPool(jobs) as pool: for item, result in pool.map(func, items): ...``

    ``initializer`` runs once in each worker (import and warm up what ``func`` needs).
    ``map`` may be called several times on one pool (one WARC file after another).
    """

    def __init__(
        self,
        jobs: int,
        initializer: Callable[[], None] | None = None,
        *,
        chunk_items: int = CHUNK_ITEMS,
        chunk_bytes: int = CHUNK_BYTES,
        ahead: int | None = None,
    ) -> None:
        self.jobs = max(1, jobs)
        self.initializer = initializer
        self.chunk_items = max(1, chunk_items)
        self.chunk_bytes = chunk_bytes
        self.ahead = ahead or AHEAD_PER_JOB * self.jobs
        self.restarts = 0
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> OrderedPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        self.close(terminate=exc_type is not None)

    # -- the pool ------------------------------------------------------------------------------

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.jobs, _context(), initializer=_init_worker, initargs=(self.initializer,)
            )
        return self._executor

    def close(self, terminate: bool = True) -> None:
        """Stop the workers; pending chunks are dropped. ``terminate``: at once (Ctrl-C, an
        error, a broken pool), else after the chunks already running. Safe to call twice."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if terminate:  # a worker busy on a slow page would make shutdown() wait for it
            for process in list(getattr(executor, "_processes", {}).values()):
                if process.is_alive():
                    process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)

    def _restart(self) -> None:
        self.close()
        self.restarts += 1

    # -- mapping -------------------------------------------------------------------------------

    def map(
        self,
        func: Callable[[T], R],
        items: Iterable[T],
        size: Callable[[T], int] | None = None,
    ) -> Iterator[tuple[T, Any]]:
        """``(item, func(item) | Failed | Crashed)`` in input order (module docstring).

        ``size``: an item's weight in bytes (a WARC record's payload); a chunk is closed once
        it reaches ``chunk_bytes``, so in-flight memory stays bounded by bytes as well.
        """
        if self.jobs == 1:
            for item in items:
                yield item, _call(func, item)
            return
        source = iter(items)
        slots: deque[_Slot[T, R]] = deque()
        exhausted = False
        while True:
            while not exhausted and len(slots) < self.ahead:
                chunk = self._chunk(source, size)
                if not chunk:
                    exhausted = True
                    break
                slots.append(_Slot(chunk, self._submit(func, chunk)))
            if not slots:
                return
            slot = slots.popleft()
            yield from zip(slot.chunk, self._results(func, slot, slots), strict=True)

    def _chunk(self, source: Iterator[T], size: Callable[[T], int] | None) -> list[T]:
        if size is None:
            return list(islice(source, self.chunk_items))
        chunk: list[T] = []
        weight = 0
        for item in source:
            chunk.append(item)
            weight += size(item)
            if len(chunk) >= self.chunk_items or weight >= self.chunk_bytes:
                break
        return chunk

    def _submit(self, func: Callable[[T], R], chunk: list[T]) -> Future[list[Any]] | None:
        """The chunk's future; None when the pool is already broken (sent again later)."""
        try:
            return self._pool().submit(_run_chunk, func, chunk)
        except BrokenProcessPool:
            return None

    def _results(
        self, func: Callable[[T], R], slot: _Slot[T, R], others: deque[_Slot[T, R]]
    ) -> list[Any]:
        if slot.future is not None:
            try:
                return slot.future.result()
            except BrokenProcessPool:
                pass
            except Exception as exc:  # the chunk could not be sent, or its results not returned
                return [Failed(f"{type(exc).__name__}: {exc}")] * len(slot.chunk)
        self._restart()  # the head chunk may hold the culprit: run it alone, item by item
        results = [self._isolated(func, item) for item in slot.chunk]
        for other in others:  # then send again every chunk the broken pool did not finish
            if not _succeeded(other.future):
                other.future = self._submit(func, other.chunk)
        return results

    def _isolated(self, func: Callable[[T], R], item: T) -> Any:
        try:
            return self._pool().submit(_run_chunk, func, [item]).result()[0]
        except BrokenProcessPool:
            self._restart()
            return Crashed()
