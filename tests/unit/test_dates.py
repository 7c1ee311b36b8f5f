"""Unit tables for newsbot.text.dates: real-looking Arabic date strings, frozen ``now``."""

from __future__ import annotations

import json
import os
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hijridate import Hijri

from newsbot.text.dates import date_from_url, parse_date, parse_date_info

NOW = datetime(2024, 5, 20, 12, 0, tzinfo=UTC)  # a Monday


def local(text: str, **kw) -> str | None:
    """The parsed wall time as the page wrote it: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM[:SS]'."""
    info = parse_date_info(text, now=NOW, **kw)
    if info is None:
        return None
    assert info.value.tzinfo is not None
    if info.date_only:
        assert info.value.time() == datetime.min.time()
        return info.value.date().isoformat()
    fmt = "%Y-%m-%d %H:%M:%S" if info.value.second else "%Y-%m-%d %H:%M"
    return info.value.strftime(fmt)


EGYPT_GULF = [
    ("الإثنين، 24 أغسطس 2020 09:23 ص", "2020-08-24 09:23"),
    ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", "2020-10-07 12:09"),
    ("الإثنين، 13 مايو 2024 06:00 ص", "2024-05-13 06:00"),
    ("03 يونيو 2020", "2020-06-03"),
    ("الخميس 5 يناير 2023", "2023-01-05"),
    ("12 فبراير 2022", "2022-02-12"),
    ("1 فبرایر 2022", "2022-02-01"),
    ("15 مارس 2023 - 08:15 م", "2023-03-15 20:15"),
    ("الثلاثاء 11 ابريل 2023", "2023-04-11"),
    ("11 أبريل 2023", "2023-04-11"),
    ("11 إبريل 2023", "2023-04-11"),
    ("2 مايو 2021", "2021-05-02"),
    ("2 ماي 2021", "2021-05-02"),
    ("20 يونيه 2021", "2021-06-20"),
    ("23 يوليو 2019", "2019-07-23"),
    ("23 يوليه 2019", "2019-07-23"),
    ("8 اغسطس 2018", "2018-08-08"),
    ("السبت 30 سبتمبر 2023", "2023-09-30"),
    ("6 اكتوبر 2022", "2022-10-06"),
    ("الجمعة، 10 نوفمبر 2023 04:05 م", "2023-11-10 16:05"),
    ("31 ديسمبر 2023 11:59 م", "2023-12-31 23:59"),
]
LEVANT_IRAQ = [
    ("5 كانون الثاني 2021", "2021-01-05"),
    ("5 كانون 2 2021", "2021-01-05"),
    ("14 شباط 2020", "2020-02-14"),
    ("الأحد 3 آذار 2024", "2024-03-03"),
    ("24 نيسان 2020", "2020-04-24"),
    ("1 أيار 2022", "2022-05-01"),
    ("21 حزيران 2019", "2019-06-21"),
    ("17 تموز 2017", "2017-07-17"),
    ("4 آب 2020 | 18:07", "2020-08-04 18:07"),
    ("أيلول 11، 2001", "2001-09-11"),
    ("بروكسل، 9 تشرين الأول 2009", "2009-10-09"),
    ("القاهرة - محمد أحمد - الأحد 24 مارس 2024", "2024-03-24"),
    ("9 تشرين 1 2009", "2009-10-09"),
    ("9 تشرين أول 2009", "2009-10-09"),
    ("22 تشرين الثاني 2019", "2019-11-22"),
    ("25 كانون الأول 2022", "2022-12-25"),
]
MAGHREB = [
    ("الجمعة 8 فيفري 2019", "2019-02-08"),
    ("13 جانفي 2020", "2020-01-13"),
    ("20 مارس 2021", "2021-03-20"),
    ("9 أفريل 2021", "2021-04-09"),
    ("1 ماي 2022", "2022-05-01"),
    ("الأربعاء 15 جوان 2022", "2022-06-15"),
    ("5 جويلية 1962", "1962-07-05"),
    ("20 أوت 2020", "2020-08-20"),
    ("1 نوفمبر 2023", "2023-11-01"),
    # Moroccan
    ("30 يوليوز 2023", "2023-07-30"),
    ("14 غشت 2023", "2023-08-14"),
    ("8 شتنبر 2023", "2023-09-08"),
    ("6 نونبر 2023", "2023-11-06"),
    ("الإثنين 18 دجنبر 2023 - 10:45", "2023-12-18 10:45"),
    ("فاتح ماي 2024", "2024-05-01"),
    # Mauritanian
    ("الثلاثاء 3 دجمبر 2024", None),  # future relative to NOW
    ("3 دجمبر 2023", "2023-12-03"),
    ("12 أغشت 2022", "2022-08-12"),
    ("28 ابريل 2024", "2024-04-28"),
    ("4 مايو 2024", "2024-05-04"),
]
LIBYA = [
    ("1 أي النار 2010", "2010-01-01"),
    ("2 النوار 2010", "2010-02-02"),
    ("3 الربيع 2010", "2010-03-03"),
    ("4 الطير 2010", "2010-04-04"),
    ("5 الماء 2010", "2010-05-05"),
    ("6 الصيف 2010", "2010-06-06"),
    ("7 ناصر 2010", "2010-07-07"),
    ("8 هانيبال 2010", "2010-08-08"),
    ("1 الفاتح 2010", "2010-09-01"),
    ("10 التمور 2010", "2010-10-10"),
    ("11 الحرث 2010", "2010-11-11"),
    ("12 الكانون 2010", "2010-12-12"),
]
DOUBLE_NAMES_LABELS_PUNCT = [
    ("5 يناير/كانون الثاني 2020", "2020-01-05"),
    ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24 21:22"),
    ("3 مارس/ آذار 2024", "2024-03-03"),
    ("الأحد 7 كانون الثاني (يناير) 2024", "2024-01-07"),
    ("نشر في: 24 مارس 2024", "2024-03-24"),
    ("نُشر بتاريخ 24 مارس 2024 - 10:30 ص", "2024-03-24 10:30"),
    ("نشر بتاريخ: الأحد، 24 مارس 2024", "2024-03-24"),
    ("آخر تحديث: 25/03/2024 14:05", "2024-03-25 14:05"),
    ("تاريخ النشر: 16th, September 2023 GMT", "2023-09-16"),
    ("تاريخ الإضافة: 2024-03-24 10:00", "2024-03-24 10:00"),
    ("Published: 24 March 2024", "2024-03-24"),
    ("نشر في 24 مارس 2024 | 10:30", "2024-03-24 10:30"),
    ("الأحد @ 24 مارس 2024 @ 10:30 ص", "2024-03-24 10:30"),
    ("2024-03-24 | 10:30 - آخر تحديث", "2024-03-24 10:30"),
    ("‏الأحد‏، ‏24‏ ‏مارس‏، ‏2024", "2024-03-24"),  # RLM marks around every word
    ("الأحـــد 24 مــارس 2024", "2024-03-24"),  # tatweel
    ("2020-06-03T03:01 آخر تحديث", "2020-06-03 03:01"),
]
DIGITS_MERIDIEM = [
    ("٢٤ مارس ٢٠٢٤ ١٠:٣٠ ص", "2024-03-24 10:30"),
    ("۲۴ مارس ۲۰۲۴ ۱۰:۳۰ م", "2024-03-24 22:30"),
    ("24 مارس 2024 10:30 صباحاً", "2024-03-24 10:30"),
    ("24 مارس 2024 10:30 صباحا", "2024-03-24 10:30"),
    ("24 مارس 2024 10:30 صباحًا", "2024-03-24 10:30"),
    ("24 مارس 2024 12:15 ص", "2024-03-24 00:15"),
    ("24 مارس 2024 12:15 م", "2024-03-24 12:15"),
    ("24 مارس 2024 07:30 مساءً", "2024-03-24 19:30"),
    ("24 مارس 2024 07:30 مساء", "2024-03-24 19:30"),
    ("24 مارس 2024 01:30 ظهراً", "2024-03-24 13:30"),
    ("24 مارس 2024 11:30 ظهرا", "2024-03-24 11:30"),
    ("24 مارس 2024 04:10 فجراً", "2024-03-24 04:10"),
    ("24 مارس 2024 الساعة 10 مساء", "2024-03-24 22:00"),
    ("24 مارس 2024 - 21:40:05", "2024-03-24 21:40:05"),
    ("24 مارس 2024 10.30 م", "2024-03-24 22:30"),
    ("24.03.2024 - 10.30 صباحا", "2024-03-24 10:30"),
    ("الإثنين الموافق للثامن من يوليو 2024", None),  # future relative to NOW
    ("الموافق للثامن من يناير 2024", "2024-01-08"),
    ("الحادي والعشرين من مارس 2024", "2024-03-21"),
]
ENGLISH_ISO_NUMERIC = [
    ("16th, September 2023 GMT", "2023-09-16"),
    ("November 9, 2020", "2020-11-09"),
    ("GMT 17:27 17.03.2020", "2020-03-17 17:27"),
    ("Mon, 24 Aug 2020 09:23:00 +0300", "2020-08-24 09:23"),
    ("Sep 16, 2023 10:30 PM", "2023-09-16 22:30"),
    ("Updated 3 March 2024, 13:52 GMT", "2024-03-03 13:52"),
    ("2020-12-25T01:59:50+02:00", "2020-12-25 01:59:50"),
    ("2024-03-03T13:52:13.299+00:00", "2024-03-03 13:52:13"),
    ("2024-03-03T13:52:13Z", "2024-03-03 13:52:13"),
    ("2024-03-03T13:52:13.123456789Z", "2024-03-03 13:52:13"),
    ("2020-08-24T09:23:00+0300", "2020-08-24 09:23"),
    ("2024-03-03 13:52", "2024-03-03 13:52"),
    ("2024-03-03", "2024-03-03"),
    ("١ / ١٢ / ٢٠٢٠", "2020-12-01"),
    ("25/12/2020", "2020-12-25"),
    ("09/10/2023", "2023-10-09"),  # Arabic pages are day-first
    ("12/25/2020", "2020-12-25"),  # only one reading is a date
    ("2020/12/25 - 1:59 صباحًا", "2020-12-25 01:59"),
    ("17.03.2020", "2020-03-17"),
    ("24-08-2020 09:23", "2020-08-24 09:23"),
    ("24/08/20", "2020-08-24"),
    ("٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠", "2020-12-01 02:00"),
    ("10:30 م - الأحد 24 مارس 2024", "2024-03-24 22:30"),
    ("2024 مارس 24", "2024-03-24"),
]
ALL_ABSOLUTE = (
    EGYPT_GULF
    + LEVANT_IRAQ
    + MAGHREB
    + LIBYA
    + DOUBLE_NAMES_LABELS_PUNCT
    + DIGITS_MERIDIEM
    + ENGLISH_ISO_NUMERIC
)


