"""WARC fixtures written with warcio, and a static server with HTTP ``Range`` support.

``article_page(title, seed, lang)`` builds an article page (JSON-LD NewsArticle, paragraphs of
seeded Arabic or English words); ``WarcBuilder`` writes records of every kind the CC-NEWS spider
meets; ``start_range_server(root)`` serves a directory on 127.0.0.1 like Common Crawl's data
server does (``Range: bytes=a-b`` -> 206 with ``Content-Range``). Importable from tests and from
``benchmarks/bench_warc.py`` (tests/e2e on sys.path).
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

_AR_TEXT = (
    "الحكومة الوزير الاقتصاد المدينة الشعب الرئيس البرلمان القرار المشروع التعليم الصحة "
    "المستشفى الطلاب الجامعة السوق الأسعار النفط الطاقة المياه الزراعة الشركة المصرف الاستثمار "
    "المواطنين العاصمة المحافظة الأمن الشرطة المحكمة القانون الانتخابات المؤتمر الاتفاق التعاون "
    "الدولي العربي الخليج البحر الصحراء الطريق القطار المطار الميناء الصناعة التجارة التصدير "
    "الاستيراد الموازنة العجز النمو البطالة الشباب المرأة الأطفال الثقافة الفن المسرح السينما "
    "الرياضة المنتخب البطولة الملعب الفريق المدرب اللاعب الهدف المباراة الجمهور أعلن أكد قال "
    "أضاف أوضح كشف بحث ناقش افتتح زار وقع أطلق استقبل شارك اليوم أمس غدا خلال بعد قبل حتى"
)
_EN_TEXT = (
    "government minister economy city people president parliament decision project education "
    "health hospital students university market prices oil energy water agriculture company bank "
    "investment citizens capital province security police court law elections conference deal "
    "said added announced today yesterday after before during the a of in on with for and"
)
AR_WORDS = tuple(_AR_TEXT.split())
EN_WORDS = tuple(_EN_TEXT.split())


def words(seed: int, n: int, vocab: tuple[str, ...] | list[str]) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(vocab) for _ in range(n)]


def article_page(
    title: str,
    seed: int,
    *,
    lang: str = "ar",
    published: str = "2024-01-15T09:30:00+02:00",
    charset: str | None = "utf-8",
    paragraphs: int = 5,
) -> str:
    """An article page; ``charset`` None: no ``<meta charset>`` (the HTTP header decides)."""
    vocab = AR_WORDS if lang == "ar" else EN_WORDS
    paras = [" ".join(words(seed * 100 + i, 40, vocab)) + "." for i in range(paragraphs)]
    author = "محمد أحمد" if lang == "ar" else "John Smith"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "author": {"@type": "Person", "name": author},
    }
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{title}</title>'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


class WarcBuilder:
    """Writes WARC records (gzipped, one member per record) to ``fh`` with warcio."""

    def __init__(
        self, fh: BinaryIO, date: str = "2024-01-15T10:00:00Z", *, warcinfo: bool = True
    ) -> None:
        self.writer = WARCWriter(fh, gzip=True)
        self.date = date
        if warcinfo:
            self.writer.write_record(
                self.writer.create_warcinfo_record("test.warc.gz", {"software": "newsbot tests"})
            )

    def _warc_headers(self, date: str | None) -> dict[str, str]:
        return {"WARC-Date": date or self.date}

    def response(
        self,
        url: str,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        extra: list[tuple[str, str]] | None = None,
        date: str | None = None,
        with_request: bool = True,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = [("Content-Type", content_type), *(extra or [])]
        if not any(k.lower() == "transfer-encoding" for k, _ in headers):
            headers.append(("Content-Length", str(len(data))))
        reason = {200: "OK", 404: "Not Found", 301: "Moved Permanently"}.get(status, "X")
        http = StatusAndHeaders(f"{status} {reason}", headers, protocol="HTTP/1.1")
        if with_request:
            path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
            req = StatusAndHeaders(
                f"GET {path} HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True
            )
            self.writer.write_record(
                self.writer.create_warc_record(
                    url, "request", http_headers=req, warc_headers_dict=self._warc_headers(date)
                )
            )
        self.writer.write_record(
            self.writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(data),
                http_headers=http,
                warc_headers_dict=self._warc_headers(date),
            )
        )

    def gzip_chunked(self, url: str, html: str) -> None:
        """A response whose payload is gzip content-encoded and sent chunked."""
        gz = gzip.compress(html.encode("utf-8"))
        half = len(gz) // 2
        chunked = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in (gz[:half], gz[half:]))
        chunked += b"0\r\n\r\n"
        self.response(
            url,
            chunked,
            extra=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
        )

    def revisit(self, url: str) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(
            url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=url,
            refers_to_date="20240101000000", http_headers=http,
        )  # fmt: skip
        self.writer.write_record(record)

    def metadata(self, url: str) -> None:
        record = self.writer.create_warc_record(
            url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
            warc_content_type="application/warc-fields",
        )  # fmt: skip
        self.writer.write_record(record)


_RANGE_RE = re.compile(r"bytes=(\d+)-(\d*)")


class RangeHandler(SimpleHTTPRequestHandler):
    """Static files with single ``Range: bytes=a-b`` support (206 + Content-Range)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        match = _RANGE_RE.fullmatch(self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            super().do_GET()
            return
        size = path.stat().st_size
        first = int(match.group(1))
        last = min(int(match.group(2)) if match.group(2) else size - 1, size - 1)
        if first >= size:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return
        self.send_response(206)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.end_headers()
        with path.open("rb") as fh:
            fh.seek(first)
            remaining = last - first + 1
            while remaining:
                block = fh.read(min(remaining, 1 << 16))
                if not block:
                    break
                self.wfile.write(block)
                remaining -= len(block)


def start_range_server(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``root`` on 127.0.0.1 (free port) until ``server.shutdown()``."""

    class Handler(RangeHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, name="warc-server", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
