"""Arabic, Hijri and relative dates -> aware datetimes (docs: README "Dates").

The text is folded (digits, hamza/ya/ta-marbuta forms, harakat, bidi marks), split into typed
tokens by one regular expression built from the word lists in :mod:`newsbot.text.dates_data`,
and read by a small grammar: ``D month Y``, ``month D, Y``, ``Y month D``, numeric ``D/M/Y`` and
``Y/M/D``, times with ص/م or am/pm, offsets and zone words, relative phrases, Hijri dates.
A date followed by an update label ("| آخر تحديث: ...") is the publication date; what follows
is ignored. Portals extend the words with ``extra_months`` / ``extra_labels``.
Shapes the grammar does not know go to a strict dateparser (day, month and year required).
Nothing is guessed: an unreadable string gives ``None``, never "now".
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import timezone as fixed_zone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hijridate import Hijri

from newsbot.text.dates_lex import Token, fold, lex
from newsbot.text.dates_url import date_from_url
from newsbot.text.dates_zones import ambiguous_zone, unknown_abbreviation, unreverse_relative

logger = logging.getLogger(__name__)

MAX_CHARS = 400  # longer strings are not a date element
MAX_UNKNOWN_WORDS = 4  # an absolute date may sit among a few unknown words ("بروكسل، 9 ...")
_ISO_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_CALENDAR_UNITS = {"months": 1, "years": 12}


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date and where its parts came from."""

    value: datetime  # aware
    raw: str  # input text as given
    offset_source: str  # "text" | "timezone" | "assumed-utc"
    relative: bool  # "منذ 3 ساعات", "أمس", ...
    hijri: str | None  # "1445-09-15" when the text held a Hijri date
    date_only: bool  # no time of day in the text
    anchored: bool = False  # a time-only string put on the caller's ``anchor`` day


@dataclass
class _Ctx:
    raw: str
    zone: tzinfo | None  # ZoneInfo(timezone) or None
    now: datetime
    trust_offset: bool
    max_future: timedelta
    mdy: bool
    extra_months: tuple[tuple[str, int], ...] = ()
    extra_labels: tuple[str, ...] = ()
    offset: tzinfo | None = None  # written in the text
    hijri: str | None = None
    unknown: int = 0  # words the vocabulary does not know
    anchor: date | None = None  # the day a time-only string belongs to (caller's choice)


@lru_cache(maxsize=64)
def _zoneinfo(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown IANA time zone {name!r}") from exc


def parse_date(
    text: str | None,
    *,
    locale: str | None = None,
    timezone: str | None = None,
    now: datetime | None = None,
    extra_months: Mapping[str, int] | None = None,
    extra_labels: Iterable[str] = (),
) -> datetime | None:
    """Parse an Arabic/English/Hijri/relative date string into an aware datetime (or None)."""
    info = parse_date_info(
        text,
        locale=locale,
        timezone=timezone,
        now=now,
        extra_months=extra_months,
        extra_labels=extra_labels,
    )
    return info.value if info else None


def parse_date_info(
    text: str | None,
    *,
    locale: str | None = None,
    timezone: str | None = None,
    now: datetime | None = None,
    trust_offset: bool = True,
    max_future: timedelta = timedelta(days=1),
    extra_months: Mapping[str, int] | None = None,
    extra_labels: Iterable[str] = (),
    anchor: date | None = None,
) -> ParsedDate | None:
    """Parse ``text`` and say where the offset came from; None when it is not a date.

    ``timezone`` is the IANA zone the wall time is written in (ValueError if unknown); ``now``
    anchors relative dates; ``trust_offset=False`` reads a written Z/+00:00/GMT as local time.
    A portal adds its own month spellings (``extra_months={"مايوو": 5}``) and label words that
    carry no date (``extra_labels=("نشر على الموقع",)``) without touching the shared lists.
    A string holding only a time ("آخر تحديث 09:25 GMT", "07:15 مساء") gives None unless the
    caller names the day it belongs to (``anchor``: the page's own date, or the crawl day in the
    page's zone); the result then says ``anchored`` and is never later than ``now``.
    A zone abbreviation that names several zones (AST, IST, CST) is resolved by ``timezone``
    (the page's country); unresolved, or an unknown abbreviation after the time: None.
    """
    zone = _zoneinfo(timezone) if timezone else None
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS:
        return None
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone or UTC)
    mdy = (locale or "").lower().replace("_", "-") in ("en-us", "en-ph")
    ctx = _Ctx(text, zone, now, trust_offset, max_future, mdy, anchor=anchor)
    if extra_months:
        ctx.extra_months = tuple(sorted((k, v) for k, v in extra_months.items() if k.strip()))
    if extra_labels:
        ctx.extra_labels = tuple(sorted({w for w in extra_labels if w.strip()}))
    try:
        return _parse(fold(text), ctx)
    except (ValueError, OverflowError, ArithmeticError) as exc:  # out-of-range parts
        logger.debug("unreadable date %r: %s", text, exc)
        return None


