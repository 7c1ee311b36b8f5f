"""Guesses ``scrapy genportal`` makes about a site: country, zone, locale, slug, name, URL patterns.

Every guess returns its value with the reason (quoted in the draft's docstring) and whether a
human must confirm it (a TODO). Country, in order of trust:

1. the host's country-code TLD (``.ma``, ``.com.sa``, Arabic IDN TLDs); a TLD of a non-Arab
   country (``.uk``, ``.fr``, ``.ru`` ...) means an Arabic service abroad: ``int`` with that
   country's zone;
2. the region of ``<html lang="ar-MA">`` / ``og:locale`` / the feed's ``<language>``;
3. the content: datelines and mentions of Arab capitals and country names in the articles read
   (a clear majority is needed; always a TODO);
4. otherwise ``int`` (pan-Arab) in UTC, with a TODO.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from newsbot.text.arabic import match_key
from newsbot.text.regions import IDN_TLDS, REGIONS

# fmt: off
ARAB_LEAGUE: frozenset[str] = frozenset({
    "dz", "bh", "km", "dj", "eg", "iq", "jo", "kw", "lb", "ly", "mr",
    "ma", "om", "ps", "qa", "sa", "so", "sd", "sy", "tn", "ae", "ye",
})
# fmt: on

# fmt: off
PLACES: dict[str, str] = {
    # capitals and large cities (datelines); ambiguous names (طرابلس, عمان) left out
    "القاهرة": "eg", "الإسكندرية": "eg", "الجيزة": "eg", "الرياض": "sa", "جدة": "sa",
    "مكة المكرمة": "sa", "الدمام": "sa", "الرباط": "ma", "الدار البيضاء": "ma", "مراكش": "ma",
    "فاس": "ma", "طنجة": "ma", "الجزائر العاصمة": "dz", "وهران": "dz", "قسنطينة": "dz",
    "صفاقس": "tn", "سوسة": "tn", "بيروت": "lb", "صيدا": "lb", "دمشق": "sy", "حلب": "sy",
    "بغداد": "iq", "البصرة": "iq", "أربيل": "iq", "عمّان": "jo", "إربد": "jo", "الزرقاء": "jo",
    "الكويت": "kw", "الدوحة": "qa", "أبوظبي": "ae", "أبو ظبي": "ae", "دبي": "ae",
    "الشارقة": "ae", "المنامة": "bh", "مسقط": "om", "صلالة": "om", "صنعاء": "ye", "عدن": "ye",
    "الخرطوم": "sd", "أم درمان": "sd", "بنغازي": "ly", "مصراتة": "ly", "نواكشوط": "mr",
    "مقديشو": "so", "جيبوتي": "dj", "موروني": "km", "رام الله": "ps", "غزة": "ps",
    "نابلس": "ps", "الخليل": "ps",
    # country names
    "مصر": "eg", "السعودية": "sa", "المغرب": "ma", "الجزائر": "dz", "تونس": "tn",
    "لبنان": "lb", "سوريا": "sy", "سورية": "sy", "العراق": "iq", "الأردن": "jo",
    "قطر": "qa", "الإمارات": "ae", "البحرين": "bh", "سلطنة عمان": "om", "اليمن": "ye",
    "السودان": "sd", "ليبيا": "ly", "موريتانيا": "mr", "الصومال": "so", "جزر القمر": "km",
    "فلسطين": "ps",
}
"""Place names that tie an article to a country (datelines count double)."""
# fmt: on

_PLACE_KEYS = {match_key(name): cc for name, cc in PLACES.items()}
_PLACE_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _PLACE_KEYS), key=len, reverse=True)) + r")(?!\w)"
)
SECOND_LEVEL = frozenset({"com", "net", "org", "gov", "edu", "co", "info", "news", "press"})
"""Labels under a ccTLD that are not the site's name (``alriyadh.com.sa``)."""
CONTENT_SHARE = 0.5
"""Share of place signals one country needs for a content-based guess."""
CONTENT_MIN = 3
"""Place signals needed at least for a content-based guess."""


@dataclass(frozen=True)
class Guess:
    """A guessed value, why, and whether a human must confirm it."""

    value: str
    reason: str
    todo: bool = False


def _labels(host: str) -> list[str]:
    host = host.strip().lower().rstrip(".").split(":")[0]
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] == "www":
        labels = labels[1:]
    return labels


def tld_country(host: str) -> str | None:
    """ISO code of ``host``'s country-code TLD (IDN TLDs decoded), else None."""
    labels = _labels(host)
    if not labels:
        return None
    tld = labels[-1]
    if tld.startswith("xn--"):
        try:
            tld = tld.encode("ascii").decode("idna")
        except UnicodeError:
            return None
    if not tld.isascii():
        return IDN_TLDS.get(tld)
    tld = "gb" if tld == "uk" else tld
    return tld if len(tld) == 2 and tld in REGIONS else None


def lang_region(values: Iterable[str | None]) -> str | None:
    """The most common region of ``ar-XX`` / ``ar_XX`` language tags that is a known country."""
    found = Counter()
    for value in values:
        m = re.match(r"^\s*ar[-_]([a-z]{2})\b", (value or "").lower())
        if m and m.group(1) in REGIONS:
            found[m.group(1)] += 1
    return found.most_common(1)[0][0] if found else None


