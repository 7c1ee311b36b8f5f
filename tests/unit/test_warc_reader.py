"""The WARC reader, the range splitter, the language check and the rotating writer (offline)."""

from __future__ import annotations

import gzip
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from warcgen import WarcBuilder, article_page

from newsbot.warc.chunks import parse_content_range, split_range
from newsbot.warc.listing import read_listing
from newsbot.warc.pages import in_language, to_response
from newsbot.warc.reader import WarcDamaged, iter_records, parse_warc_date
from newsbot.warc.writer import RotatingWarcWriter


@pytest.fixture(scope="module")
def warc_bytes() -> bytes:
    buf = io.BytesIO()
    warc = WarcBuilder(buf)
    for n in range(3):
        warc.response(f"https://example.org/a/{n}", article_page(f"خبر رقم {n}", n))
    warc.gzip_chunked("https://example.org/gz", article_page("خبر مضغوط", 9))
    return buf.getvalue()


def _all(data: bytes) -> list:
    return list(iter_records(io.BytesIO(data), lambda r: r.type == "response"))


def test_records_and_decoded_payloads(warc_bytes: bytes) -> None:
    records = _all(warc_bytes)
    responses = [r for r in records if r.type == "response"]
    assert [r.url for r in responses][-1] == "https://example.org/gz"
    assert all(r.status == 200 and r.payload.startswith(b"<!DOCTYPE html>") for r in responses)
    assert [r.type for r in records].count("request") == 4
    assert records[0].type == "warcinfo" and records[0].payload is None


def test_every_truncation_is_reported_and_never_yields_a_short_payload(warc_bytes: bytes) -> None:
    full = {r.url: r.payload for r in _all(warc_bytes) if r.type == "response"}
    undetected = 0
    for cut in range(1, len(warc_bytes), 7):
        got = []
        try:
            for record in iter_records(io.BytesIO(warc_bytes[:cut]), lambda r: True):
                got.append(record)
        except WarcDamaged as exc:
            assert 0 <= exc.offset <= cut
        else:
            undetected += 1
        for record in got:
            if record.type == "response" and record.payload is not None:
                assert record.payload == full[record.url]
    # only cuts inside a gzip member's 8-byte trailer (the record itself is whole) go unnoticed
    assert undetected <= len(warc_bytes) // 7 // 20


def test_garbage_after_records_is_damage(warc_bytes: bytes) -> None:
    with pytest.raises(WarcDamaged, match=r"not a valid WARC record|not a record"):
        _all(warc_bytes + b"this is not a warc record\r\n" * 20)


def test_split_range_holds_back_the_last_record_until_the_end(warc_bytes: bytes) -> None:
    offsets = [r.offset for r in _all(warc_bytes)]
    start, seen = 0, []
    while True:
        end = start + 3000
        result = split_range(warc_bytes[start:end], start, end >= len(warc_bytes))
        seen += [r.offset for r in result.records]
        if result.next_offset is None:
            break
        assert result.next_offset in offsets
        start = result.next_offset
    assert seen == offsets and result.damage is None
    assert parse_content_range("bytes 10-19/100") == (10, 19, 100)
    assert parse_content_range("bytes 0-9/*") == (0, 9, None)


def test_language_check_and_charset_from_header() -> None:
    cp1256 = article_page("خبر", 1, charset=None).encode("windows-1256")
    records = _all(_one(cp1256, "text/html; charset=windows-1256"))
    arabic = next(r for r in records if r.type == "response")
    response = to_response(arabic)
    assert not isinstance(response, str)
    assert response.encoding == "cp1256" and "خبر" in response.text
    assert in_language(response, "ar") and not in_language(response, "en")
    english = next(
        r for r in _all(_one(article_page("News", 2, lang="en"))) if r.type == "response"
    )
    en_response = to_response(english)
    assert not isinstance(en_response, str)
    assert not in_language(en_response, "ar") and in_language(en_response, "en")
    mislabelled = article_page("خبر", 3).replace('lang="ar"', 'lang="en"')
    mis = next(r for r in _all(_one(mislabelled)) if r.type == "response")
    assert in_language(to_response(mis), "ar")  # type: ignore[arg-type]


def _one(body: bytes | str, content_type: str = "text/html; charset=utf-8") -> bytes:
    buf = io.BytesIO()
    WarcBuilder(buf).response("https://example.org/x", body, content_type=content_type)
    return buf.getvalue()


def test_listing_and_warc_date() -> None:
    text = b"# header\ncrawl-data/a.warc.gz\n\ncrawl-data/b.warc.gz\n"
    assert (
        read_listing(gzip.compress(text))
        == read_listing(text)
        == [
            "crawl-data/a.warc.gz",
            "crawl-data/b.warc.gz",
        ]
    )
    assert parse_warc_date("2024-01-15T10:00:00.123Z") == datetime(2024, 1, 15, 10, tzinfo=UTC)
    assert parse_warc_date("yesterday") is None


def test_writer_rotates_and_renames_closed_files(tmp_path: Path) -> None:
    writer = RotatingWarcWriter(tmp_path, prefix="t", max_bytes=2000)
    when = datetime(2024, 1, 15, 10, tzinfo=UTC)
    for n in range(6):
        writer.write(url=f"https://example.org/{n}", when=when, status=200,
                     headers=[("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
                     body=article_page(f"خبر {n}", n).encode(), context={"depth": 0})  # fmt: skip
    writer.close()
    one = RotatingWarcWriter(tmp_path / "one", max_bytes=10**6)
    one.write(url="https://example.org/", when=when, status=404, headers=[], body=b"")
    assert [p.suffix for p in (tmp_path / "one").iterdir()] == [".open"]  # still being written
    one.close()
    files = sorted(tmp_path.glob("t-*.warc.gz"))
    assert len(files) >= 2 and not list(tmp_path.glob("*.open"))
    records = [r for f in files for r in _all(f.read_bytes())]
    responses = [r for r in records if r.type == "response"]
    assert [r.url for r in responses] == [f"https://example.org/{n}" for n in range(6)]
    assert all(r.header("Transfer-Encoding") is None for r in responses)
    assert responses[0].date == "2024-01-15T10:00:00Z"
    assert sum(r.type == "metadata" for r in records) == 6


_PERSIAN = (
    "به گزارش خبرگزاری ایرنا، وزیر امور خارجه ایران روز یکشنبه با همتای خود در تهران دیدار "
    "کرد و درباره گسترش همکاری‌های اقتصادی و فرهنگی دو کشور گفت‌وگو کرد."
)
_URDU = (
    "وزیر اعظم نے کہا ہے کہ حکومت مہنگائی پر قابو پانے کے لیے اقدامات کر رہی ہے اور عوام کو "
    "ریلیف دینے کے لیے نئے منصوبے جلد شروع کیے جائیں گے"
)


@pytest.mark.parametrize(("text", "lang"), [(_PERSIAN, "fa"), (_URDU, "ur")])
def test_persian_and_urdu_pages_are_not_arabic(text: str, lang: str) -> None:
    """Arabic script is not Arabic: declared or not, these pages are not kept for ``ar``."""
    for attr in (f' lang="{lang}"', ""):
        page = f"<html{attr}><head><title>خبر</title></head><body><p>{text * 3}</p></body></html>"
        record = next(r for r in _all(_one(page)) if r.type == "response")
        response = to_response(record)
        assert not isinstance(response, str)
        assert not in_language(response, "ar")
        assert in_language(response, lang)
