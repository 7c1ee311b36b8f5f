"""``scrapy crawl`` with an exit status a cron job can see.

Scrapy exits 0 whatever the close reason. newsbot's spiders and crawl report close a crawl that
emitted nothing with reason ``no_items`` (``no_portal`` / ``no_urls`` for bad arguments); this
override of the built-in command turns those reasons into exit status
``NEWSBOT_EMPTY_EXIT_CODE`` (default 3; 0 keeps Scrapy's behaviour). A crawl that needed a
browser for JavaScript pages and found none (reason ``browser_missing``) exits 2.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

if TYPE_CHECKING:
    import argparse

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

EMPTY_REASONS = frozenset({"no_items", "no_portal", "no_urls"})
FAILURE_EXIT_CODES = {"browser_missing": 2}
"""Close reasons that are a failed crawl whatever NEWSBOT_EMPTY_EXIT_CODE says."""


class Command(ScrapyCrawlCommand):
    _crawler: Crawler | None = None

    def long_desc(self) -> str:
        return (
            "Run a spider of the current project, by name. Exits with NEWSBOT_EMPTY_EXIT_CODE "
            "(default 3) when the crawl closed with reason no_items, no_portal or no_urls, "
            "and 2 when it needed a browser and found none (browser_missing)."
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
        code = crawler.settings.getint("NEWSBOT_EMPTY_EXIT_CODE", 3)
        if reason in EMPTY_REASONS and code:
            logger.warning("Crawl closed with reason %r: exit status %d", reason, code)
            self.exitcode = code
