"""Statements and speeches: the delivery line names the speaker and is not part of the text.

Official statement pages print who delivered the text above it: "كما ألقاه السفير X", "ألقاها
نيابة عنه X", "(كما أُلقيت)", or a heading "كلمة معالي X أمام مجلس الأمن". :func:`delivery`
reads such a line: None when it is not one, else the speaker's name ("" when the line names no
one). Only short lines count (a sentence of the speech that starts with "ألقاها" is text).
"""

from __future__ import annotations

import re

from newsbot.text.arabic import clean_text, strip_harakat
from newsbot.text.names import is_given_name, starts_with_given_name

__all__ = ["delivery", "is_speech_title"]

MAX_WORDS = 30
_DELIVERED_RE = re.compile(
    r"^\W*(?:النص\s+)?(?:كما|حسبما|حسب ما|وفق ما)?\s*"
    r"(?:ألقاه|ألقاها|ألقته|القاه|القاها|القته|أُلقيت|ألقيت|القيت|أُلقي|ألقي|القي)"
    r"(?:\s+(?:نيابة|بالنيابة)\s+(?:عنه|عنها|عن\s+\S+))?(?P<who>(?:\s.*)?)$"
)
_DELIVERED_EN_RE = re.compile(
    r"^\W*(?:check\s+against\s+delivery|as\s+(?:delivered|prepared\s+for\s+delivery))"
    r"(?:\s+by)?(?P<who>(?:\s.*)?)$",
    re.I,
)
_SPEECH_RE = re.compile(
    r"^\W*(?:نص\s+)?(?:كلمة|خطاب|بيان|مداخلة)\s+(?P<who>.+?)\s+"
    r"(?:أمام|خلال|في|بمناسبة|إلى|الى|امام|حول)\s+\S"
)
STATUS_WORDS = frozenset(
    strip_harakat(w)
    for w in (
        "معالي", "سمو", "فخامة", "السيد", "السيدة", "الشيخ", "الشيخة", "جلالة", "دولة", "رئيس",
        "رئيسة", "وزير", "وزيرة", "أمير", "الأمير", "الأميرة", "الملك", "صاحب", "السمو", "الجلالة",
        "الملكي", "الدكتور", "الدكتورة", "د.", "المهندس", "الأستاذ", "السفير", "السفيرة", "الفريق",
        "اللواء", "نائب", "المندوب", "المندوبة", "الدائم", "الدائمة", "الأمين", "العام", "سعادة",
        "الرئيس", "الوزير", "ولي", "العهد", "سماحة", "فضيلة", "السفيرة", "القائم", "بالأعمال",
    )
)  # fmt: skip
MAX_NAME_WORDS = 7  # "عبد الله بن زايد آل نهيان"
_FUNCTION = frozenset(
    ("أمام", "امام", "في", "على", "خلال", "أمس", "امس", "اليوم", "عن", "من", "إلى", "الى", "حول", "مع", "بعد", "قبل")
)  # fmt: skip


SPEECH_TITLE_RE = re.compile(r"^\W*(?:نص\s+)?(?:كلمة|خطاب|بيان|مداخلة|إحاطة|احاطة)\s")
"""A page titled like a speech: only there is a "كلمة X أمام Y" line a heading to drop."""


def is_speech_title(title: str | None) -> bool:
    return bool(title and SPEECH_TITLE_RE.match(strip_harakat(title)))


def delivery(text: str, *, speech_page: bool = False) -> str | None:
    """The speaker named by a delivery line, "" for an unnamed one, None for other text.
    "كلمة X أمام Y" headings count only on a ``speech_page`` (see :func:`is_speech_title`)."""
    text = clean_text(text) or ""
    if not text or len(text.split()) > MAX_WORDS:
        return None
    plain = strip_harakat(text).strip("() ")
    m = _DELIVERED_RE.match(plain) or _DELIVERED_EN_RE.match(plain)
    if m:
        who = m.group("who").strip(" :()-–—")
        if not who:
            return ""
        name = _person(who)
        return name if name is not None else None
    m = _SPEECH_RE.match(plain) if speech_page else None
    if m:
        return _person(m.group("who"))
    return None


_LATIN_TITLES = frozenset(
    [
        "h.e.",
        "he",
        "his",
        "her",
        "excellency",
        "ambassador",
        "minister",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sheikh",
        "shaikha",
        "prince",
        "princess",
        "president",
        "secretary-general",
        "deputy",
        "permanent",
        "representative",
        "the",
    ]
)


def _latin_person(words: list[str]) -> str | None:
    """ "Ambassador Mohamed Abushahab" → "Mohamed Abushahab" (titles dropped, capitalised words)."""
    while words and words[0].lower() in _LATIN_TITLES:
        words = words[1:]
    name = []
    for w in words:
        if not w[:1].isupper() or w.lower() in _LATIN_TITLES or len(name) >= 4:
            break
        name.append(w)
    return " ".join(name) if len(name) >= 2 else None


def _person(words_text: str) -> str | None:
    """The person's name inside "معالي وزير الخارجية الشيخ عبد الله بن زايد، ...": from the
    first given name that is not a title, up to a comma or a title word."""
    head = re.split(r"\s*[،,(]\s*|\s+[-–—]\s+", words_text, maxsplit=1)[0]
    words = head.split()
    if words and all(w.isascii() for w in words):
        return _latin_person(words)
    if any(w in _FUNCTION for w in words):
        return None  # a sentence of the text, not a speaker's name
    for i, w in enumerate(words):
        if w in STATUS_WORDS or w.startswith("ال") or not starts_with_given_name(words[i:]):
            continue
        name: list[str] = []
        for v in words[i:]:
            if v in STATUS_WORDS or len(name) >= MAX_NAME_WORDS:
                break
            name.append(v)
        if len(name) >= 2 or (name and is_given_name(name[0]) and len(words) == i + 1):
            return " ".join(name)
        return None
    return None
