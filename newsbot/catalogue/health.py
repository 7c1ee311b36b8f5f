"""Health verdicts and the health table of ``scrapy portals --check`` (README "Portals").

A portal's definition is judged from one probe crawl (``newsbot.spiders.portalcheck``):

``broken`` (``scrapy portals --check`` exits 1) when
  - no declared source is reachable (every feed, sitemap and listing failed or did not parse), or
  - no article URL was discovered (the sources listed nothing the portal's domains and
    ``article_allow``/``article_deny`` accept), or
  - article pages were fetched but none has both a title and a body (or none could be fetched).
``degraded`` (exit 0; 1 with ``--strict``) when the portal still yields articles but part of its
  definition drifted: a source fails, does not parse or is empty; a listing's ``next_page``
  selector matches nothing; a fetched page is unreachable or not an article; a field's portal
  selectors match nothing on every fetched article (the generic extractor covered for them).
``ok`` otherwise. Field coverage (title, body, published, authors) is measured on the pages alone
(feed and sitemap dates are not applied) and shown for judgement; ``published``/``authors`` gaps
alone do not change the verdict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from parsel import Selector

from newsbot.catalogue.results import FIELDS, ArticleResult, SourceResult, describe
from newsbot.catalogue.table import render_table
from newsbot.extract.container import select_all

OK, DEGRADED, BROKEN = "ok", "degraded", "broken"

SELECTOR_CHECKED: tuple[str, ...] = (
    "title",
    "description",
    "body",
    "published",
    "modified",
    "byline",
    "section",
    "tags",
    "lead_image",
)
"""Selector fields checked for drift; blocks that a page may lack (related, remove ...) are not."""


def selector_misses(sel: Selector, layout: Any) -> list[str]:
    """Fields of ``layout.selectors`` for which no selector matches anything on the page."""
    misses = []
    for name in SELECTOR_CHECKED:
        queries = getattr(layout.selectors, name, ())
        if not queries:
            continue
        hit = False
        for query in queries:
            try:
                hit = bool(select_all(sel, query))
            except Exception:  # a selector parsel rejects at run time counts as a miss
                hit = False
            if hit:
                break
        if not hit:
            misses.append(name)
    return misses


@dataclass
class PortalHealth:
    """The probe results of one portal and the verdict drawn from them."""

    slug: str
    name: str = ""
    robots: list[SourceResult] = field(default_factory=list)
    sources: list[SourceResult] = field(default_factory=list)
    articles: list[ArticleResult] = field(default_factory=list)
    discovered: int = 0
    """Distinct article URLs the sources gave (after domains and allow/deny)."""
    status: str = ""
    problems: list[str] = field(default_factory=list)

    def assess(self) -> PortalHealth:
        """Fill ``status`` and ``problems`` (module docstring); returns self."""
        broken: list[str] = []
        warn: list[str] = []
        if self.sources and not any(s.reachable for s in self.sources):
            broken.append("no source reachable")
        if not self.sources:
            broken.append("no source declared")
        for s in self.sources:
            if not s.ok:
                warn.append(f"{s.kind} {s.url}: {describe(s.status)}")
            elif s.entries and not s.articles:
                warn.append(f"{s.kind} {s.url}: {s.entries} URLs, none accepted as article")
            if "next_page matched nothing" in s.detail:
                warn.append(f"listing {s.url}: next_page selector matched nothing")
        if self.discovered == 0 and "no source reachable" not in broken:
            listed = sum(s.entries for s in self.sources)
            why = f" ({listed} URLs listed, none matches the article patterns)" if listed else ""
            broken.append("no article URL discovered" + why)
        fetched = [a for a in self.articles if a.status == "ok"]
        if self.articles and not any(a.usable for a in self.articles):
            if not fetched:
                broken.append("no article page could be fetched")
            else:
                broken.append("no fetched article has a title and a body")
        failed = Counter(
            describe(a.status)
            if a.status != "ok"
            else f"not an article ({a.reason or 'no title/body'})"
            for a in self.articles
            if not a.usable
        )
        for what, n in failed.items():
            warn.append(f"{n}/{len(self.articles)} article page(s): {what}")
        usable = [a for a in self.articles if a.usable]
        if usable:
            missed = set.intersection(*(set(a.selector_misses) for a in usable))
            for name in sorted(missed):
                warn.append(f"selector {name}: matched nothing on {len(usable)} article(s)")
        self.status = BROKEN if broken else DEGRADED if warn else OK
        self.problems = broken + warn
        return self

    def coverage(self, name: str) -> str:
        """``2/3``: fetched articles with ``name`` present; ``-`` when none was fetched."""
        fetched = [a for a in self.articles if a.status == "ok"]
        if not fetched:
            return "-"
        return f"{sum(1 for a in fetched if a.fields.get(name))}/{len(fetched)}"

    def asdict(self) -> dict[str, Any]:
        """JSON form (``scrapy portals --check --json``)."""
        from dataclasses import asdict

        return {
            "slug": self.slug,
            "name": self.name,
            "status": self.status,
            "problems": self.problems,
            "discovered": self.discovered,
            "coverage": {f: self.coverage(f) for f in FIELDS},
            "robots": [asdict(s) for s in self.robots],
            "sources": [
                {k: v for k, v in asdict(s).items() if k != "samples"} for s in self.sources
            ],
            "articles": [a.asdict() for a in self.articles],
        }


URL_WIDTH = 80
"""Longer URLs are shortened in the text tables (``--json`` keeps them whole)."""


def short_url(url: str, width: int = URL_WIDTH) -> str:
    """``url`` percent-decoded (Arabic paths readable), cut in the middle beyond ``width``."""
    text = unquote(url)
    if len(text) <= width:
        return text
    half = (width - 1) // 2
    return text[:half] + "…" + text[-(width - 1 - half) :]


def _source_row(slug: str, s: SourceResult) -> list[str]:
    result = describe(s.status) + (f" ({s.detail})" if s.detail else "")
    counts = (str(s.entries), str(s.articles)) if s.kind != "robots" else ("", "")
    return [slug, s.kind, short_url(s.url), result, *counts]


def _article_row(slug: str, a: ArticleResult) -> list[str]:
    if a.status != "ok":
        result = describe(a.status)
    else:
        have = [f for f in FIELDS if a.fields.get(f)]
        result = "article" if a.reason is None else f"not an article: {a.reason}"
        result += " · " + (" ".join(have) or "no fields")
    return [
        slug,
        "article",
        short_url(a.url),
        result,
        str(a.word_count) if a.status == "ok" else "",
        "",
    ]


def render_sources(reports: Iterable[PortalHealth]) -> str:
    """One row per robots.txt, source and fetched article of each portal."""
    rows: list[list[str]] = []
    for h in reports:
        rows += [_source_row(h.slug, s) for s in (*h.robots, *h.sources)]
        rows += [_article_row(h.slug, a) for a in h.articles]
    return render_table(["portal", "kind", "url", "result", "entries", "articles"], rows)


def render_summary(reports: Iterable[PortalHealth]) -> str:
    """One row per portal (verdict, sources reachable, discovered, coverage), then its problems."""
    reports = list(reports)
    rows = []
    for h in reports:
        reachable = sum(1 for s in h.sources if s.ok)
        fetched = sum(1 for a in h.articles if a.status == "ok")
        rows.append(
            [
                h.slug,
                h.status.upper() if h.status != OK else OK,
                f"{reachable}/{len(h.sources)}",
                str(h.discovered),
                f"{fetched}/{len(h.articles)}",
                *(h.coverage(f) for f in FIELDS),
            ]
        )
    headers = ["portal", "status", "sources ok", "discovered", "fetched", *FIELDS]
    out = render_table(headers, rows)
    problems = [[h.slug, p] for h in reports for p in h.problems]
    if problems:
        out += "\nproblems:\n" + "".join(f"  {slug}: {p}\n" for slug, p in problems)
    return out
