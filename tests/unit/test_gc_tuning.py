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
import gc, json, os, sys
from scrapy import signals
from scrapy.utils.test import get_crawler
from newsbot.extensions.gc_tuning import GcTuning
from newsbot.spiders._pool import ExtractPool

def state():
    return {"threshold": gc.get_threshold()[0], "frozen": gc.get_freeze_count()}

threshold = int(sys.argv[1])
settings = {"NEWSBOT_GC_FREEZE": True, "NEWSBOT_GC_THRESHOLD": threshold, "MEMUSAGE_ENABLED": False}
crawler = get_crawler(settings_dict=settings)
ext = GcTuning.from_crawler(crawler)  # kept alive, as the extension manager does
out = {"before": state()}
crawler.signals.send_catch_log(signals.engine_started)
out["running"] = state()
pool = ExtractPool(1)
out["worker"] = pool._pool().submit(state).result()
pool.close()
crawler.signals.send_catch_log(signals.engine_stopped)
out["after"] = state()
out["stats"] = [crawler.stats.get_value(f"newsbot/gc/{k}") for k in ("frozen", "threshold")]
print(json.dumps(out))
"""


def _run(threshold: int) -> dict:
    return json.loads(
        subprocess.run(
            [sys.executable, "-c", CHILD, str(threshold)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


@pytest.mark.parametrize("threshold", [0, 5000])
def test_freeze_and_threshold_while_running_inherited_by_workers_then_restored(threshold):
    out = _run(threshold)
    expected = threshold or 700  # 0: CPython's own
    assert out["before"] == {"threshold": 700, "frozen": 0}  # CPython's defaults
    assert out["running"]["threshold"] == expected
    assert out["running"]["frozen"] > 10_000  # Scrapy, Twisted, newsbot: all start-up objects
    assert out["worker"]["threshold"] == expected
    assert out["worker"]["frozen"] > 10_000  # forked after the freeze
    assert out["after"] == out["before"]
    frozen, stat_threshold = out["stats"]
    assert frozen > 10_000
    assert stat_threshold == (threshold or None)


def test_nothing_to_do_disables() -> None:
    settings = {"NEWSBOT_GC_FREEZE": False, "NEWSBOT_GC_THRESHOLD": 0}
    with pytest.raises(NotConfigured):
        GcTuning.from_crawler(get_crawler(settings_dict=settings))
