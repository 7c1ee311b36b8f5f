"""``scrapy extract --warc FILE_OR_URL [--warc ...]``: the articles of WARC files as JSON lines.

Every response record goes through the same path as a crawled page: the record's HTTP headers
and decoded body become an ``HtmlResponse`` (:mod:`newsbot.warc.pages`), the registry portal of
its host (if any) is used, the WARC-Date is the extraction time (``crawled_at``, and "now" for
relative dates), and ``classify`` keeps only articles. One JSON line per article on stdout;
at the end of each file, the counts of records and of every skip reason on stderr.

Item pipelines (validation, dedup, seen-store) are not applied: a crawl written with
``NEWSBOT_WARC_DIR`` gives back every record the crawl emitted, plus those its pipelines dropped.
A file that cannot be opened, or is truncated or corrupt, gives the records before the damage, a
message on stderr and exit status 1 (never a traceback).
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO, TextIO

from itemadapter import ItemAdapter

from newsbot.batch import restart_warning, warm_up
from newsbot.extract import classify, extract_response, resolve_portal
from newsbot.parallel import Crashed, Failed, OrderedPool
from newsbot.spiders._article import _apply_hints as apply_hints
from newsbot.warc.pages import skip_reason, to_response
from newsbot.warc.reader import Record, WarcDamaged, iter_records
from newsbot.warc.writer import CONTEXT_TYPE

__all__ = ["extract_warcs", "open_warc", "record_outcome", "record_task"]

URL_TIMEOUT = 60.0
FAILURES = ("failed", "crashed")
"""Count keys of records that could not be extracted (an error line each, exit status 1)."""


class SourceError(Exception):
    """A WARC file or URL cannot be opened (message for the user)."""


@contextmanager
def open_warc(source: str) -> Iterator[BinaryIO]:
    """A binary stream of a local WARC file or an http(s) URL (streamed, never held whole)."""
    if source.startswith(("http://", "https://")):
        try:
            response = urllib.request.urlopen(source, timeout=URL_TIMEOUT)
        except urllib.error.HTTPError as exc:
            raise SourceError(f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise SourceError(f"cannot fetch: {getattr(exc, 'reason', exc)}") from None
        with response:
            yield response
        return
    try:
        fh = open(source, "rb")  # noqa: SIM115 - closed below, errors reported per kind
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a WARC file") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    with fh:
        yield fh


def record_outcome(
    record: Record, context: dict[str, Any] | None = None
) -> tuple[str, dict[str, Any] | None]:
    """``("articles", record)`` for one WARC response record whose payload was read, else
    ``(skip reason, None)``; ``context``: the crawl's request context, if recorded."""
    response = to_response(record)
    if isinstance(response, str):
        return response, None
    context = context or {}
    if context.get("kind") == "discovery":  # the crawl read it as a feed/sitemap/listing
        return "not_article/discovery", None
    portal = _portal(response.url, context.get("portal"))
    hints = dict(context.get("hints") or {})
    depth, via = context.get("depth"), context.get("via")
    hints.setdefault("depth", depth or 0)
    if via:
        hints.setdefault("via", via)
    article = extract_response(response, portal, hints=hints, now=record.fetched_at)
    reason = classify(article, response)
    if reason is not None:
        return f"not_article/{reason}", None
    if context:
        apply_hints(article, hints, portal)
        article.depth, article.via = int(depth or 0), via
    if article.portal is None and portal is not None:
        article.portal = portal.slug
    article.fetched_via = str(context.get("fetched_via") or "http")  # a WARC holds a download
    return "articles", ItemAdapter(article).asdict()


def record_task(work: tuple[Record, dict[str, Any] | None]) -> tuple[str, str | None]:
    """``(count key, JSON line | None)`` of one record (runs in a ``--jobs`` worker); an
    extraction that raises is ``("failed", message)``, never an exception."""
    record, context = work
    try:
        key, article = record_outcome(record, context)
    except Exception as exc:  # one bad page must not stop the file
        return "failed", f"extraction failed: {type(exc).__name__}: {exc}"
    return key, (json.dumps(article, ensure_ascii=False) if article is not None else None)


def _portal(url: str, slug: object) -> Any:
    """The recorded portal when the registry has it, else the registry's portal for ``url``."""
    if slug:
        try:
            return resolve_portal(url, str(slug))
        except KeyError:
            pass
    return resolve_portal(url)


