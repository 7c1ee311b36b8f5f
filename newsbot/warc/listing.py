"""What the ``ccnews`` spider reads: ``warc.paths`` listings and which hosts it keeps.

``read_listing`` parses a (gzipped) ``warc.paths`` file, ``month_listing`` names Common Crawl's
CC-NEWS listing of a month, ``resolve`` turns a listed path into a URL, and :class:`Domains`
decides from a record's host alone (before its payload is read) whether it is kept:
``portals`` (a registered portal's host), ``all``, or a list of domains (subdomains included).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from newsbot import portals

if TYPE_CHECKING:
    from newsbot.portals import Portal

__all__ = ["Domains", "month_listing", "read_listing", "resolve"]

MONTH_LISTING = "crawl-data/CC-NEWS/{year}/{month}/warc.paths.gz"
_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def read_listing(data: bytes) -> list[str]:
    """WARC paths of a ``warc.paths`` listing (gzipped or not); blank and ``#`` lines skipped.
    Raises OSError/EOFError for a broken gzip file."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    lines = data.decode("utf-8", "replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def month_listing(month: str) -> str:
    """``2024-01`` -> the CC-NEWS listing path of that month; ValueError when not YYYY-MM."""
    match = _MONTH_RE.match(month.strip())
    if not match:
        raise ValueError(f"{month!r}: use YYYY-MM")
    return MONTH_LISTING.format(year=match.group(1), month=match.group(2))


def resolve(base: str, path: str) -> str:
    """A listed WARC path as a URL (absolute URLs are kept)."""
    if path.startswith(("http://", "https://")):
        return path
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))


@dataclass(frozen=True)
class Domains:
    """``-a domains=``: ``portals`` (default), ``all`` or a tuple of domains."""

    mode: str = "portals"
    names: tuple[str, ...] = ()

    @classmethod
    def parse(cls, value: object) -> Domains:
        """ValueError for an empty list."""
        text = str(value or "portals").strip().lower()
        if text in ("portals", "all"):
            return cls(text)
        names = tuple(d.strip().removeprefix("www.") for d in text.split(",") if d.strip())
        if not names:
            raise ValueError(f"{value!r}: use portals, all or a list d1,d2")
        return cls("list", names)

    def keep(self, host: str) -> tuple[bool, Portal | None]:
        """(the host is kept, the registry portal of the host)."""
        portal = portals.for_host(host) if host else None
        if self.mode == "all":
            return True, portal
        if self.mode == "portals":
            return portal is not None, portal
        bare = host.removeprefix("www.")
        return any(bare == d or bare.endswith("." + d) for d in self.names), portal
