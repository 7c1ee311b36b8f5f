"""Crash safety through real ``scrapy crawl`` processes: kill -9, then the same command again.

The kill-9 matrix: {portal, site, article -a urls_file} x {JOBDIR, none} x {SQLite, Redis}, each
crawl SIGKILLed at a seeded random point (``NEWSBOT_CRASH_SEED`` to replay another) and run
again. The union of the (appended) feed must hold every article of the site exactly once, every
line must parse, and the seen-store must not hold an article that is not in the feed. All
cells share one site and one server and run at once (``crashrun.kill_and_resume``).
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from crashrun import SPIDERS, Cell, Outcome, kill_and_resume
from crashsite import build_site

from newsbot.demo.server import start_server

pytestmark = pytest.mark.e2e

SEED = int(os.environ.get("NEWSBOT_CRASH_SEED", "20261204"))
PAGES = 60
CELLS = [Cell(s, j, b) for s in SPIDERS for j in (True, False) for b in ("sqlite", "redis")]


@pytest.fixture(scope="module")
def crash_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("crash-site") / "site"
    root.mkdir()
    info = build_site(root, PAGES)
    server, base = start_server(root)
    try:
        yield {**info, "base": base, "server": server}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def matrix(
    crash_site: dict[str, Any], request: pytest.FixtureRequest, tmp_path_factory
) -> dict[str, Outcome | str]:
    """Every cell killed and resumed (Redis cells: a skip message when redis-server is absent)."""
    why = ""
    try:
        redis_url: str | None = request.getfixturevalue("redis_url")
    except pytest.skip.Exception as exc:
        redis_url, why = None, str(exc)
    cells = [c for c in CELLS if redis_url or c.backend != "redis"]
    rng = random.Random(SEED)
    kill_at = {c.name: rng.randint(1, len(crash_site["listed"]) * 2 // 3) for c in CELLS}
    out: dict[str, Outcome | str] = dict(
        kill_and_resume(
            cells,
            kill_at,
            crash_site,
            crash_site["base"],
            tmp_path_factory.mktemp("kill9"),
            redis_url,
        )
    )
    for cell in CELLS:
        out.setdefault(cell.name, why)
    return out


@pytest.mark.parametrize("cell", CELLS, ids=lambda c: c.name)
def test_kill9_then_same_command_emits_every_article_once(
    cell: Cell, matrix: dict[str, Outcome | str], crash_site: dict[str, Any]
) -> None:
    outcome = matrix[cell.name]
    if isinstance(outcome, str):
        pytest.skip(outcome)
    where = f"{cell.name} (NEWSBOT_CRASH_SEED={SEED})"
    assert outcome.killed_rc == -9, f"{where}: the crawl ended before the kill"
    assert 0 < outcome.killed_lines < PAGES, where
    assert outcome.resumed_rc == 0, f"{where}:\n{outcome.log[-3000:]}"
    repeated = {u: n for u, n in Counter(outcome.urls).items() if n > 1}
    assert repeated == {}, f"{where}: emitted twice"
    missing = set(crash_site["all"]) - set(outcome.urls)
    assert missing == set(), f"{where}: lost"
    assert len(outcome.urls) == PAGES
    # the store never claims an article that is not in the feed (and knows every one)
    assert outcome.store == set(outcome.urls), where
    if cell.jobdir:
        assert "did not close cleanly" in outcome.log, where
