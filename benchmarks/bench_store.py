"""Dedup + seen-store cost per item with 100k and 1M records already in the store (SQLite).

Run: ``python benchmarks/bench_store.py [--sizes 100000 1000000] [--items 2000] [--dir DIR]``.

For each size, a child process bulk-loads the store directly (synthetic records with real
sketches' shape: fingerprint, 128-byte sketch, all indexed; LSH band keys for the records of the
near-duplicate window, ``--per-day`` articles a day for 7 days, as a crawl leaves them), then a
fresh child process runs ``DedupePipeline.process_item`` + the ``item_scraped`` commit (what a
crawl does per article: canonical URL, fingerprint, MinHash, URL / exact / near look-ups, insert
of the record, its aliases and band keys) for ``--items`` new Arabic articles, then as many
duplicates (URL seen before). Printed: time per item and the process RSS before/after, which
must stay flat from 100k to 1M. ``run()`` returns the figures as a dict.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

WORDS = (  # noqa: SIM905 (one readable string of Arabic words)
    "اجتمع نائب وزير الدفاع الروسي مع وزيري الدفاع المالي ووزير دفاع النيجر في باماكو بحسب ما "
    "قالت وسائل إعلام رسمية وأظهرت صور بثها التلفزيون استقبال الرئيس الانتقالي المسؤول رفيع "
    "المستوى بحضور الوزيرين وشهد وزير الموارد المائية والري مراسم توقيع عقد دراسة تحديد السحب "
    "الآمن للخزانات الجوفية مع جامعة القاهرة وأعلنت وزارة الصحة عن بدء حملة التطعيم ضد شلل "
    "الأطفال في جميع المحافظات وارتفعت أسعار الذهب في الأسواق المحلية خلال تعاملات اليوم وسط "
    "توقعات باستمرار الصعود مع تراجع الدولار وافتتح رئيس الوزراء المرحلة الأولى من خط القطار"
).split()


def _rss_mb() -> float:
    """Current resident set size of this process (Linux /proc), MB."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def load(
    directory: Path,
    size: int,
    bands: int,
    num_perm: int,
    per_day: int = 10_000,
    window: int = 7,
    chunk: int = 200_000,
) -> None:
    """Bulk-load ``size`` synthetic records into a SQLite store in ``directory``."""
    from newsbot.state.sqlite import SqliteSeenStore

    store = SqliteSeenStore(directory)
    db = store.db
    db.execute("PRAGMA synchronous=OFF")
    db.execute("DROP INDEX IF EXISTS seen_fingerprint")
    db.execute("DROP INDEX IF EXISTS seen_expires")
    rng = np.random.default_rng(7)
    now = time.time()
    expires = now + 90 * 86400
    for start in range(0, size, chunk):
        n = min(chunk, size - start)
        fps = rng.integers(0, 2**63, size=(n, 2), dtype=np.int64)
        sketches = rng.integers(0, 256, size=(n, num_perm), dtype=np.uint8)
        rows = (
            (
                start + i + 1,
                f"https://portal{(start + i) % 40}.example/news/{start + i:09d}",
                f"{fps[i, 0]:016x}{fps[i, 1]:016x}",
                f"portal{(start + i) % 40}",
                "2024-03-01T10:00:00+02:00",
                sketches[i].tobytes(),
                now,
                expires,
            )
            for i in range(n)
        )
        with db:
            db.execute("BEGIN")
            db.executemany(
                "INSERT INTO seen (id, url, fingerprint, portal, published, sketch, seen_at, "
                "expires) VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )
    # band keys of the records written in the near-duplicate window (``per_day`` articles a day
    # for ``window`` days, the newest records), one table per day, keys sorted per table
    today = int(now // 86400)
    in_window = min(size, per_day * window)
    for k in range(window):
        first_id = size - in_window + k * per_day + 1
        n_records = max(0, min(per_day, size + 1 - first_id))
        if n_records == 0:
            continue
        day = today - (window - 1 - k)
        db.execute(f"CREATE TABLE IF NOT EXISTS band_{day} (key INTEGER PRIMARY KEY, id INTEGER)")
        keys = np.unique(rng.integers(-(2**63), 2**63 - 1, size=n_records * bands, dtype=np.int64))
        ids = rng.integers(first_id, first_id + n_records, size=len(keys))
        for start in range(0, len(keys), chunk):
            with db:
                db.execute("BEGIN")
                db.executemany(
                    f"INSERT INTO band_{day} (key, id) VALUES (?, ?)",
                    zip(keys[start : start + chunk].tolist(), ids[start : start + chunk].tolist(),
                        strict=True),
                )  # fmt: skip
    db.execute("CREATE INDEX IF NOT EXISTS seen_fingerprint ON seen (fingerprint)")
    db.execute("CREATE INDEX IF NOT EXISTS seen_expires ON seen (expires)")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _article(i: int, rng: random.Random) -> Any:
    from newsbot.items import Article

    body = " ".join(rng.choice(WORDS) for _ in range(180)) + f" {i}"
    return Article(
        url=f"https://bench.example/news/{i:07d}",
        fetched_url=f"https://bench.example/news/{i:07d}?utm_source=rss",
        portal="bench",
        title=" ".join(rng.choice(WORDS) for _ in range(8)),
        body=body,
        published="2024-03-01T10:00:00+02:00",
    )


def measure(directory: Path, items: int) -> dict[str, Any]:
    """Time DedupePipeline per item against the store in ``directory``."""
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    from newsbot.pipelines.dedupe import DedupePipeline

    crawler = get_crawler(settings_dict={"NEWSBOT_STATE_DIR": str(directory)})
    pipeline = DedupePipeline.from_crawler(crawler)
    store = pipeline.state.store
    assert store is not None
    records = len(store)
    rng = random.Random(11)
    articles = [_article(i, rng) for i in range(items)]
    again = random.Random(11)
    dups = [_article(i, again) for i in range(items)]  # the same articles, seen again
    rss_before = _rss_mb()
    t0 = time.perf_counter()
    for article in articles:
        pipeline.process_item(article)
        pipeline.item_scraped(article)
    new_s = (time.perf_counter() - t0) / items
    pipeline.run = type(pipeline.run)()  # a later crawl: duplicates come from the store
    dropped = 0
    t0 = time.perf_counter()
    for article in dups:
        try:
            pipeline.process_item(article)
        except DropItem:
            dropped += 1
    dup_s = (time.perf_counter() - t0) / items
    rss_after = _rss_mb()
    db_mb = sum(p.stat().st_size for p in directory.glob("seen.sqlite3*")) / 2**20
    return {
        "records": records,
        "new_ms": round(new_s * 1000, 3),
        "dup_ms": round(dup_s * 1000, 3),
        "dup_dropped": dropped,
        "rss_before_mb": round(rss_before, 1),
        "rss_after_mb": round(rss_after, 1),
        "db_mb": round(db_mb, 1),
    }


def run(
    sizes: list[int], items: int, workdir: Path | None = None, per_day: int = 10_000
) -> list[dict[str, Any]]:
    from newsbot.fingerprints import NearDupHasher

    hasher = NearDupHasher()
    results = []
    root = Path(workdir or tempfile.mkdtemp(prefix="newsbot-bench-store-"))
    me = str(Path(__file__).resolve())
    for size in sizes:
        directory = root / f"store-{size}"
        shutil.rmtree(directory, ignore_errors=True)
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, me, "--load", str(size), "--dir", str(directory),
             "--bands", str(hasher.b), "--num-perm", str(hasher.num_perm),
             "--per-day", str(per_day)],
            check=True,
        )  # fmt: skip
        load_s = time.perf_counter() - t0
        out = subprocess.run(
            [sys.executable, me, "--measure", "--dir", str(directory), "--items", str(items)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = {"size": size, "load_s": round(load_s, 1), **json.loads(out)}
        results.append(result)
        shutil.rmtree(directory, ignore_errors=True)
    if workdir is None:
        shutil.rmtree(root, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--per-day", type=int, default=10_000, help="articles a day (window)")
    parser.add_argument("--load", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bands", type=int, default=30, help=argparse.SUPPRESS)
    parser.add_argument("--num-perm", type=int, default=128, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load is not None:
        load(args.dir, args.load, args.bands, args.num_perm, per_day=args.per_day)
        return
    if args.measure:
        print(json.dumps(measure(args.dir, args.items)))
        return
    results = run(args.sizes, args.items, args.dir, per_day=args.per_day)
    print(f"near-duplicate window: 7 days x {args.per_day} articles/day; {args.items} items")
    print(f"{'records':>9} {'load s':>7} {'new ms/item':>12} {'dup ms/item':>12} "
          f"{'RSS MB before':>14} {'RSS MB after':>13} {'db MB':>7}")  # fmt: skip
    for r in results:
        print(
            f"{r['records']:>9} {r['load_s']:>7} {r['new_ms']:>12} {r['dup_ms']:>12} "
            f"{r['rss_before_mb']:>14} {r['rss_after_mb']:>13} {r['db_mb']:>7}"
        )
    print(json.dumps(results))


if __name__ == "__main__":
    main()
