"""Bylines -> authors / agencies / dateline, layer by layer (visible byline first, metadata last)."""

from __future__ import annotations

import logging
import re
from typing import Any

from newsbot.extract._deps import match_key, parse_byline, parse_date_info
from newsbot.text.bylines import canonical_agency

logger = logging.getLogger(__name__)

ORG_NAME_RE = re.compile(r"^[A-Z0-9][A-Z0-9 .&-]{1,15}$")
"""Upper-case Latin acronyms in author metadata are outlets ("LBCI"), not people."""
LATIN_WORD_RE = re.compile(r"^[A-Za-z][\w.-]*$")
URL_RE = re.compile(r"https?://\S+")
LEAD_DATELINE_RE = re.compile(
    r"^(?P<city>[^\s(،,:\-–—0-9]{2,20}(?: [^\s(،,:\-–—0-9]{2,20})?)(?:[،,]\s*[^\s(،,]{2,20}(?: [^\s(،,]{2,20}){0,2})?\s*"
    r"\((?P<agency>[^()]{1,25})\)\s*(?:--|[-–—:])"
)
"""A dateline printed at the start of the first paragraph: "دمشق، سوريا (CNN) --", also with a
country of up to three words ("دبي، الإمارات العربية المتحدة (CNN) --")."""
LEAD_PLACE_RE = re.compile(
    r"^(?P<lead>[^\s(،,:\-–—0-9]{2,20}(?: [^\s(،,:\-–—0-9]{2,20})?\s*[-–—]\s*[^:\n]{1,20}?)\s*:\s"
)
"""A "city - agency:" prefix of the first paragraph: "القاهرة - أ ش أ: قال ..."."""
LEAD_CITY_RE = re.compile(
    r"^(?P<city>[^\s(،,:\-–—0-9]{2,20}(?: [^\s(،,:\-–—0-9]{2,20})?)\s*[-–—]\s"
)
"""A bare city opening the first paragraph: "بيروت – أقرّ مجلس الوزراء ..."."""


def _lead_place(
    paragraphs: list[str], prefixes: tuple[str, ...], agencies: tuple[str, ...]
) -> str | None:
    """The city of a "city - agency:" prefix of the first paragraph (agency known to the parser)."""
    m = LEAD_PLACE_RE.match(paragraphs[0]) if paragraphs else None
    if not m:
        return _lead_city(paragraphs, prefixes, agencies)
    try:
        got = parse_byline(m["lead"], prefixes=prefixes, agencies=agencies)
    except Exception:
        return None
    if got.get("dateline") and got.get("agencies") and not got.get("authors"):
        return str(got["dateline"])
    return None


def _lead_city(
    paragraphs: list[str], prefixes: tuple[str, ...], agencies: tuple[str, ...]
) -> str | None:
    """A known city (the byline parser's gazetteer) opening the first paragraph before a dash."""
    m = LEAD_CITY_RE.match(paragraphs[0]) if paragraphs else None
    if not m:
        return None
    try:
        got = parse_byline(m["city"], prefixes=prefixes, agencies=agencies)
    except Exception:
        return None
    if got.get("dateline") and not (got.get("authors") or got.get("agencies")):
        return str(got["dateline"])
    return None


def _authors_from(
    names: list[str],
    prefixes: tuple[str, ...],
    agencies: tuple[str, ...],
    *,
    metadata: bool = False,
    site_name: str | None = None,
) -> dict[str, Any]:
    """Parsed bylines; from ``metadata`` (author fields, not shown) only people are kept."""
    out: dict[str, Any] = {"authors": [], "agencies": [], "dateline": None}
    for name in names:
        name = URL_RE.sub(" ", name or "").strip()
        if not name or ORG_NAME_RE.match(name):
            continue
        if metadata and LATIN_WORD_RE.match(name):
            continue  # "Sputnik", "LBCI": the outlet, not a person
        try:
            got = parse_byline(name, prefixes=prefixes, agencies=agencies, site_name=site_name)
        except Exception as exc:
            logger.warning("byline parser failed on %r: %s", name, exc)
            continue
        place = None if metadata else _date_line_place(name)
        if place and got.get("authors") == [place]:
            got = {**got, "authors": [], "dateline": got.get("dateline") or place}
        out["authors"] += [a for a in got.get("authors", []) if a not in out["authors"]]
        if not metadata:
            out["agencies"] += [a for a in got.get("agencies", []) if a not in out["agencies"]]
        out["dateline"] = out["dateline"] or got.get("dateline")
    return out


DATE_LINE_CITY_RE = re.compile(r"^([^\d،,:()]{2,25})[،,]\s*\S")
"""A date line that starts with the place: "بروكسل، 9 تشرين الأول 2009"."""


YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b|[١٢][٠-٩]{3}")


