"""DedupePipeline: the deduplication ladder, across one crawl and across crawls.

For each record (after validation), in order; every outcome is counted as
``newsbot/<portal>/dedup/<outcome>``:

1. ``url`` — its canonical URL (``newsbot.urls.canonical_url`` of ``url``, alias of
   ``fetched_url``) was already emitted: dropped, unless
4. ``update`` — ... the stored article is older: a newer ``modified`` or (with
   ``NEWSBOT_UPDATE_ON_CONTENT_CHANGE``) a changed content fingerprint. Emitted with
   ``version`` = stored version + 1.
2. ``exact`` — another URL has the same content fingerprint (Arabic match key of title + body):
   ``NEWSBOT_EXACTDUP_ACTION`` ``drop``, ``link`` (emit with ``duplicate_of``) or ``auto``
   (default: drop within one portal — the same page at two addresses —, link across portals).
3. ``near`` — MinHash/LSH candidate at or above ``NEWSBOT_NEARDUP_THRESHOLD``:
   ``NEWSBOT_NEARDUP_ACTION`` ``flag`` (default: emit with ``duplicate_of``) or ``drop``.
   Otherwise ``new`` (version 1). ``duplicate_of`` always names the first record of a cluster.

Crash safety: the persistent seen-store learns about an emitted record only from the
``item_scraped`` signal, which Scrapy sends to the feed exporter first (extensions connect
before pipelines), so a record is stored only once its line is in the feed. A record the
process was killed between the two writes is taken back from the feed's tail at the next
start (``newsbot.feeds.recover_from_feeds``). Records of the current crawl are looked up in an
in-memory index of its last ``NEWSBOT_DEDUPE_RUN_WINDOW`` records (so memory stays flat over a
long crawl; the in-flight items, not yet in the store, are always among them) and, past it, in
the seen-store, where a record written since this crawl started counts as "this crawl" (also in
a ``fresh`` run, which otherwise ignores the store); in a distributed crawl (``REDIS_URL``) each decision is taken under a Redis
lock and claimed in a shared short-lived index (``newsbot.distributed.claims``), so two workers
never both emit one story as new. ``-a fresh=1`` (``NEWSBOT_FRESH``): earlier crawls drop nothing (versions
still continue); the same holds for article URLs given on the command line (``-a url=``).
After a failed feed write (``CrawlState.write_failed``) nothing more is stored.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import DropItem, NotConfigured

from newsbot.distributed.claims import shared_claims
from newsbot.feeds import recover_from_feeds
from newsbot.fingerprints import fingerprint
from newsbot.pipelines.validate import portal_of
from newsbot.state import MemorySeenStore, SeenRecord, crawl_state, is_newer
from newsbot.text.arabic import match_key
from newsbot.urls import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from newsbot.fingerprints import Signature
    from newsbot.state import SeenStore

__all__ = ["DedupePipeline"]

logger = logging.getLogger(__name__)

EXACT_ACTIONS = ("auto", "drop", "link")
NEAR_ACTIONS = ("flag", "drop")


@dataclass(frozen=True)
class DedupeConfig:
    exact_action: str = "auto"
    near_action: str = "flag"
    update_on_content_change: bool = True
    run_window: int = 2000


class DedupePipeline:
    """Item pipeline (module docstring)."""

    def __init__(self, crawler: Crawler, config: DedupeConfig) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.config = config
        self.state = crawl_state(crawler)
        self.hasher = self.state.hasher
        self.run = MemorySeenStore(max_records=config.run_window)
        self.started = time.time()
        """Records the seen-store wrote since then are this crawl's (set again after recovery)."""
        self.pending: dict[int, SeenRecord] = {}
        self.claims = shared_claims(crawler)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_left, signal=signals.item_dropped)
        crawler.signals.connect(self.item_left, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        settings = crawler.settings
        if not settings.getbool("NEWSBOT_DEDUPE_ENABLED", True):
            raise NotConfigured("NEWSBOT_DEDUPE_ENABLED is off")
        config = DedupeConfig(
            exact_action=str(settings.get("NEWSBOT_EXACTDUP_ACTION", "auto")).lower(),
            near_action=str(settings.get("NEWSBOT_NEARDUP_ACTION", "flag")).lower(),
            update_on_content_change=settings.getbool("NEWSBOT_UPDATE_ON_CONTENT_CHANGE", True),
            run_window=max(1, settings.getint("NEWSBOT_DEDUPE_RUN_WINDOW", 2000)),
        )
        if config.exact_action not in EXACT_ACTIONS:
            raise ValueError(f"NEWSBOT_EXACTDUP_ACTION must be one of {EXACT_ACTIONS}")
        if config.near_action not in NEAR_ACTIONS:
            raise ValueError(f"NEWSBOT_NEARDUP_ACTION must be one of {NEAR_ACTIONS}")
        return cls(crawler, config)

    def open_spider(self) -> None:
        store = self.state.store
        if store is not None:
            recovered = recover_from_feeds(self.crawler, store, self.hasher)
            if recovered and self.stats is not None:
                self.stats.inc_value("newsbot/state/recovered", recovered)
        self.started = time.time()

    # -- ladder -------------------------------------------------------------------------------

    def _count(self, portal: str, outcome: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"newsbot/{portal}/dedup/{outcome}")

    def _drop(self, portal: str, level: str, message: str) -> NoReturn:
        """Count ``dedup/<level>`` and ``dropped/duplicate_<level>``, then drop the record."""
        self._count(portal, level)
        if self.stats is not None:
            self.stats.inc_value(f"newsbot/{portal}/dropped/duplicate_{level}")
        raise DropItem(message)

    def _stored(self) -> SeenStore | None:
        """The persistent store to decide with (None in a fresh run)."""
        return None if self.state.fresh else self.state.store

    def _this_run(self, record: SeenRecord | None) -> SeenRecord | None:
        """``record`` when the seen-store wrote it during this crawl, else None."""
        return record if record is not None and record.seen_at >= self.started else None

    def _lookup(self, store: SeenStore | None, keys: list[str]) -> SeenRecord | None:
        if store is None:
            return None
        for key in keys:
            found = store.get(key)
            if found is not None:
                return found
        return None

    def _near(self, sig: Signature | None, key: str) -> tuple[SeenRecord, float] | None:
        if sig is None:
            return None
        best: tuple[SeenRecord, float] | None = None
        stores = [self.run, self.claims and self.claims.index, self.state.store]
        for store in stores:
            if store is None:
                continue
            only_this_run = store is self.state.store and self.state.fresh
            for cand in store.near_candidates(sig.bands):
                if cand.url == key or cand.root == key or not cand.sketch:
                    continue
                if only_this_run and self._this_run(cand) is None:
                    continue
                score = self.hasher.similarity(sig.sketch, cand.sketch)
                if score >= self.hasher.threshold and (best is None or score > best[1]):
                    best = (cand, score)
        return best

    def process_item(self, item: Any) -> Any:
        if self.claims is None:
            return self._decide(item)
        with self.claims.lock():
            return self._decide(item)

    def _decide(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        portal = portal_of(adapter)
        url = adapter.get("url") or adapter.get("fetched_url")
        if not url:  # nothing to key on (ValidatePipeline normally drops these)
            return item
        key = canonical_url(str(url))
        keys = [key]
        if adapter.get("fetched_url"):
            fetched = canonical_url(str(adapter["fetched_url"]))
            if fetched != key:
                keys.append(fetched)
        body = adapter.get("body")
        body_key = match_key(body)  # shared by the exact fingerprint and the MinHash shingles
        fp = fingerprint(adapter.get("title"), body, body_key=body_key)
        adapter["fingerprint"] = fp

        persistent = self.state.store
        stored = self._lookup(persistent, keys)
        lastmod = self._pop_lastmod(keys)
        if self._lookup(self.run, keys) is not None or self._this_run(stored) is not None:
            self._drop(portal, "url", f"duplicate url in this crawl: {url}")
        version, duplicate_of, outcome = 1, None, "new"
        if stored is not None:
            if self._is_update(adapter, stored, fp):
                version, duplicate_of, outcome = stored.version + 1, stored.duplicate_of, "update"
            elif self.state.fresh:
                version, duplicate_of = stored.version, stored.duplicate_of
            else:
                self._keep_lastmod(persistent, stored, lastmod)  # type: ignore[arg-type]
                self._drop(portal, "url", f"duplicate url (seen in an earlier crawl): {url}")

        if body:
            sig = self.hasher.signature(body, key=body_key)
        else:
            sig = self.hasher.signature(adapter.get("title"))
        record = SeenRecord(
            url=key,
            fingerprint=fp,
            portal=portal,
            published=adapter.get("published"),
            modified=adapter.get("modified"),
            lastmod=lastmod or (stored.lastmod if stored else None),
            version=version,
            sketch=sig.sketch if sig else None,
            bands=sig.bands if sig else (),
            aliases=tuple(keys[1:]),
        )
        if outcome == "new":
            outcome, duplicate_of = self._content_duplicate(adapter, record, sig, fp, portal)
        record.duplicate_of = duplicate_of
        adapter["version"] = version
        adapter["duplicate_of"] = duplicate_of
        self._count(portal, outcome)
        self.run.put(record)
        if self.claims is not None:
            self.claims.index.put(record)
        self.pending[id(item)] = record
        return item

    def _is_update(self, adapter: ItemAdapter, stored: SeenRecord, fp: str | None) -> bool:
        modified = adapter.get("modified")
        if modified and is_newer(modified, stored.modified):
            return True
        return bool(
            self.config.update_on_content_change
            and fp
            and stored.fingerprint
            and fp != stored.fingerprint
        )

    def _pop_lastmod(self, keys: list[str]) -> str | None:
        """The sitemap/feed lastmod the incremental middleware noted for ``keys`` (forgotten)."""
        found = None
        lastmods = self.state.lastmods
        if lastmods:
            for key in keys:
                value = lastmods.pop(key, None)
                found = found or value
        return found

    def _keep_lastmod(self, store: SeenStore, stored: SeenRecord, lastmod: str | None) -> None:
        """An unchanged article fetched again: extend its expiry and store a new ``lastmod``, so
        the next crawl does not fetch it again for the same lastmod (e.g. first reached by a
        related link, now listed by a sitemap)."""
        if lastmod and lastmod != stored.lastmod:
            stored.lastmod = lastmod
            store.put(stored)
        else:
            store.touch([stored.url])

    def _content_duplicate(
        self,
        adapter: ItemAdapter,
        record: SeenRecord,
        sig: Signature | None,
        fp: str | None,
        portal: str,
    ) -> tuple[str, str | None]:
        """Levels 2 and 3 for a record whose URL is new: (outcome, duplicate_of)."""
        same = None
        if fp:
            claimed = self.claims and self.claims.index.by_fingerprint(fp)
            same = self.run.by_fingerprint(fp) or claimed or self._lookup_fp(fp)
        if same is not None and same.url != record.url:
            action = self.config.exact_action
            if action == "auto":
                action = "drop" if (same.portal or portal) == portal else "link"
            if action == "drop":
                self._drop_duplicate(record, same.root, portal, "exact", adapter)
            return "exact", same.root
        near = self._near(sig, record.url)
        if near is not None:
            cand, score = near
            logger.debug("Near duplicate (%.2f) of %s: %s", score, cand.root, record.url)
            if self.config.near_action == "drop":
                self._drop_duplicate(record, cand.root, portal, "near", adapter)
            return "near", cand.root
        return "new", None

    def _lookup_fp(self, fp: str) -> SeenRecord | None:
        store = self.state.store
        found = store.by_fingerprint(fp) if store is not None else None
        return self._this_run(found) if self.state.fresh else found

    def _drop_duplicate(
        self, record: SeenRecord, root: str, portal: str, level: str, adapter: ItemAdapter
    ) -> NoReturn:
        """Remember a dropped duplicate (nothing goes to the feed, so store it now) and drop."""
        record.duplicate_of = root
        record.bands = ()
        self.run.put(record)
        if self.state.store is not None:
            self.state.store.put(record)
        self._drop(portal, level, f"{level} duplicate of {root}: {adapter.get('url')}")

    # -- commit after the feed line ---------------------------------------------------------

    def item_scraped(self, item: Any) -> None:
        record = self.pending.pop(id(item), None)
        if record is not None and self.state.store is not None and not self.state.write_failed:
            self.state.store.put(record)

    def item_left(self, item: Any) -> None:
        self.pending.pop(id(item), None)
        if self.state.lastmods:  # dropped before this pipeline saw it: forget its lastmod
            adapter = ItemAdapter(item)
            for url in (adapter.get("url"), adapter.get("fetched_url")):
                if url:
                    self.state.lastmods.pop(canonical_url(str(url)), None)
