"""Choose the publication / modification date of a page and format it in the page's own zone.

Candidates come cheapest-and-most-reliable first (JSON-LD, <meta>, microdata, RDFa, <time>,
visible text, URL, discovery hints); the first one ``parse_date_info`` reads wins. The result is
ISO 8601 in the page's zone (portal zone, else the country zone of the host, else the offset as
written) with ``date_tz_source`` saying where the offset came from.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from newsbot.extract._deps import date_from_url, parse_date_info
from newsbot.extract.metadata import MODIFIED_META, PUBLISHED_META

logger = logging.getLogger(__name__)

STRUCTURED = ("jsonld", "meta", "microdata", "time-tag")
"""Sources whose offsets a portal may distrust (``metadata_local_as_utc``)."""


@dataclass
class DateContext:
    """How to read dates on one page."""

    locale: str | None
    zone: str | None
    zone_source: str | None  # "portal" | "country" | None
    now: datetime
    local_as_utc: bool = False


@dataclass
class DateResult:
    value: str
    raw: str
    source: str
    tz_source: str
    hijri: str | None
    when: datetime


def _format(
    value: datetime, date_only: bool, ctx: DateContext, offset_source: str
) -> tuple[str, str]:
    if offset_source == "text":
        tz_source = "page"
    elif offset_source == "timezone":
        tz_source = ctx.zone_source or "unknown"
    else:
        tz_source = "unknown"
    if ctx.zone and value.tzinfo is not None:
        value = value.astimezone(ZoneInfo(ctx.zone))
    if date_only:
        return value.date().isoformat(), tz_source
    if tz_source == "unknown":
        # No zone for the site and none written: keep the local wall time, invent no offset.
        return value.replace(tzinfo=None).isoformat(timespec="seconds"), tz_source
    return value.isoformat(timespec="seconds"), tz_source


def parse_candidate(text: str, source: str, ctx: DateContext) -> DateResult | None:
    """Parse one candidate string; None when it is not a plausible date."""
    if not text or not text.strip():
        return None
    trust = not (ctx.local_as_utc and source in STRUCTURED)
    try:
        parsed = parse_date_info(
            text, locale=ctx.locale, timezone=ctx.zone, now=ctx.now, trust_offset=trust
        )
    except Exception as exc:  # a date parser bug must not lose the page
        logger.warning("date parser failed on %r (%s): %s", text, source, exc)
        return None
    if parsed is None or parsed.value is None:
        return None
    when = parsed.value
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo(ctx.zone or "UTC"))
    if when.year < 1990 or when > ctx.now + timedelta(days=2):
        return None
    value, tz_source = _format(when, bool(parsed.date_only), ctx, parsed.offset_source)
    hijri = (
        parsed.hijri if isinstance(parsed.hijri, str) or parsed.hijri is None else str(parsed.hijri)
    )
    return DateResult(value, text.strip(), source, tz_source, hijri, when)


def first_date(candidates: list[tuple[str, str]], ctx: DateContext) -> DateResult | None:
    """The first candidate ``(text, source)`` that parses."""
    for text, source in candidates:
        got = parse_candidate(text, source, ctx)
        if got is not None:
            return got
    return None


_URL_YMD = re.compile(r"/((?:19|20)\d\d)/(?:[a-z_-]+/)?(\d{1,2})/(\d{1,2})/")
"""/2013/middle_east/8/3/: year, an optional section, month, day."""


def _url_day(url: str) -> date | None:
    day = date_from_url(url)
    if day is not None:
        return day
    m = _URL_YMD.search(url)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def url_date(url: str, ctx: DateContext) -> DateResult | None:
    day = _url_day(url) if url else None
    if day is None or day > ctx.now.date():
        return None
    return DateResult(
        day.isoformat(),
        url,
        "url",
        "unknown",
        None,
        datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(ctx.zone or "UTC")),
    )


def hint_text(raw: Any) -> str | None:
    """A discovery date as a string to parse. Discovery hands a bare day ("2023-09-16"
    lastmod) on as written, so it stays a day; a written time (even midnight) is kept."""
    if not raw:
        return None
    if isinstance(raw, datetime):
        raw = raw.isoformat()
    return str(raw).strip() or None


def hint_date(hints: dict[str, Any], ctx: DateContext, key: str = "published") -> DateResult | None:
    raw = hint_text(hints.get(key))
    if not raw:
        return None
    return parse_candidate(raw, str(hints.get("date_source") or "sitemap"), ctx)


def anchored_time(texts: list[str], day: DateResult | None, ctx: DateContext) -> DateResult | None:
    """A time-only visible line ("07:15 مساء", "آخر تحديث 09:25 GMT") on the page's own day.

    ``day`` is the page's day-only date (from its URL); without one the crawl day in the page's
    zone is used, and only when that zone is known. ``date_source`` names both parts
    ("url+text-time", "crawl-day+text-time"); a time later than now gives None.
    """
    if day is not None:
        if not is_day_only(day.value):
            return None
        anchor, source = day.when.date(), f"{day.source}+text-time"
    elif ctx.zone:
        anchor, source = ctx.now.astimezone(ZoneInfo(ctx.zone)).date(), "crawl-day+text-time"
    else:
        return None
    for text in texts:
        if not text or len(text) > 80:
            continue
        try:
            parsed = parse_date_info(
                text, locale=ctx.locale, timezone=ctx.zone, now=ctx.now, anchor=anchor
            )
        except Exception as exc:  # a date parser bug must not lose the page
            logger.warning("date parser failed on %r: %s", text, exc)
            continue
        if parsed is None or not getattr(parsed, "anchored", False):
            continue
        value, tz_source = _format(parsed.value, False, ctx, parsed.offset_source)
        return DateResult(value, text.strip(), source, tz_source, None, parsed.value)
    return None


def is_day_only(value: str) -> bool:
    return len(value) == 10


def refine_with_hint(pub: DateResult, hints: dict[str, Any], ctx: DateContext) -> DateResult:
    """A day-only page date made exact by a discovery date (feed pubDate, news sitemap) with a
    time on the same local day; ``date_source`` then names both ("text+feed")."""
    if not is_day_only(pub.value) or not hints.get("published"):
        return pub
    hinted = hint_date(hints, ctx)
    if hinted is None or is_day_only(hinted.value) or hinted.value[:10] != pub.value:
        return pub
    return DateResult(
        hinted.value,
        pub.raw,
        f"{pub.source}+{hinted.source}",
        hinted.tz_source,
        pub.hijri,
        hinted.when,
    )


def with_visible_hijri(pub: DateResult, texts: list[str], ctx: DateContext) -> DateResult:
    """``pub`` with the Hijri date of a visible date line that names the same local day.

    Structured dates (JSON-LD, meta) carry no Hijri date; the printed line often does
    ("5 رمضان 1445هـ الموافق 15 مارس 2024م").
    """
    if pub.hijri:
        return pub
    for text in texts:
        got = parse_candidate(text, "text", ctx)
        if got is not None and got.hijri and got.value[:10] == pub.value[:10]:
            return DateResult(pub.value, pub.raw, pub.source, pub.tz_source, got.hijri, pub.when)
    return pub


def published_candidates(ld: dict[str, Any], md: dict[str, Any]) -> list[tuple[str, str]]:
    """Structured publication-date strings ``(text, source)``, most reliable first."""
    meta, micro, rdfa = md["meta"], md["microdata"], md["rdfa"]
    out: list[tuple[str, str]] = [(ld["published"], "jsonld")] if ld.get("published") else []
    out += [(v, "meta") for k in PUBLISHED_META for v in meta.get(k, ())]
    out += [(v, "microdata") for k in ("datePublished", "dateCreated") for v in micro.get(k, ())]
    out += [
        (v, "meta") for k in ("dc:date", "dc:created", "dcterms:created") for v in rdfa.get(k, ())
    ]
    out += [(dt, "time-tag") for dt, _ in md["time"]]
    return out


def modified_candidates(ld: dict[str, Any], md: dict[str, Any]) -> list[tuple[str, str]]:
    """Structured modification-date strings ``(text, source)``, most reliable first."""
    meta, micro = md["meta"], md["microdata"]
    out: list[tuple[str, str]] = [(ld["modified"], "jsonld")] if ld.get("modified") else []
    out += [(v, "meta") for k in MODIFIED_META for v in meta.get(k, ())]
    out += [(v, "microdata") for v in micro.get("dateModified", ())]
    return out


UPDATE_LABEL_RE = re.compile(
    r"(?:آخر|اخر|أخر)\s+تحديث|تم\s+التحديث|محدثة|Updated|Last updated", re.I
)
_HAS_DAY_RE = re.compile(r"(?:19|20)\d\d|[٠-٩]{4}|\d{1,2}[/.-]\d{1,2}")


def update_variants(text: str) -> list[str]:
    """Strings to try for a modification date shown as "<date>، آخر تحديث <time or date>".

    The update part alone when it has a day of its own, else the shown day with the update time;
    the whole string last (a date parser reads its first date, the publication).
    """
    m = UPDATE_LABEL_RE.search(text or "")
    if not m:
        return [text]
    before = text[: m.start()].strip(" ،,-|:")
    after = text[m.end() :].strip(" ،,-|:")
    out = []
    if after and _HAS_DAY_RE.search(after):
        out.append(after)
    elif after and before:
        out.append(f"{before}، {after}")
    out.append(text)
    return out
