"""Helpers to run a real ``scrapy crawl`` in a subprocess and read what it wrote.

``crawl_items(spider, args, settings, tmp_path)`` runs ``scrapy crawl <spider> -a ... -s ...
-O feed.jsonl`` (the real engine and CLI wiring, ~2-4 s) and returns a :class:`CrawlResult`
with the JSONL items and the final stats (dumped as JSON by ``_statsdump``). Importable from
any test file (tests/e2e is on sys.path): ``from crawlutil import crawl_items``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
E2E = Path(__file__).resolve().parent
TEST_HOST = "news.test.example"
"""Host of the generated test site (tests/e2e/sitegen.py); served from a local server."""
OTHER_HOST = "other.test.example"

FAST_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_SLOTS": {},
    "DOWNLOAD_TIMEOUT": 5,
    "RETRY_TIMES": 0,
    "HTTPCACHE_ENABLED": False,
    "LOG_LEVEL": "INFO",
    "CLOSESPIDER_TIMEOUT": 60,
    "NEWSBOT_RENDER": "never",  # no browser unless a test asks (tests/e2e/test_crawl_render.py)
}
"""Applied to every test crawl (command-line priority); a test's own settings win."""


@dataclass
class CrawlResult:
    """What a test crawl produced."""

    items: list[dict[str, Any]]
    stats: dict[str, Any]
    returncode: int
    log: str
    feed: Path
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def finish_reason(self) -> str | None:
        return self.stats.get("finish_reason")

    def by_url(self) -> dict[str, dict[str, Any]]:
        """Items keyed by fetched URL (and canonical URL)."""
        out: dict[str, dict[str, Any]] = {}
        for item in self.items:
            for key in (item.get("fetched_url"), item.get("url")):
                if key:
                    out[key] = item
        return out

    def stat(self, portal: str, event: str | None = None) -> int:
        """``newsbot/<portal>/<event>``, or the full key when ``event`` is None (0 if absent)."""
        key = portal if event is None else f"newsbot/{portal}/{event}"
        return int(self.stats.get(key, 0))

    @property
    def report(self) -> dict[str, Any] | None:
        """The crawl report written next to the feed (``<feed>.report.json``), if any."""
        path = self.feed.with_name(self.feed.stem + ".report.json")
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _setting_arg(name: str, value: Any) -> str:
    if isinstance(value, (dict, list)):
        value = json.dumps(value)
    elif isinstance(value, bool):
        value = "True" if value else "False"
    return f"{name}={value}"


STATS_DUMP = "_statsdump.JsonDumpStatsCollector"
"""``STATS_CLASS`` of test crawls: the final stats go to ``NEWSBOT_TEST_STATS_FILE``."""


def subprocess_env(*extra: Path) -> dict[str, str]:
    """Environment of a test ``scrapy`` subprocess: tests/e2e (+ ``extra``) and the repo on
    PYTHONPATH; no SCRAPY_PROJECT / REDIS_URL leaking in from the developer's shell."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, (E2E, *extra, REPO)))}
    env.pop("SCRAPY_PROJECT", None)
    env.pop("REDIS_URL", None)
    return env


def scrapy_command(*args: str, settings: Mapping[str, Any] | None = None) -> list[str]:
    """``python -m scrapy <args> -s NAME=VALUE ...`` (a None value leaves the setting alone)."""
    cmd = [sys.executable, "-m", "scrapy", *args]
    for name, value in (settings or {}).items():
        if value is not None:
            cmd += ["-s", _setting_arg(name, value)]
    return cmd


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every line of a JSONL file (fails if one does not parse); [] when it does not exist."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def kill_after_lines(
    proc: subprocess.Popen[Any], feed: Path, lines: int, timeout: float = 60
) -> None:
    """SIGKILL ``proc`` once ``feed`` has ``lines`` lines (or at ``timeout``); wait for it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if feed.exists() and feed.read_bytes().count(b"\n") >= lines:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def crawl_command(
    spider: str,
    args: Mapping[str, Any] | None,
    settings: Mapping[str, Any] | None,
    workdir: Path,
    *,
    feed: Path | None = None,
    append: bool = False,
) -> tuple[list[str], Path, Path]:
    """``scrapy crawl`` command line of a test crawl, its feed and its stats file."""
    feed = feed or workdir / f"{spider}-items.jsonl"
    stats_file = workdir / f"{spider}-stats.json"
    merged = {
        **FAST_SETTINGS,
        "NEWSBOT_STATE_DIR": str(workdir / "state"),
        "STATS_CLASS": STATS_DUMP,
        "NEWSBOT_TEST_STATS_FILE": str(stats_file),
        **(settings or {}),
    }
    cmd = ["crawl", spider, "-o" if append else "-O", f"{feed}:jsonl"]
    for name, value in (args or {}).items():
        cmd += ["-a", f"{name}={value}"]
    return scrapy_command(*cmd, settings=merged), feed, stats_file


def crawl_items(
    spider: str,
    args: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
    tmp_path: Path | None = None,
    *,
    timeout: float = 90,
    check: bool = True,
    feed: Path | None = None,
    append: bool = False,
) -> CrawlResult:
    """Run ``scrapy crawl <spider>`` with ``-a`` args and ``-s`` settings; parse feed and stats.

    ``append``: ``-o`` instead of ``-O``; the result's items are the lines this run added.
    """
    import tempfile

    workdir = Path(tmp_path or tempfile.mkdtemp(prefix="newsbot-e2e-"))
    workdir.mkdir(parents=True, exist_ok=True)
    cmd, feed, stats_file = crawl_command(spider, args, settings, workdir, feed=feed, append=append)
    stats_file.unlink(missing_ok=True)
    before = len(read_jsonl(feed)) if append else 0
    proc = subprocess.run(
        cmd,
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    log = proc.stderr
    if check and (proc.returncode != 0 or not stats_file.exists()):
        raise AssertionError(f"crawl failed ({proc.returncode}): {' '.join(cmd)}\n{log[-4000:]}")
    items = read_jsonl(feed)[before:]
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return CrawlResult(items=items, stats=stats, returncode=proc.returncode, log=log, feed=feed)


def urls_of(result: CrawlResult) -> set[str]:
    """Fetched URLs of a crawl's items."""
    return {item["fetched_url"] for item in result.items}
