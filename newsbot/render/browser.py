"""Finding Debian's Chromium and the scrapy-playwright settings that drive it.

``playwright install`` is never needed: Playwright launches the system's Chromium through
``PLAYWRIGHT_LAUNCH_OPTIONS["executable_path"]``. Where it is looked for, first match wins:
the ``NEWSBOT_CHROMIUM`` setting, the ``NEWSBOT_CHROMIUM`` environment variable, then
``chromium`` / ``chromium-browser`` / ``google-chrome`` on ``PATH``. A path that is given but
does not exist is not replaced by a search: the crawl is told that the browser is missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

INSTALL_HINT = (
    "no Chromium browser found for JavaScript rendering: install Debian's package "
    "(apt-get install chromium) or point NEWSBOT_CHROMIUM (setting or environment variable) "
    "at a Chromium executable; `playwright install` is not needed"
)
"""The message of a crawl that needs a browser and has none."""

_NAMES = ("chromium", "chromium-browser", "google-chrome")
ABORTED_RESOURCES = frozenset({"image", "font", "media"})
"""Resource types never downloaded by the browser (PLAYWRIGHT_ABORT_REQUEST)."""
HANDLER = "newsbot.render.handler.BoundedPlaywrightHandler"
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
)


def find_browser(settings: BaseSettings | None = None) -> Path | None:
    """The Chromium executable to use, or None (module docstring for the search order)."""
    given = (settings.get("NEWSBOT_CHROMIUM") if settings is not None else None) or os.environ.get(
        "NEWSBOT_CHROMIUM"
    )
    if given:
        path = Path(str(given)).expanduser()
        if not path.is_absolute():
            found = shutil.which(str(given))
            return Path(found) if found else None
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


async def abort_request(request: Any) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: drop images, fonts and media (text extraction needs none)."""
    return bool(request.resource_type in ABORTED_RESOURCES)


def playwright_settings(executable: Path, settings: BaseSettings) -> dict[str, Any]:
    """The settings that route ``meta["playwright"]`` requests through Chromium.

    Plain requests keep going through Scrapy's HTTP handler (the Playwright handler passes them
    on). Pages are capped per context (``NEWSBOT_RENDER_MAX_PAGES``), one context, navigation
    bounded by ``NEWSBOT_RENDER_TIMEOUT`` and the whole page by ``NEWSBOT_RENDER_PAGE_TIMEOUT``
    (``newsbot.render.handler``); a crashed or disconnected browser is relaunched.
    """
    handlers = {**settings.getdict("DOWNLOAD_HANDLERS"), "http": HANDLER, "https": HANDLER}
    return {
        "DOWNLOAD_HANDLERS": handlers,
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": str(executable),
            "headless": True,
            "args": list(LAUNCH_ARGS),
        },
        "PLAYWRIGHT_ABORT_REQUEST": "newsbot.render.browser.abort_request",
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": settings.getint("NEWSBOT_RENDER_MAX_PAGES", 4),
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 1000
        * settings.getfloat("NEWSBOT_RENDER_TIMEOUT", 20.0),
        "PLAYWRIGHT_RESTART_DISCONNECTED_BROWSER": True,
    }


def install_playwright(settings: BaseSettings, executable: Path) -> None:
    """Apply :func:`playwright_settings` at spider priority (a ``-s`` value still wins)."""
    for name, value in playwright_settings(executable, settings).items():
        settings.set(name, value, priority="spider")
