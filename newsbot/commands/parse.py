"""``scrapy parse``: Scrapy's command, with article pages extracted in the command's own process.

``scrapy parse --spider=youm7 -c parse_article URL`` is how a portal is debugged: a breakpoint or
a print in the extraction code must run where the terminal is, not in a forked extraction worker,
so ``NEWSBOT_EXTRACT_WORKERS`` is 0 here unless given with ``-s``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.settings import SETTINGS_PRIORITIES

if TYPE_CHECKING:
    import argparse


class Command(ScrapyParseCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if self.settings.getpriority("NEWSBOT_EXTRACT_WORKERS") < SETTINGS_PRIORITIES["cmdline"]:
            self.settings.set("NEWSBOT_EXTRACT_WORKERS", 0, priority="cmdline")
