"""Read the records of a WARC stream with warcio, detecting damage.

``iter_records(stream, want=...)`` yields one :class:`Record` per WARC record, in file order,
with the HTTP status and headers of HTTP records. The payload (HTTP body with the transfer and
content encodings undone: chunked, gzip, deflate, br) is read only for records that ``want``
accepts, so scanning a large WARC costs little for the records a caller skips.

Failure modes: a stream that ends inside a record (truncated download), bytes that are not a
WARC record (corruption), a gzip member cut short or trailing bytes warcio silently stops at
all raise :class:`WarcDamaged` (with the byte offset of the damage) *after* every complete
record before it has been yielded; an incomplete record is never yielded with a payload. A
payload whose content encoding cannot be undone is yielded with ``payload=None`` and
``error="undecodable"``; one larger than ``max_payload`` with ``error="too_large"``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

__all__ = ["MAX_PAYLOAD", "Record", "WarcDamaged", "iter_records", "parse_warc_date"]

MAX_PAYLOAD = 8 * 1024 * 1024
"""Payloads larger than this are not read (``error="too_large"``): no news page is this big."""


class WarcDamaged(Exception):
    """The WARC is truncated or corrupt at byte ``offset`` (of the stream as given)."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(f"damaged at byte {offset}: {message}")
        self.offset = offset
        self.message = message


@dataclass
class Record:
    """One WARC record as newsbot needs it."""

    type: str
    """WARC-Type: response, request, revisit, metadata, warcinfo, resource ..."""
    url: str
    """WARC-Target-URI (``<...>`` brackets of some writers removed); "" when absent."""
    date: str
    """WARC-Date as written."""
    offset: int
    """Byte offset of the record in the stream."""
    content_type_warc: str = ""
    """The record's own (WARC) Content-Type, lower case, without parameters."""
    status: int | None = None
    """HTTP status of an HTTP response record."""
    headers: list[tuple[str, str]] = field(default_factory=list)
    """HTTP headers (response/request records), in order."""
    payload: bytes | None = None
    """HTTP body, decoded; None unless ``want`` accepted the record."""
    error: str | None = None
    """Why ``payload`` is None although wanted: ``too_large`` or ``undecodable``."""

    def header(self, name: str) -> str | None:
        """The first HTTP header called ``name`` (case-insensitive)."""
        lower = name.lower()
        return next((v for k, v in self.headers if k.lower() == lower), None)

    @property
    def content_type(self) -> str:
        """The HTTP Content-Type, lower case, without parameters ("" when absent)."""
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()

    @property
    def fetched_at(self) -> datetime | None:
        return parse_warc_date(self.date)


def parse_warc_date(value: str | None) -> datetime | None:
    """WARC-Date (``2024-01-31T10:20:30Z``, fractions allowed) -> aware UTC datetime, whole
    seconds; None when missing or malformed."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0)


class _CountingReader(io.RawIOBase):
    """Counts the bytes read from ``inner`` (to find bytes warcio silently left unparsed)."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.count += len(data or b"")
        return data or b""

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def tell(self) -> int:
        return self.count


def _decode(raw: bytes, transfer: str | None, encoding: str | None) -> bytes:
    """The HTTP body with chunked transfer coding and content encoding undone (warcio's
    readers, as ``ArcWarcRecord.content_stream`` does); ValueError when that fails."""
    enc = (encoding or "").strip().lower() or None
    if enc not in BufferedReader.get_supported_decompressors():
        enc = None
    try:
        if (transfer or "").strip().lower() == "chunked":
            return bytes(ChunkedDataReader(io.BytesIO(raw), decomp_type=enc).read())
        if enc:
            return bytes(BufferedReader(io.BytesIO(raw), decomp_type=enc).read())
    except Exception as exc:  # zlib/brotli/chunk-size errors of one payload
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    return raw


def _record(rec: Any, offset: int) -> Record:
    h = rec.rec_headers
    url = (h.get_header("WARC-Target-URI") or "").strip().strip("<>")
    out = Record(
        type=rec.rec_type or "",
        url=url,
        date=h.get_header("WARC-Date") or "",
        offset=offset,
        content_type_warc=(h.get_header("Content-Type") or "").split(";")[0].strip().lower(),
    )
    http = rec.http_headers
    if http is not None:
        out.headers = [(str(k), str(v)) for k, v in http.headers]
        if out.type in ("response", "revisit"):
            try:
                out.status = int(http.get_statuscode() or 0) or None
            except (TypeError, ValueError):
                out.status = None
    return out


def _remaining(rec: Any) -> int:
    """Bytes of the record's block not yet read (> 0 after reading to the end: truncated)."""
    return int(getattr(rec.raw_stream, "limit", 0) or 0)


def _read_payload(rec: Any, out: Record, max_payload: int) -> None:
    parts: list[bytes] = []
    size = 0
    while size <= max_payload:
        block = rec.raw_stream.read(min(65536, max_payload + 1 - size))
        if not block:
            break
        parts.append(block)
        size += len(block)
    raw = b"".join(parts)
    if size > max_payload:
        out.error = "too_large"
        return
    if _remaining(rec):
        raise WarcDamaged(out.offset, f"record of {out.url or out.type} is truncated")
    try:
        out.payload = _decode(raw, out.header("Transfer-Encoding"), out.header("Content-Encoding"))
    except ValueError:
        out.error = "undecodable"


def iter_records(
    stream: BinaryIO,
    want: Callable[[Record], bool] | None = None,
    *,
    max_payload: int = MAX_PAYLOAD,
) -> Iterator[Record]:
    """The records of ``stream`` (module docstring); raises :class:`WarcDamaged` at damage."""
    source = _CountingReader(stream)
    iterator = ArchiveIterator(source, no_record_parse=False)
    previous: Any = None
    prev_offset = 0
    try:
        for rec in iterator:
            if previous is not None and _remaining(previous):
                raise WarcDamaged(prev_offset, "record is truncated")
            offset = iterator.offset  # start of this record (get_record_offset() would read it)
            length = (rec.rec_headers.get_header("Content-Length") or "").strip()
            if not rec.rec_type or not length.isdigit():
                raise WarcDamaged(offset, "record header is incomplete (truncated record)")
            out = _record(rec, offset)
            if want is not None and want(out):
                _read_payload(rec, out, max_payload)
            previous, prev_offset = rec, offset
            yield out
    except WarcDamaged:
        raise
    except Exception as exc:  # warcio: ArchiveLoadFailed, zlib.error, EOFError, AttributeError...
        at = iterator.offset if isinstance(getattr(iterator, "offset", None), int) else prev_offset
        raise WarcDamaged(at, _reason(exc)) from None
    if previous is not None and _remaining(previous):
        raise WarcDamaged(prev_offset, "last record is truncated")
    rest = len(stream.read() or b"")
    consumed = source.count + rest
    if consumed > iterator.offset:
        raise WarcDamaged(
            iterator.offset, f"{consumed - iterator.offset} bytes at the end are not a record"
        )


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    if isinstance(exc, AttributeError | EOFError):
        return "unexpected end of data (truncated record)"
    return f"not a valid WARC record ({type(exc).__name__}: {text})"
