"""newsbot.parallel.OrderedPool: input order, bounded read-ahead, failures and dead workers.

Real worker processes (fork); the task functions are this module's own (a worker that exits
on one item stands for a page that segfaults the parser or gets the worker OOM-killed).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice

import pytest

from newsbot.parallel import Crashed, Failed, OrderedPool, resolve_jobs

DIES_ON = 13
RAISES_ON = 20


def square_or_fail(n: int) -> int:
    if n == DIES_ON:
        os._exit(3)  # the worker process dies, as on a segfault
    if n == RAISES_ON:
        raise ValueError(f"bad item {n}")
    return n * n


def square(n: int) -> int:
    return n * n


def test_results_come_in_input_order_with_failures_in_place() -> None:
    with OrderedPool(2, chunk_items=3) as pool:
        results = list(pool.map(square_or_fail, range(60)))
        assert pool.restarts >= 1
    assert [item for item, _ in results] == list(range(60))
    assert results[DIES_ON][1] == Crashed()
    assert results[RAISES_ON][1] == Failed(f"ValueError: bad item {RAISES_ON}")
    others = [(n, r) for n, r in results if n not in (DIES_ON, RAISES_ON)]
    assert all(r == n * n for n, r in others)


def test_the_pool_goes_on_after_a_crash_for_a_second_map() -> None:
    with OrderedPool(2, chunk_items=2) as pool:
        first = [r for _, r in pool.map(square_or_fail, [DIES_ON, 2, 3])]
        second = [r for _, r in pool.map(square, range(10))]
    assert first == [Crashed(), 4, 9]
    assert second == [n * n for n in range(10)]


def test_one_job_runs_in_process_with_the_same_results() -> None:
    items = [n for n in range(40) if n != DIES_ON]
    with OrderedPool(1) as serial, OrderedPool(2, chunk_items=4) as parallel:
        assert list(serial.map(square_or_fail, items)) == list(parallel.map(square_or_fail, items))


def test_input_is_read_lazily_and_bounded() -> None:
    consumed = 0

    def numbers() -> Iterator[int]:
        nonlocal consumed
        for n in range(10**6):  # a pool that read ahead would consume them all
            consumed = n + 1
            yield n

    with OrderedPool(2, chunk_items=5, ahead=4) as pool:
        first = list(islice(pool.map(square, numbers()), 100))
    assert [r for _, r in first] == [n * n for n in range(100)]
    assert consumed <= 100 + 5 * 4  # what was yielded plus at most `ahead` chunks in flight


def test_chunks_are_bounded_by_bytes_when_sizes_are_given() -> None:
    sent: list[int] = []

    def payloads() -> Iterator[bytes]:
        for n in range(1000):
            sent.append(n)
            yield b"x" * 1000

    with OrderedPool(2, chunk_items=100, chunk_bytes=3000, ahead=2) as pool:
        first = next(pool.map(len, payloads(), size=len))
    assert first == (b"x" * 1000, 1000)
    assert len(sent) <= 2 * 3 + 3  # `ahead` chunks of 3 KB (and the next chunk), not 200 items


@pytest.mark.parametrize(
    ("value", "jobs"),
    [("1", 1), ("3", 3), (None, 1), ("0", os.cpu_count()), ("auto", os.cpu_count())],
)
def test_resolve_jobs(value: str | None, jobs: int) -> None:
    assert resolve_jobs(value) == jobs


@pytest.mark.parametrize("value", ["-1", "two", "1.5"])
def test_resolve_jobs_rejects_nonsense(value: str) -> None:
    with pytest.raises(ValueError, match="--jobs"):
        resolve_jobs(value)
