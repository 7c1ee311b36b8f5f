"""Crawl throughput and memory: the full newsbot pipeline vs a bare Scrapy spider, same URLs.

    python benchmarks/bench_crawl.py [--pages 4000] [--concurrency 16] [--repeat 1]
    python benchmarks/bench_crawl.py --memory --pages 100000 [--every 5000]
    python benchmarks/bench_crawl.py --site demo [--copies 20]
    python benchmarks/bench_crawl.py --workers 2   # NEWSBOT_EXTRACT_WORKERS of the full crawl

``--site real`` (default): ``--pages`` generated Arabic article pages of ~40-60 KB (navigation,
footer, scripts, JSON-LD, related links; distinct texts: ``benchmarks/realsite.py``) served from
memory on 127.0.0.1 and fetched directly. Up to ``PRERENDER_MAX`` pages (not with ``--memory``)
are rendered before the crawls, so the server spends no CPU the crawls could use (rendering
takes ~3 ms per page: on 2 cores a server rendering on request slowed the crawl it served). ``--site demo``: the demo site replicated ``--copies``
times (every article copied under new URL paths, its own URL rewritten inside the copy and one
unique sentence added, so the copies are near duplicates), served by ``newsbot.demo.server``
and fetched as the real ``https://demo.newsbot.example/...`` URLs through ``MirrorMiddleware``.

Both crawls run with DOWNLOAD_DELAY=0, AutoThrottle off and the same concurrency, each in its
own ``scrapy`` process:

- full: ``scrapy crawl article -a urls_file=...`` (extraction, classification, project pipelines)
- bare: ``scrapy runspider benchmarks/bench_crawl.py`` (``BareSpider``: fetch and count only)

Pages/s = pages received (mirror fetches counted once) / the crawl's elapsed_time_seconds
(engine open -> close); the wall time includes interpreter and project start-up. With
``--repeat N`` each crawl runs N times (alternating) and the fastest run is shown. CPU
ms/page (start-up included, so comparable between runs of one size, robust to other load on
the machine, unlike pages/s): the crawl process and its extraction workers, and "own" for the
crawl process alone (the reactor). ``--set NAME=VALUE`` (repeatable) passes a Scrapy setting to
both crawls, e.g. ``--set CONCURRENT_ITEMS=100`` (Scrapy's default) to see what it costs.

``--memory``: one full crawl of ``--pages`` generated pages; the crawl process's VmRSS
(/proc/<pid>/status) is printed every ``--every`` pages served, then the growth per 1,000 pages
after warm-up (least-squares slope over the samples past ``--warmup`` pages) and the peak; with
``--workers N`` also the extraction workers' RSS together (first, peak past warm-up, last) and
the proportional set size (PSS) of the crawl and its workers together, which counts the pages
they share once.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import scrapy
from scrapy.statscollectors import MemoryStatsCollector

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
DEMO_SITE = REPO / "newsbot" / "demo" / "site"
DEMO_HOST = "demo.newsbot.example"
PRERENDER_MAX = 20_000
"""Pages rendered before the crawls (~50 KB each); larger sites are rendered on request."""


class JsonStats(MemoryStatsCollector):
    """Stats collector that writes the final stats to BENCH_STATS_FILE (JSON)."""

    def close_spider(self, *args: Any, **kwargs: Any) -> None:
        super().close_spider(*args, **kwargs)
        path = self._crawler.settings.get("BENCH_STATS_FILE")
        if path:
            Path(path).write_text(json.dumps(self._stats, default=str), encoding="utf-8")


class BareSpider(scrapy.Spider):
    """Fetch every URL of ``-a urls_file=`` and do nothing else."""

    name = "bench_bare"

    def __init__(self, urls_file: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = Path(urls_file).read_text(encoding="utf-8").split()

    async def start(self) -> AsyncIterator[Any]:
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: scrapy.http.Response, **kwargs: Any) -> None:
        return None


_BODY_START = re.compile(
    rb'class="[^"]*\b(?:entry-content|article-body|amp-content)\b[^"]*"[^>]*>.*?<p[^>]*>', re.S
)


def _unique_copy(html: bytes, path: str, new_path: str, i: int) -> bytes:
    """The page with its own URL rewritten and one sentence of its body made unique.

    Without the sentence every copy would be an exact duplicate that the dedup pipeline drops
    (it still is a near-duplicate, which is flagged and emitted).
    """
    html = html.replace(path.encode(), new_path.encode())
    marker = f"نسخة القياس رقم {i + 1} من هذا الخبر. ".encode()
    match = _BODY_START.search(html)
    if match is None:
        return html
    return html[: match.end()] + marker + html[match.end() :]


def build_site(root: Path, copies: int) -> list[str]:
    """Copy the demo site to ``root`` with ``copies`` clones of each article; return URLs."""
    shutil.copytree(DEMO_SITE, root, dirs_exist_ok=True)
    manifest = json.loads((DEMO_SITE / "manifest.json").read_text(encoding="utf-8"))
    base = manifest["base_url"]
    urls: list[str] = []
    for page in manifest["pages"]:
        if page["kind"] != "article" or page.get("encoding", "utf-8") not in ("utf-8", None):
            continue
        source = DEMO_SITE / page["file"]
        html = source.read_bytes()
        path = page["path"]
        urls.append(base + path)
        stem = path.rsplit("/", 1)
        for i in range(copies):
            new_path = f"{stem[0]}/bench{i:03d}-{stem[1]}"
            target = root / new_path.lstrip("/")
            if "%" in new_path:  # Arabic slugs: the file name on disk is percent-decoded
                from urllib.parse import unquote

                target = root / unquote(new_path).lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_unique_copy(html, path, new_path, i))
            urls.append(base + new_path)
    return urls


def _rss_mb(pid: int) -> float | None:
    """VmRSS of process ``pid`` in MB (None once it has exited)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(match[1]) / 1024 if match else None


