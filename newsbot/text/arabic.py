"""Arabic text normalisation at two levels that are never mixed.

* :func:`clean_text` is LOSSLESS and is what the record stores: Unicode NFC, invisible bidi and
  zero-width controls removed, Arabic presentation forms folded to plain letters, whitespace (NBSP,
  thin spaces ...) collapsed. Spelling is untouched: hamza forms, ى/ي, ة/ه, harakat and tatweel
  (ـ) stay as printed — tatweel is a typographic choice of the page, kept so stored text reproduces
  the page; it is dropped in the match key.
* :func:`match_key` is LOSSY and only for dedup/search: harakat and tatweel stripped, hamza seats
  and alef forms unified, ى→ي, ة→ه, Persian letters/digits and Arabic-Indic digits unified, Latin
  lower-cased, punctuation turned into spaces. Never store it in a record field.

Doc page: README "Output schema" (title/body) and "Arabic normalisation".

>>> match_key("إقرأ أيضاً: «الصحّة» ١٢")
'اقرا ايضا الصحه 12'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import filterfalse, islice

import numpy as np

__all__ = [
    "HARAKAT",
    "arabic_ratio",
    "clean_text",
    "first_key_word",
    "fuzzy_pattern",
    "key_words_floor",
    "letter_counts",
    "match_key",
    "normalize_digits",
    "strip_harakat",
    "strip_title_suffix",
    "word_count",
]

# --- data ------------------------------------------------------------------------------------

BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
"""Directional marks/embeddings/isolates: invisible, they only break matching."""
ZERO_WIDTH = "\u200b\ufeff\u2060\u00ad\u180e"
"""Zero-width space, BOM/ZWNBSP, word joiner, soft hyphen, Mongolian vowel separator."""
JOINERS = "\u200c\u200d"
"""ZWNJ/ZWJ: dropped next to Arabic letters or spaces (Persian ZWNJ is lost, documented);
kept between two other characters (emoji ZWJ sequences)."""

HARAKAT = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
"""Regex class body of Arabic diacritics (tashkeel, Quranic marks, superscript alef)."""
TATWEEL = "\u0640"

_LETTER_KEY = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۃ": "ه", "ۀ": "ه", "ھ": "ه", "\u06d5": "ه",
    "ؤ": "و", "ٶ": "و",
    "ک": "ك", "ڪ": "ك",
}  # fmt: skip
"""Letter folding for the match key. Hamza on a seat folds to the seat (ئ→ي, ؤ→و), so the
Egyptian spelling مسئول and مسؤول still differ (مسيول / مسوول); bare ء is kept."""

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

# Arabic letters that look alike for the fuzzy regexes (match_key equivalence classes).
_FUZZY_CLASSES = (
    "اأإآٱ",
    "يىیئ",
    "ةهۃ",
    "وؤ",
    "كک",
)

# --- tables built once ---------------------------------------------------------------------

_DIGITS = {ord(d): str(i) for i, d in enumerate(ARABIC_INDIC_DIGITS)}
_DIGITS.update({ord(d): str(i) for i, d in enumerate(PERSIAN_DIGITS)})
_DIGIT_TABLE = {**_DIGITS, 0x066B: ".", 0x066C: ","}  # Arabic decimal/thousands separators

_KEY_TABLE: dict[int, str | None] = {ord(k): v for k, v in _LETTER_KEY.items()}
_KEY_TABLE.update(_DIGITS)
_KEY_TABLE[ord(TATWEEL)] = None

_DROP_RE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_JOINER_RE = re.compile(
    r"(?<=[\s\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff])[\u200c\u200d]+"
    r"|[\u200c\u200d]+(?=[\s\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff])"
    r"|^[\u200c\u200d]+|[\u200c\u200d]+$"
)
_PRESENTATION_RE = re.compile("[\ufb50-\ufdf9\ufe70-\ufefc]+")
_SUBS_RE = re.compile(
    f"[{BIDI_CONTROLS}{ZERO_WIDTH}{JOINERS}\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\ufb50-\ufdf9\ufe70-\ufefc]"
)
"""Any character the drop / joiner / presentation-form passes change (most texts have none)."""
_LINES_RE = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_LINE_BREAK_RE = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""Any character :data:`_LINES_RE` splits on (a text without one is a single paragraph)."""
_RARE_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The characters :data:`_LINES_RE` splits on but ``"\n"``."""
_HARAKAT_RE = re.compile(f"[{HARAKAT}]")
_NON_WORD_RE = re.compile(r"[\W_]+")
_WORD_SEPARATORS = ("،", "؛", ",", ";", "…", "..")
"""What separates words besides whitespace (``..``: a run of two dots or more)."""
_ALNUM_RE = re.compile(r"[^\W_]")
_NOT_ARABIC_RE = re.compile(
    "[^\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufefc]+"
)
"""Everything but the Arabic letters :func:`arabic_ratio` counts (presentation forms included)."""
_NOT_WORDISH_RE = re.compile(r"[\W\d_]+")
"""Characters that are never letters (kept: letters, and the rare non-decimal numerals)."""
_ARABIC_LETTER_RE = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]"
)
SITE_WORDS = (
    "بوابة", "موقع", "جريدة", "صحيفة", "قناة", "مجلة", "شبكة", "الإلكترونية", "الإلكتروني",
    "الإخبارية", "الإخباري", "نيوز", "نت", "أونلاين", "عربي", "بالعربية", "tv", "news", "online",
    "arabic", "net", "com", "the",
)  # fmt: skip
"""Generic words around a site's name in titles ("بوابة أخبار اليوم الإلكترونية")."""
_SITE_WORD_KEYS = frozenset(
    "".join(_LETTER_KEY.get(c, c) for c in w.casefold()) for w in SITE_WORDS
)
_TITLE_SEP_RE = re.compile(r"\s+[|\-–—:»«•·~]{1,3}\s+|\s*\|\s*|\s+[-–—]{2}\s*|\s*::\s*")


