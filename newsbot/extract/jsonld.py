"""JSON-LD: find the article node(s) of a page and read their fields.

Handles ``@graph``, top-level arrays, several ``<script>`` blocks, CDATA / HTML-comment wrappers,
HTML-escaped strings, ``mainEntity`` nesting and broken JSON (a lenient repair is tried; a block
that still fails is skipped and counted as ``parser/jsonld/invalid``).
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from parsel import Selector

from newsbot.extract.tree import raw_text_elements

logger = logging.getLogger(__name__)

ARTICLE_TYPES = (
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
)
"""schema.org types read as the article, in no particular order."""

PAGE_TYPES = ("WebPage", "ItemPage")
"""Types accepted as a fallback when they carry article fields (headline, datePublished ...)."""

_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type") or []
    if isinstance(t, str):
        t = [t]
    return [str(x).rsplit("/", 1)[-1] for x in t if x]


def _repair(text: str) -> Any:
    """Lenient second try: strip wrappers, trailing commas, control chars and trailing junk."""
    text = _TRAILING_COMMA.sub(r"\1", text)
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", text)
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    # Two objects glued together, or garbage after the object: read the first complete value.
    try:
        value, _ = json.JSONDecoder(strict=False).raw_decode(text.lstrip())
        return value
    except ValueError:
        return None


_LOWER_LDJSON = str.maketrans("LDJSON", "ldjson")


def _ld_json_texts(sel: Selector) -> list[str]:
    """``//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]/text()``, read from
    the page's shared script list."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return []
    return [
        e.text
        for e in raw_text_elements(root)
        if e.tag == "script"
        and e.text is not None
        and "ld+json" in (e.get("type") or "").translate(_LOWER_LDJSON)
    ]


def load_blocks(sel: Selector, stats: Any = None) -> list[Any]:
    """Parsed JSON values of every ``application/ld+json`` script (invalid ones skipped)."""
    out: list[Any] = []
    for raw in _ld_json_texts(sel):
        text = _WRAPPERS.sub("", raw.strip()).strip()
        if not text:
            continue
        try:
            out.append(json.loads(text, strict=False))
            continue
        except ValueError:
            pass
        value = _repair(text)
        if value is None:
            logger.debug("invalid JSON-LD block skipped: %.80r", text)
            if stats is not None:
                stats.inc_value("parser/jsonld/invalid")
            continue
        if stats is not None:
            stats.inc_value("parser/jsonld/repaired")
        out.append(value)
    return out


def iter_nodes(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every dict node in a JSON-LD value (``@graph``, arrays, ``mainEntity`` included)."""
    if depth > 6:
        return
    if isinstance(value, list):
        for v in value:
            yield from iter_nodes(v, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart"):
            sub = value.get(key)
            if isinstance(sub, (list, dict)):
                yield from iter_nodes(sub, depth + 1)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text")
    if value is None or isinstance(value, (dict, list)):
        return None
    s = html.unescape(str(value)).strip()
    return s or None


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        if isinstance(it, dict) and any("Organization" in t for t in _types(it)):
            continue  # the outlet credited as author ("RT Arabic"), not a person
        name = _text(it)
        if name and not name.startswith("http"):
            out.append(name)
    return out


def _image(value: Any) -> str | None:
    if isinstance(value, list):
        for v in value:
            got = _image(v)
            if got:
                return got
        return None
    if isinstance(value, dict):
        return _text(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return _text(value)


def _keywords(value: Any) -> list[str]:
    if isinstance(value, list):
        return [k for v in value for k in _keywords(v)]
    text = _text(value)
    if not text:
        return []
    return [k.strip() for k in re.split(r"[,،]", text) if k.strip()]


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _section(value: Any) -> str | None:
    if isinstance(value, list):
        vals = [_text(v) for v in value]
        vals = [v for v in vals if v]
        return vals[-1] if vals else None
    return _text(value)


def _breadcrumb(nodes: list[dict[str, Any]]) -> str | None:
    for node in nodes:
        if "BreadcrumbList" not in _types(node):
            continue
        items = node.get("itemListElement") or []
        if isinstance(items, dict):
            items = [items]
        items = [i for i in items if isinstance(i, dict)]
        items.sort(key=lambda i: int(i["position"]) if str(i.get("position", "")).isdigit() else 0)
        names = []
        for i in items:
            name = _text(i.get("name")) or _text(i.get("item"))
            names.append(name)
        names = [n for n in names if n]
        if names:
            return names[-1]
    return None


def _is_article(node: dict[str, Any]) -> bool:
    types = _types(node)
    if any(t in ARTICLE_TYPES for t in types):
        return True
    return any(t in PAGE_TYPES for t in types) and bool(
        node.get("headline") or node.get("articleBody") or node.get("datePublished")
    )


def article_fields(sel: Selector, stats: Any = None) -> dict[str, Any]:
    """Fields of the page's main article node (empty dict when the page has none).

    Keys: headline, description, published, modified, authors, publisher, image, keywords,
    section, breadcrumb, is_free, url, body, language.
    """
    nodes = [n for block in load_blocks(sel, stats) for n in iter_nodes(block)]
    candidates = [n for n in nodes if _is_article(n)]
    # A real article type beats a WebPage; among equals, the node with a body / headline wins.
    candidates.sort(
        key=lambda n: (
            not any(t in ARTICLE_TYPES for t in _types(n)),
            not n.get("headline"),
            not n.get("datePublished"),
        )
    )
    out: dict[str, Any] = {"breadcrumb": _breadcrumb(nodes)}
    if not candidates:
        return out
    node = candidates[0]
    main = node.get("mainEntityOfPage")
    url = _text(node.get("url")) or (
        _text(main.get("@id")) if isinstance(main, dict) else _text(main)
    )
    out.update(
        headline=_text(node.get("headline")) or _text(node.get("name")),
        description=_text(node.get("description")),
        published=_text(node.get("datePublished")) or _text(node.get("dateCreated")),
        modified=_text(node.get("dateModified")),
        authors=_names(node.get("author")) or _names(node.get("creator")),
        publisher=_text(node.get("publisher")),
        image=_image(node.get("image")) or _image(node.get("thumbnailUrl")),
        keywords=_keywords(node.get("keywords")),
        section=_section(node.get("articleSection")),
        is_free=_bool(node.get("isAccessibleForFree")),
        url=url,
        body=_text(node.get("articleBody")),
        language=_text(node.get("inLanguage")),
    )
    return out
