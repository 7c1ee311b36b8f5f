"""Crash safety through real ``scrapy crawl`` processes: stop a crawl, run the same command again.

The kill-9 matrix: {portal, site, article -a urls_file} x {JOBDIR, none} x {SQLite, Redis}, each
crawl SIGKILLed at a seeded random point (``NEWSBOT_CRASH_SEED`` to replay another) and run
again. The union of the (appended) feed must hold every article of the site exactly once, every
line must parse, and the seen-store must not hold an article that is not in the feed. All
cells share one site and one server and run at once (``crashrun.kill_and_resume``).

Then the other ways a crawl stops, at once on a slower server (every article answers after
0.2 s, so pages are in flight when the signal lands): SIGTERM (JOBDIR, graceful: exit 75, feed,
store and report written, the job resumes), a double SIGINT (forced stop), the feed's directory
replaced by a file mid-crawl (root can still write to a read-only directory, so the tests make
the write really fail) and a full disk (``/dev/full``): exit 74, nothing stored that was not
written, and after the cause is fixed the same command completes the feed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crashrun import SPIDERS, Cell, Outcome, cell_command, kill_and_resume, store_urls
from crashsite import build_site
from crawlutil import REPO, read_jsonl, subprocess_env

from newsbot.demo.server import Route, start_server

pytestmark = pytest.mark.e2e

SEED = int(os.environ.get("NEWSBOT_CRASH_SEED", "20261204"))
PAGES = 60
CELLS = [Cell(s, j, b) for s in SPIDERS for j in (True, False) for b in ("sqlite", "redis")]


@pytest.fixture(scope="module")
def crash_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("crash-site") / "site"
    root.mkdir()
    info = build_site(root, PAGES)
    server, base = start_server(root)
    try:
        yield {**info, "base": base, "server": server}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def matrix(
    crash_site: dict[str, Any], request: pytest.FixtureRequest, tmp_path_factory
) -> dict[str, Outcome | str]:
    """Every cell killed and resumed (Redis cells: a skip message when redis-server is absent)."""
    why = ""
    try:
        redis_url: str | None = request.getfixturevalue("redis_url")
    except pytest.skip.Exception as exc:
        redis_url, why = None, str(exc)
    cells = [c for c in CELLS if redis_url or c.backend != "redis"]
    rng = random.Random(SEED)
    kill_at = {c.name: rng.randint(1, len(crash_site["listed"]) * 2 // 3) for c in CELLS}
    out: dict[str, Outcome | str] = dict(
        kill_and_resume(
            cells,
            kill_at,
            crash_site,
            crash_site["base"],
            tmp_path_factory.mktemp("kill9"),
            redis_url,
        )
    )
    for cell in CELLS:
        out.setdefault(cell.name, why)
    return out


@pytest.mark.parametrize("cell", CELLS, ids=lambda c: c.name)
def test_kill9_then_same_command_emits_every_article_once(
    cell: Cell, matrix: dict[str, Outcome | str], crash_site: dict[str, Any]
) -> None:
    outcome = matrix[cell.name]
    if isinstance(outcome, str):
        pytest.skip(outcome)
    where = f"{cell.name} (NEWSBOT_CRASH_SEED={SEED})"
    assert outcome.killed_rc == -9, f"{where}: the crawl ended before the kill"
    assert 0 < outcome.killed_lines < PAGES, where
    assert outcome.resumed_rc == 0, f"{where}:\n{outcome.log[-3000:]}"
    repeated = {u: n for u, n in Counter(outcome.urls).items() if n > 1}
    assert repeated == {}, f"{where}: emitted twice"
    missing = set(crash_site["all"]) - set(outcome.urls)
    assert missing == set(), f"{where}: lost"
    assert len(outcome.urls) == PAGES
    # the store never claims an article that is not in the feed (and knows every one)
    assert outcome.store == set(outcome.urls), where
    if cell.jobdir and cell.backend != "redis":  # with REDIS_URL the queue lives in Redis
        assert "did not close cleanly" in outcome.log, where


# -- graceful stops and failed writes -----------------------------------------------------------


@pytest.fixture(scope="module")
def slow_base(crash_site: dict[str, Any]) -> Iterator[str]:
    """The crash-test site again, every article answering after 0.2 s."""
    routes = {
        "/" + url.split("/", 3)[3]: Route(delay=0.2, file=url.split("/", 3)[3])
        for url in crash_site["all"]
    }
    server, base = start_server(crash_site["server"].root, routes)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _start(cmd: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as fh:
        return subprocess.Popen(cmd, cwd=REPO, env=subprocess_env(), stdout=fh, stderr=fh)


def _wait_log(log: Path, text: bytes, proc: subprocess.Popen[bytes]) -> None:
    """Wait until ``log`` contains ``text`` (the process handled the signal)."""
    deadline = time.monotonic() + 30
    while text not in log.read_bytes() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)


def _wait_lines(feeds: dict[str, Path], procs: dict[str, subprocess.Popen[bytes]], n: int):
    """Yield each name once its feed has ``n`` lines (or its process ended)."""
    pending = dict(feeds)
    deadline = time.monotonic() + 90
    while pending and time.monotonic() < deadline:
        for name, feed in list(pending.items()):
            lines = feed.read_bytes().count(b"\n") if feed.is_file() else 0
            if lines >= n or procs[name].poll() is not None:
                del pending[name]
                yield name
        time.sleep(0.01)


@pytest.fixture(scope="module")
def stops(crash_site: dict[str, Any], slow_base: str, tmp_path_factory) -> dict[str, Any]:
    """Four crawls stopped four ways (at once), then the same commands run again (at once)."""
    root = tmp_path_factory.mktemp("stops")
    plan = {
        "sigterm": Cell("portal", True, "sqlite"),
        "sigint2": Cell("site", False, "sqlite"),
        "dir_replaced": Cell("article", False, "sqlite"),
        "disk_full": Cell("portal", False, "sqlite"),
    }
    cmds, feeds, procs = {}, {}, {}
    for name, cell in plan.items():
        workdir = root / name
        workdir.mkdir()
        cmd, feed = cell_command(cell, crash_site, slow_base, workdir, None)
        if name == "dir_replaced":
            feed = workdir / "out" / "feed.jsonl"
        if name == "disk_full":
            feed = Path("/dev/full")
        cmd = [a.replace(str(workdir / "feed.jsonl"), str(feed)) for a in cmd]
        cmd += ["-s", f"NEWSBOT_REPORT_PATH={workdir / 'report.json'}"]
        cmds[name], feeds[name] = cmd, feed
        procs[name] = _start(cmd, workdir / "first.log")
    watched = {k: v for k, v in feeds.items() if k != "disk_full"}
    for name in _wait_lines(watched, procs, 5):
        proc = procs[name]
        if name == "sigterm":
            proc.send_signal(signal.SIGTERM)
        elif name == "sigint2":
            proc.send_signal(signal.SIGINT)
            _wait_log(root / name / "first.log", b"shutting down gracefully", proc)
            proc.send_signal(signal.SIGINT)  # while the pages in flight (0.2 s) are finished
        elif name == "dir_replaced":
            out = feeds[name].parent
            out.rename(out.with_name("out.moved"))
            out.write_text("not a directory any more", encoding="utf-8")
    first = {name: proc.wait(timeout=90) for name, proc in procs.items()}
    states = {
        name: {
            "rc": first[name],
            "log": (root / name / "first.log").read_text(encoding="utf-8", errors="replace"),
            "store": store_urls(plan[name], root / name, None),
            "report": _read_json(root / name / "report.json"),
        }
        for name in plan
    }
    moved = root / "dir_replaced" / "out.moved" / "feed.jsonl"
    states["dir_replaced"]["written"] = [i["url"] for i in read_jsonl(moved)]
    marker = root / "sigterm" / "job" / "newsbot-job.json"
    states["sigterm"]["marker"] = _read_json(marker)
    states["sigterm"]["written"] = [i["url"] for i in read_jsonl(feeds["sigterm"])]
    # fix the causes, run the same commands again
    (root / "dir_replaced" / "out").unlink()
    moved.parent.rename(root / "dir_replaced" / "out")
    fast = crash_site["base"]  # the same commands, served without the delay
    again = {
        n: _start([a.replace(slow_base, fast) for a in cmds[n]], root / n / "again.log")
        for n in ("sigterm", "sigint2", "dir_replaced")
    }
    for name, proc in again.items():
        states[name]["again_rc"] = proc.wait(timeout=120)
        states[name]["again_log"] = (root / name / "again.log").read_text(encoding="utf-8")
        states[name]["urls"] = [i["url"] for i in read_jsonl(feeds[name])]
        states[name]["again_store"] = store_urls(plan[name], root / name, None)
    return states


def _exactly_once(state: dict[str, Any], expected: list[str]) -> None:
    assert state["again_rc"] == 0, state["again_log"][-3000:]
    repeated = {u: n for u, n in Counter(state["urls"]).items() if n > 1}
    assert repeated == {}
    assert set(state["urls"]) == set(expected)
    assert state["again_store"] == set(state["urls"])


def test_sigterm_finishes_flushes_reports_and_resumes(stops, crash_site) -> None:
    state = stops["sigterm"]
    assert state["rc"] == 75, state["log"][-3000:]
    assert 5 <= len(state["written"]) < len(crash_site["all"])
    assert state["store"] == set(state["written"])  # the store was flushed, and not ahead
    report = state["report"]
    assert report is not None and report["status"] == "shutdown"
    assert report["portals"]["crashnews"]["articles_emitted"] == len(state["written"])
    assert state["marker"] is not None and state["marker"]["state"] == "paused"
    assert "resuming the crawl paused" in state["again_log"]
    _exactly_once(state, crash_site["all"])


def test_double_sigint_forced_stop_then_same_command(stops, crash_site) -> None:
    state = stops["sigint2"]
    assert "forcing unclean shutdown" in state["log"]
    assert state["rc"] == 75, state["log"][-3000:]
    _exactly_once(state, crash_site["all"])


def test_feed_directory_replaced_stops_the_crawl_and_store_stays_behind(stops, crash_site) -> None:
    state = stops["dir_replaced"]
    assert state["rc"] == 74, state["log"][-3000:]
    assert "Feed write failed, stopping the crawl" in state["log"]
    assert "feed_write_failed" in state["log"]
    assert 5 <= len(state["written"]) < len(crash_site["all"])
    assert state["store"] == set(state["written"])
    _exactly_once(state, crash_site["all"])


def test_full_disk_stops_the_crawl_and_stores_nothing(stops) -> None:
    state = stops["disk_full"]
    assert state["rc"] == 74, state["log"][-3000:]
    assert "No space left on device" in state["log"]
    assert state["store"] == set()
    assert state["report"] is not None and state["report"]["status"] == "feed_write_failed"
