"""Datelines the byline parser alone misses: a bare city opening the text, a dateline with a
multi-word country, and a "place، date" line naming a city the gazetteer does not know."""

from __future__ import annotations

import pytest

from newsbot.extract.credits import LEAD_DATELINE_RE, _date_line_place, _lead_city


@pytest.mark.parametrize(
    ("paragraph", "city"),
    [
        ("بيروت – أقرّ مجلس الوزراء في جلسته أمس خطة طوارئ لقطاع الكهرباء", "بيروت"),
        ("القاهرة - أعلنت وزارة الصحة اليوم تسجيل حالات جديدة", "القاهرة"),
        # A person or an ordinary opening word before a dash is not a place.
        ("سامي خليل - كاتب وصحفي لبناني يكتب عن الشأن العام", None),
        ("وأضاف - في تصريح صحفي - أن الحكومة ستعلن قرارها", None),
    ],
)
def test_bare_city_opening_the_text(paragraph: str, city: str | None) -> None:
    assert _lead_city([paragraph], (), ()) == city


@pytest.mark.parametrize(
    ("paragraph", "city", "agency"),
    [
        ("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة", "دمشق", "CNN"),
        ("أبوظبي، الإمارات العربية المتحدة (CNN) -- أعلنت هيئة أبوظبي", "أبوظبي", "CNN"),
        ("الرياض، المملكة العربية السعودية (CNN) -- قالت وزارة الداخلية", "الرياض", "CNN"),
    ],
)
def test_cnn_style_dateline_with_a_long_country(paragraph: str, city: str, agency: str) -> None:
    m = LEAD_DATELINE_RE.match(paragraph)
    assert m is not None
    assert (m["city"], m["agency"]) == (city, agency)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("لوكسمبورغ، 14 حزيران 2010", "لوكسمبورغ"),
        ("بروكسل، 9 تشرين الأول 2009", "بروكسل"),
        ("ستراسبورغ، 3 أيار/مايو 2012", "ستراسبورغ"),
        ("محمد علي، القاهرة", None),  # a person and a city: no date
        ("كتب أحمد سمير، مراسل الشؤون الخارجية", None),
    ],
)
def test_place_of_a_date_line(line: str, place: str | None) -> None:
    assert _date_line_place(line) == place
