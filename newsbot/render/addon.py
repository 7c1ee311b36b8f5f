"""RenderAddon: ``-s NEWSBOT_RENDER=always`` for commands without a newsbot spider.

``scrapy crawl`` spiders install the Playwright handlers themselves (``plan.configure_render``);
``scrapy fetch URL -s NEWSBOT_RENDER=always`` runs Scrapy's default spider, so this add-on
(``ADDONS``) installs them from the setting alone when a browser is found. Without a browser
it does nothing and ``RenderMiddleware`` closes the crawl with ``browser_missing``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.render.browser import find_browser, install_playwright
from newsbot.render.plan import parse_mode

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


class RenderAddon:
    """Scrapy add-on (module docstring)."""

    def update_settings(self, settings: BaseSettings) -> None:
        if parse_mode(settings.get("NEWSBOT_RENDER"), "NEWSBOT_RENDER") != "always":
            return
        browser = find_browser(settings)
        if browser is not None:
            install_playwright(settings, browser)
