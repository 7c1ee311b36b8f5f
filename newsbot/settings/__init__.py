"""Base Scrapy settings for newsbot (``scrapy.cfg`` [settings] default).

Only settings that differ from Scrapy's defaults or that newsbot reads are set here; every
``NEWSBOT_*`` setting is listed in README "Settings". Pick another module with
``SCRAPY_PROJECT=dev`` / ``SCRAPY_PROJECT=prod`` (see ``scrapy.cfg``).
"""

from __future__ import annotations

from newsbot.items import ARTICLE_FIELDS

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
COMMANDS_MODULE = "newsbot.commands"

USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot/newsbot; Arabic news research crawler)"
ROBOTSTXT_OBEY = True

# Politeness: per-domain slots; a portal's own delay/concurrency override these (DOWNLOAD_SLOTS
# is filled from the portal registry by the spider).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
RANDOMIZE_DOWNLOAD_DELAY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

# Scrapy 2.19 essentials.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(ARTICLE_FIELDS)
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

ITEM_PIPELINES: dict[str, int] = {}
SPIDER_MIDDLEWARES: dict[str, int] = {}
DOWNLOADER_MIDDLEWARES: dict[str, int] = {}
EXTENSIONS: dict[str, int] = {}

LOG_LEVEL = "INFO"

# --- spiders & middlewares ---
# MirrorMiddleware serves the hosts in NEWSBOT_MIRRORS from a local mirror while spiders see the
# real URLs (offline demo, e2e tests, benchmarks); it disables itself when the mapping is empty.
DOWNLOADER_MIDDLEWARES["newsbot.middlewares.mirror.MirrorMiddleware"] = 950
NEWSBOT_MIRRORS: dict[str, str] = {}  # {"demo.newsbot.example": "http://127.0.0.1:8000"}
NEWSBOT_RELATED_DEPTH = 1  # default of -a related_depth=N (0 = do not follow related links)
# --- end spiders & middlewares ---
