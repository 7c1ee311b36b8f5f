"""NEWSBOT_EXTRACT_WORKERS: a crawl whose pages are extracted in worker processes emits the same
records and parser stats as the in-process crawl of the same site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import TESTNEWS_PORTAL
from crawlutil import crawl_command, crawl_items, read_jsonl, subprocess_env

from newsbot.spiders._pool import pool_size, usable_cpus

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]

_PER_RUN = {"crawled_at", "duplicate_of"}
"""Per run: the time, and the near-duplicate links. Pages arrive in any order and
similarity is not transitive (A~B and B~C without A~C), so which page roots a cluster, and
whether C joins it, depends on the order: both runs' links must be real near-duplicate pairs."""


def _clusters(items):
    groups = {}
    for item in items:
        groups.setdefault(item["duplicate_of"] or item["url"], set()).add(item["url"])
    return {frozenset(group) for group in groups.values()}


def _check_links(items) -> None:
    """Every page flagged ``duplicate_of`` a cluster's first page is a near-duplicate of some
    other page of that cluster, and every cluster lies within one connected part of the
    similarity graph."""
    from newsbot.fingerprints import NearDupHasher

    hasher = NearDupHasher()
    sketch = {item["url"]: hasher.signature(item["body"]).sketch for item in items}
    for cluster in _clusters(items):
        for url in cluster:
            assert len(cluster) == 1 or any(
                hasher.is_near(sketch[url], sketch[other]) for other in cluster - {url}
            ), url
    part = {url: {url} for url in sketch}
    for a in sketch:
        for b in sketch:
            if a < b and hasher.is_near(sketch[a], sketch[b]) and part[a] is not part[b]:
                merged = part[a] | part[b]
                for url in merged:
                    part[url] = merged
    for cluster in _clusters(items):
        assert cluster <= part[next(iter(cluster))], cluster


def test_worker_pool_crawl_equals_the_in_process_crawl(crawl_testnews, test_site, tmp_path):
    args = {"portal_file": TESTNEWS_PORTAL, "mirror": test_site["base"]}
    here = crawl_items(
        "portal", args, {"DOWNLOAD_TIMEOUT": 2, "NEWSBOT_EXTRACT_WORKERS": 0}, tmp_path / "here"
    )
    assert "Extraction runs in" not in here.log
    pooled = crawl_items(
        "portal", args, {"DOWNLOAD_TIMEOUT": 2, "NEWSBOT_EXTRACT_WORKERS": 2}, tmp_path / "two"
    )
    assert "Extraction runs in 2 worker process(es), niceness +5" in pooled.log
    default = crawl_testnews()  # NEWSBOT_EXTRACT_WORKERS = "auto"
    if usable_cpus() >= 2:
        auto = min(2, usable_cpus() - 1)
        assert f"Extraction runs in {auto} worker process(es), niceness +5" in default.log
    else:
        assert "Extraction runs in" not in default.log

    def records(result):
        return {
            item["url"]: {k: v for k, v in item.items() if k not in _PER_RUN}
            for item in result.items
        }

    def parser_stats(result):
        return {k: v for k, v in result.stats.items() if k.startswith("parser/")}

    assert len(here.items) > 10
    for result in (pooled, default):
        assert not [k for k in result.stats if k.endswith("/extract_pool/fallback")]
        assert records(result) == records(here)
        assert parser_stats(result) == parser_stats(here)
    for result in (here, pooled, default):
        _check_links(result.items)
        assert any(len(cluster) > 1 for cluster in _clusters(result.items))


_HOLDER = """
import os, sys, time
from newsbot.spiders._pool import ExtractPool
pool = ExtractPool(2, nice=5)._pool()
pids = {pool.submit(os.getpid).result() for _ in range(20)}
print(" ".join(map(str, sorted(pids))), flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize(
    ("value", "cpus", "expected"),
    [
        ("auto", 2, 1),
        ("auto", 3, 2),
        ("auto", 16, 2),
        ("AUTO", 1, 0),
        (0, 4, 0),
        ("3", 1, 3),
        (2, 2, 2),
    ],
)
def test_pool_size(value, cpus, expected):
    assert pool_size(value, cpus) == expected


@pytest.mark.parametrize("value", [-1, "many", "", None, 1.5, True])
def test_pool_size_rejects_what_is_not_a_worker_count(value):
    with pytest.raises(ValueError, match="NEWSBOT_EXTRACT_WORKERS"):
        pool_size(value, 2)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_exit_when_the_crawl_process_is_killed():
    """The workers run below the crawl's priority, and ``kill -9`` of a crawl leaves none of
    them behind (they would wait forever)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        workers = [int(pid) for pid in holder.stdout.readline().split()]
        assert workers and all(_running(pid) for pid in workers)
        # NEWSBOT_EXTRACT_WORKER_NICE: the workers yield the CPU to the crawl process
        crawl = os.getpriority(os.PRIO_PROCESS, holder.pid)
        assert [os.getpriority(os.PRIO_PROCESS, pid) for pid in workers] == [
            min(19, crawl + 5)
        ] * len(workers)
        holder.kill()
        holder.wait()
        deadline = time.monotonic() + 10
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _running(pid)]
    finally:
        holder.kill()


def _workers_of(pid: int) -> list[int]:
    """Forked children of ``pid`` (same command line: extraction workers, not the resource
    tracker that multiprocessing execs)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and (stat.parent / "cmdline").read_bytes() == cmdline:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_dead_worker_loses_no_page(crawl_testnews, test_site, tmp_path):
    """A worker killed mid-crawl (as the OOM killer would): the pages it held are extracted
    in the crawl process, a new pool takes the rest, and every article is emitted once."""
    args = {"portal_file": TESTNEWS_PORTAL, "mirror": test_site["base"]}
    cmd, feed, stats_file = crawl_command(
        "portal", args, {"DOWNLOAD_TIMEOUT": 2, "NEWSBOT_EXTRACT_WORKERS": 1}, tmp_path
    )
    proc = subprocess.Popen(cmd, cwd=REPO, env=subprocess_env(), stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 30
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        workers = _workers_of(proc.pid)
        if workers:
            killed = workers[0]
            os.kill(killed, 9)
        time.sleep(0.005)
    log = proc.communicate(timeout=90)[1]
    assert killed is not None, "no extraction worker seen"
    assert proc.returncode == 0, log[-3000:]
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    assert stats.get("newsbot/extract_pool/worker_lost") == 1
    assert "Extraction worker died" in log and "restart 1 of 3" in log
    items = read_jsonl(feed)
    urls = [item["url"] for item in items]
    assert len(urls) == len(set(urls))
    assert set(urls) == {item["url"] for item in crawl_testnews().items}
    # the pages in flight when it died were extracted here; the new pool took the rest
    fallback = stats.get("newsbot/testnews/extract_pool/fallback", 0)
    assert 1 <= fallback < len(items)
