"""One response -> one ``Article``: the layered extraction (see package docstring)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector
from scrapy.http import TextResponse

from newsbot.extract import fields, jsonld, metadata, nextdata, tree, visible
from newsbot.extract._deps import (
    region_for_host,
    word_count,
)
from newsbot.extract.blocks import class_regex, hidden_classes
from newsbot.extract.body import BodyResult
from newsbot.extract.credits import resolve_credits
from newsbot.extract.dates import (
    DateContext,
    anchored_time,
    first_date,
    hint_date,
    hint_text,
    is_day_only,
    modified_candidates,
    published_candidates,
    refine_with_hint,
    update_variants,
    url_date,
    with_visible_hijri,
)
from newsbot.extract.encoding import MAX_BYTES, fix_mojibake, looks_binary, repair_response
from newsbot.extract.text import extract_body, selector_values
from newsbot.items import Article
from newsbot.loaders import ArticleLoader

logger = logging.getLogger(__name__)


class _Stats:
    """Stats facade: counts into a Scrapy StatsCollector when one is given."""

    def __init__(self, stats: Any, portal: str | None) -> None:
        self.stats = stats
        self.portal = portal or "generic"

    def inc(self, key: str, n: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, n)

    def inc_value(self, key: str, n: int = 1) -> None:  # jsonld.load_blocks calls this
        self.inc(key, n)


def _zone(portal: Any, host: str) -> tuple[str | None, str | None, str | None]:
    """(locale, zone, zone source) for a page."""
    if portal is not None:
        return portal.date_locale, portal.timezone, "portal"
    try:
        locale, zone = region_for_host(host)
    except Exception:  # a regions bug must not lose the page
        locale, zone = None, None
    return locale, zone, "country" if zone else None


def _layout(portal: Any, when: datetime | None) -> Any:
    if portal is None:
        return None
    return portal.layout_for(when.date() if when else None)


def extract(
    response: TextResponse,
    portal: Any = None,
    *,
    stats: Any = None,
    hints: Mapping[str, Any] | None = None,
    now: datetime | None = None,
) -> Article:
    """Extract one Article from ``response`` (never raises on bad input; counts what is missing)."""
    hints = dict(hints or {})
    now = now or datetime.now(UTC)
    given = response
    st = _Stats(stats, getattr(portal, "slug", None))
    url = response.url
    host = urlsplit(url).hostname or ""
    locale, zone, zone_source = _zone(portal, host)
    loader = ArticleLoader(
        portal=portal,
        locale=locale,
        timezone=zone,
        stats=stats,
        site_names=[getattr(portal, "name", None)],
    )
    loader.add_value("fetched_url", url)
    loader.add_value("portal", getattr(portal, "slug", None))
    loader.add_value("crawled_at", now.astimezone(UTC).isoformat(timespec="seconds"))
    loader.add_value("via", hints.get("via"))
    loader.add_value("depth", hints.get("depth"))

    if not isinstance(response, TextResponse):
        st.inc("parser/page/not_text")
        loader.add_value("url", url)
        return loader.load_item()
    if looks_binary(response.body):
        st.inc("parser/page/binary")
        loader.add_value("url", url)
        return loader.load_item()
    if len(response.body) > MAX_BYTES:
        st.inc("parser/page/truncated")
        response = response.replace(body=response.body[:MAX_BYTES])
    response = repair_response(response)
    try:
        text = response.text
    except (UnicodeError, LookupError):
        st.inc("parser/page/undecodable")
        return loader.load_item()
    if not text.strip():
        st.inc("parser/page/empty")
        loader.add_value("url", url)
        return loader.load_item()
    sel = tree.selector(text, url)
    if response is given:  # not a truncated / repaired copy: its own text was parsed
        tree.share_selector(response, sel)
    tree.start_page()
    try:
        return _extract_fields(sel, loader, url, portal, st, hints, now, locale, zone, zone_source)
    except Exception:  # last safety net: one bad page must never stop a crawl
        logger.exception("extraction failed on %s", url)
        st.inc("parser/page/error")
        fallback = ArticleLoader(portal=portal, stats=stats)
        fallback.add_value("url", url)
        fallback.add_value("fetched_url", url)
        fallback.add_value("portal", getattr(portal, "slug", None))
        fallback.add_value("crawled_at", now.astimezone(UTC).isoformat(timespec="seconds"))
        return fallback.load_item()


def _extract_fields(
    sel: Selector,
    loader: ArticleLoader,
    url: str,
    portal: Any,
    st: _Stats,
    hints: dict[str, Any],
    now: datetime,
    locale: str | None,
    zone: str | None,
    zone_source: str | None,
) -> Article:
    ld = jsonld.article_fields(sel, st)
    if not ld.get("body"):  # a script-rendered shell: its page-data JSON fills the gaps
        for key, value in nextdata.article_fields(sel).items():
            if value and not ld.get(key):
                ld[key] = value
    md = metadata.collect(sel, url)
    meta = md["meta"]
    micro = md["microdata"]
    dctx = DateContext(
        locale, zone, zone_source, now, bool(getattr(portal, "metadata_local_as_utc", False))
    )

    # Dates first: the layout of a versioned portal depends on the page's date.
    pub_cands = published_candidates(ld, md)
    structured_pub = first_date(pub_cands, dctx)
    layout = _layout(portal, structured_pub.when if structured_pub else None)
    selectors = layout.selectors if layout is not None else None
    prefer = set(layout.prefer_selectors) if layout is not None else set()

    def sv(field: str, **kw: Any) -> list[str]:
        if selectors is None:
            return []
        return selector_values(sel, getattr(selectors, field), url, st, field, **kw)

    # Title.
    site_names = [
        metadata.first_meta(meta, "og:site_name"),
        ld.get("publisher"),
        getattr(portal, "name", None),
    ]
    loader.context["site_names"] = [n for n in site_names if n]
    meta_titles = [
        t
        for t in (
            ld.get("headline"),
            metadata.first_meta(meta, "og:title", "twitter:title"),
            md["title_tag"],
            *micro.get("headline", []),
        )
        if t
    ]
    sel_title = sv("title")
    if "title" in prefer:
        loader.add_value("title", sel_title)
    loader.add_value("title", metadata.pick_heading(md["h1"], meta_titles))
    if meta_titles and not loader.decided("title"):
        # no <h1> is the headline: a block styled as the title may be (read only then)
        loader.add_value("title", metadata.pick_heading(metadata.title_like(sel), meta_titles))
    loader.add_value("title", sel_title)
    loader.add_value("title", [fix_mojibake(t) for t in meta_titles])
    loader.add_value("title", hints.get("title"))
    title = loader.get_output_value("title")

    # Canonical URL.
    loader.add_value("url", md["canonical"])
    og_url = metadata.first_meta(meta, "og:url")
    if metadata.looks_like_article_url(og_url):
        loader.add_value("url", og_url)
    if metadata.looks_like_article_url(ld.get("url")):
        loader.add_value("url", ld.get("url"))
    loader.add_value("url", url)

    # Site, description, image, free flag.
    loader.add_value("site_name", [n for n in site_names if n])
    sel_desc = sv("description")
    if "description" in prefer:
        loader.add_value("description", sel_desc)
    loader.add_value("description", ld.get("description"))
    loader.add_value("description", metadata.first_meta(meta, "og:description", "description"))
    loader.add_value("description", sel_desc)
    sel_img = sv("lead_image", attr=True)
    if "lead_image" in prefer:
        loader.add_value("lead_image", sel_img)
    img = metadata.first_meta(meta, "og:image", "og:image:url", "og:image:secure_url")
    loader.add_value("lead_image", metadata.absolute(url, img))
    loader.add_value("lead_image", metadata.absolute(url, ld.get("image")))
    loader.add_value(
        "lead_image",
        metadata.absolute(url, metadata.first_meta(meta, "twitter:image", "twitter:image:src")),
    )
    loader.add_value("lead_image", sel_img)
    loader.add_value("lead_image", [metadata.absolute(url, v) for v in micro.get("image", [])])
    loader.add_value("is_free", ld.get("is_free"))

    # Body and what the clean-up takes out of it.
    anchor = visible.find_h1(sel, title)
    styles = [
        e.text for e in tree.raw_text_elements(sel.root) if e.tag == "style" and e.text is not None
    ]
    hidden = class_regex(hidden_classes(styles))  # the //style/text() strings
    byline_sel = sv("byline")
    res: BodyResult = extract_body(
        sel,
        url,
        portal,
        selectors,
        title=title,
        bylines=byline_sel,
        locale=locale,
        zone=zone,
        now=now,
        stats=st,
        hidden=hidden,
        structured_body=ld.get("body"),
    )
    loader.add_value("body", res.body)
    loader.add_value("word_count", word_count(res.body) if res.body else None)
    loader.add_value("credited_source", sv("credited_source"))
    loader.add_value("credited_source", res.credited_source)
    if not loader.decided("credited_source"):
        loader.add_value("credited_source", visible.credit_line(sel, anchor))

    # Dates (visible text / URL / hints as fallbacks).
    pub = None
    sel_pub = sv("published")
    if "published" in prefer:
        pub = first_date([(t, "text") for t in sel_pub], dctx)
    pub = pub or structured_pub
    vis_pub, vis_mod = visible.date_texts(sel, anchor)
    if pub is None:
        pub = first_date([(t, "text") for t in sel_pub + vis_pub + res.date_lines], dctx)
    if pub is None:
        pub = url_date(url, dctx) or url_date(loader.get_output_value("url") or "", dctx)
        if pub is None and not hints.get("published"):  # a time-only line: the crawl day
            pub = anchored_time(sel_pub + vis_pub + res.date_lines, None, dctx)
    if pub is not None and is_day_only(pub.value) and pub.source not in ("sitemap", "feed"):
        # "10 نوفمبر 2024" and, in another element, "07:15 م": the day gets its time
        pub = anchored_time(sel_pub + vis_pub + res.date_lines, pub, dctx) or pub
    if pub is None:
        pub = hint_date(hints, dctx)
    elif pub.source not in ("sitemap", "feed"):
        pub = refine_with_hint(pub, hints, dctx)
    if pub is not None:
        pub = with_visible_hijri(pub, sel_pub + vis_pub + res.date_lines, dctx)
        loader.add_value("published", pub.value)
        loader.add_value("published_raw", pub.raw)
        loader.add_value("published_hijri", pub.hijri)
        loader.add_value("date_source", pub.source)
        loader.add_value("date_tz_source", pub.tz_source)
    sel_mod = [(v, "text") for t in sv("modified") for v in update_variants(t)]
    mod_cands = (sel_mod if "modified" in prefer else []) + modified_candidates(ld, md)
    mod_cands += sel_mod + [(v, "text") for t in vis_mod for v in update_variants(t)]
    if hint_text(hints.get("modified")):
        mod_cands.append((hint_text(hints["modified"]), str(hints.get("date_source") or "sitemap")))
    mod = first_date(mod_cands, dctx)
    if mod is not None:
        loader.add_value("modified", mod.value)

    # Byline: portal selector, visible byline, body byline lines, then author metadata.
    prefixes = tuple(getattr(portal, "byline_prefixes", ()) or ())
    agencies = tuple(getattr(portal, "agencies", ()) or ())
    layers = [
        byline_sel,
        *(
            [t]
            for t in (
                visible.byline_texts(sel, anchor, hidden=hidden)[:3] if not byline_sel else []
            )
        ),
        res.bylines,
        ld.get("authors") or [],
        meta.get("author", []) + micro.get("author", []),
    ]
    house = tuple(n for n in site_names if n)
    got = resolve_credits(layers, res.paragraphs, res.date_lines, prefixes, agencies, house)
    loader.add_layer("authors", got["authors"])
    loader.add_layer("agencies", got["agencies"])
    dateline = got["dateline"]
    loader.add_value("dateline", dateline)

    page = fields.Page(sel, url, ld, md, selectors, portal, title, anchor, hints)
    fields.add_section_and_tags(loader, page, sv("section"), sv("tags"), res)
    fields.add_related(loader, page, res)
    fields.add_language(loader, page, res)

    item = loader.load_item()
    for name in ("title", "body", "published", "authors", "section", "tags", "lead_image"):
        if not getattr(item, name):
            st.inc(f"parser/{name}/missing")
    return item
