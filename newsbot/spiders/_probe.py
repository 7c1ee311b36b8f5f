"""Shared base of the probe spiders (``portalcheck``, ``siteprobe``): fetch sources, record.

A probe crawl emits no items. Each source request carries its :class:`SourceResult` in
``meta["probe_result"]``; callbacks fill it (status, entry counts, samples) with the pure
parsers of ``newsbot.discovery`` and errbacks record the error kind the crawl spiders count
(``http_404``, ``dns``, ``timeout``, ``robots_txt`` ...). Article candidates are collected per
target (a portal or a site); once a target's discovery requests are all answered (or the crawl
goes idle) up to ``articles`` of them are fetched, round-robin over the sources, newest first,
and read with the same extractor and ``classify`` verdict as a crawl, without feed hints.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response, TextResponse
from scrapy.settings import BaseSettings

from newsbot.catalogue.results import ArticleResult, SourceResult
from newsbot.discovery import Entry
from newsbot.discovery.feeds import parse_feed
from newsbot.discovery.sitemaps import Sitemap, parse_sitemap
from newsbot.extract import classify, extract_response
from newsbot.spiders._args import ArgumentError
from newsbot.spiders._discovery import DISCOVERY_PRIORITY
from newsbot.spiders.base import NewsbotSpider, _error_kind
from newsbot.urls import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from newsbot.portals import Portal

logger = logging.getLogger(__name__)

PROBE_OFF: dict[str, tuple[str, ...]] = {
    "SPIDER_MIDDLEWARES": ("newsbot.middlewares.incremental.IncrementalMiddleware",),
    "EXTENSIONS": ("newsbot.extensions.report.CrawlReport",),
}
"""Components switched off for a probe (the project's other components stay)."""
PROBE_SETTINGS: dict[str, Any] = {
    "ITEM_PIPELINES": {},
    "NEWSBOT_STATE_ENABLED": False,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 20,
}
"""A probe emits no items, keeps no seen-store, writes no crawl report and gives up on a dead
host sooner (``-s`` on the command line wins)."""


MAX_ARTICLES = 10
"""Article pages fetched per target at most, whatever ``articles`` asks."""
SOURCE_RANK = {"news_sitemap": 0, "rss": 1, "sitemap": 2, "listing": 3}
"""Sources whose entries are sampled first (news sitemaps and feeds list articles only)."""


@dataclass
class Target:
    """What one probe target (a portal or a site) collected."""

    key: str
    portal: Portal | None
    home: str | None = None
    pending: int = 0
    started: bool = False
    candidates: dict[str, list[Entry]] = field(default_factory=dict)
    """Source URL -> accepted article entries, in source order."""
    articles: list[ArticleResult] = field(default_factory=list)


class ProbeSpider(NewsbotSpider):
    """Base class: source bookkeeping, article sampling, extraction records."""

    custom_settings: dict[str, Any] = dict(PROBE_SETTINGS)

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """``custom_settings``, then PROBE_OFF's components disabled within the project's lists."""
        super().update_settings(settings)
        for name, off in PROBE_OFF.items():
            merged = {**settings.getdict(name), **dict.fromkeys(off)}
            settings.set(name, merged, priority="spider")

    def __init__(self, *args: Any, articles: int | str = 3, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            self.max_articles = max(0, min(int(articles), MAX_ARTICLES))
        except ValueError:
            raise ArgumentError(f"-a articles={articles!r}: an integer is required") from None
        self.targets: dict[str, Target] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ProbeSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider  # type: ignore[return-value]

    # -- sources ------------------------------------------------------------------------------

    def probe(
        self,
        target: Target,
        result: SourceResult,
        callback: Any,
        errback: Any = None,
        url: str | None = None,
        **meta: Any,
    ) -> Request:
        """The request of one source (``url``: another URL read in its name, e.g. a sitemap
        index's child); the target waits for its answer before sampling articles."""
        target.pending += 1
        self.count(target.portal, f"discovery/requests/{result.kind}")
        return Request(
            url or result.url,
            callback=callback,
            errback=errback or self.probe_error,
            priority=DISCOVERY_PRIORITY,
            dont_filter=True,
            meta={
                "newsbot_kind": "discovery",
                "newsbot_source": result.kind,
                "newsbot_portal": target.portal.slug if target.portal else None,
                "probe_target": target.key,
                "probe_result": result,
                **meta,
            },
        )

    def answered(self, response_or_failure: Any) -> tuple[Target, SourceResult]:
        request = getattr(response_or_failure, "request", None)
        meta = request.meta if request is not None else response_or_failure.meta
        target = self.targets[meta["probe_target"]]
        target.pending -= 1
        return target, meta["probe_result"]

    def probe_error(self, failure: Failure) -> Iterator[Request]:
        """Errback of a source: record the error kind; sample articles if it was the last.

        A missing robots.txt is normal: it is recorded, not logged as a failure."""
        target, result = self.answered(failure)
        result.status = _error_kind(failure)
        if result.kind != "robots" or not result.status.startswith("http_4"):
            self.on_error(failure)
        yield from self.maybe_articles(target)

    def accept(self, target: Target, result: SourceResult, entries: list[Entry]) -> None:
        """Count ``entries`` on ``result`` and keep those the target accepts as articles."""
        result.entries += len(entries)
        result.samples += [e.url for e in entries[: 20 - len(result.samples)]]
        kept = [e for e in entries if self.url_verdict(target.portal, e.url, target.home) is None]
        result.articles += len(kept)
        target.candidates.setdefault(result.url, []).extend(kept)

    def read_feed(self, response: Response, result: SourceResult) -> list[Entry]:
        """Feed entries; ``parse`` when the body is no RSS/Atom, ``empty`` with no items."""
        entries = parse_feed(response.body, response.url)
        if not entries:
            from newsbot.discovery.feeds import is_feed

            result.status = "empty" if is_feed(response.body) else "parse"
        else:
            result.status = "ok"
        return entries

    def read_sitemap(self, response: Response, result: SourceResult) -> Sitemap:
        """The parsed sitemap; ``parse`` when not a sitemap, ``empty`` with no entries."""
        sitemap = parse_sitemap(response.body, response.url, source=result.kind)
        if sitemap.kind == "invalid":
            result.status = "parse"
        elif not sitemap.entries:
            result.status = "empty"
        else:
            result.status = "ok"
            result.news = result.news or sitemap.is_news
        return sitemap

    def newest_child(self, sitemap: Sitemap) -> Entry:
        """The child sitemap to read of an index: the newest ``lastmod``, else the first."""
        dated = [e for e in sitemap.entries if e.modified is not None]
        if dated:
            return max(dated, key=lambda e: e.modified)  # type: ignore[arg-type,return-value]
        return sitemap.entries[0]

    # -- articles -----------------------------------------------------------------------------

    def pick(self, target: Target) -> list[tuple[str, Entry]]:
        """Up to ``max_articles`` distinct candidates, round-robin over sources, newest first."""
        oldest = datetime.min.replace(tzinfo=UTC)
        queues = sorted(
            (
                (src, sorted(entries, key=lambda e: e.date or oldest, reverse=True))
                for src, entries in target.candidates.items()
                if entries
            ),
            key=lambda q: min(SOURCE_RANK.get(e.source, 9) for e in q[1]),
        )
        picked: list[tuple[str, Entry]] = []
        seen: set[str] = set()
        while len(picked) < self.max_articles and any(q for _, q in queues):
            for src, queue in queues:
                while queue and canonical_url(queue[0].url) in seen:
                    queue.pop(0)
                if queue and len(picked) < self.max_articles:
                    entry = queue.pop(0)
                    seen.add(canonical_url(entry.url))
                    picked.append((src, entry))
        return picked

    def maybe_articles(self, target: Target) -> Iterator[Request]:
        """Article requests once the target's discovery is over (only once per target)."""
        if target.pending > 0 or target.started:
            return
        target.started = True
        for src, entry in self.pick(target):
            result = ArticleResult(url=entry.url, source=src)
            target.articles.append(result)
            yield Request(
                entry.url,
                callback=self.parse_probe_article,
                errback=self.article_error,
                meta={
                    "newsbot_kind": "article",
                    "newsbot_portal": target.portal.slug if target.portal else None,
                    "probe_result": result,
                    "probe_target": target.key,
                },
            )

    def on_idle(self) -> None:
        """A target whose bookkeeping missed an answer still gets its articles sampled."""
        assert self.crawler.engine is not None
        scheduled = False
        for target in self.targets.values():
            if not target.started:
                target.pending = 0
                for request in self.maybe_articles(target):
                    self.crawler.engine.crawl(request)
                    scheduled = True
        if scheduled:
            raise DontCloseSpider

    def article_error(self, failure: Failure) -> None:
        self.on_error(failure)
        failure.request.meta["probe_result"].status = _error_kind(failure)  # type: ignore[attr-defined]

    def parse_probe_article(self, response: Response) -> None:
        """Extract the page as a crawl would (no feed hints) and record what it gave."""
        result: ArticleResult = response.meta["probe_result"]
        target = self.targets[response.meta["probe_target"]]
        result.status = "ok"
        if not isinstance(response, TextResponse):
            result.reason = "not-html"
            return
        article = extract_response(response, target.portal, stats=self.crawler.stats)
        result.reason = classify(article, response)
        result.fields = {
            "title": bool(article.title),
            "body": bool(article.body),
            "published": bool(article.published),
            "authors": bool(article.authors),
        }
        result.word_count = article.word_count or 0
        result.title = article.title
        result.site_name = article.site_name
        result.language = article.language
        result.dateline = article.dateline
        result.lang_attr = (
            response.xpath("/html/@lang").get()
            or response.xpath("//meta[@property='og:locale']/@content").get()
        )
        result.text = f"{article.title or ''}\n{article.body or ''}"
        if target.portal is not None:
            from newsbot.catalogue.health import selector_misses

            layout = target.portal.layout_for(None)
            result.selector_misses = selector_misses(response.selector, layout)
        self.count(target.portal, "probe/articles")
