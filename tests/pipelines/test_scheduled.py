"""Scheduled crawls: a real Scrapyd (deploy + two scheduled jobs) and the deploy/ wrapper.

Scrapyd runs on 127.0.0.1 (a free port) from a temporary directory with its own scrapyd.conf;
the project is deployed with ``scrapyd-deploy`` from a temporary copy (deploying leaves
``setup.py``/``build/`` behind, never in the repo). Jobs crawl a local ``newsbot.demo.farm``
site through ``schedule.json``; the state directory is the Scrapyd default
(``$XDG_STATE_HOME/newsbot``), which persists between jobs.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crawlutil import REPO, read_jsonl, subprocess_env

from newsbot.demo.farm import build_farm
from newsbot.demo.server import start_server

pytestmark = pytest.mark.e2e

JOB_SETTINGS = (
    "ROBOTSTXT_OBEY=False",
    "DOWNLOAD_DELAY=0",
    "AUTOTHROTTLE_ENABLED=False",
    "NEWSBOT_MIN_BODY_CHARS=80",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _need(binary: str) -> str:
    path = shutil.which(binary)
    if path is None:
        message = f"{binary} not installed (pip install -r requirements-dev.txt): test skipped"
        if os.environ.get("NEWSBOT_REQUIRE_SERVICES") == "1":
            pytest.fail(message.replace("test skipped", "required (NEWSBOT_REQUIRE_SERVICES=1)"))
        pytest.skip(message)
    return path


def _api(base: str, endpoint: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A Scrapyd on 127.0.0.1 with the project deployed: {"url", "dir", "state"}."""
    binary, deploy = _need("scrapyd"), _need("scrapyd-deploy")
    port = _free_port()
    workdir = tmp_path / "scrapyd"
    workdir.mkdir()
    (workdir / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\npoll_interval = 0.2\neggs_dir = eggs\nlogs_dir = logs\n"
        "items_dir = items\ndbs_dir = dbs\njobs_to_keep = 10\n",
        encoding="utf-8",
    )
    state_home = tmp_path / "xdg-state"
    env = {**subprocess_env(), "XDG_STATE_HOME": str(state_home)}
    env.pop("PYTHONPATH")  # jobs import the deployed egg, not the checkout
    proc = subprocess.Popen(
        [binary], cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _api(url, "daemonstatus.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("scrapyd did not start")
                time.sleep(0.1)
        project = tmp_path / "project"  # deploy from a copy: build/ stays out of the repo
        shutil.copytree(
            REPO / "newsbot", project / "newsbot", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copy(REPO / "setup.py", project / "setup.py")  # packs the data files
        cfg = (REPO / "scrapy.cfg").read_text(encoding="utf-8")
        (project / "scrapy.cfg").write_text(
            cfg.replace("url = http://127.0.0.1:6800", f"url = {url}"), encoding="utf-8"
        )
        out = subprocess.run(
            [deploy, "-p", "newsbot"],
            cwd=project,
            env={k: v for k, v in env.items() if k != "PYTHONPATH"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert out.returncode == 0 and '"status": "ok"' in out.stdout, out.stdout + out.stderr
        eggs = list((workdir / "eggs" / "newsbot").glob("*.egg"))
        assert eggs, "scrapyd kept no egg"
        with zipfile.ZipFile(eggs[0]) as egg:  # the byline parser needs its gazetteer at run time
            assert "newsbot/text/data/given_names.txt" in egg.namelist()
        yield {"url": url, "dir": workdir, "state": state_home / "newsbot"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _run_job(scrapyd: dict[str, Any], base: str) -> Path:
    """schedule.json a ``site`` crawl of ``base``; wait for it; return its feed."""
    job = _api(
        scrapyd["url"],
        "schedule.json",
        {
            "project": "newsbot",
            "spider": "site",
            "domain": base,
            "setting": list(JOB_SETTINGS),
        },
    )
    assert job["status"] == "ok", job
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        jobs = _api(scrapyd["url"], "listjobs.json?project=newsbot")
        if any(j["id"] == job["jobid"] for j in jobs["finished"]):
            break
        time.sleep(0.2)
    else:
        pytest.fail(f"job {job['jobid']} did not finish")
    feed = scrapyd["dir"] / "items" / "newsbot" / "site" / f"{job['jobid']}.jl"
    log = scrapyd["dir"] / "logs" / "newsbot" / "site" / f"{job['jobid']}.log"
    assert "Spider closed (finished)" in log.read_text(encoding="utf-8")
    report = json.loads(feed.with_name(f"{job['jobid']}.report.json").read_text(encoding="utf-8"))
    assert report["status"] in ("ok", "nothing_new"), report
    return feed


def test_scrapyd_jobs_share_the_persistent_seen_store(
    scrapyd: dict[str, Any], tmp_path: Path
) -> None:
    root = tmp_path / "site"
    build_farm(root, 5)
    server, base = start_server(root)
    try:
        first = read_jsonl(_run_job(scrapyd, base))
        assert len(first) == 5
        build_farm(root, 6)  # one new article published between the two jobs
        second = read_jsonl(_run_job(scrapyd, base))
    finally:
        server.shutdown()
        server.server_close()
    assert [item["fetched_url"] for item in second] == [f"{base}/news/00005.html"]
    # The seen-store is in the persistent Scrapyd state directory, not in a job's directory.
    assert (scrapyd["state"] / "seen.sqlite3").is_file()
    assert not (scrapyd["dir"] / ".newsbot-state").exists()


def test_crawl_wrapper_locks_logs_and_surfaces_the_exit_status(tmp_path: Path) -> None:
    """deploy/newsbot-crawl: exit 3 (nothing emitted) with a summary line, a log file per
    spider, JOBDIR; a second run while the lock is held exits 75 without crawling."""
    _need("flock")
    root = tmp_path / "empty-site"
    build_farm(root, 0)  # a site without articles: the crawl emits nothing
    home = tmp_path / "home"
    env = {**subprocess_env(), "NEWSBOT_HOME": str(home), "SCRAPY": f"{sys.executable} -m scrapy"}
    wrapper = str(REPO / "deploy" / "newsbot-crawl")
    server, base = start_server(root)
    try:
        args = [wrapper, "site", "-a", f"domain={base}"]
        args += [f"-s{setting}" for setting in JOB_SETTINGS]
        run = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 3, run.stderr
    assert "newsbot-crawl: site emitted nothing (exit 3)" in run.stderr
    assert "Spider closed (no_items)" in (home / "logs" / "site.log").read_text(encoding="utf-8")
    assert (home / "jobs" / "site").is_dir()
    assert (home / "state" / "seen.sqlite3").is_file()

    with (home / "locks" / "site.lock").open("w") as lock:
        holder = subprocess.Popen(["flock", "-n", str(lock.name), "sleep", "30"])
        try:
            time.sleep(0.3)
            busy = subprocess.run(
                [wrapper, "site"], env=env, capture_output=True, text=True, timeout=30
            )
        finally:
            holder.kill()
            holder.wait()
    assert busy.returncode == 75
    assert "previous run is still going" in busy.stderr
