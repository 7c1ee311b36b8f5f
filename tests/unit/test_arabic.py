"""Tables for newsbot.text.arabic: lossless clean_text vs lossy match_key, and the small helpers."""

from __future__ import annotations

import doctest
import json
import os
import re
from pathlib import Path

import pytest

from newsbot.text import arabic
from newsbot.text.arabic import (
    arabic_ratio,
    clean_text,
    fuzzy_pattern,
    match_key,
    normalize_digits,
    strip_title_suffix,
    word_count,
)

REPO = Path(__file__).resolve().parents[2]
REALWORLD = Path(os.environ.get("NEWSBOT_REALWORLD_DIR", REPO.parent / "shared" / "realworld"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        (" \u200f\u200b\xa0 ", None),
        ("  كتب\u200f  محمد\xa0علي ", "كتب محمد علي"),
        ("الإثنين،\u202f24\u2009أغسطس", "الإثنين، 24 أغسطس"),
        ("\ufeffدمشق، سوريا (CNN) --", "دمشق، سوريا (CNN) --"),
        ("\u202bالقاهرة\u202c \u2066- أ ش أ\u2069", "القاهرة - أ ش أ"),
        ("نص\u00adمقسوم", "نصمقسوم"),
        ("سطر أول\nسطر\tثانٍ", "سطر أول سطر ثانٍ"),
        # lossless: spelling, harakat, tatweel and digits are kept as printed
        ("الـمـدينة المنوّرة", "الـمـدينة المنوّرة"),
        ("إقرأ أيضاً: ٢٠٢٠", "إقرأ أيضاً: ٢٠٢٠"),
        ("مستشفى الرى", "مستشفى الرى"),
        # decomposed alef + hamza above composes under NFC
        ("\u0627\u0654حمد", "أحمد"),
        # presentation forms fold to plain letters (ﻻ → لا, ﷲ → الله)
        ("\ufefb \ufdf2", "لا الله"),
        # ZWJ inside an emoji sequence survives, ZWNJ next to Arabic letters does not
        ("👨\u200d👩 خبر\u200cعاجل", "👨\u200d👩 خبرعاجل"),
    ],
)
def test_clean_text(raw: str | None, expected: str | None) -> None:
    assert clean_text(raw) == expected


def test_clean_text_keeps_paragraphs() -> None:
    raw = "فقرة أولى\xa0 هنا\r\n\r\n\r\n  فقرة ثانية \n\u2029فقرة ثالثة\n \n"
    assert clean_text(raw, keep_paragraphs=True) == "فقرة أولى هنا\n\nفقرة ثانية\n\nفقرة ثالثة"
    assert clean_text(raw) == "فقرة أولى هنا فقرة ثانية فقرة ثالثة"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("إقرأ أيضاً:", "اقرا ايضا"),
        ("الـمـدينة المنوّرة", "المدينه المنوره"),
        ("مستشفى الرى", "مستشفي الري"),
        ("شؤون", "شوون"),
        ("هيئة", "هييه"),
        ("أبوظبي", "ابوظبي"),
        ("آسيا العتروس", "اسيا العتروس"),
        ("ٱلرَّحْمَٰن", "الرحمن"),
        ("٢٠٢٠/١٢/٢٥", "2020 12 25"),
        ("۱۴۰۲", "1402"),
        ("ی و ک", "ي و ك"),
        ("«الصباح»؛ تونس؟", "الصباح تونس"),
        ("Google  NEWS!", "google news"),
        ("\ufefb", "لا"),
    ],
)
def test_match_key_unifies_spelling_variants(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("!!! ، ؛", ""),
        ("إقرأ أيضاً: «الصحّة» ١٢", "اقرا ايضا الصحه 12"),
        ("تعاون عسكري بين النيجر وروسيا", "تعاون عسكري بين النيجر وروسيا"),
        ("كتبت آية دعبس", "كتبت ايه دعبس"),
        ("CNN بالعربية - ٢٠١٣", "cnn بالعربيه 2013"),
    ],
)
def test_match_key_values(raw: str | None, expected: str) -> None:
    assert match_key(raw) == expected


