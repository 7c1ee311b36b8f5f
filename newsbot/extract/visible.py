"""Generic visible-text fallbacks: date lines near the headline, bylines, tag lists, breadcrumbs."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree
from parsel import Selector

from newsbot.extract._deps import (
    arabic_ratio,
    boilerplate,
    clean_text,
    match_key,
    parse_byline,
    parse_credit,
)
from newsbot.extract.metadata import overlap
from newsbot.extract.tree import (
    digit_holders,
    elements,
    first_texts,
    marked,
    may_hold,
    short_text,
    short_texts,
    tagged,
    xpath,
)

TITLE_MARK_RE = re.compile(r"title|titre|headline", re.I)
TODAY_RE = re.compile(r"today|current-?date|clock|now-?date|header-?date|date-?now|top-?bar", re.I)
"""Header widgets showing the time the page was served, not the article date."""
DATE_MARK_RE = re.compile(
    r"date|time|publish|posted|pubdate|submitted|info|meta|timestamp|tarih|تاريخ", re.I
)
UPDATE_MARK_RE = re.compile(r"update|modif", re.I)
DATE_LABEL_RE = re.compile(r"نشر في|نُشر في|تاريخ النشر|نشر بتاريخ|نُشر بتاريخ|تم نشره|تم النشر")
UPDATE_LABEL_RE = re.compile(r"آخر تحديث|اخر تحديث|تم التحديث|محدثة|تحديث في")
BYLINE_MARK_RE = re.compile(
    r"author|byline|writer|reporter|editor-?name|kateb|katib|contributor|signature|"
    r"correspondent|muhabir|"
    r"(?:^|[\s_-])(?:article|news|post|story)?-?source(?:$|[\s_])",
    re.I,
)
"""Byline boxes; a bare "source" box near the headline is the house/agency credit line."""
BYLINE_TEXT_RE = re.compile(r"^\s*(?:كتب|كتبت|بقلم|حوار|إعداد|تقرير)\s*[:\uff1a]?\s+\S")
BYLINE_WORD_RE = re.compile(r"كتب|بقلم|حوار|إعداد|تقرير")
"""Pre-filter: a text matching ``BYLINE_TEXT_RE`` holds one of these words."""
_PREFIXED_TAGS = frozenset(("p", "span", "div", "strong", "b"))
TAGS_MARK_RE = re.compile(
    r"(?:^|[\s_-])(?:tags?|keywords?|post-?tags|tag-?list|topics|hashtags?)(?:$|[\s_-])"
    r"|(?-i:[a-z](?:Tags?|Keywords|Topics|Hashtags?))(?:$|[\s_-])",  # camelCase "articleTags"
    re.I,
)
TAG_HREF_RE = re.compile(r"/(?:tags?|topics?|keywords?|hashtags?|label)/", re.I)
"""Links to topic pages: a box of them is a tag list even under a "مواضيع ذات صلة" label."""
CRUMB_MARK_RE = re.compile(
    r"breadcrumb|(?:^|[\s_-])crumbs?(?:$|[\s_-])|pathway|page-?location", re.I
)
DIGIT_RE = re.compile(r"[0-9٠-٩۰-۹]")
_TAGS_WORDS = ("tag", "keyword", "topic")
_CRUMB_WORDS = ("crumb", "pathway", "location")
"""One of these is in every text ``TAGS_MARK_RE`` / ``CRUMB_MARK_RE`` matches (case aside)."""


_H12 = frozenset(("h1", "h2"))
_TITLE_LIKE_TAGS = frozenset(("h1", "h2", "p", "div", "span"))
_TAG_BOX_TAGS = frozenset(("div", "ul", "section", "p", "span", "nav"))
_A = frozenset(("a",))
_REL_TAG = xpath("//@rel/parent::a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")
"""``//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]`` (only an ``<a>`` with a
``rel`` can match), reached from the ``rel`` attributes: libxml2 then tests the few links that
have one instead of every ``<a>``."""


def _text(el: etree._Element) -> str:
    return clean_text(" ".join(t for t in el.itertext() if isinstance(t, str)))


_NO_DATE_TAGS = frozenset(("script", "style", "a", "option", "head", "meta", "title"))


def _after(root: etree._Element, anchor: etree._Element | None) -> list[etree._Element]:
    """Elements after ``anchor`` in document order (all elements without an anchor)."""
    els = elements(root)
    if anchor is None:
        return els
    try:
        return els[els.index(anchor) + 1 :]  # (elements compare by identity: a C-level scan)
    except ValueError:
        return els


def find_h1(sel: Selector, heading: str | None) -> etree._Element | None:
    """The element showing the headline: an exact ``<h1>``/``<h2>`` match, else the ``<h1>`` (or
    title-styled element) sharing most of its words."""
    root = sel.root
    if not heading or not isinstance(root, etree._Element):
        return None
    key = match_key(heading)
    for h in tagged(root, _H12):
        if match_key(_text(h)) == key:
            return h
    best, best_score = None, 0.6
    for h in tagged(root, _TITLE_LIKE_TAGS):
        if h.tag in ("p", "div", "span") and not TITLE_MARK_RE.search(h.get("class") or ""):
            continue
        text = short_text(h, 400)
        if not text:
            continue
        score = overlap(text, heading)
        if score > best_score:
            best, best_score = h, score
    return best


def date_texts(
    sel: Selector, anchor: etree._Element | None, limit: int = 400
) -> tuple[list[str], list[str]]:
    """(published candidates, modified candidates) from visible text after the headline."""
    pub: list[str] = []
    mod: list[str] = []
    root = sel.root
    if not isinstance(root, etree._Element):
        return pub, mod
    digits = digit_holders(root)
    cands = [
        el
        for el in _after(root, anchor)[:limit]
        if el in digits and el.tag not in _NO_DATE_TAGS  # no digit in its text: no date
    ]
    raws = short_texts(cands, 160)
    for el in cands:
        marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
        if TODAY_RE.search(marks):
            continue
        raw = raws.get(el)
        if raw is None or not DIGIT_RE.search(raw):
            continue  # no digit: no date (checked before the costlier clean-up)
        text = _text(el)
        if not text or len(text) > 120 or not DIGIT_RE.search(text):
            continue
        if UPDATE_LABEL_RE.search(text) or (
            UPDATE_MARK_RE.search(marks) and DATE_MARK_RE.search(marks)
        ):
            mod.append(text)
            continue
        if el.tag == "time" or DATE_MARK_RE.search(marks) or DATE_LABEL_RE.search(text):
            pub.append(text)
    return pub, mod


_MARK_ATTRS = frozenset(("class", "id", "itemprop", "rel", "aria-labelledby"))
_NO_MARKS = "    "
"""The byline marks string of an element without any of ``_MARK_ATTRS``."""


def byline_texts(
    sel: Selector,
    anchor: etree._Element | None,
    limit: int = 600,
    hidden: re.Pattern[str] | None = None,
) -> list[str]:
    """Visible byline candidates: author-ish elements and "كتب ..." lines after the headline."""
    root = sel.root
    out: list[str] = []
    if not isinstance(root, etree._Element):
        return out
    verdicts: dict[str, tuple[bool, bool, bool]] = {}
    els = _after(root, anchor)[:limit]
    # short_text(el, 120) of the "كتب ..." candidates, innermost first (a long box's ancestors
    # are not read again)
    raws = short_texts([e for e in els if e.tag in _PREFIXED_TAGS], 120)
    for el in els:
        if el.tag in ("script", "style", "meta", "link", "head"):
            continue
        marks = (
            _NO_MARKS  # none of the attributes (a C-level test: most elements have none)
            if _MARK_ATTRS.isdisjoint(el.keys())
            else f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
            f" {el.get('rel', '')} {el.get('aria-labelledby', '')}"
        )
        verdict = verdicts.get(marks)
        if verdict is None:  # one set of searches per distinct marks string
            verdict = verdicts[marks] = _mark_verdict(marks)
        comment, marked, info = verdict
        if comment:
            continue  # the comment form, not a byline
        if not marked and not info:
            # Only a "كتب ..." line can still qualify: its prefix word is in the raw text.
            raw = raws.get(el) if el.tag in _PREFIXED_TAGS else None
            if raw is None or not BYLINE_WORD_RE.search(clean_text(raw)):
                continue
        if "Organization" in (el.get("itemtype") or "") or _PUBLISHER_OR_FORM(el):
            continue  # the outlet or a form (checked after the cheaper tests: same outcome)
        if in_topic_block(el):
            continue  # keywords, tags, categories, breadcrumbs, menus: topics, never credits
        if (raws.get(el) if el.tag in _PREFIXED_TAGS else short_text(el, 120)) is None:
            continue
        items = el.findall(".//li") if marked else []
        text = _byline_text(items[0] if items else el, hidden)
        segment = bool(text and "|" in text and info)
        if segment:
            text = _credit_segment(text)  # "الخرطوم: الراكوبة | 03-07-2024": credit + date
        if not text or len(text) > 80 or re.search(r"[0-9٠-٩]{3,}", text):
            continue
        if text.startswith(CREDIT_PREFIXES) or _text(el).startswith(CREDIT_PREFIXES):
            continue  # "المصدر: ...": a credit line (credit_line / the body clean-up read it)
        prefixed = el.tag in _PREFIXED_TAGS and BYLINE_TEXT_RE.match(text)
        if (marked or prefixed or segment) and text not in out:
            out.append(text)
    return out


_PUBLISHER_OR_FORM = xpath("ancestor-or-self::*[@itemprop='publisher'] | ancestor::form")
COMMENT_RE = re.compile(r"comment|reply|respond", re.I)
TOPIC_BOX_RE = re.compile(
    r"^(?:[\w-]*[-_])?(?:nav|navbar|navigation|menu|breadcrumbs?|keywords?|tags|tag-?list|hashtags?"
    r"|topics|categories|category-?list|cat-?links|kicker)$",
    re.I,
)
"""Class/id tokens of boxes holding topics (keywords, tags, categories, menus), the box word
last ("post-tags", "field--name-field-tags"); WordPress's per-post "category-x"/"tag-y" classes
on the <article> are not boxes. Their words are never credits."""


def in_topic_block(el: etree._Element, depth: int = 3) -> bool:
    """``el`` sits in (or is) a keyword/tag/category/navigation box, or every link it holds
    points to a topic page."""
    for i, a in enumerate([el, *el.iterancestors()]):
        if i > depth or not isinstance(a.tag, str):
            break
        marks = f"{a.get('class', '')} {a.get('id', '')}".split()
        if a.tag == "nav" or any(TOPIC_BOX_RE.match(m) for m in marks):
            return True
    links = [x.get("href") or "" for x in el.iter("a")]
    if links and all(NON_PERSON_LINK_RE.search(h) or TAG_HREF_RE.search(h) for h in links):
        return True
    boxes = [
        d
        for d in el.iterdescendants()
        if isinstance(d.tag, str)
        and (d.tag == "nav" or any(TOPIC_BOX_RE.match(m) for m in (d.get("class") or "").split()))
    ]
    if not boxes:
        return False
    inside = sum(len(_text(b)) for b in boxes)
    return inside >= 0.9 * len(_text(el))  # all its text sits in keyword/tag boxes


INFO_MARK_RE = re.compile(r"info|meta", re.I)
_BYLINE_MARK_WORDS = (
    "author", "byline", "writer", "reporter", "editor", "kateb", "katib", "contributor",
    "signature", "correspondent", "muhabir", "source",
)  # fmt: skip
"""One of these is in every text ``BYLINE_MARK_RE`` matches (case aside)."""


def _mark_verdict(marks: str) -> tuple[bool, bool, bool]:
    """(``COMMENT_RE``, ``BYLINE_MARK_RE``, ``INFO_MARK_RE`` found in ``marks``). An ASCII
    string (class names nearly always are) is tested with substring checks on its lower case,
    the same as those ``re.I`` searches there; ``BYLINE_MARK_RE`` runs only when one of its
    words is present."""
    if not marks.isascii():
        return (
            COMMENT_RE.search(marks) is not None,
            BYLINE_MARK_RE.search(marks) is not None,
            INFO_MARK_RE.search(marks) is not None,
        )
    low = marks.lower()
    return (
        "comment" in low or "reply" in low or "respond" in low,
        any(w in low for w in _BYLINE_MARK_WORDS) and BYLINE_MARK_RE.search(marks) is not None,
        "info" in low or "meta" in low,
    )


def _credit_segment(text: str) -> str:
    """The "place: outlet" segment of a "|"-separated info line, or ``""``."""
    for seg in text.split("|"):
        seg = seg.strip()
        if seg and not re.search(r"[0-9٠-٩]", seg):
            parsed = parse_byline(seg)
            if parsed["dateline"] and (parsed["agencies"] or parsed["authors"]):
                return seg
    return ""


NON_PERSON_LINK_RE = re.compile(
    r"/(?:category|categories|section|sections|tag|tags|topics?)/", re.I
)


ROLE_MARK_RE = re.compile(r"(?:^|[\s_-])(?:role|job|bio|position|designation)(?:$|[\s_-])", re.I)


def _byline_text(el: etree._Element, hidden: re.Pattern[str] | None = None) -> str:
    """Text of a byline element without category / tag links and hidden parts."""
    named = el.xpath(".//*[@itemprop='name']")
    if named:
        return _text(named[0])
    parts: list[str] = []
    _byline_walk(el, el, hidden, parts)
    return clean_text(" ".join(parts))


def _byline_walk(
    e: etree._Element, top: etree._Element, hidden: re.Pattern[str] | None, parts: list[str]
) -> None:
    """The text pieces of ``e`` (inside the byline element ``top``) for :func:`_byline_text`.
    (Not a nested function: one calling itself is a reference cycle holding the page's tree.)"""
    if not isinstance(e.tag, str):
        return
    if e.get("aria-hidden") == "true" or (hidden and hidden.search(e.get("class") or "")):
        return
    if e.tag == "a" and NON_PERSON_LINK_RE.search(e.get("href") or ""):
        parts.append(" ")
    elif e is not top and ROLE_MARK_RE.search(e.get("class") or ""):
        parts.append(" ")  # "صحافي متخصص في ...": the author's job line, not the name
    elif e.tag not in ("script", "style", "time"):
        parts.append(e.text or "")
        for c in e:
            _byline_walk(c, top, hidden, parts)
            parts.append(c.tail or "")


def _same_site(href: str, page_url: str) -> bool:
    """``href`` is relative or on the page's registered domain (last two host labels)."""
    host = urlsplit(href).hostname
    if not host or not page_url:
        return True
    page_host = urlsplit(page_url).hostname or ""
    return host.split(".")[-2:] == page_host.split(".")[-2:]


def _tag_text(a: etree._Element) -> str:
    """A tag link's topic: a hashtag ``#الأرصاد_الجوية`` reads as ``الأرصاد الجوية``."""
    text = clean_text(" ".join(a.itertext()))
    if text.startswith("#"):
        text = clean_text(text.lstrip("#").replace("_", " "))
    return text


def tag_links(sel: Selector, page_url: str = "") -> list[str]:
    """Texts of links inside elements named like tag lists (off-site links, e.g. a "follow us
    on Telegram" link in the same box, are not topics)."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return []
    rel = [
        _tag_text(a)
        for a in _REL_TAG(root)
        if "category" not in (a.get("rel") or "")  # WordPress rel="category tag" = the section
    ]
    rel = [t for t in rel if t and len(t) <= 60]
    if rel:
        return list(dict.fromkeys(rel))
    verdicts: dict[str, bool] = {}  # one regex search per distinct class/id string
    for el, marks in marked(root):
        if el.tag not in _TAG_BOX_TAGS:
            continue
        ok = verdicts.get(marks)
        if ok is None:
            ok = verdicts[marks] = may_hold(marks, _TAGS_WORDS) and bool(TAGS_MARK_RE.search(marks))
        if not ok:
            continue
        links = list(el.iter("a"))
        if not all(TAG_HREF_RE.search(a.get("href") or "") for a in links) and any(
            boilerplate.is_related_label(_text(c))
            for c in el.iter("strong", "b", "h2", "h3", "h4", "span", "p", "div")
            if c is not el
        ):
            continue  # an "اقرأ أيضاً" box styled like a tag list (article links, not topics)
        tags = [_tag_text(a) for a in links if _same_site(a.get("href") or "", page_url)]
        tags = [t for t in tags if t and len(t) <= 60]
        if tags:
            return list(dict.fromkeys(tags))
    return []


def breadcrumb(sel: Selector, title: str | None) -> str | None:
    """Last breadcrumb item that is not the headline itself."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return None
    tkey = match_key(title or "")
    verdicts: dict[str, bool] = {}  # one regex search per distinct class/id string
    for el, marks in marked(root):
        ok = verdicts.get(marks)
        if ok is None:
            ok = verdicts[marks] = may_hold(marks, _CRUMB_WORDS) and bool(
                CRUMB_MARK_RE.search(marks)
            )
        if not ok:
            continue
        items = [clean_text(" ".join(x.itertext())) for x in el.iter("a", "li", "span")]
        items = [i for i in items if i and len(i) <= 50 and match_key(i) != tkey]
        # nested li>a duplicates: keep order, unique
        items = list(dict.fromkeys(items))
        if len(items) >= 2:
            return items[-1]
    return None


CATEGORY_HREF_RE = re.compile(r"/(?:category|categories|section|sections|cat)/[^/?#]+/?$", re.I)
CATEGORY_MARK_RE = re.compile(
    r"categor|(?:^|[\s_-])(?:cat|section-?label|kicker|rubri(?:c|que))", re.I
)
"""A link styled as the article's category label next to the headline."""
ACTIVE_RE = re.compile(r"(?:^|[\s_-])(?:active|current|selected|nav-on|on)(?:$|[\s_-])", re.I)
HOME_WORDS = ("الرئيسية", "الرئيسيه", "Home", "home")


_CHROME_CLASS_RE = re.compile(r"nav|menu")


def _in_chrome(el: etree._Element) -> bool:
    return any(
        isinstance(a.tag, str)
        and (
            a.tag in ("nav", "header", "footer")
            or _CHROME_CLASS_RE.search(a.get("class", "") or "")
        )
        for a in el.iterancestors()
    )


def category_link(anchor: etree._Element | None) -> str | None:
    """The category link printed in the article's own header box (near the headline)."""
    if anchor is None:
        return None
    for depth, box in enumerate(anchor.iterancestors()):
        if depth >= 4:
            break
        for a in box.iter("a"):
            text = _text(a)
            if not text or len(text) > 40 or _in_chrome(a):
                continue
            parent = a.getparent()
            marks = f"{a.get('class', '')} {parent.get('class', '') if parent is not None else ''}"
            if CATEGORY_HREF_RE.search(a.get("href") or "") or (
                CATEGORY_MARK_RE.search(marks) and len(text.split()) <= 4
            ):
                return text
    return None


def active_nav_item(sel: Selector) -> str | None:
    """The highlighted link of the site navigation (the page's section), not the home link."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return None
    for a in tagged(root, _A):
        if not ACTIVE_RE.search(a.get("class", "") or "") or a.getparent() is None:
            continue
        if a.getparent().tag != "li" and not _in_chrome(a):
            continue
        text = _text(a)
        if text and len(text) <= 30 and text not in HOME_WORDS and arabic_ratio(text) > 0.5:
            return text
    return None


_CREDIT_TAGS = frozenset(("div", "p", "span", "section", "footer", "li", "strong"))
CREDIT_PREFIXES = ("المصدر", "المصادر", "مصدر الخبر", "نقلا عن", "نقلاً عن", "Source")
NOT_OWN_CREDIT_RE = re.compile(
    r"related|read-?also|next-?post|teaser|similar|widget|sidebar|comment", re.I
)


_CREDIT_HEADS = frozenset(p[0] for p in CREDIT_PREFIXES)


def _may_open_credit(text: str) -> bool:
    """False when ``clean_text(text)`` cannot start with a credit prefix, told from the first
    visible character: it is kept as it is unless clean-up drops it (not a letter or digit) or
    folds it (a presentation form, U+FB50 on)."""
    head = text.lstrip()[:1]
    return head in _CREDIT_HEADS or head >= "\ufb50" or not head.isalnum()


def credit_line(sel: Selector, anchor: etree._Element | None, limit: int = 3000) -> str | None:
    """The outlet of the first "المصدر: X" line after the headline, outside related/teaser boxes."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return None
    firsts = first_texts(root)
    verdicts: dict[str, bool] = {}  # nested boxes often share their first text piece
    for el in _after(root, anchor)[:limit]:
        if el.tag not in _CREDIT_TAGS:
            continue
        first = firsts.get(el, "")
        ok = verdicts.get(first)
        if ok is None:
            ok = verdicts[first] = _may_open_credit(first) and clean_text(first).startswith(
                CREDIT_PREFIXES
            )
        if not ok:
            continue  # cheap test on the first text piece before reading the whole element
        text = short_text(el, 80)
        if not text or not text.lstrip().startswith(CREDIT_PREFIXES):
            continue
        if in_topic_block(el) or any(
            NOT_OWN_CREDIT_RE.search(f"{a.get('class', '')} {a.get('id', '')}")
            for a in [el, *el.iterancestors()]
        ):
            continue
        if text.partition(":")[2].strip().startswith("("):
            continue  # "(أبوظبي - البيان)": a house byline with a dateline, not a credit
        credit = parse_credit(text)
        if credit:
            return credit
    return None
