"""The generic ``article`` spider: crawl given article URLs on any site.

    scrapy crawl article -a url=https://example.com/news/1 -O out.jsonl
    scrapy crawl article -a urls=URL1,URL2 -a related_depth=0
    scrapy crawl article -a urls_file=urls.txt

Any host:port, http or https. A URL owned by a registry portal is extracted with that portal's
definition (stats under its slug); others generically (stats under ``newsbot/generic/``),
following related links on the same host only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from scrapy.exceptions import CloseSpider

from newsbot.spiders.base import NewsbotSpider

logger = logging.getLogger(__name__)


class ArticleSpider(NewsbotSpider):
    """Crawl the article URLs given with ``-a url=`` / ``urls=`` / ``urls_file=``."""

    name = "article"

    def discovery_start(self) -> Iterator[Any]:
        """No discovery: without given URLs there is nothing to crawl."""
        logger.error("No URL: use -a url=URL, -a urls=URL1,URL2 or -a urls_file=PATH")
        raise CloseSpider("no_urls")
