"""scripts.capture_fixture (against a local HTTP server) and scripts.gen_portals_table."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsbot.portals import all_portals
from scripts import capture_fixture, gen_portals_table

PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وزير الري يفتتح محطة جديدة - اليوم السابع</title>
<meta property="og:title" content="وزير الري يفتتح محطة جديدة - اليوم السابع">
<meta property="article:published_time" content="2024-05-13T06:00:00Z">
<meta name="keywords" content="وزير الري,محطات المياه">
</head><body>
<article><div class="articleHeader">
<div class="breadcumb"><a href="/">الرئيسية</a><a href="/Section/x-97/1">تقارير مصرية</a></div>
<h1>وزير الري يفتتح محطة جديدة</h1>
<span class="newsStoryDate">الإثنين، 13 مايو 2024 06:00 ص</span></div>
<div class="articleCont"><span class="writeBy">كتب محمد علي</span>
<div id="articleBody">
<p>افتتح وزير الموارد المائية والري اليوم محطة جديدة لمعالجة المياه في محافظة الفيوم بتكلفة كبيرة.</p>
<p>وقال الوزير إن المحطة تخدم أكثر من مائة ألف مواطن في القرى المجاورة وتعمل بالطاقة الشمسية.</p>
<p>وأضاف أن الوزارة تعمل على تنفيذ عشر محطات أخرى خلال العام المقبل في محافظات الصعيد.</p>
</div></div></article></body></html>
""".encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/story/"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_capture_fixture_fetches_saves_and_drafts(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{server}/story/2024/5/13/وزير-الري/6573469"
    assert capture_fixture.main(["youm7", url, "--out", str(tmp_path)]) == 0
    assert capture_fixture.main(["youm7", url, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert "not on youm7's domains" in out.err  # a local mirror is not youm7.com
    folder = tmp_path / "eg" / "youm7"
    pages = sorted(folder.glob("*.html.gz"))
    assert [p.name.split("_")[1] for p in pages] == ["1.html.gz", "2.html.gz"]
    assert gzip.decompress(pages[0].read_bytes()) == PAGE
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    stem = pages[0].name.removesuffix(".html.gz")
    assert meta[stem]["url"] == url
    assert meta[stem]["layout"] == "V1"
    assert meta[stem]["crawled_at"].endswith("+00:00")
    raw = (folder / "expected.json").read_text(encoding="utf-8")
    assert "وزير الري يفتتح محطة جديدة" in raw  # ensure_ascii=False: reviewable
    expected = json.loads(raw)[stem]
    assert list(expected) == sorted(expected)
    assert all(v not in (None, "", [], {}) for v in expected.values())
    assert "crawled_at" not in expected
    assert expected["title"] == "وزير الري يفتتح محطة جديدة"
    assert expected["portal"] == "youm7"


def test_capture_fixture_from_file_without_network(tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_bytes(PAGE)
    url = "https://www.youm7.com/story/2024/5/13/x/6573469"
    args = ["youm7", url, "--from-file", str(saved), "--out", str(tmp_path / "fx")]
    assert capture_fixture.main(args) == 0
    meta = json.loads((tmp_path / "fx" / "eg" / "youm7" / "meta.json").read_text())
    assert [m["url"] for m in meta.values()] == [url]


def test_capture_fixture_reports_http_errors(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert capture_fixture.main(["youm7", f"{server}/missing", "--out", str(tmp_path)]) == 1
    assert "404" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.html.gz"))


def test_capture_fixture_rejects_unknown_slug(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        capture_fixture.main(["nope", "https://example.com/"])
    assert "unknown portal 'nope'" in capsys.readouterr().err


def test_draft_expected_drops_empty_and_volatile_values() -> None:
    record = {"title": "عنوان", "tags": [], "body": "", "crawled_at": "2024", "authors": ["علي"]}
    assert capture_fixture.draft_expected(record) == {"authors": ["علي"], "title": "عنوان"}


def test_portals_table_has_one_row_per_portal() -> None:
    table = gen_portals_table.render_table()
    rows = table.strip().splitlines()[2:]
    assert len(rows) == len(all_portals())
    youm7 = next(r for r in rows if r.startswith("| `youm7` |"))
    assert "اليوم السابع" in youm7 and "Africa/Cairo" in youm7 and "rss ×2" in youm7


def test_portals_table_check_and_write(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    start, end = gen_portals_table.START, gen_portals_table.END
    readme.write_text(f"# x\n\n{start}\n| stale |\n{end}\n\nmore\n", encoding="utf-8")
    assert gen_portals_table.main(["--check", "--readme", str(readme)]) == 1
    assert gen_portals_table.main(["--write", "--readme", str(readme)]) == 0
    assert gen_portals_table.main(["--check", "--readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# x\n\n") and text.endswith(f"{end}\n\nmore\n")
    assert "| stale |" not in text
    readme.write_text("# no markers\n", encoding="utf-8")
    assert gen_portals_table.main(["--check", "--readme", str(readme)]) == 2
