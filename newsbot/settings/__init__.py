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
DOWNLOAD_DELAY_JITTER = 0.5  # delay drawn from [0.5, 1.5] x DOWNLOAD_DELAY
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

# `scrapy crawl` exit status when a crawl closes with reason no_items / no_portal / no_urls
# (newsbot/commands/crawl.py); 0 = always exit 0 like plain Scrapy.
NEWSBOT_EMPTY_EXIT_CODE = 3

# --- spiders & middlewares ---
# MirrorMiddleware serves the hosts in NEWSBOT_MIRRORS from a local mirror while spiders see the
# real URLs (offline demo, e2e tests, benchmarks); it disables itself when the mapping is empty.
DOWNLOADER_MIDDLEWARES["newsbot.middlewares.mirror.MirrorMiddleware"] = 950
NEWSBOT_MIRRORS: dict[str, str] = {}  # {"demo.newsbot.example": "http://127.0.0.1:8000"}
NEWSBOT_RELATED_DEPTH = 1  # default of -a related_depth=N (0 = do not follow related links)
NEWSBOT_EXTRACT_WORKERS = "auto"  # extraction worker processes (auto: CPUs - 1, at most 2)
NEWSBOT_EXTRACT_WORKER_NICE = 5  # the workers' niceness above the crawl process (0 = same)
# --- end spiders & middlewares ---

# --- navigation crawl (home page -> sections/tags -> pagination; newsbot/spiders/_navigation.py) ---
NEWSBOT_NAV_MAX_DEPTH = 2  # listing levels below the home page (-a nav_depth=N)
NEWSBOT_NAV_MAX_PAGES = 5  # pages read per listing, its first page included (-a nav_pages=N)
NEWSBOT_NAV_MAX_LISTINGS = 100  # listing pages read per crawl at most (-a nav_listings=N)
NEWSBOT_NAV_STALE_DAYS = 2.0  # `site`: sitemaps/feeds whose newest entry is older get complemented
# --- end navigation crawl ---

# --- pipelines, state, feeds, report ---
# Validation -> dedup ladder -> feed; seen-store for incremental crawls; crawl report
# (README "Deduplication and incremental crawls"; every NEWSBOT_* here is in the settings table).
ITEM_PIPELINES.update(
    {
        "newsbot.pipelines.validate.ValidatePipeline": 300,
        "newsbot.pipelines.dedupe.DedupePipeline": 400,
    }
)
SPIDER_MIDDLEWARES.update({"newsbot.middlewares.incremental.IncrementalMiddleware": 600})
EXTENSIONS.update({"newsbot.extensions.report.CrawlReport": 500})
# glibc's mmap/trim thresholds fixed (bytes; 0 = glibc's dynamic defaults): RSS stays flat in
# long crawls (newsbot/extensions/malloc.py, README "Speed and memory")
EXTENSIONS.update({"newsbot.extensions.malloc.MallocTuning": 0})
NEWSBOT_MALLOC_MMAP_THRESHOLD = 131072
# start-up objects frozen (and optionally gc's first-generation threshold raised) while the
# engine runs (newsbot/extensions/gc_tuning.py)
EXTENSIONS.update({"newsbot.extensions.gc_tuning.GcTuning": 0})
NEWSBOT_GC_FREEZE = True
NEWSBOT_GC_THRESHOLD = 0  # 0 = CPython's (700)
DUPEFILTER_CLASS = "newsbot.dupefilter.CanonicalDupeFilter"
FEED_STORAGES = {
    "": "newsbot.feeds.LineFlushFileStorage",
    "file": "newsbot.feeds.LineFlushFileStorage",
}
FEED_URI_PARAMS = "newsbot.feeds.uri_params"  # adds %(portal)s and %(day)s
NEWSBOT_VALIDATE_ENABLED = True
NEWSBOT_MIN_BODY_CHARS = 150
NEWSBOT_MIN_ARABIC_RATIO = 0.5
NEWSBOT_VALIDATE_PORTALS: dict[str, dict[str, float]] = {}  # {"slug": {"min_body_chars": 80}}
NEWSBOT_DEDUPE_ENABLED = True
NEWSBOT_EXACTDUP_ACTION = "auto"  # auto (drop within a portal, link across) | drop | link
NEWSBOT_NEARDUP_ACTION = "flag"  # flag (duplicate_of) | drop
NEWSBOT_NEARDUP_THRESHOLD = 0.5  # estimated Jaccard of body word-3-gram shingles
NEWSBOT_NEARDUP_NUM_PERM = 128
NEWSBOT_NEARDUP_WINDOW_DAYS = 7  # near duplicates are looked for among this many recent days
NEWSBOT_DEDUPE_RUN_WINDOW = 2000  # records of this crawl kept in memory (older: in the seen-store)
NEWSBOT_UPDATE_ON_CONTENT_CHANGE = True
NEWSBOT_STATE_ENABLED = True
# NEWSBOT_STATE_BACKEND: "" = redis when REDIS_URL is set, else sqlite; or sqlite | redis | memory
NEWSBOT_STATE_BACKEND = ""
NEWSBOT_STATE_DIR = ".newsbot-state"  # relative = next to scrapy.cfg
NEWSBOT_STATE_TTL_DAYS = 90
NEWSBOT_STATE_SYNCHRONOUS = "NORMAL"
NEWSBOT_REDIS_PREFIX = "newsbot:seen:"
NEWSBOT_INCREMENTAL_ENABLED = True
NEWSBOT_FRESH = False  # or -a fresh=1 for one run
NEWSBOT_FEED_FSYNC = False
NEWSBOT_REPORT_ENABLED = True
NEWSBOT_REPORT_PATH = ""  # default: <first local feed>.report.json
# --- end pipelines, state, feeds, report ---