def _wanted(record: Record) -> bool:
    if record.type == "metadata":
        return record.content_type_warc == CONTEXT_TYPE
    return skip_reason(record) is None


def _context(record: Record) -> dict[str, Any]:
    try:
        value = json.loads(record.payload or b"{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _work(
    stream: BinaryIO, counts: Counter[str], damage: list[WarcDamaged]
) -> Iterator[tuple[Record, dict[str, Any] | None]]:
    """The response records to extract, each with its context record's content (if any);
    the others are counted here. Damage ends the iteration and is left in ``damage``."""
    contexts: dict[str, dict[str, Any]] = {}
    try:
        for record in iter_records(stream, _wanted):
            counts["records"] += 1
            if record.type == "metadata" and record.content_type_warc == CONTEXT_TYPE:
                contexts = {record.url: _context(record)}  # only the next response's
                counts["context"] += 1
                continue
            reason = skip_reason(record)
            if reason is not None:
                counts[reason] += 1
                continue
            yield record, contexts.pop(record.url, None)
    except WarcDamaged as exc:
        damage.append(exc)


def _payload_size(work: tuple[Record, dict[str, Any] | None]) -> int:
    return len(work[0].payload or b"")


def scan(
    stream: BinaryIO,
    emit: Callable[[str], None],
    counts: Counter[str],
    pool: OrderedPool,
    failed: Callable[[Record, str], None],
) -> None:
    """Emit the article JSON lines of one WARC stream, in WARC order; raises WarcDamaged
    after the good records.

    A newsbot context record (``NEWSBOT_WARC_DIR``) before a response gives its hints, depth,
    via and portal, as the crawl had them in ``request.meta``. The WARC is read here
    (streaming); ``pool`` extracts the records (``--jobs``). A record whose extraction raised
    or killed its worker is counted (``failed``/``crashed``) and passed to ``failed``.
    """
    damage: list[WarcDamaged] = []
    work = _work(stream, counts, damage)
    for (record, _), result in pool.map(record_task, work, size=_payload_size):
        if isinstance(result, Crashed | Failed):
            key, text = ("crashed" if isinstance(result, Crashed) else "failed"), result.message
        else:
            key, text = result
        counts[key] += 1
        if key in FAILURES:
            failed(record, str(text))
        elif text is not None:
            emit(text)
    if damage:
        raise damage[0]


def summary(source: str, counts: Counter[str]) -> str:
    """``FILE: 12 records, 3 articles[, 1 failed]; skipped: not_response 6, revisit 1, ...``."""
    counted = ("records", "articles", "context", *FAILURES)
    skipped = {k: v for k, v in counts.items() if k not in counted}
    text = f"{source}: {counts['records']} records, {counts['articles']} articles"
    text += "".join(f", {counts[k]} {k}" for k in FAILURES if counts[k])
    if skipped:
        text += "; skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items()))
    return text


def extract_warcs(
    sources: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr, jobs: int = 1
) -> int:
    """Run ``scrapy extract --warc`` over ``sources`` with ``jobs`` worker processes; returns
    the exit status (0, or 1 when a source failed or a record could not be extracted).
    KeyboardInterrupt propagates after the file's counts so far and once the workers are
    stopped."""

    def emit(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    status = 0
    with OrderedPool(jobs) as pool:
        if jobs > 1:
            warm_up()  # here, once: the forked workers inherit the warm extractor
        for source in sources:

            def failed(record: Record, message: str, source: str = source) -> None:
                err.write(
                    f"error: {source}: record at byte {record.offset} ({record.url}): {message}\n"
                )

            counts: Counter[str] = Counter()
            try:
                with open_warc(source) as stream:
                    scan(stream, emit, counts, pool, failed)
            except SourceError as exc:
                err.write(f"error: {source}: {exc}\n")
                status = 1
                continue
            except WarcDamaged as exc:
                err.write(f"{summary(source, counts)}\n")
                err.write(
                    f"error: {source}: WARC {exc} — the {counts['records']} records before it "
                    "were read\n"
                )
                status = 1
                continue
            except KeyboardInterrupt:
                err.write(f"{summary(source, counts)} (interrupted)\n")
                raise
            err.write(f"{summary(source, counts)}\n")
            if any(counts[key] for key in FAILURES):
                status = 1
        if pool.restarts:
            err.write(restart_warning(pool.restarts))
    return status
