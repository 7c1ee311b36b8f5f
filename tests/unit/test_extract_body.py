"""Arabic body clean-up (newsbot.extract.body) on blocks as read from real page layouts."""

from __future__ import annotations

import pytest
from lxml import html as lhtml

from newsbot.extract.blocks import Block, read_blocks
from newsbot.extract.body import clean_blocks

BASE = "https://www.example.com/news/1"


def blocks(markup: str) -> list[Block]:
    return read_blocks(lhtml.fromstring(f"<div>{markup}</div>"), BASE)


P1 = "اجتمع نائب وزير الدفاع الروسي مع وزيري الدفاع المالي والنيجري في باماكو، بحسب ما قالت وسائل إعلام رسمية."
P2 = "وترتبط مالي وروسيا باتفاقيات أمنية وعسكرية، واستقبلت باماكو وحدات من شركة فاغنر."


@pytest.mark.parametrize(
    ("markup", "dropped"),
    [
        ("<p>مادة اعلانية</p>", "ad marker"),
        ("<p>مادة إعلانية</p>", "ad marker (hamza)"),
        (
            '<p><span>العرب والعالم</span> <a href="/world/2">النيجر.. دعوات لمسيرة حاشدة باتجاه القاعدة الفرنسية</a></p>',
            "inline teaser",
        ),
        ("<p>مؤيديون للعسكر يحملون العلم الروسي (رويترز))</p>", "caption with credit"),
        (
            '<p><a href="https://news.google.com/x">تابعوا آخر أخبار العربية عبر Google News</a></p>',
            "follow label",
        ),
        ("<p>كتب محمد أسعد</p>", "byline line"),
        ("<p>شارك</p>", "share label"),
    ],
)
def test_boilerplate_lines_are_dropped(markup: str, dropped: str) -> None:
    res = clean_blocks(blocks(f"<p>{P1}</p>{markup}<p>{P2}</p>"), page_url=BASE)
    assert res.paragraphs == [P1, P2], dropped


def test_side_fields_are_taken_out_of_the_body() -> None:
    res = clean_blocks(
        blocks(
            f"<p>{P1}</p><p>{P2}</p>"
            "<p>المصدر: العربية</p>"
            '<p>كلمات دلالية: <a href="/t/1">روسي</a> <a href="/t/2">مالي</a></p>'
            "<p>إقرأ أيضاً:</p>"
            '<p><a href="https://www.example.com/news/9">النيابة العامة الفرنسية تطلب تأييد مذكرة توقيف بحق الأسد</a></p>'
            "<h4>مقالات مشابهة</h4><ul><li>الخارجية الفرنسية تدين الهجوم الروسي على أوكرانيا</li>"
            "<li>برلمان مالي يمنح رئيس المجلس العسكري ولاية جديدة من 5 سنوات</li></ul>"
        ),
        page_url=BASE,
    )
    assert res.body == f"{P1}\n\n{P2}"
    assert res.credited_source == "العربية"
    assert res.tags == ["روسي", "مالي"]
    assert res.related == [
        {
            "url": "https://www.example.com/news/9",
            "title": "النيابة العامة الفرنسية تطلب تأييد مذكرة توقيف بحق الأسد",
        }
    ]
    assert res.similar_titles == [
        "الخارجية الفرنسية تدين الهجوم الروسي على أوكرانيا",
        "برلمان مالي يمنح رئيس المجلس العسكري ولاية جديدة من 5 سنوات",
    ]


def test_br_separated_lines_are_paragraphs_and_order_is_kept() -> None:
    res = clean_blocks(blocks(f"<p>{P2}<br><br>{P1}<br>{P2}</p>"), page_url=BASE)
    assert res.paragraphs == [P2, P1, P2]


def test_inline_ad_marker_inside_a_paragraph_is_removed() -> None:
    res = clean_blocks(blocks(f"<p>مادة إعلانية {P1}</p>"), page_url=BASE)
    assert res.paragraphs == [P1]


def test_repeated_headline_and_date_line_are_dropped() -> None:
    title = "وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا"
    res = clean_blocks(
        blocks(f"<h2>{title}</h2><p>الإثنين، 13 مايو 2024 06:00 ص</p><p>{P1}</p>"),
        page_url=BASE,
        title=title,
        is_date_line=lambda t: "2024" in t,
    )
    assert res.paragraphs == [P1]
    assert res.date_lines == ["الإثنين، 13 مايو 2024 06:00 ص"]


def test_skipped_elements_are_not_read() -> None:
    got = blocks(
        f"<p>{P1}</p><script>var a = 1;</script><figure><img src='a.jpg'><figcaption>صورة أرشيفية</figcaption></figure>"
        f"<div class='share-buttons'>فيسبوك تويتر</div><div style='display:none'>مخفي</div><p>{P2}</p>"
    )
    assert [b.text for b in got] == [P1, P2]