# --- lossless ------------------------------------------------------------------------------


def _fold_presentation(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


_CACHE_MAX_LEN = 2000
"""Strings up to this length are cached (labels, short element texts); longer ones are not."""


def clean_text(text: str | None, *, keep_paragraphs: bool = False) -> str | None:
    """Return ``text`` cleaned losslessly for storage, or None when nothing is left.

    NFC; bidi controls, zero-width characters, soft hyphens and C0/C1 controls removed; Arabic
    presentation forms (ﻻ, ﷲ ...) folded to plain letters; every whitespace run (NBSP, thin and
    narrow spaces included) becomes one space. With ``keep_paragraphs`` each non-blank line is a
    paragraph and paragraphs are joined by a blank line (``"\\n\\n"``); otherwise one line.

    >>> clean_text("  كتب\\u200f  محمد\\xa0علي ")
    'كتب محمد علي'
    >>> clean_text("أ\\n\\n\\n ب \\n", keep_paragraphs=True)
    'أ\\n\\nب'
    """
    if not text:
        return None
    if len(text) <= _CACHE_MAX_LEN:
        if keep_paragraphs and "\n" not in text and not any(c in text for c in _RARE_BREAKS):
            keep_paragraphs = False  # one line: the same result, and the one-line cache entry
        return _clean_cached(text, keep_paragraphs)
    return _clean(text, keep_paragraphs)


@lru_cache(maxsize=16384)
def _clean_cached(text: str, keep_paragraphs: bool) -> str | None:
    return _clean(text, keep_paragraphs)


def _one_spaced(text: str) -> bool:
    """True when ``" ".join(text.split()) == text`` is sure: a printable text (every blank but the
    space is a separator or control character, not printable) without a space at either end or
    two in a row. (False for some texts it holds for: the caller then joins them anyway.)"""
    return text.isprintable() and not (text[:1] == " " or text[-1:] == " " or "  " in text)


def _unified(text: str) -> str:
    """``text`` in NFC without the dropped characters, presentation forms folded (whitespace as
    it is): :func:`clean_text` is this with every whitespace run made one space."""
    text = unicodedata.normalize("NFC", text)
    if _SUBS_RE.search(text):
        text = _DROP_RE.sub("", text)
        text = _JOINER_RE.sub("", text)
        text = _PRESENTATION_RE.sub(_fold_presentation, text)
    return text


def _clean(text: str, keep_paragraphs: bool) -> str | None:
    text = _unified(text)
    if not keep_paragraphs or not _LINE_BREAK_RE.search(text):
        # every whitespace run, line breaks included, is one space (one line: what the
        # paragraph path below gives too, as ``\s`` and ``str.split`` share one definition)
        if type(text) is str and _one_spaced(text):
            return text or None  # (already so: a cleaned text cleaned again, most labels)
        return " ".join(text.split()) or None
    # _LINES_RE.split, or str.split when "\n" is the only line break (most texts: 10x faster)
    parts = _LINES_RE.split(text) if any(c in text for c in _RARE_BREAKS) else text.split("\n")
    lines = (" ".join(line.split()) for line in parts)  # one space per whitespace run
    out = "\n\n".join(line for line in lines if line)
    return out or None


def clear_caches() -> None:
    """Forget the cached :func:`clean_text` / :func:`match_key` / :func:`first_key_word` results
    (benchmarks: each timed run starts cold, as a page of a new site would)."""
    _clean_cached.cache_clear()
    _key_cached.cache_clear()
    _first_cached.cache_clear()


# --- lossy ---------------------------------------------------------------------------------


def normalize_digits(text: str) -> str:
    """Turn Arabic-Indic and Persian digits (and the Arabic decimal/thousands separators) into ASCII.

    >>> normalize_digits("٢٠٢٤/٠٥/١٣ ۱۴۰۲ ٣\u066b٥")
    '2024/05/13 1402 3.5'
    """
    return text.translate(_DIGIT_TABLE)


def strip_harakat(text: str) -> str:
    """Remove Arabic diacritics and tatweel (lossy; for matching only)."""
    return _HARAKAT_RE.sub("", text).replace(TATWEEL, "")


_PLAIN = "\u0621-\u063a\u0641-\u064aA-Za-z0-9"
_PLAIN_WORD_RE = re.compile(f"[{_PLAIN}]+")
"""A word :func:`match_key` only folds letter by letter (plain Arabic letters without harakat or
tatweel, ASCII letters and digits): NFC/NFKC leave it as it is and nothing is dropped."""
_PLAIN_TEXT_RE = re.compile(f"[{_PLAIN}]+(?: [{_PLAIN}]+)*")
"""Plain words separated by single spaces: their match key is the text folded letter by letter."""
_PLAIN_FOLDS = tuple((k, v) for k, v in _LETTER_KEY.items() if "\u0621" <= k <= "\u064a")
"""The ``_KEY_TABLE`` entries for letters a plain text may hold (no value is also a key)."""


_KEY_FOLDS = tuple((chr(k), v or "") for k, v in _KEY_TABLE.items())


def _fold_key(text: str) -> str:
    """``text.translate(_KEY_TABLE)``: one ``str.replace`` per table entry the text holds (no
    value is also a key), several times faster on long texts than a per-character lookup."""
    for char, folded in _KEY_FOLDS:
        if char in text:
            text = text.replace(char, folded)
    return text


def _fold_plain(text: str) -> str:
    """``text.translate(_KEY_TABLE).lower()`` for a plain text (a few ``str.replace`` passes
    are several times faster than a per-character table lookup)."""
    for letter, folded in _PLAIN_FOLDS:
        if letter in text:
            text = text.replace(letter, folded)
    return text.lower()


def match_key(text: str | None) -> str:
    """Return the lossy comparison key of ``text`` ('' for nothing) — for dedup/search only.

    >>> match_key("الـمـدينة المنوّرة") == match_key("المدينه المنوره")
    True
    >>> match_key("Google News | ٢٠٢٠")
    'google news 2020'
    """
    if not text:
        return ""
    if len(text) <= _CACHE_MAX_LEN:
        return _key_cached(text)
    return _key(text)


@lru_cache(maxsize=16384)
def _key_cached(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    if _PLAIN_TEXT_RE.fullmatch(text):
        return _fold_plain(text)  # what the steps below give such a text
    cleaned = clean_text(text)
    if not cleaned:
        return ""
    key = unicodedata.normalize("NFKC", cleaned)
    key = _fold_key(_HARAKAT_RE.sub("", key)).casefold()
    return _NON_WORD_RE.sub(" ", key).strip()


_SPLIT_DROPPED_RE = re.compile("[\x1c-\x1f]")
"""Characters ``str.split`` splits on that :func:`clean_text` drops (they join words)."""
_PLAIN_HEAD_RE = re.compile(f"[^\\S\x1c-\x1f]*([{_PLAIN}]+)(?:[^\\S\x1c-\x1f]+(?!\\s)|\\Z)")
"""A text whose first whitespace-separated piece is a plain word (group 1), with no dropped
splitting character in the blanks around it: what :func:`first_key_word` folds directly."""


def first_key_word(text: str | None) -> str:
    """The first word of ``match_key(text)`` (``""`` for none), computed on the text's first
    whitespace-separated piece when that piece has a key (a long paragraph is not keyed whole).

    >>> first_key_word("«إقرأ أيضاً» ... وبقية فقرة طويلة")
    'اقرا'
    """
    if not text:
        return ""
    if len(text) <= _FIRST_CACHE_MAX_LEN:
        return _first_cached(text)  # menus, footers and labels recur on every page of a site
    return _first_key_word(text)


_FIRST_CACHE_MAX_LEN = 200
"""Texts up to this length (link and label texts, not paragraphs) have their first key word
cached."""


@lru_cache(maxsize=16384)
def _first_cached(text: str) -> str:
    return _first_key_word(text)


def _first_key_word(text: str) -> str:
    m = _PLAIN_HEAD_RE.match(text)
    if m is not None:  # the common case, told without splitting a long text
        return _fold_plain(m.group(1))
    head = text.split(None, 1)
    if not head:
        return ""
    # Only the head, the blanks around it and the blanks after it can join the head to more
    # text in the key (a dropped splitting character there); the rest of the text cannot.
    end = len(text) - len(head[1]) if len(head) == 2 else len(text)
    if not _SPLIT_DROPPED_RE.search(text, 0, end):
        if _PLAIN_WORD_RE.fullmatch(head[0]):
            return _fold_plain(head[0])  # what match_key gives such a word
        words = match_key(head[0]).split()
        if words:
            return words[0]
    words = match_key(text).split()
    return words[0] if words else ""


_KEYED_TOKEN_RE = re.compile(f"[^\\s{_PLAIN}]*[{_PLAIN}]\\S*")
"""A whitespace-separated token holding a plain letter or digit (one match key word at least)."""


def key_words_floor(text: str, cap: int) -> int:
    """How many words ``match_key(text)`` has at least, counted up to ``cap``, without keying
    the text: its tokens holding a plain Arabic or ASCII letter or a digit, which every step of
    the key keeps as a word character (and whitespace keeps them apart).

    >>> key_words_floor("قال الوزير إن الفحص تم", 4), key_words_floor("— « » ١٢ a", 9)
    (4, 1)
    """
    if cap > 0 and _at_least_keyed(cap).match(text):
        return cap  # (a paragraph: one regex call instead of a match object per token)
    return sum(1 for _ in islice(_KEYED_TOKEN_RE.finditer(text), cap))


@lru_cache(maxsize=32)
def _at_least_keyed(n: int) -> re.Pattern[str]:
    """Matches a text holding ``n`` tokens of ``_KEYED_TOKEN_RE`` at least: each round skips what
    is not a plain letter or digit (blanks, tokens without one, a token's head), then takes the
    token from its first plain character on."""
    return re.compile(f"(?:[^{_PLAIN}]*+[{_PLAIN}]\\S*+){{{n}}}")


def fuzzy_pattern(phrase: str, *, marks: bool = True) -> str:
    """Regex source matching ``phrase`` across common Arabic spelling variants.

    Alef/hamza forms, ى/ي/ئ, ة/ه, و/ؤ are interchangeable, a space matches any whitespace run,
    digits match their Arabic-Indic form, Latin letters match case-insensitively; other
    characters are literal. With ``marks`` harakat and tatweel may follow any letter; big word
    lists pass ``marks=False`` (5x faster to compile) and search text passed through
    :func:`strip_harakat` instead.

    >>> bool(re.fullmatch(fuzzy_pattern("اقرأ أيضا"), "إقرأ  أيضاً"))
    True
    """
    out: list[str] = []
    for ch in phrase:
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
            continue
        cls = next((c for c in _FUZZY_CLASSES if ch in c), None)
        if cls:
            out.append(f"[{cls}]")
        elif ch.isdigit() and ch.isascii():
            out.append(f"[{ch}{ARABIC_INDIC_DIGITS[int(ch)]}{PERSIAN_DIGITS[int(ch)]}]")
        elif ch.isascii() and ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
        if marks and _ARABIC_LETTER_RE.match(ch):
            out.append(f"[{HARAKAT}{TATWEEL}]*")
    return "".join(out)


# --- measures ------------------------------------------------------------------------------


def arabic_ratio(text: str | None) -> float:
    """Share of Arabic-script letters among all letters of ``text`` (0.0 when it has none).

    >>> arabic_ratio("BBC عربية")
    0.625
    """
    letters, arabic = letter_counts(text)
    return arabic / letters if letters else 0.0


def letter_counts(text: str | None) -> tuple[int, int]:
    """(letters, Arabic-script letters) of ``text``, as :func:`arabic_ratio` counts them.

    >>> letter_counts("BBC عربية")
    (8, 5)
    """
    if not text:
        return 0, 0
    if len(text) >= _TABLE_MIN_CHARS:
        return _count_letters(text)
    letters = _count_alpha(_NOT_WORDISH_RE.sub("", text))
    if not letters:
        return 0, 0
    return letters, _count_alpha(_NOT_ARABIC_RE.sub("", text))


_TABLE_MIN_CHARS = 256
"""From this length on :func:`arabic_ratio` counts with lookup tables (~10x faster on a body)."""


@lru_cache(maxsize=1)
def _letter_tables() -> tuple[np.ndarray, np.ndarray]:
    """(is a letter, is an Arabic letter :func:`arabic_ratio` counts) for every BMP code point."""
    alpha = np.fromiter((chr(i).isalpha() for i in range(0x10000)), dtype=bool, count=0x10000)
    arabic = alpha.copy()
    arabic[np.array([bool(_NOT_ARABIC_RE.match(chr(i))) for i in range(0x10000)])] = False
    return alpha, arabic


def _count_letters(text: str) -> tuple[int, int]:
    """(letters, Arabic letters) of ``text``: the same counts as the regex path, by table."""
    alpha, arabic = _letter_tables()
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    bmp = points[points < 0x10000]
    letters = int(np.count_nonzero(alpha[bmp]))
    if len(bmp) != len(points):  # letters beyond the BMP (never Arabic ones): rare, count them
        letters += sum(1 for c in text if ord(c) >= 0x10000 and c.isalpha())
    return letters, int(np.count_nonzero(arabic[bmp]))


def _count_alpha(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``); C-speed when all are."""
    return len(text) if text.isalpha() else sum(map(str.isalpha, text))


def word_count(text: str | None) -> int:
    """Count words the way a reader would in Arabic text.

    Words are separated by whitespace and by Arabic/Latin commas and semicolons (which Arabic
    typists often leave unspaced: "الصحة،الراغب" is two words); a token counts only if it holds
    a letter or digit, so dashes and bullets do not; "3.5", URLs and "لـ«الصباح»" count once;
    harakat, tatweel and zero-width joiners never split a word.

    >>> word_count("قال الوزير، إن 26.971 فحصاً — أُجريت «اليوم».")
    7
    """
    if not text:
        return 0
    # The words of clean_text(text), without joining them by single spaces first (the
    # whitespace runs in between change no word nor any "..").
    cleaned = _unified(text)
    # Separators turned into spaces: a run of dots leaves at most one dot stuck to a token,
    # which changes no token's having a letter or digit.
    for sep in _WORD_SEPARATORS:
        if sep in cleaned:
            cleaned = cleaned.replace(sep, " ")
    tokens = cleaned.split()
    has_alnum = _ALNUM_RE.search  # [^\W_] is str.isalnum: the common all-letter token skips it
    return len(tokens) - sum(1 for tok in filterfalse(str.isalnum, tokens) if not has_alnum(tok))


_TLD_RE = re.compile(r"^(?:https? )?(?:www )?|(?: (?:com|net|org|tv|news|info|co|[a-z]{2}))+$")


def _bare(key: str) -> str:
    """Site-name key without scheme, www. and trailing TLD words ("www youm7 com" → "youm7")."""
    return _TLD_RE.sub("", key).strip()


def _core(key: str) -> str:
    """Key without leading/trailing generic site words (بوابة ... الإلكترونية, News)."""
    words = key.split()
    while words and words[0] in _SITE_WORD_KEYS:
        words.pop(0)
    while words and words[-1] in _SITE_WORD_KEYS:
        words.pop()
    return " ".join(words)


def _site_keys(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        key = match_key(name)
        keys.update(k for k in (key, _bare(key)) if k)
    return keys


def _is_site_segment(segment: str, keys: set[str]) -> bool:
    """True when a title segment names the site (spelling, TLD and word-extension tolerant)."""
    seg = match_key(segment)
    if not seg:
        return False
    for cand in {seg, _bare(seg)}:
        if not cand:
            continue
        flat = cand.replace(" ", "")
        for key in keys:
            if cand == key or flat == key.replace(" ", ""):
                return True
            core = _core(cand)
            if core and core == _core(key):
                return True
        if cand.isascii() and all(
            len(tok) >= 3 and any(tok in key.replace(" ", "") for key in keys)
            for tok in cand.split()
        ):
            return True
    return False


def strip_title_suffix(title: str, site_names: Iterable[str] = ()) -> str:
    """Drop a site-name suffix or prefix (" - اليوم السابع", "Site | ") from a page title.

    A segment is removed only when it names the site: it matches one of ``site_names`` (portal
    name, og:site_name, domain) after :func:`match_key` normalisation, with or without TLD, or
    extends/abbreviates one word-wise ("بوابة أخبار اليوم الإلكترونية" for "بوابة اخبار اليوم",
    "Sputnik Arabic" for arabic.sputniknews.com). Headlines that contain " - " keep it.
    The title is never reduced to nothing.

    >>> strip_title_suffix("وزير الرى يشهد مراسم - اليوم السابع", ["اليوم السابع"])
    'وزير الرى يشهد مراسم'
    >>> strip_title_suffix("المدينة نيوز - أميركا :50 الفا", ["المدينة نيوز"])
    'أميركا :50 الفا'
    """
    cleaned = clean_text(title) or ""
    keys = _site_keys(site_names)
    if not keys or not cleaned:
        return cleaned
    for _ in range(3):
        seps = list(_TITLE_SEP_RE.finditer(cleaned))
        if not seps:
            break
        last, first = seps[-1], seps[0]
        tail, head = cleaned[last.end() :], cleaned[: first.start()]
        if _is_site_segment(tail, keys) and cleaned[: last.start()].strip():
            cleaned = cleaned[: last.start()].strip()
        elif _is_site_segment(head, keys) and cleaned[first.end() :].strip():
            cleaned = cleaned[first.end() :].strip()
        else:
            break
    return cleaned
