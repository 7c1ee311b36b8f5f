"""Rotating gzipped WARC files (warcio): request, context metadata and response per fetch.

``RotatingWarcWriter(directory, prefix, max_bytes)`` writes ``<prefix>-<UTC time>-<n>-<pid>.warc.gz``
files, each opening with a ``warcinfo`` record. A file being written is named ``*.warc.gz.open``
and renamed when it is closed (past ``max_bytes``, or at the end of the crawl), so a reader
never picks up a half-written file; every record is one gzip member, flushed when written, so a
killed crawl leaves whole records in the ``.open`` file.

The response payload is the body as the crawl saw it (after Scrapy undid the transfer and content
encodings): ``Transfer-Encoding`` and ``Content-Encoding`` (when decoded) are dropped and
``Content-Length`` is the stored body's, so the record is consistent for any WARC reader.
"""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

__all__ = ["CONTEXT_TYPE", "RotatingWarcWriter", "warc_date"]

CONTEXT_TYPE = "application/vnd.newsbot.context+json"
"""Content-Type of the metadata record that precedes a response: ``{"hints", "depth", "via",
"portal"}`` of the request (read back by ``scrapy extract --warc``)."""

logger = logging.getLogger(__name__)

_DROPPED = {"transfer-encoding", "content-length"}


def warc_date(when: datetime) -> str:
    """``2024-01-15T10:00:00Z`` (whole seconds, UTC)."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class RotatingWarcWriter:
    """Writes fetches to rotating ``.warc.gz`` files in ``directory`` (module docstring)."""

    def __init__(
        self, directory: Path, prefix: str = "newsbot", max_bytes: int = 1 << 30, software: str = ""
    ) -> None:
        self.directory = Path(directory)
        self.prefix = prefix
        self.max_bytes = max(1, max_bytes)
        self.software = software or "newsbot"
        self.serial = 0
        self.files: list[Path] = []
        self._fh: BinaryIO | None = None
        self._path: Path | None = None
        self._writer: WARCWriter | None = None

    def _open(self) -> WARCWriter:
        if self._writer is not None:
            return self._writer
        self.directory.mkdir(parents=True, exist_ok=True)
        self.serial += 1
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        name = f"{self.prefix}-{stamp}-{self.serial:05d}-{os.getpid()}.warc.gz"
        self._path = self.directory / name
        self._fh = open(self._path.with_name(name + ".open"), "wb")  # noqa: SIM115 - kept open
        self._writer = WARCWriter(self._fh, gzip=True)
        info = self._writer.create_warcinfo_record(
            name, {"software": self.software, "format": "WARC File Format 1.0"}
        )
        self._writer.write_record(info)
        return self._writer

    def write(
        self,
        *,
        url: str,
        when: datetime,
        status: int,
        headers: Iterable[tuple[str, str]],
        body: bytes,
        protocol: str | None = None,
        method: str = "GET",
        request_headers: Iterable[tuple[str, str]] = (),
        request_body: bytes = b"",
        context: dict[str, Any] | None = None,
    ) -> None:
        """Append a request, a ``metadata`` record with ``context`` (JSON, the crawl's discovery
        hints: what extraction used besides the page) and the response; rotate past
        ``max_bytes``."""
        writer = self._open()
        date = warc_date(when)
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Unknown"
        kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED]
        kept.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(f"{status} {phrase}", kept, protocol=protocol or "HTTP/1.1")
        response = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
        request_http = StatusAndHeaders(
            f"{method} /{path} HTTP/1.1", list(request_headers), is_http_request=True
        )
        # request and context records point at the response they belong to
        linked = {
            "WARC-Date": date,
            "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
        }
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(request_body),
            http_headers=request_http,
            warc_headers_dict=dict(linked),
        )
        writer.write_record(request)
        if context:
            data = json.dumps(context, ensure_ascii=False, default=str).encode("utf-8")
            metadata = writer.create_warc_record(
                url,
                "metadata",
                payload=io.BytesIO(data),
                warc_content_type=CONTEXT_TYPE,
                warc_headers_dict=dict(linked),
            )
            writer.write_record(metadata)
        writer.write_record(response)
        assert self._fh is not None
        self._fh.flush()
        if self._fh.tell() >= self.max_bytes:
            self.close()

    def close(self) -> None:
        """Close the current file and give it its final name."""
        if self._fh is None or self._path is None:
            return
        self._fh.close()
        os.replace(self._path.with_name(self._path.name + ".open"), self._path)
        self.files.append(self._path)
        logger.info("WARC file written: %s", self._path)
        self._fh = self._path = self._writer = None
