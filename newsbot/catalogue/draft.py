"""The draft portal file ``scrapy genportal URL`` writes (README "Add a portal", step 1).

``build_draft(findings)`` turns what the ``siteprobe`` crawl saw (:class:`Findings`) into a
:class:`Draft`: sources that answered (announced ones that failed or were empty are kept and
listed in ``unverified``), an ``article_allow`` guessed from the article URLs seen, country /
locale / zone guesses (``newsbot.catalogue.guess``), the evidence of every URL and the TODOs a
human must settle. ``render(draft)`` is the Python source; ``write_draft`` writes it (creating the
country folder's ``__init__.py`` when missing) and imports it back: a draft that does not build
a valid ``Portal`` — or that breaks the registry — is removed and :class:`DraftError` raised.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from newsbot.catalogue.guess import (
    Guess,
    guess_article_allow,
    guess_country,
    guess_name,
    guess_region,
    guess_slug,
)
from newsbot.catalogue.results import FIELDS, ArticleResult, SourceResult, describe

PORTALS_DIR = Path(__file__).resolve().parent.parent / "portals"
DENY_WORDS: tuple[str, ...] = (
    "tag",
    "tags",
    "author",
    "authors",
    "category",
    "section",
    "video",
    "videos",
    "gallery",
    "photos",
)
"""Path folders denied by default (dropped when an article URL seen lives under one)."""


class DraftError(ValueError):
    """The draft could not be written or does not validate."""


@dataclass
class Findings:
    """What the ``siteprobe`` crawl saw on a site."""

    home: str
    robots: SourceResult | None = None
    robots_sitemaps: list[str] = field(default_factory=list)
    sources: list[SourceResult] = field(default_factory=list)
    """The home page, announced sources, and guessed paths that answered."""
    probes: list[SourceResult] = field(default_factory=list)
    """Guessed paths that did not answer (not evidence of anything)."""
    articles: list[ArticleResult] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    """Every on-site URL the sources listed."""
    langs: list[str | None] = field(default_factory=list)
    site_names: list[str | None] = field(default_factory=list)
    home_title: str | None = None


@dataclass
class Draft:
    """A portal definition to write, with its evidence and TODOs."""

    slug: str
    name: Guess
    domain: str
    country: Guess
    locale: Guess
    zone: Guess
    start_urls: list[str]
    rss: list[str] = field(default_factory=list)
    news_sitemaps: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    article_allow: tuple[str, ...] = ()
    article_deny: tuple[str, ...] = ()
    unverified: list[str] = field(default_factory=list)
    render: str = "never"
    evidence: list[str] = field(default_factory=list)
    todos: list[str] = field(default_factory=list)
    written: str = ""


def _source_line(s: SourceResult) -> str:
    what = describe(s.status) + (f" ({s.detail})" if s.detail else "")
    counts = f"; {s.entries} URLs, {s.articles} on the site" if s.reachable else ""
    return f"{s.url}: found in {s.found_in}; {what}{counts}"


def _deny(article_urls: list[str]) -> tuple[str, ...]:
    words = [w for w in DENY_WORDS if not any(f"/{w}/" in urlsplit(u).path for u in article_urls)]
    return (r"/(?:" + "|".join(words) + r")/",) if words else ()


def _coverage(articles: list[ArticleResult]) -> str:
    fetched = [a for a in articles if a.status == "ok"]
    cov = ", ".join(
        f"{f} {sum(1 for a in fetched if a.fields.get(f))}/{len(fetched)}" for f in FIELDS
    )
    return f"{len(fetched)} fetched ({cov})" if fetched else "none fetched"


def _sources(draft: Draft, findings: Findings) -> None:
    """Sort the findings into the draft's source lists, evidence and unverified URLs."""
    for s in findings.sources:
        if s.kind == "listing":
            continue
        draft.evidence.append(_source_line(s))
        target = {"rss": draft.rss, "news_sitemap": draft.news_sitemaps}.get(s.kind)
        if target is None:
            target = draft.news_sitemaps if s.news else draft.sitemaps
        target.append(s.url)
        if not s.ok:
            draft.unverified.append(s.url)
            draft.todos.append(
                f"{s.url} was announced but is {describe(s.status)}: fix or remove it"
            )
    home = next((s for s in findings.sources if s.kind == "listing"), None)
    if home is not None:
        draft.evidence.append(_source_line(home))
        if not home.ok:
            draft.unverified.append(home.url)
    if not any(s.ok for s in findings.sources if s.kind != "listing"):
        draft.listings.append(findings.home)
        draft.todos.append("no feed or sitemap answered: the home page is the only listing")
    draft.todos.append(
        "add section pages as Listing(url=..., next_page=...) if feeds/sitemaps miss sections"
    )


