"""Compiled byline rules: the word lists of :mod:`newsbot.text.bylines_data` as regexes.

One :class:`Rules` per combination of a portal's extra prefixes/agencies (cached); used by
:mod:`newsbot.text.bylines`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsbot.text import bylines_data as data
from newsbot.text.arabic import fuzzy_pattern, match_key

_COMMA_RE = re.compile(r"\s*[،,]\s*")


def _term(word: str) -> str:
    """Regex source for one list entry (see the module doc of bylines_data)."""
    word = word.strip()
    if word.isascii():
        body = r"\s+".join(re.escape(w) for w in word.split())
        is_acronym = word.replace(" ", "").replace(".", "").isupper() and len(word) <= 6
        return body if is_acronym else f"(?i:{body})"
    tokens = word.replace(".", " ").split()
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):  # أ ف ب / أ.ف.ب / أ. ف. ب.
        return r"\s*\.?\s*".join(fuzzy_pattern(t, marks=False) for t in tokens) + r"\.?"
    return fuzzy_pattern(word, marks=False)


def _alternation(words: Iterable[str]) -> str:
    uniq = {w.strip() for w in words if w and w.strip()}
    return "|".join(_term(w) for w in sorted(uniq, key=len, reverse=True)) or "(?!)"


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(k for w in words if (k := match_key(w)))


@dataclass(frozen=True)
class Rules:
    prefix: re.Pattern[str]
    credit: re.Pattern[str]
    honorific: re.Pattern[str]
    agency: re.Pattern[str]
    place: re.Pattern[str]
    country: re.Pattern[str]
    nonperson: re.Pattern[str]
    agency_ids: dict[str, str]
    wa_keys: frozenset[str]
    known_keys: frozenset[str]
    head_keys: frozenset[str]
    function_keys: frozenset[str]
    role: re.Pattern[str]
    employer: re.Pattern[str]
    role_title: re.Pattern[str]
    outlet: re.Pattern[str]
    from_keys: frozenset[str]
    date_tail: re.Pattern[str]

    def agency_id(self, name: str) -> str | None:
        key = match_key(name)
        return self.agency_ids.get(key) or self.agency_ids.get(key.replace(" ", ""))

    def place_at_start(self, text: str) -> tuple[str, int] | None:
        """(place, end) of a city/country opening ``text`` ("دمشق، سوريا" → دمشق), else None."""
        m = self.place.match(text)
        if not m:
            return None
        end = m.end()
        sep = _COMMA_RE.match(text, end)
        after = self.country.match(text, sep.end()) if sep else None
        return m.group(0), (after.end() if after else end)

    def is_place(self, text: str) -> bool:
        found = self.place_at_start(text)
        return found is not None and found[1] == len(text)


@lru_cache(maxsize=64)
def rules(extra_prefixes: tuple[str, ...] = (), extra_agencies: tuple[str, ...] = ()) -> Rules:
    agencies = {
        **data.AGENCIES,
        **data.OUTLETS,
        **{a: (a,) for a in extra_agencies if a.strip()},
    }
    ids: dict[str, str] = {}
    for canon, variants in agencies.items():
        for v in (canon, *variants):
            key = match_key(v)
            ids.setdefault(key, canon)
            ids.setdefault(key.replace(" ", ""), canon)
    dotted = [h for h in data.HONORIFICS if h[-1] in "./"]
    words = [h for h in data.HONORIFICS if h[-1] not in "./"]
    long_words = [h for h in words if len(h) > 2]
    sep = r"[\s:\uff1a\-–—ـ/.]"
    agency_alt = _alternation(w for vs in agencies.values() for w in vs)
    later = _alternation(p for p in (*data.PREFIXES, *extra_prefixes) if len(p) > 3)
    return Rules(
        prefix=re.compile(
            f"^(?:{_alternation((*data.PREFIXES, *extra_prefixes))})(?={sep}|$){sep}*"
        ),
        credit=re.compile(
            f"^(?:(?:{_alternation(data.CREDIT_LABELS)})\\s*[:\uff1a\\-–—]+|"
            f"(?:{_alternation(data.CREDIT_QUOTE_LABELS)})(?=\\s|[:\uff1a])[:\uff1a]?)\\s*"
        ),
        honorific=re.compile(
            f"^(?:(?:{_alternation(dotted)})|(?:{_alternation(words)})(?=[\\s./:])"
            f"|و(?:{_alternation(long_words)})(?=\\s))[\\s./:]*(?=\\S)"
        ),
        role_title=re.compile(
            f"^(?:(?:{_alternation(data.ROLE_TITLES)})\\s+\\S"
            f"|(?:{_alternation(data.ROLE_TITLES_DEFINITE)})\\s+(?:ال|لل))"
        ),
        outlet=re.compile(
            f"^(?:{_alternation(data.OUTLET_HEADS)})\\s+\\S|\\S\\s+(?:{_alternation(data.OUTLET_SUFFIXES)})$"
        ),
        agency=re.compile(  # "صحيفة الرأي الكويتية": the outlet's name is kept whole
            rf"(?<![\w.])(?:و\s?)?(?P<a>(?:(?:{_alternation(data.OUTLET_HEADS)})\s+)?(?:{agency_alt}))(?!\w)"
        ),
        place=re.compile(f"(?:{_alternation((*data.CITIES, *data.COUNTRIES))})(?!\\w)"),
        country=re.compile(f"(?:{_alternation(data.COUNTRIES)})(?!\\w)"),
        nonperson=re.compile(f"^(?:{_alternation(data.NON_PERSONS)})(?!\\w)"),
        agency_ids=ids,
        wa_keys=frozenset(k.split()[0] for k in _keys(data.WA_NAMES)),
        known_keys=_keys((*data.FIRST_NAMES, *data.WA_NAMES, *data.COMPOUND_HEADS)),
        head_keys=_keys(data.COMPOUND_HEADS),
        function_keys=_keys((*data.FUNCTION_WORDS, *data.SENTENCE_WORDS)),
        role=re.compile(  # "تصوير: أحمد حسن" up to the next author prefix or the end
            rf"(?:^|(?<=[\s\-–—:،,|/(]))و?(?:{_alternation(data.ROLE_CREDITS)})(?={sep}|$)"
            rf".*?(?=[\s\-–—|/،,]+(?:{later}){sep}|$)",
            re.S,
        ),
        from_keys=_keys(data.FROM_WORDS),
        date_tail=re.compile(
            rf"(?<!\w)(?:{_alternation(data.RELATIVE_DATE_MARKERS)})\s+(?:\d+\s*)?"
            rf"(?:{_alternation(data.RELATIVE_DATE_UNITS)})(?!\w)"
        ),
        employer=re.compile(
            rf"(?<!\w)(?P<r>{_alternation(data.EMPLOYER_ROLES)})\s+(?:في\s+|ل\s*)?(?:{agency_alt})(?!\w)"
        ),
    )
