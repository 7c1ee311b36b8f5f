"""newsbot.quality: the realworld comparison rules (../shared/realworld/README.md)."""

from __future__ import annotations

import pytest

from newsbot.quality import compare_date, compare_field

EXP = {
    "title": "وزير الرى يشهد توقيع عقد",
    "published": "2020-06-03T03:01+04:00",
    "modified": None,
    "authors": ["كايلا إبستين", "أنجليكا كاساس"],
    "agencies": ["CNN"],
    "dateline": "دمشق",
    "section": None,
    "tags": ["مصر", "فيروس كورونا"],
    "body_starts_with": "دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة",
    "body_ends_with": "بشكل مستقل.",
    "body_contains": ["أكدت جهات سورية معارضة"],
    "body_excludes": ["الأكثر تصفحاً", "إقرأ أيضاً"],
    "body_paragraphs": 3,
    "related": [{"url": "https://www.youm7.com/story/2020/8/19/وزراء-مياه/4937206", "title": "x"}],
    "lead_image": "https://img.youm7.com/xlarge/1.jpg",
    "notes": "og:image is the xlarge rendition of the displayed https://img.youm7.com/large/1.jpg.",
}


@pytest.mark.parametrize(
    ("got", "expected", "ok"),
    [
        ("2020-06-02T23:01:00+00:00", "2020-06-03T03:01+04:00", True),  # same instant
        ("2020-06-03T03:01:59+04:00", "2020-06-03T03:01+04:00", True),  # to the minute
        ("2020-06-03T03:02:00+04:00", "2020-06-03T03:01+04:00", False),
        ("2024-05-13T06:00:00+03:00", "2024-05-13T06:00", True),  # local wall time
        ("2024-05-13T06:00:00+00:00", "2024-05-13T09:00", False),
        ("2019-02-08T00:00:00+01:00", "2019-02-08", True),  # day only
        ("2019-02-07", "2019-02-08", False),
        ("2013-08-03", "2013-08-03T10:00", False),  # a day is not a time
        (None, None, True),
        ("2020-01-01", None, False),
        (None, "2020-01-01", False),
    ],
)
def test_compare_date(got: str | None, expected: str | None, ok: bool) -> None:
    assert compare_date(got, expected).ok is ok


def test_sets_exact_strings_and_nulls() -> None:
    rec = {
        "title": " وزير الرى  يشهد توقيع عقد",
        "authors": ["أنجليكا كاساس", "كايلا إبستين"],
        "agencies": ["CNN"],
        "dateline": "دمشق",
        "section": None,
        "tags": ["فيروس كورونا", "مصر"],
    }
    for field in ("title", "authors", "agencies", "dateline", "section", "tags"):
        assert compare_field(field, rec, EXP).ok, field
    assert not compare_field("section", {"section": "منوعات"}, EXP).ok
    assert not compare_field("authors", {"authors": ["كايلا إبستين"]}, EXP).ok


def test_body_rules() -> None:
    good = "دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل\n\nفقرة ثانية\n\nتدير المناطق بشكل مستقل."
    assert compare_field("body", {"body": good}, EXP).ok
    moved = {
        "body": good.replace("دمشق، سوريا (CNN) -- ", ""),
        "dateline": "دمشق",
        "agencies": ["CNN"],
    }
    assert compare_field("body", moved, EXP).ok  # a dateline moved to its own field may be stripped
    bad = good + "\n\nإقرا ايضا"
    check = compare_field("body", {"body": bad}, EXP)
    assert not check.ok and check.score is not None and 0 < check.score < 1
    many = "\n\n".join([good] + ["فقرة"] * 10)
    assert not compare_field("body", {"body": many}, EXP).ok


def test_related_decoded_and_lead_image_alternative_from_notes() -> None:
    rec = {
        "related": [
            {
                "url": "https://www.youm7.com/story/2020/8/19/%D9%88%D8%B2%D8%B1%D8%A7%D8%A1-%D9%85%D9%8A%D8%A7%D9%87/4937206"
            }
        ]
    }
    assert compare_field("related", rec, EXP).ok
    assert compare_field("lead_image", {"lead_image": "https://img.youm7.com/large/1.jpg"}, EXP).ok
    assert not compare_field(
        "lead_image", {"lead_image": "https://img.youm7.com/small/1.jpg"}, EXP
    ).ok