def test_match_key_keeps_distinct_words_distinct() -> None:
    assert match_key("مالي") != match_key("مال")
    assert match_key("علم") != match_key("عالم")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٢٠٢٤/٠٥/١٣", "2024/05/13"),
        ("۱۴۰۲ هـ", "1402 هـ"),
        ("٣\u066b٥ و ١\u066c٠٠٠", "3.5 و 1,000"),
        ("07 أكتوبر 2020", "07 أكتوبر 2020"),
    ],
)
def test_normalize_digits(text: str, expected: str) -> None:
    assert normalize_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, 0.0),
        ("2020 - 12", 0.0),
        ("وزارة الصحة", 1.0),
        ("BBC عربية", 5 / 8),
        ("European Union Newsroom", 0.0),
        ("خبر عاجل\ufefb", 1.0),
    ],
)
def test_arabic_ratio(text: str | None, expected: float) -> None:
    assert arabic_ratio(text) == pytest.approx(expected)


def test_arabic_ratio_of_long_texts_counts_like_short_ones() -> None:
    """Long texts are counted by lookup table, short ones by regex: the same ratio, whatever the
    characters (astral letters, lone surrogates, presentation forms, harakat, digits)."""
    import random

    rng = random.Random(7)
    pools = [(0x20, 0x7E), (0x600, 0x6FF), (0xFB50, 0xFEFF), (0xD800, 0xDFFF), (0x0, 0x2FFFF)]
    for _ in range(200):
        chars = [chr(rng.randint(*rng.choice(pools))) for _ in range(rng.randint(300, 1500))]
        text = "".join(chars)
        pieces = [text[i : i + 200] for i in range(0, len(text), 200)]  # each below the cut-off
        letters = sum(arabic._count_alpha(arabic._NOT_WORDISH_RE.sub("", p)) for p in pieces)
        arabic_letters = sum(arabic._count_alpha(arabic._NOT_ARABIC_RE.sub("", p)) for p in pieces)
        assert arabic.arabic_ratio(text) == (arabic_letters / letters if letters else 0.0)
    sentence = "قال الوزير إن الحكومة ستعلن BBC القرار غداً. "  # 32 Arabic letters of 35 (ً: a mark)
    assert arabic_ratio(sentence * 20) == arabic_ratio(sentence) == pytest.approx(32 / 35)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, 0),
        ("", 0),
        ("— • ...", 0),
        ("قال الوزير إن الحكومة", 4),
        ("الشباب المصري ،الراغب في العمل", 5),
        ("نتيجة 26.971 فحصاً أجريت", 4),
        ("لـ«الصباح»: كل الشروط", 3),
        ("مُحمّد عليّ", 2),
        ("الـمـدينة", 1),
        ("http://ec.europa.eu/energy/technology/set_plan/set_plan_en.htm", 1),
        ("الإشراف العام : إلهام أبو الفتح", 5),
        ("جملة أولى.. وجملة ثانية", 4),
        ("Press release والمفوضية", 3),
    ],
)
def test_word_count(text: str | None, expected: int) -> None:
    assert word_count(text) == expected


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("وزير الرى يشهد مراسم - اليوم السابع", ["اليوم السابع"], "وزير الرى يشهد مراسم"),
        ("وزير الرى يشهد مراسم - اليوم السابع", [], "وزير الرى يشهد مراسم - اليوم السابع"),
        ("عنوان الخبر | البيان", ["البيان"], "عنوان الخبر"),
        ("عنوان الخبر — الشرق الأوسط", ["الشرق الاوسط"], "عنوان الخبر"),
        ("عنوان الخبر – Beirut Observer", ["Beirut Observer"], "عنوان الخبر"),
        ("المدينة نيوز - أميركا :50 الفا", ["المدينة نيوز"], "أميركا :50 الفا"),
        ("المدينة نيوز :- أميركا :50 الفا", ["المدينة نيوز"], "أميركا :50 الفا"),
        (
            "سر رحيل نعيمة عاكف | بوابة أخبار اليوم الإلكترونية",
            ["بوابة اخبار اليوم"],
            "سر رحيل نعيمة عاكف",
        ),
        ("مصر تسجل 30 إصابة - Sputnik Arabic", ["arabic.sputniknews.com"], "مصر تسجل 30 إصابة"),
        ("معارضون يسيطرون - CNNArabic.com", ["CNNArabic"], "معارضون يسيطرون"),
        ("خبر - قسم - Site | Site", ["site"], "خبر - قسم"),
        ("جريدة الصباح - عنوان الخبر هنا", ["الصباح"], "عنوان الخبر هنا"),
        # a headline that only contains " - " keeps it
        ("مصر - السودان: مباراة حاسمة", ["السودان"], "مصر - السودان: مباراة حاسمة"),
        ("القاهرة - دمشق.. خط جوي جديد", ["youm7.com"], "القاهرة - دمشق.. خط جوي جديد"),
        # never reduced to nothing
        ("اليوم السابع", ["اليوم السابع"], "اليوم السابع"),
    ],
)
def test_strip_title_suffix(title: str, sites: list[str], expected: str) -> None:
    assert strip_title_suffix(title, sites) == expected


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("اقرأ أيضا", "إقرأ  أيضاً", True),
        ("اقرأ أيضا", "اقرا ايضا", True),
        ("مادة إعلانية", "مادة اعلانية", True),
        ("مشاركة الخبر", "مشاركه الخبر", True),
        ("Share on", "SHARE ON", True),
        ("2020", "٢٠٢٠", True),
        ("اقرأ أيضا", "اقرأ أيضا كذلك", False),
        ("مالي", "مال", False),
    ],
)
def test_fuzzy_pattern(phrase: str, text: str, matches: bool) -> None:
    assert bool(re.fullmatch(fuzzy_pattern(phrase), text)) is matches


