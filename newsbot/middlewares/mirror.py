"""MirrorMiddleware: fetch the pages of some hosts from a local mirror, keeping the real URLs.

``NEWSBOT_MIRRORS = {"demo.newsbot.example": "http://127.0.0.1:8000"}`` makes every request to
``http(s)://demo.newsbot.example/<path>?<query>`` (``www.`` and subdomains included) be fetched
from ``http://127.0.0.1:8000/<path>?<query>``, while the spider, the other middlewares and the
feed only ever see the real URL: allow/deny patterns, canonical URLs, robots.txt, dupefilter and
item URLs behave as on the live site. robots.txt requests go through it too.

The mirrored fetch is a second request through the downloader (``engine.download_async``) with
``download_slot`` set to the real host, so per-portal politeness (``DOWNLOAD_SLOTS``) still
applies. Retries and redirects are handled once, on the real request. Install it late in the
chain (priority 950, after HttpCacheMiddleware). Stats: ``newsbot/mirror/requests``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

_INNER = "_newsbot_mirror_of"
"""Meta key marking the inner (mirrored) request; its value is the real URL."""


def _host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def parse_mirrors(value: Any) -> dict[str, str]:
    """Normalise the NEWSBOT_MIRRORS value (dict, JSON string, or "host=url,host=url")."""
    if not value:
        return {}
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("{"):
            import json

            value = json.loads(value)
        else:
            value = dict(part.split("=", 1) for part in value.split(",") if "=" in part)
    if not isinstance(value, Mapping):
        raise ValueError(f"NEWSBOT_MIRRORS must be a mapping host -> base URL, not {value!r}")
    out: dict[str, str] = {}
    for host, base in value.items():
        parts = urlsplit(str(base).strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"NEWSBOT_MIRRORS[{host!r}]: {base!r} is not an http(s) base URL")
        key = str(host).strip().lower()
        key = key.removeprefix("www.")
        out[key] = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
    return out


class MirrorMiddleware:
    """Downloader middleware serving mirrored hosts from a local server (module docstring)."""

    def __init__(self, crawler: Crawler, mirrors: dict[str, str]) -> None:
        self.crawler = crawler
        self.mirrors = mirrors
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MirrorMiddleware:
        mirrors = parse_mirrors(crawler.settings.get("NEWSBOT_MIRRORS"))
        if not mirrors:
            # No mirror is the normal case: no args, so Scrapy does not log a WARNING per crawl.
            raise NotConfigured
        logger.info("Mirroring %s", ", ".join(f"{h} -> {b}" for h, b in mirrors.items()))
        return cls(crawler, mirrors)

    def mirror_base(self, host: str) -> str | None:
        """Mirror base URL serving ``host`` (exact, ``www.`` or subdomain match), else None."""
        host = host.lower()
        best = None
        for domain, base in self.mirrors.items():
            if (host == domain or host.endswith("." + domain)) and (
                best is None or len(domain) > len(best[0])
            ):
                best = (domain, base)
        return best[1] if best else None

    def mirror_url(self, url: str) -> str | None:
        """The mirror URL that serves ``url``, or None when its host is not mirrored."""
        parts = urlsplit(url)
        base = self.mirror_base(parts.hostname or "")
        if base is None:
            return None
        return base + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    async def process_request(self, request: Request) -> Response | None:
        if _INNER in request.meta:
            return None
        target = self.mirror_url(request.url)
        if target is None:
            return None
        assert self.crawler.engine is not None
        meta = {
            **request.meta,
            _INNER: request.url,
            "download_slot": request.meta.get("download_slot") or _host_of(request.url),
            "dont_obey_robotstxt": True,
            "dont_retry": True,
            "dont_redirect": True,
            "handle_httpstatus_all": True,
            "dont_cache": True,
        }
        inner = request.replace(url=target, meta=meta, dont_filter=True)
        if self.stats is not None:
            self.stats.inc_value("newsbot/mirror/requests")
        response = await self.crawler.engine.download_async(inner)
        return self._unmirror(response, request)

    def _unmirror(self, response: Response, request: Request) -> Response:
        """The mirror's response dressed as the real URL's (redirects mapped back too)."""
        headers = response.headers.copy()
        location = headers.get(b"Location")
        base = self.mirror_base(_host_of(request.url))
        if location and base:
            loc = location.decode("latin-1")
            real = urlsplit(request.url)
            if loc.startswith(base):
                headers[b"Location"] = (
                    urlunsplit((real.scheme, real.netloc, "", "", "")) + loc[len(base) :]
                ).encode("latin-1")
        return response.replace(url=request.url, headers=headers, request=request)
