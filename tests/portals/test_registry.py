"""The portal registry: loads every definition, rejects bad ones naming the file, maps URLs."""

from __future__ import annotations

import re
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from newsbot import portals
from newsbot.portals import Portal, PortalError

EXPECTED_SLUGS = {
    "akhbarelyom",
    "albayan",
    "almadenahnews",
    "alyaum",
    "assabah",
    "bbcarabic",
    "beirutobserver",
    "cnnarabic",
    "elbaladtv",
    "europa",
    "lbcgroup",
    "sputnikarabic",
    "youm7",
}

GOOD = """
from newsbot.portals._spec import Portal
PORTAL = Portal(slug={slug!r}, name="موقع", domains=({domain!r},), country={country!r})
"""


@pytest.fixture
def make_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Build a throw-away portal package ``pkg_<random>`` from {relative path: source}."""

    def make(files: dict[str, str]) -> tuple[str, Path]:
        name = f"pkg_{uuid.uuid4().hex[:8]}"
        root = tmp_path / name
        root.mkdir()
        (root / "__init__.py").write_text("")
        for rel, src in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            init = path.parent / "__init__.py"
            if not init.exists():
                init.write_text("")
            path.write_text(textwrap.dedent(src), encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        return name, root

    yield make
    for mod in [m for m in sys.modules if m.startswith("pkg_")]:
        del sys.modules[mod]


def test_registry_loads_every_portal_sorted() -> None:
    found = portals.all_portals()
    slugs = [p.slug for p in found]
    assert slugs == sorted(slugs)
    assert set(slugs) >= EXPECTED_SLUGS
    assert all(isinstance(p, Portal) for p in found)
    assert {p.slug for p in portals.all_portals(enabled_only=True)} >= EXPECTED_SLUGS


def test_every_portal_is_sane() -> None:
    for p in portals.all_portals():
        assert p.timezone and p.date_locale.startswith("ar"), p.slug
        if p.slug != "demo":
            assert p.sources, f"{p.slug}: no discovery source"
            assert p.article_allow, f"{p.slug}: no article URL pattern"
            assert p.name.strip(), f"{p.slug}: no name"


def test_get_and_unknown_slug_lists_known() -> None:
    assert portals.get("youm7").name == "اليوم السابع"
    with pytest.raises(PortalError, match=r"unknown portal 'nope'.*youm7") as err:
        portals.get("nope")
    assert isinstance(err.value, KeyError)


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.youm7.com/story/2020/8/24/x/4943459", "youm7"),
        ("https://img.youm7.com/large/1.jpg", "youm7"),
        ("https://youm7.com/", "youm7"),
        ("https://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html", "cnnarabic"),
        ("https://sarabic.ae/20240101/x-1084.html", "sputnikarabic"),
        ("https://www.bbc.com/arabic/articles/c720dxj8dq8o", "bbcarabic"),
        ("http://europa.eu/rapid/pressReleasesAction.do?reference=IP/09/1494", "europa"),
        ("https://ec.europa.eu/commission/presscorner/detail/ar/ip_09_1494", "europa"),
        ("https://WWW.LBCGROUP.TV:443/news/x/1/y/ar", "lbcgroup"),
        ("https://www.cnn.com/2013/08/03/world/meast/syria", None),
        ("https://notyoum7.com/story/1", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_for_url(url: str, slug: str | None) -> None:
    found = portals.for_url(url)
    assert (found.slug if found else None) == slug


def test_for_host_strips_www_and_port() -> None:
    assert portals.for_host("www.albayan.ae").slug == "albayan"  # type: ignore[union-attr]
    assert portals.for_host("alyaum.com:8080").slug == "alyaum"  # type: ignore[union-attr]
    assert portals.for_host("example.org") is None


def test_article_patterns_match_their_own_article_urls() -> None:
    youm7 = portals.get("youm7")
    url = "https://www.youm7.com/story/2024/5/20/وزارة-العمل-تفاصيل/6574622"
    assert any(re.search(p, url) for p in youm7.article_allow)
    assert not any(
        re.search(p, "https://www.youm7.com/Tags/Index?id=1") for p in youm7.article_allow
    )
    bbc = portals.get("bbcarabic")
    assert not any(
        re.search(p, "https://www.bbc.com/news/world-68416737") for p in bbc.article_allow
    )


def test_a_good_tmp_package_loads(make_package) -> None:
    pkg, _ = make_package(
        {
            "eg/one.py": GOOD.format(slug="one", domain="one.example", country="eg"),
            "two.py": GOOD.format(slug="two", domain="two.example", country="int"),
            "_draft.py": "raise RuntimeError('never imported')",
        }
    )
    loaded = portals.load(pkg)
    assert list(loaded) == ["one", "two"]
    assert portals.load(pkg) is loaded  # cached


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"eg/bad.py": GOOD.replace("country=", "colour='red', country=")},
            r"bad\.py: invalid portal definition: .*colour",
        ),
        (
            {
                "eg/bad.py": GOOD + "PORTAL = Portal(slug='x', name='x', domains=('x.example',),"
                " country='eg', article_allow=('(unclosed',))"
            },
            r"bad\.py: .*bad regex '\(unclosed'",
        ),
        (
            {
                "eg/bad.py": GOOD.replace(
                    "country={country!r})", "country={country!r}, timezone='Mars/Olympus')"
                )
            },
            r"bad\.py: .*unknown time zone 'Mars/Olympus'",
        ),
        (
            {
                "eg/bad.py": "from newsbot.portals._spec import Layout, Portal, Selectors\n"
                "PORTAL = Portal(slug='x', name='x', domains=('x.example',), country='eg',"
                " layouts=(Layout(selectors=Selectors(title=('h1[[',))),))"
            },
            r"bad\.py: .*bad selector 'h1\[\['",
        ),
        (
            {"eg/bad.py": "NAME = 'forgot the PORTAL'\n"},
            r"bad\.py: a portal module must define PORTAL",
        ),
        ({"eg/bad.py": "PORTAL = {'slug': 'x'}\n"}, r"bad\.py: PORTAL must be a Portal, not dict"),
        ({"eg/bad.py": "PORTAL = (\n"}, r"bad\.py: cannot import: SyntaxError"),
        (
            {
                "eg/a.py": GOOD.format(slug="same", domain="a.example", country="eg"),
                "eg/bad.py": GOOD.format(slug="same", domain="b.example", country="eg"),
            },
            r"bad\.py: duplicate slug 'same' \(already defined in .*a\.py\)",
        ),
        (
            {
                "eg/a.py": GOOD.format(slug="a", domain="shared.example", country="eg"),
                "eg/bad.py": GOOD.format(slug="b", domain="shared.example", country="eg"),
            },
            r"bad\.py: domain 'shared\.example' of portal 'b' is already claimed by portal 'a'",
        ),
        (
            {"lb/bad.py": GOOD.format(slug="x", domain="x.example", country="eg")},
            r"bad\.py: portal 'x' has country 'eg' but lives in the 'lb' folder",
        ),
    ],
    ids=[
        "unknown-keyword",
        "bad-regex",
        "bad-zone",
        "bad-selector",
        "missing-portal",
        "not-a-portal",
        "syntax-error",
        "duplicate-slug",
        "duplicate-domain",
        "wrong-country-folder",
    ],
)
def test_bad_definitions_name_the_file(make_package, files: dict[str, str], message: str) -> None:
    files = {
        k: v.format(slug="x", domain="x.example", country="eg") if "{slug!r}" in v else v
        for k, v in files.items()
    }
    pkg, _ = make_package(files)
    with pytest.raises(PortalError, match=message):
        portals.load(pkg)


def test_validate_module_checks_one_file(tmp_path: Path) -> None:
    good = tmp_path / "site.py"
    good.write_text(GOOD.format(slug="site", domain="site.example", country="eg"))
    assert portals.validate_module(good).slug == "site"
    bad = tmp_path / "broken.py"
    bad.write_text(GOOD.format(slug="Bad Slug", domain="x.example", country="eg"))
    with pytest.raises(PortalError, match=r"broken\.py: portal 'Bad Slug': slug must be"):
        portals.validate_module(bad)
    with pytest.raises(PortalError, match="no such file"):
        portals.validate_module(tmp_path / "missing.py")


def test_template_is_valid_but_not_registered() -> None:
    template = Path(portals.__file__).with_name("_template.py")
    assert portals.validate_module(template).slug == "example"
    assert "example" not in portals.load()
