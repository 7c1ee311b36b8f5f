"""Related articles: followed up to -a related_depth on the portal's domains, with via/depth."""

from __future__ import annotations

import pytest
from crawlutil import urls_of

pytestmark = pytest.mark.e2e


def test_related_depth_0_follows_nothing(crawl_testnews, test_site):
    result = crawl_testnews(sources="listing", related_depth=0)
    assert test_site["url"](15) not in urls_of(result)
    assert {item["depth"] for item in result.items} == {0}
    assert result.stat("testnews", "related/max_depth") == 2  # a10's two related links


def test_related_depth_1_is_the_default(crawl_testnews, test_site):
    url = test_site["url"]
    result = crawl_testnews(sources="listing")
    items = result.by_url()
    seed = items[url(10)]
    assert [r["url"] for r in seed["related"]] == [
        url(15),
        "https://other.test.example/news/2024/x-5001.html",
    ]
    related = items[url(15)]
    assert related["depth"] == 1
    assert related["via"] == seed["url"] == url(10)
    assert url(16) not in items  # depth 2 is not followed by default
    assert seed["depth"] == 0 and seed["via"] is None


def test_related_depth_2(crawl_testnews, test_site):
    url = test_site["url"]
    items = crawl_testnews(sources="listing", related_depth=2).by_url()
    assert items[url(15)]["depth"] == 1
    assert items[url(16)]["depth"] == 2
    assert items[url(16)]["via"] == url(15)
    assert url(17) not in items


def test_off_domain_related_links_are_ignored_and_counted(crawl_testnews):
    result = crawl_testnews(sources="listing")
    assert result.stat("testnews", "related/off_domain") == 1
    assert not any("other.test.example" in item["fetched_url"] for item in result.items)
