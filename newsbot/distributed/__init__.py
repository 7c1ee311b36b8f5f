"""Distributed crawls: N workers share one crawl through Redis (README "Distributed crawls").

With ``REDIS_URL`` set (``-s REDIS_URL=redis://host:port/0`` or the environment), the
:class:`~newsbot.distributed.addon.DistributedAddon` swaps in newsbot's thin subclasses of
scrapy-redis 0.9.1 so that every worker started with the same command shares:

* the request queue (:mod:`newsbot.distributed.queue`: a priority queue whose popped requests stay
  in a per-worker *in-flight* set until processed, so a killed worker's requests are re-queued);
* the request dupefilter (:mod:`newsbot.distributed.dupefilter`: canonical URLs, one set per
  *run*, deleted when the run ends and expiring after ``NEWSBOT_REDIS_RUN_TTL`` seconds);
* the seen-store (``newsbot.state.redis``) and the near-duplicate claims
  (:mod:`newsbot.distributed.claims`).

All keys of one crawl start with :func:`crawl_key` (``newsbot:crawl:<spider>:<what>``): the
spider name plus the portal slug, the ``site`` home or a hash of the given URLs, so workers with
the same command share a crawl and other crawls stay apart.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from newsbot.state import redis_url

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.settings import BaseSettings

__all__ = ["KEY_PREFIX", "crawl_key", "enabled", "redis_url"]

KEY_PREFIX = "newsbot:crawl:"


def enabled(settings: BaseSettings) -> bool:
    """True when ``REDIS_URL`` is set and ``NEWSBOT_DISTRIBUTED_ENABLED`` is on."""
    return bool(redis_url(settings)) and settings.getbool("NEWSBOT_DISTRIBUTED_ENABLED", True)


def crawl_key(spider: Spider) -> str:
    """Redis key prefix of the crawl ``spider`` takes part in (module docstring)."""
    explicit = spider.settings.get("NEWSBOT_REDIS_CRAWL_KEY") if spider.settings else None
    if explicit:
        return str(explicit)
    portal: Any = getattr(spider, "portal", None)
    args: Any = getattr(spider, "args", None)
    urls = sorted(getattr(args, "urls", None) or ())
    if urls:
        what = "urls-" + hashlib.sha1("\n".join(urls).encode("utf-8")).hexdigest()[:16]
    elif getattr(spider, "home", None):
        what = str(spider.home)  # type: ignore[attr-defined]
    elif portal is not None:
        what = str(getattr(portal, "slug", portal))
    else:
        what = "-"
    return f"{KEY_PREFIX}{spider.name}:{what}"
