"""Byline table: real-looking bylines from Egyptian, Gulf, Levantine and Maghreb sites and wires."""

from __future__ import annotations

import doctest
import json
import os
from pathlib import Path

import pytest

import newsbot
from newsbot.text import bylines
from newsbot.text.bylines import canonical_agency, parse_byline, parse_credit

REPO = Path(__file__).resolve().parents[2]
REALWORLD = Path(os.environ.get("NEWSBOT_REALWORLD_DIR", REPO.parent / "shared" / "realworld"))

# (byline, authors, agencies, dateline)
CASES: list[tuple[str | None, list[str], list[str], str | None]] = [
    # --- Egypt (youm7, masrawy, elbalad, ahram, akhbarelyom, almasryalyoum)
    ("كتبت أسماء نصار", ["أسماء نصار"], [], None),
    ("كتب سيد الخلفاوى", ["سيد الخلفاوى"], [], None),
    ("كتبت آية دعبس", ["آية دعبس"], [], None),
    ("كتب ضحى عرفة", ["ضحى عرفة"], [], None),
    ("نورهان نبيل", ["نورهان نبيل"], [], None),
    ("كتب محمد مجدى السيسى", ["محمد مجدى السيسى"], [], None),
    ("كتب - أحمد جمعة", ["أحمد جمعة"], [], None),
    ("كتبت: ياسمين سمرة", ["ياسمين سمرة"], [], None),
    ("كتب ـ محمـد عـلي", ["محمـد عـلي"], [], None),
    ("كتب أحمد عرفة ومحمد شعبان", ["أحمد عرفة", "محمد شعبان"], [], None),
    ("كتب محمود عبد الراضى - تصوير أحمد معروف", ["محمود عبد الراضى"], [], None),
    ("القاهرة - أ ش أ", [], ["أ ش أ"], "القاهرة"),
    ("أ.ش.أ", [], ["أ.ش.أ"], None),
    ("كتب هيثم سلامة - أ ش أ", ["هيثم سلامة"], ["أ ش أ"], None),
    ("القاهرة - كتب د. محمد أحمد وعلي حسن (أ ش أ)", ["محمد أحمد", "علي حسن"], ["أ ش أ"], "القاهرة"),
    ("بقلم: د. عمرو الشوبكي", ["عمرو الشوبكي"], [], None),
    ("بقلم: الكاتب الصحفي عماد الدين حسين", ["عماد الدين حسين"], [], None),
    ("كتبت - ولاء عدلان", ["ولاء عدلان"], [], None),
    ("كتب وائل ربيعي", ["وائل ربيعي"], [], None),
    ("كتب وليد عبد الرحمن", ["وليد عبد الرحمن"], [], None),
    ("كتب أحمد علي و وليد عبد العزيز", ["أحمد علي", "وليد عبد العزيز"], [], None),
    ("كتب أحمد ووائل", ["أحمد", "وائل"], [], None),
    ("سامي وهبة ومحمد علي", ["سامي وهبة", "محمد علي"], [], None),
    ("محمد عبد الله وعبد الرحمن محمد", ["محمد عبد الله", "عبد الرحمن محمد"], [], None),
    ("محمد أحمد وعلي حسن", ["محمد أحمد", "علي حسن"], [], None),
    ("أسيوط - محمد عبد الفتاح", ["محمد عبد الفتاح"], [], "أسيوط"),
    ("قنا - محمد السيد", ["محمد السيد"], [], "قنا"),
    ("إعداد: منى يوسف", ["منى يوسف"], [], None),
    ("متابعة: شيماء عبد المنعم", ["شيماء عبد المنعم"], [], None),
    ("كتب محمّد عليّ", ["محمّد عليّ"], [], None),
    ("كتب: محمد\u200f علي", ["محمد علي"], [], None),
    ("أ/ محمد عبد الله، م/ حسن فتحي", ["محمد عبد الله", "حسن فتحي"], [], None),
    ("القاهرة: الأربعاء، 07 أكتوبر 2020 12:19 م", [], [], "القاهرة"),
    # --- Gulf (albayan, alkhaleej, alriyadh, okaz, alwatan, qna, kuna)
    ("المصدر: (أبوظبي - البيان)", [], ["البيان"], "أبوظبي"),
    ("الرياض - واس", [], ["واس"], "الرياض"),
    ("الرياض: عبدالله الحربي", ["عبدالله الحربي"], [], "الرياض"),
    ("جدة - سارة الغامدي", ["سارة الغامدي"], [], "جدة"),
    ("دبي - البيان", [], ["البيان"], "دبي"),
    ("أبو ظبي - وام", [], ["وام"], "أبو ظبي"),
    ("الدوحة - قنا", [], ["قنا"], "الدوحة"),
    ("قنا", [], ["قنا"], None),
    ("الكويت - كونا", [], ["كونا"], "الكويت"),
    ("المنامة - بنا", [], ["بنا"], "المنامة"),
    ("مسقط - العمانية", [], ["العمانية"], "مسقط"),
    ("عبد العزيز بن سعود آل ثاني - الدوحة", ["عبد العزيز بن سعود آل ثاني"], [], "الدوحة"),
    ("د. خالد بن محمد القاسمي", ["خالد بن محمد القاسمي"], [], None),
    ("بقلم: الدكتور عبد الله بن محمد آل الشيخ", ["عبد الله بن محمد آل الشيخ"], [], None),
    ("تقرير: فاطمة العامري", ["فاطمة العامري"], [], None),
    ("الشارقة - «الخليج»", [], ["الخليج"], "الشارقة"),
    ("العربية.نت", [], ["العربية.نت"], None),
    ("دبي - العربية.نت", [], ["العربية.نت"], "دبي"),
    ("العربية.نت - محمد الحربي", ["محمد الحربي"], ["العربية.نت"], None),
    ("سكاي نيوز عربية - أبوظبي", [], ["سكاي نيوز عربية"], "أبوظبي"),
    ("متابعات", [], [], None),
    # --- Levant (alyaum's Cairo desk, nna, annahar, alghad, ammonnews, maannews, sana)
    ("حسام أبو العلا - القاهرة", ["حسام أبو العلا"], [], "القاهرة"),
    ("--(بترا)", [], ["بترا"], None),
    ("بيروت - «الشرق الأوسط»", [], ["الشرق الأوسط"], "بيروت"),
    ("بيروت – ", [], [], "بيروت"),
    ("الرياض:", [], [], "الرياض"),
    ("عمان - بترا", [], ["بترا"], "عمان"),
    ("دمشق - سانا", [], ["سانا"], "دمشق"),
    ("رام الله - وفا", [], ["وفا"], "رام الله"),
    ("غزة - معا", [], ["معا"], "غزة"),
    ("القدس المحتلة - وكالات", [], ["وكالات"], "القدس المحتلة"),
    ("بيروت: يوسف دياب", ["يوسف دياب"], [], "بيروت"),
    ("كتب نبيل هيثم", ["نبيل هيثم"], [], None),
    ("ترجمة: رنا سعيد", ["رنا سعيد"], [], None),
    ("حاوره: جاد الحاج", ["جاد الحاج"], [], None),
    ("اربد - أحمد الخطيب", ["أحمد الخطيب"], [], "اربد"),
    ("غزة - (رويترز)", [], ["رويترز"], "غزة"),
    ("دمشق، سوريا (CNN) --", [], ["CNN"], "دمشق"),
    ("إسطنبول - الأناضول", [], ["الأناضول"], "إسطنبول"),
    ("د ب أ", [], ["د ب أ"], None),
    ("Ziad Sankary", ["Ziad Sankary"], [], None),
    # --- Maghreb and Sudan (assabah, hespress, echorouk, alyaoum24, sudantribune)
    ("حوار: آسيا العتروس", ["آسيا العتروس"], [], None),
    ("الرباط - و م ع", [], ["و م ع"], "الرباط"),
    ("الجزائر - وأج", [], ["وأج"], "الجزائر"),
    ("تونس - وات", [], ["وات"], "تونس"),
    ("نواكشوط - محمد ولد أحمد", ["محمد ولد أحمد"], [], "نواكشوط"),
    ("بقلم: محمد الأمين ولد سيدي", ["محمد الأمين ولد سيدي"], [], None),
    ("الدار البيضاء: سعيد الزياني", ["سعيد الزياني"], [], "الدار البيضاء"),
    ("الحسيمة - محمد بنعلي", ["محمد بنعلي"], [], "الحسيمة"),
    ("بقلم ذ. عبد الله الترابي", ["عبد الله الترابي"], [], None),
    ("الخرطوم - محمد عثمان", ["محمد عثمان"], [], "الخرطوم"),
    ("Par Ahmed Benali", ["Ahmed Benali"], [], None),
    ("بروكسل، 9 تشرين الأول 2009", [], [], "بروكسل"),
    # --- wires, international outlets, bylines in English
    ("كايلا إبستين وأنجليكا كاساس", ["كايلا إبستين", "أنجليكا كاساس"], [], None),
    ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"], [], None),
    ("By Reuters", [], ["Reuters"], None),
    ("(رويترز)", [], ["رويترز"], None),
    ("رويترز وفرانس برس", [], ["رويترز", "فرانس برس"], None),
    ("أ ف ب - بيروت", [], ["أ ف ب"], "بيروت"),
    ("أ.ف.ب", [], ["أ.ف.ب"], None),
    ("فرانس برس، أ ف ب", [], ["فرانس برس"], None),
    ("وكالة الصحافة الفرنسية", [], ["وكالة الصحافة الفرنسية"], None),
    ("واشنطن - (أ ب)", [], ["أ ب"], "واشنطن"),
    ("شينخوا", [], ["شينخوا"], None),
    ("BBC News عربي", [], ["BBC News عربي"], None),
    ("بي بي سي نيوز عربي", [], ["بي بي سي نيوز عربي"], None),
    ("سبوتنيك", [], ["سبوتنيك"], None),
    ("بواسطة أحمد سامي", ["أحمد سامي"], [], None),
    ("محمد علي، مراسل الجزيرة", ["محمد علي"], [], None),
    ("سارة محمد - المحررة في قسم الاقتصاد", ["سارة محمد"], [], None),
    ("تحرير: أحمد علي ومراجعة: سامي يوسف", ["أحمد علي", "سامي يوسف"], [], None),
    ("إعداد أحمد علي وترجمة منى سامي", ["أحمد علي", "منى سامي"], [], None),
    ("كتب: محمد علي | 12 مايو 2024", ["محمد علي"], [], None),
    ("By Ahmed Ali, Reuters", ["Ahmed Ali"], ["Reuters"], None),
    ("كتب/ محمد السيد", ["محمد السيد"], [], None),
    # --- no person at all
    ("By Staff", [], [], None),
    ("فريق التحرير", [], [], None),
    ("المحرر", [], [], None),
    ("admin", [], [], None),
    ("", [], [], None),
    (None, [], [], None),
]


