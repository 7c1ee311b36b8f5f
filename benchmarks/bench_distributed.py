"""Distributed crawl throughput (1, 2, 4 workers) and Redis memory per 100k seen articles.

    python benchmarks/bench_distributed.py [--workers 1 2 4] [--articles 400] [--latency 0.05]
                                           [--per-worker 2] [--seen 100000]

Starts a private ``redis-server`` on 127.0.0.1 (free port, no persistence) and a
``newsbot.demo.farm`` site of ``--articles`` distinct articles whose every page is answered after
``--latency`` seconds (a remote site's round trip: so the workers' concurrency, not the 2 cores,
is what is measured). For each worker count the database is flushed and N ``scrapy crawl site``
processes are started at once with ``REDIS_URL``; each fetches at most ``--per-worker`` pages at
a time (CONCURRENT_REQUESTS and _PER_DOMAIN: measured on Scrapy 2.19, the per-domain limit alone
did not serialise requests to 127.0.0.1), DOWNLOAD_DELAY=0, AutoThrottle off.
Pages/s = pages the server answered / time from its first to its last request (process start-up
excluded); the feeds are checked: every article emitted exactly once.

Memory: ``--seen`` synthetic seen-store records (URL, fingerprint, dates, a 128-byte sketch, the
hasher's LSH band keys: what ``DedupePipeline`` stores per article) are written with
``RedisSeenStore.put_many``, plus as many run-dupefilter fingerprints; Redis ``used_memory``
before/after gives bytes per article and MB per 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from newsbot.demo.farm import build_farm, latency_routes  # noqa: E402
from newsbot.demo.server import start_server  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_redis(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server not installed (apt-get install redis-server)")
    import redis

    port = _free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(200):
        try:
            client.ping()
            return proc, url
        except redis.ConnectionError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("redis-server did not start")


class _TimedHits(dict[str, int]):
    """``server.hits`` that also records when each request arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def __setitem__(self, key: str, value: int) -> None:
        self.times.append(time.monotonic())
        super().__setitem__(key, value)


def crawl(workers: int, base: str, url: str, workdir: Path, per_worker: int) -> dict[str, Any]:
    """N workers at once; pages/s between the server's first and last request."""
    env = {**os.environ, "REDIS_URL": url, "PYTHONPATH": str(REPO)}
    env.pop("SCRAPY_PROJECT", None)
    procs = []
    for i in range(workers):
        feed = workdir / f"w{workers}-{i}.jsonl"
        cmd = [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"domain={base}",
               "-O", f"{feed}:jsonl", "-s", "LOG_LEVEL=WARNING", "-s", "ROBOTSTXT_OBEY=False",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", f"CONCURRENT_REQUESTS={per_worker}",
               "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={per_worker}",
               "-s", f"NEWSBOT_STATE_DIR={workdir / 'state'}", "-s", "NEWSBOT_REPORT_ENABLED=False"]  # fmt: skip
        log = (workdir / f"w{workers}-{i}.log").open("w")
        procs.append((subprocess.Popen(cmd, cwd=REPO, env=env, stderr=log), feed))
    for proc, _ in procs:
        proc.wait()
    urls = []
    for _, feed in procs:
        with feed.open(encoding="utf-8") as fh:
            urls += [json.loads(line)["fetched_url"] for line in fh if line.strip()]
    return {"urls": urls}


def memory(url: str, seen: int) -> dict[str, float]:
    """Redis bytes per seen-store record and per run-dupefilter entry."""
    import redis

    from newsbot.fingerprints import NearDupHasher
    from newsbot.state.base import SeenRecord
    from newsbot.state.redis import RedisSeenStore

    client = redis.Redis.from_url(url)
    client.flushall()
    rng = random.Random(1)
    hasher = NearDupHasher()
    before = int(client.info("memory")["used_memory"])
    store = RedisSeenStore(url, client=client)
    records = (
        SeenRecord(
            url=f"https://www.portal{n % 20}.example.com/news/2026/12/04/{n}-some-arabic-slug",
            fingerprint=f"{rng.getrandbits(128):032x}",
            portal=f"portal{n % 20}",
            published="2026-12-04T10:00:00+00:00",
            modified="2026-12-04T11:00:00+00:00",
            lastmod="2026-12-04T11:00:00+00:00",
            sketch=rng.randbytes(hasher.num_perm),
            bands=tuple(rng.getrandbits(63) for _ in range(hasher.b)),
        )
        for n in range(seen)
    )
    store.put_many(records)
    after_store = int(client.info("memory")["used_memory"])
    bands = sum(1 for _ in client.scan_iter(match="newsbot:seen:b:*", count=10_000))
    pipe = client.pipeline(transaction=False)
    for n in range(seen):
        pipe.sadd("newsbot:crawl:bench:dupefilter", f"{rng.getrandbits(160):040x}")
        if n % 10_000 == 0:
            pipe.execute()
    pipe.execute()
    after_df = int(client.info("memory")["used_memory"])
    client.flushall()
    return {
        "store_bytes_per_article": round((after_store - before) / seen),
        "store_mb_per_100k": round((after_store - before) / seen * 100_000 / 2**20, 1),
        "dupefilter_bytes_per_url": round((after_df - after_store) / seen),
        "bands_per_article": hasher.b,
        "band_keys": bands,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--per-worker", type=int, default=2)
    parser.add_argument("--seen", type=int, default=100_000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsbot-bench-dist-"))
    redis_proc, url = start_redis(workdir)
    try:
        import redis

        site = workdir / "site"
        paths = build_farm(site, args.articles)
        server, base = start_server(site, latency_routes(paths, args.latency))
        print(
            f"site: {args.articles} articles, {args.latency * 1000:.0f} ms per request; "
            f"{args.per_worker} concurrent requests per worker; {os.cpu_count()} cores"
        )
        print(
            f"{'workers':>7} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'speed-up':>9} {'ok':>4}"
        )
        first = None
        for n in args.workers:
            redis.Redis.from_url(url).flushall()
            shutil.rmtree(workdir / "state", ignore_errors=True)
            hits = _TimedHits()
            server.hits = hits
            result = crawl(n, base, url, workdir, args.per_worker)
            pages = sum(hits.values())
            seconds = max(hits.times) - min(hits.times)
            rate = pages / seconds
            first = first or rate
            ok = len(result["urls"]) == len(set(result["urls"])) == args.articles
            ok = ok and all(v == 1 for v in hits.values())
            print(
                f"{n:>7} {pages:>6} {seconds:>8.2f} {rate:>8.1f} {rate / first:>8.2f}x {'yes' if ok else 'NO':>4}"
            )
        server.shutdown()
        mem = memory(url, args.seen)
        print(
            f"Redis memory, {args.seen} seen articles: {mem['store_bytes_per_article']} B/article "
            f"= {mem['store_mb_per_100k']} MB per 100k (seen-store, {mem['bands_per_article']} "
            f"LSH band keys each, {mem['band_keys']} band keys in all); run dupefilter "
            f"{mem['dupefilter_bytes_per_url']} B/URL"
        )
    finally:
        redis_proc.terminate()
        redis_proc.wait()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
