"""GcTuning: start-up objects frozen and a higher gc threshold while the engine runs, inherited
by forked extraction workers, restored when the engine stops."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newsbot.extensions.gc_tuning import GcTuning

# In a fresh interpreter (the test process's own gc state stays untouched): start and stop the
# engine signals around an extraction worker asked for its gc state.
CHILD = r"""
import gc, json, os
from scrapy import signals
from scrapy.utils.test import get_crawler
from newsbot.extensions.gc_tuning import GcTuning
from newsbot.spiders._pool import ExtractPool

def state():
    return {"threshold": gc.get_threshold()[0], "frozen": gc.get_freeze_count()}

crawler = get_crawler(settings_dict={"NEWSBOT_GC_THRESHOLD": 5000, "MEMUSAGE_ENABLED": False})
ext = GcTuning.from_crawler(crawler)  # kept alive, as the extension manager does
out = {"before": state()}
crawler.signals.send_catch_log(signals.engine_started)
out["running"] = state()
pool = ExtractPool(1)
out["worker"] = pool._pool().submit(state).result()
pool.close()
crawler.signals.send_catch_log(signals.engine_stopped)
out["after"] = state()
out["stat"] = crawler.stats.get_value("newsbot/gc/threshold")
print(json.dumps(out))
"""


def test_threshold_and_freeze_while_running_inherited_by_workers_then_restored() -> None:
    out = json.loads(
        subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
        ).stdout
    )
    assert out["before"] == {"threshold": 700, "frozen": 0}  # CPython's defaults
    assert out["running"]["threshold"] == 5000
    assert out["running"]["frozen"] > 10_000  # Scrapy, Twisted, newsbot: all start-up objects
    assert out["worker"]["threshold"] == 5000
    assert out["worker"]["frozen"] > 10_000  # forked after the freeze
    assert out["after"] == out["before"]
    assert out["stat"] == 5000


def test_zero_disables() -> None:
    with pytest.raises(NotConfigured):
        GcTuning.from_crawler(get_crawler(settings_dict={"NEWSBOT_GC_THRESHOLD": 0}))
