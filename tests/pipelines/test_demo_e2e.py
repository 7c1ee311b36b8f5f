"""The issue's end-to-end scenarios on the bundled demo (``scrapy crawl demo`` subprocesses).

* the near-duplicate pair (spelling variants, other boilerplate) -> one record + one duplicate_of,
  and the AMP/utm aliases of one article -> one record;
* two runs with ``newsbot/demo/site_updates`` laid over the site in between -> the second run
  emits only the new article (version 1) and the modified one (version 2);
* SIGKILL mid-crawl -> every line parses, the resumed crawl loses and repeats nothing.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest
from crawlutil import (
    REPO,
    crawl_command,
    crawl_items,
    kill_after_lines,
    read_jsonl,
    subprocess_env,
)

from newsbot.urls import canonical_url

pytestmark = pytest.mark.e2e

SITE = REPO / "newsbot" / "demo" / "site"
UPDATES = REPO / "newsbot" / "demo" / "site_updates"


def _manifest(root: Path) -> dict[str, Any]:
    path = root / "manifest.json"
    if not path.is_file():
        pytest.skip(f"demo site not built yet ({path} missing)")
    return json.loads(path.read_text(encoding="utf-8"))


def _path_key(url: str) -> str:
    """The canonical path of a demo URL or path (host-independent)."""
    key = canonical_url(url if "://" in url else "https://demo.newsbot.example" + url)
    return "/" + key.split("://", 1)[1].split("/", 1)[1]


def _demo(site: Path) -> dict[str, Any]:
    # related_depth=2: the chains of the demo reach every article (1001 -> 1002 -> 1020)
    return {"site_dir": site, "related_depth": 2}


def _crawl(site: Path, workdir: Path, feed: Path) -> tuple[list[dict], dict]:
    """One demo crawl appending to ``feed`` (``-o``): the lines it added and its stats."""
    run = crawl_items("demo", _demo(site), {}, workdir, feed=feed, append=True)
    return run.items, run.stats


@pytest.fixture
def site(tmp_path: Path) -> Path:
    _manifest(SITE)
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    return copy


def test_two_runs_duplicates_and_update(site: Path, tmp_path: Path) -> None:
    manifest = _manifest(site)
    pages = manifest["pages"]
    articles = {_path_key(p["url"]) for p in pages if p["kind"] in ("article", "near-duplicate")}
    feed = tmp_path / "demo.jsonl"

    first, stats = _crawl(site, tmp_path, feed)
    urls = [_path_key(i["url"]) for i in first]
    assert len(urls) == len(set(urls))  # AMP/utm aliases of 1021 gave one record
    assert set(urls) == articles
    near = next(p for p in pages if p["kind"] == "near-duplicate")
    pair = {_path_key(near["url"]), _path_key(near["duplicate_of"])}
    linked = [i for i in first if _path_key(i["url"]) in pair and i["duplicate_of"]]
    assert len(linked) == 1  # one record + one duplicate_of (whichever was fetched first)
    assert {_path_key(linked[0]["url"]), _path_key(linked[0]["duplicate_of"])} == pair
    assert stats["newsbot/demo/dedup/near"] == 1
    assert {i["version"] for i in first} == {1}
    report = json.loads((tmp_path / "demo.report.json").read_text(encoding="utf-8"))
    assert report["portals"]["demo"]["articles_emitted"] == len(articles)

    updates = _manifest(UPDATES)
    shutil.copytree(UPDATES, site, dirs_exist_ok=True)
    second, stats = _crawl(site, tmp_path, feed)
    expected = {
        _path_key(p["url"]): 2 if p["update"] == "modified" else 1
        for p in updates["pages"]
        if p.get("update") in ("new", "modified")
    }
    assert {_path_key(i["url"]): i["version"] for i in second} == expected
    # only those two article pages were fetched and parsed again; the others were skipped
    # before download (articles reachable only through a skipped page are not even requested)
    assert stats["newsbot/demo/articles"] == len(expected)
    assert stats["newsbot/demo/incremental/skipped"] >= len(articles) // 2
    assert stats["newsbot/demo/dedup/update"] == 1


def test_sigkill_mid_crawl_then_resume(site: Path, tmp_path: Path) -> None:
    manifest = _manifest(site)
    articles = {
        _path_key(p["url"]) for p in manifest["pages"] if p["kind"] in ("article", "near-duplicate")
    }
    feed = tmp_path / "demo.jsonl"
    slow = {"DOWNLOAD_DELAY": 0.25, "DOWNLOAD_SLOTS": {}, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}
    cmd, _, _ = crawl_command("demo", _demo(site), slow, tmp_path, feed=feed, append=True)
    proc = subprocess.Popen(
        cmd, cwd=REPO, env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    kill_after_lines(proc, feed, 5)
    assert proc.returncode == -signal.SIGKILL
    killed = read_jsonl(feed)  # every line parses
    assert 5 <= len(killed) < len(articles)

    resumed, _ = _crawl(site, tmp_path, feed)
    urls = [_path_key(i["url"]) for i in read_jsonl(feed)]
    assert len(urls) == len(set(urls))  # nothing repeated
    assert set(urls) == articles  # nothing lost
    assert len(resumed) == len(articles) - len(killed)