def _parse(s: str, ctx: _Ctx) -> ParsedDate | None:
    s = s.strip()
    if _ISO_RE.fullmatch(s):
        dt = datetime.fromisoformat(s.upper())
        time = None if len(s) == 10 else (dt.hour, dt.minute, dt.second, dt.microsecond)
        if dt.tzinfo is not None:
            ctx.offset = dt.tzinfo
        return _finish(dt.date(), time, ctx, relative=False)
    if unknown_abbreviation(ctx.raw):
        return None  # "14:35 ADT": a zone we cannot place; no instant rather than a wrong one
    s = unreverse_relative(s)  # "منذ ساعات 3" (RTL order) -> "منذ 3 ساعات"
    toks = _published_part(lex(s, ctx.extra_months, ctx.extra_labels))
    for t in toks:
        if t.kind in ("offset", "zone", "abbr"):
            if t.kind == "abbr":
                ctx.offset = ambiguous_zone(t.val, ctx.zone)
                if ctx.offset is None:
                    return None  # "AST" on a page of no known country: no guess
            else:
                ctx.offset = t.val if t.kind == "offset" else _zoneinfo(t.val)
            break
    unknown = ctx.unknown = sum(t.kind == "word" for t in toks)  # they break "D month Y" too
    result = _absolute(toks, ctx) if unknown <= MAX_UNKNOWN_WORDS else None
    if result is None and unknown == 0:
        result = _scrambled(toks, ctx)
    if result is None and unknown <= MAX_UNKNOWN_WORDS:
        result = _relative(toks, ctx, strict=unknown == 0)
    if result is None and unknown == 0 and ctx.anchor is not None:
        result = _time_only(toks, ctx)
    if result is None and unknown == 0 and any(t.kind == "num" for t in toks):
        result = _fallback(ctx)
    return result


_SCRAMBLE_EXTRA = frozenset(("time", "ampm", "m", "offset", "zone", "abbr", "gmark"))


def _scrambled(toks: list[Token], ctx: _Ctx) -> ParsedDate | None:
    """One day, one month name, one 4-digit year (+ a time) in any order: RTL text extraction
    reorders "05 جويلية 2022 09:40" to "05 09:40 2022 جويلية". Nothing else may be present."""
    months = [t for t in toks if t.kind == "gmon"]
    nums = [t for t in toks if t.kind == "num"]
    if (
        len(months) != 1
        or len(nums) != 2
        or any(t.kind not in ("gmon", "num") and t.kind not in _SCRAMBLE_EXTRA for t in toks)
    ):
        return None
    days = [n.val[0] for n in nums if n.val[1] <= 2 and 1 <= n.val[0] <= 31]
    years = [n.val[0] for n in nums if n.val[1] == 4]
    if len(days) != 1 or len(years) != 1 or sum(t.kind == "time" for t in toks) > 1:
        return None
    day = date(years[0], months[0].val, days[0])
    return _finish(
        day, _time_of(toks, {i for i, t in enumerate(toks) if t.kind == "num"}), ctx, relative=False
    )


def _time_only(toks: list[Token], ctx: _Ctx) -> ParsedDate | None:
    """A lone time of day on the caller's anchor day; never later than now."""
    if ctx.anchor is None or sum(t.kind == "time" for t in toks) != 1:
        return None
    if any(t.kind not in ("time", "ampm", "m", "offset", "zone", "abbr", "hourword") for t in toks):
        return None
    found = _finish(ctx.anchor, _time_of(toks, set()), ctx, relative=False)
    if found is None or found.value > ctx.now:
        return None
    return ParsedDate(found.value, found.raw, found.offset_source, False, None, False, True)


