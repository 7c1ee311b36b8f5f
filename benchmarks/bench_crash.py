"""Kill -9 and resume: how many pages a crawl loses or repeats when SIGKILLed and run again.

    python benchmarks/bench_crash.py [--pages 1500] [--kill-at 600] [--repo PATH]

The issue-7 measurement: a local site of ``--pages`` small Arabic articles (tests/e2e/crashsite.py:
robots.txt -> sitemaps, RSS, a paginated listing, a URL list; every fifth article is linked only
from the related block of the one before it) on 127.0.0.1; each crawl appends to one feed
(``-o``) with one SQLite seen-store, is SIGKILLed once the feed has ``--kill-at`` lines, and the
same command is run again to its end. Crawls: ``portal -a portal_file=``, ``site -a domain=``,
``article -a urls_file=``, each with and without ``-s JOBDIR=``, all at once. Prints per crawl:
pages lost (articles of the site missing from the feed), pages emitted twice or more, lines at
the kill, lines the second run added, and the second run's exit status. ``--repo`` runs the code
of another checkout (e.g. ``git archive <commit> | tar -x -C /tmp/base``) for a before/after
comparison.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests" / "e2e"), str(HERE.parent)]

from crashrun import SPIDERS, Cell, kill_and_resume  # noqa: E402
from crashsite import build_site  # noqa: E402
from crawlutil import REPO  # noqa: E402

from newsbot.demo.server import start_server  # noqa: E402

LABELS = {
    "portal": "`portal -a portal_file=` (RSS, sitemaps, listing)",
    "site": "`site -a domain=` (robots.txt → sitemap)",
    "article": "`article -a urls_file=`",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--kill-at", type=int, default=600)
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument(
        "--closespider-timeout", type=int, default=900, help="seconds; a stuck crawl ends here"
    )
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crash-") as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        site = build_site(root, opts.pages)
        server, base = start_server(root)
        cells = [Cell(s, j, "sqlite") for s in SPIDERS for j in (True, False)]
        started = time.monotonic()
        try:
            out = kill_and_resume(
                cells,
                {c.name: opts.kill_at for c in cells},
                site,
                base,
                Path(tmp) / "runs",
                timeout=3600,
                repo=opts.repo.resolve(),
                settings={"CLOSESPIDER_TIMEOUT": opts.closespider_timeout},
            )
        finally:
            server.shutdown()
            server.server_close()
        elapsed = time.monotonic() - started
    print(
        f"{opts.pages} pages ({len(site['listed'])} listed, the rest linked only as related), "
        f"appended feed, SQLite seen-store, SIGKILL at {opts.kill_at} feed lines, same command "
        f"again; code: {opts.repo}; {elapsed:.0f} s\n"
    )
    print("| crawl | with `-s JOBDIR=` | without JOBDIR |")
    print("|---|---|---|")
    for spider in SPIDERS:
        row = []
        for jobdir in (True, False):
            o = out[Cell(spider, jobdir, "sqlite").name]
            lost, twice = o.lost(site["all"]), o.repeated()
            verdict = "every page once ✓" if not lost and not twice else "**broken**"
            if o.killed_rc != -9:
                verdict += f", first run ended by itself (exit {o.killed_rc})"
            row.append(
                f"{lost} lost, {twice} twice ({verdict}; killed at {o.killed_lines}, "
                f"run again: +{o.resumed_lines}, exit {o.resumed_rc})"
            )
        print(f"| {LABELS[spider]} | {row[0]} | {row[1]} |")


if __name__ == "__main__":
    main()
