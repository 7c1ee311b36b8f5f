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

from newsbot.extract import classify, extract_response, resolve_portal
from newsbot.spiders._article import _apply_hints as apply_hints
from newsbot.warc.pages import skip_reason, to_response
from newsbot.warc.reader import Record, WarcDamaged, iter_records
from newsbot.warc.writer import CONTEXT_TYPE

__all__ = ["extract_warcs", "open_warc", "record_article"]

URL_TIMEOUT = 60.0


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


def record_article(
    record: Record, counts: Counter[str], context: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The article record of one WARC response record whose payload was read, else None (the
    reason counted in ``counts``); ``context``: the crawl's request context, if recorded."""
    response = to_response(record)
    if isinstance(response, str):
        counts[response] += 1
        return None
    context = context or {}
    if context.get("kind") == "discovery":  # the crawl read it as a feed/sitemap/listing
        counts["not_article/discovery"] += 1
        return None
    portal = _portal(response.url, context.get("portal"))
    hints = dict(context.get("hints") or {})
    depth, via = context.get("depth"), context.get("via")
    hints.setdefault("depth", depth or 0)
    if via:
        hints.setdefault("via", via)
    article = extract_response(response, portal, hints=hints, now=record.fetched_at)
    reason = classify(article, response)
    if reason is not None:
        counts[f"not_article/{reason}"] += 1
        return None
    if context:
        apply_hints(article, hints, portal)
        article.depth, article.via = int(depth or 0), via
    if article.portal is None and portal is not None:
        article.portal = portal.slug
    article.fetched_via = str(context.get("fetched_via") or "http")  # a WARC holds a download
    counts["articles"] += 1
    return ItemAdapter(article).asdict()


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


def scan(stream: BinaryIO, emit: Callable[[dict[str, Any]], None], counts: Counter[str]) -> None:
    """Emit the articles of one WARC stream; raises WarcDamaged after the good records.

    A newsbot context record (``NEWSBOT_WARC_DIR``) before a response gives its hints, depth,
    via and portal, as the crawl had them in ``request.meta``.
    """
    contexts: dict[str, dict[str, Any]] = {}
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
        article = record_article(record, counts, contexts.pop(record.url, None))
        if article is not None:
            emit(article)


def summary(source: str, counts: Counter[str]) -> str:
    """``FILE: 12 records, 3 articles; skipped: not_response 6, revisit 1, status_404 1``."""
    skipped = {k: v for k, v in counts.items() if k not in ("records", "articles", "context")}
    text = f"{source}: {counts['records']} records, {counts['articles']} articles"
    if skipped:
        text += "; skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items()))
    return text


def extract_warcs(sources: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run ``scrapy extract --warc`` over ``sources``; returns the exit status (0 or 1)."""

    def emit(article: dict[str, Any]) -> None:
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
        out.flush()

    status = 0
    for source in sources:
        counts: Counter[str] = Counter()
        try:
            with open_warc(source) as stream:
                scan(stream, emit, counts)
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
        err.write(f"{summary(source, counts)}\n")
    return status