_DATED = frozenset(("ndate", "num", "gmon", "hmon", "time", "day", "rel", "now"))


def _published_part(toks: list[Token]) -> list[Token]:
    """Cut "آخر تحديث: ..." off when a date precedes it; drop the update labels themselves."""
    for i, t in enumerate(toks):
        if t.kind == "upd" and any(p.kind in _DATED for p in toks[:i]):
            toks = toks[:i]
            break
    return [t for t in toks if t.kind != "upd"]


def _time_of(toks: list[Token], used: set[int]) -> tuple[int, int, int, int] | None:
    """First time of day in the tokens (12:09 م, 9:23:41, الساعة 10 صباحا)."""
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.kind == "time":
            h, mi, sec, us = t.val
        elif (
            t.kind == "num"
            and i not in used
            and t.val[0] <= 24
            and t.val[1] <= 2
            and ((i and toks[i - 1].kind == "hourword") or (nxt and nxt.kind == "ampm"))
        ):
            h, mi, sec, us = t.val[0], 0, 0, 0
        else:
            continue
        if nxt is not None and nxt.kind in ("ampm", "m"):
            h = _meridiem(h, "pm" if nxt.kind == "m" else nxt.val)
        if h > 23 or mi > 59 or sec > 59:
            raise ValueError("time of day out of range")
        return h, mi, sec, us
    return None


def _meridiem(h: int, kind: str) -> int:
    if kind == "am":
        return 0 if h == 12 else h
    if kind == "pm":
        return h + 12 if h < 12 else h
    if kind == "noon":
        return h + 12 if 1 <= h <= 5 else h
    return h + 12 if 6 <= h <= 11 else (0 if h == 12 else h)  # night


def _year(val: tuple[int, int], now: datetime, hijri: bool) -> int:
    y, digits = val
    if digits == 2:
        if hijri:
            return 1400 + y
        return 2000 + y if y <= now.year % 100 + 1 else 1900 + y
    return y


@dataclass
class _Group:
    hijri: bool
    year: int | None  # None: day and month only
    month: int
    day: int
    used: range


def _groups(toks: list[Token], ctx: _Ctx) -> list[_Group]:
    """Date groups in token order: ndate, D month [Y], month D [Y], Y month D."""
    out: list[_Group] = []
    i, n = 0, len(toks)

    def kind(j: int) -> str:
        return toks[j].kind if j < n else ""

    def is_num(j: int, digits: tuple[int, ...]) -> bool:
        return kind(j) == "num" and toks[j].val[1] in digits

    def months_from(j: int) -> tuple[bool, int, int] | None:  # "نيسان / أبريل" is one month
        k = j
        while kind(k) in ("gmon", "hmon"):
            k += 1
        found = {(toks[x].kind, toks[x].val) for x in range(j, k)}
        if not found or len({f[0] for f in found}) > 1:
            return None
        if len(found) > 1:
            raise ValueError("two different month names in one date")
        mk, mv = found.pop()
        return mk == "hmon", mv, k

    while i < n:
        t = toks[i]
        if t.kind == "ndate":
            (a, la), (b, _), (c, lc) = t.val
            hijri = kind(i + 1) == "hmark"
            if la == 4 and lc <= 2:
                out.append(_Group(hijri, a, b, c, range(i, i + 1)))
            elif la <= 2 and lc in (2, 4):
                y = _year((c, lc), ctx.now, hijri)
                mo, d = (a, b) if (ctx.mdy and a <= 12) or (b > 12 >= a) else (b, a)
                out.append(_Group(hijri, y, mo, d, range(i, i + 1)))
            i += 1
            continue
        if is_num(i, (1, 2)) and (m := months_from(i + 1)):  # 24 مارس 2024 / 24 مارس
            hijri, mo, k = m
            y = toks[k].val[0] if is_num(k, (4,)) else None
            if y is None and kind(k) == "num":  # "24 أغسطس 20": not ours to guess
                i = k + 1
                continue
            end = k + (y is not None)
            out.append(_Group(hijri or kind(end) == "hmark", y, mo, t.val[0], range(i, end)))
            i = end
            continue
        if is_num(i, (4,)) and (m := months_from(i + 1)) and is_num(m[2], (1, 2)):  # 2024 مارس 24
            hijri, mo, k = m
            out.append(_Group(hijri, t.val[0], mo, toks[k].val[0], range(i, k + 1)))
            i = k + 1
            continue
        if (m := months_from(i)) and is_num(m[2], (1, 2)) and kind(m[2] + 1) != "ampm":
            hijri, mo, k = m  # November 9, 2020 / November 9
            y = toks[k + 1].val[0] if is_num(k + 1, (4,)) else None
            if y is None and kind(k + 1) == "num":
                i = k + 2
                continue
            end = k + 1 + (y is not None)
            out.append(_Group(hijri, y, mo, toks[k].val[0], range(i, end)))
            i = end
            continue
        i += 1
    return out


