"""The shared normalisers the extractor uses, imported in one place.

``clean_text`` is wrapped to return ``""`` (never None) so that extraction code can chain it.
"""

from __future__ import annotations

from typing import Any

from newsbot import portals as _portals
from newsbot.text import boilerplate
from newsbot.text.arabic import arabic_ratio, first_key_word, strip_title_suffix, word_count
from newsbot.text.arabic import clean_text as _clean_text
from newsbot.text.arabic import match_key as _match_key
from newsbot.text.bylines import parse_byline, parse_credit
from newsbot.text.dates import date_from_url, parse_date_info
from newsbot.text.dates_lex import fold as fold_date_text
from newsbot.text.dates_lex import lex as lex_date_text
from newsbot.text.regions import region_for_host
from newsbot.text.script import ARABIC_SCRIPT_LANGUAGES, script_language


def clean_text(text: str | None, keep_paragraphs: bool = False) -> str:
    """``newsbot.text.arabic.clean_text`` returning ``""`` (never None) for empty input (cached
    there: the visible-text readers clean the same element texts again and again)."""
    if not text:
        return ""
    return _clean_text(text, keep_paragraphs=keep_paragraphs) or ""


def match_key(text: str | None) -> str:
    """``newsbot.text.arabic.match_key`` (cached there like :func:`clean_text`)."""
    return _match_key(text) if text else ""


def portal_for_url(url: str) -> Any:
    """The registry's portal for ``url`` (None: generic extraction)."""
    return _portals.for_url(url)


def portal_by_slug(slug: str) -> Any:
    """The portal called ``slug`` (KeyError listing the known slugs otherwise)."""
    return _portals.get(slug)


__all__ = [
    "ARABIC_SCRIPT_LANGUAGES",
    "arabic_ratio",
    "boilerplate",
    "clean_text",
    "date_from_url",
    "first_key_word",
    "fold_date_text",
    "lex_date_text",
    "match_key",
    "parse_byline",
    "parse_credit",
    "parse_date_info",
    "portal_by_slug",
    "portal_for_url",
    "region_for_host",
    "script_language",
    "strip_title_suffix",
    "word_count",
]
