"""Arabic body clean-up (newsbot.extract.body) on blocks as read from real page layouts."""

from __future__ import annotations

import pytest
from lxml import html as lhtml
from parsel import Selector

from newsbot.extract.blocks import Block, read_blocks
from newsbot.extract.body import clean_blocks
from newsbot.extract.container import scoped_xpath, select_all, select_roots

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


def test_css_hidden_classes() -> None:
    from newsbot.extract.blocks import class_regex, hidden_classes

    css = [
        ".bbc-m04vo2{clip-path:inset(100%);clip:rect(1px, 1px, 1px, 1px);height:1px;position:absolute;}"
        ".bbc-x1{color:red}.ad-slot,.promo-box{display:none}"
        "@media (max-width: 600px){.desktop-only{display:none}}"
    ]
    assert hidden_classes(css) == {"bbc-m04vo2", "ad-slot", "promo-box"}
    hidden = class_regex(hidden_classes(css))
    got = read_blocks(
        lhtml.fromstring(
            f"<div><p><span class='bbc-m04vo2'>Author,</span> {P1}</p><p class='desktop-only'>{P2}</p></div>"
        ),
        BASE,
        skip_class_re=hidden,
    )
    assert [b.text for b in got] == [P1, P2]


def test_trailing_comment_policy_note_is_dropped() -> None:
    note = (
        "ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر في موقع CNN بالعربية إلى مراجعة التعليقات "
        "قبل نشرها. ننصحك بمراجعة إرشادات الاستخدام للتعرف إلى المعايير المتبعة للنشر."
    )
    res = clean_blocks(blocks(f"<p>{P1}</p><p>{P2}</p><p>{note}</p>"), page_url=BASE)
    assert res.paragraphs == [P1, P2]
    mid = "وقال المتحدث إن التعليقات التي نشرها الوزير على وسائل التواصل أثارت جدلا واسعا."
    assert clean_blocks(blocks(f"<p>{mid}</p><p>{P1}</p>"), page_url=BASE).paragraphs == [mid, P1]


def test_sign_off_and_house_credit_lines_become_bylines() -> None:
    res = clean_blocks(
        blocks(
            f"<p>{P1}</p><div><span>المصدر:</span><ul><li>(أبوظبي - البيان)</li></ul></div><p>{P2}</p><p>--(بترا)</p>"
        ),
        page_url=BASE,
    )
    assert res.paragraphs == [P1, P2]
    assert res.bylines == ["المصدر: (أبوظبي - البيان)", "--(بترا)"]


def test_headline_split_over_two_lines_and_reference_code_are_dropped() -> None:
    title = (
        "المفوضية الأوروبية تخطو إلى الأمام في تطوير الطاقة المتجددة مع بلدان المتوسط ودول الخليج"
    )
    res = clean_blocks(
        blocks(
            "<p>IP/09/1494</p><p class='Titre'>المفوضية الأوروبية تخطو إلى الأمام في تطوير الطاقة المتجددة"
            f" مع بلدان المتوسط <br>ودول الخليج</p><p>{P1}</p><p>IP/09/1494</p><p>{P2}</p>"
        ),
        page_url=BASE,
        title=title,
    )
    assert res.paragraphs == [P1, "IP/09/1494", P2]  # only a leading code line is dropped


@pytest.mark.parametrize(
    ("marks", "skip"),
    [
        ("ad-slot ad-inline", True),
        ("share_box", True),
        ("uplCaption", True),
        ("widget most-read", True),
        ("sr-only", True),
        ("jeg_post_tags", True),
        ("entry-content no-share", False),  # negated
        ("field field-name-body field-label-hidden", False),  # a hidden label, not a hidden body
        ("node node-not-promoted author-assabah1", False),
        ("article_details_body text-title-4", False),
        ("header-top", False),
    ],
)
def test_class_tokens_that_mark_non_text(marks: str, skip: bool) -> None:
    from newsbot.extract.blocks import class_marks_skip

    assert class_marks_skip(marks) is skip


def test_page_wrapped_in_an_aspnet_form_is_read() -> None:
    got = blocks(
        f"<form id='aspnetForm'><div class='LongDesc'><p>{P1}</p></div><input name='q'></form>"
    )
    assert [b.text for b in got] == [P1]


SCOPE_PAGE = (
    '<html><body><div class="ad x">out</div><main id="m"><div class="ad">in</div>'
    '<p id="div-gpt-ad-1">ad</p><section class="ad"><span class="ad y">deep</span></section>'
    "<p>text</p></main></body></html>"
)


@pytest.mark.parametrize(
    ("query", "scoped"),
    [
        (".ad", True),
        ("span.ad.y", True),
        ("[id^='div-gpt-ad'], section", True),
        ("main .ad", False),
        ("p:last-child", False),
        (".ad::text", False),
        ("xpath://p", False),
    ],
)
def test_remove_selectors_run_inside_the_container_match_the_page_wide_ones(
    query: str, scoped: bool
) -> None:
    """A portal ``remove`` selector run on the body container finds exactly the page-wide
    matches inside it; selectors needing context outside the element are not scoped."""
    sel = Selector(text=SCOPE_PAGE, type="html")
    local = scoped_xpath(query)
    assert (local is not None) is scoped
    if local is None:
        return
    container = sel.root.get_element_by_id("m")
    inside = set(container.iter())
    page_wide = [x.root for x in select_all(sel, query) if x.root in inside]
    assert page_wide and local(container) == page_wide


@pytest.mark.parametrize(
    "query",
    [
        ".ad",
        "main .ad",
        "p:last-child",
        ".ad::text",
        "p::attr(id)",
        "xpath://p",
        "xpath://p/@id",
        "xpath:count(//p)",
        "xpath://p[re:test(@id, '^div')]",
    ],
)
def test_select_roots_gives_what_select_all_gives(query: str) -> None:
    """The compiled portal selectors give the same elements and strings, in the same order, as
    parsel's ``Selector.css`` / ``Selector.xpath``."""
    sel = Selector(text=SCOPE_PAGE, type="html")
    assert select_roots(sel, query) == [x.root for x in select_all(sel, query)]
    assert select_roots(sel, query)


@pytest.mark.parametrize("query", ["p[", "xpath://p[", "xpath:bogus:fn()"])
def test_select_roots_rejects_a_bad_selector_as_select_all_does(query: str) -> None:
    sel = Selector(text=SCOPE_PAGE, type="html")
    with pytest.raises(Exception) as parsel_error:
        select_all(sel, query)
    with pytest.raises(type(parsel_error.value)):
        select_roots(sel, query)
