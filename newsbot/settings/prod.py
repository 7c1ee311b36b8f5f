"""Production settings: endpoints and storage from the environment (``SCRAPY_PROJECT=prod``)."""

import os

from newsbot.settings import *

LOG_LEVEL = "INFO"
if os.environ.get("REDIS_URL"):
    REDIS_URL = os.environ["REDIS_URL"]
if os.environ.get("NEWSBOT_STATE_DIR"):
    NEWSBOT_STATE_DIR = os.environ["NEWSBOT_STATE_DIR"]