@pytest.mark.parametrize(("text", "expected"), ALL_ABSOLUTE)
def test_absolute_dates(text: str, expected: str | None) -> None:
    assert local(text) == expected


RELATIVE = [  # NOW = 2024-05-20 12:00 UTC, no timezone given -> UTC
    ("منذ ساعة", "2024-05-20 11:00"),
    ("منذ ساعتين", "2024-05-20 10:00"),
    ("منذ 3 ساعات", "2024-05-20 09:00"),
    ("منذ ٣ ساعات", "2024-05-20 09:00"),
    ("منذ 11 ساعة", "2024-05-20 01:00"),
    ("قبل 5 دقائق", "2024-05-20 11:55"),
    ("منذ دقيقة", "2024-05-20 11:59"),
    ("منذ دقيقتين", "2024-05-20 11:58"),
    ("منذ ثانية", "2024-05-20 11:59:59"),
    ("منذ 30 ثانية", "2024-05-20 11:59:30"),
    ("منذ ثوان", "2024-05-20 12:00"),
    ("منذ ثلاث ساعات", "2024-05-20 09:00"),
    ("منذ نصف ساعة", "2024-05-20 11:30"),
    ("منذ ساعة ونصف", "2024-05-20 10:30"),
    ("منذ ساعة و 20 دقيقة", "2024-05-20 10:40"),
    ("منذ يوم", "2024-05-19"),
    ("منذ يومين", "2024-05-18"),
    ("قبل يومين", "2024-05-18"),
    ("منذ 3 أيام", "2024-05-17"),
    ("منذ أسبوع", "2024-05-13"),
    ("منذ أسبوعين", "2024-05-06"),
    ("منذ 3 أسابيع", "2024-04-29"),
    ("منذ شهر", "2024-04-20"),
    ("منذ شهرين", "2024-03-20"),
    ("منذ 3 أشهر", "2024-02-20"),
    ("منذ سنة", "2023-05-20"),
    ("منذ عام", "2023-05-20"),
    ("منذ سنتين", "2022-05-20"),
    ("منذ عامين", "2022-05-20"),
    ("منذ 5 سنوات", "2019-05-20"),
    ("أمس", "2024-05-19"),
    ("الأمس", "2024-05-19"),
    ("أول أمس", "2024-05-18"),
    ("اليوم", "2024-05-20"),
    ("اليوم 10:30 ص", "2024-05-20 10:30"),
    ("اليوم الساعة 10 صباحاً", "2024-05-20 10:00"),
    ("أمس 9 مساءً", "2024-05-19 21:00"),
    ("أمس 11:45 م", "2024-05-19 23:45"),
    ("أمس الساعة 11:45 مساءً", "2024-05-19 23:45"),
    ("الآن", "2024-05-20 12:00"),
    ("منذ لحظات", "2024-05-20 12:00"),
    ("قبل قليل", "2024-05-20 12:00"),
    ("نشر منذ 3 ساعات", "2024-05-20 09:00"),
    ("منذ حوالي 3 ساعات", "2024-05-20 09:00"),
    ("3 hours ago", "2024-05-20 09:00"),
    ("an hour ago", "2024-05-20 11:00"),
    ("yesterday", "2024-05-19"),
    ("24 مارس 10:30 ص", "2024-03-24 10:30"),  # no year: latest such day, not in the future
    ("24 ديسمبر", "2023-12-24"),
    ("29 فبراير", "2024-02-29"),
    ("الأحد 15 رمضان 1445 هـ - 24 مارس", "2024-03-24"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_dates(text: str, expected: str) -> None:
    assert local(text) == expected


def test_relative_flags_and_zone() -> None:
    info = parse_date_info("منذ 3 ساعات", now=NOW, timezone="Africa/Cairo")
    assert info is not None and info.relative and not info.date_only
    assert info.value == NOW - timedelta(hours=3)
    assert info.offset_source == "timezone" and info.value.utcoffset() == timedelta(hours=3)
    late = datetime(2024, 5, 20, 22, 30, tzinfo=UTC)  # already 21 May in Riyadh
    assert parse_date("أمس", timezone="Asia/Riyadh", now=late).date() == date(2024, 5, 20)
    assert parse_date("أمس", now=late).date() == date(2024, 5, 19)
    assert parse_date_info("24 مارس 2024", now=NOW).relative is False


HIJRI_MONTH_NAMES = [
    ("محرم", 1), ("المحرم", 1), ("صفر", 2), ("ربيع الأول", 3), ("ربيع أول", 3),
    ("ربيع الآخر", 4), ("ربيع الثاني", 4), ("جمادى الأولى", 5), ("جمادي الأول", 5),
    ("جمادى الآخرة", 6), ("جمادى الثانية", 6), ("رجب", 7), ("شعبان", 8), ("رمضان", 9),
    ("شوال", 10), ("ذو القعدة", 11), ("ذي القعدة", 11), ("ذو الحجة", 12), ("ذي الحجة", 12),
]  # fmt: skip


@pytest.mark.parametrize(("name", "month"), HIJRI_MONTH_NAMES)
def test_hijri_month_names(name: str, month: int) -> None:
    info = parse_date_info(f"10 {name} 1440 هـ", now=NOW)
    assert info is not None and info.hijri == f"1440-{month:02d}-10"
    assert info.value.date() == Hijri(1440, month, 10).to_gregorian()


@pytest.mark.parametrize(
    ("text", "gregorian", "hijri"),
    [
        ("15 رمضان 1445 هـ", "2024-03-25", "1445-09-15"),
        ("الجمعة 5 ذو الحجة 1444هـ", "2023-06-23", "1444-12-05"),
        ("١٥ رمضان ١٤٤٥ه", "2024-03-25", "1445-09-15"),
        ("1445/09/15 هـ", "2024-03-25", "1445-09-15"),
        ("15/09/1445 هـ", "2024-03-25", "1445-09-15"),
        ("15 رمضان 1445 هـ 10:30 ص", "2024-03-25 10:30", "1445-09-15"),
        ("الأحد 15 رمضان 1445 هـ - 24 مارس 2024 م", "2024-03-24", "1445-09-15"),
        ("24 مارس 2024 م الموافق 14 رمضان 1445 هـ", "2024-03-24", "1445-09-14"),
    ],
)
def test_hijri_dates(text: str, gregorian: str, hijri: str) -> None:
    assert local(text) == gregorian
    assert parse_date_info(text, now=NOW).hijri == hijri


@pytest.mark.parametrize(
    ("text", "tz", "iso", "source"),
    [
        ("24 مارس 2024 10:30 بتوقيت مكة", None, "2024-03-24T10:30:00+03:00", "text"),
        (
            "24 مارس 2024 10:30 بتوقيت مكة المكرمة",
            "Africa/Cairo",
            "2024-03-24T10:30:00+03:00",
            "text",
        ),
        ("24 مارس 2024 10:30 بتوقيت القاهرة", None, "2024-03-24T10:30:00+02:00", "text"),
        ("20 مايو 2024 10:30 بتوقيت القاهرة", None, "2024-05-20T10:30:00+03:00", "text"),
        ("24 مارس 2024 10:30 بتوقيت غرينتش", "Asia/Riyadh", "2024-03-24T10:30:00+00:00", "text"),
        ("24 مارس 2024 10:30 بتوقيت جرينتش", None, "2024-03-24T10:30:00+00:00", "text"),
        ("24 مارس 2024 10:30 (ت.غ)", None, "2024-03-24T10:30:00+00:00", "text"),
        ("24 مارس 2024 10:30 GMT+3", None, "2024-03-24T10:30:00+03:00", "text"),
        ("24 مارس 2024 10:30 UTC+03:00", None, "2024-03-24T10:30:00+03:00", "text"),
        ("10:30 UTC+3 - 24 مارس 2024", None, "2024-03-24T10:30:00+03:00", "text"),
        ("24 مارس 2024 10:30 غرينتش -2", None, "2024-03-24T10:30:00-02:00", "text"),
        ("24 مارس 2024 10:30", "Asia/Beirut", "2024-03-24T10:30:00+02:00", "timezone"),
        ("24 مارس 2024 10:30", None, "2024-03-24T10:30:00+00:00", "assumed-utc"),
        ("2024-05-20T09:00:00Z", "Africa/Cairo", "2024-05-20T09:00:00+00:00", "text"),
    ],
)
def test_offsets_and_zones(text: str, tz: str | None, iso: str, source: str) -> None:
    info = parse_date_info(text, timezone=tz, now=NOW)
    assert info is not None
    assert (info.value.isoformat(), info.offset_source) == (iso, source)


def test_untrusted_utc_label_is_read_as_local_time() -> None:
    # youm7-style pages write Cairo wall time with a "Z"
    info = parse_date_info(
        "2024-05-20T09:00:00Z", timezone="Africa/Cairo", trust_offset=False, now=NOW
    )
    assert (
        info.value.isoformat() == "2024-05-20T09:00:00+03:00" and info.offset_source == "timezone"
    )
    info = parse_date_info(
        "10:00 GMT 20.05.2024", timezone="Asia/Amman", trust_offset=False, now=NOW
    )
    assert info.value.isoformat() == "2024-05-20T10:00:00+03:00"
    # a real non-zero offset is still trusted
    info = parse_date_info(
        "2024-05-20T09:00:00+02:00", timezone="Africa/Cairo", trust_offset=False, now=NOW
    )
    assert info.value.isoformat() == "2024-05-20T09:00:00+02:00" and info.offset_source == "text"


@pytest.mark.parametrize(
    "text",
    [
        None, "", "   ", "hello world", "اليوم السابع", "السابع", "مارس 2024", "يناير/كانون الثاني",
        "15 رمضان", "15 مارس 1445", "1445/09/15", "15 مارس 1850", "31 فبراير 2024",
        "99/99/9999", "25:61 24 مارس 2024", "22 مايو 2024", "1 يناير 2030", "2030-01-01T00:00:00Z",
        "قتل 5 أشخاص في مارس 2020", "منذ حوالي 3 ساعات xx yy zz ww vv", "منذ", "منذ ساعات", "اليوم أمس", "31 12 اليوم", "قتل 2023 منذ 12 مارس", "عدد المشاهدات 1234", "5 رجب 1600 هـ",
        "24 مارس/أبريل 2024", "x" * 1000,
    ],
)  # fmt: skip
def test_never_silently_wrong(text: str | None) -> None:
    assert parse_date_info(text, now=NOW) is None


def test_max_future_and_year_floor() -> None:
    assert local("21 مايو 2024") == "2024-05-21"  # within the default one-day skew
    assert parse_date("21 مايو 2024", now=NOW) is not None
    assert parse_date_info("25 مايو 2024", now=NOW, max_future=timedelta(days=7)) is not None
    assert parse_date_info("21 مايو 2024", now=NOW, max_future=timedelta(0)) is None
    assert local("1 يناير 1900") == "1900-01-01"


def test_parse_date_returns_the_value_and_bad_zone_raises() -> None:
    assert parse_date("24 مارس 2024", timezone="Asia/Dubai", now=NOW) == datetime.fromisoformat(
        "2024-03-24T00:00:00+04:00"
    )
    assert parse_date("كلام", now=NOW) is None
    assert parse_date("منذ ساعة") is not None  # default now: the current time
    with pytest.raises(ValueError, match="time zone"):
        parse_date("24 مارس 2024", timezone="Mars/Olympus")


def test_locale_hint_only_changes_ambiguous_numeric_order() -> None:
    assert local("05/06/2020") == "2020-06-05"
    assert local("05/06/2020", locale="ar-EG") == "2020-06-05"
    assert local("05/06/2020", locale="en-US") == "2020-05-06"
    assert local("25/06/2020", locale="en-US") == "2020-06-25"
    assert local("24 نيسان 2020", locale="ar-EG") == "2020-04-24"  # a hint, not a filter


def test_dateparser_fallback_for_unusual_shapes() -> None:
    # a two-digit year after a month name is left to dateparser (strict: day, month, year)
    assert local("24 August 20") == "2020-08-24"
    assert local("24 أغسطس 20") == "2020-08-24"
    assert local("24 أغسطس 20 20") is None


ALPHABET = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى ٠١٢٣٤٥٦٧٨٩0123456789:/.-،,|@+هـ")
WORDS = ["منذ", "مارس", "2024", "24", "رمضان", "1445", "هـ", "ص", "م", "GMT", "+03:00", "أمس",
         "ساعة", "10:30", "تشرين", "الأول", "كانون", "2", "اليوم", "بتوقيت", "مكة", "/", "ت.غ"]  # fmt: skip


def test_fuzz_random_strings_never_raise() -> None:
    rng = random.Random(20240520)
    for _ in range(1500):
        if rng.random() < 0.5:
            text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
        else:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
        info = parse_date_info(text, now=NOW, timezone=rng.choice([None, "Asia/Riyadh"]))
        if info is not None:
            assert info.value.tzinfo is not None and info.value.year >= 1900
            assert info.value - NOW <= timedelta(days=1)
            assert info.hijri is None or info.hijri.startswith("1")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arabic.cnn.com/2013/08/03/egypt-protests", date(2013, 8, 3)),
        ("https://www.example.com/news/2020/8/24/story", date(2020, 8, 24)),
        ("https://site.ae/article-2020-08-24-title", date(2020, 8, 24)),
        ("https://site.com/a/20200824/12345.html", date(2020, 8, 24)),
        ("https://www.youm7.com/story/2024/5/13/قصة/6575421", date(2024, 5, 13)),
        ("https://arabic.cnn.com/2013/middle_east/8/3/egypt.protests/", date(2013, 8, 3)),
        ("https://site.com/news/4571254", None),
        ("https://site.com/2020/13/45/x", None),
        ("https://site.com/1850/01/01/x", None),
        ("https://site.com/2020/08/x", None),
        ("https://site.com/x?date=2020-08-24", None),
        ("not a url", None),
        ("http://[bad", None),
    ],
)
def test_date_from_url(url: str, expected: date | None) -> None:
    assert date_from_url(url) == expected


