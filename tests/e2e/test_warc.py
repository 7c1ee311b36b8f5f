"""WARC in and out: ``scrapy extract --warc``, the ``ccnews`` spider, ``NEWSBOT_WARC_DIR``.

WARC files are written here with warcio (our own pages: a windows-1256 page whose charset is
only in the HTTP header, a gzip + chunked payload, a non-HTML record, a 404, a revisit record, an
English article on an Arabic portal's host, an Arabic page off the portals, and a truncated
file), laid out as a CC-NEWS tree with a ``warc.paths.gz`` listing and served by a local server
with ``Range`` support.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crawlutil import REPO, crawl_items, scrapy_command, subprocess_env
from warcgen import WarcBuilder, article_page, start_range_server

pytestmark = pytest.mark.e2e

MONTH_DIR = "crawl-data/CC-NEWS/2024/01"
YOUM7 = "https://www.youm7.com/story/2024/1/15"
ARABIC_TITLES = {
    "ar-utf8": "الحكومة تعلن خطة جديدة لدعم المزارعين في الصعيد",
    "ar-cp1256": "افتتاح مستشفى جديد في الإسكندرية بتكلفة كبيرة",
    "ar-gzip": "البرلمان يناقش قانون الاستثمار الجديد في جلسة طارئة",
    "ar-before-damage": "المنتخب يستعد لمباراة حاسمة في البطولة العربية",
}
OFF_PORTAL_TITLE = "مؤتمر دولي للطاقة المتجددة في العاصمة"
ENGLISH_TITLE = "Government announces a new plan for farmers"


def _write_tree(root: Path) -> dict[str, Any]:
    month = root / MONTH_DIR
    month.mkdir(parents=True)
    first = month / "CC-NEWS-20240115100000-00001.warc.gz"
    with first.open("wb") as fh:
        warc = WarcBuilder(fh)
        warc.response(f"{YOUM7}/ar-utf8/1001", article_page(ARABIC_TITLES["ar-utf8"], 1))
        cp = article_page(ARABIC_TITLES["ar-cp1256"], 2, charset=None).encode("windows-1256")
        warc.response(f"{YOUM7}/ar-cp/1002", cp, content_type="text/html; charset=windows-1256")
        warc.gzip_chunked(f"{YOUM7}/ar-gz/1003", article_page(ARABIC_TITLES["ar-gzip"], 3))
        warc.response("https://www.youm7.com/images/1.jpg", b"\xff\xd8\xff" + b"\0" * 500,
                      content_type="image/jpeg")  # fmt: skip
        warc.response(f"{YOUM7}/gone/1009", "<html><body>not found</body></html>", status=404)
        warc.revisit(f"{YOUM7}/ar-utf8/1001")
        warc.metadata(f"{YOUM7}/ar-utf8/1001")
        warc.response(
            "https://www.youm7.com/en/story/2024/1/15/english/1004",
            article_page(ENGLISH_TITLE, 4, lang="en"),
        )
        warc.response("https://www.example-news.org/2024/01/15/energy",
                      article_page(OFF_PORTAL_TITLE, 5))  # fmt: skip
    second = month / "CC-NEWS-20240115110000-00002.warc.gz"
    with second.open("wb") as fh:
        warc = WarcBuilder(fh, date="2024-01-15T11:00:00Z")
        warc.response(f"{YOUM7}/ar-ok/1005", article_page(ARABIC_TITLES["ar-before-damage"], 6))
        cut_at = fh.tell()
        warc.response(f"{YOUM7}/ar-cut/1006", article_page("خبر لن يصل كاملا", 7))
    data = second.read_bytes()
    second.write_bytes(data[: cut_at + (len(data) - cut_at) // 2])  # truncated mid-record
    paths = [str(p.relative_to(root)) for p in (first, second)]
    (month / "warc.paths.gz").write_bytes(gzip.compress("\n".join(paths).encode() + b"\n"))
    return {"first": first, "second": second, "paths": paths}


@pytest.fixture(scope="module")
def cc_tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("ccnews")
    info = _write_tree(root)
    server, base = start_range_server(root)
    try:
        yield {**info, "root": root, "base": base, "listing": f"{base}/{MONTH_DIR}/warc.paths.gz"}
    finally:
        server.shutdown()
        server.server_close()


def run_extract(*sources: str | Path, jobs: int = 1) -> subprocess.CompletedProcess[str]:
    args: list[str] = ["--jobs", str(jobs)] if jobs != 1 else []
    for source in sources:
        args += ["--warc", str(source)]
    return subprocess.run(
        scrapy_command("extract", *args), cwd=REPO, env=subprocess_env(),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def _lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


# -- scrapy extract --warc -------------------------------------------------------------------


def test_extract_warc_prints_the_articles_and_counts_the_rest(cc_tree: dict[str, Any]) -> None:
    proc = run_extract(cc_tree["first"])
    assert proc.returncode == 0, proc.stderr
    records = {r["title"]: r for r in _lines(proc.stdout)}
    expected = {ARABIC_TITLES[k] for k in ("ar-utf8", "ar-cp1256", "ar-gzip")}
    assert set(records) == expected | {ENGLISH_TITLE, OFF_PORTAL_TITLE}
    cp = records[ARABIC_TITLES["ar-cp1256"]]
    assert cp["fetched_url"] == f"{YOUM7}/ar-cp/1002"
    assert cp["portal"] == "youm7"
    assert cp["crawled_at"] == "2024-01-15T10:00:00+00:00"
    assert cp["title"] == ARABIC_TITLES["ar-cp1256"]  # decoded as windows-1256
    assert cp["body"] and "\ufffd" not in cp["body"] and cp["language"] == "ar"
    assert records[ARABIC_TITLES["ar-gzip"]]["body"].count("\n\n") >= 3
    assert records[OFF_PORTAL_TITLE]["portal"] is None
    summary = proc.stderr.strip().splitlines()[-1]
    for part in ("revisit 1", "status_404 1", "not_html 1", "5 articles"):
        assert part in summary, summary


def test_extract_warc_truncated_gives_the_records_before_and_fails(cc_tree: dict[str, Any]) -> None:
    proc = run_extract(cc_tree["second"], cc_tree["first"])
    assert proc.returncode == 1
    titles = [r["title"] for r in _lines(proc.stdout)]
    assert titles[0] == ARABIC_TITLES["ar-before-damage"]
    assert "خبر لن يصل كاملا" not in titles
    assert len(titles) == 6  # the second file is still read after the damaged one
    assert "damaged at byte" in proc.stderr and "Traceback" not in proc.stderr


def test_extract_warc_reads_a_url_and_reports_a_missing_file(cc_tree: dict[str, Any]) -> None:
    url = f"{cc_tree['base']}/{cc_tree['paths'][0]}"
    proc = run_extract(url, cc_tree["root"] / "missing.warc.gz")
    assert proc.returncode == 1
    assert len(_lines(proc.stdout)) == 5
    assert "missing.warc.gz: no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_extract_warc_with_jobs_gives_the_same_lines_in_warc_order(tmp_path: Path) -> None:
    path = tmp_path / "many.warc.gz"
    titles = [f"{ARABIC_TITLES['ar-utf8']} رقم {n}" for n in range(40)]
    with path.open("wb") as fh:
        warc = WarcBuilder(fh)
        for n, title in enumerate(titles):
            warc.response(f"{YOUM7}/many/{2000 + n}", article_page(title, 10 + n))
            if n % 7 == 0:
                warc.response(f"{YOUM7}/gone/{3000 + n}", "<html>x</html>", status=404)
        cut_at = fh.tell()
        warc.response(f"{YOUM7}/many/cut", article_page("خبر لن يصل كاملا", 99))
    data = path.read_bytes()
    path.write_bytes(data[: cut_at + (len(data) - cut_at) // 2])  # damaged at the end
    serial = run_extract(path)
    parallel = run_extract(path, jobs=2)
    assert [r["title"] for r in _lines(parallel.stdout)] == titles
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr  # the same counts and the same damage message
    assert parallel.returncode == serial.returncode == 1
    assert "40 articles" in parallel.stderr and "status_404 6" in parallel.stderr
    assert "damaged at byte" in parallel.stderr and "Traceback" not in parallel.stderr


# -- scrapy crawl ccnews ---------------------------------------------------------------------

RANGES = {"NEWSBOT_CCNEWS_RANGE_BYTES": 4096, "ROBOTSTXT_OBEY": False}


def test_ccnews_emits_exactly_the_arabic_articles_then_nothing(
    cc_tree: dict[str, Any], tmp_path: Path
) -> None:
    args = {"warc_paths": cc_tree["listing"], "warc_base": cc_tree["base"]}
    first = crawl_items("ccnews", args, RANGES, tmp_path)
    assert {i["title"] for i in first.items} == set(ARABIC_TITLES.values())
    assert first.returncode == 0
    by_title = {i["title"]: i for i in first.items}
    assert by_title[ARABIC_TITLES["ar-before-damage"]]["crawled_at"] == "2024-01-15T11:00:00+00:00"
    assert all(i["portal"] == "youm7" and i["version"] == 1 for i in first.items)
    stats = first.stats
    assert stats["newsbot/warc/files/done"] == 2
    assert stats["newsbot/warc/files/damaged"] == 1
    assert stats["newsbot/warc/ranges"] > 2  # read in ranges, not whole
    assert stats["newsbot/youm7/skipped/language"] == 1
    assert stats["newsbot/warc/skipped/off_domain"] == 1
    assert stats["newsbot/warc/skipped/revisit"] == 1
    assert stats["newsbot/warc/skipped/status_404"] == 1
    assert stats["newsbot/warc/skipped/not_html"] == 1
    assert "Traceback" not in first.log

    second = crawl_items("ccnews", args, RANGES, tmp_path)
    assert second.items == []
    assert second.returncode == 0
    assert "newsbot/warc/ranges" not in second.stats
    assert second.stats["newsbot/warc/incremental/skipped"] == 2
    assert second.report is not None and second.report["status"] == "nothing_new"


def test_ccnews_month_and_all_domains(cc_tree: dict[str, Any], tmp_path: Path) -> None:
    settings = {**RANGES, "NEWSBOT_CCNEWS_BASE_URL": cc_tree["base"]}
    result = crawl_items("ccnews", {"month": "2024-01", "domains": "all"}, settings, tmp_path)
    titles = {i["title"] for i in result.items}
    assert titles == {*ARABIC_TITLES.values(), OFF_PORTAL_TITLE}
    off = next(i for i in result.items if i["title"] == OFF_PORTAL_TITLE)
    assert off["portal"] is None


# -- crawl -> WARC -> extract --warc ---------------------------------------------------------

CONTEXT_FIELDS = ("version", "fingerprint", "duplicate_of", "depth", "via")
"""Set by the crawl (discovery depth) and its pipelines, not by extraction."""


def test_crawl_writes_warc_that_extracts_to_the_same_records(tmp_path: Path) -> None:
    warc_dir = tmp_path / "warc"
    settings = {"NEWSBOT_WARC_DIR": str(warc_dir), "NEWSBOT_WARC_MAX_BYTES": 40_000}
    crawl = crawl_items("demo", {}, settings, tmp_path)
    assert crawl.items
    files = sorted(warc_dir.glob("*.warc.gz"))
    assert len(files) >= 2, "rotated"
    assert not list(warc_dir.glob("*.open"))
    proc = run_extract(*files)
    assert proc.returncode == 0, proc.stderr
    extracted = {r["fetched_url"]: r for r in _lines(proc.stdout)}
    for item in crawl.items:
        again = extracted[item["fetched_url"]]
        for name in CONTEXT_FIELDS:
            item.pop(name, None)
            again.pop(name, None)
        assert again == item
    dropped = sum(v for k, v in crawl.stats.items() if "/dropped/" in k)
    assert len(extracted) == len(crawl.items) + dropped


def test_ccnews_resumes_a_stopped_crawl_with_jobdir(
    cc_tree: dict[str, Any], tmp_path: Path
) -> None:
    args = {"warc_paths": cc_tree["listing"], "warc_base": cc_tree["base"]}
    settings = {**RANGES, "JOBDIR": str(tmp_path / "job"), "NEWSBOT_CCNEWS_RANGE_BYTES": 4096}
    feed = tmp_path / "out.jsonl"
    first = crawl_items(
        "ccnews", args, {**settings, "CLOSESPIDER_ITEMCOUNT": 1}, tmp_path, feed=feed, append=True
    )
    assert first.finish_reason == "closespider_itemcount"
    assert "newsbot/warc/files/done" not in first.stats  # stopped inside the first WARC
    second = crawl_items("ccnews", args, settings, tmp_path, feed=feed, append=True)
    titles = [i["title"] for i in first.items + second.items]
    assert sorted(titles) == sorted(ARABIC_TITLES.values())  # nothing lost, nothing repeated
    assert second.stats["newsbot/warc/files/done"] == 2
