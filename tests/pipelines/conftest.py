"""Fixtures for the pipeline/state tests: a real redis-server, a tiny test site, crawl helpers.

``redis_url`` starts ``redis-server`` on 127.0.0.1 (a free port, no persistence) once per session
and stops it by PID; tests that need it are skipped with a message when the binary is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# One crawl helper for every e2e test (tests/e2e/crawlutil.py, _statsdump.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a private redis-server for this test session (db 0, flushed by each test)."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server not installed (apt-get install redis-server): Redis tests skipped"
        if os.environ.get("NEWSBOT_REQUIRE_SERVICES") == "1":
            pytest.fail(message.replace("skipped", "required (NEWSBOT_REQUIRE_SERVICES=1)"))
        pytest.skip(message)
    import redis

    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir), "--daemonize", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"redis-server did not start on port {port}")
            time.sleep(0.05)
    client.close()
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def redis_clean(redis_url: str) -> Iterator[str]:
    """``redis_url`` with an empty database."""
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    client.close()
    yield redis_url


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """An empty directory for a test's pages."""
    root = tmp_path / "site"
    root.mkdir()
    return root