def _articles(draft: Draft, findings: Findings) -> list[str]:
    """Evidence of the pages read; returns the URLs confirmed as articles."""
    read = findings.articles
    good = [a.url for a in read if a.usable]
    draft.evidence.append(f"articles read with the generic extractor: {_coverage(read)}")
    for a in read:
        verdict = describe(a.status) if a.status != "ok" else (a.reason or "article")
        draft.evidence.append(f"    {a.url}: {verdict}")
    fetched = [a for a in read if a.status == "ok"]
    for name in FIELDS:
        missing = sum(1 for a in fetched if not a.fields.get(name))
        if missing:
            draft.todos.append(
                f"{name} missing on {missing}/{len(fetched)} page(s): add Selectors({name}=...)"
                " only if the page shows it"
            )
    if fetched and not good:
        draft.render = "auto"
        draft.todos.append("no page read as an article: JavaScript-rendered? check render")
    if not read:
        draft.todos.append("no article page was read: find an article URL and test it")
    return good


def _allow(draft: Draft, findings: Findings, good: list[str]) -> None:
    listed = [u for s in findings.sources if s.kind in ("rss", "news_sitemap") for u in s.samples]
    seen = list(dict.fromkeys(good + listed))
    draft.article_allow = guess_article_allow(seen)
    draft.article_deny = _deny(good)
    if draft.article_allow:
        rx = [re.compile(p) for p in draft.article_allow]
        hits = sum(1 for u in findings.candidates if any(r.search(u) for r in rx))
        draft.evidence.append(
            f"article_allow {draft.article_allow[0]}: shared by the {len(seen)} article URLs"
            f" seen; matches {hits} of the {len(findings.candidates)} on-site URLs listed"
        )
    else:
        draft.todos.append("article_allow: no common URL pattern; write one from real URLs")


def build_draft(findings: Findings, slug: str | None = None, country: str | None = None) -> Draft:
    """The draft for ``findings`` (``slug``/``country`` override the guesses)."""
    host = (urlsplit(findings.home).hostname or "").lower()
    domain = host.removeprefix("www.")
    fetched = [a for a in findings.articles if a.status == "ok"]
    if country:
        cguess = Guess(country.lower(), "given on the command line")
    else:
        cguess = guess_country(
            host,
            [*findings.langs, *(a.lang_attr for a in fetched)],
            [a.text for a in fetched],
            [a.dateline for a in fetched],
        )
    locale, zone = guess_region(cguess.value, host)
    name = guess_name([*(a.site_name for a in fetched), *findings.site_names], host)
    draft = Draft(
        slug=slug or guess_slug(host),
        name=name,
        domain=domain,
        country=cguess,
        locale=locale,
        zone=zone,
        start_urls=[findings.home],
    )
    robots = findings.robots
    if robots is not None:
        names = len(findings.robots_sitemaps)
        draft.evidence.append(
            f"{robots.url}: {describe(robots.status)}"
            + (f"; names {names} sitemap(s)" if names else "")
        )
    _sources(draft, findings)
    good = _articles(draft, findings)
    _allow(draft, findings, good)
    for what, g in (
        ("country", cguess),
        ("date_locale", locale),
        ("timezone", zone),
        ("name", name),
    ):
        draft.evidence.append(f"{what} {g.value}: {g.reason}")
        if g.todo:
            draft.todos.append(f"{what} {g.value} is a guess ({g.reason}): confirm it")
    draft.todos.append(
        "run `scrapy portals --check --portal-file <this file>`, then capture a fixture"
    )
    return draft


