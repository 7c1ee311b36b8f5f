"""Section, tags, related links, similar titles and language of a page (layered fallbacks)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from parsel import Selector

from newsbot.extract import metadata, visible
from newsbot.extract._deps import (
    ARABIC_SCRIPT_LANGUAGES,
    arabic_ratio,
    match_key,
    script_language,
)
from newsbot.extract.body import BodyResult
from newsbot.extract.related import related_links, similar_titles
from newsbot.loaders import ArticleLoader


@dataclass
class Page:
    """What the field resolvers need to know about one page."""

    sel: Selector
    url: str
    ld: dict[str, Any]
    md: dict[str, Any]
    selectors: Any
    portal: Any
    title: str | None
    anchor: etree._Element | None
    hints: dict[str, Any]


def add_section_and_tags(
    loader: ArticleLoader, page: Page, sel_section: list[str], sel_tags: list[str], res: BodyResult
) -> None:
    """Section: portal selector, breadcrumb, JSON-LD, meta, category link, active nav item.
    Tags: portal selector, body tag line, tag links, then meta/JSON-LD keywords."""
    ld, meta, micro = page.ld, page.md["meta"], page.md["microdata"]
    loader.add_value("section", sel_section)
    # (each visible fallback is read only while the field is still open: same item)
    if not loader.decided("section"):
        loader.add_value("section", visible.breadcrumb(page.sel, page.title))
    crumb = ld.get("breadcrumb")
    if match_key(crumb or "") != match_key(page.title or ""):
        loader.add_value("section", crumb)
    loader.add_value("section", ld.get("section"))
    loader.add_value("section", metadata.first_meta(meta, "article:section"))
    loader.add_value("section", micro.get("articleSection", []))
    if not loader.decided("section"):
        loader.add_value("section", visible.category_link(page.anchor))
    if not loader.decided("section"):
        loader.add_value("section", visible.active_nav_item(page.sel))
    loader.add_layer("tags", sel_tags)
    loader.add_layer("tags", res.tags)
    if not loader.decided("tags"):
        loader.add_layer("tags", visible.tag_links(page.sel, page.url))
    kw: list[str] = []
    for k in ("news_keywords", "keywords"):
        for v in meta.get(k, ()):
            kw += [x.strip() for x in re.split(r"[,،]", v) if x.strip()]
    loader.add_layer("tags", meta.get("article:tag", []) or ld.get("keywords") or kw)


def add_related(loader: ArticleLoader, page: Page, res: BodyResult) -> None:
    """Related links (portal selectors or labelled blocks, plus inline ones), similar titles, images."""
    rel_sel = tuple(getattr(page.selectors, "related", ()) or ())
    labels = tuple(getattr(page.portal, "related_labels", ()) or ())
    canonical = loader.get_output_value("url") or page.url
    loader.add_layer(
        "related",
        related_links(
            page.sel,
            page.url,
            canonical,
            selectors=rel_sel,
            extra_labels=labels,
            inline=res.related,
        ),
    )
    sim_sel = tuple(getattr(page.selectors, "similar", ()) or ())
    loader.add_layer("similar_titles", similar_titles(page.sel, sim_sel))
    loader.add_layer("similar_titles", res.similar_titles)
    loader.add_layer("images", res.images)


def add_language(loader: ArticleLoader, page: Page, res: BodyResult) -> None:
    """``ar`` when the title and body are mostly Arabic; for a text mostly in Arabic script
    but another language's letters (Persian, Urdu, ...) that language (the declared one when
    it is written in Arabic script, else the letters' guess); else the declared language."""
    meta = page.md["meta"]
    sample = f"{page.title or ''} {(res.body or '')[:2000]}"
    lang = (
        page.md["lang"]
        or page.ld.get("language")
        or metadata.first_meta(meta, "content-language", "language")
        or page.hints.get("language")
    )
    declared = str(lang).split("-")[0].split("_")[0].lower() if lang else None
    if arabic_ratio(sample) >= 0.5:  # (an Arabic letter: clean_text(sample) is not empty)
        written = script_language(sample)
        if written != "ar" and declared in ARABIC_SCRIPT_LANGUAGES and declared != "ar":
            written = declared  # more precise than the letters (ckb, ks, ...)
        loader.add_value("language", written)
    elif declared:
        loader.add_value("language", declared)
