"""Discovery on a navigation-only site: articles found and pages fetched by ``scrapy crawl site``.

    python benchmarks/bench_navigation.py [--repo PATH] [-a name=value ...]

Generates tests/e2e/navsite.py's site (no sitemap, no feed: home page -> three sections with
three pages each in three pagination styles + two tag pages; 58 articles), serves it on
127.0.0.1 and runs ``scrapy crawl site -a domain=http://127.0.0.1:PORT`` from the checkout
``--repo`` (default: this one; point it at another checkout, e.g. main, to compare), then
prints the articles found (of the site's), other items emitted, the pages the server answered
(every request, robots.txt and sitemap probes included), the non-news paths requested and the
crawl report's ``found_by``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "e2e")]

from navsite import build_nav_site  # noqa: E402

from newsbot.demo.server import start_server  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout to run scrapy in")
    parser.add_argument("-a", dest="args", action="append", default=[], help="spider argument")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsbot-nav-") as tmp:
        root, out = Path(tmp) / "site", Path(tmp) / "out"
        root.mkdir()
        server, base = start_server(root)
        info = build_nav_site(root)
        server.routes.update(info["routes"])
        feed = out / "items.jsonl"
        cmd = [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"domain={base}"]
        for arg in opts.args:
            cmd += ["-a", arg]
        cmd += ["-O", str(feed)]
        for setting in (
            "DOWNLOAD_DELAY=0",
            "AUTOTHROTTLE_ENABLED=False",
            f"NEWSBOT_STATE_DIR={out / 'state'}",
            "LOG_LEVEL=WARNING",
        ):
            cmd += ["-s", setting]
        proc = subprocess.run(cmd, cwd=opts.repo, capture_output=True, text=True, check=False)
        server.shutdown()
        if not feed.exists():
            sys.exit(f"crawl failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
        paths = {unquote(urlsplit(i["fetched_url"]).path) for i in items}
        found = paths & set(info["articles"])
        never = [t for t in server.requests if t.startswith(info["never"])]
        report_file = feed.with_name("items.report.json")
        report = json.loads(report_file.read_text()) if report_file.exists() else {}
        found_by = {p: r.get("found_by") for p, r in report.get("portals", {}).items()}
        print(f"command: {' '.join(cmd[2:])} (cwd {opts.repo})")
        print(f"articles found: {len(found)} of {len(info['articles'])}")
        print(f"other items emitted (not articles of the site): {len(items) - len(found)}")
        print(f"pages fetched (server requests): {len(server.requests)}")
        print(f"non-news paths requested: {len(never)} {sorted(set(never))}")
        print(f"found_by: {found_by}")


if __name__ == "__main__":
    main()
