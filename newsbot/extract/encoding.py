"""Bytes -> a Scrapy ``HtmlResponse`` with the right text encoding, and mojibake repair.

Scrapy's ``TextResponse`` already honours the HTTP ``Content-Type`` charset, a BOM and ``<meta
charset>`` (through w3lib's ``html_to_unicode``). On top of that this module caps huge pages,
recognises binary garbage, and repairs UTF-8 text that was decoded as windows-1252 / latin-1
(``Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©`` -> ``العربية``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from scrapy.http import HtmlResponse, TextResponse
from w3lib.url import safe_url_string

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
"""Pages are cut at this size before parsing (the article is always near the top)."""

_MOJIBAKE_RE = re.compile(
    "[ØÙÚÛ][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
_ARABIC_RE = re.compile("[\u0600-\u06ff]")


def looks_binary(body: bytes) -> bool:
    """True for bytes that are not text (NULs or many control bytes in the first 4 KB)."""
    head = body[:4096]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or controls / len(head) > 0.05


def looks_mojibake(text: str) -> bool:
    """True when ``text`` holds UTF-8 Arabic decoded as a single-byte Western encoding."""
    hits = len(_MOJIBAKE_RE.findall(text[:200_000]))
    return hits >= 5 and hits > len(_ARABIC_RE.findall(text[:200_000]))


def fix_mojibake(text: str) -> str:
    """Undo one round of UTF-8-as-cp1252/latin-1 decoding; return ``text`` unchanged if it fails."""
    if not text or not _MOJIBAKE_RE.search(text):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue

    # Mixed text: repair run by run.
    def _fix(m: re.Match[str]) -> str:
        for codec in ("cp1252", "latin-1"):
            try:
                return m.group(0).encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        return m.group(0)

    return re.sub(
        "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{2,}",
        _fix,
        text,
    )


def build_response(
    html: bytes | str, url: str, headers: Mapping[str, str] | None = None
) -> HtmlResponse:
    """An ``HtmlResponse`` for ``html`` at ``url`` (non-ASCII URLs are percent-encoded)."""
    safe = safe_url_string(url or "about:blank")
    if isinstance(html, str):
        body = html.encode("utf-8", "surrogatepass")[:MAX_BYTES]
        return HtmlResponse(safe, body=body, headers=dict(headers or {}), encoding="utf-8")
    body = bytes(html)[:MAX_BYTES]
    return HtmlResponse(safe, body=body, headers=dict(headers or {}))


def repair_response(response: TextResponse) -> TextResponse:
    """Re-decode a response whose text is mojibake but whose bytes are valid UTF-8."""
    try:
        text = response.text
    except (UnicodeError, LookupError):
        return response.replace(encoding="utf-8")  # type: ignore[no-any-return]
    if looks_mojibake(text):
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            return response
        logger.debug("re-decoding %s as UTF-8 (mojibake under %s)", response.url, response.encoding)
        return response.replace(encoding="utf-8")  # type: ignore[no-any-return]
    return response
