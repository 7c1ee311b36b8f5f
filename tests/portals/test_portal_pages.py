"""Every portal against the real pages of ../shared/realworld (read there, never copied).

Checks the portal layer on its own (the full comparison of extracted records lives in
tests/realworld): each enabled portal has at least one real page, each page's URL is an article
URL of its portal, and each declared selector finds on the page what a reader sees there. Also
checks that the README portals table is fresh.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from parsel import Selector

from newsbot.portals import Portal, all_portals, for_url
from scripts import gen_portals_table

REPO = Path(__file__).resolve().parents[2]
OWN_PAGES = REPO / "tests" / "fixtures" / "portals"
REALWORLD = Path(os.environ.get("NEWSBOT_REALWORLD_DIR", REPO.parent / "shared" / "realworld"))
SKIP_PORTALS = {"demo"}  # bundled offline demo site, tested by its own e2e test


def _pages() -> list[dict]:
    folder = REALWORLD / "expected"
    if not folder.is_dir():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


PAGES = _pages()
needs_pages = pytest.mark.skipif(
    not PAGES, reason=f"realworld pages not found at {REALWORLD} (set NEWSBOT_REALWORLD_DIR)"
)


def _select(sel: Selector, query: str) -> list[Selector]:
    if query.startswith("xpath:"):
        return list(sel.xpath(query[len("xpath:") :]))
    return list(sel.css(query))


def _text(node: Selector) -> str:
    if isinstance(node.root, str):
        return " ".join(node.root.split())
    return " ".join(" ".join(node.xpath(".//text()").getall()).split())


def _first(sel: Selector, queries: tuple[str, ...]) -> list[Selector]:
    """Matches of the first selector of a fallback list that yields non-empty text."""
    for q in queries:
        found = [n for n in _select(sel, q) if _text(n)]
        if found:
            return found
    return []


@needs_pages
@pytest.mark.realworld
def test_every_enabled_portal_has_a_real_or_own_page() -> None:
    """A portal with no realworld page is checked on its own page (tests/fixtures/portals)."""
    covered = {p.slug for d in PAGES if (p := for_url(d["url"])) is not None}
    own = {meta.parent.name for meta in OWN_PAGES.glob("*/*/meta.json")}
    missing = {p.slug for p in all_portals(enabled_only=True)} - covered - own - SKIP_PORTALS
    assert not missing, f"portals with neither a realworld page nor an own page: {sorted(missing)}"


def _page_params() -> list:
    return [pytest.param(d, id=d["id"]) for d in PAGES]


@needs_pages
@pytest.mark.realworld
@pytest.mark.parametrize("page", _page_params())
def test_portal_selectors_on_real_page(page: dict) -> None:
    portal: Portal | None = for_url(page["url"])
    assert portal is not None, f"no portal owns {page['url']}"
    url = page["url"]
    assert any(re.search(p, url) for p in portal.article_allow), f"{url} not allowed"
    assert not any(re.search(p, url) for p in portal.article_deny), f"{url} denied"
    html = (REALWORLD / "pages" / f"{page['id']}.html").read_bytes().decode("utf-8")
    sel = Selector(text=html)
    chosen = portal.layout_for(None).selectors

    if chosen.title:
        titles = _first(sel, chosen.title)
        assert titles and _text(titles[0]) == " ".join(page["title"].split())
    assert _first(sel, chosen.body), "body container not found"
    if chosen.published and page["published_visible"]:
        dates = _first(sel, chosen.published)
        assert dates and page["published_visible"] in _text(dates[0])
    if chosen.byline and (page["byline_visible"] or page["authors"]):
        bylines = _first(sel, chosen.byline)
        assert bylines, "byline not found"
        shown = _text(bylines[0])
        assert all(a in shown for a in page["authors"]) or page["byline_visible"] in shown
    if chosen.section and page["section"]:
        sections = _first(sel, chosen.section)
        assert sections and _text(sections[0]) == page["section"]
    if chosen.tags and page["tags"]:
        assert [_text(n) for n in _first(sel, chosen.tags)] == page["tags"]
    if page["related"]:
        assert chosen.related, "page has related links but the portal declares no selector"
        links = {
            unquote(urljoin(url, href))
            for box in _first(sel, chosen.related)
            for href in box.xpath(".//a/@href").getall()
        }
        wanted = {unquote(r["url"]) for r in page["related"]}
        assert wanted <= links, f"related links not found: {sorted(wanted - links)}"


@needs_pages
@pytest.mark.realworld
@pytest.mark.parametrize("page", _page_params())
def test_remove_selectors_keep_the_body_text(page: dict) -> None:
    """No remove selector may take out a sentence the reader sees as body text."""
    portal = for_url(page["url"])
    assert portal is not None
    html = (REALWORLD / "pages" / f"{page['id']}.html").read_bytes().decode("utf-8")
    sel = Selector(text=html)
    chosen = portal.layout_for(None).selectors
    removed = " ".join(_text(n) for q in chosen.remove for n in _select(sel, q))
    for sentence in page["body_contains"]:
        assert " ".join(sentence.split()) not in removed


def test_readme_portals_table_is_fresh() -> None:
    readme = REPO / "README.md"
    if not readme.is_file():
        pytest.skip("README.md does not exist yet")
    text = readme.read_text(encoding="utf-8")
    try:
        current = gen_portals_table.current_table(text)
    except gen_portals_table.MarkersMissing:
        pytest.skip("README.md has no <!-- portals:start --> / <!-- portals:end --> markers yet")
    if not current.strip():
        pytest.skip(
            "README portals table is empty: run python -m scripts.gen_portals_table --write"
        )
    assert current == gen_portals_table.render_table(), (
        "README portals table is stale: run python -m scripts.gen_portals_table --write"
    )
