"""Article body: read the container's blocks and clean them the Arabic-news way.

Clean-up (in order, per block): ad markers, "اقرأ أيضاً" blocks (their links -> ``related``),
"مقالات مشابهة" lists (-> ``similar_titles``), tag lists (-> ``tags``), "المصدر:" credit lines
(-> ``credited_source``), share/follow labels and other boilerplate, inline teaser links, photo
captions/credits, the byline and date lines, a repeated headline. Paragraph order is kept;
paragraphs are joined with a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsbot.extract._deps import (
    boilerplate,
    clean_text,
    first_key_word,
    match_key,
    parse_byline,
    parse_credit,
)
from newsbot.extract.blocks import Block
from newsbot.extract.speech import delivery, is_speech_title

DATELINE_ONLY_RE = re.compile(
    r"^[^\s\d:،,«»()\-–—]{2,20}(?: [^\s\d:،,«»()\-–—]{2,20})?\s*[:\-–—]\s*"
    r"[«\"(]?[^«»\"():]{2,30}[»\")]?$"
)
"""A paragraph that is only "city: «outlet»" / "city - agency" above the text."""


def is_dateline_paragraph(text: str) -> bool:
    """ "الرياض: «الشرق الأوسط»": a place plus a credit, nothing else (checked by the byline parser)."""
    if len(text.split()) > 6 or not DATELINE_ONLY_RE.match(text):
        return False
    try:
        got = parse_byline(text)
    except Exception:
        return False
    return bool(got.get("dateline")) and not got.get("authors")


KICKER_LABELS = ("مباشر", "عاجل", "تغطية مباشرة", "بث مباشر", "حصري", "خاص", "فيديو", "صور")
"""Labels printed above a text ("مباشر" on a live blog): not part of it."""

BYLINE_PREFIX_RE = re.compile(
    r"^\s*(?:كتب|كتبت|كتبه|بقلم|حوار|إعداد|اعداد|تقرير|متابعة|ترجمة|تحرير|بواسطة|By)\s*[:\uff1a]?\s+\S",
)
CREDIT_WORDS = (
    "رويترز",
    "فرانس برس",
    "أ ف ب",
    "ا ف ب",
    "أ.ف.ب",
    "AFP",
    "Reuters",
    "Getty",
    "EPA",
    "AP",
    "الأناضول",
    "أسوشيتد برس",
    "Shutterstock",
    "أرشيفية",
    "ارشيفية",
    "تعبيرية",
    "صورة",
)
CAPTION_END_RE = re.compile(r"\((?:[^()]{1,40})\)\)?\s*$")
_URL_ONLY = re.compile(r"^.{0,80}https?://\S+$")
SENTENCE_END_RE = re.compile(r"[.!?؟…:\"»”]\s*$")


@dataclass
class BodyResult:
    """The cleaned body and what was taken out of it."""

    paragraphs: list[str] = field(default_factory=list)
    related: list[dict[str, str | None]] = field(default_factory=list)
    similar_titles: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    credited_source: str | None = None
    bylines: list[str] = field(default_factory=list)
    date_lines: list[str] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)
    images: list[dict[str, Any]] = field(default_factory=list)

    @property
    def body(self) -> str | None:
        return "\n\n".join(self.paragraphs) or None

    def count(self, reason: str) -> None:
        self.removed[reason] = self.removed.get(reason, 0) + 1


def _is_caption(text: str) -> bool:
    m = CAPTION_END_RE.search(text)
    if len(text.split()) > 25 or m is None:
        return False
    inside = m.group(0)
    return any(w.lower() in inside.lower() for w in CREDIT_WORDS)


COMMENT_POLICY_WORDS = ("التعليقات", "تعليقك", "تعليقاتكم", "التعليق", "الآراء الواردة")
COMMENT_POLICY_RE = re.compile(
    r"(?:" + "|".join(COMMENT_POLICY_WORDS) + r").{0,200}(?:نشر|إرشادات|شروط|تعبر|سياسة)"
    r"|(?:نشر|إرشادات|شروط|تعبر|سياسة).{0,200}(?:" + "|".join(COMMENT_POLICY_WORDS) + r")"
)
"""A reader-comments policy note (trailing only: a sentence of the article may mention comments)."""
SIGN_OFF_RE = re.compile(
    r"^\W*(?:[\u0621-\u064a]{1,2}(?:\.[\u0621-\u064a]{1,2}){0,3}\.?\s*[/،,]?\s*){0,4}"
    r"[-–—]*\s*\([^()]{2,30}\)\W*$"
)
"""A trailing agency sign-off on its own line: "--(بترا)", "(رويترز)", or after the editors'
initials: "ع.ج.م/ ع.ش (د ب أ، رويترز)"."""
LABEL_ONLY_RE = re.compile(r"^[^\d:]{2,20}:$")
"""A field label alone on its line ("المصدر:"), its value on the next one."""


ARABIC_RE = re.compile("[\u0600-\u06ff]")


def _split_title_blocks(blocks: list[Block], title_key: str | None) -> set[int]:
    """Indexes of two consecutive blocks that together repeat the headline (split by <br>)."""
    first = title_key.split(None, 1)[0] if title_key else ""
    if not first:
        return set()
    for i in range(len(blocks) - 1):
        if first_key_word(blocks[i].text) != first:
            continue  # the first block's key would not start the headline's key
        a, b = match_key(blocks[i].text), match_key(blocks[i + 1].text)
        if a and b and f"{a} {b}" == title_key:
            return {i, i + 1}
    return set()


def _merge_labels(blocks: list[Block]) -> list[Block]:
    """Join a lone "label:" block with the value block that follows it."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and LABEL_ONLY_RE.match(prev.text.strip())
            and len(block.text.split()) <= 8
        ):
            out[-1] = Block(
                text=f"{prev.text.strip()} {block.text.strip()}",
                tag=prev.tag,
                link_chars=prev.link_chars + block.link_chars,
                links=prev.links + block.links,
            )
            continue
        out.append(block)
    return out


