"""Per-page tree helpers shared by the field readers: one element list, compiled XPath.

Every reader walks the same parsed page; building the element list once (and keeping its lxml
proxies alive, so later ``iter()`` calls reuse them instead of creating new ones) and compiling
XPath expressions once at import removes most of the repeated tree work. Pure helpers: they never
modify the tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from lxml import etree
from lxml import html as lxml_html
from parsel import Selector
from parsel.selector import create_root_node
from scrapy.http import HtmlResponse, TextResponse
from scrapy.selector import Selector as ScrapySelector

TEXTS = etree.XPath(".//text()", smart_strings=False)
"""Every text node under an element (the ``.//text()`` of the Selector readers)."""

_TEXT_NODES = etree.XPath("//text()", smart_strings=True)
_DIGIT_RE = re.compile(r"[0-9٠-٩۰-۹]")
_last: tuple[etree._Element | None, list[etree._Element]] = (None, [])
_memo: dict[str, tuple[etree._Element, Any]] = {}
T = TypeVar("T")


_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
)


class _HTMLParser(lxml_html.HTMLParser):
    """``lxml.html.HTMLParser`` whose elements are all plain ``HtmlElement`` picked in C.

    lxml.html's own class lookup calls a Python method for every element proxy it creates,
    only to give form controls their form classes, which no reader here uses."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_element_class_lookup(_LOOKUP)


def selector(text: str, url: str) -> Selector:
    """The page's ``Selector``: parsed as ``Selector(text=text, type="html", base_url=url)``
    parses it (same parser options and recovery), with the C-level element class lookup."""
    root = create_root_node(text, _HTMLParser, base_url=url, huge_tree=True)
    return Selector(root=root, type="html", base_url=url)


def share_selector(response: Any, sel: Selector) -> None:
    """Make ``response.selector`` the page parse ``sel`` (same text, same parser options) instead
    of a second parse of the same text: the article classifier and the spider read it after the
    extraction. Only for an ``HtmlResponse`` whose selector Scrapy has not built yet (Scrapy
    parses those as ``html``); the readers here never modify the tree."""
    if isinstance(response, HtmlResponse) and response._cached_selector is None:
        shared = ScrapySelector(root=sel.root, type="html")
        shared.response = response  # what Selector(response) keeps
        response._cached_selector = shared


def release_selector(response: Any) -> None:
    """Undo :func:`share_selector` once the page is done: the response and the shared selector
    refer to each other, so together (with the page's lxml document) they would wait for a
    garbage collection; apart, they are freed with their last reference."""
    if isinstance(response, TextResponse):
        response._cached_selector = None


def start_page() -> None:
    """Forget the previous page's element list (``core.extract`` calls it for every page)."""
    global _last
    _last = (None, [])
    _memo.clear()


def per_page(name: str, root: etree._Element, build: Callable[[etree._Element], T]) -> T:
    """``build(root)``, computed once per page and shared by every reader asking for ``name``
    (rebuilt for another root). Callers must not modify the value."""
    hit = _memo.get(name)
    if hit is not None and hit[0] is root:
        return hit[1]  # type: ignore[no-any-return]
    value = build(root)
    _memo[name] = (root, value)
    return value


def elements(root: etree._Element) -> list[etree._Element]:
    """Every element under ``root`` in document order (comments and PIs left out).

    Cached for the last root seen (one page at a time; the list is rebuilt for another root),
    so several readers of one page share one walk. Callers must not modify the list.
    """
    global _last
    last = _last
    if last[0] is root:
        return last[1]
    els = list(root.iter(etree.Element))  # elements only, filtered in C
    _last = (root, els)
    return els


def marked(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every element under ``root`` whose ``f"{class} {id}"`` string (missing attributes read as
    ``""``) is not blank, with that string, in document order (cached per page). Callers must
    not modify the list."""

    def build(root: etree._Element) -> list[tuple[etree._Element, str]]:
        out = []
        for e in elements(root):
            cls, ident = e.get("class"), e.get("id")
            if cls is None and ident is None:
                continue  # (most elements: no string built)
            marks = f"{cls or ''} {ident or ''}"
            if marks.strip():
                out.append((e, marks))
        return out

    return per_page("marked", root, build)


def subtree(root: etree._Element, el: etree._Element) -> list[etree._Element]:
    """The elements under ``el`` (``el`` itself left out) in document order: a slice of the
    shared element list of ``root`` (``el`` must be one of them). Callers must not modify it."""
    els = elements(root)
    start = els.index(el) + 1
    last = el
    while True:  # the subtree ends at its last element child's last element child, and so on
        child = next((c for c in reversed(last) if isinstance(c.tag, str)), None)
        if child is None:
            break
        last = child
    return els[start : els.index(last, start - 1) + 1]


def digit_holders(root: etree._Element) -> set[etree._Element]:
    """Elements under ``root`` whose ``itertext()`` holds an ASCII, Arabic-Indic or Persian
    digit (cached per page): an element outside it cannot show a date or a number. Callers must
    not modify the set."""
    return per_page("text_index", root, _text_index)[1]


_RAW_TEXT_TAGS = frozenset(("script", "style"))


def raw_text_elements(root: etree._Element) -> list[etree._Element]:
    """The page's ``<script>`` and ``<style>`` elements in document order (cached per page).
    The HTML parser keeps their content as one text node, so ``el.text`` (None when empty) is
    exactly what ``<xpath>/text()`` gives for them."""
    return per_page("raw_text", root, lambda r: tagged(r, _RAW_TEXT_TAGS))


def tagged(root: etree._Element, tags: frozenset[str]) -> list[etree._Element]:
    """``root.iter(*tags)`` from the page's shared element list (no new lxml proxies)."""
    return [e for e in elements(root) if e.tag in tags]


def first_texts(root: etree._Element) -> dict[etree._Element, str]:
    """The first non-blank text piece (``itertext()`` order, not stripped) of every element under
    ``root`` that has one; an element missing from the dict has none. Cached per page. Callers
    must not modify the dict."""
    return per_page("text_index", root, _text_index)[0]


def _text_index(root: etree._Element) -> tuple[dict[etree._Element, str], set[etree._Element]]:
    """(:func:`first_texts`, :func:`digit_holders`) of ``root`` from one pass over its text nodes
    in document order: each text node's element (its parent, or for a tail the parent of the
    node it follows) and that element's ancestors are filled once, by the first non-blank text
    inside them and by the first text holding a digit (a blank text holds no digit)."""
    elements(root)  # keep every proxy alive: the dict and set hold the shared element objects
    held: dict[etree._Element, str] = {}
    digits: set[etree._Element] = set()
    has_digit = _DIGIT_RE.search
    for t in _TEXT_NODES(root):
        if not t.strip():
            continue
        owner = t.getparent()
        el = owner.getparent() if t.is_tail and owner is not None else owner
        text = str(t)
        a = el
        while a is not None and a not in held:
            held[a] = text
            a = a.getparent()
        if has_digit(text):
            while el is not None and el not in digits:
                digits.add(el)
                el = el.getparent()
    return held, digits


def short_text(el: etree._Element, limit: int) -> str | None:
    """Raw text of ``el`` if at most ``limit`` characters (cheap early exit), else None.

    The whitespace-collapsed length only grows as pieces are added, so the early exit may test
    it at any points: at 3x ``limit`` raw characters, then each time the raw size doubles (a
    whitespace-padded container is not re-joined for every piece)."""
    parts: list[str] = []
    size = 0
    check_at = limit * 3
    for t in el.itertext():
        size += len(t)
        if size > check_at:
            if len(" ".join("".join(parts).split())) > limit:
                return None
            check_at = size * 2
        parts.append(t)
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None


def short_texts(els: list[etree._Element], limit: int) -> dict[etree._Element, str]:
    """``short_text(el, limit)`` of each of ``els`` that has one (missing: None). Computed
    innermost first: the collapsed text of an element is at least as long as that of any element
    inside it, so once one is too long every ancestor is too, without reading its text."""
    too_long: set[etree._Element] = set()
    out: dict[etree._Element, str] = {}
    for el in reversed(els):
        if el in too_long:
            continue
        raw = short_text(el, limit)
        if raw is not None:
            out[el] = raw
            continue
        a: etree._Element | None = el
        while a is not None and a not in too_long:
            too_long.add(a)
            a = a.getparent()
    return out


def may_hold(marks: str, words: tuple[str, ...]) -> bool:
    """False when the ASCII string ``marks`` (class names) holds none of ``words`` (lower-case)
    in any case: a cheap test before a ``re.I`` regex that needs one of them; True for any
    other string (non-ASCII case folding is left to the regex)."""
    if not marks.isascii():
        return True
    return any(map(marks.lower().__contains__, words))  # (no generator: C-level calls)


def text_of(el: etree._Element) -> str:
    """The ``.//text()`` nodes of ``el`` joined by a space (not cleaned)."""
    return " ".join(TEXTS(el))


@lru_cache(maxsize=256)
def xpath(query: str) -> etree.XPath:
    """``query`` compiled once (lxml compiles a string query again at every call)."""
    return etree.XPath(query, smart_strings=False)