# --- distributed & scheduled crawls ---
# With REDIS_URL set (-s or environment) the addon shares queue, dupefilter, seen-store and
# near-duplicate claims between workers (README "Distributed crawls"); scrapy-redis underneath.
ADDONS: dict[str, int] = {"newsbot.distributed.addon.DistributedAddon": 100}
NEWSBOT_DISTRIBUTED_ENABLED = True
NEWSBOT_REDIS_CRAWL_KEY = ""  # "" = newsbot:crawl:<spider>:<portal | site home | URL-list hash>
NEWSBOT_REDIS_RUN_TTL = 86400  # s; a run abandoned by killed workers expires after this
NEWSBOT_REDIS_WORKER_TIMEOUT = 30.0  # s without heartbeat: a worker is dead, its requests re-queued
NEWSBOT_REDIS_RETRY_SECONDS = 10.0  # how long a command retries while Redis restarts
NEWSBOT_REDIS_CLAIM_TTL = 3600.0  # s a just-decided record stays in the shared claims index
# --- end distributed & scheduled crawls ---
# --- javascript rendering ---
# scrapy-playwright with Debian's Chromium (README "JavaScript portals"). The Playwright download
# handlers are installed by the spider only when a page of the crawl may be rendered.
DOWNLOADER_MIDDLEWARES["newsbot.render.middleware.RenderMiddleware"] = 800
SPIDER_MIDDLEWARES["newsbot.render.middleware.RenderStartMiddleware"] = 50
ADDONS["newsbot.render.addon.RenderAddon"] = 0  # scrapy fetch -s NEWSBOT_RENDER=always
NEWSBOT_RENDER = ""  # "" = -a render / portal `render` / generic default; or never | auto | always
NEWSBOT_CHROMIUM = ""  # "" = env NEWSBOT_CHROMIUM, else chromium on PATH (/usr/bin/chromium)
NEWSBOT_RENDER_TIMEOUT = 20.0  # navigation timeout of a rendered page, seconds
NEWSBOT_RENDER_PAGE_TIMEOUT = 60.0  # hard limit of one rendered page (navigation + actions), s
NEWSBOT_RENDER_MAX_PAGES = 4  # browser pages open at once (PLAYWRIGHT_MAX_PAGES_PER_CONTEXT)
NEWSBOT_RENDER_SETTLE_MS = 200  # a rendered page is read once its DOM is quiet this long
NEWSBOT_RENDER_ACTIONS_TIMEOUT = 20.0  # time budget of each listing page action, seconds
# --- end javascript rendering ---

# --- crash safety ---
# Kill -9 / Ctrl-C / SIGTERM, then the same command again: nothing lost, nothing repeated
# (README "Stopping and resuming"). ResumeMiddleware sits above IncrementalMiddleware (600) so
# the requests it re-schedules are checked against the seen-store; JobDirGuard only acts with
# JOBDIR.
SPIDER_MIDDLEWARES.update({"newsbot.middlewares.resume.ResumeMiddleware": 650})
EXTENSIONS.update({"newsbot.extensions.jobstate.JobDirGuard": 100})
NEWSBOT_RESUME_ENABLED = True
NEWSBOT_INTERRUPTED_EXIT_CODE = 75  # SIGTERM / Ctrl-C / Scrapyd cancel (EX_TEMPFAIL: run again)
NEWSBOT_WRITE_FAILED_EXIT_CODE = 74  # a feed line could not be written (EX_IOERR)
# --- end crash safety ---

# --- archives: WARC in and out, CC-NEWS ---
# WarcExport writes every fetched response (+ request) to rotating .warc.gz files when
# NEWSBOT_WARC_DIR is set; the ccnews spider reads CC-NEWS WARCs in byte ranges
# (README "Archives: WARC and CC-NEWS").
EXTENSIONS["newsbot.warc.export.WarcExport"] = 550
NEWSBOT_WARC_DIR = ""  # "" = off
NEWSBOT_WARC_MAX_BYTES = 1024**3  # rotate WARC files past this size
NEWSBOT_WARC_PREFIX = "newsbot"
NEWSBOT_CCNEWS_BASE_URL = "https://data.commoncrawl.org"  # relative WARC paths / -a month=
NEWSBOT_CCNEWS_RANGE_BYTES = 8 * 1024**2  # one Range request
NEWSBOT_CCNEWS_MAX_RECORD_BYTES = 64 * 1024**2  # a range grows up to this for one huge record
NEWSBOT_CCNEWS_CONCURRENT_WARCS = 1  # WARC files read at the same time
# --- end archives ---

# --- crawl throughput (README "Speed and memory") ---
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for the output of EVERY response (default 100),
# ~2 ms of reactor CPU per article page; our pipelines are synchronous, so more gain nothing.
CONCURRENT_ITEMS = 4
# --- end crawl throughput ---
