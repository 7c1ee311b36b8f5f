"""The cyclic garbage collector is paused while a page is extracted, and only then."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsbot.extract import extract_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


@contextmanager
def _collections() -> Iterator[list[int]]:
    """Generations of the collections that ran (``gc.callbacks``), with a low threshold that
    would make several run during any page's extraction."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    saved = gc.get_threshold()
    gc.set_threshold(50, *saved[1:])
    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*saved)


def _page() -> tuple[bytes, str]:
    path = max(PAGES.glob("*.html"), key=lambda p: p.stat().st_size)  # the longest page
    return path.read_bytes(), f"https://www.example.com/{path.stem}"


def test_no_collection_runs_during_extraction_and_gc_is_on_after() -> None:
    html, url = _page()
    extract_article(html, url)  # first call: lazy imports and the portal registry load
    with _collections() as collections:
        _extract_once(html, url, collections)


def _extract_once(html: bytes, url: str, collections: list[int]) -> None:
    assert gc.isenabled()
    record = extract_article(html, url)
    assert record.get("title")
    extract_phase = len(collections)
    assert gc.isenabled()
    junk = [[i] for i in range(500)]  # the collector runs again once the page is done
    del junk
    assert len(collections) > extract_phase
    # extract_article itself (response and dict building around the extraction) allocates
    # little: the page's own readers triggered none of these collections
    assert extract_phase <= 2, collections


def test_a_caller_that_paused_the_collector_keeps_it_paused() -> None:
    html, url = _page()
    gc.disable()
    try:
        extract_article(html, url)
        assert not gc.isenabled()
    finally:
        gc.enable()
