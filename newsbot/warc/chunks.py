"""Complete WARC records of one byte range of a WARC file (ranged, restartable downloads).

A WARC is downloaded as a series of HTTP ``Range`` requests of a few MB, each starting at the
first byte of a record, so memory stays bounded by one range whatever the file size, and a
range's meta (file, offset) is everything needed to resume. :func:`split_range` reads the records
that are *complete* in a range: in a range that is not the file's last, the last record seen may
be cut (or silently dropped by the library), so it is never used; the next range starts at its
offset. In the last range every record is complete, and damage there (a truncated or corrupt
file) is reported in ``damage`` after the good records.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsbot.warc.reader import Record, WarcDamaged, iter_records

__all__ = ["RangeResult", "parse_content_range", "split_range"]

_CONTENT_RANGE_RE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)", re.I)


def parse_content_range(value: str | None) -> tuple[int, int, int | None] | None:
    """``bytes 0-99/1234`` -> (0, 99, 1234); total None for ``*``; None when malformed."""
    match = _CONTENT_RANGE_RE.search(value or "")
    if not match:
        return None
    first, last, total = match.groups()
    return int(first), int(last), (None if total == "*" else int(total))


@dataclass
class RangeResult:
    records: list[Record] = field(default_factory=list)
    """Complete records, offsets in the file's coordinates."""
    next_offset: int | None = None
    """Where the next range starts; None when the file is finished (or damaged)."""
    damage: WarcDamaged | None = None
    """Set in the last range when the file is truncated or corrupt (offset in the file)."""


def split_range(
    data: bytes, start: int, last: bool, want: Callable[[Record], bool] | None = None
) -> RangeResult:
    """The complete records of ``data`` (the bytes of the file from offset ``start``).

    ``last``: ``data`` reaches the end of the file. Not last and no complete record (one record
    larger than the range): ``records`` is empty and ``next_offset == start``.
    """
    result = RangeResult()
    held: Record | None = None
    try:
        for record in iter_records(io.BytesIO(data), want):
            record.offset += start
            if held is not None:
                result.records.append(held)
            held = record
    except WarcDamaged as exc:
        if last:
            result.damage = WarcDamaged(exc.offset + start, exc.message)
    if last:
        if held is not None:
            result.records.append(held)
        return result
    result.next_offset = held.offset if held is not None else start
    return result
