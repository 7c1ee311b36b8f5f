"""Zone abbreviations and visually reordered phrases for :mod:`newsbot.text.dates`.

``ambiguous_zone("AST", ZoneInfo("Asia/Riyadh"))`` → +03:00 (the page's country decides; None
when it does not); ``unknown_abbreviation("14:35 ADT")`` → True (the caller returns None rather
than a wrong instant); ``unreverse_relative("منذ ساعات 3")`` → "منذ 3 ساعات" (RTL text extraction
puts the number after the unit). Data in :mod:`newsbot.text.dates_data`.
"""

from __future__ import annotations

import re
from datetime import timedelta, tzinfo
from datetime import timezone as fixed_zone

from newsbot.text import dates_data as D
from newsbot.text.dates_lex import fold

__all__ = ["ambiguous_zone", "unknown_abbreviation", "unreverse_relative"]

_KNOWN_ABBRS = frozenset(
    a.lower()
    for a in (
        *D.ZONE_ABBREVIATIONS,
        *D.ZONE_ABBREVIATION_OFFSETS,
        *D.AMBIGUOUS_ZONE_ABBREVIATIONS,
        "GMT",
        "UTC",
        "AM",
        "PM",
    )
)
_UNKNOWN_ABBR_RE = re.compile(
    r"\d:\d\d(?::\d\d)?\s*(?:[apAP]\.?[mM]\.?\s*)?\(?[A-Z]{2,5}(?![A-Za-z])"
)
_ABBR_AFTER_TIME_RE = re.compile(
    r"\d:\d\d(?::\d\d)?\s*(?:[apAP]\.?[mM]\.?\s*)?\(?([A-Z]{2,5})(?![A-Za-z])"
)
_REL_UNITS = "|".join(
    sorted({fold(w) for w, (_, implied) in D.RELATIVE_UNITS.items() if implied is None}, key=len)[
        ::-1
    ]
)
_REVERSED_REL_RE = re.compile(rf"(منذ|قبل)\s+({_REL_UNITS})\s+(\d{{1,3}})(?!\S)")


def unknown_abbreviation(raw: str) -> bool:
    """A capitalised zone abbreviation after a time that no table knows ("14:35 ADT")."""
    if not _UNKNOWN_ABBR_RE.search(raw):
        return False
    return any(m.lower() not in _KNOWN_ABBRS for m in _ABBR_AFTER_TIME_RE.findall(raw))


def ambiguous_zone(abbr: str, zone: tzinfo | None) -> tzinfo | None:
    """The offset an ambiguous abbreviation has on a page of ``zone`` (None: unresolved)."""
    key = getattr(zone, "key", None)
    if not key:
        return None
    for names, hours in D.AMBIGUOUS_ZONE_ABBREVIATIONS[abbr]:
        if any(key == n or (n.endswith("/") and key.startswith(n)) for n in names):
            return fixed_zone(timedelta(hours=hours))
    return None


def unreverse_relative(s: str) -> str:
    """ "منذ ساعات 3" / "قبل دقائق 10" (folded text) in reading order; other text unchanged."""
    if "منذ" not in s and "قبل" not in s:
        return s
    m = _REVERSED_REL_RE.search(s)
    if not m:
        return s
    return s[: m.start()] + f"{m[1]} {m[3]} {m[2]}" + s[m.end() :]
