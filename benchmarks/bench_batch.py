"""Offline extraction on every core: ``scrapy extract --batch/--warc --jobs N``, N = 1, 2, cpus.

    python benchmarks/bench_batch.py [--pages 600] [--jobs 1,2,4] [--only batch|warc]
    python benchmarks/bench_batch.py --memory 1000000

Builds, in a temporary directory, a list of ``--pages`` entries pointing at the realworld pages
(``../shared/realworld``, read in place, never copied into the repo) and the repo's own fixture
pages, repeated, and a gzipped WARC holding the same pages (warcio). Runs the real command in a
subprocess for each N and prints, per form and N: the steady rate (output lines/s after the
first 10%: start-up and warm-up excluded) and the whole-run rate (wall time, interpreter start
included), each with its speed-up over N=1, the peak RSS of the parent process (sampled from /proc: bounded in-flight work keeps it flat whatever the
list length), whether stdout is byte-identical to N=1, and the load average before and after
(the machine is shared: a busy neighbour lowers the speed-up). ``--memory LINES`` instead prints
the parent's peak RSS for a list of 1,000 and of LINES entries (flat: the list is streamed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for extra in (REPO, REPO / "tests" / "e2e"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from warcgen import WarcBuilder  # noqa: E402

from newsbot.quality import realworld_dir  # noqa: E402

NOW = "2024-06-01T12:00:00Z"
FIXTURES = REPO / "tests" / "fixtures" / "pages"


def source_pages() -> list[tuple[Path, str]]:
    """(page, url): the realworld pages (when present) and the repo's fixture pages."""
    pages: list[tuple[Path, str]] = []
    rw = realworld_dir()
    for f in sorted((rw / "expected").glob("*.json")):
        exp = json.loads(f.read_text(encoding="utf-8"))
        pages.append((rw / "pages" / f"{exp['id']}.html", exp["url"]))
    if not pages:
        print(f"realworld pages not found at {rw}: fixture pages only")
    for meta in sorted(FIXTURES.glob("**/*.json")):
        page = meta.with_suffix(".html")
        url = json.loads(meta.read_text(encoding="utf-8")).get("url")
        if page.exists() and url:
            pages.append((page, url))
    return pages


def write_inputs(workdir: Path, n: int) -> tuple[Path, Path, int]:
    """The TSV list and the WARC of ``n`` entries; the number of realworld pages among them."""
    pages = source_pages()
    chosen = [pages[i % len(pages)] for i in range(n)]
    tsv = workdir / "pages.tsv"
    tsv.write_text("".join(f"{p}\t{u}\n" for p, u in chosen), encoding="utf-8")
    warc = workdir / "pages.warc.gz"
    with warc.open("wb") as fh:
        builder = WarcBuilder(fh, date="2024-06-01T12:00:00Z")
        for i, (page, url) in enumerate(chosen):  # distinct URLs, as in a real archive
            sep = "&" if "?" in url else "?"
            builder.response(f"{url}{sep}copy={i}", page.read_bytes(), with_request=False)
    return tsv, warc, sum(1 for p, _ in chosen if "realworld" in str(p))


def run(args: list[str], out: Path) -> dict[str, Any]:
    """One ``scrapy extract`` run: wall time, steady rate, parent peak RSS, stderr, digest.

    The steady rate counts the lines written between the first 10% and the end of the output
    (start-up, imports and warm-up excluded); RSS is sampled from /proc every 0.1 s.
    """
    cmd = [sys.executable, "-m", "scrapy", "extract", *args]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    stamps: list[float] = []
    peak = [0.0]
    err_path = out.with_suffix(".stderr")
    with err_path.open("wb") as err_fh:  # a file: a million error lines must not block a pipe
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=err_fh)
    sampler = threading.Thread(target=_sample_rss, args=(proc, peak), daemon=True)
    sampler.start()
    assert proc.stdout is not None
    digest = hashlib.sha256()
    with out.open("wb") as fh:
        for line in proc.stdout:
            stamps.append(time.perf_counter())
            digest.update(line)
            fh.write(line)
    proc.wait()
    with err_path.open("rb") as err_fh:  # the summary: the last line
        err_fh.seek(max(0, err_path.stat().st_size - 4096))
        err = err_fh.read().decode("utf-8", "replace")
    wall = time.perf_counter() - start
    sampler.join()
    first = len(stamps) // 10
    steady = (len(stamps) - first) / (stamps[-1] - stamps[first]) if len(stamps) > 20 else 0.0
    return {"wall": wall, "rss": peak[0], "err": err, "digest": digest.hexdigest(),
            "lines": len(stamps), "steady": steady, "rc": proc.returncode,
            "load": (load, os.getloadavg()[0])}  # fmt: skip