def _lit(value: str) -> str:
    """A double-quoted Python literal (Arabic kept as is)."""
    if "\\" in value and '"' not in value and not value.endswith("\\"):
        return f'r"{value}"'
    return json.dumps(value, ensure_ascii=False)


def _tuple(values: list[str] | tuple[str, ...], indent: str = "        ") -> str:
    if not values:
        return "()"
    inner = "".join(f"\n{indent}{_lit(v)}," for v in values)
    return f"({inner}\n{indent[:-4]})"


def _doc(text: str) -> str:
    """Text safe inside the raw docstring."""
    return text.replace('"""', "'''").rstrip("\\")


def render(draft: Draft, when: datetime | None = None) -> str:
    """The portal file's source text."""
    when = when or datetime.now(UTC)
    evidence = "\n".join(
        f"  - {_doc(line.strip())}" if line.startswith(" ") else f"- {_doc(line)}"
        for line in draft.evidence
    )
    todos = "\n".join(f"- TODO: {_doc(line)}" for line in draft.todos)
    listings = "".join(
        f"\n            Listing(url={_lit(u)}, max_pages=1)," for u in draft.listings
    )
    return f'''r"""{_doc(draft.name.value)} ({draft.domain}): DRAFT written by `scrapy genportal` on {when:%Y-%m-%d %H:%M} UTC.

Evidence (what the probe fetched; where each URL was found):
{evidence}

A human must look at:
{todos}
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, {"Listing, " if draft.listings else ""}Portal, Selectors, Sources

PORTAL = Portal(
    slug={_lit(draft.slug)},
    name={_lit(draft.name.value)},
    domains=({_lit(draft.domain)},),
    country={_lit(draft.country.value)},
    date_locale={_lit(draft.locale.value)},
    timezone={_lit(draft.zone.value)},
    start_urls={_tuple(draft.start_urls)},
    sources=Sources(
        rss={_tuple(draft.rss, " " * 12)},
        news_sitemaps={_tuple(draft.news_sitemaps, " " * 12)},
        sitemaps={_tuple(draft.sitemaps, " " * 12)},
        listings=({listings}{chr(10) + " " * 8 if listings else ""}),
    ),
    article_allow={_tuple(draft.article_allow)},
    article_deny={_tuple(draft.article_deny)},
    # Selectors only where the generic extractor is measurably wrong on this template.
    layouts=(Layout(name="V1", selectors=Selectors()),),
    render={_lit(draft.render)},
    unverified={_tuple(draft.unverified)},
    notes="draft: scrapy genportal",
)
'''


def default_path(draft: Draft) -> Path:
    """``newsbot/portals/<country>/<slug>.py``."""
    return PORTALS_DIR / draft.country.value / f"{draft.slug}.py"


def _country_package(folder: Path, draft: Draft) -> None:
    init = folder / "__init__.py"
    if init.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    init.write_text(
        f'"""Portals of {draft.country.value}: country defaults (written by scrapy genportal)."""\n\n'
        "from __future__ import annotations\n\n"
        f"COUNTRY = {_lit(draft.country.value)}\n"
        f"DATE_LOCALE = {_lit(draft.locale.value)}\n"
        f"TIMEZONE = {_lit(draft.zone.value)}\n",
        encoding="utf-8",
    )


def write_draft(draft: Draft, path: Path | None = None, force: bool = False) -> Path:
    """Write the draft (default: into the registry) and import it back (module docstring)."""
    from newsbot import portals

    path = (path or default_path(draft)).resolve()
    in_registry = PORTALS_DIR in path.parents
    if path.exists() and not force:
        raise DraftError(f"{path} exists (use --force to overwrite)")
    if in_registry:
        owner = portals.for_host(draft.domain)
        if owner is not None:
            raise DraftError(f"{draft.domain} is already covered by portal {owner.slug!r}")
        if draft.slug in portals.load():
            raise DraftError(f"slug {draft.slug!r} is taken: pass --slug")
        _country_package(path.parent, draft)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(draft), encoding="utf-8")
    try:
        portals.validate_module(path)
        if in_registry:
            portals.load(reload=True)
    except portals.PortalError as exc:
        path.unlink(missing_ok=True)
        raise DraftError(f"the draft does not validate (not written): {exc}") from exc
    draft.written = str(path)
    return path
