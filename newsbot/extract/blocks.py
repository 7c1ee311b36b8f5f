"""Read an HTML container as text blocks (paragraphs), in page order.

A block is one paragraph as a reader sees it: a ``<p>``/heading/list item, or a run of text
between ``<br>`` line breaks. Scripts, embeds, figures/captions, forms and elements whose
class/id says ad / share / social / caption / related are skipped while reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree

from newsbot.text.boilerplate import split_teaser

SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "iframe",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "svg",
        "figure",
        "figcaption",
        "img",
        "picture",
        "video",
        "audio",
        "object",
        "embed",
        "canvas",
        "template",
        "ins",
        "nav",
        "aside",
        "footer",
        "head",
        "title",
        "label",
        "map",
        "math",
    ]
)
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "section",
        "article",
        "header",
        "main",
        "table",
        "tr",
        "td",
        "th",
        "dl",
        "dt",
        "dd",
        "pre",
        "hr",
        "center",
        "address",
        "details",
        "summary",
    ]
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])

SKIP_CLASS_PARTS = frozenset(
    [
        "ad",
        "ads",
        "adv",
        "advert",
        "advertisement",
        "advertising",
        "dfp",
        "gpt",
        "banner",
        "sponsor",
        "sponsored",
        "promo",
        "share",
        "shares",
        "sharing",
        "social",
        "caption",
        "credit",
        "credits",
        "related",
        "newsletter",
        "subscribe",
        "comment",
        "comments",
        "outbrain",
        "taboola",
        "widget",
        "breadcrumb",
        "breadcrumbs",
        "popular",
        "tag",
        "tags",
        "keywords",
        "print",
        "byline",
        "vidverto",
        "aries",
        "teads",
        "player",
    ]
)
"""A class token with one of these ``-``/``_`` separated parts marks non-text ("ad-slot", "share_box")."""
SKIP_CLASS_TOKENS = frozenset(
    [
        "hidden",
        "hide",
        "d-none",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
    ]
)
"""Whole class tokens that hide an element ("field-label-hidden" is not one of them)."""
SKIP_CLASS_PHRASES_RE = re.compile(
    r"most-?read|read-?more|also-?read|photo-?credit|author-?box|video-?player|social-?share|"
    r"caption|advert|sponsor|taboola|outbrain|vidverto|newsletter",
    re.I,
)
"""Fragments that mark non-text anywhere in a token, camelCase included ("uplCaption")."""
NEGATED_CLASS_RE = re.compile(r"^(?:no|not|non|without)[-_]")
""""no-share", "no-ads": the class says the element is NOT a share box."""


def class_marks_skip(marks: str) -> bool:
    """True when class/id tokens say the element is an ad, share box, caption, hidden ... ."""
    for tok in marks.lower().split():
        if NEGATED_CLASS_RE.match(tok):
            continue
        if tok in SKIP_CLASS_TOKENS or SKIP_CLASS_PHRASES_RE.search(tok):
            return True
        if any(part in SKIP_CLASS_PARTS for part in re.split(r"[-_]", tok)):
            return True
    return False


HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass
class Block:
    """One paragraph of text with the links it contains."""

    text: str = ""
    tag: str = "p"
    link_chars: int = 0
    links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def link_density(self) -> float:
        n = len(self.text.replace(" ", ""))
        return self.link_chars / n if n else 0.0


def skipped(el: etree._Element, extra_class_re: re.Pattern[str] | None = None) -> bool:
    """True for an element that never holds article text."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in SKIP_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style and HIDDEN_STYLE_RE.search(style):
        return True
    marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('aria-labelledby', '')}"
    if marks.strip() and class_marks_skip(marks):
        return True
    return bool(extra_class_re and marks.strip() and extra_class_re.search(marks))