def _absolute(toks: list[Token], ctx: _Ctx) -> ParsedDate | None:
    groups = _groups(toks, ctx)
    if not groups:
        return None
    hijri = next((g for g in groups if g.hijri and g.year is not None), None)
    if hijri:
        ctx.hijri = f"{hijri.year:04d}-{hijri.month:02d}-{hijri.day:02d}"
    g = next((g for g in groups if not g.hijri), hijri)
    if g is None:
        return None  # a Hijri day and month without the year: no safe guess
    if g.hijri:
        conv = Hijri(g.year, g.month, g.day).to_gregorian()
        day = date(conv.year, conv.month, conv.day)
    elif g.year is None:
        grouped = {i for grp in groups for i in grp.used}
        if any(t.kind == "num" and t.val[1] == 4 and i not in grouped for i, t in enumerate(toks)):
            return None  # a stray year next to "24 مارس": which year is meant is unclear
        if ctx.unknown:
            return None  # "حتى 30 يونيو": a day in a sentence, not a date element
        day = _infer_year(g.day, g.month, ctx)
    else:
        day = date(g.year, g.month, g.day)
    return _finish(day, _time_of(toks, set(g.used)), ctx, relative=False)


def _infer_year(d: int, mo: int, ctx: _Ctx) -> date:
    local_now = ctx.now.astimezone(ctx.offset or ctx.zone or UTC)
    latest = (local_now + ctx.max_future).date()
    for year in range(latest.year, latest.year - 8, -1):  # 29 February: the last leap year
        if d <= calendar.monthrange(year, mo)[1] and (day := date(year, mo, d)) <= latest:
            return day
    raise ValueError("no such day")


def _relative(toks: list[Token], ctx: _Ctx, strict: bool) -> ParsedDate | None:
    kinds = [t.kind for t in toks]
    zone = ctx.offset or ctx.zone or UTC
    local_now = ctx.now.astimezone(zone)
    bare = strict and kinds and kinds[-1] == "unit" and set(kinds) <= _AMOUNT_KINDS  # "17 ساعة"
    if "rel" in kinds or "ago" in kinds or bare:
        start = kinds.index("rel") + 1 if "rel" in kinds else 0
        if "word" in kinds[start:]:
            return None  # "قبل 48 ساعة من الانتخابات": a sentence, not a date element
        amounts = _amounts(toks[start:])
        if amounts:
            value = local_now
            fine = False
            for unit, count in amounts:
                if unit in _CALENDAR_UNITS and count == int(count):
                    value = _minus_months(value, int(count) * _CALENDAR_UNITS[unit])
                else:
                    days = {"months": 30, "years": 365}.get(unit)
                    value -= timedelta(days=count * days) if days else timedelta(**{unit: count})
                fine = fine or unit in ("seconds", "minutes", "hours")
            if fine:
                return _make(value, ctx, relative=True, date_only=False)
            return _finish(value.date(), None, ctx, relative=True)
    if not strict:
        return None
    if "now" in kinds and len(toks) == 1:
        return _make(local_now, ctx, relative=True, date_only=False)
    anchors = {t.val for t in toks if t.kind == "day"}
    hours = [
        i
        for i, k in enumerate(kinds)
        if k == "num" and ((i and kinds[i - 1] == "hourword") or kinds[i + 1 : i + 2] == ["ampm"])
    ]
    allowed = ("day", "time", "ampm", "m", "hourword")
    if len(anchors) == 1 and len(hours) + sum(k in allowed for k in kinds) == len(kinds):
        day = local_now.date() + timedelta(days=anchors.pop())
        return _finish(day, _time_of(toks, set()), ctx, relative=True)
    return None


