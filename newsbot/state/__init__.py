"""Persistent seen-store and the per-crawl state shared by newsbot's components.

``open_store(settings)`` picks the backend: Redis when ``REDIS_URL`` is set (setting, else
environment variable), otherwise SQLite in ``NEWSBOT_STATE_DIR`` (default ``.newsbot-state``
next to ``scrapy.cfg``, or in the current directory outside a project).
``NEWSBOT_STATE_BACKEND`` = ``sqlite`` / ``redis`` / ``memory`` forces one.

``crawl_state(crawler)`` returns the one :class:`CrawlState` of a crawl: the store (opened once,
closed when the engine stops), the ``fresh`` flag (``-a fresh=1`` or ``NEWSBOT_FRESH``), the
near-duplicate hasher and the sitemap/feed ``lastmod`` of fetched articles (filled by the
incremental middleware, read by the dedupe pipeline).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.settings import SETTINGS_PRIORITIES

from newsbot.fingerprints import DEFAULT_NUM_PERM, DEFAULT_THRESHOLD, NearDupHasher
from newsbot.state.base import SeenRecord, SeenStore, is_newer, parse_when
from newsbot.state.keys import KeySet, compact_key
from newsbot.state.memory import MemorySeenStore

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = [
    "CrawlState",
    "KeySet",
    "MemorySeenStore",
    "SeenRecord",
    "SeenStore",
    "compact_key",
    "crawl_state",
    "is_newer",
    "open_store",
    "parse_when",
    "state_dir",
]

logger = logging.getLogger(__name__)

DEFAULT_STATE_DIR = ".newsbot-state"
_TRUE = {"1", "true", "yes", "on"}


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() in _TRUE if value is not None else False


def scrapyd_state_dir() -> Path:
    """Default state directory of a job run by Scrapyd: ``$XDG_STATE_HOME/newsbot`` (default
    ``~/.local/state/newsbot``), not the job's working directory."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "newsbot"


def _deployed() -> bool:
    """True when newsbot runs from a deployed egg (a Scrapyd job) rather than a checkout."""
    return any(part.endswith(".egg") for part in Path(__file__).parts) or bool(
        os.environ.get("SCRAPY_JOB")  # Scrapyd < 1.5
    )


def state_dir(settings: BaseSettings) -> Path:
    """``NEWSBOT_STATE_DIR``; a relative path is taken from the project root (``scrapy.cfg``).

    In a Scrapyd job (newsbot imported from the deployed egg) the project default becomes :func:`scrapyd_state_dir`;
    a ``NEWSBOT_STATE_DIR`` given to the job (``setting=`` of ``schedule.json``) still wins.
    """
    path = Path(settings.get("NEWSBOT_STATE_DIR") or DEFAULT_STATE_DIR).expanduser()
    if path.is_absolute():
        return path
    priority = settings.getpriority("NEWSBOT_STATE_DIR") or 0
    if priority <= SETTINGS_PRIORITIES["project"] and _deployed():
        return scrapyd_state_dir()
    from scrapy.utils.conf import closest_scrapy_cfg

    cfg = closest_scrapy_cfg()
    return (Path(cfg).parent if cfg else Path.cwd()) / path


def redis_url(settings: BaseSettings) -> str | None:
    """``REDIS_URL`` from the settings, else from the environment."""
    return settings.get("REDIS_URL") or os.environ.get("REDIS_URL") or None


def open_store(settings: BaseSettings) -> SeenStore:
    """The configured persistent seen-store (module docstring)."""
    ttl = settings.getfloat("NEWSBOT_STATE_TTL_DAYS", 90.0)
    window = settings.getint("NEWSBOT_NEARDUP_WINDOW_DAYS", 7)
    backend = (settings.get("NEWSBOT_STATE_BACKEND") or "").strip().lower()
    url = redis_url(settings)
    if not backend:
        backend = "redis" if url else "sqlite"
    if backend == "redis":
        if not url:
            raise ValueError("NEWSBOT_STATE_BACKEND=redis needs REDIS_URL")
        from newsbot.state.redis import RedisSeenStore

        prefix = settings.get("NEWSBOT_REDIS_PREFIX") or "newsbot:seen:"
        logger.info("Seen-store: redis %s (prefix %s)", url.split("@")[-1], prefix)
        return RedisSeenStore(url, ttl_days=ttl, prefix=prefix, near_window_days=window)
    if backend == "memory":
        return MemorySeenStore(ttl_days=ttl)
    if backend != "sqlite":
        raise ValueError(f"NEWSBOT_STATE_BACKEND must be sqlite, redis or memory, not {backend!r}")
    from newsbot.state.sqlite import SqliteSeenStore

    store = SqliteSeenStore(
        state_dir(settings),
        ttl_days=ttl,
        synchronous=settings.get("NEWSBOT_STATE_SYNCHRONOUS") or "NORMAL",
        near_window_days=window,
    )
    logger.info("Seen-store: sqlite %s (%d records)", store.path, len(store))
    return store


@dataclass
class CrawlState:
    """What the state components of one crawl share (module docstring)."""

    crawler: Crawler
    hasher: NearDupHasher
    enabled: bool
    lastmods: dict[str, str] = field(default_factory=dict)
    write_failed: str | None = None
    """Set when a feed line could not be written: the store is not advanced any more."""
    _store: SeenStore | None = None
    _fresh: bool | None = None

    @property
    def store(self) -> SeenStore | None:
        """The persistent store (None when ``NEWSBOT_STATE_ENABLED`` is off)."""
        if self._store is None and self.enabled:
            self._store = open_store(self.crawler.settings)
        return self._store

    @property
    def fresh(self) -> bool:
        """True when this run ignores what earlier runs stored (``-a fresh=1``)."""
        if self._fresh is None:
            spider = getattr(self.crawler, "spider", None)
            arg = getattr(spider, "fresh", None)
            self._fresh = (
                _truthy(arg)
                if arg is not None
                else (self.crawler.settings.getbool("NEWSBOT_FRESH", False))
            )
            if self._fresh:
                logger.info("Fresh run: the seen-store is not used to skip or drop anything")
        return self._fresh

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


_ATTR = "_newsbot_crawl_state"


def crawl_state(crawler: Crawler) -> CrawlState:
    """The shared :class:`CrawlState` of ``crawler`` (created on first use, kept on it)."""
    state: CrawlState | None = getattr(crawler, _ATTR, None)
    if state is None:
        settings = crawler.settings
        hasher = NearDupHasher(
            threshold=settings.getfloat("NEWSBOT_NEARDUP_THRESHOLD", DEFAULT_THRESHOLD),
            num_perm=settings.getint("NEWSBOT_NEARDUP_NUM_PERM", DEFAULT_NUM_PERM),
        )
        state = CrawlState(crawler, hasher, settings.getbool("NEWSBOT_STATE_ENABLED", True))
        setattr(crawler, _ATTR, state)
        crawler.signals.connect(state.close, signal=signals.engine_stopped, weak=False)
    return state