def _pss_mb(pid: int) -> float | None:
    """Proportional set size of ``pid`` in MB (pages shared with other processes split among
    them, so the PSS of a crawl and its forked workers add up to what they use together)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii")
    except OSError:
        return None
    match = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
    return int(match[1]) / 1024 if match else None


def _children(pid: int) -> list[int]:
    """Process ids of the children of ``pid`` (its extraction workers)."""
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):  # a thread that just ended
            kids += [int(k) for k in task.read_text(encoding="ascii").split()]
    return kids


def _cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) process ``pid`` used itself so far (None once it exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_crawl(
    cmd: list[str],
    settings: dict[str, Any],
    workdir: Path,
    label: str,
    sample: Callable[[], int] | None = None,
) -> dict:
    """Run one crawl process; with ``sample`` (pages served so far) record its RSS over time."""
    stats_file = workdir / f"{label}-stats.json"
    full = {**settings, "BENCH_STATS_FILE": str(stats_file), "STATS_CLASS": "bench_crawl.JsonStats"}
    for name, value in full.items():
        cmd += ["-s", f"{name}={json.dumps(value) if isinstance(value, dict) else value}"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), str(REPO)])}
    log = workdir / f"{label}.log"
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss: list[tuple[int, float]] = []
    workers_rss: list[tuple[int, float]] = []
    total_pss: list[tuple[int, float]] = []
    own = 0.0
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
        while proc.poll() is None:
            time.sleep(0.2)
            own = _cpu_s(proc.pid) or own
            mb = _rss_mb(proc.pid) if sample else None
            if mb is not None and sample is not None:
                pages = sample()
                rss.append((pages, mb))
                pids = _children(proc.pid)
                if pids:
                    workers_rss.append((pages, sum(_rss_mb(k) or 0.0 for k in pids)))
                    pss = [_pss_mb(k) for k in [proc.pid, *pids]]
                    total_pss.append((pages, sum(k or 0.0 for k in pss)))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if proc.returncode != 0 or not stats_file.exists():
        sys.stderr.write(log.read_text(encoding="utf-8")[-3000:])
        raise SystemExit(f"{label} crawl failed ({proc.returncode})")
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    # the mirror's inner fetch fires response_received too: count each page once
    pages = int(stats.get("response_received_count", 0)) - int(
        stats.get("newsbot/mirror/requests", 0)
    )
    elapsed = float(stats.get("elapsed_time_seconds") or wall)
    return {
        "label": label,
        "pages": pages,
        "items": int(stats.get("item_scraped_count", 0)),
        "dropped": int(stats.get("item_dropped_count", 0)),
        "exceptions": sum(v for k, v in stats.items() if k.startswith("spider_exceptions/")),
        "reasons": {k: v for k, v in stats.items() if k.startswith("item_dropped_reasons_count/")},
        "elapsed": elapsed,
        "wall": wall,
        "pages_per_s": pages / elapsed if elapsed else 0.0,
        "cpu": cpu,
        "own_cpu": own,
        "rss": rss,
        "workers_rss": workers_rss,
        "total_pss": total_pss,
    }


def _settings(opts: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    return {
        "DOWNLOAD_DELAY": 0,
        "DOWNLOAD_DELAY_JITTER": 0,
        "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_SLOTS": {},
        "CONCURRENT_REQUESTS": opts.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": opts.concurrency,
        "HTTPCACHE_ENABLED": "False",
        "LOG_LEVEL": "INFO",
        "NEWSBOT_STATE_DIR": str(workdir / "state"),
    }


def _commands(urls_file: Path, workdir: Path) -> tuple[list[str], list[str]]:
    scrapy_cmd = [sys.executable, "-m", "scrapy"]
    full_cmd = [
        *scrapy_cmd,
        *("crawl", "article", "-a", f"urls_file={urls_file}", "-a", "related_depth=0"),
        *("-O", f"{workdir / 'full.jsonl'}:jsonl"),
    ]
    bare_cmd = [*scrapy_cmd, "runspider", __file__, "-a", f"urls_file={urls_file}"]
    return full_cmd, bare_cmd


def compare(
    opts: argparse.Namespace, workdir: Path, urls_file: Path, settings: dict[str, Any]
) -> tuple[dict, dict, dict[str, list[dict]]]:
    """Full and bare crawls, ``--repeat`` times each: (best full, best bare, all runs)."""
    full_cmd, bare_cmd = _commands(urls_file, workdir)
    runs: dict[str, list[dict[str, Any]]] = {"full": [], "bare": []}
    for n in range(opts.repeat):
        state = {**settings, "NEWSBOT_STATE_DIR": str(workdir / f"state{n}")}
        runs["full"].append(run_crawl(list(full_cmd), state, workdir, "full"))
        runs["bare"].append(run_crawl(list(bare_cmd), state, workdir, "bare"))
    full, bare = (max(runs[k], key=lambda r: r["pages_per_s"]) for k in ("full", "bare"))
    return full, bare, runs


def print_comparison(full: dict, bare: dict, runs: dict[str, list[dict]], repeat: int) -> None:
    print(
        f"{'crawl':<6} {'pages':>6} {'items':>6} {'dropped':>8} {'elapsed s':>10} {'wall s':>8} "
        f"{'pages/s':>9} {'CPU ms/page':>12} {'own ms/page':>12}"
    )
    for row in (full, bare):
        print(
            f"{row['label']:<6} {row['pages']:>6} {row['items']:>6} {row['dropped']:>8} "
            f"{row['elapsed']:>10.2f} "
            f"{row['wall']:>8.2f} {row['pages_per_s']:>9.1f} "
            f"{1000 * row['cpu'] / max(1, row['pages']):>12.2f} "
            f"{1000 * row['own_cpu'] / max(1, row['pages']):>12.2f}"
        )
    print(
        "CPU ms/page: the crawl process and its extraction workers; own: the crawl process "
        "alone (sampled every 0.2 s); both include start-up (~2 s)"
    )
    if repeat > 1:
        for label, rows in runs.items():
            rates = ", ".join(f"{r['pages_per_s']:.1f} ({r['items']} items)" for r in rows)
            print(f"{label} runs, pages/s: {rates}")
    if full["exceptions"]:
        print(f"WARNING: {full['exceptions']} callback exceptions in the full crawl (see its log)")
    if full["reasons"]:
        print("full: dropped by", full["reasons"])
    if bare["pages_per_s"]:
        print(f"ratio full/bare: {full['pages_per_s'] / bare['pages_per_s']:.2f}")


def print_memory(row: dict, every: int, warmup: int) -> None:
    """RSS every ``every`` pages, the slope past ``warmup`` pages (MB per 1,000) and the peak."""
    samples: list[tuple[int, float]] = row["rss"]
    print(f"{'pages':>8} {'RSS MB':>8}")
    mark = 0
    for pages, mb in samples:
        if pages >= mark:
            print(f"{pages:>8} {mb:>8.1f}")
            mark = (pages // every + 1) * every
    late = [(p, mb) for p, mb in samples if p >= warmup]
    peak = max((mb for _, mb in samples), default=0.0)
    if len(late) >= 2 and late[-1][0] > late[0][0]:
        mean_p = sum(p for p, _ in late) / len(late)
        mean_m = sum(mb for _, mb in late) / len(late)
        cov = sum((p - mean_p) * (mb - mean_m) for p, mb in late)
        var = sum((p - mean_p) ** 2 for p, _ in late)
        print(f"RSS slope after {warmup} pages: {1000 * cov / var:.2f} MB per 1,000 pages")
    print(
        f"RSS peak {peak:.1f} MB; {row['pages']} pages, {row['items']} items, "
        f"{row['pages_per_s']:.1f} pages/s"
    )
    workers = row.get("workers_rss") or []
    if workers:  # forked: pages they still share with the crawl process count in both
        late = [mb for p, mb in workers if p >= warmup]
        print(
            f"extraction workers (together): RSS {workers[0][1]:.1f} MB at {workers[0][0]} pages, "
            f"{max(late, default=0.0):.1f} MB peak past {warmup}, {workers[-1][1]:.1f} MB at "
            f"{workers[-1][0]} pages"
        )
        pss = row["total_pss"]
        late = [mb for p, mb in pss if p >= warmup]
        print(
            f"crawl + workers together (PSS, shared pages split): {pss[0][1]:.1f} MB at "
            f"{pss[0][0]} pages, {max(late, default=0.0):.1f} MB peak past {warmup}, "
            f"{pss[-1][1]:.1f} MB at {pss[-1][0]} pages"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", choices=("real", "demo"), default="real")
    parser.add_argument("--pages", type=int, default=4000, help="generated pages (--site real)")
    parser.add_argument("--copies", type=int, default=20, help="clones per demo article")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1, help="runs per crawl; best is shown")
    parser.add_argument(
        "--workers", type=int, default=None, help="NEWSBOT_EXTRACT_WORKERS of the full crawl"
    )
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a setting, both crawls"
    )
    parser.add_argument("--memory", action="store_true", help="one long full crawl, RSS over time")
    parser.add_argument("--every", type=int, default=2000, help="--memory: pages between rows")
    parser.add_argument("--warmup", type=int, default=2000, help="--memory: pages before slope")
    parser.add_argument("--crawl", choices=("full", "bare"), default="full", help="--memory: which")
    opts = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newsbot-bench-") as tmp:
        workdir = Path(tmp)
        urls_file = workdir / "urls.txt"
        settings = _settings(opts, workdir)
        if opts.workers is not None:
            settings["NEWSBOT_EXTRACT_WORKERS"] = opts.workers
        for pair in opts.set:
            name, _, value = pair.partition("=")
            settings[name.strip()] = value
        if opts.site == "demo":
            from newsbot.demo.server import start_server

            urls = build_site(workdir / "site", opts.copies)
            urls_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
            server, base = start_server(workdir / "site")
            settings["NEWSBOT_MIRRORS"] = {DEMO_HOST: base}
            try:
                full, bare, runs = compare(opts, workdir, urls_file, settings)
            finally:
                server.shutdown()
                server.server_close()
            print(f"URLs: {len(urls)} (demo articles x {opts.copies + 1}), ", end="")
        else:
            from realsite import article_urls, serve_realsite

            prerender = not opts.memory and opts.pages <= PRERENDER_MAX
            with serve_realsite(opts.pages, prerender) as (site, base):
                urls = article_urls(base, opts.pages)
                urls_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
                if opts.memory:
                    cmd = _commands(urls_file, workdir)[opts.crawl == "bare"]
                    row = run_crawl(cmd, settings, workdir, opts.crawl, lambda: site.served)
                    print(f"{opts.crawl} crawl of {opts.pages} generated ~50 KB pages, ", end="")
                    print(f"concurrency {opts.concurrency}")
                    print_memory(row, opts.every, opts.warmup)
                    return 0
                full, bare, runs = compare(opts, workdir, urls_file, settings)
            print(f"URLs: {len(urls)} (generated ~50 KB article pages), ", end="")
    print(f"concurrency {opts.concurrency}, best of {opts.repeat}")
    print_comparison(full, bare, runs, opts.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