def _label_rest(text: str, is_label: Callable[[str], bool]) -> tuple[bool, str]:
    """(True, rest) when ``text`` is a label, alone or followed by ':' and more text."""
    if is_label(text):
        return True, ""
    head, sep, rest = text.partition(":")
    if sep and len(head.split()) <= 5 and is_label(head):
        return True, rest.strip()
    return False, text


def _add_related(out: BodyResult, links: Iterable[tuple[str, str]], page_url: str) -> None:
    seen = {r["url"] for r in out.related}
    for href, title in links:
        if not href.startswith(("http://", "https://")) or href.split("#")[0] == page_url:
            continue
        if boilerplate.is_related_label(clean_text(title)):
            continue  # an "اقرأ المزيد" button: a link to a section, not a related article
        if href not in seen:
            out.related.append({"url": href, "title": clean_text(title) or None})
            seen.add(href)


def clean_blocks(
    blocks: list[Block],
    *,
    page_url: str = "",
    title: str | None = None,
    bylines: Iterable[str] = (),
    extra_boilerplate: tuple[str, ...] = (),
    related_labels: tuple[str, ...] = (),
    is_date_line: Callable[[str], bool] | None = None,
) -> BodyResult:
    """Turn raw blocks into clean paragraphs plus the side information found among them."""
    out = BodyResult()
    title_key = match_key(title) if title else None
    byline_keys = {match_key(b) for b in bylines if b}
    key_heads = {(k.split() or [""])[0] for k in (*byline_keys, title_key or "")}
    speech_page = is_speech_title(title)
    cards: list[tuple[str, str]] = []

    def is_related(text: str) -> bool:
        return bool(boilerplate.is_related_label(text, related_labels))

    is_site_block = boilerplate.is_site_block_label
    split_teaser = boilerplate.split_teaser

    mode: str | None = None
    merged = _merge_labels(blocks)
    skip_title = _split_title_blocks(merged, title_key)
    for i, block in enumerate(merged):
        if i in skip_title:
            out.count("title")
            continue
        text = clean_text(boilerplate.strip_inline_markers(clean_text(block.text)))
        if not text:
            if block.text.strip():
                out.count("ad-marker")
            continue
        words = len(text.split())
        linky = block.link_density > 0.6 and words <= 40
        if mode == "related":
            if linky:
                _add_related(out, block.links, page_url)
                continue
            mode = None
        if mode == "similar":
            if words <= 60 and not is_related(text) and not block.links:
                out.similar_titles.append(text)
                continue
            mode = None
        if mode == "site":
            if block.link_density > 0.5 or words <= 3:
                out.count("site-block")
                continue
            mode = None
        if mode == "tags":
            if linky and words <= 8:
                out.tags.extend(clean_text(t) for _, t in block.links if clean_text(t))
                continue
            mode = None
        label, rest = _label_rest(text, is_related)
        if label:
            _add_related(out, block.links, page_url)
            mode = "related"
            continue
        if is_site_block(text):
            mode = "site"
            out.count("site-block")
            continue
        teaser = split_teaser(text) if block.links else None
        if teaser:
            _add_related(out, block.links, page_url)
            out.count("teaser")
            continue
        label, rest = _label_rest(text, boilerplate.is_similar_label)
        if label:
            if rest:
                out.similar_titles.append(rest)
            mode = "similar"
            continue
        m = boilerplate.TAG_LABEL_RE.match(text)
        if m:
            tags = [clean_text(t) for _, t in block.links if clean_text(t)]
            rest = text[m.end() :].strip()
            if not tags and rest:
                parts = re.split(r"\s*[,،|]\s*", rest)
                tags = parts if len(parts) > 1 else rest.split()
            out.tags.extend(tags)
            mode = "tags" if not rest else None
            continue
        if (
            len(out.paragraphs) <= 2
            and (who := delivery(text, speech_page=speech_page)) is not None
        ):
            if who:
                out.bylines.append(who)  # "كما ألقاه السفير X": the speaker is the author
            out.count("delivery")
            continue
        credit = parse_credit(text)
        if credit and words <= 8:
            if "(" in text:  # "المصدر: (أبوظبي - البيان)": a house credit with a dateline
                out.bylines.append(text)
            else:
                out.credited_source = out.credited_source or credit
            out.count("credit")
            continue
        if words <= 8 and not block.links and SIGN_OFF_RE.match(text):
            out.bylines.append(text)  # "--(بترا)": the agency sign-off line
            out.count("sign-off")
            continue
        if is_date_line and words <= 20 and is_date_line(text):
            out.date_lines.append(text)
            out.count("date-line")
            continue
        if boilerplate.is_boilerplate_line(text, extra_boilerplate):
            out.count("boilerplate")
            continue
        # a text whose key starts with none of their first words is neither (not keyed whole)
        key = match_key(text) if first_key_word(text) in key_heads else None
        if title_key and key == title_key:
            out.count("title")
            continue
        if key in byline_keys or (words <= 8 and BYLINE_PREFIX_RE.match(text)):
            out.bylines.append(text)
            out.count("byline")
            continue
        if not out.paragraphs and text.strip(" :|-") in KICKER_LABELS:
            out.count("kicker")
            continue
        if not out.paragraphs and is_dateline_paragraph(text):
            out.bylines.append(text)
            out.count("dateline")
            continue
        if block.link_density > 0.5 and words <= 30 and block.links and not _URL_ONLY.match(text):
            if out.paragraphs and all(len(t.split()) >= 4 for _, t in block.links):
                cards.extend(block.links)  # a card of a grid, if no more text follows
            out.count("teaser")  # inline teaser / link-only line
            continue
        if _is_caption(text):
            out.count("caption")
            continue
        if not out.paragraphs and words <= 3 and not ARABIC_RE.search(text):
            out.count("reference")  # "IP/09/1494": a reference code above the text
            continue
        out.paragraphs.append(text)
        cards.clear()  # the links were inline teasers inside the text
    if len({href for href, _ in cards}) >= 2:
        _add_related(out, cards, page_url)  # an unlabelled card grid closing the text
    # A comment-policy note closing the text ("ترحب شبكة ... بالنقاش ... التعليقات") is not text.
    while out.paragraphs and COMMENT_POLICY_RE.search(out.paragraphs[-1]):
        out.paragraphs.pop()
        out.count("comment-policy")
    # Trailing single-word leftovers (tag chips, "المزيد") are not text.
    while (
        out.paragraphs and len(out.paragraphs[-1].split()) <= 2 and "://" not in out.paragraphs[-1]
    ):
        out.paragraphs.pop()
        out.count("trailing")
    return out
