"""Body extraction: portal body selectors, else the generic container, else trafilatura."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any
from urllib.parse import urljoin

import trafilatura
from lxml import etree
from parsel import Selector

from newsbot.extract._deps import clean_text, fold_date_text, lex_date_text, parse_date_info
from newsbot.extract.blocks import Block, read_blocks
from newsbot.extract.body import BodyResult, clean_blocks
from newsbot.extract.container import generic_container, lead_before, scoped_xpath, select_roots

logger = logging.getLogger(__name__)

MIN_WORDS = 25
"""A body shorter than this from one method lets the next method try."""

_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")
_YEARISH = re.compile(
    r"(?:19|20)\d\d|[١٢][٠٩٨٧٦٥٤٣٢١][٠-٩]{2}|\d{1,2}[:\u066b]\d\d|[٠-٩]{1,2}:[٠-٩]{2}|منذ|قبل"
)


def selector_values(
    sel: Selector,
    queries: tuple[str, ...],
    base: str,
    stats: Any,
    field: str,
    *,
    attr: bool = False,
) -> list[str]:
    """Values of the first selector in ``queries`` that yields something (texts or attributes)."""
    for q in queries:
        try:
            found = select_roots(sel, q)
        except Exception as exc:  # a bad selector in a portal file must not lose the page
            logger.warning("selector %r for %s failed: %s", q, field, exc)
            if stats is not None:
                stats.inc(f"parser/{field}/selector_error")
            continue
        values = []
        for root in found:
            if isinstance(root, etree._Element):
                if attr or root.tag in ("meta", "img", "link"):
                    v = (
                        root.get("content")
                        or root.get("src")
                        or root.get("href")
                        or root.get("data-src")
                    )
                    if v and attr:
                        v = urljoin(base, v.strip())
                else:
                    v = root.get("content") or root.get("datetime") or " ".join(root.itertext())
            else:
                v = str(root)
            v = clean_text(v or "")
            if v:
                values.append(v)
        if values:
            if stats is not None:
                stats.inc(f"parser/{field}/selector")
            return values
    return []


MAX_DATE_LINE_WORDS = 20
"""Words of a date line at most (labels, weekday, date, time, zone and a place or credit)."""
_PLACE_PREFIX = re.compile(r"^[^\d،,:\-–—]+[،,:\-–—]")
_SENTENCE_END = re.compile(r"[.!؟?]\s*$")


def is_date_shaped(text: str) -> bool:
    """True when ``text`` is made of date words: at most one unknown word (a place, a credit),
    or two ahead of punctuation ("أبو ظبي، 9 ..."). A short sentence that contains a date
    ("افتتح المعرض يوم 12 مايو 2024.") is not a date line."""
    if len(text.split()) > MAX_DATE_LINE_WORDS:
        return False
    try:
        unknown = sum(t.kind == "word" for t in lex_date_text(fold_date_text(text)))
    except Exception:
        return False
    if unknown == 0:
        return True
    if _SENTENCE_END.search(text):
        return False
    return unknown == 1 or (unknown == 2 and bool(_PLACE_PREFIX.match(text)))


def _date_checker(locale: str | None, zone: str | None, now: datetime) -> Callable[[str], bool]:
    def is_date_line(text: str) -> bool:
        if not _DIGIT.search(text) or not _YEARISH.search(text) or not is_date_shaped(text):
            return False
        try:
            return parse_date_info(text, locale=locale, timezone=zone, now=now) is not None
        except Exception:
            return False

    return is_date_line


def _images(containers: list[etree._Element], base: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for c in containers:
        for img in c.iter("img"):
            src = img.get("data-src") or img.get("data-lazy-src") or img.get("src") or ""
            if not src or src.startswith("data:"):
                continue
            url = urljoin(base, src.strip())
            if url in seen:
                continue
            seen.add(url)
            caption = None
            fig = next((a for a in img.iterancestors("figure")), None)
            if fig is not None:
                cap = fig.find(".//figcaption")
                if cap is not None:
                    caption = clean_text(" ".join(cap.itertext())) or None
            caption = caption or clean_text(img.get("alt") or "") or None
            out.append({"url": url, "caption": caption})
    return out


def _trafilatura_blocks(sel: Selector, url: str) -> list[Block]:
    """Paragraphs from trafilatura, the last-resort generic extractor.

    Measured on the realworld pages with newsbot's clean-up on top (every page forced through
    this path): default settings 10/15 bodies (mean sub-check score 0.950), favor_precision
    11/15 (0.917), favor_recall 9/15 (0.933); newsbot's own container reader: 15/15 (1.000).
    The default has the best mean and is used.
    """
    try:
        text = trafilatura.extract(
            sel.root,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            output_format="txt",
        )
    except Exception as exc:  # trafilatura is third-party: a crash means "no body", not a lost page
        logger.debug("trafilatura failed on %s: %s", url, exc)
        return []
    return [Block(text=line) for line in (text or "").split("\n") if line.strip()]


def extract_body(
    sel: Selector,
    url: str,
    portal: Any,
    selectors: Any,
    *,
    title: str | None,
    bylines: list[str],
    locale: str | None,
    zone: str | None,
    now: datetime,
    stats: Any = None,
    hidden: re.Pattern[str] | None = None,
    structured_body: str | None = None,
) -> BodyResult:
    """The cleaned body of the page with the related / tags / credit / byline lines it held."""
    clean = partial(
        clean_blocks,
        page_url=url,
        title=title,
        bylines=bylines,
        extra_boilerplate=tuple(getattr(portal, "boilerplate", ()) or ()),
        related_labels=tuple(getattr(portal, "related_labels", ()) or ()),
        is_date_line=_date_checker(locale, zone, now),
    )
    res = BodyResult()
    containers: list[etree._Element] = []
    counted: dict[str, int] = {}  # each candidate body is split into words once

    def words_of(text: str | None) -> int:
        if not text:
            return 0
        n = counted.get(text)
        if n is None:
            n = counted[text] = len(text.split())
        return n

    def words(result: BodyResult) -> int:
        return words_of(result.body)

    if selectors is not None and selectors.body:
        keep: list[etree._Element] = []  # lxml proxies must stay alive for id() to be stable
        scoped: list[etree.XPath] = []  # run on the containers only: nothing outside is read
        for q in selectors.remove:
            try:
                local = scoped_xpath(q)
                if local is not None:
                    scoped.append(local)
                else:
                    keep += select_roots(sel, q)
            except Exception as exc:
                logger.warning("remove selector %r failed: %s", q, exc)
        for q in selectors.body:
            try:
                containers = [x for x in select_roots(sel, q) if isinstance(x, etree._Element)]
            except Exception as exc:
                logger.warning("body selector %r failed: %s", q, exc)
                continue
            if containers:
                break
        if containers:
            keep += [x for c in containers for local in scoped for x in local(c)]
            removed = {id(x) for x in keep}
            blocks = [
                b
                for c in containers
                for b in read_blocks(c, url, skip_class_re=hidden, removed=removed)
            ]
            res = clean(blocks)
            if stats is not None:
                stats.inc("parser/body/selector")
    if words(res) < MIN_WORDS:
        container = generic_container(sel)
        if container is not None:
            lead = lead_before(container)
            raw = read_blocks(lead, url, skip_class_re=hidden) if lead is not None else []
            res2 = clean(raw + read_blocks(container, url, skip_class_re=hidden))
            if words(res2) > words(res):
                res, containers = res2, [container]
                if stats is not None:
                    stats.inc("parser/body/generic")
    guessed = False
    if words(res) < MIN_WORDS:
        res3 = clean(_trafilatura_blocks(sel, url))
        if words(res3) > words(res):
            res, guessed = res3, True
            if stats is not None:
                stats.inc("parser/body/trafilatura")
    if structured_body and (guessed or words(res) < STRUCTURED_SHARE * words_of(structured_body)):
        res4 = clean(_structured_blocks(structured_body, url))
        # a last-resort guess yields to the publisher's own text of about the same length
        if words(res4) > words(res) * (0.8 if guessed else 1):
            res = res4
            if stats is not None:
                stats.inc("parser/body/structured")
    res.images = _images(containers, url)
    return res


STRUCTURED_SHARE = 0.6
"""The page's text is kept unless it holds less than this share of the structured body."""


def _structured_blocks(text: str, url: str) -> list[Block]:
    """Paragraphs of a JSON-LD ``articleBody`` / page-data body (plain text or HTML)."""
    if "<" in text and re.search(r"</?(?:p|br|div)\b", text, re.I):
        frag = Selector(text=f"<html><body><div>{text}</div></body></html>")
        root = frag.xpath("//body/div")[0].root
        return read_blocks(root, url)
    return [Block(text=line) for line in re.split(r"\s*\n\s*", text) if line.strip()]
