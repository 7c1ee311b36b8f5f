"""Canonical URL keys for deduplication (README "Deduplication", level 1).

:func:`canonical_url` maps every variant of an article address to one string: AMP and mobile
variants, tracking parameters, ``www.``/bare host, default port, trailing slash, fragment,
query order and the percent-encoding of Arabic paths (IRI -> URI, upper-case hex, NFC).
It is a *key* for the dupefilter and the seen-store, not a replacement for the page's own
``rel=canonical``: the scheme is kept, but the host loses ``www.``/``m.``/``amp.``, so the key
is not guaranteed to resolve. Lists of parameters and host prefixes are data, below.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

__all__ = ["TRACKING_PARAMS", "TRACKING_PREFIXES", "canonical_url"]

TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "igsh", "twclid", "ttclid", "li_fat_id", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc",
        "_hsmi", "hsctatracking", "mkt_tok", "ref", "ref_src", "ref_url", "referrer", "cmpid",
        "ocid", "smid", "s_cid", "xtor", "wt_mc", "wt.mc_id", "ito", "spm", "share",
        "fb_action_ids", "fb_action_types", "fb_source", "fb_ref", "__twitter_impression",
        "at_medium", "at_campaign", "at_custom1", "from_rss", "amp", "outputtype",
        "usqp", "amp_js_v", "amp_gsa", "_branch_match_id", "sr_share", "vero_id", "oly_enc_id",
    }
)  # fmt: skip
"""Query parameters removed (matched case-insensitively); ``amp``/``outputType`` are AMP switches."""

TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "itm_", "hmb_", "at_", "ga_")
"""Query parameter name prefixes removed (Google/Matomo/Piwik campaign tags)."""

HOST_VARIANT_PREFIXES: tuple[str, ...] = ("www.", "amp.", "m.", "mobile.", "mob.", "wap.")
"""Leading host labels that mark a variant of the same site (removed, one at a time)."""

_AMP_CACHE = re.compile(r"\.cdn\.ampproject\.org$", re.IGNORECASE)
_AMP_CACHE_PATH = re.compile(r"^/[a-z]/(s/)?(?P<rest>[^/].*)$")
_AMP_SEGMENT = re.compile(r"/amp(?=/|$)", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"\.amp(?=\.html?$|$)", re.IGNORECASE)
_NON_ASCII_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def _unwrap_amp_cache(url: str) -> str:
    """``https://www-site-com.cdn.ampproject.org/c/s/www.site.com/a`` -> ``https://www.site.com/a``."""
    parts = urlsplit(url)
    if not _AMP_CACHE.search(parts.hostname or ""):
        return url
    match = _AMP_CACHE_PATH.match(parts.path)
    if not match:
        return url
    scheme = "https" if match.group(1) else "http"
    query = f"?{parts.query}" if parts.query else ""
    return f"{scheme}://{match.group('rest')}{query}"


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    changed = True
    while changed:
        changed = False
        for prefix in HOST_VARIANT_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and "." in rest:
                host, changed = rest, True
    return host


def _decode_escapes(match: re.Match[str]) -> str:
    try:
        return unquote(match.group(0), errors="strict")
    except UnicodeDecodeError:  # a legacy (e.g. windows-1256) escape: keep it as it is
        return match.group(0).upper()


def _path(path: str) -> str:
    # IRI -> URI with one encoding: decode the escaped UTF-8 runs only (an escaped "/" or "%"
    # stays escaped), NFC (Arabic hamza forms can come decomposed), re-encode.
    decoded = _NON_ASCII_ESCAPES.sub(_decode_escapes, path)
    decoded = unicodedata.normalize("NFC", decoded)
    decoded = _AMP_SEGMENT.sub("", decoded)
    decoded = _AMP_SUFFIX.sub("", decoded)
    decoded = re.sub(r"/{2,}", "/", decoded)
    if len(decoded) > 1:
        decoded = decoded.rstrip("/")
    encoded = quote(decoded, safe="/:@!$&'()*+,;=-._~%")
    return encoded or "/"


@lru_cache(maxsize=4096)
def canonical_url(url: str) -> str:
    """The dedup key of ``url`` (see module docstring); non-http(s) input is returned stripped.

    Memoised (the last 4,096 URLs): a crawl asks for the same page's key in the dupefilter, the
    incremental middleware, the resume journal and the dedupe pipeline.

    >>> canonical_url("https://m.Example.com:443/news/amp/123/?utm_source=fb&b=2&a=1#top")
    'https://example.com/news/123?a=1&b=2'
    """
    url = url.strip()
    parts = urlsplit(_unwrap_amp_cache(url))
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = _host(parts.hostname)
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    return canonicalize_url(urlunsplit((scheme, netloc, _path(parts.path), query, "")))
