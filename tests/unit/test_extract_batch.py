"""``scrapy extract --batch LIST --jobs N`` run as a user would: same bytes as ``--jobs 1``, in
list order, bad entries counted in place, a killed worker replaced, Ctrl-C stopping everything."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from w3lib.url import safe_url_string

REPO = Path(__file__).resolve().parents[2]
GENERIC = REPO / "tests" / "fixtures" / "pages" / "generic"
NOW = "2024-06-01T12:00:00Z"


def fixture_pages() -> list[tuple[Path, str]]:
    """The generic fixture pages with the URL each was saved from (from its .json)."""
    pages = sorted(GENERIC.glob("*.html"))
    return [(p, json.loads(p.with_suffix(".json").read_text("utf-8"))["url"]) for p in pages]


def write_list(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def entry(page: Path, url: str, portal: str = "") -> bytes:
    return "\t".join(filter(None, (str(page), url, portal))).encode()


def scrapy_extract(*args: str, **popen: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [sys.executable, "-m", "scrapy", "extract", *args]
    popen = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen}
    return subprocess.Popen(cmd, cwd=REPO, env=env, **popen)  # type: ignore[call-overload,no-any-return]


def run(*args: str) -> tuple[int, bytes, str]:
    proc = scrapy_extract(*args)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err.decode()


def urls_of(stdout: bytes) -> list[str]:
    return [json.loads(line)["fetched_url"] for line in stdout.splitlines()]


def streamed(tmp_path: Path, *args: str, **popen: object) -> tuple[subprocess.Popen[bytes], Path]:
    """A running ``scrapy extract`` whose stdout is read as it comes, stderr to a file."""
    err = tmp_path / "stderr.txt"
    with err.open("wb") as fh:
        return scrapy_extract(*args, stderr=fh, **popen), err


def test_jobs_2_gives_the_bytes_of_jobs_1_with_bad_entries_in_place(tmp_path: Path) -> None:
    pages = fixture_pages()[:12]
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\0" * 64)
    bad = {
        3: b"missing.html\thttps://example.com/a/1",
        5: str(tmp_path).encode() + b"\thttps://example.com/a/2",  # a directory
        7: b"logo.png\thttps://example.com/a/3",
        9: "صفحة.html\thttps://example.com/a/4".encode("windows-1256"),  # not UTF-8
        11: b"only-one-column.html",
        13: entry(*pages[0], portal="no-such-portal"),
    }
    lines = [entry(*page) for page in pages]
    for at in sorted(bad):
        lines.insert(at, bad[at])
    tsv = write_list(tmp_path / "list.tsv", lines)

    code1, out1, err1 = run("--batch", str(tsv), "--jobs", "1", "--now", NOW)
    code2, out2, err2 = run("--batch", str(tsv), "--jobs", "2", "--now", NOW)

    assert out2 == out1
    assert urls_of(out1) == [safe_url_string(url) for _, url in pages]
    errors1, errors2 = err1.splitlines()[:-1], err2.splitlines()[:-1]
    assert errors2 == errors1
    assert [line.split(":")[2] for line in errors1] == [str(at + 1) for at in sorted(bad)]
    for text in ("no such file", "is a directory", "not an HTML page", "not UTF-8",
                 "expected 'path<TAB>url", "unknown portal 'no-such-portal'"):  # fmt: skip
        assert sum(text in line for line in errors1) == 1, text
    assert code1 == code2 == 1
    counts = "18 entries, 12 records, 6 errors (bad_line 2, directory 1, missing 1, not_html 1, "
    assert f"{counts}unknown_portal 1)" in err2.splitlines()[-1]
    assert "2 jobs" in err2.splitlines()[-1] and "Traceback" not in err1 + err2
    assert all(
        json.loads(line)["crawled_at"] == "2024-06-01T12:00:00+00:00" for line in out2.splitlines()
    )


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(n) for n in (task / "children").read_text().split()]
    return found


def _big_list(tmp_path: Path, repeat: int) -> tuple[Path, list[str]]:
    pages = fixture_pages()
    lines = [entry(*page) for page in pages] * repeat
    return write_list(tmp_path / "big.tsv", lines), [safe_url_string(u) for _, u in pages] * repeat


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_worker_is_replaced_and_its_pages_extracted_again(tmp_path: Path) -> None:
    copies = 10  # long enough that the kill lands mid-batch
    tsv, urls = _big_list(tmp_path, copies)
    proc, err_file = streamed(tmp_path, "--batch", str(tsv), "--jobs", "2", "--now", NOW)
    assert proc.stdout is not None
    head = [proc.stdout.readline() for _ in range(20)]  # the pool is working
    workers = _children(proc.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    lines = [*head, *proc.stdout.read().splitlines(keepends=True)]
    err = err_file.read_text("utf-8")
    assert proc.wait(timeout=120) == 0, err
    assert "worker processes died 1 time" in err
    assert urls_of(b"".join(lines)) == urls  # nothing lost, nothing repeated, in order
    per_page = len(urls) // copies
    assert all(line == lines[n % per_page] for n, line in enumerate(lines))  # same bytes


def test_ctrl_c_stops_the_workers_and_exits_130(tmp_path: Path) -> None:
    tsv, urls = _big_list(tmp_path, 20)  # seconds of work, so Ctrl-C lands mid-batch
    proc, err_file = streamed(
        tmp_path,
        *("--batch", str(tsv), "--jobs", "2"),
        start_new_session=True,
        # As from a terminal, even when this suite runs as a background job (`... &` in a
        # script), whose commands inherit an ignored SIGINT.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    out = proc.stdout.read()
    assert proc.wait(timeout=30) == 130
    text = err_file.read_text("utf-8")
    assert "interrupted" in text and "Traceback" not in text
    assert f"{tsv}: " in text and "records" in text  # the summary of what was done
    assert len(out.splitlines()) + 1 < len(urls)
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):  # no worker left behind
        os.killpg(proc.pid, 0)