@pytest.mark.parametrize(("text", "authors", "agencies", "dateline"), CASES)
def test_parse_byline_table(
    text: str | None, authors: list[str], agencies: list[str], dateline: str | None
) -> None:
    assert parse_byline(text) == {"authors": authors, "agencies": agencies, "dateline": dateline}


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    "name",
    ["وليد", "وائل", "وسام", "وفاء", "وجدي", "وداد", "ولاء", "وهيب", "وحيد", "وديع"],
)
def test_names_starting_with_waw_are_never_split(name: str) -> None:
    assert parse_byline(f"كتب أحمد {name} السيد")["authors"] == [f"أحمد {name} السيد"]
    assert parse_byline(f"{name} محمد علي")["authors"] == [f"{name} محمد علي"]


@pytest.mark.parametrize(
    "name", ["عبد الله محمد", "عبد الرحمن علي", "أبو بكر سالم", "محمد بن سلمان", "فاطمة بنت أحمد"]
)
def test_compound_names_stay_whole(name: str) -> None:
    assert parse_byline(f"بقلم: {name}")["authors"] == [name]


def test_portal_prefixes_and_agencies_extend_the_lists() -> None:
    text = "أعدّه للنشر: سالم العلي - موسكو - نبض الشارع"
    plain = parse_byline(text)  # without the portal's words the outlet looks like a person
    assert "نبض الشارع" in plain["authors"]
    assert plain["agencies"] == []
    parsed = parse_byline(text, prefixes=["أعده للنشر"], agencies=["نبض الشارع"])
    assert parsed == {"authors": ["سالم العلي"], "agencies": ["نبض الشارع"], "dateline": "موسكو"}
    # a portal's additions do not leak into the shared lists
    assert parse_byline("نبض الشارع")["agencies"] == []


