"""WARC scanning speed and memory: CC-NEWS-like WARC, mostly non-Arabic records.

    python benchmarks/bench_warc.py [--size-mb 300] [--arabic-share 0.02] [--crawl]

Writes a gzipped WARC (warcio, one member per record) of about ``--size-mb`` MB in a temporary
directory: like CC-NEWS, every capture is a request + response + metadata record, the pages are
mostly English news on many hosts, ``--arabic-share`` of them Arabic articles on registry
portals' hosts (and as many Arabic pages off the portals), plus some 404s and images. Prints:

- bare iteration (headers + payload of every response): warcio vs FastWARC, records/s;
- newsbot's scan as the ``ccnews`` spider does it (cheap header filter, then charset-correct
  response, language check, extraction, ``classify``), ``domains=portals`` and ``domains=all``:
  WARC records/s, Arabic articles/s, RSS at start and end;
- with ``--crawl``: ``scrapy crawl ccnews`` over the file served on 127.0.0.1 with Range
  support (8 MB ranges, the full pipelines): articles, elapsed, the crawl process's RSS at its
  start (first sample) and peak, against the same crawl over a WARC of one capture.
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for extra in (REPO, REPO / "tests" / "e2e"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from warcgen import EN_WORDS, WarcBuilder, article_page, start_range_server  # noqa: E402

PORTAL_HOSTS = ("www.youm7.com", "www.albayan.ae", "www.alyaum.com", "www.assabah.com.tn")


def rss_mb() -> float:
    """Current resident set size of this process (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def english_page(seed: int, n_words: int) -> str:
    rng = random.Random(seed)
    text = " ".join(
        rng.choice(EN_WORDS) + rng.choice(("", "s", "ed", "ing")) for _ in range(n_words)
    )
    title = f"Story {seed}: " + " ".join(text.split()[:8])
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><nav>{'<a href=/x>Section</a>' * 80}</nav><article><h1>{title}</h1>"
        f"<p>{text}</p></article></body></html>"
    )


def _capture(url: str, body: str, status: int = 200) -> bytes:
    """request + response + metadata records of one capture, gzipped members."""
    buf = io.BytesIO()
    warc = WarcBuilder(buf, warcinfo=False)
    warc.response(url, body, status=status)
    warc.metadata(url)
    return buf.getvalue()


def write_warc(path: Path, size_mb: int, arabic_share: float) -> Counter[str]:
    """A CC-NEWS-like WARC of about ``size_mb`` MB (module docstring). Non-Arabic captures are
    drawn from a pool of pre-written ones (same bytes, so the same URL may repeat); every Arabic
    capture is written anew with its own URL."""
    rng = random.Random(7)
    english = [
        _capture(
            f"https://site{s % 900}.example/news/{s}", english_page(s, rng.randint(2500, 6000))
        )
        for s in range(400)
    ]
    gone = [
        _capture(f"https://site{s}.example/gone/{s}", "<html>gone</html>", 404) for s in range(20)
    ]
    arabic = [article_page(f"خبر عربي رقم {s}", s, paragraphs=12) for s in range(200)]
    counts: Counter[str] = Counter()
    target = size_mb * 1024 * 1024
    with path.open("wb") as fh:
        WarcBuilder(fh)  # warcinfo
        n = 0
        while fh.tell() < target:
            n += 1
            roll = rng.random()
            if roll < arabic_share:
                host = PORTAL_HOSTS[n % len(PORTAL_HOSTS)]
                page = arabic[n % len(arabic)].replace("رقم", f"رقم {n}")
                fh.write(_capture(f"https://{host}/story/2024/1/15/news-{n}/{n}", page))
                counts["arabic_portal"] += 1
            elif roll < 2 * arabic_share:
                url = f"https://arabic-{n % 50}.example/news/{n}"
                fh.write(_capture(url, arabic[n % len(arabic)].replace("رقم", f"رقم {n}")))
                counts["arabic_other"] += 1
            elif roll < 2 * arabic_share + 0.02:
                fh.write(gone[n % len(gone)])
                counts["status_404"] += 1
            else:
                fh.write(english[n % len(english)])
                counts["english"] += 1
    counts["captures"] = sum(counts.values())
    return counts


def bare_warcio(path: Path) -> tuple[int, float]:
    from warcio.archiveiterator import ArchiveIterator

    start, n = time.perf_counter(), 0
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            record.content_stream().read()
            n += 1
    return n, time.perf_counter() - start


def bare_fastwarc(path: Path) -> tuple[int, float]:
    from fastwarc.warc import ArchiveIterator

    start, n = time.perf_counter(), 0
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh, parse_http=True):
            record.reader.read()
            n += 1
    return n, time.perf_counter() - start


def to_response_of(html: str) -> Any:
    from newsbot.extract.encoding import build_response

    return build_response(html, "https://www.youm7.com/story/2024/1/15/x/1")


