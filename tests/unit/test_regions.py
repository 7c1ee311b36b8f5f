"""Country and host -> (date locale hint, IANA zone)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from newsbot.text.regions import REGIONS, region_for, region_for_host

ARAB_LEAGUE = [
    "dz",
    "bh",
    "km",
    "dj",
    "eg",
    "iq",
    "jo",
    "kw",
    "lb",
    "ly",
    "mr",
    "ma",
    "om",
    "ps",
    "qa",
    "sa",
    "so",
    "sd",
    "sy",
    "tn",
    "ae",
    "ye",
]


def test_every_arab_league_state_has_an_arabic_locale_and_a_real_zone() -> None:
    for cc in ARAB_LEAGUE:
        locale, zone = REGIONS[cc]
        assert locale == f"ar-{cc.upper()}"
        ZoneInfo(zone)  # raises if the zone is unknown to this machine's tz database
    for locale, zone in REGIONS.values():
        assert locale.startswith("ar")
        ZoneInfo(zone)


@pytest.mark.parametrize(
    ("cc", "expected"),
    [
        ("eg", ("ar-EG", "Africa/Cairo")),
        ("SA", ("ar-SA", "Asia/Riyadh")),
        ("ae", ("ar-AE", "Asia/Dubai")),
        ("lb", ("ar-LB", "Asia/Beirut")),
        ("jo", ("ar-JO", "Asia/Amman")),
        ("iq", ("ar-IQ", "Asia/Baghdad")),
        ("ma", ("ar-MA", "Africa/Casablanca")),
        ("mr", ("ar-MR", "Africa/Nouakchott")),
        ("xx", (None, None)),
        (None, (None, None)),
    ],
)
def test_region_for(cc: str | None, expected: tuple[str | None, str | None]) -> None:
    assert region_for(cc) == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.ahram.org.eg", ("ar-EG", "Africa/Cairo")),
        ("www.youm7.com.eg", ("ar-EG", "Africa/Cairo")),
        ("www.albayan.ae", ("ar-AE", "Asia/Dubai")),
        ("www.assabah.com.tn", ("ar-TN", "Africa/Tunis")),
        ("www.spa.gov.sa", ("ar-SA", "Asia/Riyadh")),
        ("WWW.HESPRESS.MA.", ("ar-MA", "Africa/Casablanca")),
        ("alakhbar.info", (None, None)),
        ("www.elkhabar.dz:8080", ("ar-DZ", "Africa/Algiers")),
        ("https://www.wafa.ps/ar/news", ("ar-PS", "Asia/Hebron")),
        ("xn--wgbh1c", ("ar-EG", "Africa/Cairo")),  # .مصر in punycode
        ("وزارة.مصر", ("ar-EG", "Africa/Cairo")),
        ("example.xn--zzzz-bad", (None, None)),
        ("www.youm7.com", (None, None)),
        ("www.bbc.co.uk", ("ar", "Europe/London")),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_region_for_host(host: str | None, expected: tuple[str | None, str | None]) -> None:
    assert region_for_host(host) == expected
