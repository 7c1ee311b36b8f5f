"""Imports of the shared normalisers, with small stand-ins while a module is not there yet.

The extractor codes against ``newsbot.text.*`` and ``newsbot.portals``; when one of them is missing
(a partial checkout) a minimal local stand-in keeps extraction working, less precisely.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

try:
    from newsbot.text.arabic import (
        arabic_ratio,
        match_key,
        strip_title_suffix,
        word_count,
    )
    from newsbot.text.arabic import clean_text as _clean_text

    def clean_text(text: str | None, keep_paragraphs: bool = False) -> str:
        """``newsbot.text.arabic.clean_text`` returning ``""`` (never None) for empty input."""
        return _clean_text(text or "", keep_paragraphs=keep_paragraphs) or ""
except ImportError:  # pragma: no cover - stand-in
    _CTRL = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")

    def clean_text(text: str | None, keep_paragraphs: bool = False) -> str:
        if not text:
            return ""
        text = _CTRL.sub("", unicodedata.normalize("NFC", text))
        if keep_paragraphs:
            paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
            return "\n\n".join(p for p in paras if p)
        return re.sub(r"\s+", " ", text).strip()

    _KEYMAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None})

    def match_key(text: str | None) -> str:
        text = clean_text(text)
        text = re.sub("[\u064b-\u065f\u0670]", "", text).translate(_KEYMAP)
        return text.lower()

    def arabic_ratio(text: str | None) -> float:
        letters = [c for c in text or "" if c.isalpha()]
        if not letters:
            return 0.0
        return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)

    def word_count(text: str | None) -> int:
        return len((text or "").split())

    def strip_title_suffix(title: str, site_names: Any = ()) -> str:
        for sep in (" | ", " - ", " – ", " — "):
            if sep in title:
                head, _, tail = title.rpartition(sep)
                if head and len(tail.split()) <= 4:
                    return head.strip()
        return title

try:
    from newsbot.text.dates import date_from_url, parse_date_info
except ImportError:  # pragma: no cover - stand-in
    import dateparser

    @dataclass
    class ParsedDate:
        value: datetime
        raw: str
        offset_source: str = "text"
        relative: bool = False
        hijri: str | None = None
        date_only: bool = False

    def parse_date_info(
        text: str | None,
        *,
        locale: str | None = None,
        timezone: str | None = None,
        now: datetime | None = None,
        trust_offset: bool = True,
    ) -> ParsedDate | None:
        if not text or len(text) > 200:
            return None
        raw = text
        iso = re.search(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?", text)
        settings = {"TIMEZONE": timezone or "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "DATE_ORDER": "DMY"}
        if iso:
            s = iso.group(0)
            has_off = bool(re.search(r"(Z|[+-]\d\d:?\d\d)$", s))
            if has_off and not trust_offset:
                s = re.sub(r"(Z|[+-]\d\d:?\d\d)$", "", s)
                has_off = False
            val = dateparser.parse(s, languages=["en"], settings=settings)
            if val is None:
                return None
            return ParsedDate(val, raw, "text" if has_off else ("timezone" if timezone else "assumed-utc"),
                              date_only=len(s) == 10)
        label = re.sub(r"^[^\d\u0621-\u064a]*|(تم نشره|نشر في|تاريخ النشر|آخر تحديث)\s*:?", "", text)
        val = dateparser.parse(label, languages=["ar", "en"], settings=settings)
        if val is None:
            return None
        return ParsedDate(val, raw, "timezone" if timezone else "assumed-utc",
                          date_only=not re.search(r"\d:\d", text))

    def date_from_url(url: str) -> date | None:
        m = re.search(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)", url)
        if not m:
            return None
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None

try:
    from newsbot.text.regions import region_for_host
except ImportError:  # pragma: no cover - stand-in
    _TLD_ZONES = {"eg": "Africa/Cairo", "sa": "Asia/Riyadh", "ae": "Asia/Dubai", "lb": "Asia/Beirut",
                  "jo": "Asia/Amman", "tn": "Africa/Tunis", "ma": "Africa/Casablanca"}

    def region_for_host(host: str) -> tuple[str | None, str | None]:
        tld = host.rsplit(".", 1)[-1].lower()
        zone = _TLD_ZONES.get(tld)
        return ("ar-" + tld.upper() if zone else None, zone)

try:
    from newsbot.text.bylines import parse_byline, parse_credit
except ImportError:  # pragma: no cover - stand-in
    _PREFIX = re.compile(r"^\s*(كتب|كتبت|بقلم|حوار|إعداد|تقرير|متابعة|بواسطة)\s*[:：]?\s*")

    def parse_byline(text: str | None, *, prefixes: Any = (), agencies: Any = ()) -> dict[str, Any]:
        out: dict[str, Any] = {"authors": [], "agencies": [], "dateline": None}
        text = clean_text(text)
        text = _PREFIX.sub("", text)
        if not text:
            return out
        parts = [p.strip() for p in re.split(r"\s+-\s+", text)]
        if len(parts) == 2 and len(parts[1].split()) == 1:
            out["dateline"] = parts[1]
            text = parts[0]
        names = [n.strip() for n in re.split(r"،|,|\s+و(?=\S)", text) if n.strip()]
        out["authors"] = [n for n in names if len(n.split()) <= 5]
        return out

    def parse_credit(text: str | None) -> str | None:
        m = re.match(r"^\s*المصدر\s*[:：]\s*(.+?)\s*$", text or "")
        return m.group(1) if m else None

try:
    from newsbot.text import boilerplate
except ImportError:  # pragma: no cover - stand-in
    from newsbot.extract import _boilerplate_fallback as boilerplate  # type: ignore[no-redef]

try:
    from newsbot import portals as _portals

    def portal_for_url(url: str) -> Any:
        return _portals.for_url(url)

    def portal_by_slug(slug: str) -> Any:
        return _portals.get(slug)
except ImportError:  # pragma: no cover - stand-in

    def portal_for_url(url: str) -> Any:
        return None

    def portal_by_slug(slug: str) -> Any:
        raise KeyError(f"unknown portal {slug!r} (portal registry not available)")


__all__ = [
    "arabic_ratio",
    "boilerplate",
    "clean_text",
    "date_from_url",
    "match_key",
    "parse_byline",
    "parse_credit",
    "parse_date_info",
    "portal_by_slug",
    "portal_for_url",
    "region_for_host",
    "strip_title_suffix",
    "word_count",
]
