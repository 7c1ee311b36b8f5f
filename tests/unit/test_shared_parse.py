"""The page parse is shared: after extraction ``response.selector`` is the extractor's own tree
(no second parse for the article classifier and the spider), and it is exactly the tree Scrapy
would have built: same markup, same verdicts. A repaired (mojibake) response keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from scrapy.selector import Selector

from newsbot.extract import classify, extract_response
from newsbot.extract.encoding import build_response

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
CLASSES = sorted((PAGES / "generic" / "classes").glob("*.html"))


def _fresh(html: bytes, url: str, headers: dict[str, str] | None = None) -> Selector:
    """What Scrapy builds for the same response when nothing was shared."""
    return Selector(build_response(html, url, headers))


@pytest.mark.parametrize("path", CLASSES, ids=lambda p: p.stem)
def test_selector_after_extraction_is_the_tree_scrapy_would_build(path: Path) -> None:
    html, url = path.read_bytes(), f"https://news.example/ar/2024/10/29/{path.stem}"
    response = build_response(html, url)
    article = extract_response(response, None)
    assert response._cached_selector is not None  # built by the extraction, not parsed again
    shared = response.selector
    assert shared.response is response and shared.type == "html"
    fresh = _fresh(html, url)
    assert etree.tostring(shared.root) == etree.tostring(fresh.root)
    assert classify(article, response) == classify(article, build_response(html, url))
    assert shared.xpath("//a/@href").getall() == fresh.xpath("//a/@href").getall()


def test_a_repaired_response_keeps_its_own_parse() -> None:
    html = (PAGES / "seed_aggregator.html").read_bytes().replace(b'<meta charset="utf-8">', b"")
    headers = {"Content-Type": "text/html; charset=windows-1252"}
    url = "https://www.khabarna.net/world/4417902"
    response = build_response(html, url, headers)
    article = extract_response(response)
    assert article.title  # read from the repaired copy ...
    # ... while the response itself still shows its own (undecoded) text, parsed as Scrapy does
    assert etree.tostring(response.selector.root) == etree.tostring(_fresh(html, url, headers).root)
