"""JobDirGuard: use Scrapy's ``JOBDIR`` state only when the run that wrote it closed cleanly.

Scrapy writes the request queue index (``requests.queue/active.json``) and the spider state
only when a crawl closes, and appends ``requests.seen`` through a buffer: after SIGKILL (or a
second Ctrl-C) the queue cannot be read back and ``requests.seen`` names requests that were
never fetched, so a resumed crawl would filter them out and lose them. This extension keeps a
marker, ``<JOBDIR>/newsbot-job.json``: ``running`` from the start (written before the scheduler
opens the directory), ``paused`` or ``complete`` when the spider closes (after the scheduler
saved its queue). At the next start:

* ``running`` (or Scrapy state without a marker): the earlier run did not close cleanly. Its
  ``requests.queue`` and ``requests.seen`` are removed, a WARNING says so and
  ``newsbot/state/jobdir_unclean`` is counted; the crawl rediscovers from its sources, the
  seen-store skips what was emitted and ``ResumeMiddleware`` re-schedules what was pending.
* ``paused`` (SIGTERM, one Ctrl-C, a stop by Scrapyd): Scrapy resumes the saved queue.
* ``complete``: the job ran to its end; ``requests.seen`` is removed so that a scheduled crawl
  reusing one ``JOBDIR`` fetches new and changed articles (the seen-store decides, not the
  request fingerprints of the last job).

Discovery requests are never filtered by the persisted dupefilter (``newsbot.dupefilter``).
Without ``JOBDIR`` this extension is not enabled.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

from newsbot.state.pending import COMPLETE_REASONS

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["JobDirGuard", "read_marker"]

logger = logging.getLogger(__name__)

MARKER = "newsbot-job.json"
SCRAPY_STATE = ("requests.queue", "requests.seen")
"""What Scrapy's scheduler and dupefilter keep in JOBDIR."""


def read_marker(jobdir: Path) -> dict[str, Any] | None:
    """The marker of ``jobdir`` (None when missing or unreadable)."""
    try:
        data = json.loads((jobdir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_marker(jobdir: Path, **data: Any) -> None:
    """Replace the marker atomically (and durably: it decides what the next run trusts)."""
    jobdir.mkdir(parents=True, exist_ok=True)
    tmp = jobdir / (MARKER + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, jobdir / MARKER)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


class JobDirGuard:
    """Extension (module docstring)."""

    def __init__(self, crawler: Crawler, jobdir: Path) -> None:
        self.crawler = crawler
        self.jobdir = jobdir
        self.started = time.time()
        self.verdict = self._check()
        _write_marker(jobdir, state="running", pid=os.getpid(), started=self.started)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JobDirGuard:
        jobdir = job_dir(crawler.settings)
        if not jobdir:
            raise NotConfigured("no JOBDIR")
        return cls(crawler, Path(jobdir))

    def _check(self) -> str:
        """Inspect the state an earlier run left; clean it up; what was found."""
        marker = read_marker(self.jobdir)
        state = (marker or {}).get("state")
        present = [name for name in SCRAPY_STATE if (self.jobdir / name).exists()]
        if state == "paused":
            logger.info("JOBDIR %s: resuming the crawl paused at %s", self.jobdir, marker)
            return "paused"
        if state == "complete":
            for name in present:
                _remove(self.jobdir / name)
            logger.info("JOBDIR %s: the earlier job completed; starting a new job", self.jobdir)
            return "complete"
        if not present:
            return "new"
        for name in present:
            _remove(self.jobdir / name)
        logger.warning(
            "JOBDIR %s: the earlier run did not close cleanly (killed%s), so its request queue "
            "and seen-requests cannot be trusted and were discarded; this run discovers again "
            "from the sources, skips the articles already emitted (seen-store) and re-schedules "
            "the ones left pending",
            self.jobdir,
            f", pid {marker.get('pid')}" if marker else "; no newsbot marker",
        )
        return "unclean"

    def spider_opened(self) -> None:
        if self.verdict == "unclean" and self.crawler.stats is not None:
            self.crawler.stats.inc_value("newsbot/state/jobdir_unclean")

    def spider_closed(self, reason: str) -> None:
        state = "complete" if reason in COMPLETE_REASONS else "paused"
        _write_marker(
            self.jobdir, state=state, reason=reason, started=self.started, closed=time.time()
        )
