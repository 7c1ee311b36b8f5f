"""``scrapy crawl`` with an exit status a cron job can see.

Scrapy exits 0 whatever the close reason. This override of the built-in command maps the close
reason to an exit status (a setting of 0 keeps Scrapy's 0):

* ``no_items`` (nothing emitted), ``no_portal`` / ``no_urls`` (bad arguments):
  ``NEWSBOT_EMPTY_EXIT_CODE`` (3);
* ``shutdown`` / ``cancelled`` (SIGTERM, one Ctrl-C, a Scrapyd cancel: in-flight items were
  finished, feed, store and report written), or no close at all (a second Ctrl-C forced an
  unclean stop): ``NEWSBOT_INTERRUPTED_EXIT_CODE`` (75, EX_TEMPFAIL: run the same command again
  to resume);
* ``feed_write_failed`` (a feed line could not be written): ``NEWSBOT_WRITE_FAILED_EXIT_CODE``
  (74, EX_IOERR).
* ``browser_missing`` (a crawl needed a browser for JavaScript pages and found none): 2.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from newsbot.feedwriter import WRITE_FAILED

if TYPE_CHECKING:
    import argparse

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

EMPTY_REASONS = frozenset({"no_items", "no_portal", "no_urls"})
FAILURE_EXIT_CODES = {"browser_missing": 2}
"""Close reasons that are a failed crawl whatever NEWSBOT_EMPTY_EXIT_CODE says."""
INTERRUPTED_REASONS = frozenset({"shutdown", "cancelled", None})
WRITE_FAILED_REASONS = frozenset({WRITE_FAILED})
_CODES = (
    (EMPTY_REASONS, "NEWSBOT_EMPTY_EXIT_CODE", 3),
    (INTERRUPTED_REASONS, "NEWSBOT_INTERRUPTED_EXIT_CODE", 75),
    (WRITE_FAILED_REASONS, "NEWSBOT_WRITE_FAILED_EXIT_CODE", 74),
)


class Command(ScrapyCrawlCommand):
    _crawler: Crawler | None = None

    def long_desc(self) -> str:
        return (
            "Run a spider of the current project, by name. Exit status: NEWSBOT_EMPTY_EXIT_CODE "
            "(default 3) when the crawl closed with reason no_items, no_portal or no_urls; "
            "NEWSBOT_INTERRUPTED_EXIT_CODE (75) when it was stopped (SIGTERM, Ctrl-C); "
            "NEWSBOT_WRITE_FAILED_EXIT_CODE (74) when a feed line could not be written; "
            "2 when it needed a browser and found none (browser_missing)."
        )

    def _create_crawler(self, spname: str) -> Crawler:
        self._crawler = super()._create_crawler(spname)
        return self._crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        crawler = self._crawler
        if self.exitcode or crawler is None or crawler.stats is None:
            return
        reason = crawler.stats.get_value("finish_reason")
        if reason in FAILURE_EXIT_CODES:
            self.exitcode = FAILURE_EXIT_CODES[reason]
            logger.error("Crawl closed with reason %r: exit status %d", reason, self.exitcode)
            return
        if reason is None and crawler.stats.get_value("start_time") is None:
            return  # never started: Scrapy's own status stands
        for reasons, setting, default in _CODES:
            code = crawler.settings.getint(setting, default)
            if reason in reasons and code:
                if reason is None:
                    logger.warning("Crawl stopped without closing (forced): exit status %d", code)
                else:
                    logger.warning("Crawl closed with reason %r: exit status %d", reason, code)
                self.exitcode = code
                return
