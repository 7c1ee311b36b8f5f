"""``scrapy portals``, ``scrapy portals --check`` and ``scrapy genportal`` as a user runs them.

Real subprocesses against local sites (tests/e2e/catalogue_sites.py) served by one server; the
real-looking hosts (``www.sahara-akhbar.ma`` ...) reach it through ``NEWSBOT_MIRRORS``.
"""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from catalogue_sites import SITE, build_sites, mirrors
from crawlutil import REPO, scrapy_command, subprocess_env

from newsbot import portals
from newsbot.demo.server import start_server

pytestmark = pytest.mark.e2e

FAST = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_TIMEOUT": 5,
}


def scrapy(*args: str, settings: dict[str, Any] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        scrapy_command(*args, settings=settings),
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("catalogue-sites")
    info = build_sites(root)
    server, base = start_server(root)
    try:
        yield {**info, "base": base, "settings": {**FAST, "NEWSBOT_MIRRORS": mirrors(base)}}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def check(sites: dict[str, Any]) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """One ``--check --json`` run over the five test portals."""
    files = [a for path in sites["portal_files"].values() for a in ("--portal-file", str(path))]
    proc = scrapy("portals", "--check", "--json", *files, settings=sites["settings"])
    return proc, {r["slug"]: r for r in json.loads(proc.stdout or "[]")}


@pytest.fixture(scope="module")
def genportal(sites: dict[str, Any], tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("draft") / "sahara.py"
    proc = scrapy("genportal", f"https://{SITE}/", "-o", str(out), settings=sites["settings"])
    return proc, out


def test_portals_lists_the_catalogue():
    proc = scrapy("portals")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:4] == ["slug", "name", "country", "zone"]
    slugs = {line.split()[0] for line in lines[2:-1]}
    assert slugs == {p.slug for p in portals.all_portals()}
    proc = scrapy("portals", "--json", "--country", "eg")
    rows = json.loads(proc.stdout)
    assert rows and {r["country"] for r in rows} == {"eg"}
    youm7 = next(r for r in rows if r["slug"] == "youm7")
    assert youm7["sources"]["rss"] == list(portals.get("youm7").sources.rss)
    assert youm7["schedule_minutes"] == portals.get("youm7").schedule_minutes
    proc = scrapy("portals", "--check", "nosuch")  # a usage error: no crawl
    assert proc.returncode == 2
    assert "unknown portal 'nosuch'" in proc.stderr


def test_check_exits_1_and_names_each_broken_portal(check):
    proc, reports = check
    assert proc.returncode == 1, proc.stderr[-3000:]
    status = {slug: r["status"] for slug, r in reports.items()}
    assert status == {
        "healthy": "ok",
        "feed404": "broken",
        "emptymap": "broken",
        "changed": "broken",
        "drift": "degraded",
    }
    assert "feed404, emptymap, changed" in proc.stderr


def test_check_says_why(check):
    _, reports = check
    healthy = reports["healthy"]
    assert [s["status"] for s in healthy["sources"]] == ["ok", "ok"]
    assert healthy["discovered"] == 5
    assert healthy["coverage"] == {f: "3/3" for f in ("title", "body", "published", "authors")}
    feed = reports["feed404"]["sources"][0]
    assert feed["status"] == "http_404"
    assert reports["feed404"]["problems"][0] == "no source reachable"
    assert reports["emptymap"]["sources"][0]["status"] == "empty"
    assert reports["emptymap"]["problems"][0] == "no article URL discovered"
    changed = reports["changed"]
    assert changed["sources"][0]["status"] == "ok" and changed["discovered"] == 5
    assert changed["problems"][0] == "no fetched article has a title and a body"
    assert changed["coverage"]["title"] == "0/3"
    drift = reports["drift"]
    assert "selector body: matched nothing on 3 article(s)" in drift["problems"]
    assert [s["status"] for s in drift["sources"]] == ["ok", "http_404"]


def test_genportal_writes_a_valid_draft_with_evidence(genportal):
    proc, out = genportal
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"Wrote {out}" in proc.stdout
    portal = portals.validate_module(out)
    assert (portal.country, portal.date_locale, portal.timezone) == (
        "ma",
        "ar-MA",
        "Africa/Casablanca",
    )
    assert portal.domains == ("sahara-akhbar.ma",)
    assert portal.name == "أخبار الصحراء"
    base = f"https://{SITE}"
    assert portal.sources.sitemaps == (f"{base}/sitemap.xml",)
    assert portal.sources.rss == (f"{base}/rss.xml", f"{base}/old.rss")
    assert portal.unverified == (f"{base}/old.rss",)  # announced on the home page, 404
    text = out.read_text(encoding="utf-8")
    assert f"`Sitemap:` line of {base}/robots.txt" in text
    assert f'<link rel="alternate"> on {base}/' in text
    assert "TODO" in text
    assert portal.article_allow and all(
        any(__import__("re").search(p, base + a) for p in portal.article_allow)
        for a in ("/akhbar/2024/02/9002-khabar.html",)
    )


def test_the_draft_passes_its_own_check(sites, genportal):
    _, out = genportal
    proc = scrapy("portals", "--check", "--portal-file", str(out), settings=sites["settings"])
    assert proc.returncode == 0, proc.stderr[-3000:]  # degraded (old.rss 404) is not broken
    assert "DEGRADED" in proc.stdout
    assert "old.rss: HTTP 404" in proc.stdout
    summary = proc.stdout.split("\n\n")[1].splitlines()
    assert summary[2].split()[:5] == ["sahara_akhbar", "DEGRADED", "2/3", "5", "3/3"]


def test_genportal_refuses_a_site_the_registry_covers(tmp_path):
    proc = scrapy("genportal", "https://demo.newsbot.example/")
    assert proc.returncode == 1
    assert "already covered by portal 'demo'" in proc.stderr


def test_genportal_on_a_site_that_does_not_answer(tmp_path):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    out = tmp_path / "x.py"
    proc = scrapy(
        "genportal",
        "https://www.nowhere.ma/",
        "-o",
        str(out),
        "--mirror",
        f"http://127.0.0.1:{port}",
        settings=FAST,
    )
    assert proc.returncode == 1
    assert "did not answer (connection)" in proc.stderr
    assert not out.exists()
