"""Helpers to run a real ``scrapy crawl`` in a subprocess and read what it wrote.

``crawl_items(spider, args, settings, tmp_path)`` runs ``scrapy crawl <spider> -a ... -s ...
-O feed.jsonl`` (the real engine and CLI wiring, ~2-4 s) and returns a :class:`CrawlResult`
with the JSONL items and the final stats (dumped as JSON by ``_statsdump``). Importable from
any test file (tests/e2e is on sys.path): ``from crawlutil import crawl_items``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
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

    def stat(self, portal: str, event: str) -> int:
        """``newsbot/<portal>/<event>`` (0 when absent)."""
        return int(self.stats.get(f"newsbot/{portal}/{event}", 0))


def _setting_arg(name: str, value: Any) -> str:
    if isinstance(value, (dict, list)):
        value = json.dumps(value)
    elif isinstance(value, bool):
        value = "True" if value else "False"
    return f"{name}={value}"


def crawl_items(
    spider: str,
    args: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
    tmp_path: Path | None = None,
    *,
    timeout: float = 90,
    check: bool = True,
) -> CrawlResult:
    """Run ``scrapy crawl <spider>`` with ``-a`` args and ``-s`` settings; parse feed and stats."""
    import tempfile

    workdir = Path(tmp_path or tempfile.mkdtemp(prefix="newsbot-e2e-"))
    workdir.mkdir(parents=True, exist_ok=True)
    feed = workdir / f"{spider}-items.jsonl"
    stats_file = workdir / f"{spider}-stats.json"
    merged = {
        **FAST_SETTINGS,
        "NEWSBOT_STATE_DIR": str(workdir / "state"),
        "STATS_CLASS": "_statsdump.JsonDumpStatsCollector",
        "NEWSBOT_TEST_STATS_FILE": str(stats_file),
        **(settings or {}),
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", f"{feed}:jsonl"]
    for name, value in (args or {}).items():
        cmd += ["-a", f"{name}={value}"]
    for name, value in merged.items():
        cmd += ["-s", _setting_arg(name, value)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(E2E), str(REPO)])}
    env.pop("SCRAPY_PROJECT", None)
    proc = subprocess.run(
        cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    log = proc.stderr
    if check and (proc.returncode != 0 or not stats_file.exists()):
        raise AssertionError(f"crawl failed ({proc.returncode}): {' '.join(cmd)}\n{log[-4000:]}")
    items = []
    if feed.exists():
        with feed.open(encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh if line.strip()]
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return CrawlResult(items=items, stats=stats, returncode=proc.returncode, log=log, feed=feed)


def urls_of(result: CrawlResult) -> set[str]:
    """Fetched URLs of a crawl's items."""
    return {item["fetched_url"] for item in result.items}
