"""newsbot downloader/spider middlewares, one concern per module (README "Settings").

- :class:`newsbot.middlewares.mirror.MirrorMiddleware` — serve real portal URLs from a local
  mirror (offline demo, end-to-end tests, benchmarks).
- :class:`newsbot.middlewares.resume.ResumeMiddleware` — journal scheduled article requests
  until the crawl completes; the next run re-schedules what a stopped crawl left pending.
"""

from __future__ import annotations

from newsbot.middlewares.mirror import MirrorMiddleware

__all__ = ["MirrorMiddleware"]