def content_places(texts: Iterable[str], datelines: Iterable[str | None] = ()) -> Counter[str]:
    """Country -> place signals in ``texts`` (each mention 1, each dateline 2)."""
    counts: Counter[str] = Counter()
    for text in texts:
        for m in _PLACE_RE.finditer(match_key(text)):
            counts[_PLACE_KEYS[m.group(1)]] += 1
    for line in datelines:
        cc = _PLACE_KEYS.get(match_key(line)) if line else None
        if cc:
            counts[cc] += 2
    return counts


def guess_country(
    host: str,
    langs: Iterable[str | None] = (),
    texts: Iterable[str] = (),
    datelines: Iterable[str | None] = (),
) -> Guess:
    """The portal's ``country`` (module docstring for the order of the signals)."""
    cc = tld_country(host)
    if cc in ARAB_LEAGUE:
        return Guess(cc, f"country-code TLD of {host}")
    if cc is not None:
        return Guess(
            "int", f"TLD of {host} is {cc} (an Arabic service abroad: pan-Arab audience)", True
        )
    region = lang_region(langs)
    if region in ARAB_LEAGUE:
        return Guess(region, f"language tag ar-{region.upper()} on the site", True)
    counts = content_places(texts, datelines)
    total = sum(counts.values())
    if counts:
        top, n = counts.most_common(1)[0]
        if n >= CONTENT_MIN and n / total >= CONTENT_SHARE:
            seen = ", ".join(f"{c}: {k}" for c, k in counts.most_common(3))
            return Guess(top, f"place names in the articles read ({seen})", True)
    return Guess("int", f"no country signal ({host} has a generic TLD)", True)


def guess_region(country: str, host: str) -> tuple[Guess, Guess]:
    """(date locale, time zone) for ``country``; for ``int`` the TLD's zone, else UTC."""
    if country != "int":
        locale, zone = REGIONS[country]
        why = f"country {country}"
        return Guess(locale, why), Guess(zone, why)
    cc = tld_country(host)
    if cc is not None:
        zone = REGIONS[cc][1]
        return Guess("ar", "pan-Arab"), Guess(zone, f"TLD {cc}: the newsroom's zone?", True)
    return Guess("ar", "pan-Arab"), Guess("UTC", "unknown newsroom zone", True)


def guess_slug(host: str) -> str:
    """A slug from the host: ``www.alriyadh.com.sa`` -> ``alriyadh``; ``arabic.cnn.com`` ->
    ``cnnarabic``; a leading digit gets the TLD in front (``24.ae`` -> ``ae24``)."""
    labels = _labels(host)
    if len(labels) >= 2:
        tld = labels.pop()
        if len(labels) >= 2 and labels[-1] in SECOND_LEVEL and len(tld) == 2:
            labels.pop()
    else:
        tld = ""
    name = labels.pop() if labels else "site"
    slug = re.sub(r"[^a-z0-9_]", "", (name + "".join(reversed(labels))).replace("-", "_"))
    if not slug or not slug[0].isalpha():
        slug = re.sub(r"[^a-z]", "", tld or "site") + slug
    return slug


def _segment_pattern(segment: str) -> str | None:
    """Regex of one path segment of a directory (None: a slug or id, not part of a pattern)."""
    if re.fullmatch(r"(?:19|20)\d{2}", segment):
        return r"\d{4}"
    if re.fullmatch(r"\d{1,2}", segment):
        return r"\d{1,2}"
    if re.fullmatch(r"[A-Za-z][A-Za-z_-]{0,29}", segment):
        return re.escape(segment)
    return None


def guess_article_allow(urls: Iterable[str]) -> tuple[str, ...]:
    """``article_allow`` patterns for these article URLs (two at least), or () when unsure.

    The longest directory prefix the URLs share (years and days generalised) when there is
    one, else a numeric id of 4+ digits in the last segment when every URL has one.
    """
    paths = [unquote(urlsplit(u).path) for u in urls]
    paths = [p for p in dict.fromkeys(paths) if p.strip("/")]
    if len(paths) < 2:
        return ()
    dirs = []
    for path in paths:
        parts = [s for s in path.split("/") if s][:-1]
        pattern = []
        for part in parts:
            seg = _segment_pattern(part)
            if seg is None:
                break
            pattern.append(seg)
        dirs.append(pattern)
    prefix: list[str] = []
    for column in zip(*dirs, strict=False):
        if len(set(column)) != 1:
            break
        prefix.append(column[0])
    if prefix:
        return ("/" + "/".join(prefix) + "/",)
    if all(re.search(r"\d{4,}", p.rstrip("/").rsplit("/", 1)[-1]) for p in paths):
        return (r"/[^/]*\d{4,}[^/]*$",)
    return ()


def guess_name(candidates: Iterable[str | None], host: str) -> Guess:
    """The most common non-empty site name (og:site_name, JSON-LD publisher), else the host."""
    names = Counter(n.strip() for n in candidates if n and n.strip())
    if names:
        name, n = names.most_common(1)[0]
        return Guess(name, f"site name on {n} page(s)")
    return Guess(host.removeprefix("www."), "no site name on the pages", True)
