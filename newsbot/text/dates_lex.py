"""Folding and tokenising of date strings for :mod:`newsbot.text.dates`.

``fold`` maps every spelling of a date to one form (ASCII digits, bare alef, ي for ى, ه for ة,
no harakat/tatweel/bidi marks, lower case); ``lex`` cuts the folded text into typed tokens with
one regular expression generated from the word lists in :mod:`newsbot.text.dates_data`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, timedelta, tzinfo
from datetime import timezone as fixed_zone
from functools import lru_cache
from typing import Any, NamedTuple

from newsbot.text import dates_data as D

_DROP = [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x200B, 0x2010), *range(0x202A, 0x202F)]
_DROP += [*range(0x2066, 0x206A), 0x061C, 0xFEFF]
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}
_PUNCT = {
    "،": ",",
    "؛": ";",
    "\u066b": ".",
    "٬": ",",
    "\u00a0": " ",
    "–": "-",
    "—": "-",
    "\u2212": "-",
}
_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ی": "ي",
    "ک": "ك",
    "ۀ": "ه",
}
_TABLE_DIGITS = str.maketrans({**_DIGITS, **_PUNCT, **dict.fromkeys(map(chr, _DROP))})
_TABLE_ALL = str.maketrans(
    {**_DIGITS, **_PUNCT, **_LETTERS, **dict.fromkeys(map(chr, _DROP))}  # type: ignore[dict-item]
)


class Token(NamedTuple):
    """One token: kind (num, time, ndate, gmon, hmon, unit, ...) and its value."""

    kind: str
    val: Any


def fold(text: str, *, letters: bool = True) -> str:
    """Fold spelling variants away (``letters=False``: digits, marks and punctuation only)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_TABLE_ALL if letters else _TABLE_DIGITS).lower()


def _vocabulary(
    extra_months: tuple[tuple[str, int], ...] = (), extra_labels: tuple[str, ...] = ()
) -> dict[str, tuple[str, Any]]:
    """Folded phrase (spaces removed) -> token; later tables win over earlier ones."""
    tables: list[tuple[str, Any]] = [
        ("skip", dict.fromkeys((*D.FILLER_WORDS, *D.WEEKDAYS, *extra_labels))),
        ("upd", dict.fromkeys(D.UPDATE_LABELS)),
        ("and", dict.fromkeys(D.AND_WORDS)),
        ("numword", D.NUMBER_WORDS),
        ("frac", D.FRACTION_WORDS),
        ("andfrac", D.AND_FRACTION_WORDS),
        ("unit", D.RELATIVE_UNITS),
        ("ago", dict.fromkeys(D.AGO_WORDS)),
        ("rel", dict.fromkeys(D.RELATIVE_MARKERS)),
        ("day", D.DAY_WORDS),
        ("now", dict.fromkeys(D.NOW_PHRASES)),
        ("hourword", dict.fromkeys(D.HOUR_WORDS)),
        ("ampm", D.AMPM_WORDS),
        ("hmark", dict.fromkeys(D.HIJRI_MARKERS)),
        ("gmark", dict.fromkeys(D.GREGORIAN_MARKERS)),
        ("m", {"م": None}),  # p.m. after a time, the Gregorian era after a year
        ("num", {w: (n, 1 + (n > 9)) for w, n in D.DAY_WORDS_AS_NUMBERS.items()}),
        ("num", {"لل" + w[2:]: (n, 1 + (n > 9)) for w, n in D.DAY_WORDS_AS_NUMBERS.items()}),
        ("hmon", D.HIJRI_MONTHS),
        ("gmon", {**D.GREGORIAN_MONTHS, **dict(extra_months)}),
    ]
    vocab: dict[str, tuple[str, Any]] = {}
    for kind, table in tables:
        for word, val in table.items():
            vocab[fold(word).strip()] = (kind, val)
    return vocab


def _alternation(words: Any) -> str:
    """Regex alternation, longest first; inner spaces match any (or no) whitespace."""
    pats = []
    for w in sorted(words, key=len, reverse=True):
        pat = r"\s*".join(re.escape(p) for p in re.split(r"(?<=\D)\s*(?=\d)|\s+", w) if p)
        pats.append(pat + (r"(?!\d)" if w[-1].isdigit() else ""))
    return "|".join(pats)


