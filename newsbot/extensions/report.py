"""CrawlReport: what a crawl did, per portal — a table in the log and a JSON file.

At close, per portal: pages fetched, articles emitted (of which updates) and by which discovery
path found them (``found_by``: sitemap, feed, listing, navigation, related, given), dropped by
reason, duplicates by level, incremental skips, field coverage (% of emitted articles with published,
authors, tags, related, lead_image), date sources used, errors by class (the spiders'
``error/<kind>`` counters, spider and pipeline exceptions) and HTTP error statuses received.
The JSON goes to ``NEWSBOT_REPORT_PATH`` (``%(name)s``-style feed params allowed), by default
next to the first local feed: ``out/articles.jsonl`` -> ``out/articles.report.json`` (no file
without a local feed).

A crawl in which a portal that declares sources emitted nothing (or, for ``-a url=`` /
``site`` / ``article`` crawls, the whole crawl emitted nothing), and nothing was skipped as
already seen, too old or duplicate, is a broken crawl: a WARNING is logged and the spider
closes with reason ``no_items`` (raised from ``spider_idle``), so ``finish_reason`` and the
report's ``status`` show it to cron (``scrapy crawl`` itself still exits 0). When everything was
skipped as already seen, ``status`` is ``nothing_new`` and a WARNING says how many were skipped
and that ``-a fresh=1`` re-emits them. ``scrapy parse`` (which replaces the spider's ``start``,
see ``NewsbotSpider.crawl_started``) is never judged.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.extensions.feedexport import apply_uri_params

from newsbot.extensions.report_table import COVERAGE_FIELDS, format_table
from newsbot.feeds import feed_paths
from newsbot.pipelines.validate import GENERIC

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from twisted.python.failure import Failure

__all__ = ["COVERAGE_FIELDS", "CrawlReport"]

logger = logging.getLogger(__name__)

DUP_LEVELS = ("url", "exact", "near")
_GROUPS = {
    "dropped": "dropped",
    "dedup": "duplicates",
    "error": "errors",
    "skipped": "skipped",
    "render": "render",
}
FOUND_BY = {"rss": "feed", "news_sitemap": "sitemap", "sitemap": "sitemap"}
"""Discovery path of each ``discovered_by`` source kind (others keep their own name)."""


class CrawlReport:
    """Extension (module docstring)."""

    def __init__(self, crawler: Crawler, path: str | None) -> None:
        self.crawler = crawler
        self.path = path
        self.pages: Counter[str] = Counter()
        self.http_errors: dict[str, Counter[str]] = defaultdict(Counter)
        self.emitted: Counter[str] = Counter()
        self.coverage: dict[str, Counter[str]] = defaultdict(Counter)
        self.date_sources: dict[str, Counter[str]] = defaultdict(Counter)
        self.found_by: dict[str, Counter[str]] = defaultdict(Counter)
        self.exceptions: dict[str, Counter[str]] = defaultdict(Counter)
        self.started = time.time()
        self.status = "ok"
        cs = crawler.signals
        cs.connect(self.response_received, signal=signals.response_received)
        cs.connect(self.item_scraped, signal=signals.item_scraped)
        cs.connect(self.spider_error, signal=signals.spider_error)
        cs.connect(self.item_error, signal=signals.item_error)
        cs.connect(self.spider_idle, signal=signals.spider_idle)
        cs.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlReport:
        if not crawler.settings.getbool("NEWSBOT_REPORT_ENABLED", True):
            raise NotConfigured("NEWSBOT_REPORT_ENABLED is off")
        return cls(crawler, crawler.settings.get("NEWSBOT_REPORT_PATH") or None)

    # -- collection ---------------------------------------------------------------------------

    def _portal(self, request: Request | None, url: str = "") -> str:
        meta = request.meta if request is not None else {}
        slug = meta.get("newsbot_portal")
        if slug:
            return str(slug)
        portal = getattr(getattr(self.crawler, "spider", None), "portal", None)
        if portal is not None:
            return str(getattr(portal, "slug", portal))
        from newsbot import portals

        found = portals.for_url(url) if url else None
        return found.slug if found is not None else GENERIC

    def response_received(self, response: Response, request: Request) -> None:
        if "_newsbot_mirror_of" in request.meta or request.url.endswith("/robots.txt"):
            return
        portal = self._portal(request, response.url)
        self.pages[portal] += 1
        if response.status >= 400:
            self.http_errors[portal][str(response.status)] += 1

    def item_scraped(self, item: Any, response: Response | None = None) -> None:
        adapter = ItemAdapter(item)
        portal = str(adapter.get("portal") or GENERIC)
        self.emitted[portal] += 1
        request = getattr(response, "request", None)
        meta = request.meta if request is not None else {}
        source = str((meta.get("newsbot_hints") or {}).get("discovered_by") or "unknown")
        self.found_by[portal][FOUND_BY.get(source, source)] += 1
        for name in COVERAGE_FIELDS:
            if adapter.get(name):
                self.coverage[portal][name] += 1
        self.date_sources[portal][str(adapter.get("date_source") or "none")] += 1

    def spider_error(self, failure: Failure, response: Response) -> None:
        portal = self._portal(getattr(response, "request", None), response.url)
        self.exceptions[portal][type(failure.value).__name__] += 1

    def item_error(self, item: Any, failure: Failure) -> None:
        portal = str(ItemAdapter(item).get("portal") or GENERIC)
        self.exceptions[portal][f"pipeline:{type(failure.value).__name__}"] += 1

    def _started(self) -> bool:
        """False when the spider's own ``start()`` did not run (``scrapy parse`` replaces it)."""
        return bool(getattr(getattr(self.crawler, "spider", None), "crawl_started", True))

    def _declared(self) -> list[str]:
        """Portals of this crawl that declare discovery sources."""
        spider = getattr(self.crawler, "spider", None)
        portal = getattr(spider, "portal", None)
        if portal is None or not getattr(portal, "sources", None) or not self._started():
            return []
        if getattr(getattr(spider, "args", None), "urls", None):
            return []  # -a url=...: the sources were not used
        return [str(portal.slug)]

    def _seen_counts(self, portal: str) -> tuple[int, int, int]:
        """(already seen, duplicates, too old) skips of ``portal`` (``*``: every portal)."""
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}

        def total(*events: str) -> int:
            return sum(
                int(value)
                for key, value in stats.items()
                if key.startswith("newsbot/")
                and key.count("/") >= 2
                and (portal == "*" or key.split("/")[1] == portal)
                and key.split("/", 2)[2] in events
            )

        dups = total(*(f"dedup/{level}" for level in DUP_LEVELS), "dupefilter/filtered")
        return (
            total("incremental/skipped"),
            dups,
            total("discovery/too_old", "skipped/too_old"),
        )

    def _empty(self, portal: str, where: str) -> None:
        """Nothing emitted from ``portal`` (``*``: the whole crawl): nothing_new or no_items."""
        seen, dups, old = self._seen_counts(portal)
        if seen or dups or old:
            self.status = "nothing_new"
            logger.warning(
                "%s: nothing new, no article emitted (%d already seen in the seen-store, "
                "%d duplicates, %d too old); -a fresh=1 re-emits seen articles",
                where,
                seen,
                dups,
                old,
            )
            return
        self.status = "no_items"
        logger.warning(
            "%s: this crawl emitted no article and skipped none as already seen, duplicate or "
            "too old: discovery or extraction is broken, or the pages are not articles "
            "(see the skipped/error counts; closing with reason no_items)",
            where,
        )
        raise CloseSpider("no_items")

    def spider_idle(self) -> None:
        engine = getattr(self.crawler, "engine", None)
        if engine is not None and not engine.spider_is_idle():
            return  # an earlier spider_idle receiver scheduled more work: judge later
        declared = self._declared()
        for portal in declared:
            if not self.emitted[portal]:
                self._empty(portal, f"Portal {portal}")
        if not declared and self._started() and not sum(self.emitted.values()):
            self._empty("*", "Crawl")

    # -- report -------------------------------------------------------------------------------

    def build(self, reason: str) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        grouped: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        for key, value in stats.items():
            parts = key.split("/")
            if len(parts) >= 4 and parts[0] == "newsbot" and isinstance(value, int):
                portal, group, rest = parts[1], parts[2], "/".join(parts[3:])
                if group == "incremental":
                    grouped[portal]["incremental"][rest] += value
                elif group in _GROUPS:
                    grouped[portal][_GROUPS[group]][rest] += value
        portals = sorted(
            {*self.pages, *self.emitted, *self._declared(), *grouped, *self.exceptions}
            - {"state", "mirror"}
        )
        out: dict[str, Any] = {}
        for portal in portals:
            emitted = self.emitted[portal]
            groups = grouped[portal]
            errors = Counter(groups["errors"])
            errors.update(self.exceptions[portal])
            duplicates = dict(groups["duplicates"])
            duplicates.pop("new", None)
            updates = duplicates.pop("update", 0)
            out[portal] = {
                "pages_fetched": self.pages[portal],
                "articles_emitted": emitted,
                "dropped": dict(sorted(groups["dropped"].items())),
                "duplicates": dict(sorted(duplicates.items())),
                "updates": updates,
                "incremental": dict(sorted(groups["incremental"].items())),
                "not_articles": dict(sorted(groups["skipped"].items())),
                "coverage": {
                    f: round(100.0 * self.coverage[portal][f] / emitted, 1) if emitted else None
                    for f in COVERAGE_FIELDS
                },
                "found_by": dict(self.found_by[portal].most_common()),
                "date_sources": dict(self.date_sources[portal].most_common()),
                "errors": dict(errors.most_common()),
                "http_status": dict(sorted(self.http_errors[portal].items())),
                "render": dict(sorted(groups["render"].items())),
            }
        spider = getattr(self.crawler, "spider", None)
        return {
            "spider": getattr(spider, "name", None),
            "finish_reason": reason,
            "status": self.status if reason in ("finished", "no_items") else reason,
            "started": datetime.fromtimestamp(self.started, UTC).isoformat(timespec="seconds"),
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
            "elapsed_s": round(time.time() - self.started, 1),
            "portals": out,
        }

    def report_path(self) -> Path | None:
        """Where the JSON goes (module docstring)."""
        if self.path:
            from newsbot.feeds import uri_params

            spider = self.crawler.spider
            params = uri_params({"name": getattr(spider, "name", "crawl")}, spider)
            return Path(apply_uri_params(self.path, params))
        paths = feed_paths(self.crawler)
        if not paths:
            return None
        first = paths[0]
        return first.with_name(first.stem + ".report.json")

    def spider_closed(self, reason: str) -> None:
        report = self.build(reason)
        logger.info("Crawl report (reason %s):\n%s", reason, format_table(report))
        for portal in self._declared():
            if not report["portals"].get(portal, {}).get("articles_emitted"):
                if report["status"] == "nothing_new":
                    continue
                logger.warning("Portal %s emitted no article (status %s)", portal, reason)
        path = self.report_path()
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        logger.info("Crawl report written to %s", path)
