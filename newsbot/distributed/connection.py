"""The Redis client of a distributed crawl: retries on a restart, a clear error when down.

:func:`connect` builds a redis-py client for ``REDIS_URL`` that retries a failed command
(connection refused/reset, timeout) with exponential back-off for about
``NEWSBOT_REDIS_RETRY_SECONDS`` (a restarted Redis is picked up again), and checks it with a
``PING``: when Redis cannot be reached at start, :class:`RedisUnavailable` names ``REDIS_URL``
(without a password) before any request is made.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from newsbot.state import redis_url

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

__all__ = ["RedisUnavailable", "connect", "safe_url"]

logger = logging.getLogger(__name__)

RETRY_ERRORS = (redis.ConnectionError, redis.TimeoutError)


class RedisUnavailable(RuntimeError):
    """Redis cannot be reached (at start, or for longer than the retry budget)."""


def safe_url(url: str) -> str:
    """``url`` without its password (for logs)."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme}{sep}{rest.split('@')[-1]}" if sep else url.split("@")[-1]


def connect(settings: BaseSettings) -> redis.Redis:
    """A checked client for ``REDIS_URL``; raises :class:`RedisUnavailable` (module docstring)."""
    url = redis_url(settings)
    if not url:
        raise RedisUnavailable("REDIS_URL is not set")
    probe = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5, retry=None)
    try:
        probe.ping()
    except (redis.RedisError, OSError) as exc:
        raise RedisUnavailable(
            f"Redis at REDIS_URL={safe_url(url)} is unreachable ({exc}); start redis-server "
            "or fix REDIS_URL (unset it for a single-machine crawl)"
        ) from exc
    finally:
        probe.close()
    budget = max(0.0, settings.getfloat("NEWSBOT_REDIS_RETRY_SECONDS", 10.0))
    # Back-off 0.1, 0.2, 0.4 ... capped at 1 s: about one attempt per second of the budget.
    retries = 0 if budget == 0 else int(budget) + 3
    return redis.Redis.from_url(
        url,
        socket_connect_timeout=2,
        socket_timeout=10,
        retry=Retry(ExponentialBackoff(cap=1.0, base=0.1), retries),
        retry_on_error=list(RETRY_ERRORS),
    )
