"""PendingJournal: the article requests of a crawl that may not have been emitted yet.

An append-only JSONL file; each line is one article request (URL, callback and errback names,
priority, the JSON-safe part of ``meta``) written, and flushed to the OS, when the request is
scheduled. It is removed when the crawl completes, and kept when the crawl stops early (SIGKILL,
a second Ctrl-C, SIGTERM, a failed feed write), so that the next run of the same command
schedules these requests again; the seen-store then skips the ones that were emitted, and the
others (queued or in flight when the process died, related articles of emitted ones that
discovery will not find again) are fetched. A half-written last line (the process was killed
mid-write) is ignored. Requests are keyed by canonical URL: a URL is written once per journal.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request

from newsbot.state.keys import KeySet, compact_key
from newsbot.urls import canonical_url

if TYPE_CHECKING:
    from scrapy import Spider

__all__ = ["COMPLETE_REASONS", "PendingJournal", "request_from_line", "request_to_line"]

logger = logging.getLogger(__name__)

COMPLETE_REASONS = frozenset(
    {
        "finished",
        "limit_reached",
        "no_items",
        "no_portal",
        "no_urls",
        "no_domain",
        "closespider_itemcount",
        "closespider_pagecount",
    }
)
"""Close reasons of a crawl that ran to its end (or to the limit the user set): nothing it
scheduled is pending any more. Any other reason (``shutdown``, ``cancelled``,
``feed_write_failed``, ``closespider_timeout`` ...) leaves work for the next run."""


def _callback_name(callback: Any) -> str | None:
    name = getattr(callback, "__name__", None)
    return str(name) if name and getattr(callback, "__self__", None) is not None else None


def request_to_line(request: Request) -> str:
    """One JSON line (no newline) describing ``request``; meta values that are not JSON-safe
    are left out (they are rebuilt by the spider when it rediscovers the request)."""
    meta: dict[str, Any] = {}
    for key, value in request.meta.items():
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            continue
        meta[key] = value
    data = {
        "url": request.url,
        "callback": _callback_name(request.callback),
        "errback": _callback_name(request.errback),
        "priority": request.priority,
        "meta": meta,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def request_from_line(line: str, spider: Spider) -> Request | None:
    """The request of a journal line, or None (unreadable line, unknown callback)."""
    try:
        data = json.loads(line)
        url = str(data["url"])
    except (ValueError, KeyError, TypeError):
        return None
    callback = getattr(spider, str(data.get("callback") or "parse"), None)
    errback = getattr(spider, str(data.get("errback")), None) if data.get("errback") else None
    if not callable(callback):
        return None
    return Request(
        url,
        callback=callback,
        errback=errback if callable(errback) else None,
        priority=int(data.get("priority") or 0),
        meta=dict(data.get("meta") or {}),
    )


class PendingJournal:
    """The journal file at ``path`` (module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._keys = KeySet()
        """``compact_key`` of each canonical URL in the journal (flat memory on long crawls)."""
        self._fh: Any = None

    def read(self) -> list[str]:
        """The lines of an earlier run (one per canonical URL); remembers their keys."""
        if not self.path.is_file():
            return []
        out: dict[str, str] = {}
        with self.path.open("rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break  # half-written by a killed process
                line = raw.decode("utf-8", "replace").strip()
                try:
                    url = json.loads(line)["url"]
                except (ValueError, KeyError, TypeError):
                    continue
                out.setdefault(canonical_url(str(url)), line)
        for key in out:
            self._keys.add(compact_key(key))
        return list(out.values())

    def requests(self, spider: Spider) -> Iterator[Request]:
        """The requests of :meth:`read` that can be rebuilt for ``spider``."""
        for line in self.read():
            request = request_from_line(line, spider)
            if request is not None:
                yield request

    def add(self, request: Request) -> bool:
        """Append ``request`` unless its canonical URL is in the journal; True when written."""
        key = compact_key(canonical_url(request.url))
        if key in self._keys:
            return False
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("ab", buffering=0)
        self._fh.write(request_to_line(request).encode("utf-8") + b"\n")
        self._keys.add(key)
        return True

    def __len__(self) -> int:
        return len(self._keys)

    def close(self, *, remove: bool) -> None:
        """Close the file; ``remove``: the crawl completed, nothing is pending any more."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if remove:
            self.path.unlink(missing_ok=True)
