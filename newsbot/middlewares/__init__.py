"""newsbot downloader/spider middlewares, one concern per module (README "Settings").

- :class:`newsbot.middlewares.mirror.MirrorMiddleware` — serve real portal URLs from a local
  mirror (offline demo, end-to-end tests, benchmarks).
"""

from __future__ import annotations

from newsbot.middlewares.mirror import MirrorMiddleware

__all__ = ["MirrorMiddleware"]
