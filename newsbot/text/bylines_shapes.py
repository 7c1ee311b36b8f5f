"""Byline shapes read before and after the main split of :func:`newsbot.text.bylines.parse_byline`.

Each function handles one class of input seen across Arab news sites:

* markup inside a byline string (JSON-LD author names holding ``<a href=...>name</a>``);
* a verb after the name ("محمد علي يكتب: ..." → the name; the column title is dropped);
* "City (Country) -" datelines ("غزة (فلسطين) -" → غزة, not the country);
* a date stuck to the name ("محمد علي 12 نوفمبر 2024");
* house labels "خاص X" / "متابعات X": X is the outlet unless it opens with a given name;
* outlets by shape: "X 24", "Kech24", a place + a qualifier ("بغداد اليوم", "الصومال الجديد"),
  Latin-script names ("Le Matin", "Hespress FR");
* the page's own site name (og:site_name, JSON-LD publisher, portal name) as context;
* two names after كتب with no separator, split where a family name (nisba "ال...ي") is
  followed by a given name from the gazetteer (:mod:`newsbot.text.names`).

All are pure functions of strings; none raises on odd input.
"""

from __future__ import annotations

import html
import re

from newsbot.text.arabic import match_key
from newsbot.text.bylines_rules import Rules
from newsbot.text.dates_data import GREGORIAN_MONTHS
from newsbot.text.names import is_given_name, starts_with_given_name

__all__ = [
    "cut_date",
    "cut_verb",
    "house_label",
    "is_latin_outlet",
    "is_name_with_word_suffix",
    "is_shaped_outlet",
    "matches_site",
    "outlets_among_persons",
    "place_paren",
    "qualified_place",
    "site_keys",
    "split_two_names",
    "strip_markup",
]

_TAG_RE = re.compile(r"<[^<>]{0,400}>")
_VERB_RE = re.compile(
    r"^(?P<name>[^:\uff1a\-–—|/،,\n]{3,60}?)\s+(?:يكتب|تكتب|يكتبها|تكتبها)\s*(?:[:\uff1a\-–—]|$)"
)
_MONTHS = "|".join(sorted((re.escape(m) for m in GREGORIAN_MONTHS if len(m) > 2), key=len)[::-1])
_DATE_RE = re.compile(
    rf"\s*[-–—|،,]?\s*(?:\d{{1,2}}\s+(?:{_MONTHS})\s*[,،]?\s*\d{{4}}|(?:{_MONTHS})\s+\d{{1,2}}\s*[,،]?\s*\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    r"|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?:[T ]\d{2}:\d{2}\S*)?)"
    r"(?:\s*[-–—|،,]?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:صباحا|مساء|مساءا|ص|م|[AaPp]\.?[Mm]\.?)(?![^\W\d_]))?)?",
    re.I,
)
_TIME_RE = re.compile(
    r"(?:\b(?:GMT|UTC)\s*)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:صباحا|مساء|مساءا|ص|م|[AaPp]\.?[Mm]\.?)(?![^\W\d_]))?(?:\s*(?:GMT|UTC)\b)?"
)
_HOUSE_RE = re.compile(r"^\s*(?:خاص|متابعات|متابعة)\s*(?:[:\uff1a\-–—ـ/|]+\s*|\s)(?P<rest>\S.*)$")
_NUMBERED_RE = re.compile(
    r"^(?:[^\W\d_]{2,}(?:\s+[^\W\d_]+){0,2}\s?|[^\W\d_]+ـ?)(?:24|360|365|21|22|48|7|1|2|9)$"
)
"""Outlet names ending in a number ("القاهرة 24", "عربي21", "رصيف22", "عرب 48", "Le360");
not any number: "كوفيد 19" is a disease, "كأس العالم 2022" an event."""
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9.'&+-]*(?:\s+[A-Za-z0-9][A-Za-z0-9.'&+-]*){0,4}$")
_LATIN_OUTLET_WORDS = frozenset((
    "le", "la", "les", "the", "news", "tv", "fm", "press", "info", "post", "times", "daily",
    "online", "media", "journal", "presse", "radio", "today", "hebdo", "matin", "watan",
    "express", "arabia", "arabic", "net", "com", "agence", "agency", "tribune", "herald",
    "gazette", "magazine", "channel", "network", "web", "monde", "watch", "english",
))  # fmt: skip
_PLACE_QUALIFIERS = frozenset((
    "العاصمة", "المحتلة", "الجديدة", "الغربية", "الشرقية", "الشمالية", "الجنوبية", "بحري",
    "القديمة", "الكبرى", "المنورة", "المكرمة",
))  # fmt: skip
"""Words that continue a place's name ("القاهرة الجديدة", "الخرطوم بحري"): not an outlet."""
_NISBA_RE = re.compile(r"^ال\S{2,}(?:ي|ى)$")
_SITE_TAIL_RE = re.compile(r"\s*[|\-–—:]\s*.*$")
_SITE_HEADS = ("موقع", "صحيفة", "جريدة", "بوابة", "قناة", "مجلة", "شبكة", "وكالة")