def test_exported_at_package_top() -> None:
    assert newsbot.parse_byline is parse_byline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("المصدر: العربية", "العربية"),
        ("المصدر : وكالات", "وكالات"),
        ("المصدر: وسائل إعلام فرنسية", "وسائل إعلام فرنسية"),
        ("المصدر: (أبوظبي - البيان)", "البيان"),
        ("Source: Reuters", "Reuters"),
        ("نقلاً عن العربية", "العربية"),
        ("نقلا عن سكاي نيوز عربية", "سكاي نيوز عربية"),
        ("المصدر: رويترز، فرانس برس", "رويترز، فرانس برس"),
        ("مصدر الخبر: بوابة الأهرام", "بوابة الأهرام"),
        ("نقلا عن مصادر مطلعة، قال الوزير إن الحكومة ستعلن قريبا عن خطة جديدة للتعليم", None),
        ("المصدر الذي تحدث للصحيفة أكد الخبر", None),
        ("كتبت آية دعبس", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_credit(text: str | None, expected: str | None) -> None:
    assert parse_credit(text) == expected


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("أ.ف.ب", "فرانس برس"),
        ("ا ف ب", "فرانس برس"),
        ("AFP", "فرانس برس"),
        ("وكالة أنباء الشرق الأوسط", "أ ش أ"),
        ("Reuters", "رويترز"),
        ("الاناضول", "الأناضول"),
        ("محمد علي", None),
    ],
)
def test_canonical_agency(name: str, canonical: str | None) -> None:
    assert canonical_agency(name) == canonical


