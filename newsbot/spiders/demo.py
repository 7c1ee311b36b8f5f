"""The offline demo: ``scrapy crawl demo -O demo.jsonl`` (README "Quick start").

Starts ``newsbot.demo.server`` on 127.0.0.1 (a free port, or ``-a port=N``) serving the
bundled demo site (``newsbot/demo/site``, or a copy given with ``-a site_dir=PATH``, e.g. one
with ``newsbot/demo/site_updates`` laid over it for the two-run scenario), maps the demo
portal's host (``demo.newsbot.example``) to it through ``MirrorMiddleware`` and crawls the demo portal through the real engine: RSS, news
sitemap, sections with pagination, related articles. The server stops when the spider closes.
The demo is local, so its download delay is 0 (the portal's own politeness is not applied).

Each demo run starts from an empty, in-memory seen-store, so running the README command twice
writes the same records twice. Give a state directory explicitly (``-s NEWSBOT_STATE_DIR=DIR``,
or ``NEWSBOT_STATE_BACKEND``) to keep the store across runs and see the incremental behaviour.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from scrapy import signals
from scrapy.settings import BaseSettings, get_settings_priority

from newsbot import portals
from newsbot.demo.server import Route, start_server
from newsbot.spiders.base import NewsbotSpider
from newsbot.state import DEFAULT_STATE_DIR

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

DEMO_HOST = "demo.newsbot.example"
SITE_DIR = Path(__file__).resolve().parent.parent / "demo" / "site"


def demo_routes(site_dir: Path = SITE_DIR) -> dict[str, Route]:
    """Special routes of the demo site (``manifest.json`` "routes": content types, statuses)."""
    manifest = site_dir / "manifest.json"
    if not manifest.is_file():
        return {}
    spec = json.loads(manifest.read_text(encoding="utf-8")).get("routes") or {}
    known = {f.name for f in fields(Route)}
    return {
        unquote(path): Route(**{k: v for k, v in opts.items() if k in known})
        for path, opts in spec.items()
    }


def state_is_explicit(settings: BaseSettings) -> bool:
    """True when the user chose where the seen-store lives (``-s``, a non-default value, or
    ``REDIS_URL``: a shared crawl keeps its store in Redis)."""
    if settings.get("REDIS_URL") or os.environ.get("REDIS_URL"):
        return True
    project = get_settings_priority("project")
    for name in ("NEWSBOT_STATE_DIR", "NEWSBOT_STATE_BACKEND"):
        if (settings.getpriority(name) or 0) > project:
            return True
    directory = settings.get("NEWSBOT_STATE_DIR") or DEFAULT_STATE_DIR
    return directory != DEFAULT_STATE_DIR or bool(settings.get("NEWSBOT_STATE_BACKEND"))


def demo_portal() -> portals.Portal:
    """The registry portal that owns the demo host."""
    portal = portals.for_host(DEMO_HOST)
    if portal is None:
        raise portals.PortalError(f"no portal owns {DEMO_HOST} (newsbot/portals/demo.py)")
    return portal


class DemoSpider(NewsbotSpider):
    """Crawl the bundled demo portal from a local server started for the run."""

    name = "demo"
    custom_settings = {
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0.0,
        "DOWNLOAD_DELAY_JITTER": 0,
    }

    def __init__(
        self, *args: Any, port: str | int = 0, site_dir: str | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("portal", demo_portal().slug)
        super().__init__(*args, **kwargs)
        self.port = int(port)
        self.site_dir = Path(site_dir) if site_dir else SITE_DIR
        self.server: Any = None

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """Also: a per-run (memory) seen-store unless a state dir/backend was given (docstring)."""
        super().update_settings(settings)
        if not state_is_explicit(settings):
            settings.set("NEWSBOT_STATE_BACKEND", "memory", priority="spider")
            logger.info(
                "Demo: per-run seen-store (every run emits the whole demo); "
                "-s NEWSBOT_STATE_DIR=DIR or REDIS_URL keeps it across runs (incremental crawls)"
            )

    def configure(self, crawler: Crawler) -> None:
        """Start the demo server and point the demo host at it (unless -a mirror= is given)."""
        if not self.args.mirror:
            routes = demo_routes(self.site_dir)
            self.server, base = start_server(self.site_dir, routes, port=self.port)
            self.args.mirror = base
            logger.info("Demo site %s served at %s as %s", self.site_dir, base, DEMO_HOST)
            crawler.signals.connect(self.stop_server, signal=signals.spider_closed)
        super().configure(crawler)
        if self.portal is not None and not crawler.settings.frozen:
            slots = crawler.settings.getdict("DOWNLOAD_SLOTS")
            for host in (*self.portal.domains, *(f"www.{d}" for d in self.portal.domains)):
                slots[host] = {"delay": 0.0, "concurrency": 8}
            crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")

    def stop_server(self) -> None:
        """spider_closed: stop the demo server."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None
            logger.info("Demo server stopped")
