"""Every portal against its OWN saved pages (tests/fixtures/portals), one test per page × field.

The realworld pages tuned the selectors; these pages — written on each site's template with
other articles (other bylines, date formats, tags, related links, inline teasers) — check that
the selectors generalise. Layout: ``<cc>/<slug>/<YYYY-MM-DD>_<n>.html.gz`` + ``meta.json``
(url, crawled_at, layout, optional frozen_time) + ``expected.json`` (realworld README keys,
sorted, no empty values: an absent key means "the page has none"). Fields are compared with
:mod:`newsbot.quality`. Fails when an enabled portal/layout has no fixture.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from freezegun import freeze_time

from newsbot.items import ARTICLE_FIELDS
from newsbot.portals import all_portals, get
from newsbot.quality import FIELDS, collapse, compare_field

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "portals"
SKIP_PORTALS = {"demo"}  # bundled offline demo site, tested by its own e2e test
README_KEYS = {
    "body_starts_with",
    "body_ends_with",
    "body_contains",
    "body_excludes",
    "body_paragraphs",
    "notes",
}
EXTRA_FIELDS = ("published_hijri", "credited_source", "site_name")
"""Record fields compared by plain equality when an expected entry names them."""


def _fixtures() -> list[tuple[str, str, str]]:
    """(slug, stem, layout) of every saved page."""
    out = []
    for meta_path in sorted(ROOT.glob("*/*/meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        out += [(meta_path.parent.name, stem, m["layout"]) for stem, m in sorted(meta.items())]
    return out


FIXTURES = _fixtures()


def _folder(slug: str) -> Path:
    portal = get(slug)
    return ROOT / portal.country / portal.slug


@cache
def load(slug: str, stem: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(record extracted with the portal, expected entry) of one fixture."""
    from newsbot.extract import extract_article

    folder = _folder(slug)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))[stem]
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))[stem]
    html = gzip.decompress((folder / f"{stem}.html.gz").read_bytes())
    frozen = meta.get("frozen_time") or meta["crawled_at"]
    with freeze_time(datetime.fromisoformat(frozen)):
        record = extract_article(html, meta["url"], portal=slug)
    return record, expected


def test_every_enabled_portal_layout_has_a_fixture() -> None:
    have = {(slug, layout) for slug, _, layout in FIXTURES}
    missing = [
        f"{p.slug}/{lay.name}"
        for p in all_portals(enabled_only=True)
        if p.slug not in SKIP_PORTALS
        for lay in p.layouts
        if (p.slug, lay.name) not in have
    ]
    assert not missing, f"portal layouts without an own fixture in {ROOT}: {missing}"


def test_fixture_files_are_well_formed() -> None:
    assert FIXTURES, f"no fixtures under {ROOT}"
    for slug, stem, layout in FIXTURES:
        folder = _folder(slug)
        assert (folder / f"{stem}.html.gz").is_file(), f"{slug}/{stem}: page missing"
        assert layout in {lay.name for lay in get(slug).layouts}, f"{slug}/{stem}: {layout}"
        raw = (folder / "expected.json").read_text(encoding="utf-8")
        data = json.loads(raw)
        assert raw == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
        exp = data[stem]
        empty = [k for k, v in exp.items() if v in (None, "", [], {})]
        assert not empty, f"{slug}/{stem}: empty values {empty}"
        unknown = set(exp) - set(FIELDS) - README_KEYS - set(EXTRA_FIELDS) - {"url"}
        assert not unknown, f"{slug}/{stem}: unknown keys {sorted(unknown)}"


def _params() -> list[object]:
    return [
        pytest.param(slug, stem, field, id=f"{slug}-{stem}-{field}")
        for slug, stem, _ in FIXTURES
        for field in (*FIELDS, "url")
    ]


@pytest.mark.parametrize(("slug", "stem", "field"), _params())
def test_fixture_field(slug: str, stem: str, field: str) -> None:
    record, expected = load(slug, stem)
    if field == "url":
        want, got_url = expected.get("url"), unquote(record.get("url") or "")
        assert not want or got_url == want, f"url {got_url!r} vs {want!r}"
        for name in EXTRA_FIELDS:
            if name in expected:
                assert name in ARTICLE_FIELDS
                got = collapse(record.get(name))
                assert got == collapse(expected[name]), f"{name}: {got!r} vs {expected[name]!r}"
        return
    check = compare_field(field, record, expected)
    assert check.ok, f"{slug}/{stem} {field}: {check.why}"
