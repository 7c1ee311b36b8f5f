"""A small static HTTP server on 127.0.0.1 for the offline demo and the end-to-end tests.

It serves a directory tree and supports a few "special routes" so tests can reproduce what real
portals do wrong: an HTTP error status, a slow response (timeout), a declared charset only in the
Content-Type header, a redirect. Paths are matched after percent-decoding, so Arabic slugs work.

    with serve_directory(site_dir, routes={"/broken": Route(status=500)}) as (server, base):
        ...  # base == "http://127.0.0.1:PORT"; server.hits counts requests per path
"""

from __future__ import annotations

import logging
import mimetypes
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json; charset=utf-8",
}


@dataclass
class Route:
    """A special response for one path (overrides the file, if any)."""

    status: int = 200
    body: bytes | None = None
    file: str | None = None
    """Serve this file (relative to the root) instead of the path's own file."""
    content_type: str | None = None
    delay: float = 0.0
    """Seconds to sleep before answering (a timeout test sets DOWNLOAD_TIMEOUT below this)."""
    headers: Mapping[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("demo server: " + format, *args)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        self.server.hits[path] = self.server.hits.get(path, 0) + 1
        self.server.requests.append(unquote(self.path))
        routes = self.server.routes
        route = routes.get(unquote(self.path)) or routes.get(path) or Route()
        if route.delay:
            time.sleep(route.delay)
        body, ctype = route.body, route.content_type
        if body is None:
            file = self._resolve("/" + route.file.lstrip("/") if route.file else path)
            if file is not None:
                body = file.read_bytes()
                ctype = (
                    ctype
                    or _TYPES.get(file.suffix.lower())
                    or (mimetypes.guess_type(file.name)[0] or "application/octet-stream")
                )
        status = route.status
        if body is None:
            status, body = (
                (404 if status == 200 else status),
                b"<html><body>not found</body></html>",
            )
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype or "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            pass

    def _resolve(self, path: str) -> Path | None:
        root = self.server.root
        candidate = (root / path.lstrip("/")).resolve()
        if root not in candidate.parents and candidate != root:
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default listen backlog is 5: a crawl opening 16 connections at once on a
    # loaded machine got SYNs dropped and spurious connect timeouts.
    request_queue_size = 128
    root: Path
    routes: dict[str, Route]
    hits: dict[str, int]
    requests: list[str]


def start_server(
    root: str | Path, routes: Mapping[str, Route] | None = None, port: int = 0
) -> tuple[_Server, str]:
    """Start a server thread that lives until ``server.shutdown()``; return it and its base URL.

    ``server.routes`` may be changed while it runs (a key with ``?query`` matches that query
    only); ``server.hits`` counts requests per path; ``server.requests`` lists every request
    target (path and query, percent-decoded) in order.
    """
    server = _Server(("127.0.0.1", port), _Handler)
    server.root = Path(root).resolve()
    server.routes = dict(routes or {})
    server.hits = {}
    server.requests = []
    threading.Thread(target=server.serve_forever, name="newsbot-server", daemon=True).start()
    host, bound = server.server_address[:2]
    logger.info("Serving %s on http://%s:%s", server.root, host, bound)
    return server, f"http://{host}:{bound}"


@contextmanager
def serve_directory(
    root: str | Path, routes: Mapping[str, Route] | None = None, port: int = 0
) -> Iterator[tuple[_Server, str]]:
    """Serve ``root`` on 127.0.0.1 (port 0 = a free one) for the ``with`` block."""
    server, base = start_server(root, routes, port)
    try:
        yield server, base
    finally:
        server.shutdown()
        server.server_close()
