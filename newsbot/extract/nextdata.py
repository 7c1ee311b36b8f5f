"""Article fields from a framework's page-data JSON (Next.js ``__NEXT_DATA__``, Nuxt).

Server-rendered shells of React/Vue sites may carry the article only in this JSON. The article
node is the dict with a headline-like key and the longest body-like text; key names are data.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from lxml import etree
from parsel import Selector

from newsbot.extract.tree import raw_text_elements

logger = logging.getLogger(__name__)

SCRIPT_XPATH = "//script[@id='__NEXT_DATA__' or @id='__NUXT_DATA__']/text()"
_DATA_IDS = ("__NEXT_DATA__", "__NUXT_DATA__")
TITLE_KEYS = ("headline", "title", "name")
BODY_KEYS = ("body", "content", "articleBody", "text", "html", "bodyHtml", "contentHtml")
PUBLISHED_KEYS = ("datePublished", "publishedAt", "published_at", "publishDate", "createdAt")
MODIFIED_KEYS = ("dateModified", "updatedAt", "updated_at", "modifiedAt")
AUTHOR_KEYS = ("authors", "author", "writers", "writer")
SECTION_KEYS = ("section", "category", "categories")
TAG_KEYS = ("tags", "keywords", "topics")
IMAGE_KEYS = ("image", "mainImage", "thumbnail", "cover")
MIN_BODY_CHARS = 200
MAX_DEPTH = 12


def article_fields(sel: Selector) -> dict[str, Any]:
    """Keys as :func:`newsbot.extract.jsonld.article_fields` (``body`` may be HTML); ``{}``."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return {}
    raw = next(  # SCRIPT_XPATH's first text, read from the page's shared script list
        (
            e.text
            for e in raw_text_elements(root)
            if e.tag == "script" and e.text is not None and e.get("id") in _DATA_IDS
        ),
        None,
    )
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        logger.debug("unreadable page-data JSON")
        return {}
    best: tuple[int, dict[str, Any]] | None = None
    for node in _dicts(data, 0):
        if not any(isinstance(node.get(k), str) for k in TITLE_KEYS):
            continue
        body = _first_str(node, BODY_KEYS)
        if body and len(body) >= MIN_BODY_CHARS and (best is None or len(body) > best[0]):
            best = (len(body), node)
    if best is None:
        return {}
    node = best[1]
    return {
        "headline": _first_str(node, TITLE_KEYS),
        "published": _first_str(node, PUBLISHED_KEYS),
        "modified": _first_str(node, MODIFIED_KEYS),
        "authors": _names(_first(node, AUTHOR_KEYS)),
        "section": (_names(_first(node, SECTION_KEYS)) or [None])[0],
        "keywords": _names(_first(node, TAG_KEYS)),
        "image": _image(_first(node, IMAGE_KEYS)),
        "body": _first_str(node, BODY_KEYS),
    }


def _dicts(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _dicts(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            yield from _dicts(v, depth + 1)


def _first(node: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((node[k] for k in keys if node.get(k)), None)


def _first_str(node: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    v = next((node[k] for k in keys if isinstance(node.get(k), str) and node[k].strip()), None)
    return v.strip() if v else None


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("title")
        if isinstance(item, str) and item.strip():
            out += [p.strip() for p in item.split(",") if p.strip()]
    return out


def _image(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("url") or value.get("src")
    return value if isinstance(value, str) and value.startswith(("http", "/")) else None
