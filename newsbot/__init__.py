"""newsbot: crawl Arabic news portals into clean, deduplicated article records.

Top-level API (pure functions, no crawl needed)::

    from newsbot import parse_date, parse_byline, clean_text, match_key, extract_article
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "parse_date": "newsbot.text.dates",
    "parse_byline": "newsbot.text.bylines",
    "clean_text": "newsbot.text.arabic",
    "match_key": "newsbot.text.arabic",
    "extract_article": "newsbot.extract",
}

__all__ = [
    "__version__",
    "clean_text",
    "extract_article",
    "match_key",
    "parse_byline",
    "parse_date",
]

if TYPE_CHECKING:
    from newsbot.extract import extract_article
    from newsbot.text.arabic import clean_text, match_key
    from newsbot.text.bylines import parse_byline
    from newsbot.text.dates import parse_date


def __getattr__(name: str) -> Any:
    """Import the exported functions lazily (``import newsbot`` stays cheap)."""
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsbot' has no attribute {name!r}")
