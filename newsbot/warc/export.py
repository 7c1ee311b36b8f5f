"""WarcExport: any crawl also writes what it fetched to WARC files (``NEWSBOT_WARC_DIR``).

An extension (``EXTENSIONS``), off unless ``NEWSBOT_WARC_DIR`` is set. On ``response_received``
every response that reached the spider side of the downloader (after redirects, retries and
decompression) is written with its request (:class:`~newsbot.warc.writer.RotatingWarcWriter`,
files rotated at ``NEWSBOT_WARC_MAX_BYTES``, named ``NEWSBOT_WARC_PREFIX-...``). The inner
fetches of ``MirrorMiddleware`` are not written (the real URL is), nor the WARC ranges the
``ccnews`` spider downloads. The fetch time written as WARC-Date is also put in
``request.meta["newsbot_fetched_at"]``, which the article path uses as ``crawled_at``, and the
request's discovery context (feed/sitemap hints, depth, via, portal) is written in a metadata
record before the response, so ``scrapy extract --warc`` over the files gives the crawl's
records again. A write error is
logged and counted (``newsbot/warc/written/errors``); the crawl goes on.
Stats: ``newsbot/warc/written/responses``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newsbot.warc.writer import RotatingWarcWriter

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Headers, Request, Response

__all__ = ["WarcExport"]

logger = logging.getLogger(__name__)

_SKIP_META = ("_newsbot_mirror_of",)
_SKIP_KINDS = ("warc",)


def _pairs(headers: Headers) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, values in headers.items():
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        for value in values:
            out.append((key, value.decode("latin-1") if isinstance(value, bytes) else str(value)))
    return out


def _context(meta: dict[str, Any]) -> dict[str, Any] | None:
    """What the article path reads from ``request.meta`` besides the page itself."""
    context = {
        "kind": meta.get("newsbot_kind"),
        "hints": meta.get("newsbot_hints") or None,
        "depth": meta.get("newsbot_depth"),
        "via": meta.get("newsbot_via"),
        "portal": meta.get("newsbot_portal"),
        "fetched_via": "browser" if meta.get("playwright") else None,
    }
    return {k: v for k, v in context.items() if v is not None} or None


class WarcExport:
    """Extension (module docstring)."""

    def __init__(self, crawler: Crawler, writer: RotatingWarcWriter) -> None:
        self.crawler = crawler
        self.writer = writer
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcExport:
        settings = crawler.settings
        directory = settings.get("NEWSBOT_WARC_DIR")
        if not directory:
            raise NotConfigured("NEWSBOT_WARC_DIR is not set")
        from scrapy import __version__ as scrapy_version

        writer = RotatingWarcWriter(
            Path(directory).expanduser(),
            prefix=settings.get("NEWSBOT_WARC_PREFIX") or "newsbot",
            max_bytes=settings.getint("NEWSBOT_WARC_MAX_BYTES", 1 << 30),
            software=f"newsbot (Scrapy {scrapy_version})",
        )
        return cls(crawler, writer)

    def _count(self, event: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newsbot/warc/written/{event}")

    def response_received(self, response: Response, request: Request) -> None:
        meta = request.meta
        if any(key in meta for key in _SKIP_META) or meta.get("newsbot_kind") in _SKIP_KINDS:
            return
        now = datetime.now(UTC).replace(microsecond=0)
        meta["newsbot_fetched_at"] = now
        try:
            self.writer.write(
                url=response.url,
                when=now,
                status=response.status,
                headers=_pairs(response.headers),
                body=response.body,
                protocol=getattr(response, "protocol", None),
                method=request.method,
                request_headers=_pairs(request.headers),
                request_body=request.body or b"",
                context=_context(meta),
            )
        except OSError as exc:
            self._count("errors")
            logger.error("Cannot write WARC record of %s: %s", response.url, exc)
            return
        self._count("responses")

    def spider_closed(self, reason: Any = None) -> None:
        self.writer.close()