def _date_line_place(text: str) -> str | None:
    """The place of a "place، date" line ("لوكسمبورغ، 14 حزيران 2010"): a byline made of a
    date line names a place even when the byline parser does not know the city."""
    m = DATE_LINE_CITY_RE.match(text)
    if not m or len(m.group(1).split()) > 2:
        return None
    rest = text[m.end(1) :].lstrip("،, ")
    if not YEAR_RE.search(rest):
        return None
    try:
        parsed = parse_date_info(rest)
    except Exception:
        return None
    if parsed is None or parsed.value is None:
        return None
    return m.group(1).strip()


def _dateline_from_date_lines(
    lines: list[str], prefixes: tuple[str, ...], agencies: tuple[str, ...]
) -> str | None:
    """The city a body date line starts with, when the byline parser knows it as a place."""
    for line in lines:
        m = DATE_LINE_CITY_RE.match(line)
        if not m or len(m.group(1).split()) > 2:
            continue
        try:
            got = parse_byline(m.group(1), prefixes=prefixes, agencies=agencies)
        except Exception:
            continue
        if got.get("dateline") and not got.get("authors"):
            return str(got["dateline"])
    return None


def _outlet_keys(name: str) -> set[str]:
    """Match keys of an outlet name and of its canonical agency name ("BBC News عربي" and
    "بي بي سي" share one)."""
    canon = canonical_agency(name)
    return {match_key(name), *([match_key(canon)] if canon else [])}


def resolve_credits(
    layers: list[list[str]],
    paragraphs: list[str],
    date_lines: list[str],
    prefixes: tuple[str, ...],
    agencies: tuple[str, ...],
    house: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The first layer of byline strings that names a person or an agency.

    ``house``: the outlet's own names (og:site_name, publisher); credited next to a person
    ("عنب بلدي – حسن إبراهيم") the outlet is the author's employer, not an agency.

    The last two layers are author metadata (JSON-LD, <meta>/microdata): only people are taken
    from them; before them, a dateline printed at the start of the first paragraph ("دمشق، سوريا
    (CNN) --") is tried. Without any dateline, a body date line starting with a city gives it.
    """
    dateline = None
    for i, names in enumerate(layers):
        is_meta = i >= len(layers) - 2
        got = _authors_from(
            names, prefixes, agencies, metadata=is_meta, site_name=house[0] if house else None
        )
        if is_meta and not (got["authors"] or got["agencies"]) and paragraphs:
            lead = LEAD_DATELINE_RE.match(paragraphs[0])
            if lead:
                got = {
                    "authors": [],
                    "agencies": [lead["agency"].strip()],
                    "dateline": lead["city"],
                }
        dateline = dateline or got["dateline"]
        if got["authors"] or got["agencies"]:
            # A later visible layer (a "الرياض: «...»" line above the text) may still give the place.
            for later in layers[i + 1 : len(layers) - 2]:
                if dateline:
                    break
                dateline = _authors_from(later, prefixes, agencies)["dateline"]
            dateline = dateline or _lead_place(paragraphs, prefixes, agencies)
            authors, credited = got["authors"], got["agencies"]
            if house:
                keys = {k for h in house if h for k in _outlet_keys(h)}
                # "المشهد اليمني - متابعات": the outlet read as a name is the house credit
                outlet = [a for a in authors if _outlet_keys(a) & keys]
                authors = [a for a in authors if a not in outlet]
                if authors:  # next to a person the outlet is the employer, not a credit
                    credited = [a for a in credited if not _outlet_keys(a) & keys]
                elif not is_meta:
                    credited = credited + [a for a in outlet if a not in credited]
                if not (authors or credited):
                    continue
            return {"authors": authors, "agencies": credited, "dateline": dateline}
    if dateline is None:
        dateline = _dateline_from_date_lines(date_lines, prefixes, agencies)
    dateline = dateline or _lead_city(paragraphs, prefixes, agencies)
    house_lead = _house_prefix(paragraphs, house)
    return {"authors": [], "agencies": [house_lead] if house_lead else [], "dateline": dateline}


HOUSE_PREFIX_RE = re.compile(r"^(?P<name>[^\s\-–—/:،,0-9][^\-–—/:،,0-9]{1,24}?)\s*[-–—/:]\s")
"""The outlet's name opening the first paragraph: "عمون - حذرت ...", "شفق نيوز/ أعلنت ..."."""


def _house_prefix(paragraphs: list[str], house: tuple[str, ...]) -> str | None:
    """The house credit printed at the start of the text (the page's only credit)."""
    m = HOUSE_PREFIX_RE.match(paragraphs[0]) if paragraphs and house else None
    if not m:
        return None
    name = m["name"].strip()
    key = match_key(name)
    if len(key) < 3 or not any(key in k for h in house if h for k in _outlet_keys(h)):
        return None
    return name
