"""The portal catalogue as data: evidence for every URL, country defaults, own pages' URLs.

Each portal module's docstring has an "Evidence" section naming where each of its start and
discovery URLs was seen; a URL marked ``[unverified]`` there must be in ``Portal.unverified``
(what ``scrapy portals`` flags) and the other way round. Country folders hold the locale and
zone of :mod:`newsbot.text.regions`. The URL of every own page (tests/fixtures/portals) is an
article URL of its portal by the spider's own allow/deny rule.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote

import pytest

from newsbot.portals import Portal, all_portals, get
from newsbot.text.regions import region_for

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "portals"
SKIP_PORTALS = {"demo"}  # bundled offline demo site: its URLs are the local test site's


def _module(portal: Portal) -> ModuleType:
    for name, module in list(sys.modules.items()):
        if name.startswith("newsbot.portals.") and getattr(module, "PORTAL", None) is portal:
            return module
    raise LookupError(portal.slug)


def _evidence(portal: Portal) -> dict[str, bool]:
    """URL -> marked unverified, for each item ("- URL: where seen") of the Evidence section."""
    doc = _module(portal).__doc__ or ""
    assert "Evidence" in doc, f"{portal.slug}: module docstring has no Evidence section"
    found = {}
    for item in doc.split("Evidence", 1)[1].split("\n- ")[1:]:
        item = " ".join(item.split())
        url = re.search(r"https?://\S+", item)
        assert url, f"{portal.slug}: evidence item without a URL: {item!r}"
        head = item[: url.end() + len(" [unverified]")]
        found[url.group().rstrip(":")] = "[unverified]" in head
    return found


CATALOGUE = [p for p in all_portals() if p.slug not in SKIP_PORTALS]


@pytest.mark.parametrize("portal", CATALOGUE, ids=lambda p: p.slug)
def test_every_url_has_evidence_or_is_unverified(portal: Portal) -> None:
    items = _evidence(portal)
    urls = dict.fromkeys((*portal.start_urls, *portal.source_urls()))
    missing = [u for u in urls if u not in items]
    assert not missing, f"{portal.slug}: no evidence item for {missing}"
    marked = {u for u, unverified in items.items() if unverified}
    assert marked == set(portal.unverified), (
        f"{portal.slug}: [unverified] in the docstring {sorted(marked)} "
        f"vs Portal.unverified {sorted(portal.unverified)}"
    )


def test_country_folders_use_the_regions_table() -> None:
    wrong = []
    for portal in CATALOGUE:
        if portal.country == "int":
            continue
        locale, zone = region_for(portal.country)
        if (portal.date_locale, portal.timezone) != (locale, zone):
            wrong.append(
                f"{portal.slug}: {portal.date_locale}/{portal.timezone} vs {locale}/{zone}"
            )
    assert not wrong, wrong


def _own_pages() -> list[tuple[str, str]]:
    out = []
    for meta_path in sorted(FIXTURES.glob("*/*/meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        out += [(meta_path.parent.name, m["url"]) for m in meta.values()]
    return out


@pytest.mark.parametrize(("slug", "url"), _own_pages())
def test_own_page_url_is_an_article_url_of_its_portal(slug: str, url: str) -> None:
    portal = get(slug)
    forms = (url, unquote(url))
    denied = [p for p in portal.article_deny for f in forms if re.search(p, f)]
    assert not denied, f"{slug}: {url} is denied by {denied}"
    allow = portal.article_allow
    assert not allow or any(re.search(p, f) for p in allow for f in forms), (
        f"{slug}: {url} matches no article_allow pattern"
    )