def test_doctests() -> None:
    result = doctest.testmod(bylines)
    assert result.attempted > 0
    assert result.failed == 0


def test_realworld_bylines() -> None:
    """Every visible byline of the third-party pages parses to the annotated values."""
    if not (REALWORLD / "expected").is_dir():
        pytest.skip(f"realworld pages not found at {REALWORLD} (set NEWSBOT_REALWORLD_DIR)")
    checked = 0
    for path in sorted((REALWORLD / "expected").glob("*.json")):
        exp = json.loads(path.read_text("utf-8"))
        if not exp.get("byline_visible"):
            continue
        got = parse_byline(exp["byline_visible"])
        assert set(got["authors"]) == set(exp["authors"]), exp["id"]
        assert set(got["agencies"]) == set(exp["agencies"]), exp["id"]
        assert got["dateline"] == exp["dateline"], exp["id"]
        checked += 1
    assert checked >= 8


def test_realworld_date_lines_credit_no_one() -> None:
    """A date stamp handed over as a byline yields no author or agency."""
    if not (REALWORLD / "expected").is_dir():
        pytest.skip(f"realworld pages not found at {REALWORLD} (set NEWSBOT_REALWORLD_DIR)")
    for path in sorted((REALWORLD / "expected").glob("*.json")):
        exp = json.loads(path.read_text("utf-8"))
        if text := exp["published_visible"]:
            got = parse_byline(text)
            assert got["authors"] == [], (exp["id"], text)
            assert got["agencies"] == [], (exp["id"], text)
