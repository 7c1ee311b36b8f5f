"""Whole-page extraction on pages written for newsbot on real templates (tests/fixtures/pages).

Each ``<name>.html`` has a ``<name>.json`` with the URL (and HTTP headers) it is served under,
the expected field values, body start/end/contains/excludes, and the ``classify`` verdict.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from itemadapter import ItemAdapter

from newsbot.extract import classify, extract_article, extract_response, resolve_portal
from newsbot.extract.encoding import build_response
from newsbot.text.arabic import match_key

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.json"))


class Stats:
    """The part of Scrapy's StatsCollector the extractor uses."""

    def __init__(self) -> None:
        self.values: Counter[str] = Counter()

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] += count


def _load(name: str) -> tuple[dict[str, Any], dict[str, Any], Stats]:
    spec = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    html = (PAGES / f"{name}.html").read_bytes()
    response = build_response(html, spec["url"], spec.get("headers"))
    stats = Stats()
    article = extract_response(response, resolve_portal(spec["url"]), stats=stats)
    article_dict = ItemAdapter(article).asdict()
    article_dict["_classify"] = classify(article, response)
    return spec, article_dict, stats


def test_fixture_pages_are_there() -> None:
    assert {
        "seed_aggregator",
        "youm7_story",
        "jsonld_graph",
        "broken_jsonld",
        "windows1256",
        "iso88596_header",
        "home",
    } <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_page_fields(name: str) -> None:
    spec, record, stats = _load(name)
    assert stats.values["parser/page/error"] == 0
    for field, value in spec["expected"].items():
        assert record[field] == value, f"{name}: {field}"
    assert record["_classify"] == spec["classify"]


@pytest.mark.parametrize("name", [n for n in NAMES if n != "home"])
def test_page_body(name: str) -> None:
    spec, record, _ = _load(name)
    body = record["body"]
    assert body and record["word_count"] == len(body.split())
    assert body.startswith(spec["body_starts_with"])
    assert body.endswith(spec["body_ends_with"])
    for text in spec.get("body_contains", []):
        assert text in body
    for text in spec.get("body_excludes", []):
        assert match_key(text) not in match_key(body), text
    if "paragraphs" in spec:
        assert len(body.split("\n\n")) == spec["paragraphs"]


@pytest.mark.parametrize(
    "name",
    [n for n in NAMES if "stats" in json.loads((PAGES / f"{n}.json").read_text(encoding="utf-8"))],
)
def test_page_stats(name: str) -> None:
    spec, _, stats = _load(name)
    for key, value in spec["stats"].items():
        assert stats.values[key] == value, key


def test_seed_article_record_matches_the_seed_text() -> None:
    """The aggregator page carries the seed article: every paragraph of its text is kept."""
    seed = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_017adae928003a31.txt"
    if not seed.exists():
        pytest.skip(f"seed not found at {seed}")
    _, record, _ = _load("seed_aggregator")
    text = seed.read_text(encoding="utf-8")
    article = text.split("مادة إعلانية تابعوا")[0]
    for para in article.split("\n\n")[4:]:
        para = para.strip()
        if para and para not in ("مادة اعلانية",) and len(para.split()) > 12:
            assert para in record["body"], para[:40]


def test_extract_article_looks_the_portal_up_by_url() -> None:
    spec = json.loads((PAGES / "youm7_story.json").read_text(encoding="utf-8"))
    record = extract_article((PAGES / "youm7_story.html").read_bytes(), spec["url"])
    assert record["portal"] == "youm7"
    generic = ItemAdapter(
        extract_response(build_response((PAGES / "youm7_story.html").read_bytes(), spec["url"]))
    ).asdict()
    assert generic["portal"] is None
    assert generic["title"] == record["title"]
    assert generic["body"] == record["body"]


def test_unknown_portal_slug_is_an_error() -> None:
    with pytest.raises(KeyError):
        extract_article("<html></html>", "https://example.com/a", portal="no_such_portal")