def strip_markup(text: str) -> str:
    """Text of a byline that holds HTML ("<a href='/author/1'>أحمد</a>" → "أحمد")."""
    if "<" not in text and "&" not in text:
        return text
    return " ".join(html.unescape(_TAG_RE.sub(" ", text)).split())


def cut_verb(text: str) -> str:
    """ "محمد علي يكتب: عن الحرب" → "محمد علي" (a column's title follows the verb)."""
    m = _VERB_RE.match(text)
    return m.group("name") if m else text


def place_paren(text: str, rules: Rules) -> str:
    """ "غزة (فلسطين) - ..." → "غزة - ...": the country in brackets only qualifies the city."""
    found = rules.place_at_start(text.lstrip())
    if not found:
        return text
    start = len(text) - len(text.lstrip())
    rest = text[start + found[1] :]
    m = re.match(r"\s*[(\[]\s*([^()\[\]]{2,30})\s*[)\]]", rest)
    if m and rules.is_place(m.group(1).strip()):
        return text[: start + found[1]] + rest[m.end() :]
    return text


def cut_date(text: str) -> str:
    """A date (and time) printed inside the byline, e.g. stuck to the name, is cut out."""
    if not any(c.isdigit() for c in text):
        return text
    return _TIME_RE.sub(" ، ", _DATE_RE.sub(" ، ", text))


def house_label(text: str) -> str | None:
    """The outlet of "خاص عكاظ" / "متابعات - الخليج أونلاين" (None when a person follows)."""
    m = _HOUSE_RE.match(text)
    if not m:
        return None
    rest = m.group("rest").strip(" -–—:|/،,")
    rest = re.sub(r"^(?:ب|ل)ـ?\s*(?=[«\"“]|ال)", "", rest).strip('«»"“” ')  # "خاص لـ«عكاظ»"
    words = rest.split()
    if (
        not words
        or len(words) > 4
        or starts_with_given_name(words)
        or re.search(r"[-–—:|/،,]", rest)
    ):
        return None
    return rest


def is_latin_outlet(part: str) -> bool:
    """A Latin-script credit on an Arabic page that is an outlet by shape: one word
    ("Hespress", "Kech24"), an acronym, digits, a domain, or an outlet word ("Le Matin")."""
    if not _LATIN_RE.match(part):
        return False
    words = part.split()
    if len(words) == 1:
        return True
    return any(
        w.lower().strip(".'") in _LATIN_OUTLET_WORDS
        or (w.isupper() and len(w) >= 2)
        or any(c.isdigit() for c in w)
        or re.search(r"\.[a-z]{2,3}$", w)
        for w in words
    )


