"""Find the element that holds the article text: portal selectors, then generic scoring.

Generic scoring is readability-like: every paragraph adds its non-link text length to its parent
(and half to its grandparent); containers named like an article body (``itemprop=articleBody``,
``entry-content``, ``article-body`` ...) get a bonus; the best-scoring element wins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

from cssselect import parse as parse_css
from cssselect.parser import Attrib, Class, Element, Hash
from lxml import etree
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from newsbot.extract.blocks import SKIP_TAGS, skipped

BODY_HINT_RE = re.compile(
    r"article[-_]?body|articlebody|entry[-_]?content|post[-_]?content|story[-_]?body|"
    r"article[-_]?content|article[-_]?text|news[-_]?text|news[-_]?content|details?[-_]?body|"
    r"field-name-body|content-inner|the-content|text-content|main-text|articleCont|LongDesc",
    re.I,
)
NEGATIVE_RE = re.compile(
    r"comment|footer|sidebar|side-bar|menu|nav|header|related|most|popular|widget|ticker|"
    r"breaking|latest|trending|recommend|taboola|outbrain|list-news|more-news",
    re.I,
)


def select_all(sel: Selector, query: str) -> list[Selector]:
    """Elements (or strings) matched by a portal selector (CSS default, ``xpath:`` prefix)."""
    if query.startswith("xpath:"):
        return list(sel.xpath(query[len("xpath:") :]))
    return list(sel.css(query))


def select_roots(sel: Selector, query: str) -> list[Any]:
    """``[x.root for x in select_all(sel, query)]``: the matched elements or strings, without
    building a ``Selector`` for each (the query is compiled once)."""
    root = sel.root
    if sel.type != "html" or not isinstance(root, etree._Element):
        return [x.root for x in select_all(sel, query)]
    try:
        found = _compiled(query)(root)
    except etree.XPathError as exc:  # what sel.xpath raises
        raise ValueError(f"XPath error: {exc} in {query}") from exc
    return found if isinstance(found, list) else [found]


_TRANSLATOR = HTMLTranslator()
_NAMESPACES = {"re": "http://exslt.org/regular-expressions"}
"""The namespaces ``Selector.xpath`` declares by default."""


@lru_cache(maxsize=512)
def _compiled(query: str) -> etree.XPath:
    """A portal selector (CSS, or XPath after ``xpath:``) compiled as ``select_all`` runs it."""
    xpath = query.startswith("xpath:")
    text = query[len("xpath:") :] if xpath else _TRANSLATOR.css_to_xpath(query)
    try:
        return etree.XPath(text, namespaces=_NAMESPACES, smart_strings=False)
    except etree.XPathError as exc:
        raise ValueError(f"XPath error: {exc} in {text}") from exc


_SELF_ONLY = (Class, Hash, Attrib)


@lru_cache(maxsize=512)
def scoped_xpath(query: str) -> etree.XPath | None:
    """``query`` (CSS) compiled to the XPath ``sel.css`` runs, when what it matches depends on the
    element alone (tag, classes, id, attributes; ``a, b`` groups): evaluated on a container it
    gives exactly the page-wide matches that are the container or inside it. None for any other
    query (combinators, pseudo-classes, ``::text``, ``xpath:``). Bad CSS raises as ``sel.css`` does.
    """
    if query.startswith("xpath:"):
        return None
    for group in parse_css(query):
        if group.pseudo_element is not None:
            return None
        node = group.parsed_tree
        while not isinstance(node, Element):
            if not isinstance(node, _SELF_ONLY) or getattr(node, "namespace", None):
                return None
            node = node.selector
        if node.namespace:
            return None
    return etree.XPath(_TRANSLATOR.css_to_xpath(query))


def _text_len(el: etree._Element) -> int:
    """Length of the element's own text (not in links), ignoring skipped descendants."""
    n = len((el.text or "").strip())
    for child in el:
        if not isinstance(child.tag, str):
            n += len((child.tail or "").strip())
            continue
        if child.tag.lower() not in ("a",) and child.tag.lower() not in SKIP_TAGS:
            n += (
                len("".join(child.itertext()).strip())
                if child.tag.lower() in ("b", "strong", "span", "em", "i", "u", "font")
                else 0
            )
        n += len((child.tail or "").strip())
    return n


