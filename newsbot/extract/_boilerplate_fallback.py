"""Stand-in for ``newsbot.text.boilerplate`` while that module is not there (see ``_deps``)."""

from __future__ import annotations

import re

RELATED_LABELS = ("اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضاً", "إقرأ أيضا", "اقرأ ايضا", "مواضيع ذات علاقة",
                  "مواضيع ذات صلة", "مقالات ذات صلة", "أخبار ذات صلة", "الموضوعات المتعلقة",
                  "المزيد حول هذه القصة", "انظر أيضا", "قصص مقترحة", "اقرأ المزيد")
SIMILAR_LABELS = ("مقالات مشابهة", "أخبار مشابهة", "مواضيع مشابهة")
TAG_LABEL_RE = re.compile(r"^\s*(كلمات دلالية|الكلمات الدلالية|الكلمات الدالة|الوسوم|وسوم|كلمات مفتاحية|Tags)\s*[:：]?\s*")
_LINES = re.compile(
    r"^\s*(مادة (ا|إ)علانية|إعلان|اعلان|شارك|مشاركة|تابعوا .* عبر .*|share|advertisement)\s*[:：]?\s*$",
    re.I,
)


def _norm(s: str) -> str:
    return re.sub(r"[\s:：.،]+$", "", re.sub(r"[أإآ]", "ا", s.strip()))


def is_related_label(text: str, extra: tuple[str, ...] = ()) -> bool:
    return _norm(text) in {_norm(x) for x in (*RELATED_LABELS, *extra)}


def is_similar_label(text: str) -> bool:
    return _norm(text) in {_norm(x) for x in SIMILAR_LABELS}


def is_boilerplate_line(line: str, extra: tuple[str, ...] = ()) -> bool:
    return bool(_LINES.match(line)) or any(re.search(p, line) for p in extra)


def strip_inline_markers(text: str) -> str:
    return re.sub(r"\s*مادة (ا|إ)علانية\s*", " ", text).strip()
