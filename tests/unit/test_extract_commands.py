"""`scrapy extract` (single and batch) and the `scrapy shell` helpers, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "fixtures" / "pages"
SEED_URL = "https://www.khabarna.net/world/4417902"
YOUM7_URL = (
    "https://www.youm7.com/story/2024/5/19/محافظ-الجيزة-يتفقد-أعمال-تطوير-ميدان-الرماية/6576100"
)


def scrapy(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_extract_one_file_prints_one_utf8_json_line() -> None:
    run = scrapy("extract", str(PAGES / "seed_aggregator.html"), "--url", SEED_URL)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 1
    assert "العربية" in lines[0]  # not \\u escapes
    record = json.loads(lines[0])
    assert record["title"] == "وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا"
    assert record["published"] == "2023-09-16"


def test_extract_with_portal_option() -> None:
    run = scrapy(
        "extract", str(PAGES / "youm7_story.html"), "--url", YOUM7_URL, "--portal", "youm7"
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["portal"] == "youm7"


def test_batch(tmp_path: Path) -> None:
    tsv = tmp_path / "list.tsv"
    tsv.write_text(
        f"{PAGES / 'seed_aggregator.html'}\t{SEED_URL}\n"
        f"# a comment\n"
        f"{PAGES / 'youm7_story.html'}\t{YOUM7_URL}\tyoum7\n",
        encoding="utf-8",
    )
    run = scrapy("extract", "--batch", str(tsv))
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["portal"] for r in records] == [None, "youm7"]


def test_batch_with_a_missing_file_reports_it_and_goes_on(tmp_path: Path) -> None:
    tsv = tmp_path / "list.tsv"
    tsv.write_text(
        f"missing.html\thttps://x.example/a\n{PAGES / 'seed_aggregator.html'}\t{SEED_URL}\n",
        encoding="utf-8",
    )
    run = scrapy("extract", "--batch", str(tsv))
    assert run.returncode == 1
    assert len(run.stdout.splitlines()) == 1
    assert "missing.html: no such file" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "nope.html", "no such file"),
        (lambda d: d, "is a directory"),
        (
            lambda d: (
                (d / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") and d / "x.png"
            ),
            "not an HTML page",
        ),
        (
            lambda d: (d / "notes.txt").write_text("hello " * 2000) and d / "notes.txt",
            "not an HTML page",
        ),
    ],
    ids=["missing", "directory", "binary", "plain-text"],
)
def test_bad_files_are_a_clear_error(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    run = scrapy("extract", str(path), "--url", "https://example.com/a/1")
    assert run.returncode == 1
    assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


def test_unknown_portal_is_a_clear_error() -> None:
    run = scrapy(
        "extract", str(PAGES / "seed_aggregator.html"), "--url", SEED_URL, "--portal", "nope"
    )
    assert run.returncode == 1
    assert "unknown portal 'nope'" in run.stderr
    assert "Traceback" not in run.stderr


def test_missing_url_is_a_usage_error() -> None:
    run = scrapy("extract", str(PAGES / "seed_aggregator.html"))
    assert run.returncode == 2
    assert "--url" in run.stderr


def test_shell_offers_extract_parse_date_parse_byline_and_portal() -> None:
    from scrapy.http import HtmlResponse

    from newsbot.commands.shell import Command

    body = (PAGES / "youm7_story.html").read_bytes()
    response = HtmlResponse(YOUM7_URL, body=body)
    shell_vars: dict[str, object] = {"response": response}
    Command().update_vars(shell_vars)
    assert shell_vars["portal"].slug == "youm7"  # type: ignore[attr-defined]
    article = shell_vars["extract"](response)  # type: ignore[operator]
    assert article["authors"] == ["محمد أسعد"]
    assert shell_vars["parse_byline"]("كتب محمد أسعد")["authors"] == ["محمد أسعد"]  # type: ignore[operator]
    assert shell_vars["parse_date"]("2024-05-19T10:30:00+03:00").year == 2024  # type: ignore[operator]


def test_shell_command_is_the_project_override() -> None:
    run = scrapy("shell", "--help")
    assert run.returncode == 0
    assert "parse_date" in run.stdout


def test_shell_evaluates_extract_on_a_saved_page(tmp_path: Path) -> None:
    code = "(extract(response)['title'], parse_byline('كتبت آية دعبس')['authors'], portal)"
    page = "./tests/fixtures/pages/seed_aggregator.html"
    state = f"NEWSBOT_STATE_DIR={tmp_path}"  # the shell's crawler opens the seen-store
    run = scrapy("shell", page, "-c", code, "--nolog", "-s", state)
    assert run.returncode == 0, run.stderr
    assert (
        run.stdout.strip()
        == "('وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا', ['آية دعبس'], None)"
    )