_UTC = _alternation(fold(w) for w in D.UTC_WORDS)
_MERIDIEM = _alternation([*(fold(w) for w in D.AMPM_WORDS), "م"])
_PLACES = {re.sub(r"\s+", "", fold(k)): v for k, v in D.ZONE_PLACES.items()}
_ABBRS: dict[str, Token] = {
    **{fold(k): Token("zone", v) for k, v in D.ZONE_ABBREVIATIONS.items()},
    **{
        fold(k): Token("offset", fixed_zone(timedelta(hours=v)) if v else UTC)
        for k, v in D.ZONE_ABBREVIATION_OFFSETS.items()
    },
    **{fold(k): Token("abbr", k) for k in D.AMBIGUOUS_ZONE_ABBREVIATIONS},
}


@lru_cache(maxsize=32)
def _lexer(
    extra_months: tuple[tuple[str, int], ...] = (), extra_labels: tuple[str, ...] = ()
) -> tuple[re.Pattern[str], dict[str, tuple[str, Any]]]:
    """The token regex and its vocabulary (the shared lists plus a portal's extra words)."""
    vocab = _vocabulary(extra_months, extra_labels)
    keys = {re.sub(r"\s+", "", k): v for k, v in vocab.items()}
    regex = re.compile(
        r"(?P<ndate>(?P<a>\d{1,4})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<c>\d{1,4})"
        r"(?:(?!\d)|(?<=\d{4})(?=\d{1,2}:\d{2})))"  # "19/5/202414:44": two spans run together
        r"|(?P<time>(?P<h>\d{1,2})(?::|h(?=\d{2}))(?P<mi>\d{2})"
        r"(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?(?!\d)"
        r"(?:\s?(?P<tz>z(?![^\W\d_])|[+-]\d{2}:?\d{2}(?!\d))|(?P<tzh>[+-]\d{2})(?![\d:])"
        r"(?!\s*[^\W\d_]))?)"  # "18:44-19 مايو": a day, not an offset
        r"|(?P<dtime>(?P<dh>\d{1,2})\.(?P<dm>\d{2})(?=\s*(?:" + _MERIDIEM + r")(?![^\W\d_])))"
        rf"|(?P<utc>(?:(?:بال|ب|ال)?توقيت\s*)?(?:{_UTC})(?![^\W\d_])"
        r"(?:\s*(?P<us>[+-])\s*(?P<uh>\d{1,2})(?::?(?P<um>\d{2}))?(?!\d))?)"
        rf"|(?P<zone>(?:بال|ب|ال|حسب\s*)?توقيت\s*(?P<place>{_alternation(fold(k) for k in D.ZONE_PLACES)})(?![^\W\d_]))"
        r"|(?P<num>\d+)"
        rf"|(?P<vocab>{_alternation(vocab)})(?![^\W\d_])"
        r"|(?P<word>[^\W\d_]+)"
        r"|(?P<punct>[^\w\s])"
    )
    return regex, keys


def _offset(sign: str, hours: str, minutes: str | None) -> tzinfo:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= timedelta(hours=15):
        raise ValueError("UTC offset out of range")
    return fixed_zone(-delta if sign == "-" else delta) if delta else UTC


def lex(
    s: str, extra_months: tuple[tuple[str, int], ...] = (), extra_labels: tuple[str, ...] = ()
) -> list[Token]:
    """Typed tokens of a folded string; punctuation and filler words are dropped."""
    regex, keys = _lexer(extra_months, extra_labels)
    out: list[Token] = []
    for m in regex.finditer(s):
        kind = m.lastgroup
        if kind == "punct":
            continue
        if kind == "num":
            out.append(Token("num", (int(m["num"]), len(m["num"]))))
        elif kind == "ndate":
            out.append(Token("ndate", tuple((int(m[g]), len(m[g])) for g in "abc")))
        elif kind == "time":
            frac = (m["f"] or "0")[:6].ljust(6, "0")
            out.append(Token("time", (int(m["h"]), int(m["mi"]), int(m["s"] or 0), int(frac))))
            if tz := m["tz"]:
                zone = UTC if tz == "z" else _offset(tz[0], tz[1:3], tz[-2:])
                out.append(Token("offset", zone))
            elif tz := m["tzh"]:
                out.append(Token("offset", _offset(tz[0], tz[1:3], None)))
        elif kind == "dtime":
            out.append(Token("time", (int(m["dh"]), int(m["dm"]), 0, 0)))
        elif kind == "utc":
            out.append(Token("offset", _offset(m["us"] or "+", m["uh"] or "0", m["um"])))
        elif kind == "zone":
            out.append(Token("zone", _PLACES[re.sub(r"\s+", "", m["place"])]))
        elif kind == "vocab":
            tok = keys[re.sub(r"\s+", "", m["vocab"])]
            if tok[0] != "skip":
                out.append(Token(*tok))
        else:  # a zone abbreviation ("GST", "IDT") is a word of the dictionary below
            out.append(_ABBRS.get(m.group()) or Token("word", m.group()))
    return out
