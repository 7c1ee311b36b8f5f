"""Generic extraction (no portal definition) on pages written on real Arabic templates.

``tests/fixtures/pages/generic/<name>.html`` + ``<name>.json``: the JSON has the keys of
``../shared/realworld/README.md`` (written by hand as a reader would), compared with the rules of
:mod:`newsbot.quality`. No portal is looked up: these sites stand for the ones we have never seen.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from itemadapter import ItemAdapter

from newsbot.extract import extract_response
from newsbot.extract.body import SIGN_OFF_RE, is_dateline_paragraph
from newsbot.extract.encoding import build_response
from newsbot.extract.related import NOT_ARTICLE_URL_RE
from newsbot.quality import FIELDS, compare_field
from newsbot.text.arabic import word_count

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "generic"
NAMES = sorted(p.stem for p in PAGES.glob("*.json"))


def _record(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    exp = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    html = (PAGES / f"{name}.html").read_bytes()
    article = extract_response(build_response(html, exp["url"]), None)
    return exp, ItemAdapter(article).asdict()


def test_there_are_enough_generic_pages() -> None:
    assert len(NAMES) >= 30


KNOWN_GAPS = {
    ("liveblog_alarabiya", "body"): "each live update's subheading is kept as a paragraph "
    "(7 blocks for 4 expected paragraphs)",
}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("field", FIELDS)
def test_generic_field(name: str, field: str, request: pytest.FixtureRequest) -> None:
    if (name, field) in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[name, field], strict=True))
    exp, record = _record(name)
    check = compare_field(field, record, exp)
    assert check.ok, f"{name} {field}: {check.why}"


@pytest.mark.parametrize("name", NAMES)
def test_generic_record_shape(name: str) -> None:
    exp, record = _record(name)
    assert record["portal"] is None
    assert record["language"] == exp["language"]
    assert record["word_count"] == word_count(record["body"] or "")


def test_live_blog_body_has_the_intro_and_every_update() -> None:
    """The body check of this page is a known gap only in its paragraph count."""
    exp, record = _record("liveblog_alarabiya")
    body = record["body"]
    assert body.startswith(exp["body_starts_with"])
    assert body.endswith(exp["body_ends_with"])
    for text in exp["body_contains"]:
        assert text in body
    for text in ("مباشر", "نشر في", "آخر تحديث", "مشاركة"):
        assert text not in body


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("https://www.annahar.com/arabic/section/76-لبنان/13102024/مراكز-الإيواء-تمتلئ", True),
        ("https://www.annahar.com/arabic/section/76-لبنان", False),
        ("https://alghad.com/Section/اقتصاد-محلي/ارتفاع-التضخم-1842877", True),
        ("https://alghad.com/Section/اقتصاد-محلي", False),
        ("https://www.example.com/category/sport/page/2", False),
        ("https://www.bbc.com/arabic/topics/c4794229nxxt", False),
        ("https://www.example.com/tags/السودان", False),
    ],
)
def test_articles_filed_under_a_section_path_are_related_links(url: str, article: bool) -> None:
    assert (NOT_ARTICLE_URL_RE.search(url) is None) is article


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("الرياض: «الشرق الأوسط»", True),
        ("القاهرة - أ ش أ", True),
        ("بيروت: رويترز", True),
        ("قال الوزير: «لن نتراجع»", False),
        ("محمد صلاح - القاهرة", False),
        ("أعلنت الوزارة اليوم عن خطة جديدة للنقل العام في العاصمة", False),
    ],
)
def test_a_place_and_credit_line_above_the_text_is_a_dateline(text: str, dateline: bool) -> None:
    assert is_dateline_paragraph(text) is dateline


@pytest.mark.parametrize(
    ("text", "sign_off"),
    [
        ("--(بترا)", True),
        ("ع.ج.م/ ع.ش (د ب أ، رويترز)", True),
        ("ح.ز (أ ف ب)", True),
        ("(صورة أرشيفية لمبنى البرلمان في برلين خلال جلسة سابقة)", False),
        ("وقال الوزير (رويترز)", False),
    ],
)
def test_an_agency_sign_off_after_the_editors_initials_is_a_credit_line(
    text: str, sign_off: bool
) -> None:
    assert bool(SIGN_OFF_RE.match(text)) is sign_off
