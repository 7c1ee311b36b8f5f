"""Gazetteer of Arabic given names (data file ``data/given_names.txt``, ~4,400 names).

``is_given_name("أحمد")`` is True for a given name in any common spelling (the file holds the
:func:`newsbot.text.arabic.match_key` fold; compound names such as "عبد الله" are one entry).
Used by the byline parser to tell a person from an outlet and to split two names written
without a separator. The file is read once, lazily; a missing file is an installation error
(FileNotFoundError), never silently an empty list.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from newsbot.text.arabic import match_key

__all__ = ["given_names", "is_given_name", "starts_with_given_name"]

DATA_FILE = files("newsbot.text") / "data" / "given_names.txt"
"""Read through importlib.resources, so it works from an installed package or egg too."""


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Match keys of every given name in the gazetteer."""
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        k for line in lines if line and not line.startswith("#") if (k := match_key(line))
    )


def is_given_name(word: str) -> bool:
    """Is ``word`` (one word, or a compound such as "عبد الله") a given name?"""
    key = match_key(word)
    return bool(key) and key in given_names()


def starts_with_given_name(words: list[str]) -> int:
    """Number of words (0, 1 or 2) of the given name that opens ``words``."""
    if len(words) >= 2 and is_given_name(f"{words[0]} {words[1]}"):
        return 2
    return 1 if words and is_given_name(words[0]) else 0
