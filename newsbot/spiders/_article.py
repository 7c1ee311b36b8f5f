"""Article-page handling for ``NewsbotSpider.parse_article``: extract, classify, filter, follow.

Kept apart from ``base.py`` so the discovery half and the page half stay small.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from scrapy.http import Response, TextResponse

from newsbot.discovery import Entry, parse_machine_date
from newsbot.extract import classify, extract_response
from newsbot.render.auto import rerender_request

if TYPE_CHECKING:
    from newsbot.items import Article
    from newsbot.portals import Portal
    from newsbot.spiders._pool import ExtractPool
    from newsbot.spiders.base import NewsbotSpider

logger = logging.getLogger(__name__)


def _apply_hints(article: Article, hints: dict[str, Any], portal: Portal | None) -> str | None:
    """Fill ``published``/``title``/``language`` from feed/sitemap metadata the page lacked."""
    used = None
    if not article.published and hints.get("published"):
        raw = str(hints["published"]).strip()
        when = parse_machine_date(raw)
        if when is not None:
            zone = ZoneInfo(portal.timezone) if portal is not None else UTC
            # a bare day ("2024-05-13") stays a day: no invented midnight
            article.published = raw if len(raw) == 10 else when.astimezone(zone).isoformat()
            article.published_raw = article.published_raw or str(hints["published"])
            article.date_source = str(hints.get("date_source") or "sitemap")
            article.date_tz_source = article.date_tz_source or "page"
            used = article.date_source
    if not article.title and hints.get("title"):
        article.title = str(hints["title"])
    if not article.language and hints.get("language"):
        article.language = str(hints["language"])[:2].lower()
    return used


SHELL_REASONS = frozenset({"no-title", "no-body"})
"""Non-article verdicts that a JavaScript shell page also gets: ``auto`` may render those."""


def keeps_non_articles(spider: Any) -> bool:
    """``-a keep_non_articles=1``: emit pages that are not articles too (still counted)."""
    flag = getattr(spider, "keep_non_articles", None)
    return str(flag).strip().lower() in ("1", "true", "yes", "on") if flag is not None else False


def _published(article: Article) -> datetime | None:
    return parse_machine_date(article.published) if article.published else None


@dataclass(frozen=True)
class _Page:
    """What ``handle_article`` knows about a page before extracting it."""

    portal: Portal | None
    hints: dict[str, Any]
    depth: int
    via: Any
    fetched_at: Any


def _page(spider: NewsbotSpider, response: Response) -> _Page | None:
    """The page to extract, or None (limit reached, not HTML: counted)."""
    meta = response.meta
    portal = spider.portal_for(response.url, meta)
    if spider.limit_reached():
        spider.count(portal, "skipped/limit")
        return None
    if not isinstance(response, TextResponse):
        spider.count(portal, "skipped/not-html")
        logger.info("Skipped %s: not-html", response.url)
        return None
    depth = int(meta.get("newsbot_depth") or 0)
    via = meta.get("newsbot_via")
    hints = dict(meta.get("newsbot_hints") or {})
    hints.setdefault("depth", depth)
    if via:
        hints.setdefault("via", via)
    # the archive/WARC-writer time of the fetch, so a re-extraction from WARC matches exactly
    return _Page(portal, hints, depth, via, meta.get("newsbot_fetched_at"))


def _extract_here(
    spider: NewsbotSpider, response: Response, page: _Page
) -> tuple[Article, str | None]:
    article = extract_response(
        response,  # type: ignore[arg-type]
        page.portal,
        stats=spider.crawler.stats,
        hints=page.hints,
        now=page.fetched_at,
    )
    return article, classify(article, response)


def handle_article(spider: NewsbotSpider, response: Response) -> Iterator[Any]:
    """Everything ``parse_article`` does (see NewsbotSpider.parse_article)."""
    page = _page(spider, response)
    if page is not None:
        article, reason = _extract_here(spider, response, page)
        yield from _finish(spider, response, page, article, reason)


async def handle_article_pooled(
    spider: NewsbotSpider, response: Response, pool: ExtractPool
) -> AsyncIterator[Any]:
    """``handle_article`` with the extraction done by ``pool`` (``NEWSBOT_EXTRACT_WORKERS``)."""
    page = _page(spider, response)
    if page is None:
        return
    done = await pool.extract(
        response,  # type: ignore[arg-type]
        page.portal,
        page.hints,
        page.fetched_at,
        spider.crawler.stats,
    )
    if done is None:
        spider.count(page.portal, "extract_pool/fallback")
        done = _extract_here(spider, response, page)
    for obj in _finish(spider, response, page, *done):
        yield obj


def _finish(
    spider: NewsbotSpider,
    response: Response,
    page: _Page,
    article: Article,
    reason: str | None,
) -> Iterator[Any]:
    """Classification verdict, render decision, hints, age limit, related requests, emit."""
    portal, hints, depth, via = page.portal, page.hints, page.depth, page.via
    if spider.limit_reached():  # reached while this page was in an extraction worker
        spider.count(portal, "skipped/limit")
        return
    if reason is None or reason in SHELL_REASONS:
        browser_request = rerender_request(spider, response, portal, article)
        if browser_request is not None:  # render="auto" and the plain page fell short
            yield browser_request
            return
    else:  # a plain home/listing/video page is what it is: no browser for it
        article.fetched_via = "browser" if response.meta.get("playwright") else "http"
    if reason is not None:
        spider.count(portal, f"not_article/{reason}")
        if not keeps_non_articles(spider):
            spider.count(portal, f"skipped/{reason}")
            logger.info("Skipped %s: not an article (%s)", response.url, reason)
            return
        spider.count(portal, "not_article/kept")  # -a keep_non_articles=1
    used = _apply_hints(article, hints, portal)
    if used:
        spider.count(portal, f"date_fallback/{used}")
    published = _published(article)
    if spider.too_old(published):
        spider.count(portal, "skipped/too_old")
        logger.info("Skipped %s: too_old (published %s)", response.url, article.published)
        return
    article.depth = depth
    article.via = via
    if article.portal is None and portal is not None:
        article.portal = portal.slug
    if not article.fetched_url:
        article.fetched_url = response.url
    if not article.crawled_at:
        article.crawled_at = datetime.now(UTC).isoformat(timespec="seconds")
    requests = list(_related_requests(spider, article, response, portal, depth))
    yield from requests
    yield from spider.emit(article, portal)


def _related_requests(
    spider: NewsbotSpider,
    article: Article,
    response: Response,
    portal: Portal | None,
    depth: int,
) -> Iterator[Any]:
    """Requests for ``article.related`` links on the portal's domains, up to related_depth."""
    if not article.related:
        return
    if depth >= spider.related_depth:
        spider.count(portal, "related/max_depth", len(article.related))
        return
    via = article.url or response.url
    home = response.meta.get("newsbot_home") or response.url
    priority = max(0, response.request.priority - 1) if response.request is not None else 0
    for link in article.related:
        url = urljoin(response.url, str(link.get("url") or ""))
        if not url.startswith(("http://", "https://")):
            continue
        if not spider.owns(portal, url, home):
            spider.count(portal, "related/off_domain")
            logger.debug("Related link off the portal's domains: %s", url)
            continue
        entry = Entry(url=url, source="related", title=link.get("title"))
        request = spider.article_request(
            entry, portal, depth=depth + 1, via=via, priority=priority, home=home
        )
        if request is not None:
            spider.count(portal, "related/requested")
            yield request
