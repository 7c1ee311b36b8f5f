"""Fixtures for the realworld comparison: third-party pages read from ../shared/realworld.

The folder is ``NEWSBOT_REALWORLD_DIR`` or ``<repo>/../shared/realworld``; it is never copied
into the repository. Without it every realworld test is skipped with a message.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsbot.quality import realworld_dir

RW = realworld_dir()


def page_ids() -> list[str]:
    """Ids of the expected files, or one placeholder when the folder is absent."""
    exp = RW / "expected"
    if not exp.is_dir():
        return ["(realworld folder absent)"]
    return sorted(p.stem for p in exp.glob("*.json"))


@cache
def load(page_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(record extracted by newsbot, expected JSON) of one page."""
    from newsbot.extract import extract_article

    expected = json.loads((RW / "expected" / f"{page_id}.json").read_text(encoding="utf-8"))
    html = (RW / "pages" / f"{page_id}.html").read_bytes()
    return extract_article(html, expected["url"]), expected


@pytest.fixture
def realworld_page(request: pytest.FixtureRequest) -> Path:
    if not (RW / "expected").is_dir():
        pytest.skip(f"realworld pages not found at {RW} (set NEWSBOT_REALWORLD_DIR)")
    return RW
