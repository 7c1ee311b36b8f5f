"""Instructions per extracted page, counted by valgrind: a figure other processes cannot move.

    python benchmarks/bench_instr.py                  # 60 generated pages, cold and crawl-like
    python benchmarks/bench_instr.py --set fixtures   # the portal fixture pages (cold only)

On a shared machine ms/page moves by several percent with the load; the instruction count of the
same work does not (``PYTHONHASHSEED=0``), so it tells a 1-2 % change apart. Each figure is the
difference of two runs under ``valgrind --tool=cachegrind`` (start-up and warm-up cancel out):

- ``cold``: every page extracted ``--passes`` times, newsbot's string caches emptied before each
  run (what ``bench_extract.py`` times);
- ``crawl``: after 60 warm-up pages, 300 further generated pages once each, caches kept (what a
  crawl of one site does).

Needs ``valgrind`` on ``PATH`` (Debian package ``valgrind``); takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
CRAWL_WARMUP, CRAWL_PAGES = 60, 300


def _child(kind: str, name: str, work: int) -> None:
    """Run the extraction work once under valgrind (``work`` 0: start-up and warm-up only)."""
    warnings.filterwarnings("ignore")
    import bench_extract as b

    if kind == "crawl":
        pages = b.realsite_pages(CRAWL_WARMUP + CRAWL_PAGES)
        for exp, html in pages[:CRAWL_WARMUP]:
            b._newsbot(exp, html)
        for exp, html in pages[CRAWL_WARMUP:] if work else []:
            b._newsbot(exp, html)
        return
    pages = {"realsite": b.realsite_pages, "fixtures": b.fixture_pages}[name]()
    for exp, html in pages:
        b._newsbot(exp, html)
    for _ in range(work):
        for exp, html in pages:
            b._cold()
            b._newsbot(exp, html)


def _count(args: list[str]) -> int:
    """Instructions of ``python bench_instr.py --child ...args`` under cachegrind."""
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    cmd += [sys.executable, __file__, "--child", *args]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="realsite", choices=("realsite", "fixtures"))
    ap.add_argument("--passes", type=int, default=2, help="cold runs of every page")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    opts = ap.parse_args()
    if opts.child:
        _child(opts.child[0], opts.child[1], int(opts.child[2]))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    sys.path.insert(0, str(HERE))
    import bench_extract as b

    n = len({"realsite": b.realsite_pages, "fixtures": b.fixture_pages}[opts.set]())
    work = _count(["cold", opts.set, str(opts.passes)]) - _count(["cold", opts.set, "0"])
    print(f"{opts.set} cold: {work / (opts.passes * n) / 1e6:.2f} M instructions/page")
    if opts.set == "realsite":
        work = _count(["crawl", "-", "1"]) - _count(["crawl", "-", "0"])
        print(f"realsite crawl-like: {work / CRAWL_PAGES / 1e6:.2f} M instructions/page")


if __name__ == "__main__":
    main()
