"""MallocTuning: glibc's mmap threshold stays fixed, so page-sized buffers never land in the heap."""

from __future__ import annotations

import json
import platform
import subprocess
import sys

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newsbot.extensions.malloc import MallocTuning

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")

# In a fresh interpreter: free a 4 MiB buffer (glibc then raises its mmap threshold to 4 MiB
# unless it is fixed), allocate a 1 MiB one and report how much of it got its own mapping.
CHILD = r"""
import ctypes, json, sys
from scrapy.utils.test import get_crawler
from newsbot.extensions.malloc import MallocTuning

class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                 "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = Info
threshold = int(sys.argv[1])
crawler = get_crawler(settings_dict={"NEWSBOT_MALLOC_MMAP_THRESHOLD": threshold})
if threshold:
    MallocTuning.from_crawler(crawler)
big = bytearray(4 << 20)
del big
before = libc.mallinfo2().hblkhd
page = bytearray(1 << 20)
print(json.dumps({"mapped": libc.mallinfo2().hblkhd - before,
                  "stat": crawler.stats.get_value("newsbot/malloc/mmap_threshold")}))
"""


def _run(threshold: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(threshold)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_fixed_threshold_keeps_page_buffers_out_of_the_heap() -> None:
    untuned = _run(0)
    assert untuned["mapped"] == 0  # glibc's dynamic threshold put the 1 MiB buffer in the heap
    tuned = _run(131072)
    assert tuned["mapped"] >= 1 << 20
    assert tuned["stat"] == 131072


def test_zero_disables_and_a_bad_value_stops_the_crawl() -> None:
    with pytest.raises(NotConfigured):
        MallocTuning.from_crawler(get_crawler(settings_dict={"NEWSBOT_MALLOC_MMAP_THRESHOLD": 0}))
    with pytest.raises(ValueError, match="malloc threshold"):
        MallocTuning.from_crawler(
            get_crawler(settings_dict={"NEWSBOT_MALLOC_MMAP_THRESHOLD": 64 << 20})
        )
