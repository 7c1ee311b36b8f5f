"""BoundedPlaywrightHandler: scrapy-playwright's download handler, started lazily, with a hard
time limit per page.

Lazy start: scrapy-playwright starts its Playwright drivers when the engine starts, which made
an ``auto`` crawl that never renders ≈ 2-4 s slower than ``never`` (measured on a loaded 2-core
machine). Here Playwright starts with the first rendered request; plain requests go through
Scrapy's HTTP handler as before.

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
        self._start_lock = asyncio.Lock()
        self._started = False

    async def _maybe_launch_in_thread(self) -> None:
        """``engine_started``: nothing yet (Playwright starts with the first rendered page)."""

    async def _start_once(self) -> None:
        async with self._start_lock:
            if not self._started:
                await self._maybe_future_from_coro(self._launch())
                self._started = True

    async def _create_page(self, request: Request, spider: Any) -> Any:
        page = await super()._create_page(request=request, spider=spider)
        self._pages[id(request)] = page
        return page

    async def _download_request(self, request: Request, spider: Any = None) -> Response:
        await self._start_once()
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
