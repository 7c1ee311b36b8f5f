"""The draft portal file ``scrapy genportal URL`` writes (README "Add a portal", step 1).

``build_draft(findings)`` turns what the ``siteprobe`` crawl saw (:class:`Findings`) into a
:class:`Draft`: sources that answered (announced ones that failed or were empty are kept and
listed in ``unverified``), an ``article_allow`` guessed from the article URLs seen, country /
locale / zone guesses (``newsbot.catalogue.guess``), the evidence of every URL and the TODOs a
human must settle. ``newsbot.catalogue.portalfile`` renders and writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
