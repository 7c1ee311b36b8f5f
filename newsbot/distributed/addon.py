"""DistributedAddon: switch a crawl to the shared Redis components when ``REDIS_URL`` is set.

Listed in ``ADDONS`` (newsbot/settings); reads the final settings (``-s REDIS_URL=...`` or the
``REDIS_URL`` environment variable) and, unless ``NEWSBOT_DISTRIBUTED_ENABLED`` is off, sets
``SCHEDULER`` to :class:`~newsbot.distributed.scheduler.RedisScheduler` and enables
:class:`~newsbot.distributed.ack.AckMiddleware`. Redis unreachable: an error naming ``REDIS_URL`` and exit status 1, before any request. The seen-store follows ``REDIS_URL`` on its own
(``newsbot.state.open_store``) and the dedupe pipeline uses :mod:`newsbot.distributed.claims`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from newsbot.distributed import enabled
from newsbot.distributed.connection import RedisUnavailable, connect

if TYPE_CHECKING:
    from scrapy.settings import Settings

__all__ = ["DistributedAddon"]

logger = logging.getLogger(__name__)

SCHEDULER = "newsbot.distributed.scheduler.RedisScheduler"
ACK_MIDDLEWARE = "newsbot.distributed.ack.AckMiddleware"


class DistributedAddon:
    """Scrapy add-on (module docstring)."""

    def update_settings(self, settings: Settings) -> None:
        if not enabled(settings):
            return
        try:  # fail before any component is built or any request is made
            connect(settings).close()
        except RedisUnavailable as exc:
            logger.error("%s", exc)
            raise
        settings.set("SCHEDULER", SCHEDULER, priority="addon")
        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", ACK_MIDDLEWARE, 10)
