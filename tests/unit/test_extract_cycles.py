"""A page's extraction leaves no reference cycle behind: the response, its parse (a whole lxml
document) and everything the readers built are freed by reference counting as soon as the page
is done, not at some later garbage collection. Before, a recursive closure held a byline
element (and so its document and parser), and a worker's response held the selector shared
with it: extraction workers held 144.5 MB RSS over 20,000 pages
(``bench_crawl.py --memory --pages 20000``), of it the documents waiting for a collection."""

from __future__ import annotations

import gc
import gzip
from collections import Counter
from pathlib import Path

from scrapy.http import HtmlResponse
from scrapy.utils.trackref import live_refs

from newsbot.spiders._pool import extract_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEADERS = {b"Content-Type": [b"text/html; charset=utf-8"]}


def _pages() -> list[tuple[str, bytes, str | None]]:
    """(url, page, portal slug): the hand-written pages (generic) and one saved page of each
    portal (with its portal definition)."""
    out: list[tuple[str, bytes, str | None]] = [
        (f"https://www.example.com/news/{p.stem}", p.read_bytes(), None)
        for p in sorted((FIXTURES / "pages").glob("*.html"))
    ]
    for folder in sorted((FIXTURES / "portals").glob("*/*")):
        saved = sorted(folder.glob("*.html.gz"))
        if saved:
            url = f"https://www.example.com/{folder.name}/{saved[0].stem}"
            out.append((url, gzip.decompress(saved[0].read_bytes()), folder.name))
    return out


def test_extracting_pages_leaves_no_garbage_cycle() -> None:
    pages = _pages()
    assert len(pages) > 20
    for url, body, portal in pages[:3]:  # warm-up: lazy imports and registry loads
        extract_page(HtmlResponse, url, 200, HEADERS, body, portal, {}, None)
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection finds stays in gc.garbage
    try:
        responses = len(live_refs.get(HtmlResponse, ()))
        records = [
            extract_page(HtmlResponse, url, 200, HEADERS, body, portal, {}, None)[0]
            for url, body, portal in pages
        ]
        assert sum(1 for r in records if r.title) > len(pages) // 2
        assert len(live_refs.get(HtmlResponse, ())) == responses
        gc.collect()
        # nothing of a page was left for the collector: no element, document, parser or
        # record (threads other tests left running may add unrelated garbage meanwhile)
        kinds = Counter(type(o).__name__ for o in gc.garbage)
        left = {k: n for k, n in kinds.items() if k in PAGE_OBJECTS}
        assert not left, kinds.most_common(20)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


PAGE_OBJECTS = frozenset(
    (
        "HtmlElement",
        "_Element",
        "_Document",
        "_ElementTree",
        "HTMLParser",
        "_HTMLParser",
        "_ParserContext",
        "Article",
        "ArticleLoader",
    )
)
