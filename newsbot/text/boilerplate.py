"""Labels and line patterns of Arabic news pages that are not article text.

Used by the body cleaner: headings that open related-article blocks (``RELATED_LABELS`` → the
record's ``related``) and "similar titles" blocks (``SIMILAR_LABELS``), and lines to drop from the
body: ad markers, share/follow prompts, image credits, tag lists, credit lines, comment prompts,
copyright/footer lines and date-only lines. Phrases are DATA (tuples below) compiled into
spelling-tolerant regexes (:func:`newsbot.text.arabic.fuzzy_pattern`); portals add their own
patterns through ``extra``. Everything errs on the side of keeping text: a rule that could match
a real sentence is limited to short lines. Byline lines ("حوار: آسيا العتروس") are NOT flagged
here: the extractor reads them as bylines (:func:`newsbot.text.bylines.parse_byline`).

Doc page: README "Body clean-up".
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache

from newsbot.text.arabic import (
    clean_text,
    first_key_word,
    fuzzy_pattern,
    key_words_floor,
    match_key,
    strip_harakat,
)
from newsbot.text.bylines_data import AGENCIES, CITIES

__all__ = [  # and BOILERPLATE_PATTERNS (module __getattr__)
    "RELATED_LABELS",
    "SIMILAR_LABELS",
    "SITE_BLOCK_LABELS",
    "TAG_LABEL_RE",
    "is_boilerplate_line",
    "is_related_label",
    "is_similar_label",
    "is_site_block_label",
    "split_tag_line",
    "split_teaser",
    "strip_inline_markers",
]

# --- data ------------------------------------------------------------------------------------

RELATED_LABELS: tuple[str, ...] = (
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضاً", "اقرأ ايضا", "اقرأ كذلك", "اقرأ المزيد", "اقرأ أكثر",
    "طالع أيضا", "طالع أيضاً", "انظر أيضا", "شاهد أيضا", "شاهد أيضاً", "قد يهمك أيضا", "قد يهمك",
    "يهمك أيضا", "ربما يهمك", "ذات صلة", "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة",
    "موضوعات ذات صلة", "مواضيع ذات علاقة", "أخبار متعلقة", "الموضوعات المتعلقة", "مواضيع متعلقة",
    "مقالات متعلقة", "المزيد حول هذه القصة", "قصص مقترحة", "مقالات مقترحة", "اقرأ في هذا الملف",
    "موضوعات قد تهمك", "مواضيع قد تهمك", "أخبار قد تهمك", "مقالات قد تهمك", "قصص قد تهمك",
    "Read more", "Read also", "Related", "Related articles", "Related news", "See also",
    "أقسام ذات صلة", "أخبار ذات علاقة", "مقالات ذات علاقة", "موضوعات ذات علاقة", "مواد ذات صلة",
    "روابط ذات صلة", "تقارير ذات صلة", "قصص ذات صلة", "محتوى ذو صلة", "محتوى ذات صلة",
    "قراءات ذات صلة", "اقرأ أيضا في", "شاهد المزيد", "يهمك أيضا", "أخبار أخرى قد تهمك",
    "You may also like", "Also read", "Lire aussi", "À lire aussi", "A lire aussi", "Voir aussi",
)  # fmt: skip
"""Headings of related-article blocks (links with their own page → ``related``).
Note: BBC Arabic uses "مواضيع ذات صلة" for its topic list; the caller checks what the links are."""

RELATED_PREFIX_LABELS: tuple[str, ...] = ("المزيد من", "المزيد عن", "المزيد حول", "المزيد في")
"""Related headings that continue with a topic ("المزيد من أخبار مصر"); short headings only."""

SIMILAR_LABELS: tuple[str, ...] = (
    "مقالات مشابهة", "أخبار مشابهة", "مواضيع مشابهة", "موضوعات مشابهة", "أخبار مماثلة",
    "مقالات مماثلة", "مواضيع مماثلة", "Similar articles",
)  # fmt: skip
"""Headings of "similar titles" blocks (→ ``similar_titles``)."""

SITE_BLOCK_LABELS: tuple[str, ...] = (
    "الأكثر قراءة", "الأكثر قراءه", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تصفحا",
    "الأكثر تعليقا", "الأكثر شعبية", "اخترنا لكم", "اخترنا لك", "ترشيحاتنا", "آخر الأخبار",
    "أخر الأخبار", "أحدث الأخبار", "آخر الاخبار", "أخبار عاجلة", "شريط الأحداث", "زوارنا يقرأون الآن",
    "مواضيع ساخنة", "مواضيع ساخنة اخرى", "يمكنك أيضا قراءة", "مقالات مختارة", "الأخبار الرئيسية",
    "قد يعجبك", "قد يعجبك أيضا", "استطلاع الرأي", "Most read", "Trending", "Latest news",
)  # fmt: skip
"""Site-wide blocks (most read, picks, tickers): not related links, not text."""

AD_LABELS: tuple[str, ...] = (
    "مادة إعلانية", "مادة اعلانية", "إعلان", "إعلانات", "مساحة إعلانية", "محتوى إعلاني",
    "محتوى مدعوم", "محتوى ممول", "إعلان ممول", "روابط إعلانية", "روابط ممولة", "برعاية",
    "Advertisement", "Advertising", "Sponsored", "Sponsored Links", "Promoted Links", "Ads by",
    "Ad", "Publicité",
)  # fmt: skip
"""Ad slot labels (a whole line)."""

UI_LABELS: tuple[str, ...] = (
    "شارك", "مشاركة", "شارك الخبر", "شارك هذا الخبر", "شارك المقال", "مشاركة الخبر", "شارك على",
    "انسخ الرابط", "نسخ الرابط", "تم نسخ الرابط", "رابط مختصر", "الرابط المختصر", "طباعة", "اطبع",
    "أرسل لصديق", "حفظ", "تكبير الخط", "تصغير الخط", "حجم الخط", "فيسبوك", "تويتر", "واتساب",
    "تلغرام", "تيليجرام", "لينكد إن", "البريد الإلكتروني", "الرئيسية", "القائمة", "بحث",
    "تخطى قائمة التنقل", "تخط إلى المحتوى", "Share", "Share this", "Share this selection",
    "Share on Facebook", "Share on Twitter", "Share on WhatsApp", "Tweet", "Facebook", "Twitter",
    "WhatsApp", "Telegram", "LinkedIn", "Email", "Print", "Copy link", "Skip to content",
    "التعليقات", "تعليقات", "أضف تعليق", "أضف تعليقك", "اترك تعليقا", "إضافة تعليق",
    "إضافة تعليق جديد", "لا توجد تعليقات", "صورة أرشيفية", "أرشيفية", "صورة تعبيرية",
    "صورة توضيحية", "المصدر", "فيديو", "شاهد الفيديو", "شاهد", "Error loading media",
)  # fmt: skip
"""Share/print/comment/navigation/image labels (a whole line)."""

PREFIX_LABELS: tuple[tuple[str, int], ...] = (
    # share, subscribe, apps
    ("شارك هذا", 8), ("شارك الخبر", 8), ("شارك على", 8), ("شارك عبر", 8), ("مشاركة الخبر", 8),
    ("للمزيد من الأخبار", 20), ("لمزيد من الأخبار", 20), ("للمزيد من التفاصيل تابع", 20),
    ("لمتابعة آخر الأخبار", 20), ("لمتابعة أهم الأخبار", 20), ("تابعونا على", 20),
    ("تابعنا على", 20), ("تابعوا آخر أخبار", 25), ("اشترك في النشرة", 20),
    ("اشترك في قناة", 20), ("اشترك في خدمة", 20), ("اشترك الآن", 15), ("اشترك مجانا", 15),
    ("إشترك لمشاهدة", 15), ("اشترك لتصلك", 20), ("اشتركوا في", 20), ("حمل تطبيق", 20),
    ("حمّل تطبيق", 20), ("نزل تطبيق", 20), ("انضم إلى قناة", 20), ("انضموا إلى قناة", 20),
    ("Share on", 6), ("Follow us", 10), ("Subscribe to", 12),
    # comments and disclaimers
    ("أضف تعليق", 12), ("اضف تعليقا", 12), ("اترك تعليقا", 12), ("إضافة تعليق", 12),
    ("بروتوكول نشر التعليقات", 12), ("شروط التعليق", 20), ("تعليقات القراء", 12),
    ("الآراء الواردة", 40), ("المقالات المنشورة تعبر عن", 40), ("يحظر نشر", 40),
    ("يمنع نسخ", 40), ("لا مانع من الاقتباس", 40), ("جميع المواد المنشورة", 40),
    ("بي بي سي ليست مسؤولة", 20), ("ترحب شبكة", 40), ("الإشراف العام", 10),
    ("رئيس التحرير", 10), ("رئيس مجلس الإدارة", 10), ("المدير العام", 10),
    # image credits
    ("صورة أرشيفية", 14), ("صورة ارشيفية", 14), ("مصدر الصورة", 14), ("حقوق الصورة", 14),
    ("الصورة من", 14), ("صورة من", 10), ("تصوير", 6), ("الصورة:", 14), ("الصورة :", 14),
    ("صورة:", 14), ("Photo:", 14), ("Image:", 14),
)  # fmt: skip
"""(phrase, max words): a line that starts with the phrase and has at most that many words.
Date lines ("تاريخ النشر: ...", "تم نشره ...") are recognised by their words, see DATE_WORDS."""

TAG_LABELS: tuple[str, ...] = (
    "كلمات دلالية", "الكلمات الدلالية", "الكلمات الدالة", "كلمات مفتاحية", "الكلمات المفتاحية",
    "الكلمات المفتاحيه", "كلمات البحث", "الوسوم", "وسوم", "الوسم", "العلامات", "التاجات",
    "تاجز", "Tags", "Tag", "Keywords",
)  # fmt: skip
"""Labels that open a tag list ("كلمات دلالية: روسي مالي روسيا")."""

FOLLOW_PLATFORMS: tuple[str, ...] = (
    "Google News", "Google", "غوغل نيوز", "جوجل نيوز", "قوقل نيوز", "تلغرام", "تليجرام", "تلجرام",
    "واتساب", "واتس آب", "يوتيوب", "فيسبوك", "فيس بوك", "تويتر", "إنستغرام", "انستجرام",
    "تيك توك", "إكس", "X",
)  # fmt: skip
"""Where "تابعوا ... عبر <platform>" prompts send the reader."""

PHOTO_CREDIT_WORDS: tuple[str, ...] = (
    "getty", "getty images", "epa", "efe", "rex", "shutterstock", "afp", "reuters", "ap",
    "anadolu", "alamy", "pa media", "bbc", "أرشيفية", "أرشيف", "مواقع التواصل", "إكس", "تويتر",
    "فيسبوك", "الإنترنت", "متداولة", "خاص", "مواقع التواصل الاجتماعي",
)  # fmt: skip
"""Credits at the end of an image caption "(رويترز)" / Latin photo-agency lines."""

DATE_WORDS: tuple[str, ...] = (
    "الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "ابريل", "مايو", "يونيو", "يونيه", "يوليو",
    "يوليه", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "الثاني", "الأول",
    "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "جانفي", "فيفري",
    "أفريل", "ماي", "جوان", "جويلية", "أوت", "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر", "محرم",
    "صفر", "ربيع", "الآخر", "جمادى", "الأولى", "الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو",
    "القعدة", "الحجة", "ص", "م", "صباحا", "مساء", "مساءً", "ظهرا", "هـ", "الموافق", "بتوقيت", "مكة",
    "المكرمة", "غرينتش", "جرينتش", "gmt", "utc", "am", "pm", "تاريخ", "النشر", "نشر", "في",
    "بتاريخ", "آخر", "تحديث", "تم", "نشره", "تحديثه", "التاريخ", "منذ", "اليوم", "أمس",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "updated", "published", "last", "update", "on", "at",
)  # fmt: skip
"""Words of a date/time stamp: a short line made only of these, digits and a city is no text."""

# --- compiled --------------------------------------------------------------------------------


def _alt(words: Iterable[str], *, marks: bool = False) -> str:
    """Fuzzy alternation, longest first; ``marks=False`` patterns run on strip_harakat text."""
    uniq = {w for w in words if w}
    return "|".join(fuzzy_pattern(w, marks=marks) for w in sorted(uniq, key=len, reverse=True))


def _words_at_most(n: int) -> str:
    """Lookahead: the whole line has at most ``n`` words."""
    return rf"(?=(?:\W*+\w++){{1,{n}}}+\W*+$)"


_AGENCY_WORDS = tuple(v for vs in AGENCIES.values() for v in vs)
TAG_LABEL_RE = re.compile(rf"^\W*(?:{_alt(TAG_LABELS, marks=True)})\s*(?:[:\uff1a]+\s*|-\s+|$)")
"""Matches a tag-list label at the start of a line; the rest of the line is the tags."""

_TEASER_RE = re.compile(
    rf"^\W*(?:{_alt(RELATED_LABELS, marks=True)})\s*[:\uff1a]+\s*(?P<title>\S.*)$"
)
_FOLLOW_RE = re.compile(
    rf"(?<!\w)تابع(?:وا|ونا|نا)\s[^.!?؟\n]{{0,80}}?(?:عبر|على|في|من خلال)\s+"
    rf"(?:{_alt(FOLLOW_PLATFORMS, marks=True)})(?!\w)(?:\s+(?:نيوز|News))?"
)
_AD_INLINE_RE = re.compile(
    rf"(?<!\w)(?:{_alt(('مادة إعلانية', 'Advertisement', 'محتوى إعلاني'), marks=True)})(?!\w)"
)
_AD_HINT_AR_RE = re.compile(fuzzy_pattern("علان"))
_AD_HINT_EN_RE = re.compile(fuzzy_pattern("dvertisement"))
"""One of these is found in every text :data:`_AD_INLINE_RE` matches ("علان" of إعلانية /
إعلاني, harakat allowed between letters, or "dvertisement"): a paragraph without them is not
searched whole. Apart: the Arabic one starts with a letter, which the regex engine looks for
like a substring; the Latin one needs a "d" or a "D" in the text."""


def _ad_hint(line: str) -> bool:
    return _AD_HINT_AR_RE.search(line) is not None or (
        ("d" in line or "D" in line) and _AD_HINT_EN_RE.search(line) is not None
    )


_RIGHTS = _alt(
    ("جميع الحقوق محفوظة", "حقوق النشر محفوظة", "جميع حقوق النشر", "الحقوق محفوظة",
     "All rights reserved", "Copyright")
)  # fmt: skip

_WHOLE_LINE_LIMITS: dict[str, int] = {}
"""Each :func:`_whole_line` pattern with the most word runs (``\\w+``) a line it matches has."""


def _whole_line(words: Iterable[str]) -> str:
    """``^\\W*(?:<any of words>)\\W*$`` (no harakat between letters). A fuzzy pattern maps every
    word character to word characters only and every other character to non-word ones, so a
    line it matches has exactly as many word runs as the phrase it matched: the pattern's word
    limit (recorded in ``_WHOLE_LINE_LIMITS``) is the most runs of one of ``words``."""
    words = tuple(words)
    source = rf"^\W*(?:{_alt(words)})\W*$"
    _WHOLE_LINE_LIMITS[source] = max(len(_WORD_RUN_RE.findall(w)) for w in words if w)
    return source


_WORD_RUN_RE = re.compile(r"\w+")
_PATTERN_SOURCES: tuple[str, ...] = (
    _whole_line((*AD_LABELS, *UI_LABELS)),
    _whole_line((*RELATED_LABELS, *SIMILAR_LABELS, *SITE_BLOCK_LABELS)),
    _whole_line(_AGENCY_WORDS),  # "(رويترز)", "--(بترا)"
    TAG_LABEL_RE.pattern,
    _TEASER_RE.pattern,
    *(
        rf"^{_words_at_most(limit)}\W*{fuzzy_pattern(phrase, marks=False)}(?!\w)"
        for phrase, limit in PREFIX_LABELS
    ),
    rf"^{_words_at_most(12)}\W*(?:المصدر|المصادر|[Ss]ource)\s*[:\uff1a]",
    # caption ending in a credit: "... نيامي (فرانس برس)"
    rf"^{_words_at_most(25)}[^.!?؟]*\((?:{_alt((*_AGENCY_WORDS, *PHOTO_CREDIT_WORDS))})\)+\W*$",
    rf"^{_words_at_most(30)}.*©",
    # a footer line that opens or closes with a rights notice
    rf"^{_words_at_most(30)}(?:\W*(?:{_RIGHTS})|.*(?:{_RIGHTS})\W*$)",
    rf"^{_words_at_most(30)}\W*{_FOLLOW_RE.pattern}",
)
"""Sources of the regexes searched in a cleaned line without harakat/tatweel
(``strip_harakat(clean_text(line))``); any hit marks the line boilerplate. They are compiled
only grouped by word limit (``_BY_LIMIT``): compiling each alone too cost ~0.2 s at import, in
every crawl process. :data:`BOILERPLATE_PATTERNS` compiles them one by one when first read."""


def __getattr__(name: str) -> object:
    """``BOILERPLATE_PATTERNS``: every pattern compiled alone (on first use, then kept)."""
    if name == "BOILERPLATE_PATTERNS":
        patterns = tuple(re.compile(src) for src in _PATTERN_SOURCES)
        globals()[name] = patterns
        return patterns
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _split_limit(src: str) -> tuple[str, int]:
    """The pattern source ``src`` without its ``^_words_at_most(n)`` head (anchored at the start
    instead) and ``n``; ``src`` itself and its :func:`_whole_line` limit, or no limit, when it
    has no such head."""
    if src in _WHOLE_LINE_LIMITS:
        return src, _WHOLE_LINE_LIMITS[src]
    for n in sorted({int(x) for x in re.findall(r"\{1,(\d+)\}", src)}):
        head = "^" + _words_at_most(n)
        if src.startswith(head):
            return "^" + src[len(head) :], n
    return src, sys.maxsize


assert all(src.startswith("^") for src in _PATTERN_SOURCES)
assert TAG_LABEL_RE.flags == _TEASER_RE.flags == re.UNICODE  # their sources are compiled alone
_PATTERN_LIMITS = tuple(_split_limit(src) for src in _PATTERN_SOURCES)
"""Each pattern's source with the most words a line may have for it to match
(``_words_at_most``); the lookahead that counts them is dropped, :func:`_any_boilerplate_pattern`
counts once per line."""
_MAX_LIMIT = max(limit for _, limit in _PATTERN_LIMITS if limit != sys.maxsize)
"""Words past this many change no pattern's verdict: a line's words are counted up to it + 1."""
_MANY_RUNS_RE = re.compile(rf"(?:\W*+\w++){{{_MAX_LIMIT + 1}}}")
"""Matches a line of more than ``_MAX_LIMIT`` word runs (each round takes one)."""


def _either(sources: Iterable[str]) -> re.Pattern[str]:
    """One regex that matches where any of the ``^``-anchored ``sources`` does (their alternation
    after one ``^``, tried in one call)."""
    return re.compile("^(?:" + "|".join(src[1:] for src in sources) + ")")


_BY_LIMIT = tuple(
    (n, _either(src for src, limit in _PATTERN_LIMITS if limit == n))
    for n in sorted({limit for _, limit in _PATTERN_LIMITS})
)
"""(word limit n, the patterns of exactly that limit as one regex), limits ascending, the
unlimited ones last. Disjoint groups: every pattern is compiled once (nested groups, one regex
per limit holding every pattern of that limit or more, took 2.2 s to compile at import, paid by
every crawl process)."""


def _any_boilerplate_pattern(bare: str) -> bool:
    """``any(p.search(bare) for p in BOILERPLATE_PATTERNS)``, skipping the patterns whose word
    limit the line exceeds (a body paragraph is searched with a handful of them). The word-limit
    lookahead needs 1..n word runs, so a line without words is only searched unlimited ones."""
    if _MANY_RUNS_RE.match(bare):
        words = _MAX_LIMIT + 1  # (a paragraph: one regex call instead of a match object per run)
    else:
        words = sum(1 for _ in _WORD_RUN_RE.finditer(bare)) or sys.maxsize
    return any(p.match(bare) is not None for limit, p in _BY_LIMIT if words <= limit)


_DATE_KEYS = frozenset(tok for w in (*DATE_WORDS, *CITIES) for tok in match_key(w).split()) - {"ال"}
_PHOTO_KEYS = frozenset(match_key(w) for w in PHOTO_CREDIT_WORDS)
_RELATED_KEYS = frozenset(match_key(w) for w in RELATED_LABELS)
_RELATED_PREFIX_KEYS = tuple(match_key(w) for w in RELATED_PREFIX_LABELS)
_SIMILAR_KEYS = frozenset(match_key(w) for w in SIMILAR_LABELS)
_SITE_KEYS = frozenset(match_key(w) for w in SITE_BLOCK_LABELS)
_SIMILAR_FIRSTS = frozenset(k.split()[0] for k in _SIMILAR_KEYS)
_SITE_FIRSTS = frozenset(k.split()[0] for k in _SITE_KEYS)
"""First words of those keys: a text whose key starts otherwise is not keyed whole."""
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)?")
_SENTENCE_RE = re.compile(r"[.!?؟،,]")


# --- labels ----------------------------------------------------------------------------------


def is_related_label(text: str | None, extra: Iterable[str] = ()) -> bool:
    """True when ``text`` is a related-articles heading ("إقرأ أيضاً:", "مواضيع ذات علاقة").

    >>> is_related_label("إقرأ أيضاً :")
    True
    """
    extra = tuple(extra)
    if first_key_word(text) not in related_first_words(extra):
        return False  # every label's key starts with one of these: a paragraph is not keyed
    key = match_key(text)
    if not key:
        return False
    if key in _RELATED_KEYS or key in {match_key(e) for e in extra}:
        return True
    return len(key.split()) <= 4 and any(
        key == p or key.startswith(p + " ") for p in _RELATED_PREFIX_KEYS
    )


@lru_cache(maxsize=64)
def related_first_words(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """First words of the keys :func:`is_related_label` accepts (with ``extra``): a text whose
    key starts with another word is never a related label (cheap pre-filter for callers)."""
    keys = (*_RELATED_KEYS, *_RELATED_PREFIX_KEYS, *(match_key(e) for e in extra))
    return frozenset(k.split()[0] for k in keys if k)


def is_similar_label(text: str | None, extra: Iterable[str] = ()) -> bool:
    """True when ``text`` is a "similar titles" heading ("مقالات مشابهة")."""
    extra_keys = {match_key(e) for e in extra}
    if not extra_keys and first_key_word(text) not in _SIMILAR_FIRSTS:
        return False
    key = match_key(text)
    return bool(key) and (key in _SIMILAR_KEYS or key in extra_keys)


def is_site_block_label(text: str | None) -> bool:
    """True for site-wide block headings ("الأكثر قراءة", "اخترنا لكم")."""
    return first_key_word(text) in _SITE_FIRSTS and match_key(text) in _SITE_KEYS


# --- lines -----------------------------------------------------------------------------------


def split_tag_line(line: str | None) -> str | None:
    """The tags part of a "كلمات دلالية: ..." line ('' for a bare label), None if no tag label.

    >>> split_tag_line("كلمات دلالية: روسي مالي روسيا العربية")
    'روسي مالي روسيا العربية'
    """
    s = clean_text(line)
    if not s:
        return None
    m = TAG_LABEL_RE.match(s)
    return s[m.end() :].strip() if m else None


def split_teaser(line: str | None) -> str | None:
    """The headline of an inline teaser "اقرأ أيضاً: <headline>", else None."""
    s = clean_text(line)
    m = _TEASER_RE.match(s) if s else None
    return m.group("title").strip() if m else None


def strip_inline_markers(text: str | None) -> str:
    """Remove ad markers and follow prompts that sit inside a line of text.

    "مادة إعلانية" / "Advertisement" are removed anywhere; "تابعوا آخر أخبار X عبر Google News"
    is removed with whatever short, unpunctuated tail follows it on the same line (the tag words
    pages glue after it). Lines are processed separately; blank results are dropped.

    >>> strip_inline_markers("مادة إعلانية تابعوا آخر أخبار العربية عبر Google News روسي مالي")
    ''
    """
    if text and len(text) <= 2000:
        return _strip_markers_cached(text)
    return _strip_markers(text)


@lru_cache(maxsize=4096)
def _strip_markers_cached(text: str) -> str:
    """:func:`_strip_markers`, cached: the body cleaner and the line rules strip the same line."""
    return _strip_markers(text)


def _strip_markers(text: str | None) -> str:
    out: list[str] = []
    for line in (clean_text(text, keep_paragraphs=True) or "").split("\n\n"):
        changed = False  # a line of clean_text is already one space between words
        if _ad_hint(line):
            line, changed = _AD_INLINE_RE.sub(" ", line), True
        m = _FOLLOW_RE.search(line) if "تابع" in line else None  # the prompt's literal head
        if m:
            tail = line[m.end() :]
            if len(tail.split()) <= 8 and not _SENTENCE_RE.search(tail):
                tail = ""
            line, changed = line[: m.start()] + " " + tail, True
        if changed:
            line = " ".join(line.split())
        if line:
            out.append(line)
    return "\n\n".join(out)


DATE_LINE_MAX_WORDS = 16
"""A date-only line has at most this many key words (a photo-credit line fewer)."""


def _is_date_line(key: str) -> bool:
    words = key.split()
    if not words or len(words) > DATE_LINE_MAX_WORDS:
        return False
    has_digit = any(_ORDINAL_RE.fullmatch(w) for w in words)
    return has_digit and all(_ORDINAL_RE.fullmatch(w) or w in _DATE_KEYS for w in words)


def _is_photo_credit(line: str, key: str) -> bool:
    """A Latin-only short line naming photo agencies ("EPA-EFE/REX/Shutterstock")."""
    words = key.split()
    if not words or len(words) > 6 or re.search("[\u0600-\u06ff]", line):
        return False
    return any(w in _PHOTO_KEYS for w in words) and all(len(w) > 1 or w.isdigit() for w in words)


def is_boilerplate_line(line: str | None, extra: Iterable[re.Pattern[str] | str] = ()) -> bool:
    """True when a whole line of the page is not article text.

    ``extra`` holds a portal's own patterns (compiled or regex strings), searched in the cleaned
    line. The shared rules judge the line left after :func:`strip_inline_markers`, so a sentence
    glued to an ad marker or follow prompt is not lost. A punctuation-only line ("***", "—")
    counts as boilerplate; an empty line does not.

    >>> is_boilerplate_line("مادة اعلانية"), is_boilerplate_line("شارك المئات في مظاهرة أمام السفارة")
    (True, False)
    """
    s = clean_text(line)
    if not s:
        return False
    for pat in extra:
        if re.search(pat, s):
            return True
    return _shared_rules(s) if len(s) <= 2000 else _judge(s)


@lru_cache(maxsize=8192)
def _shared_rules(s: str) -> bool:
    """:func:`_judge`, cached: the same menu/footer/share lines recur on every page of a site."""
    return _judge(s)


def clear_caches() -> None:
    """Forget the cached line verdicts (benchmarks start every timed run cold)."""
    _shared_rules.cache_clear()
    _strip_markers_cached.cache_clear()


def _judge(s: str) -> bool:
    """The shared boilerplate rules on a cleaned line."""
    rest = strip_inline_markers(s)  # text glued to a marker is kept: judge what is left
    words = key_words_floor(rest, _MAX_LIMIT + 1)  # (its key is not empty when words > 0)
    if words > _MAX_LIMIT:  # as many word runs at least: only the unlimited patterns apply
        return _BY_LIMIT[-1][1].match(strip_harakat(rest)) is not None
    if words > DATE_LINE_MAX_WORDS:  # a paragraph: not keyed whole (no date / credit line)
        return _any_boilerplate_pattern(strip_harakat(rest))
    key = match_key(rest)
    if not key:
        return True
    bare = strip_harakat(rest)
    if _any_boilerplate_pattern(bare):
        return True
    return _is_date_line(key) or _is_photo_credit(bare, key)
