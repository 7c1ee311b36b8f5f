"""Shared request queue with in-flight tracking (no request lost when a worker is killed).

:class:`InflightQueue` is scrapy-redis's ``PriorityQueue`` (a sorted set ``<crawl>:requests``,
score = -priority) whose :meth:`pop` moves the request atomically (a Lua script) into the
worker's in-flight set ``<crawl>:inflight:<worker>``. The worker removes it there once the
response has been processed (:meth:`ack`, from :class:`~newsbot.distributed.ack.AckMiddleware`)
and clears the whole set whenever it is idle. :meth:`requeue_dead` moves the in-flight requests
of workers whose heartbeat is older than the worker timeout back into the queue: the page is
fetched again by another worker, and the shared dedupe keeps its article from being emitted twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy_redis.queue import PriorityQueue

if TYPE_CHECKING:
    from scrapy import Request

__all__ = ["BUSY_SCRIPT", "META_INFLIGHT", "REQUEUE_DEAD_SCRIPT", "InflightQueue"]

META_INFLIGHT = "newsbot_inflight"
"""``request.meta`` key: the queue entry of a popped request (removed by :meth:`ack`)."""

_POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return nil end
redis.call('ZREM', KEYS[1], r[1])
redis.call('ZADD', KEYS[2], r[2], r[1])
return r[1]
"""

_PUSH_UNSEEN = """
-- KEYS[1] queue, KEYS[2] dupefilter; ARGV score, entry, fingerprint ('' = do not filter)
if ARGV[3] ~= '' and redis.call('SADD', KEYS[2], ARGV[3]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1
"""

REQUEUE_DEAD_SCRIPT = """
-- KEYS[1] queue, KEYS[2] workers; ARGV[1] in-flight key prefix, ARGV[2] oldest live heartbeat
local moved = 0
local dead = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[2])
for _, worker in ipairs(dead) do
  local key = ARGV[1] .. worker
  local items = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
  for i = 1, #items, 2 do
    redis.call('ZADD', KEYS[1], items[i + 1], items[i])
    moved = moved + 1
  end
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[2], worker)
end
return moved
"""

BUSY_SCRIPT = """
-- KEYS[1] workers; ARGV[1] in-flight key prefix, ARGV[2] this worker: in-flight of the others
local busy = 0
for _, worker in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if worker ~= ARGV[2] then busy = busy + redis.call('ZCARD', ARGV[1] .. worker) end
end
return busy
"""


class InflightQueue(PriorityQueue):
    """scrapy-redis priority queue + per-worker in-flight set (module docstring)."""

    def __init__(self, *args: Any, inflight_key: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inflight_key = inflight_key
        self._pop = self.server.register_script(_POP)
        self._push_unseen = self.server.register_script(_PUSH_UNSEEN)

    def _encode_request(self, request: Request) -> bytes:
        meta = request.meta
        if META_INFLIGHT in meta:  # a redirect/retry copy of a popped request
            request = request.replace(meta={k: v for k, v in meta.items() if k != META_INFLIGHT})
        return bytes(self.serializer.dumps(request.to_dict(spider=self.spider)))

    def push_unseen(self, request: Request, dupefilter_key: str, fingerprint: str) -> bool:
        """Queue ``request`` unless ``fingerprint`` is in the dupefilter set (one atomic step,
        so no worker sees the fingerprint before the request is queued); False if filtered."""
        entry = self._encode_request(request)
        keys = [self.key, dupefilter_key]
        return bool(self._push_unseen(keys=keys, args=[-request.priority, entry, fingerprint]))

    def pop(self, timeout: int = 0) -> Request | None:
        data = self._pop(keys=[self.key, self.inflight_key])
        if not data:
            return None
        request = self._decode_request(data)
        request.meta[META_INFLIGHT] = data
        return request

    def ack(self, entry: bytes) -> None:
        """Forget the queue ``entry`` of a processed request from this worker's in-flight set."""
        self.server.zrem(self.inflight_key, entry)

    def clear_inflight(self) -> None:
        self.server.delete(self.inflight_key)
