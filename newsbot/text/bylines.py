"""Arabic byline and credit-line parsing: names, agencies, dateline.

``parse_byline("القاهرة - كتب د. محمد أحمد وعلي حسن (أ ش أ)")`` →
``{"authors": ["محمد أحمد", "علي حسن"], "agencies": ["أ ش أ"], "dateline": "القاهرة"}``.

Steps, all driven by the word lists in :mod:`newsbot.text.bylines_data` (portals add their own
prefixes/agencies through the keyword arguments): handles and a relative date dropped → credit
label ("المصدر:") → an outlet after a role ("مراسل الجزيرة") dropped → parenthesised credits
"(أبوظبي - البيان)" / "--(بترا)" and quoted outlets «الخليج» → leading prefixes (كتب، بقلم، حوار
...) and dateline ("الرياض -", "<one word> -", "CAIRO (") → photo/design credits cut → agencies
and outlets anywhere → split on ، , / & - "and" → places dropped into the dateline → outlets by
shape ("X نيوز", "صحيفة X", "دبي - البيان") → roles and sentences skipped → honorifics stripped
→ authors split on the conjunction و where it is safe. Rules are compiled in
:mod:`newsbot.text.bylines_rules`.

Names are returned as written (harakat kept); agencies as written, deduplicated by agency (so
"أ ف ب" and "فرانس برس" count once); :func:`canonical_agency` gives the canonical id.
Doc page: README "Output schema" (authors / agencies / dateline / credited_source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsbot.text import bylines_shapes as shapes
from newsbot.text.arabic import clean_text, fuzzy_pattern, match_key, strip_harakat
from newsbot.text.bylines_rules import Rules as _Rules
from newsbot.text.bylines_rules import rules as _rules

__all__ = ["canonical_agency", "parse_byline", "parse_credit"]

_EDGE_PUNCT = " \t-–—ـ:\uff1a.،,;؛|/\\\"'«»“”()[]*•·_"
_LEAD_PUNCT = " \t-–—ـ:\uff1a.،,;؛|/\\*•·_"
_SPLIT_RE = re.compile(
    r"\s*(?:[،,;؛|/&+•·:\uff1a\n]|\s[-–—]+\s*|[-–—]+\s|\sـ+(?:\s|$)|\s_+\s|_{2,}|\.{2,}"
    r"|(?<=\s)(?:and|et|und)(?=\s))\s*",
    re.I,
)
_PAREN_RE = re.compile(r"[-–—]*\s*[(\[]\s*([^()\[\]]{1,80}?)\s*[)\]]+")
_PAREN_SPLIT_RE = re.compile(r"\s*[-–—/،,|:]\s*")
_SHAPE_RE = re.compile(r"^(?P<tok>[^\s\d:،,()\[\]\-–—]{2,})\s*(?:[-–—]+|\sـ+)\s+(?=\S)")
_QUOTED_RE = re.compile(r"^\s*[«\"“](?P<q>[^«»\"“”]{2,60})[»\"”]\s*$")
_COMMA_RE = re.compile(r"\s*[،,]\s*")
_LEAD_SEP_RE = re.compile(r"\s*([-–—:\uff1a،,/|]+|$)")
_TATWEEL_SEP_RE = re.compile(r"(?:(?<=\s)|^)ـ+(?=\s|$)")
_MAX_BYLINE_CHARS = 300
_DIGIT_RE = re.compile(r"\d")
_LETTER_RE = re.compile(r"[^\W\d_]")
_ARABIC_RE = re.compile("[\u0620-\u064a]")
_MAX_NAME_WORDS = 7
_HANDLE_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@])@\w+|\w+@(?![\w@])")
_CAPS_DATELINE_RE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}(?=\s*[(\[,،])")
_QUOTE_RE = re.compile(
    r"(?:(?<=\s)(?:في|عن|ل|لـ|ب|بـ)\s*)?[«\"“„]\s*([^«»\"“”\n]{2,40}?)\s*[»\"”]"
    r"(?:\s*(?:دوت\s*كوم|\.?كوم|\.?نت|\.com|\.net)(?!\w))?"
)
_LEAD_WA_RE = re.compile(r"و\s?([^\W\d_]{2,})(?=\s|$)")  # "وهاني محمد", "و هاني محمد"
_INITIALS_RE = re.compile(r"[^\W\d_](?:\s*[./]\s*[^\W\d_])*\.?")


class _Collector:
    """Accumulates the parse result, deduplicating as it goes."""

    def __init__(self, rules: _Rules) -> None:
        self.rules = rules
        self.authors: list[str] = []
        self.agencies: list[str] = []
        self.dateline: str | None = None
        self._seen: set[str] = set()

    def add_agency(self, name: str) -> None:
        name = name.strip(_EDGE_PUNCT)
        if not name:
            return
        ident = "agency:" + (self.rules.agency_id(name) or match_key(name))
        if ident not in self._seen:
            self._seen.add(ident)
            self.agencies.append(name)

    def add_author(self, name: str) -> None:
        ident = "author:" + match_key(name)
        if ident not in self._seen:
            self._seen.add(ident)
            self.authors.append(name)

    def set_place(self, place: str) -> None:
        place = re.split(r"\s*[،,]\s*", place.strip(_EDGE_PUNCT))[0]
        if self.dateline is None and place:
            self.dateline = place

    def quoted(self, m: re.Match[str]) -> str:
        """A quoted outlet ("«الخليج»", 'في "الجمهورية"') is a credit, never a person."""
        inner = m.group(1).strip(_EDGE_PUNCT)
        if inner:
            self.add_agency(inner)  # «القدس» is the newspaper, not the city
        return " ، "

    def paren(self, inner: str) -> str:
        """Credits in parentheses: places → dateline, the rest → agencies."""
        pieces = [p.strip(_EDGE_PUNCT) for p in _PAREN_SPLIT_RE.split(inner)]
        for piece in filter(None, pieces):
            if self.rules.is_place(piece) and not (self.dateline and self.rules.agency_id(piece)):
                self.set_place(piece)
            elif self.rules.agency_id(piece) or len(piece.split()) <= 3:
                self.add_agency(piece)
        return " ، "

    def lead(self, text: str) -> str:
        """Strip leading prefixes and a leading dateline, in any order."""
        rules = self.rules
        after_prefix = False
        for _ in range(8):
            text = text.lstrip(_LEAD_PUNCT)
            if m := rules.prefix.match(text):
                text = text[m.end() :]
                after_prefix = match_key(m.group(0).strip(_EDGE_PUNCT)) not in rules.from_keys
                continue
            found = rules.place_at_start(text) if self.dateline is None else None
            sep = _LEAD_SEP_RE.match(text, found[1]) if found else None
            bare = sep is not None and not sep.group(1)  # "رأي القدس": a column, not a dateline
            if found and bare and after_prefix:
                return text[found[1] :]
            if found and sep and (sep.group(1) or not rules.agency_id(found[0])):
                self.set_place(found[0])
                text = text[sep.end() :]
                continue
            m = _CAPS_DATELINE_RE.match(text) if self.dateline is None else None
            if m and not rules.agency_id(m.group(0)):  # "CAIRO (Reuters) -"
                self.set_place(m.group(0))
                text = text[m.end() :]
                continue
            if self.dateline is None and (m := _SHAPE_RE.match(text)) and self._shape_ok(m, text):
                self.set_place(m.group("tok"))
                text = text[m.end() :]
                continue
            break
        return text

    def _shape_ok(self, m: re.Match[str], text: str) -> bool:
        tok = m.group("tok")
        key = match_key(tok)
        rules = self.rules
        return bool(
            _ARABIC_RE.search(tok)
            and not rules.agency_id(tok)
            and not rules.nonperson.match(tok)
            and key not in rules.known_keys
            and not rules.honorific.match(tok + " x")
            and not rules.is_place(text[m.end() :].strip(_EDGE_PUNCT))
        )

    def take_agencies(self, text: str) -> str:
        def repl(m: re.Match[str]) -> str:
            self.add_agency(m.group("a"))
            return " ، "

        return self.rules.agency.sub(repl, text)

    def restore(self, original: str) -> None:
        """Replace each name by its spelling in ``original`` (with harakat and tatweel)."""
        for field in (self.authors, self.agencies):
            for i, name in enumerate(field):
                m = re.search(fuzzy_pattern(name), original)
                if m:
                    field[i] = m.group(0)
        if self.dateline and (m := re.search(fuzzy_pattern(self.dateline), original)):
            self.dateline = m.group(0)

    def order_agencies(self, text: str) -> None:
        """Agencies in the order the line prints them (parenthesised/quoted ones are taken first)."""

        def position(name: str) -> int:
            m = re.search(fuzzy_pattern(name), text)
            return m.start() if m else len(text)

        self.agencies.sort(key=position)

    def result(self) -> dict[str, Any]:
        return {"authors": self.authors, "agencies": self.agencies, "dateline": self.dateline}


def _strip_honorifics(name: str, rules: _Rules) -> str:
    for _ in range(4):
        m = rules.honorific.match(name)
        if not m:
            break
        name = name[m.end() :]
    return name.strip(_EDGE_PUNCT)


def _split_wa(name: str, rules: _Rules) -> list[str]:
    """Split "محمد أحمد وعلي حسن" at the conjunction و, keeping وليد/وائل/عبد الله whole."""
    names: list[str] = []
    toks = name.split()
    while toks:
        cut = _wa_cut(toks, rules)
        if cut is None:
            names.append(" ".join(toks))
            break
        names.append(" ".join(toks[: cut[0]]))
        toks = cut[1]
    return names


def _wa_known(rest: str, rules: _Rules) -> bool:
    """Is ``rest`` (a word after a leading و) a known name or title, so that و is "and"?"""
    return bool(
        match_key(rest) in rules.known_keys
        or rules.honorific.match(rest + " x")
        or rules.prefix.match(rest + " ")
    )


def _wa_cut(toks: list[str], rules: _Rules) -> tuple[int, list[str]] | None:
    """First safe split point: (end of the left name, tokens of the rest), or None."""
    for i in range(1, len(toks)):
        tok = toks[i]
        if tok == "و":
            if i + 1 < len(toks):
                return i, toks[i + 1 :]
            continue
        if not tok.startswith("و") or len(tok) < 3:
            continue
        if match_key(tok) in rules.wa_keys or match_key(toks[i - 1]) in rules.head_keys:
            continue
        rest = tok[1:]
        right = [rest, *toks[i + 1 :]]
        known = (
            match_key(rest) in rules.known_keys
            or rules.honorific.match(rest + " x")
            or rules.prefix.match(rest + " ")
        )
        if (i >= 2 and len(right) >= 2) or known:
            return i, right
    return None


def _is_outlet_word(part: str, rules: _Rules) -> bool:
    """A lone definite word after the split ("دبي - البيان") is a house credit, not a person."""
    return (
        " " not in part
        and part.startswith("ال")
        and len(part) > 3
        and match_key(part) not in rules.known_keys
        and not rules.nonperson.match(part)
        and not rules.honorific.match(part + " x")  # "بقلم الدكتور/ أحمد زويل"
    )


def _is_sentence(part: str, rules: _Rules) -> bool:
    """A function word or news verb, or 5+ words with 3+ free definite words (not a name)."""
    words = part.split()
    if any(match_key(w) in rules.function_keys for w in words):
        return True
    free = sum(
        w.startswith(("ال", "لل")) and (i == 0 or match_key(words[i - 1]) not in rules.head_keys)
        for i, w in enumerate(words)
    )
    return len(words) >= 5 and free >= 3


def _is_name(name: str, rules: _Rules) -> bool:
    words = name.split()
    return bool(
        len(name) >= 2
        and _LETTER_RE.search(name)
        and not _DIGIT_RE.search(name)
        and len(words) <= _MAX_NAME_WORDS
        and not rules.nonperson.match(name)
        and not rules.agency_id(name)
        and not rules.is_place(name)
        and not (len(words) == 1 and len(words[0]) == 1)
        and not _INITIALS_RE.fullmatch(name)  # "ع.ش", "م.أ.م": editors' initials
        and not (len(words) == 1 and rules.honorific.match(name + " x"))  # "الدكتور" alone
        and not any(match_key(w) in rules.function_keys for w in words)
    )


_LATIN_RUN_RE = re.compile(
    r"(?<![\w.])[A-Za-z][A-Za-z0-9.'&+-]*(?:[ \t]+[A-Za-z0-9][A-Za-z0-9.'&+-]*)+"
)


def parse_byline(
    text: str | None,
    *,
    prefixes: Iterable[str] = (),
    agencies: Iterable[str] = (),
    site_name: str | None = None,
) -> dict[str, Any]:
    """Parse a visible byline into ``{"authors": [...], "agencies": [...], "dateline": str|None}``.

    ``prefixes`` and ``agencies`` extend the shared lists (a portal's own labels and outlets).
    ``site_name`` (og:site_name, JSON-LD publisher, portal name) is context: a part that names
    the site (or its short form, "بوابة الشروق" → "الشروق") is an outlet, never a person.

    >>> parse_byline("حسام أبو العلا - القاهرة")
    {'authors': ['حسام أبو العلا'], 'agencies': [], 'dateline': 'القاهرة'}
    >>> parse_byline("المصدر: (أبوظبي - البيان)")
    {'authors': [], 'agencies': ['البيان'], 'dateline': 'أبوظبي'}
    """
    rules = _rules(tuple(prefixes), tuple(agencies))
    out = _Collector(rules)
    original = clean_text(shapes.strip_markup(text) if isinstance(text, str) else text)
    if not original or len(original) > _MAX_BYLINE_CHARS:  # a paragraph, not a byline
        return out.result()
    site = shapes.site_keys(site_name)
    s = strip_harakat(_TATWEEL_SEP_RE.sub("-", original))
    s = _HANDLE_RE.sub(" ", s)
    s = rules.date_tail.sub(" ، ", s)  # "كتب: محمد علي منذ 3 ساعات"
    s = shapes.cut_date(s)  # "محمد علي 12 نوفمبر 2024"
    house = shapes.house_label(s)  # "خاص عكاظ", "متابعات - الخليج أونلاين"
    if house and not rules.is_place(house):
        out.add_agency(house)
        out.restore(original)
        return out.result()
    s = shapes.place_paren(shapes.cut_verb(s), rules)  # "X يكتب:", "غزة (فلسطين) -"
    m = rules.credit.match(s)
    credit = m is not None
    if m:
        s = s[m.end() :]
    s = rules.employer.sub(lambda e: e.group("r"), s)
    s = _PAREN_RE.sub(lambda p: out.paren(p.group(1)), s)
    s = _QUOTE_RE.sub(out.quoted, s)
    had_dateline = out.dateline is not None
    s = out.lead(s)
    s = rules.role.sub(" ، ", s)  # after the prefixes: "تقرير وتصوير: ..." is a prefix
    if out.dateline is not None and not had_dateline:
        credit = False  # "المصدر: دبي - رحاب حلاوة": a byline after the label
    s = _LATIN_RUN_RE.sub(lambda m: _latin_run(m, out, rules), s)  # "Hespress FR"
    s = out.take_agencies(s)
    for index, raw in enumerate(_SPLIT_RE.split(s)):
        part = raw.strip(_EDGE_PUNCT)
        if not part:
            continue
        if index and (m := _LEAD_WA_RE.match(part)) and _wa_known(m.group(1), rules):
            part = part[m.start(1) :]  # "آية أشرف، وهاني محمد": the conjunction after a comma
        if shapes.matches_site(part, site) or (
            not rules.nonperson.match(part)
            and (shapes.is_shaped_outlet(part, rules) or shapes.is_latin_outlet(part))
        ):
            out.add_agency(part)  # the site itself, "الجزائر 24", "بغداد اليوم", "Le Matin"
            continue
        if not rules.is_place(part) and (place := shapes.qualified_place(part, rules)):
            out.set_place(place)  # "القاهرة الجديدة", "الرياض السعودية"
            continue
        if rules.is_place(part):
            if out.dateline is not None and _is_outlet_word(part, rules):
                out.add_agency(part)  # "الجزائر - الخبر": the newspaper, not a second place
            else:
                out.set_place(part)
            continue
        if (
            credit
            or _QUOTED_RE.match(raw)
            or _is_outlet_word(part, rules)
            or (rules.outlet.search(part) and not shapes.is_name_with_word_suffix(part, rules))
        ):
            out.add_agency(part)
            continue
        if rules.role_title.match(part):
            continue  # "أستاذ العلوم السياسية", "قسم الترجمة": a role or a desk
        part = out.lead(part)
        part = _strip_honorifics(part, rules)
        if rules.role_title.match(part):
            continue
        if _is_sentence(part, rules):
            continue  # a sentence or a role ("استقبل الملك وفدا", "المحررة في قسم ...")
        names = [
            _strip_honorifics(out.lead(two), rules)
            for piece in _split_wa(part, rules)
            for two in shapes.split_two_names(piece)
        ]
        if any(len(n.split()) > _MAX_NAME_WORDS for n in names):
            continue  # a sentence, not a list of names
        for name in names:
            if _is_name(name, rules):
                out.add_author(name)
    for name in shapes.outlets_among_persons(out.authors):
        out.authors.remove(name)  # "صدى الشعب – سليمان أبو خرمة": the outlet holds no given name
        out.add_agency(name)
    if s != original:  # give names back their harakat/tatweel as printed
        out.restore(original)
    out.order_agencies(original)
    return out.result()


def _latin_run(m: re.Match[str], out: _Collector, rules: _Rules) -> str:
    """A Latin outlet name of several words is credited whole ("Hespress FR", "Le Matin")."""
    run = m.group(0).strip(" .")
    known = rules.agency.match(m.string, m.start())
    if known and known.end() > m.end():
        return m.group(0)  # "BBC News عربي": a listed name that goes on in Arabic
    if (
        rules.nonperson.match(run)
        or rules.prefix.match(run + " ")
        or not shapes.is_latin_outlet(run)
    ):
        return m.group(0)
    out.add_agency(run)
    return " ، "


def parse_credit(text: str | None) -> str | None:
    """Return the outlet a credit line names ("المصدر: العربية" → "العربية"), else None.

    Handles "المصدر : وكالات", "Source: Reuters", "نقلاً عن العربية", "المصدر: (أبوظبي - البيان)"
    (→ "البيان"). A long sentence after the label is not a credit (None).

    >>> parse_credit("نقلا عن سكاي نيوز عربية")
    'سكاي نيوز عربية'
    """
    s = clean_text(text)
    if not s:
        return None
    m = _rules().credit.match(s)
    if not m:
        return None
    rest = s[m.end() :].strip(_EDGE_PUNCT)
    if not rest or len(rest.split()) > 8 or re.search(r"[.!?؟]\s", rest):
        return None
    found = parse_byline("المصدر: " + rest)["agencies"]
    return "، ".join(found) if found else None


def canonical_agency(name: str, extra: Iterable[str] = ()) -> str | None:
    """Canonical id of a known agency spelling ("أ.ف.ب" → "فرانس برس"), else None."""
    return _rules((), tuple(extra)).agency_id(name)
