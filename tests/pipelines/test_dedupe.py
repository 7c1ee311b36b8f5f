"""DedupePipeline decisions, item by item, in a fixed order (the e2e tests cover the wiring)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from stories import GOLD, NIGER, WATER, spelling_variant

from newsbot.items import Article
from newsbot.pipelines.dedupe import DedupePipeline


def _pipeline(tmp_path: Path, **settings: Any) -> DedupePipeline:
    crawler = get_crawler(settings_dict={"NEWSBOT_STATE_DIR": str(tmp_path / "state"), **settings})
    crawler.stats.open_spider()
    pipeline = DedupePipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def _article(url: str, story: tuple[str, list[str]], portal: str = "a", **kw: Any) -> Article:
    title, paragraphs = story
    return Article(url=url, portal=portal, title=title, body="\n\n".join(paragraphs), **kw)


def _emit(pipeline: DedupePipeline, item: Article) -> Article:
    out = pipeline.process_item(item)
    pipeline.item_scraped(out)  # what Scrapy does once the feed line is written
    return out


@pytest.mark.parametrize(
    ("action", "same_portal", "outcome"),
    [
        ("auto", True, "drop"),
        ("auto", False, "link"),
        ("drop", False, "drop"),
        ("link", True, "link"),
    ],
)
def test_exact_duplicate_actions(
    tmp_path: Path, action: str, same_portal: bool, outcome: str
) -> None:
    pipeline = _pipeline(tmp_path, NEWSBOT_EXACTDUP_ACTION=action)
    _emit(pipeline, _article("https://a.example/1", WATER))
    copy = _article("https://b.example/9", WATER, portal="a" if same_portal else "b")
    if outcome == "drop":
        with pytest.raises(DropItem, match=re.escape("exact duplicate of https://a.example/1")):
            pipeline.process_item(copy)
    else:
        assert _emit(pipeline, copy).duplicate_of == "https://a.example/1"


def test_near_duplicate_flag_or_drop(tmp_path: Path) -> None:
    variant = (NIGER[0], spelling_variant(NIGER[1]))
    flag = _pipeline(tmp_path / "flag")
    _emit(flag, _article("https://a.example/1", NIGER))
    assert _emit(flag, _article("https://b.example/2", variant, "b")).duplicate_of == (
        "https://a.example/1"
    )
    drop = _pipeline(tmp_path / "drop", NEWSBOT_NEARDUP_ACTION="drop")
    _emit(drop, _article("https://a.example/1", NIGER))
    with pytest.raises(DropItem, match="near duplicate"):
        drop.process_item(_article("https://b.example/2", variant, "b"))
    assert drop.stats.get_value("newsbot/b/dropped/duplicate_near") == 1


def test_a_chain_points_at_the_first_record(tmp_path: Path) -> None:
    pipeline = _pipeline(tmp_path, NEWSBOT_EXACTDUP_ACTION="link")
    _emit(pipeline, _article("https://a.example/1", GOLD))
    _emit(pipeline, _article("https://b.example/2", GOLD, "b"))
    third = _emit(pipeline, _article("https://c.example/3", GOLD, "c"))
    assert third.duplicate_of == "https://a.example/1"


def test_across_runs_url_update_and_fresh(tmp_path: Path) -> None:
    first = _pipeline(tmp_path)
    _emit(first, _article("https://a.example/1", WATER, modified="2024-03-01T10:00:00+02:00"))
    first.state.close()

    second = _pipeline(tmp_path)
    with pytest.raises(DropItem, match="seen in an earlier crawl"):
        second.process_item(_article("https://www.a.example/1/?utm_source=x", WATER))
    newer = _article("https://a.example/1", WATER, modified="2024-03-02T10:00:00+02:00")
    assert _emit(second, newer).version == 2
    second.state.close()

    fresh = _pipeline(tmp_path, NEWSBOT_FRESH=True)
    again = _emit(fresh, _article("https://a.example/1", WATER))
    assert (again.version, again.duplicate_of) == (2, None)
    assert fresh.stats.get_value("newsbot/a/dedup/url") is None


@pytest.mark.parametrize("fresh", [False, True])
def test_records_past_the_run_window_are_found_in_the_seen_store(
    tmp_path: Path, fresh: bool
) -> None:
    pipeline = _pipeline(tmp_path, NEWSBOT_DEDUPE_RUN_WINDOW=1, NEWSBOT_FRESH=fresh)
    _emit(pipeline, _article("https://a.example/1", WATER))
    _emit(pipeline, _article("https://a.example/2", NIGER))
    _emit(pipeline, _article("https://a.example/3", GOLD))
    assert len(pipeline.run) == 1  # WATER and NIGER are only in the seen-store now
    with pytest.raises(DropItem, match="duplicate url in this crawl"):
        pipeline.process_item(_article("https://www.a.example/1/?utm_source=x", WATER))
    with pytest.raises(DropItem, match=re.escape("exact duplicate of https://a.example/1")):
        pipeline.process_item(_article("https://a.example/9", WATER))
    variant = (NIGER[0], spelling_variant(NIGER[1]))
    near = _emit(pipeline, _article("https://b.example/2", variant, "b"))
    assert near.duplicate_of == "https://a.example/2"
    assert pipeline.stats.get_value("newsbot/a/dedup/url") == 1
