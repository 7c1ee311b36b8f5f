"""The offline demo, README command (1): ``scrapy crawl demo`` serves and crawls the demo site.

Expected values come from newsbot/demo/site/manifest.json (written with the site).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from crawlutil import REPO, CrawlResult, crawl_items

pytestmark = pytest.mark.e2e

MANIFEST = REPO / "newsbot" / "demo" / "site" / "manifest.json"


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    if not MANIFEST.is_file():
        pytest.skip("demo site not built (newsbot/demo/site/manifest.json missing)")
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_crawl(manifest: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    # The README command: no state dir given (per-run store); the spider runs its own server.
    return crawl_items("demo", {}, {"NEWSBOT_STATE_DIR": None}, tmp_path_factory.mktemp("demo"))


def _page(manifest: dict[str, Any], path: str) -> dict[str, Any]:
    return next(p for p in manifest["pages"] if p["path"] == path)


def test_demo_emits_the_articles_and_no_non_article(demo_crawl, manifest):
    got = set(demo_crawl.by_url())  # fetched and canonical URLs
    chain = manifest["related_chains"][0]
    beyond_depth_1 = {manifest["base_url"] + c[2] for c in manifest["related_chains"]}
    articles = {p["url"] for p in manifest["pages"] if p["kind"] == "article"}
    assert articles - beyond_depth_1 <= got
    assert manifest["base_url"] + chain[2] not in got  # depth 2: not followed by default
    non_articles = {p["url"] for p in manifest["pages"] if p["kind"] == "non-article"}
    assert not got & non_articles
    assert all(item["portal"] == "demo" for item in demo_crawl.items)
    assert demo_crawl.stat("demo", "articles") >= len(demo_crawl.items)  # pipelines may drop
    assert demo_crawl.finish_reason == "finished"


def test_demo_uses_every_source_kind(demo_crawl):
    for kind in ("rss", "news_sitemap", "sitemap", "listing"):
        assert demo_crawl.stat("demo", f"discovery/requests/{kind}") >= 1, kind
    assert demo_crawl.stat("demo", "discovery/requests/listing") == 4  # 2 sections x 2 pages
    assert demo_crawl.stats.get("robotstxt/forbidden", 0) >= 1


def test_seed_article_fields(demo_crawl, manifest):
    seed_page = _page(manifest, manifest["seed"])
    items = demo_crawl.by_url()
    seed = items[seed_page["url"]]
    assert (
        seed["title"] == seed_page["title"] == "وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا"
    )
    assert seed["published"].startswith("2023-09-16")
    body = seed["body"]
    assert body.startswith(seed_page["body_paragraphs"][0])
    assert "مادة اعلانية" not in body
    for excluded in seed_page["body_excludes"]:
        assert excluded not in body, excluded
    assert seed["credited_source"] == "العربية"
    assert seed["tags"] == seed_page["tags"]
    assert seed["similar_titles"] == seed_page["similar_titles"]
    assert seed["depth"] == 0 and seed["via"] is None
    assad_url = manifest["base_url"] + seed_page["related"][0]
    assert [r["url"] for r in seed["related"]] == [assad_url]


def test_related_assad_article_is_crawled_at_depth_1(demo_crawl, manifest):
    seed_url = manifest["base_url"] + manifest["seed"]
    chain = manifest["related_chains"][0]
    assad = demo_crawl.by_url()[manifest["base_url"] + chain[1]]
    assert assad["title"] == _page(manifest, chain[1])["title"]
    assert "الأسد" in assad["title"]
    assert assad["depth"] == 1
    assert assad["via"] == seed_url


def test_running_the_readme_demo_twice_writes_the_same_records(demo_crawl):
    """``scrapy crawl demo -O demo.jsonl`` twice: no state dir given -> a per-run seen-store,
    so the second run is not an unexplained empty file (and nothing is left in the repo)."""
    assert "Demo: per-run seen-store" in demo_crawl.log
    assert "Seen-store: sqlite" not in demo_crawl.log
    again = crawl_items("demo", {}, {"NEWSBOT_STATE_DIR": None}, demo_crawl.feed.parent)
    assert again.feed == demo_crawl.feed  # -O: the same file, overwritten
    assert sorted(i["url"] for i in again.items) == sorted(i["url"] for i in demo_crawl.items)
    assert again.finish_reason == "finished"
