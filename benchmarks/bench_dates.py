"""Throughput of newsbot's parse_date on a mixed table of Arabic date strings.

Run: ``python benchmarks/bench_dates.py [--repeat N] [--dateparser]``; a combined benchmark calls
``run()``, which returns the figures as a dict.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsbot.text.dates import parse_date

NOW = datetime(2024, 5, 20, 12, 0, tzinfo=UTC)
# (text, IANA zone of the page or None)
SAMPLES: list[tuple[str, str | None]] = [
    ("الإثنين، 24 أغسطس 2020 09:23 ص", "Africa/Cairo"),
    ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", "Africa/Cairo"),
    ("الإثنين، 13 مايو 2024 06:00 ص", "Africa/Cairo"),
    ("03 يونيو 2020", "Asia/Dubai"),
    ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "Asia/Amman"),
    ("٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠", "Asia/Riyadh"),
    ("November 9, 2020", "Asia/Beirut"),
    ("2020/12/25 - 1:59 صباحًا", "Asia/Beirut"),
    ("GMT 17:27 17.03.2020", None),
    ("3 مارس/ آذار 2024", None),
    ("الجمعة 8 فيفري 2019", "Africa/Tunis"),
    ("بروكسل، 9 تشرين الأول 2009", None),
    ("تاريخ النشر: 16th, September 2023 GMT", None),
    ("2020-12-25T01:59:50+02:00", None),
    ("2024-03-03T13:52:13.299Z", None),
    ("2020-06-03T03:01+0400", None),
    ("2024-05-13T06:00:00Z", "Africa/Cairo"),
    ("2020-12-01 02:00:00", "Asia/Riyadh"),
    ("2024-03-03", None),
    ("منذ ساعة", "Africa/Cairo"),
    ("منذ ساعتين", "Africa/Cairo"),
    ("منذ 3 ساعات", "Africa/Cairo"),
    ("منذ 11 ساعة", "Asia/Riyadh"),
    ("قبل 5 دقائق", "Asia/Riyadh"),
    ("منذ دقيقتين", "Asia/Dubai"),
    ("منذ يومين", "Asia/Dubai"),
    ("منذ 3 أيام", "Asia/Beirut"),
    ("منذ أسبوع", "Asia/Beirut"),
    ("منذ 3 أسابيع", "Asia/Baghdad"),
    ("منذ شهر", "Asia/Baghdad"),
    ("منذ 3 أشهر", "Africa/Algiers"),
    ("منذ سنة", "Africa/Algiers"),
    ("أمس", "Africa/Casablanca"),
    ("أول أمس", "Africa/Casablanca"),
    ("اليوم 10:30 ص", "Africa/Cairo"),
    ("أمس 11:45 م", "Africa/Cairo"),
    ("الآن", None),
    ("15 رمضان 1445 هـ", "Asia/Riyadh"),
    ("الأحد 10 مارس 2024 - 14:35 IST", "Asia/Jerusalem"),
    ("10 مارس 2024 14:35 AST", "Asia/Riyadh"),
    ("الأحد 10 مارس 2024 (GMT+0400) 14:35", None),
    ("05 09:40 2022 جويلية", "Africa/Algiers"),
    ("منذ ساعات 3", "Africa/Cairo"),
    ("الجمعة 5 ذو الحجة 1444هـ", "Asia/Riyadh"),
    ("1445/09/15 هـ", "Asia/Riyadh"),
    ("الأحد 15 رمضان 1445 هـ - 24 مارس 2024 م", "Asia/Riyadh"),
    ("30 يوليوز 2023", "Africa/Casablanca"),
    ("8 شتنبر 2023", "Africa/Casablanca"),
    ("الإثنين 18 دجنبر 2023 - 10:45", "Africa/Casablanca"),
    ("20 أوت 2020", "Africa/Algiers"),
    ("5 جويلية 2021", "Africa/Algiers"),
    ("5 كانون الثاني 2021", "Asia/Damascus"),
    ("5 كانون 2 2021", "Asia/Damascus"),
    ("22 تشرين الثاني 2019", "Asia/Baghdad"),
    ("3 دجمبر 2023", "Africa/Nouakchott"),
    ("7 ناصر 2010", "Africa/Tripoli"),
    ("نشر في: 24 مارس 2024", None),
    ("آخر تحديث: 25/03/2024 14:05", "Asia/Amman"),
    ("24 مارس 2024 10:30 بتوقيت مكة", None),
    ("24 مارس 2024 10:30 GMT+3", None),
    ("۲۴ مارس ۲۰۲۴ ۱۰:۳۰ م", "Asia/Kuwait"),
    ("Mon, 24 Aug 2020 09:23:00 +0300", None),
    ("Sep 16, 2023 10:30 PM", None),
    ("17.03.2020", None),
    ("25/12/2020", None),
    ("24 August 20", None),  # dateparser fallback
    ("اليوم السابع", None),  # not a date
    ("", None),
]


def _rate(parse, samples: list[tuple[str, str | None]], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text, zone in samples:
            parse(text, zone)
    return repeat * len(samples) / (time.perf_counter() - start)


def run(repeat: int = 50, compare_dateparser: bool = False) -> dict:
    """Parse the table ``repeat`` times; return parses/s and the share of strings understood."""
    for text, zone in SAMPLES:  # warm-up: regex compilation, zone cache, dateparser import
        parse_date(text, timezone=zone, now=NOW)
    parsed = sum(parse_date(t, timezone=z, now=NOW) is not None for t, z in SAMPLES)
    result = {
        "distinct_strings": len(SAMPLES),
        "parsed": parsed,
        "parses": repeat * len(SAMPLES),
        "parses_per_s": round(
            _rate(lambda t, z: parse_date(t, timezone=z, now=NOW), SAMPLES, repeat)
        ),
    }
    if compare_dateparser:
        from dateparser.date import DateDataParser

        ddp = DateDataParser(languages=["ar", "en"], settings={"DATE_ORDER": "DMY"})
        result["dateparser_parses_per_s"] = round(
            _rate(lambda t, z: ddp.get_date_data(t), SAMPLES, max(1, repeat // 10))
        )
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--dateparser", action="store_true", help="also time plain dateparser")
    args = ap.parse_args()
    figures = run(args.repeat, args.dateparser)
    print(
        f"parse_date: {figures['parses_per_s']:,} parses/s "
        f"({figures['parses']} parses of {figures['distinct_strings']} distinct strings, "
        f"{figures['parsed']} understood)"
    )
    if "dateparser_parses_per_s" in figures:
        print(f"plain dateparser (ar+en, DMY): {figures['dateparser_parses_per_s']:,} parses/s")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
