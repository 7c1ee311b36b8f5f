"""Kill a set of real ``scrapy crawl`` runs with SIGKILL, run the same commands again, compare.

One :class:`Cell` is one command: a spider (``portal`` / ``site`` / ``article -a urls_file=``)
on the crash-test site (``crashsite.py``), with or without ``JOBDIR``, with a SQLite or a Redis
seen-store, appending to one feed (``-o``). :func:`kill_and_resume` starts every cell at once,
SIGKILLs each when its feed has reached the cell's kill point, then runs every command again
(at once) to its end, and returns what the feeds and the seen-stores hold. Used by
tests/e2e/test_crash_resume.py and benchmarks/bench_crash.py.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crashsite import HOST, PORTAL_FILE
from crawlutil import REPO, crawl_command, read_jsonl, subprocess_env

SPIDERS = ("portal", "site", "article")

CRASH_SETTINGS: dict[str, Any] = {
    "ROBOTSTXT_OBEY": True,
    "DOWNLOAD_TIMEOUT": 30,
    "RETRY_TIMES": 2,
    "CONCURRENT_REQUESTS": 8,
    "CLOSESPIDER_TIMEOUT": 120,
    "NEWSBOT_NEARDUP_ACTION": "flag",
    "LOG_LEVEL": "INFO",
}
"""Patient settings: several crawls share two cores, and a page lost to a timeout would look
like a page lost by the crash."""


@dataclass
class Cell:
    spider: str
    jobdir: bool
    backend: str  # sqlite | redis

    @property
    def name(self) -> str:
        return f"{self.spider}-{'jobdir' if self.jobdir else 'nojob'}-{self.backend}"


@dataclass
class Outcome:
    """What one cell produced."""

    cell: Cell
    killed_rc: int | None = None
    killed_lines: int = 0
    resumed_rc: int | None = None
    resumed_lines: int = 0
    urls: list[str] = field(default_factory=list)
    """``url`` of every line of the feed (both runs), in order."""
    store: set[str] = field(default_factory=set)
    """Canonical URLs the seen-store holds after both runs."""
    log: str = ""
    """Log of the resumed run."""

    def repeated(self) -> int:
        return sum(c - 1 for c in Counter(self.urls).values())

    def lost(self, expected: Sequence[str]) -> int:
        return len(set(expected) - set(self.urls))


def cell_args(cell: Cell, site: dict[str, Any], base: str) -> dict[str, Any]:
    """``-a`` arguments of a cell's command."""
    args: dict[str, Any] = {"mirror": base}
    if cell.spider == "portal":
        args["portal_file"] = PORTAL_FILE
    elif cell.spider == "site":
        args["domain"] = HOST
    else:
        args["urls_file"] = site["urls_file"]
    return args


def cell_command(
    cell: Cell,
    site: dict[str, Any],
    base: str,
    workdir: Path,
    redis_url: str | None,
    extra: dict[str, Any] | None = None,
) -> tuple[list[str], Path]:
    settings = {**CRASH_SETTINGS, **(extra or {})}
    if cell.jobdir:
        settings["JOBDIR"] = str(workdir / "job")
    if cell.backend == "redis":
        settings.update(
            REDIS_URL=redis_url,
            NEWSBOT_STATE_BACKEND="redis",
            NEWSBOT_REDIS_PREFIX=f"{workdir.name}:",
            # REDIS_URL makes the crawl distributed: each cell is its own crawl in the shared
            # Redis, and the killed worker's in-flight pages are re-queued after 3 s.
            NEWSBOT_REDIS_CRAWL_KEY=f"{workdir.name}:crawl",
            NEWSBOT_REDIS_WORKER_TIMEOUT=3,
        )
    cmd, feed, _ = crawl_command(
        cell.spider,
        cell_args(cell, site, base),
        settings,
        workdir,
        feed=workdir / "feed.jsonl",
        append=True,
    )
    return cmd, feed


def store_urls(cell: Cell, workdir: Path, redis_url: str | None) -> set[str]:
    """Canonical URLs in a cell's seen-store."""
    if cell.backend == "redis":
        import redis

        client = redis.Redis.from_url(str(redis_url))
        prefix = f"{workdir.name}:u:"
        try:
            return {k.decode()[len(prefix) :] for k in client.scan_iter(match=prefix + "*")}
        finally:
            client.close()
    path = workdir / "state" / "seen.sqlite3"
    if not path.is_file():
        return set()
    db = sqlite3.connect(path)
    try:
        return {row[0] for row in db.execute("SELECT url FROM seen")}
    finally:
        db.close()


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def kill_and_resume(
    cells: Sequence[Cell],
    kill_at: dict[str, int],
    site: dict[str, Any],
    base: str,
    root: Path,
    redis_url: str | None = None,
    timeout: float = 180,
    repo: Path = REPO,
    settings: dict[str, Any] | None = None,
) -> dict[str, Outcome]:
    """Run every cell, SIGKILL it at ``kill_at[cell.name]`` feed lines, run it again.

    ``repo``: the newsbot checkout whose code runs (benchmarks compare two versions);
    ``settings``: overrides of :data:`CRASH_SETTINGS`.
    """
    env = subprocess_env()
    if repo != REPO:
        env["PYTHONPATH"] = os.pathsep.join((str(repo / "tests" / "e2e"), str(repo)))
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    runs: dict[str, tuple[Cell, list[str], Path, Path]] = {}
    for cell in cells:
        workdir = root / cell.name
        workdir.mkdir(parents=True, exist_ok=True)
        cmd, feed = cell_command(cell, site, base, workdir, redis_url, settings)
        runs[cell.name] = (cell, cmd, feed, workdir)
    out = {name: Outcome(cell) for name, (cell, *_rest) in runs.items()}

    procs = {
        name: subprocess.Popen(
            cmd, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for name, (_, cmd, _, _) in runs.items()
    }
    deadline = time.monotonic() + timeout
    while procs and time.monotonic() < deadline:
        for name, proc in list(procs.items()):
            feed = runs[name][2]
            if proc.poll() is not None or _lines(feed) >= kill_at[name]:
                if proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)
                out[name].killed_rc = proc.wait()
                out[name].killed_lines = _lines(feed)
                del procs[name]
        time.sleep(0.01)
    for proc in procs.values():
        proc.kill()
        proc.wait()

    resumed = {
        name: subprocess.Popen(
            cmd,
            cwd=repo,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, (_, cmd, _, _) in runs.items()
    }
    for name, proc in resumed.items():
        cell, _, feed, workdir = runs[name]
        try:
            _, log = proc.communicate(timeout=max(1.0, deadline + timeout - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            _, log = proc.communicate()
        result = out[name]
        result.resumed_rc = proc.returncode
        result.log = log
        result.urls = [item["url"] for item in read_jsonl(feed)]
        result.resumed_lines = len(result.urls) - result.killed_lines
        result.store = store_urls(cell, workdir, redis_url)
    return out
