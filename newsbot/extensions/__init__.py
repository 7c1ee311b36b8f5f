"""newsbot extensions (``EXTENSIONS``), one concern per module.

- :class:`newsbot.extensions.report.CrawlReport` — per-portal crawl report (log table + JSON
  next to the feed) and the ``no_items`` close reason for a portal crawl that emitted nothing.
- :class:`newsbot.extensions.jobstate.JobDirGuard` — with ``JOBDIR``: Scrapy's saved queue is
  used only after a clean close (marker), discarded with a WARNING after a kill.
"""

from __future__ import annotations