def is_shaped_outlet(part: str, rules: Rules) -> bool:
    """ "الجزائر 24", "كشـ24", "بغداد اليوم", "الصومال الجديد": outlets by their shape."""
    if _NUMBERED_RE.match(part):
        return True
    found = rules.place_at_start(part)
    if not found or found[1] >= len(part):
        return False
    rest = part[found[1] :].strip()
    words = rest.split()
    return (
        0 < len(words) <= 2
        and words[0] not in _PLACE_QUALIFIERS
        and rules.place_at_start(rest) is None  # "الرياض السعودية": two places
        and not re.search(r"[-–—:|/،,(]", rest)
        and not starts_with_given_name(words)
        and not is_given_name(found[0])
    )


_WORD_SUFFIXES = frozenset(("اليوم", "الآن", "الان"))


def is_name_with_word_suffix(part: str, rules: Rules) -> bool:
    """ "سعيد اليوم": a given name and a family name that is also an outlet suffix word
    ("X اليوم" outlets are named after places: "بغداد اليوم", "مصر اليوم")."""
    words = part.split()
    return (
        len(words) == 2
        and words[1] in _WORD_SUFFIXES
        and is_given_name(words[0])
        and rules.place_at_start(part) is None
    )


def qualified_place(part: str, rules: Rules) -> str | None:
    """The dateline of a place named in two parts: "القاهرة الجديدة", "عمان العاصمة" (whole),
    "الرياض السعودية" (the city); None for anything else."""
    found = rules.place_at_start(part)
    if not found or found[1] >= len(part):
        return None
    rest = part[found[1] :].strip()
    if rest in _PLACE_QUALIFIERS:
        return part
    return found[0] if rules.is_place(rest) else None


_NAME_HEADS = frozenset(("عبد", "ابو", "أبو", "بن", "ابن", "بنت", "آل", "ال", "ولد", "أم", "ام"))


def outlets_among_persons(names: list[str]) -> list[str]:
    """The first name of a byline when it holds no given name at all and the next one opens
    with a given name: "صدى الشعب – سليمان أبو خرمة" (the house credit, then the writer)."""
    if len(names) < 2 or not starts_with_given_name(names[1].split()):
        return []
    return [
        n
        for n in names[:1]
        if len(n.split()) >= 2
        and not n.isascii()
        and not any(is_given_name(w) or w in _NAME_HEADS or _NISBA_RE.match(w) for w in n.split())
    ]


def site_keys(site_name: str | None) -> frozenset[str]:
    """Match keys of a site's name and its short forms ("بوابة الشروق" → also "الشروق";
    "هسبريس | Hespress" → "هسبريس"; "شبكة رصد الإخبارية" → also "شبكة رصد", "رصد")."""
    if not site_name:
        return frozenset()
    keys: set[str] = set()
    for name in {site_name, _SITE_TAIL_RE.sub("", site_name)}:
        words = name.split()
        variants = {name}
        if words and words[-1] in ("الإخبارية", "الاخبارية", "نيوز", "الإلكترونية", "أونلاين"):
            variants.add(" ".join(words[:-1]))
        for v in list(variants):
            vw = v.split()
            if len(vw) > 1 and vw[0] in _SITE_HEADS:
                variants.add(" ".join(vw[1:]))
        keys |= {k for v in variants if (k := match_key(v)) and len(k) >= 2}
    return frozenset(keys)


def matches_site(part: str, keys: frozenset[str]) -> bool:
    return bool(keys) and match_key(part) in keys


def split_two_names(name: str) -> list[str]:
    """ "محمد الفيتوري أحمد العتيبي" → two names: a family name (nisba "ال...ي", not a given
    name) followed by a given name that opens a second name of 2+ words. A chain of given names
    ("محمد السيد أحمد علي") is one person's name and stays whole."""
    words = name.split()
    if len(words) < 4:
        return [name]
    for i in range(2, len(words) - 1):
        prev = words[i - 1]
        if (
            _NISBA_RE.match(prev)
            and not is_given_name(prev)
            and starts_with_given_name(words[i:])
            and len(words) - i >= 2
        ):
            return [" ".join(words[:i]), *split_two_names(" ".join(words[i:]))]
    return [name]