def newsbot_scan(path: Path, domains: str) -> dict[str, Any]:
    """The ccnews record path without the engine: filter, response, language, extract."""
    from newsbot import portals
    from newsbot.extract import classify, extract_response
    from newsbot.warc.pages import host_of, in_language, skip_reason, to_response
    from newsbot.warc.reader import iter_records

    def keep(record: Any) -> bool:
        if skip_reason(record) is not None:
            return False
        return domains == "all" or portals.for_host(host_of(record.url)) is not None

    warm = to_response_of(article_page("خبر", 1))
    extract_response(warm, None)  # compile the extractor's regexes before timing
    rss_start = rss_mb()
    start, records, articles = time.perf_counter(), 0, 0
    with path.open("rb") as fh:
        for record in iter_records(fh, keep):
            records += 1
            if record.payload is None:
                continue
            response = to_response(record)
            if isinstance(response, str) or not in_language(response, "ar"):
                continue
            portal = portals.for_host(host_of(record.url))
            article = extract_response(response, portal, now=record.fetched_at)
            if classify(article, response) is None:
                articles += 1
    elapsed = time.perf_counter() - start
    return {"records": records, "articles": articles, "elapsed": elapsed,
            "rss_start": rss_start, "rss_end": rss_mb()}  # fmt: skip


def crawl_rss(root: Path, listing: str, base: str, workdir: Path) -> dict[str, Any]:
    """``scrapy crawl ccnews`` in a subprocess; RSS sampled from /proc every 0.1 s."""
    feed = workdir / "out.jsonl"
    cmd = [sys.executable, "-m", "scrapy", "crawl", "ccnews", "-a", f"warc_paths={listing}",
           "-a", f"warc_base={base}", "-O", str(feed), "-s", "LOG_LEVEL=WARNING",
           "-s", f"NEWSBOT_STATE_DIR={workdir / 'state'}", "-s", "DOWNLOAD_DELAY=0",
           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False"]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[float] = []
    status = Path(f"/proc/{proc.pid}/status")
    while proc.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    samples.append(int(line.split()[1]) / 1024)
        except OSError:
            pass
        time.sleep(0.1)
    err = proc.stderr.read().decode() if proc.stderr else ""
    lines = feed.read_text(encoding="utf-8").count("\n") if feed.exists() else 0
    settled = [s for s in samples if s > 0]
    return {"elapsed": time.perf_counter() - start, "articles": lines, "rc": proc.returncode,
            "rss_peak": max(settled or [0]),
            "errors": err[-800:] if proc.returncode not in (0, 3) else ""}  # fmt: skip


def run_crawls(path: Path, tmp: Path) -> None:
    tree = tmp / "tree"
    month = tree / "crawl-data" / "CC-NEWS" / "2024" / "01"
    month.mkdir(parents=True)
    big = month / "CC-NEWS-big.warc.gz"
    path.rename(big)
    small = month / "CC-NEWS-small.warc.gz"
    buf = io.BytesIO()
    WarcBuilder(buf).response("https://www.youm7.com/story/2024/1/15/one/1", article_page("خبر", 1))
    small.write_bytes(buf.getvalue())
    for name, file in (("small", small), ("big", big)):
        (month / f"{name}.paths.gz").write_bytes(
            gzip.compress(str(file.relative_to(tree)).encode())
        )
    server, base = start_range_server(tree)
    try:
        for name, file in (("one-capture WARC", small), ("large WARC", big)):
            listing = f"{base}/crawl-data/CC-NEWS/2024/01/{'small' if 'small' in file.name else 'big'}.paths.gz"
            work = tmp / f"crawl-{file.stem}"
            work.mkdir()
            out = crawl_rss(tree, listing, base, work)
            print(f"crawl ccnews, {name} ({file.stat().st_size / 1e6:.0f} MB): "
                  f"{out['articles']} articles in {out['elapsed']:.1f} s, exit {out['rc']}, "
                  f"RSS peak {out['rss_peak']:.0f} MB"
                  + (f"\n{out['errors']}" if out["errors"] else ""))  # fmt: skip
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=300)
    parser.add_argument("--arabic-share", type=float, default=0.02)
    parser.add_argument("--crawl", action="store_true", help="also run scrapy crawl ccnews")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-warc-") as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "bench.warc.gz"
        start = time.perf_counter()
        counts = write_warc(path, opts.size_mb, opts.arabic_share)
        size = path.stat().st_size / 1e6
        print(f"WARC: {size:.0f} MB gzipped, {counts['captures']} captures "
              f"({3 * counts['captures'] + 1} records): {dict(counts)}; "
              f"written in {time.perf_counter() - start:.0f} s")  # fmt: skip
        for name, fn in (("warcio", bare_warcio), ("FastWARC", bare_fastwarc)):
            try:
                n, elapsed = fn(path)
            except ImportError:
                print(f"bare iteration, {name}: not installed (pip install fastwarc to compare)")
                continue
            print(
                f"bare iteration, {name}: {n} records in {elapsed:.1f} s = {n / elapsed:,.0f} records/s"
            )
        for domains in ("portals", "all"):
            out = newsbot_scan(path, domains)
            print(f"newsbot scan, domains={domains}: {out['records']} records in "
                  f"{out['elapsed']:.1f} s = {out['records'] / out['elapsed']:,.0f} records/s, "
                  f"{out['articles']} Arabic articles = {out['articles'] / out['elapsed']:,.1f}/s; "
                  f"RSS start {out['rss_start']:.0f} MB, end {out['rss_end']:.0f} MB")  # fmt: skip
        if opts.crawl:
            run_crawls(path, tmp)


if __name__ == "__main__":
    main()
