"""BoundedPlaywrightHandler: scrapy-playwright's download handler with a hard time limit per page.

Upstream users report crawls that hang for ever on one page (a navigation whose response never
comes, a page of a browser that crashed); measured here: SIGKILL of Chromium in the middle of a
crawl, the browser is relaunched but one in-flight request never returns and the crawl never
ends. Scrapy's DOWNLOAD_TIMEOUT does not apply to Playwright requests, so each rendered request
is bounded here by ``NEWSBOT_RENDER_PAGE_TIMEOUT`` seconds: past it the page is closed and the
request fails with ``DownloadTimeoutError`` (counted as ``render/render_failed``, retried by
Scrapy's RetryMiddleware like any timeout). Plain requests are untouched.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DownloadTimeoutError
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


class BoundedPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    """Download handler (module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.page_timeout = crawler.settings.getfloat("NEWSBOT_RENDER_PAGE_TIMEOUT", 60.0)
        self._pages: dict[int, Any] = {}

    async def _create_page(self, request: Request, spider: Any) -> Any:
        page = await super()._create_page(request=request, spider=spider)
        self._pages[id(request)] = page
        return page

    async def _download_request(self, request: Request, spider: Any = None) -> Response:
        try:
            return await asyncio.wait_for(
                super()._download_request(request, spider), timeout=self.page_timeout
            )
        except TimeoutError:
            page = self._pages.get(id(request))
            if page is not None and not page.is_closed():
                with suppress(Exception):  # the browser may be gone already
                    await page.close()
            logger.warning("Rendering %s took over %.0f s: aborted", request.url, self.page_timeout)
            raise DownloadTimeoutError(
                f"rendering took over {self.page_timeout:.0f} s (NEWSBOT_RENDER_PAGE_TIMEOUT)"
            ) from None
        finally:
            self._pages.pop(id(request), None)