def test_doctests() -> None:
    result = doctest.testmod(arabic)
    assert result.attempted > 0
    assert result.failed == 0


def _realworld_expected() -> list[dict]:
    if not (REALWORLD / "expected").is_dir():
        pytest.skip(f"realworld pages not found at {REALWORLD} (set NEWSBOT_REALWORLD_DIR)")
    return [
        json.loads(p.read_text("utf-8")) for p in sorted((REALWORLD / "expected").glob("*.json"))
    ]


def test_clean_text_is_identity_on_realworld_strings() -> None:
    """The expected strings are already clean: clean_text must not change a single character."""
    checked = 0
    for exp in _realworld_expected():
        for s in (
            exp["title"],
            exp["body_starts_with"],
            exp["body_ends_with"],
            *exp["body_contains"],
        ):
            assert clean_text(s) == s, exp["id"]
            assert match_key(s), exp["id"]
            checked += 1
    assert checked >= 60


def test_realworld_bodies_are_arabic() -> None:
    for exp in _realworld_expected():
        assert arabic_ratio(" ".join(exp["body_contains"])) > 0.8, exp["id"]
        assert word_count(exp["body_starts_with"]) in range(7, 14), exp["id"]


@pytest.mark.parametrize(
    "text",
    [
        "أخبار اليوم",
        "إقرأ أيضا",
        "آخر الأخبار",
        "مقالات مشابهة",
        "الـمـدينة",  # tatweel: the general path
        "مُشابهة",  # harakat: the general path
        "Related Posts",
        "COVID19 اليوم",
        "ﻻ شيء",  # presentation form: the general path
        "«اقرأ» أيضا",
    ],
)
def test_first_key_word_is_the_first_word_of_the_match_key(text: str) -> None:
    """The plain-word shortcut of first_key_word gives what match_key gives."""
    arabic.clear_caches()
    assert arabic.first_key_word(text) == arabic.match_key(text.split()[0]).split()[0]
