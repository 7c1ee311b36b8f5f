"""MallocTuning: stop glibc's malloc from keeping freed page-sized buffers in a long crawl.

Every page allocates and frees a few large buffers (the body, its decoded text, the lxml tree,
the feed line). glibc serves a buffer above its mmap threshold (128 KiB) with its own mapping
and returns it on free, but after each such free it *raises* the threshold to that size, so from
then on these buffers come from the main heap, where the small objects allocated between them
fragment it and the freed space is never returned: RSS steps up whenever a burst of pages is in
memory at once (a CPU-starved reactor) and never comes down.

``mallopt(M_MMAP_THRESHOLD)`` and ``mallopt(M_TRIM_THRESHOLD)`` at ``NEWSBOT_MALLOC_MMAP_THRESHOLD``
bytes fix both thresholds (this also turns off the dynamic adjustment): large buffers always get
their own mapping and free memory at the top of the heap goes back to the OS. Set once per
process when the crawler is built; forked extraction workers inherit it. Not enabled (Scrapy's
``NotConfigured``) when the setting is 0 or the C library is not glibc; a value above 32 MiB
stops the crawl at start with a ValueError. The value set is in the
stats as ``newsbot/malloc/mmap_threshold``.
"""

from __future__ import annotations

import ctypes
import logging
import platform
from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MAX_MMAP_THRESHOLD = 32 * 1024 * 1024
"""glibc's upper bound for M_MMAP_THRESHOLD on 64-bit (HEAP_MAX_SIZE / 2)."""


def set_malloc_thresholds(threshold: int) -> bool:
    """Fix glibc's mmap and trim thresholds at ``threshold`` bytes; False where that is not possible.

    Raises ValueError for a threshold outside 1 .. 32 MiB.
    """
    if not 0 < threshold <= MAX_MMAP_THRESHOLD:
        raise ValueError(f"malloc threshold {threshold} not in 1..{MAX_MMAP_THRESHOLD} bytes")
    if platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    mmap_ok = libc.mallopt(M_MMAP_THRESHOLD, threshold)
    trim_ok = libc.mallopt(M_TRIM_THRESHOLD, threshold)
    return bool(mmap_ok and trim_ok)


class MallocTuning:
    """Applies ``NEWSBOT_MALLOC_MMAP_THRESHOLD`` when the crawler is built (see module docstring)."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MallocTuning:
        threshold = crawler.settings.getint("NEWSBOT_MALLOC_MMAP_THRESHOLD")
        if threshold <= 0:
            raise NotConfigured("NEWSBOT_MALLOC_MMAP_THRESHOLD is 0")
        if not set_malloc_thresholds(threshold):  # ValueError (a bad setting) stops the crawl
            logger.info("malloc thresholds left as they are: the C library is not glibc")
            raise NotConfigured("not glibc")
        assert crawler.stats is not None
        crawler.stats.set_value("newsbot/malloc/mmap_threshold", threshold)
        return cls(threshold)
