"""A WARC response record -> the ``HtmlResponse`` a live crawl would have seen, or why not.

:func:`skip_reason` decides from the record's headers alone (cheap, before the payload is read):
``not_response`` (request, metadata, warcinfo, resource ... records), ``revisit``, ``not_http``,
``status_<code>`` (anything but 200) and ``not_html`` (a Content-Type that is neither HTML nor
XHTML). :func:`to_response` builds the response with the record's own HTTP headers, so the
Content-Type charset (``windows-1256``), a BOM or ``<meta charset>`` are honoured exactly as
for a downloaded page (Scrapy's ``responsetypes`` picks the class; non-HTML -> ``not_html``).
The transfer/content encodings are already undone by the reader, so their headers are dropped.

:func:`in_language` is the language check of archived pages: the declared language
(``<html lang>``, ``Content-Language``, ``og:locale``) or, for Arabic, the share of Arabic-script
letters in the visible text.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Headers, HtmlResponse
from scrapy.responsetypes import responsetypes
from w3lib.url import safe_url_string

from newsbot.text.script import ARABIC_SCRIPT_LANGUAGES, script_language
from newsbot.warc.reader import Record

__all__ = ["in_language", "skip_reason", "to_response"]

HTML_TYPES = ("text/html", "application/xhtml+xml", "")
"""Content-Types read as pages ("" = none given: the payload is sniffed)."""
_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def skip_reason(record: Record) -> str | None:
    """None when ``record`` may hold an HTML page, else why it is skipped (module docstring)."""
    if record.type == "revisit":
        return "revisit"
    if record.type != "response":
        return "not_response"
    if not record.url.startswith(("http://", "https://")) or record.status is None:
        return "not_http"
    if record.status != 200:
        return f"status_{record.status}"
    if record.content_type not in HTML_TYPES:
        return "not_html"
    return None


def to_response(record: Record, meta: dict[str, Any] | None = None) -> HtmlResponse | str:
    """The ``HtmlResponse`` of a response record whose payload was read, else a skip reason
    (``too_large``, ``undecodable``, ``not_html``)."""
    if record.payload is None:
        return record.error or "no_payload"
    headers = Headers()
    for name, value in record.headers:
        if name.lower() not in _DROPPED_HEADERS:
            headers.appendlist(name, value)
    url = safe_url_string(record.url)
    cls = responsetypes.from_args(headers=headers, url=url, body=record.payload[:4096])
    if not issubclass(cls, HtmlResponse):
        return "not_html"
    request = Request(url, meta=dict(meta or {}))
    return HtmlResponse(
        url, status=record.status or 200, headers=headers, body=record.payload, request=request
    )


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


_LANG_RES = (
    re.compile(r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.I),
    re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?content-language[^>]*>", re.I),
    re.compile(r"<meta\b[^>]*property\s*=\s*[\"']?og:locale[\"'\s][^>]*>", re.I),
)
_CONTENT_RE = re.compile(r"content\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.I)
_INVISIBLE_RE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.S | re.I)
_TAG_RE = re.compile(r"<[^>]*>")
SAMPLE_CHARS = 20_000
"""Only the start of a page's text is sampled for the script share."""
MIN_SCRIPT_SHARE = 0.5
"""Share of Arabic-script letters above which an undeclared (or mis-declared) page is Arabic."""


def declared_language(response: HtmlResponse) -> str | None:
    """The page's declared language as a lower-case primary subtag (``ar``), else None:
    ``<html lang>``, ``<meta http-equiv=content-language>``, ``og:locale``, then the
    Content-Language header (regexes on the page's start: no DOM is built for this)."""
    head = response.text[:20_000]
    for n, pattern in enumerate(_LANG_RES):
        match = pattern.search(head)
        if match and n:
            match = _CONTENT_RE.search(match.group(0))
        if match:
            return match.group(1).lower()
    header = (response.headers.get(b"Content-Language") or b"").decode("latin-1").strip()
    return header.split(",")[0].split("-")[0].strip().lower() or None


_ARABIC_LETTER_RE = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\ufb50-\ufdff\ufe70-\ufefc]"
)


def _visible_sample(response: HtmlResponse) -> str:
    """The start of the page's visible text (tags, scripts and styles cut by regexes)."""
    text = response.text[: SAMPLE_CHARS * 3]
    return _TAG_RE.sub(" ", _INVISIBLE_RE.sub(" ", text))[:SAMPLE_CHARS]


def script_share(response: HtmlResponse, sample: str | None = None) -> float:
    """Share of Arabic-script letters among the letters of the visible text at the start of
    the page (regex counts: this runs on every page of a ``domains=all`` scan)."""
    text = _visible_sample(response) if sample is None else sample
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    if not arabic:  # most pages of a CC-NEWS scan: no need to count their letters
        return 0.0
    return arabic / sum(1 for ch in text if ch.isalpha())


def in_language(response: HtmlResponse, language: str) -> bool:
    """True when the page is in ``language`` (``""``/``any``: always).

    The declared language decides, except that a page whose visible text is mostly Arabic
    script counts as written in the language its letters show (``script_language``: Arabic,
    Persian, Urdu, ...) whatever it declares (templates often say ``lang="en"``), so a Persian
    or Urdu page is not taken for Arabic. For those languages an undeclared page is judged by
    its text alone; for other languages an undeclared page is not kept.
    """
    wanted = (language or "").strip().lower()
    if wanted in ("", "any", "all"):
        return True
    declared = declared_language(response)
    if declared == wanted:
        return True
    if wanted in ARABIC_SCRIPT_LANGUAGES:
        sample = _visible_sample(response)
        if script_share(response, sample) < MIN_SCRIPT_SHARE:
            return False
        return script_language(sample) == wanted
    return False
