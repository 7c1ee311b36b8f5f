"""Development settings: HTTP cache on, debug logs (``SCRAPY_PROJECT=dev``)."""

from newsbot.settings import *

HTTPCACHE_ENABLED = True
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
LOG_LEVEL = "DEBUG"
