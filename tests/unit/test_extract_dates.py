"""Page dates vs discovery hints, and which short lines count as date lines (not body text)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from itemadapter import ItemAdapter

from newsbot.extract import extract_response
from newsbot.extract.dates import hint_text
from newsbot.extract.encoding import build_response
from newsbot.extract.text import is_date_shaped

P = "قال مسؤولون في الوزارة إن الخطة الجديدة ستدخل حيز التنفيذ مطلع الشهر المقبل بعد موافقة المجلس."
NOW = datetime(2024, 7, 1, tzinfo=UTC)


def _page(date_line: str = "", extra: str = "") -> bytes:
    return (
        "<html><head><title>الوزارة تعلن خطة جديدة</title></head><body><h1>الوزارة تعلن خطة جديدة</h1>"
        f"<div class='article-meta'><span class='date'>{date_line}</span></div>"
        f"<div class='article-body'><p>{P}</p>{extra}<p>{P}</p></div></body></html>"
    ).encode()


def _record(html: bytes, url: str, hints: dict[str, str] | None = None) -> dict:
    response = build_response(html, url)
    return ItemAdapter(extract_response(response, None, hints=hints, now=NOW)).asdict()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-09-16", "2023-09-16"),
        ("2023-09-16T00:00:00+00:00", "2023-09-16T00:00:00+00:00"),  # a written midnight is kept
        ("2023-09-16T12:00:00+03:00", "2023-09-16T12:00:00+03:00"),
        (datetime(2023, 9, 16, 9, 0, tzinfo=UTC), "2023-09-16T09:00:00+00:00"),
        (None, None),
    ],
)
def test_hint_text_keeps_a_bare_day_a_day(raw: object, expected: str | None) -> None:
    assert hint_text(raw) == expected


def test_date_only_sitemap_dates_stay_date_only_in_a_known_zone() -> None:
    # A Kuwaiti host: the country zone (+03:00) must not turn the day into 03:00 local time.
    record = _record(
        _page(),
        "https://www.alqabas.com/article/1-x",
        {
            "published": "2023-09-16",
            "modified": "2023-09-16",  # discovery hands a bare lastmod on as written
            "date_source": "sitemap",
        },
    )
    assert record["published"] == "2023-09-16"
    assert record["modified"] == "2023-09-16"
    assert record["date_source"] == "sitemap"


def test_day_only_page_date_takes_the_time_of_a_same_day_feed_date() -> None:
    record = _record(
        _page("تاريخ النشر: 16 سبتمبر 2023"),
        "https://www.example.com/news/1001",
        {"published": "2023-09-16T12:00:00+03:00", "date_source": "feed"},
    )
    assert record["published"] == "2023-09-16T12:00:00+03:00"
    assert record["date_source"] == "text+feed"
    assert record["published_raw"] == "تاريخ النشر: 16 سبتمبر 2023"


def test_feed_date_of_another_day_does_not_replace_the_page_day() -> None:
    record = _record(
        _page("تاريخ النشر: 16 سبتمبر 2023"),
        "https://www.example.com/news/1001",
        {"published": "2023-09-18T12:00:00+03:00", "date_source": "feed"},
    )
    assert record["published"] == "2023-09-16"
    assert record["date_source"] == "text"


def test_page_time_wins_over_the_feed_time() -> None:
    record = _record(
        _page("نشر في: 16 سبتمبر 2023 - 09:40 م"),
        "https://www.masrawy.com/news/1001",
        {"published": "2023-09-16T12:00:00+03:00", "date_source": "feed"},
    )
    assert record["published"].startswith("2023-09-16T21:40:00")  # the page's wall time
    assert record["date_source"] == "text"


@pytest.mark.parametrize(
    ("text", "date_line"),
    [
        ("الأحد 12 مايو 2024 - 10:15 ص", True),
        ("بروكسل، 9 تشرين الأول 2009", True),
        ("الخميس - 5 شعبان 1445 هـ - 15 فبراير 2024 م", True),
        ("نشر في: 28 يونيو ,2024: 05:02 ص GST آخر تحديث: 28 يونيو ,2024: 09:40 م GST", True),
        ("العربية.نت نشر في: 28 يونيو 2024 - 05:02 ص", True),
        ("افتتح المعرض يوم 12 مايو 2024", False),
        ("وقعت الاتفاقية في 3 يناير 2024.", False),
        ("تأجلت الامتحانات إلى 9 جوان 2024", False),
        ("وتنطلق الدورة المقبلة في 15 أيلول 2025 بمشاركة 40 دولة", False),
    ],
)
def test_date_line_shape(text: str, date_line: bool) -> None:
    assert is_date_shaped(text) is date_line


def test_a_short_sentence_with_a_date_stays_in_the_body() -> None:
    sentence = "وتأجلت الامتحانات إلى 9 جوان 2024."
    record = _record(
        _page(extra=f"<p>{sentence}</p><p>12 مايو 2024</p>"), "https://www.example.com/a/1"
    )
    assert sentence in record["body"]
    assert "12 مايو 2024\n" not in record["body"] and not record["body"].endswith("12 مايو 2024")
    assert record["body"].count(P) == 2


@pytest.mark.parametrize(
    ("url", "published", "tz_source"),
    [
        # No portal, a generic TLD and no offset on the page: the wall time, no invented offset.
        ("https://news.example.com/a/1", "2024-06-10T14:30:00", "unknown"),
        # A country TLD gives the country's zone (Cairo is UTC+3 in June 2024).
        ("https://news.example.com.eg/a/1", "2024-06-10T14:30:00+03:00", "country"),
    ],
)
def test_offset_is_never_invented(url: str, published: str, tz_source: str) -> None:
    record = _record(_page("نشر في: 10 يونيو 2024 - 02:30 م"), url)
    assert record["published"] == published
    assert record["date_tz_source"] == tz_source