_AMOUNT_KINDS = frozenset(("num", "numword", "frac", "unit", "and", "andfrac"))


def _amounts(toks: list[Token]) -> list[tuple[str, float]]:
    """[(unit, count)] from "3 ساعات و 20 دقيقة", "ساعتين", "نصف ساعة", "an hour ago"."""
    out: list[tuple[str, float]] = []
    count: float | None = None
    for i, t in enumerate(toks):
        if (
            t.kind == "numword"
            and t.val == 1
            and count is None
            and i
            and toks[i - 1].kind == "unit"
        ):
            continue  # "منذ ساعة واحدة", "منذ يوم واحد"
        if t.kind in ("num", "numword", "frac"):
            if count is not None:
                return []
            count = float(t.val[0] if t.kind == "num" else t.val)
        elif t.kind == "unit":
            unit, implied = t.val
            if count is None and implied is None:
                return []
            out.append((unit, count if count is not None else float(implied or 1)))
            count = None
        elif t.kind == "andfrac" and out:
            unit, c = out[-1]
            out[-1] = (unit, c + t.val)
        elif t.kind not in ("and", "ago", "rel"):
            if any(x.kind in ("num", "numword") for x in toks[i:]):
                return []  # "منذ 3 ساعات ... 5": more numbers than the phrase explains
            break
    return out if count is None else []


def _minus_months(value: datetime, months: int) -> datetime:
    y, m = divmod(value.year * 12 + value.month - 1 - months, 12)
    d = min(value.day, calendar.monthrange(y, m + 1)[1])
    return value.replace(year=y, month=m + 1, day=d)


def _finish(
    day: date, time: tuple[int, int, int, int] | None, ctx: _Ctx, *, relative: bool
) -> ParsedDate | None:
    h, mi, sec, us = time or (0, 0, 0, 0)
    tz, source = _resolve_zone(ctx)
    value = datetime(day.year, day.month, day.day, h, mi, sec, us, tzinfo=tz)
    return _check(value, ctx, source, relative=relative, date_only=time is None)


def _make(value: datetime, ctx: _Ctx, *, relative: bool, date_only: bool) -> ParsedDate | None:
    tz, source = _resolve_zone(ctx)
    return _check(value.astimezone(tz), ctx, source, relative=relative, date_only=date_only)


def _resolve_zone(ctx: _Ctx) -> tuple[tzinfo, str]:
    off = ctx.offset
    if off is not None:
        utc_label = isinstance(off, fixed_zone) and off.utcoffset(None) == timedelta(0)
        if ctx.trust_offset or ctx.zone is None or not utc_label:
            return off, "text"
    if ctx.zone is not None:
        return ctx.zone, "timezone"
    return UTC, "assumed-utc"


def _check(
    value: datetime, ctx: _Ctx, source: str, *, relative: bool, date_only: bool
) -> ParsedDate | None:
    if value.year < 1900 or value - ctx.now > ctx.max_future:
        return None
    return ParsedDate(value, ctx.raw, source, relative, ctx.hijri, date_only)


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    from dateparser.date import DateDataParser  # slow import, only for the rare fallback

    return DateDataParser(
        languages=["ar", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "STRICT_PARSING": True,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "NORMALIZE": True,
        },
    )


def _fallback(ctx: _Ctx) -> ParsedDate | None:
    """Strict dateparser (day, month and year all required) for shapes the grammar lacks."""
    text = fold(ctx.raw, letters=False)
    if len(text) > 120 or "هـ" in ctx.raw or "ه" in text.split():
        return None  # dateparser would read a Hijri year as Gregorian
    if text.strip().isdigit():
        return None  # an id or a counter; dateparser would read ten digits as a Unix time
    found = _dateparser().get_date_data(text).date_obj
    if found is None:
        return None
    time = (found.hour, found.minute, found.second, found.microsecond)
    return _finish(found.date(), None if ":" not in text else time, ctx, relative=False)


__all__ = ["ParsedDate", "date_from_url", "parse_date", "parse_date_info"]