def test_offsets_without_colon_or_minutes() -> None:
    assert parse_date("2020-06-03T03:01+0400", now=NOW).isoformat() == "2020-06-03T03:01:00+04:00"
    assert parse_date("2020-06-03T03:01+04", now=NOW).isoformat() == "2020-06-03T03:01:00+04:00"
    assert parse_date("24 مارس 2024 10:30+03", now=NOW).isoformat() == "2024-03-24T10:30:00+03:00"


REALWORLD = Path(
    os.environ.get(
        "NEWSBOT_REALWORLD_DIR", Path(__file__).resolve().parents[2].parent / "shared/realworld"
    )
)


def test_visible_dates_of_realworld_pages() -> None:
    """Every visible publication date on the third-party pages gives the annotated day."""
    files = sorted((REALWORLD / "expected").glob("*.json"))
    if not files:
        pytest.skip(f"realworld pages not found in {REALWORLD} (set NEWSBOT_REALWORLD_DIR)")
    checked = 0
    for path in files:
        expected = json.loads(path.read_text(encoding="utf-8"))
        visible, published = expected.get("published_visible"), expected.get("published")
        if not visible or not published:
            continue
        info = parse_date_info(visible, now=datetime(2026, 12, 1, tzinfo=UTC))
        assert info is not None, visible
        assert info.value.date().isoformat() == published[:10], visible
        if len(published) == 16 and not info.date_only:  # local wall time without offset
            assert info.value.strftime("%Y-%m-%dT%H:%M") == published, visible
        checked += 1
    assert checked >= 10
