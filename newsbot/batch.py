"""``scrapy extract FILE`` and ``scrapy extract --batch LIST [--jobs N]``: saved pages -> records.

The list is read lazily, one ``path<TAB>url[<TAB>portal]`` line at a time (``#`` comments and
blank lines skipped; relative paths against the list's folder), so a list of a million lines
runs in constant memory. Pages are extracted by :class:`newsbot.parallel.OrderedPool` (``--jobs``
workers, ``1`` = in this process) and written as JSON lines in LIST order, the same bytes
whatever ``--jobs``: the JSON is serialised in the worker, and every page of a batch shares one
extraction time (``now``: the batch's start, or ``--now``), which is its ``crawled_at`` and the
"now" of relative dates.

Every bad entry is an ``error: LIST:LINE: ...`` line on stderr in list order, counted by kind,
and the batch goes on: ``bad_line`` (not UTF-8, no TAB), ``missing``, ``directory``,
``unreadable``, ``not_html`` (binary, or no markup in the first 4 KB), ``unknown_portal``,
``failed`` (the extractor raised), ``crashed`` (the worker process died on that page). The summary
line ``LIST: N entries, R records, E errors (kind n, ...) in S s (P pages/s, J jobs)`` ends
stderr; the exit status is 1 when any entry failed.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from newsbot.extract.encoding import looks_binary
from newsbot.parallel import Crashed, Failed, OrderedPool

__all__ = [
    "ExtractError",
    "extract_batch",
    "extract_file",
    "parse_now",
    "restart_warning",
    "warm_up",
]


class ExtractError(Exception):
    """A page could not be read or extracted: ``kind`` (module docstring) and a message."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def read_page(path: Path) -> bytes:
    """The bytes of a saved page; ExtractError when missing, unreadable or not HTML."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractError("missing", f"{path}: no such file") from None
    except IsADirectoryError:
        raise ExtractError("directory", f"{path}: is a directory, not a saved page") from None
    except OSError as exc:
        raise ExtractError("unreadable", f"{path}: cannot read: {exc.strerror or exc}") from None
    if looks_binary(data):
        raise ExtractError("not_html", f"{path}: not an HTML page (binary content)")
    if data.strip() and b"<" not in data[:4096]:
        raise ExtractError("not_html", f"{path}: not an HTML page (no markup in the first 4 KB)")
    return data


def extract_file(
    path: Path, url: str, portal: str | None, now: datetime | None = None
) -> dict[str, Any]:
    """The record of one saved page; ExtractError (never another exception) when it fails."""
    from newsbot.extract import extract_article, resolve_portal

    data = read_page(path)
    if portal is not None:
        try:
            resolve_portal(url, portal)
        except KeyError as exc:
            raise ExtractError("unknown_portal", str(exc.args[0] if exc.args else exc)) from None
    try:
        return extract_article(data, url, portal=portal, now=now)
    except Exception as exc:  # a parse failure of this page: reported, the batch goes on
        message = f"{path}: extraction failed: {type(exc).__name__}: {exc}"
        raise ExtractError("failed", message) from exc


def parse_now(value: str | None) -> datetime:
    """``--now`` (ISO 8601, ``Z`` allowed, naive = UTC) -> aware UTC datetime, whole seconds;
    the current time when None; ValueError when malformed."""
    if value is None:
        when = datetime.now(UTC)
    else:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0)


_SAMPLE_PAGE = (
    '<html lang="ar"><head><meta charset="utf-8"><title>خبر تجريبي</title>'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "خبر تجريبي",'
    ' "datePublished": "2024-01-15T09:30:00+02:00"}</script></head><body><article>'
    "<h1>خبر تجريبي</h1><p>القاهرة - كتب محمد أحمد</p><p>نشر في: الإثنين 15 يناير 2024 09:30 ص</p>"
    f"<p>{'أعلن الوزير اليوم خطة جديدة للتعليم والصحة. ' * 20}</p></article></body></html>"
)


def warm_up() -> None:
    """Import the extractor and fill its lazy caches (compiled byline rules of every portal's
    prefixes/agencies, date parsers of every portal's locale, the rest via a sample page). Run
    in the parent before the workers are forked, so each worker starts warm instead of paying
    these once per worker; a failure here is ignored (the pages will report their own). Then
    every object built so far is frozen (``gc.freeze()``, as ``NEWSBOT_GC_FREEZE`` does in a
    crawl), so the garbage collections of each page skip them."""
    from newsbot.extract import extract_article
    from newsbot.portals import all_portals
    from newsbot.text.bylines import parse_byline
    from newsbot.text.dates import parse_date

    with suppress(Exception):  # warming only
        extract_article(_SAMPLE_PAGE.encode(), "https://example.com/news/2024/01/15/sample")
        portals = list(all_portals())
        for prefixes, agencies in {(p.byline_prefixes, p.agencies) for p in portals}:
            parse_byline("كتب محمد أحمد", prefixes=prefixes or (), agencies=agencies or ())
        for locale, zone in {(p.date_locale, p.timezone) for p in portals}:
            parse_date("الإثنين 15 يناير 2024 09:30 ص", locale=locale, timezone=zone)
    gc.collect()
    gc.freeze()


@dataclass(frozen=True)
class Entry:
    """One line of the list: a page to extract, or ``error`` = why the line is unusable."""

    line: int
    path: str = ""
    url: str = ""
    portal: str | None = None
    now: datetime | None = None
    error: str | None = None


def read_list(stream: BinaryIO, base: Path, now: datetime) -> Iterator[Entry]:
    """The entries of a list, lazily (module docstring)."""
    for n, raw in enumerate(stream, 1):
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            yield Entry(n, error="the line is not UTF-8")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[1].strip():
            yield Entry(n, error="expected 'path<TAB>url[<TAB>portal]'")
            continue
        path = Path(cols[0])
        portal = cols[2].strip() if len(cols) > 2 and cols[2].strip() else None
        yield Entry(
            n, str(path if path.is_absolute() else base / path), cols[1].strip(), portal, now
        )


def entry_outcome(entry: Entry) -> tuple[str, str]:
    """``("ok", json_line)`` or ``(kind, message)`` for one entry (runs in a worker)."""
    if entry.error is not None:
        return "bad_line", entry.error
    try:
        record = extract_file(Path(entry.path), entry.url, entry.portal, entry.now)
    except ExtractError as exc:
        return exc.kind, str(exc)
    return "ok", json.dumps(record, ensure_ascii=False)


def outcome_of(result: Any, entry: Entry) -> tuple[str, str]:
    """The pool's result for ``entry`` as ``(kind, text)``, a crashed worker included."""
    if isinstance(result, Crashed):
        return "crashed", f"{entry.path}: {result.message}"
    if isinstance(result, Failed):  # entry_outcome catches everything: kept for safety
        return "failed", f"{entry.path}: {result.message}"
    kind, text = result
    return str(kind), str(text)


def summary(name: str, counts: Counter[str], seconds: float, jobs: int) -> str:
    """``LIST: 12 entries, 10 records, 2 errors (missing 1, not_html 1) in 1.2 s (...)``."""
    records = counts["ok"]
    errors = {k: v for k, v in sorted(counts.items()) if k != "ok"}
    total = records + sum(errors.values())
    text = f"{name}: {total} entries, {records} records, {sum(errors.values())} errors"
    if errors:
        text += " (" + ", ".join(f"{k} {v}" for k, v in errors.items()) + ")"
    rate = total / seconds if seconds > 0 else 0.0
    return f"{text} in {seconds:.1f} s ({rate:.1f} pages/s, {jobs} jobs)"


def restart_warning(restarts: int) -> str:
    return (
        f"warning: worker processes died {restarts} time(s); the pool was restarted and their "
        "pages extracted again (a page that kills its worker every time is an error 'crashed')\n"
    )


def extract_batch(
    tsv: Path,
    jobs: int = 1,
    now: datetime | None = None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Run ``scrapy extract --batch`` (module docstring); the exit status (0, 1).

    KeyboardInterrupt propagates after the workers are stopped and the summary is written.
    """
    try:
        stream = tsv.open("rb")
    except OSError as exc:
        err.write(f"error: {tsv}: cannot read the list: {exc.strerror or exc}\n")
        return 1
    started = time.monotonic()
    counts: Counter[str] = Counter()
    restarts = 0
    try:
        with stream, OrderedPool(jobs) as pool:
            if jobs > 1:
                warm_up()  # here, once: the forked workers inherit the warm extractor
            entries = read_list(stream, tsv.parent, now or parse_now(None))
            for entry, result in pool.map(entry_outcome, entries):
                kind, text = outcome_of(result, entry)
                counts[kind] += 1
                if kind == "ok":
                    out.write(text + "\n")
                    out.flush()
                else:
                    err.write(f"error: {tsv}:{entry.line}: {text}\n")
            restarts = pool.restarts
    finally:
        err.write(summary(str(tsv), counts, time.monotonic() - started, jobs) + "\n")
    if restarts:
        err.write(restart_warning(restarts))
    return 1 if set(counts) - {"ok"} else 0
