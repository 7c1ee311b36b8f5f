"""script_language: Arabic told apart from the other languages written in Arabic script."""

from __future__ import annotations

import pytest

from newsbot.text.script import script_language

CASES = [
    # Arabic: MSA, dialect with Persian letters in names, a headline without yeh/kaf
    ("ar", "قالت وزارة الخارجية المصرية في بيان صدر اليوم إن الوزير سيتوجه إلى عمان غداً"),
    ("ar", "التقى رئيس الوزراء العراقي بوفد من محافظة السليمانية برئاسة گوران چاوشين"),
    ("ar", "انطلاق بطولة آسيا"),
    ("ar", "ولي العهد يستقبل وزير الخارجية الأمريكي في الرياض"),
    # Arabic typed on a Persian keyboard (farsi yeh, keheh): teh marbuta keeps it Arabic
    ("ar", "قالت وزارة الخارجیة الإیرانیة فی بیان إن المحادثات کانت بناءة ومثمرة للغایة"),
    # Persian
    ("fa", "به گزارش خبرگزاری ایرنا، وزیر امور خارجه ایران روز یکشنبه با همتای خود دیدار کرد."),
    ("fa", "ورود ۵۰ هزار میلیارد تومان نقدینگی به بورس در سه ماه گذشته"),
    # Urdu
    ("ur", "وزیر اعظم نے کہا ہے کہ حکومت مہنگائی پر قابو پانے کے لیے اقدامات کر رہی ہے"),
    ("ur", "پاکستان نے دوسرے ٹی ٹونٹی میچ میں کامیابی حاصل کر لی"),
    # Pashto, Sorani Kurdish, Sindhi, Uyghur
    ("ps", "د افغانستان په ختیځ کې زلزلې ډېر کورونه ویجاړ کړي دي"),
    ("ku", "سەرۆکی هەرێمی کوردستان لە کۆنگرەیەکی ڕۆژنامەوانیدا ڕایگەیاند"),
    ("sd", "سنڌ حڪومت جي وزير اعليٰ چيو آهي ته ٻوڏ متاثرن جي مدد ڪئي ويندي"),
    ("ug", "ئۇيغۇر ئاپتونوم رايونلۇق ھۆكۈمەت يىغىن ئاچتى"),
]


@pytest.mark.parametrize(("expected", "text"), CASES)
def test_language_of_arabic_script_text(expected: str, text: str) -> None:
    assert script_language(text) == expected


@pytest.mark.parametrize("text", [None, "", "Breaking news from Cairo", "2024-05-12 10:00"])
def test_no_arabic_script_letter_gives_none(text: str | None) -> None:
    assert script_language(text) is None


_PAGE = """<!DOCTYPE html><html{lang} dir="rtl"><head><meta charset="utf-8">
<title>{title} | خبر</title><meta property="og:title" content="{title}"></head>
<body><nav><a href="/">صفحه اصلی</a></nav><article><h1>{title}</h1>
<div class="body">{paras}</div></article><footer>© 2024</footer></body></html>"""

_FA_PARAS = [
    "به گزارش خبرگزاری ایرنا، وزیر امور خارجه ایران روز یکشنبه با همتای عمانی خود در تهران دیدار "
    "کرد و درباره گسترش همکاری‌های اقتصادی دو کشور گفت‌وگو کرد.",
    "در این دیدار دو طرف بر ضرورت افزایش حجم مبادلات تجاری و تسهیل رفت و آمد بازرگانان تاکید کردند "
    "و قرار شد کمیسیون مشترک اقتصادی در ماه آینده در مسقط برگزار شود.",
]
_AR_IRANIAN_KEYBOARD = [
    "قالت وزارة الخارجیة الإیرانیة فی بیان الیوم إن المحادثات مع الجانب العمانی کانت بناءة ومثمرة "
    "وإن الجانبین اتفقا علی عقد اجتماع اللجنة الاقتصادیة المشترکة فی مسقط الشهر المقبل.",
    "وأضاف البیان أن الوزیر أکد علی ضرورة زیادة حجم التبادل التجاری وتسهیل حرکة رجال الأعمال بین "
    "البلدین فی إطار العلاقات الأخویة التی تجمع الشعبین.",
]


@pytest.mark.parametrize(
    ("lang", "paras", "expected"),
    [
        (' lang="fa"', _FA_PARAS, "fa"),
        ("", _FA_PARAS, "fa"),  # undeclared: the letters tell
        (' lang="en"', _AR_IRANIAN_KEYBOARD, "ar"),  # a template's wrong lang, Persian yeh/kaf
    ],
)
def test_extracted_language_of_arabic_script_pages(lang: str, paras: list[str], expected: str):
    from newsbot.extract import extract_article

    html = _PAGE.format(
        lang=lang,
        title=paras[0][:40],
        paras="".join(f"<p>{p}</p>" for p in paras * 2),
    )
    record = extract_article(html.encode(), "https://news.example.ir/fa/news/1234/x")
    assert record["language"] == expected