def _sample_rss(proc: subprocess.Popen[bytes], peak: list[float]) -> None:
    status = Path(f"/proc/{proc.pid}/status")
    while proc.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    peak[0] = max(peak[0], int(line.split()[1]) / 1024)
        except OSError:
            pass
        time.sleep(0.1)


def memory(lines: int) -> None:
    """Parent peak RSS for a short and a LINES-long list (entries naming missing files: each is
    a cheap counted error, so the pool and list streaming are what is measured)."""
    with tempfile.TemporaryDirectory(prefix="bench_batch-") as tmp:
        for n in (1000, lines):
            tsv = Path(tmp) / f"list-{n}.tsv"
            with tsv.open("w", encoding="utf-8") as fh:
                fh.writelines(f"missing/{i}.html\thttps://example.com/a/{i}\n" for i in range(n))
            res = run(["--batch", str(tsv), "--jobs", "2"], Path(tmp) / f"out-{n}.jsonl")
            summary = res["err"].strip().splitlines()[-1]
            print(f"{n:>9} entries: parent RSS peak {res['rss']:.0f} MB, {res['wall']:.1f} s | "
                  f"{summary.split(': ', 1)[1]}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=600)
    cpus = os.cpu_count() or 1
    parser.add_argument("--jobs", default=",".join(map(str, sorted({1, 2, cpus}))))
    parser.add_argument("--only", choices=("batch", "warc"))
    parser.add_argument(
        "--memory",
        type=int,
        metavar="LINES",
        help="instead: parent RSS of a --jobs 2 batch of 1,000 and of LINES cheap entries",
    )
    opts = parser.parse_args()
    if opts.memory:
        memory(opts.memory)
        return
    jobs = [int(j) for j in opts.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench_batch-") as tmp:
        workdir = Path(tmp)
        tsv, warc, realworld = write_inputs(workdir, opts.pages)
        print(f"{opts.pages} pages ({realworld} realworld, the rest repo fixtures), "
              f"{os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f}")  # fmt: skip
        forms = {"batch": ["--batch", str(tsv), "--now", NOW], "warc": ["--warc", str(warc)]}
        for form, args in forms.items():
            if opts.only and form != opts.only:
                continue
            base: dict[str, Any] | None = None
            for n in jobs:
                res = run([*args, "--jobs", str(n)], workdir / f"{form}-{n}.jsonl")
                base = base or res
                rate, base_rate = opts.pages / res["wall"], opts.pages / base["wall"]
                same = "identical" if res["digest"] == base["digest"] else "DIFFERENT"
                print(f"{form:5} jobs {n}: steady {res['steady']:6.1f} lines/s "
                      f"x{res['steady'] / base['steady']:4.2f} | whole run {rate:5.1f} pages/s "
                      f"x{rate / base_rate:4.2f} ({res['wall']:4.1f} s) | parent RSS peak "
                      f"{res['rss']:4.0f} MB | {res['lines']} lines, {same} to jobs {jobs[0]}, "
                      f"exit {res['rc']} | load {res['load'][0]:.2f} -> {res['load'][1]:.2f}")  # fmt: skip
                if res["rc"] != 0:
                    print("   " + res["err"].strip().replace("\n", "\n   "))


if __name__ == "__main__":
    main()
