"""Safe XML parsing for feeds and sitemaps: no entity expansion, no network, no huge trees."""

from __future__ import annotations

import gzip
import zlib

from lxml import etree

MAX_XML_BYTES = 50 * 1024 * 1024
"""Largest (decompressed) document parsed; the sitemap protocol caps files at 50 MB."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        huge_tree=False,
        no_network=True,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def maybe_gunzip(body: bytes, max_size: int = MAX_XML_BYTES) -> bytes:
    """``body`` decompressed when it is gzip data (``sitemap.xml.gz``), else unchanged."""
    if body[:2] != b"\x1f\x8b":
        return body
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decomp.decompress(body, max_size + 1)
    except (zlib.error, gzip.BadGzipFile):
        return b""
    return out[:max_size]


def parse_xml(body: bytes) -> etree._Element | None:
    """Root element of ``body`` (gzip accepted), or None when it is not XML at all."""
    data = maybe_gunzip(body).lstrip()
    if not data:
        return None
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        return None


def local(el: etree._Element) -> str:
    """Tag name without namespace ("" for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def child(el: etree._Element, *names: str) -> etree._Element | None:
    """First direct child whose local name is one of ``names``."""
    for sub in el:
        if local(sub) in names:
            return sub
    return None


def text_of(el: etree._Element | None) -> str | None:
    """Stripped text content of ``el`` (CDATA included), or None when empty."""
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return " ".join(value.split()) or None


def child_text(el: etree._Element, *names: str) -> str | None:
    """Text of the first direct child named one of ``names``."""
    return text_of(child(el, *names))