class _Reader:
    def __init__(self, base: str, skip_re: re.Pattern[str] | None, removed: set[int]) -> None:
        self.base = base
        self.skip_re = skip_re
        self.removed = removed
        self.blocks: list[Block] = []
        self.cur = Block()
        self.parts: list[str] = []
        self.in_link: str | None = None

    def flush(self, tag: str = "p") -> None:
        text = " ".join("".join(self.parts).split())  # = re.sub(r"\s+", " ", ...).strip()
        if text:
            self.cur.text = text
            self.cur.tag = tag if self.cur.tag == "p" else self.cur.tag
            self.blocks.append(self.cur)
        self.cur = Block()
        self.parts = []

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        self.parts.append(text)
        if self.in_link is not None:
            self.cur.link_chars += len(text.replace(" ", "").strip())

    def walk(self, el: etree._Element, root: bool = False) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            return
        tag = el.tag.lower()
        if not root and (id(el) in self.removed or skipped(el, self.skip_re)):
            return
        if tag == "br":
            self.flush()
            return
        is_block = tag in BLOCK_TAGS
        if not root and not is_block and tag in TEASER_TAGS and self._side_teaser(el):
            return
        if is_block:
            self.flush()
            if tag in HEADING_TAGS:
                self.cur.tag = "h"
            elif tag == "li":
                self.cur.tag = "li"
        prev_link = self.in_link
        if tag == "a" and el.get("href"):
            href = urljoin(self.base, el.get("href", "").strip())
            self.in_link = href
            text = " ".join("".join(el.itertext()).split())
            title = (el.get("title") or "").strip()
            if text or title:
                self.cur.links.append((href, title if len(title) > len(text) else text))
        self.add_text(el.text)
        for child in el:
            self.walk(child)
            if isinstance(child.tag, str) and child.tag.lower() in BLOCK_TAGS | {"br"}:
                pass
            self.add_text(child.tail)
        self.in_link = prev_link
        if is_block:
            self.flush("h" if tag in HEADING_TAGS else "p")

    def _side_teaser(self, el: etree._Element) -> bool:
        """An "اقرأ أيضاً: <link>" run inside a paragraph becomes a block of its own (placed
        before the paragraph), so the text around it stays one paragraph."""
        if el.find(".//a[@href]") is None and not (el.tag == "a" and el.get("href")):
            return False
        first = next((t for t in el.itertext() if t.strip()), "")
        if len(first) > 40 or split_teaser(" ".join(el.itertext())) is None:
            return False
        side = _Reader(self.base, self.skip_re, self.removed)
        side.walk(el, root=True)
        side.flush()
        self.blocks.extend(side.blocks)
        return True


TEASER_TAGS = frozenset(["strong", "b", "span", "em", "i", "small", "u"])
"""Inline elements that may hold a "read also" teaser in the middle of a paragraph."""


def read_blocks(
    container: etree._Element,
    base: str,
    *,
    skip_class_re: re.Pattern[str] | None = None,
    removed: set[int] | None = None,
) -> list[Block]:
    """Paragraph blocks of ``container`` in page order (``removed``: ids of elements to skip)."""
    reader = _Reader(base, skip_class_re, removed or set())
    reader.walk(container, root=True)
    reader.flush()
    return reader.blocks


_CSS_RULE_RE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_HIDING_RE = re.compile(
    r"clip\s*:\s*rect\(\s*(?:0|1px)|clip-path\s*:\s*inset\(\s*(?:50|100)%|display\s*:\s*none", re.I
)
_HIDING_LOW_RE = re.compile(_HIDING_RE.pattern)
"""``_HIDING_RE`` for lowered ASCII text (its pattern is all lower case)."""
_CLASS_SEL_RE = re.compile(r"^\s*\.([\w-]+)\s*$")


def hidden_classes(css_texts: list[str]) -> set[str]:
    """Class names that page CSS hides (visually-hidden ``clip`` rules, ``display:none``).

    Only top-level single-class rules count; rules inside ``@media`` blocks are responsive
    variants and are ignored. Each style sheet's classes are cached (the pages of a site share
    their ``<style>`` blocks); :func:`clear_caches` forgets them.
    """
    out: set[str] = set()
    for css in css_texts:
        out.update(_hidden_cached(css) if len(css) <= _CSS_CACHE_MAX else _hidden_in(css))
    return out


_CSS_CACHE_MAX = 131072
"""Style sheets up to this many characters are cached (at most 16 of them: ~4 MB at worst)."""


@lru_cache(maxsize=16)
def _hidden_cached(css: str) -> frozenset[str]:
    return _hidden_in(css)


def clear_caches() -> None:
    """Forget the cached style-sheet classes (benchmarks start every timed run cold)."""
    _hidden_cached.cache_clear()


def _hidden_in(css: str) -> frozenset[str]:
    """The classes one style sheet hides (see :func:`hidden_classes`)."""
    out: set[str] = set()
    top = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", " ", css)
    for selectors, body in _CSS_RULE_RE.findall(top):
        if body.isascii():  # re.I folds only ASCII here: search the lowered text instead
            low = body.lower()
            if ("clip" not in low and "display" not in low) or not _HIDING_LOW_RE.search(low):
                continue
        elif not _HIDING_RE.search(body):
            continue
        for sel in selectors.split(","):
            m = _CLASS_SEL_RE.match(sel)
            if m:
                out.add(m.group(1))
    return frozenset(out)


def class_regex(classes: set[str]) -> re.Pattern[str] | None:
    """A regex matching a class/id attribute that holds one of ``classes``."""
    if not classes:
        return None
    alt = "|".join(re.escape(c) for c in sorted(classes))
    return re.compile(rf"(?:^|\s)(?:{alt})(?:$|\s)")
