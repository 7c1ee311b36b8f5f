"""RedisScheduler: scrapy-redis's scheduler made to work for N workers on Scrapy 2.19.

``SCHEDULER = "newsbot.distributed.scheduler.RedisScheduler"`` (set by the addon when
``REDIS_URL`` is set). Fixes over ``scrapy_redis.scheduler.Scheduler`` 0.9.1:

* Redis unreachable at start: :class:`~newsbot.distributed.connection.RedisUnavailable` naming
  ``REDIS_URL``, raised while the crawler is built, before any request (exit status 1).
* Stats without the deprecated ``spider=`` argument.
* Workers are the ordinary newsbot spiders, not ``RedisSpider`` (whose start URLs come from a
  Redis list as ``dont_filter`` requests and whose ``start_requests`` Scrapy 2.19 never calls):
  every worker's ``async start()`` yields the same discovery requests, and these
  (``dont_filter=True`` so that every run fetches them) go through the run's dupefilter anyway,
  checked and queued in one atomic step, so only the first worker's are queued.
* Workers neither exit nor spin on an empty queue: on ``spider_idle`` a worker clears its own
  in-flight set, re-queues the in-flight requests of dead workers (no heartbeat for
  ``NEWSBOT_REDIS_WORKER_TIMEOUT`` s), and stays open (polling every 0.2 s) while the queue has
  requests or another worker has requests in flight; it closes (``finished``) when neither.
* The run ends with the last worker: queue, dupefilter and worker list are deleted, so the next
  run starts afresh; a run abandoned by killed workers expires after ``NEWSBOT_REDIS_RUN_TTL``
  s, and until then a new worker resumes it.
* A Redis failure that outlasts the client's retries (``NEWSBOT_REDIS_RETRY_SECONDS``) stops
  the worker with close reason ``redis_unavailable``; its feed keeps what it wrote.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from typing import TYPE_CHECKING, Any

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis import picklecompat
from scrapy_redis.scheduler import Scheduler
from twisted.internet import reactor, task

from newsbot.distributed import crawl_key
from newsbot.distributed.connection import connect, safe_url
from newsbot.distributed.dupefilter import RunDupeFilter
from newsbot.distributed.queue import BUSY_SCRIPT, REQUEUE_DEAD_SCRIPT, InflightQueue
from newsbot.dupefilter import CanonicalFingerprinter
from newsbot.state import redis_url

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

__all__ = ["RedisScheduler"]

logger = logging.getLogger(__name__)

_POLL = 0.2
_ATTR = "_newsbot_redis_scheduler"


class RedisScheduler(Scheduler):
    """Shared scheduler of a distributed crawl (module docstring)."""

    crawler: Crawler
    queue: InflightQueue
    df: RunDupeFilter

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        settings = crawler.settings
        server = connect(settings)
        instance = cls(server=server, persist=True, serializer=picklecompat)
        instance.crawler = crawler
        instance.stats = crawler.stats
        instance.worker = f"{uuid.uuid4().hex[:12]}"
        instance.run_ttl = max(60, settings.getint("NEWSBOT_REDIS_RUN_TTL", 86400))
        instance.worker_timeout = max(1.0, settings.getfloat("NEWSBOT_REDIS_WORKER_TIMEOUT", 30))
        instance.heartbeat_every = min(5.0, instance.worker_timeout / 3)
        instance.local: deque[Request] = deque()
        instance.injecting = None
        instance.polling = None
        instance.failed = False
        setattr(crawler, _ATTR, instance)
        logger.info(
            "Distributed crawl: worker %s on %s", instance.worker, safe_url(redis_url(settings))
        )
        return instance

    # -- open / close -------------------------------------------------------------------------

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.key = crawl_key(spider)
        self.workers_key = f"{self.key}:workers"
        self.inflight_prefix = f"{self.key}:inflight:"
        self.queue = InflightQueue(
            server=self.server,
            spider=spider,
            key=f"{self.key}:requests",
            serializer=self.serializer,
            inflight_key=self.inflight_prefix + self.worker,
        )
        self.df = RunDupeFilter(
            self.server,
            f"{self.key}:dupefilter",
            CanonicalFingerprinter(self.crawler.request_fingerprinter),
            stats=self.stats,
            debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"),
        )
        self._requeue_dead = self.server.register_script(REQUEUE_DEAD_SCRIPT)
        self._busy = self.server.register_script(BUSY_SCRIPT)
        self.beat()
        pending = len(self.queue)
        if pending:
            logger.info("Resuming the shared crawl %s (%d requests queued)", self.key, pending)
        self.heartbeat = task.LoopingCall(self.beat)
        self.heartbeat.start(self.heartbeat_every, now=False)
        self.crawler.signals.connect(self.on_idle, signal=signals.spider_idle)

    def close(self, reason: str) -> None:
        if self.heartbeat.running:
            self.heartbeat.stop()
        if self.polling is not None and self.polling.active():
            self.polling.cancel()
        try:
            self._leave(reason)
        except redis.RedisError as exc:
            logger.warning("Could not leave the shared crawl cleanly (%s): %s", reason, exc)

    def _leave(self, reason: str) -> None:
        """Give back unprocessed requests; end the run if this was its last worker."""
        items = self.server.zrange(self.queue.inflight_key, 0, -1, withscores=True)
        if items and reason != "finished":
            self.server.zadd(self.queue.key, dict(items))
            logger.info("Gave %d unfinished request(s) back to the shared queue", len(items))
        pipe = self.server.pipeline()
        pipe.delete(self.queue.inflight_key)
        pipe.zrem(self.workers_key, self.worker)
        pipe.execute()
        if reason != "finished" or len(self.queue):
            return
        busy = self._busy(keys=[self.workers_key], args=[self.inflight_prefix, self.worker])
        if not int(busy):  # the other workers (if any) are idle too and about to close
            self.server.delete(self.df.key, self.queue.key)
            logger.info("Shared crawl %s finished: its queue and dupefilter are deleted", self.key)

    def beat(self) -> None:
        """Heartbeat: this worker is alive; the run's keys live another ``run_ttl``."""
        try:
            pipe = self.server.pipeline(transaction=False)
            pipe.zadd(self.workers_key, {self.worker: time.time()})
            for key in (self.workers_key, self.queue.key, self.df.key, self.queue.inflight_key):
                pipe.expire(key, self.run_ttl)
            pipe.execute()
        except redis.RedisError as exc:
            self._redis_failed("heartbeat", exc)

    # -- queue ----------------------------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        if request is self.injecting:
            self.local.append(request)
            return True
        check = not request.dont_filter or request.meta.get("newsbot_kind") == "discovery"
        fingerprint = self.df.request_fingerprint(request) if check else ""
        try:
            if not self.queue.push_unseen(request, self.df.key, fingerprint):
                self.df.log(request, self.spider)
                return False
        except redis.RedisError as exc:
            self._redis_failed("enqueue", exc)
            return False
        if self.stats is not None:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if self.local:
            return self.local.popleft()
        if self.failed:
            return None
        try:
            request = self.queue.pop()
        except redis.RedisError as exc:
            self._redis_failed("dequeue", exc)
            return None
        if request is not None and self.stats is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        if self.local:
            return True
        try:
            return not self.failed and len(self.queue) > 0
        except redis.RedisError as exc:
            self._redis_failed("queue length", exc)
            return False

    @staticmethod
    def of(crawler: Crawler) -> RedisScheduler | None:
        """The scheduler of ``crawler`` if it is this one."""
        return getattr(crawler, _ATTR, None)

    def ack(self, entry: bytes) -> None:
        """The request of queue ``entry`` has been processed (called by the ack middleware)."""
        try:
            self.queue.ack(entry)
        except redis.RedisError as exc:
            self._redis_failed("ack", exc)

    # -- idle: wait for the other workers -------------------------------------------------------

    def _state(self) -> str:
        """``work`` (queue not empty), ``wait`` (others busy) or ``done``."""
        moved = self._requeue_dead(
            keys=[self.queue.key, self.workers_key],
            args=[self.inflight_prefix, time.time() - self.worker_timeout],
        )
        if moved:
            logger.warning("Re-queued %d in-flight request(s) of dead worker(s)", moved)
            if self.stats is not None:
                self.stats.inc_value("newsbot/distributed/requeued", int(moved))
        if len(self.queue):
            return "work"
        busy = self._busy(keys=[self.workers_key], args=[self.inflight_prefix, self.worker])
        return "wait" if int(busy) else "done"

    def on_idle(self) -> None:
        """``spider_idle``: stay open while the shared crawl is not done (module docstring)."""
        if self.failed:
            return
        try:
            self.queue.clear_inflight()  # idle: nothing of ours is in progress
            state = self._state()
        except redis.RedisError as exc:
            self._redis_failed("idle check", exc)
            return
        if state == "done":
            return
        if state == "work":
            self._inject()
        self._schedule_poll()
        raise DontCloseSpider

    def _schedule_poll(self) -> None:
        if self.polling is None or not self.polling.active():
            self.polling = reactor.callLater(_POLL, self._poll)  # type: ignore[attr-defined]

    def _poll(self) -> None:
        """While idle-waiting: take work as soon as it is queued, close once the run is done."""
        engine: Any = self.crawler.engine
        if engine is None or self.failed or engine.spider is None:
            return
        try:
            state = self._state()
        except redis.RedisError as exc:
            self._redis_failed("idle check", exc)
            return
        if state == "work":
            self._inject()  # the engine pulls the rest itself, and calls on_idle when drained
        elif state == "done" and engine.spider_is_idle():
            self._close("finished")
        else:
            self._schedule_poll()

    def _inject(self) -> None:
        """Wake the idle engine with one request from the shared queue."""
        request = self.queue.pop()
        if request is None or self.crawler.engine is None:
            return
        self.injecting = request
        try:
            self.crawler.engine.crawl(request)
        finally:
            self.injecting = None

    # -- failures -------------------------------------------------------------------------------

    def _redis_failed(self, what: str, exc: Exception) -> None:
        if self.stats is not None:
            self.stats.inc_value("newsbot/distributed/redis_errors")
        if self.failed:
            return
        self.failed = True
        logger.error(
            "Redis failed during %s and did not come back within NEWSBOT_REDIS_RETRY_SECONDS: %s;"
            " stopping this worker (its feed keeps what it wrote)",
            what,
            exc,
        )
        self._close("redis_unavailable")

    def _close(self, reason: str) -> None:
        engine: Any = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason=reason))