def score_containers(root: etree._Element) -> list[tuple[float, etree._Element]]:
    """Candidate containers with their scores, best first."""
    scores: dict[etree._Element, float] = defaultdict(float)
    for el in root.iter("p", "br", "div", "td", "h2"):
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            parent = el.getparent()
            if parent is None:
                continue
            n = len((el.tail or "").strip())
            if n < 25:
                continue
            target, n = parent, n
        else:
            n = _text_len(el)
            if n < 25 or (el.tag in ("div", "td", "h2") and n < 80):
                continue
            target = el.getparent()
            if target is None:
                continue
            if el.tag in ("div", "td"):
                target = el
        points = 1 + min(n, 800) / 50 + n / 400 + el_text_commas(el)
        scores[target] += points
        gp = target.getparent()
        if gp is not None:
            scores[gp] += points / 2
    ranked = []
    for el, s in scores.items():
        if any(skipped(a) for a in [el, *el.iterancestors()] if isinstance(a.tag, str)):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
        if BODY_HINT_RE.search(marks):
            s *= 1.5
        if NEGATIVE_RE.search(f"{el.get('class', '')} {el.get('id', '')}"):
            s *= 0.3
        ranked.append((s, el))
    ranked.sort(key=lambda t: -t[0])
    return ranked


def el_text_commas(el: etree._Element) -> float:
    text = el.text or ""
    return min(text.count("،") + text.count(","), 5) / 2


def generic_container(sel: Selector) -> etree._Element | None:
    """The best-scoring text container of the page, or None."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return None
    body = root.find(".//body")
    ranked = score_containers(body if body is not None else root)
    if not ranked or ranked[0][0] < 4:
        return None
    return _with_siblings(ranked)


SIBLING_SHARE = 0.5
"""A sibling container scoring at least this share of the best one is part of the text."""


def _with_siblings(ranked: list[tuple[float, etree._Element]]) -> etree._Element:
    """The best container, or its parent when a sibling holds text scoring nearly as high
    (an intro box followed by the updates of a live blog)."""
    best_score, best = ranked[0]
    parent = best.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return best
    if NEGATIVE_RE.search(f"{parent.get('class', '')} {parent.get('id', '')}"):
        return best
    for score, el in ranked[1:]:
        if score < best_score * SIBLING_SHARE:
            break
        if el.getparent() is parent and not NEGATIVE_RE.search(
            f"{el.get('class', '')} {el.get('id', '')}"
        ):
            return parent
    return best


LEAD_RE = re.compile(
    r"(?:^|[\s_-])(?:lead|intro|standfirst|summary|excerpt|article__lead|teaser-?text)(?:$|[\s_-])",
    re.I,
)
"""Class names of a standfirst printed just before the article text."""


MAX_SKIPS = 3
"""Picture / date / byline elements a standfirst may sit above (DW: teaser, date, figure, text)."""


def _between_lead_and_text(el: etree._Element) -> bool:
    """A picture or a short line (date, byline) between a standfirst and the text."""
    if el.tag in ("figure", "picture", "img"):
        return True
    return len("".join(el.itertext()).split()) < 8 and not LEAD_RE.search(el.get("class", ""))


def lead_before(container: etree._Element) -> etree._Element | None:
    """A standfirst element just before ``container`` (itself or its parents' previous sibling)."""
    node: etree._Element | None = container
    for _ in range(3):
        if node is None:
            return None
        prev = node.getprevious()
        skips = 0
        while prev is not None and (
            not isinstance(prev.tag, str)
            or prev.tag in ("script", "style")
            or (skips < MAX_SKIPS and _between_lead_and_text(prev) and (skips := skips + 1))
        ):
            prev = prev.getprevious()
        if prev is not None:
            marks = f"{prev.get('class', '')} {prev.get('id', '')}"
            if prev.get("itemprop") == "description" or LEAD_RE.search(marks):
                text = " ".join("".join(prev.itertext()).split())
                if len(text.split()) >= 12:
                    return prev
            return None
        node = node.getparent()
    return None
