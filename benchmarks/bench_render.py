"""Rendering cost: Chromium (scrapy-playwright) vs plain HTTP on the same article pages.

    python benchmarks/bench_render.py [--pages 200] [--max-pages 4] [--kill-browser-after N]

Writes ``--pages`` Arabic article pages twice into a temporary directory: built by JavaScript
from an inline JSON blob (title, body, date, related links injected by a script) and as plain
HTML with the same text, served by ``newsbot.demo.server`` on 127.0.0.1. Two crawls, each a
``scrapy crawl article -a urls_file=...`` process (full pipeline, DOWNLOAD_DELAY=0,
AutoThrottle off, dedup off, in-memory seen-store):

- rendered: the JS pages with ``-a render=always`` (``NEWSBOT_RENDER_MAX_PAGES`` pages at once)
- static: the plain pages with ``-a render=never``

Figures: pages/s and s/page (items / the crawl's ``elapsed_time_seconds``), and for the
rendered crawl the browser's memory — the sum of PSS (and of RSS, which counts shared pages
once per process) over every Chromium process of the crawl — sampled while it runs and printed
after every quarter of the pages, so growth shows. ``--kill-browser-after N`` SIGKILLs the
browser once N records are written (a crash): the figures then show whether it was relaunched
(``playwright/browser_count``) and every page still came out.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

HOST = "127.0.0.1"
WORDS = (
    "أعلنت الحكومة اليوم عن حزمة جديدة من الإجراءات الاقتصادية لدعم الأسر محدودة الدخل.",
    "وقال المتحدث الرسمي إن الخطة ستنفذ على ثلاث مراحل خلال العام المقبل.",
    "ورحبت غرفة التجارة بالقرار واعتبرته خطوة مهمة نحو تنشيط الأسواق المحلية.",
    "وأشار خبراء إلى أن نجاح الخطة يعتمد على سرعة التنفيذ ووضوح المعايير.",
    "وشهدت العاصمة اجتماعات مكثفة بين الوزراء وممثلي القطاع الخاص لبحث التفاصيل.",
)
BUILD = (
    "const d = JSON.parse(document.getElementById('story').textContent);"
    "document.title = d.title;"
    "document.getElementById('app').innerHTML = '<article><h1>' + d.title + '</h1>'"
    " + '<time datetime=\"' + d.published + '\">' + d.published.slice(0, 10) + '</time>'"
    " + '<div class=\"article-body\">' + d.paragraphs.map((p) => '<p>' + p + '</p>').join('')"
    " + '</div><div class=\"related\"><h3>اقرأ أيضاً</h3><ul>'"
    " + d.related.map((r) => '<li><a href=\"' + r + '\">' + r + '</a></li>').join('')"
    " + '</ul></div></article>';"
)


def _story(i: int, variant: str) -> dict[str, Any]:
    return {
        "title": f"الخبر رقم {i}: الحكومة تعلن حزمة إجراءات جديدة",
        "published": f"2024-05-{1 + i % 28:02d}T10:{i % 60:02d}:00+03:00",
        "paragraphs": [f"هذا هو الخبر رقم {i} في موقع القياس.", *WORDS, *WORDS[:2]],
        "related": [f"/{variant}/a{(i + k) % 1000:04d}.html" for k in (1, 2)],
    }


def build_site(root: Path, pages: int) -> None:
    """``/js/aNNNN.html`` (script-built) and ``/static/aNNNN.html`` (plain) for each page."""
    for variant in ("js", "static"):
        (root / variant).mkdir(parents=True, exist_ok=True)
    for i in range(pages):
        story = _story(i, "js")
        blob = json.dumps(story, ensure_ascii=False)
        (root / "js" / f"a{i:04d}.html").write_text(
            '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f'<title>موقع القياس</title><link rel="stylesheet" href="/x.css"></head><body>'
            f'<img src="/big.jpg"><main id="app"></main>'
            f'<script type="application/json" id="story">{blob}</script>'
            f"<script>{BUILD}</script></body></html>",
            encoding="utf-8",
        )
        s = _story(i, "static")
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in s["paragraphs"])
        rel = "".join(f'<li><a href="{r}">{r}</a></li>' for r in s["related"])
        (root / "static" / f"a{i:04d}.html").write_text(
            '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f'<title>{s["title"]}</title></head><body><main id="app"><article>'
            f'<h1>{s["title"]}</h1><time datetime="{s["published"]}">{s["published"][:10]}'
            f'</time><div class="article-body">{paras}</div><div class="related"><h3>اقرأ أيضاً'
            f"</h3><ul>{rel}</ul></div></article></main></body></html>",
            encoding="utf-8",
        )
    (root / "x.css").write_text("body{font-family:serif}", encoding="utf-8")
    (root / "big.jpg").write_bytes(b"\xff\xd8" + b"\0" * 500_000)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def browser_memory(pid: int) -> tuple[float, float, int]:
    """(PSS MB, RSS MB, process count) summed over the Chromium processes below ``pid``."""
    pss = rss = 0
    count = 0
    for child in _descendants(pid):
        try:
            cmdline = (Path("/proc") / str(child) / "cmdline").read_bytes()
            if b"chrom" not in cmdline.split(b"\0")[0]:
                continue
            for line in (Path("/proc") / str(child) / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1])
            count += 1
        except OSError:
            continue
    return pss / 1024, rss / 1024, count


def kill_browser(pid: int) -> bool:
    """SIGKILL the Chromium main process below ``pid`` (the one Playwright talks to)."""
    for child in _descendants(pid):
        try:
            args = (Path("/proc") / str(child) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"chrom" in args[0] and b"--remote-debugging-pipe" in args:
            os.kill(child, signal.SIGKILL)
            return True
    return False


def run_crawl(
    urls: list[str], render: str, workdir: Path, max_pages: int, kill_after: int = 0
) -> dict[str, Any]:
    """One ``scrapy crawl article`` process; its stats and memory samples."""
    urls_file = workdir / f"urls-{render}.txt"
    urls_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
    feed, stats_file = workdir / f"{render}.jsonl", workdir / f"{render}-stats.json"
    settings = {
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "NEWSBOT_DEDUPE_ENABLED": False,
        "NEWSBOT_STATE_BACKEND": "memory",
        "NEWSBOT_RENDER_MAX_PAGES": max_pages,
        "NEWSBOT_RENDER_PAGE_TIMEOUT": 15,
        "LOG_LEVEL": "INFO",
        "STATS_CLASS": "bench_crawl.JsonStats",
        "BENCH_STATS_FILE": str(stats_file),
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-O", f"{feed}:jsonl"]
    cmd += ["-a", f"urls_file={urls_file}", "-a", f"render={render}", "-a", "related_depth=0"]
    for name, value in settings.items():
        cmd += ["-s", f"{name}={value}"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), str(REPO)])}
    log = (workdir / f"{render}.log").open("w")
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    marks = [max(1, len(urls) * q // 4 - (q == 4)) for q in (1, 2, 3, 4)]  # last: before close
    samples: list[tuple[int, float, float, int]] = []
    while proc.poll() is None:
        done = feed.read_bytes().count(b"\n") if feed.exists() else 0
        if kill_after and done >= kill_after and render == "always":
            kill_after = 0 if kill_browser(proc.pid) else kill_after
        if marks and done >= marks[0]:
            samples.append((done, *browser_memory(proc.pid)))
            marks.pop(0)
        time.sleep(0.05)
    log.close()
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return {"returncode": proc.returncode, "stats": stats, "samples": samples}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--max-pages", type=int, default=4, help="NEWSBOT_RENDER_MAX_PAGES")
    parser.add_argument("--kill-browser-after", type=int, default=0, metavar="N")
    opts = parser.parse_args(argv)
    from newsbot.demo.server import start_server
    from newsbot.render.browser import find_browser

    if find_browser() is None:
        print("no Chromium (apt-get install chromium): nothing to measure")
        return 1
    with tempfile.TemporaryDirectory(prefix="newsbot-bench-render-") as tmp:
        root = Path(tmp) / "site"
        build_site(root, opts.pages)
        server, base = start_server(root)
        try:
            results = {}
            for variant, render in (("js", "always"), ("static", "never")):
                urls = [f"{base}/{variant}/a{i:04d}.html" for i in range(opts.pages)]
                kill = opts.kill_browser_after
                results[render] = run_crawl(urls, render, Path(tmp), opts.max_pages, kill)
        finally:
            server.shutdown()
            server.server_close()
    print(f"{opts.pages} article pages, 127.0.0.1, full pipeline, {opts.max_pages} browser pages")
    for render, label in (("always", "rendered (Chromium)"), ("never", "static (HTTP)")):
        res = results[render]
        stats = res["stats"]
        items = int(stats.get("item_scraped_count", 0))
        elapsed = float(stats.get("elapsed_time_seconds", 0) or 0)
        rate = items / elapsed if elapsed else 0.0
        print(
            f"  {label:20s} {items:4d} items in {elapsed:6.1f} s: {rate:6.1f} pages/s, "
            f"{elapsed / max(items, 1):.3f} s/page (exit {res['returncode']})"
        )
        if render == "always":
            failed = stats.get("newsbot/generic/render/render_failed", 0)
            aborted = stats.get("playwright/request_count/aborted", 0)
            launches = stats.get("playwright/browser_count", 0)
            print(
                f"    render_failed={failed}, browser launches={launches}, "
                f"browser requests aborted (image/font/media)={aborted}"
            )
            for done, pss, rss, count in res["samples"]:
                print(
                    f"    after {done:4d} pages: browser PSS {pss:6.1f} MB "
                    f"(RSS sum {rss:6.1f} MB, {count} processes)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
