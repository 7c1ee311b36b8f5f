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
_MOJIBAKE_LEADS = "ØÙÚÛ"
"""The first character of every ``_MOJIBAKE_RE`` hit."""


_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def looks_binary(body: bytes) -> bool:
    """True for bytes that are not text (NULs or many control bytes in the first 4 KB)."""
    head = body[:4096]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return b"\x00" in head or controls / len(head) > 0.05


def looks_mojibake(text: str) -> bool:
    """True when ``text`` holds UTF-8 Arabic decoded as a single-byte Western encoding."""
    head = text[:200_000]
    if not any(lead in head for lead in _MOJIBAKE_LEADS):
        return False  # every hit starts with one of them (a plain substring scan is fast)
    hits = len(_MOJIBAKE_RE.findall(head))
    return hits >= 5 and hits > len(_ARABIC_RE.findall(head))


def _western_bytes(text: str) -> bytes:
    """``text`` back to the bytes a cp1252 reader saw (C1 controls map to themselves, as browsers
    do for the five bytes cp1252 leaves undefined); UnicodeEncodeError for other characters."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


_MOJIBAKE_RUN_RE = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]{2,}"
)


def fix_mojibake(text: str) -> str:
    """Undo one round of UTF-8-read-as-cp1252/latin-1; ``text`` unchanged where that fails."""
    if not text or not _MOJIBAKE_RE.search(text):
        return text
    try:
        return _western_bytes(text).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass

    def _fix(m: re.Match[str]) -> str:  # mixed text: repair run by run
        try:
            return _western_bytes(m.group(0)).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)

    return _MOJIBAKE_RUN_RE.sub(_fix, text)


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
    """A response whose text is not mojibake: re-decoded as UTF-8 when its bytes are UTF-8 read
    under a wrong charset, or with its text repaired when UTF-8 was encoded twice."""
    try:
        text = response.text
    except (UnicodeError, LookupError):
        return response.replace(encoding="utf-8")  # type: ignore[no-any-return]
    if not looks_mojibake(text):
        return response
    if (response.encoding or "").lower().replace("-", "") != "utf8":
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            logger.debug(
                "re-decoding %s as UTF-8 (mojibake under %s)", response.url, response.encoding
            )
            fixed = response.replace(encoding="utf-8")
            if not looks_mojibake(fixed.text):
                return fixed  # type: ignore[no-any-return]
            response, text = fixed, fixed.text
    repaired = fix_mojibake(text)
    if repaired != text and not looks_mojibake(repaired):
        logger.debug("repaired double-encoded UTF-8 text of %s", response.url)
        return response.replace(body=repaired.encode("utf-8"), encoding="utf-8")  # type: ignore[no-any-return]
    return response
