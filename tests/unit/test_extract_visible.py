"""Generic fallbacks on small page layouts modelled on real sites (no portal definition)."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import html as lhtml
from parsel import Selector

from newsbot.extract import extract_article, extract_response
from newsbot.extract.container import lead_before
from newsbot.extract.encoding import build_response
from newsbot.extract.tree import first_texts, start_page
from newsbot.extract.visible import (
    active_nav_item,
    breadcrumb,
    byline_texts,
    category_link,
    find_h1,
    tag_links,
)

P = "بلغت حصيلة الوفيات الناجمة عن فيروس كورونا في الولايات المتحدة خمسين ألفا، وفق بيانات جامعة جونز هوبكنز الأمريكية مساء الجمعة."


def sel(markup: str) -> Selector:
    return Selector(text=f"<html><body>{markup}</body></html>", type="html")


def test_category_link_in_the_article_header_box() -> None:
    s = sel(
        "<nav><a href='/category/local'>محليات</a></nav>"
        "<div class='news-box'><div class='boxTitle'><a href='/category/عربي-ودولي'>عربي ودولي</a></div>"
        "<div><div class='title'><h1>أميركا :50 الفا حصيلة الوفيات</h1></div></div></div>"
    )
    assert category_link(find_h1(s, "أميركا :50 الفا حصيلة الوفيات")) == "عربي ودولي"


def test_active_navigation_item_is_the_section_not_home() -> None:
    s = sel(
        "<ul><li><a class='nav-on' href='/'>الرئيسية</a></li>"
        "<li><a id='nav-me' class='nav-on' href='/middle_east/'>الشرق الأوسط</a></li></ul>"
    )
    assert active_nav_item(s) == "الشرق الأوسط"
    assert (
        active_nav_item(
            sel("<ul><li><a class='active' href='/en'>Current language: EN</a></li></ul>")
        )
        is None
    )


def test_breadcrumb_last_item_that_is_not_the_headline() -> None:
    s = sel(
        "<ol class='breadcrumb'><li><a href='/'>الرئيسية</a></li><li><a href='/uae'>عبر الإمارات</a></li>"
        "<li><a href='/uae/news'>أخبار وتقارير</a></li><li>القائم بأعمال السفارة الأفغانية يثمّن جهود الإمارات</li></ol>"
    )
    assert breadcrumb(s, "القائم بأعمال السفارة الأفغانية يثمّن جهود الإمارات") == "أخبار وتقارير"


def test_bylines_skip_outlets_forms_and_category_links() -> None:
    s = sel(
        "<h1>تركى آل الشيخ بعد إصابة يسرا بكورونا</h1>"
        "<div itemprop='author' itemscope itemtype='http://schema.org/Organization'><div itemprop='name'>Sputnik</div></div>"
        "<div class='author_container'><a href='/news/category/29/منوعات'>منوعات</a></div>"
        "<div class='jeg_meta_author'><span>كتب</span> <a href='/author/doha/'>ضحى عرفة</a></div>"
        "<form><p class='comment-form-author'><label>الاسم</label></p></form>"
    )
    assert byline_texts(s, find_h1(s, "تركى آل الشيخ بعد إصابة يسرا بكورونا")) == ["كتب ضحى عرفة"]


def test_rel_tag_links_win_over_a_related_box_styled_as_tags() -> None:
    s = sel(
        "<div class='post_tags_inline'><strong>إقرأ أيضاً</strong><a href='/a'>خبر آخر طويل العنوان</a></div>"
        "<div class='post-tags'><a rel='tag' href='/tag/1'>وزارة الصحة</a><a rel='tag' href='/tag/2'>التطعيم</a></div>"
    )
    assert tag_links(s) == ["وزارة الصحة", "التطعيم"]


def test_standfirst_before_the_body_container() -> None:
    root = lhtml.fromstring(
        "<div><div class='b-article__lead' itemprop='description'><p>" + P + "</p></div>"
        "<div itemprop='articleBody'><p>نص</p></div></div>"
    )
    body = root.xpath("//*[@itemprop='articleBody']")[0]
    assert lead_before(body) is root.xpath("//*[@itemprop='description']")[0]


def test_house_credit_sign_off_and_date_line_city() -> None:
    page = (
        "<html><head><title>المفوضية تخطو إلى الأمام</title></head><body><h1>المفوضية تخطو إلى الأمام</h1>"
        "<div class='article-body'><p>بروكسل، 9 تشرين الأول 2009</p>"
        f"<div class='source'><span>المصدر:</span><ul><li>(أبوظبي - البيان)</li></ul></div><p>{P}</p><p>{P}</p>"
        "<p>--(بترا)</p></div></body></html>"
    )
    record = extract_article(page, "https://www.example.org/news/2009/10/09/energy")
    assert record["body"] == f"{P}\n\n{P}"
    assert record["agencies"] == ["البيان", "بترا"]  # the house credit and the sign-off
    assert record["dateline"] == "أبوظبي"
    assert record["published"] == "2009-10-09T00:00:00+00:00" or record["published"].startswith(
        "2009-10-09"
    )


def test_date_line_city_is_the_dateline_when_no_byline_names_one() -> None:
    page = (
        "<html><body><h1>المفوضية تخطو إلى الأمام</h1><div class='article-body'>"
        f"<p>بروكسل، 9 تشرين الأول 2009</p><p>{P}</p><p>{P}</p></div></body></html>"
    )
    record = extract_article(page, "https://www.example.org/rapid/ip-09-1494")
    assert record["dateline"] == "بروكسل"
    assert record["published"].startswith("2009-10-09")
    assert record["date_source"] == "text"


def test_hints_are_fallbacks_only() -> None:
    page = f"<html><body><div class='article-body'><p>{P}</p><p>{P}</p></div></body></html>"
    now = datetime(2024, 5, 14, 8, 0, tzinfo=UTC)
    hints = {
        "published": "2024-05-13T06:00:00+02:00",
        "date_source": "sitemap",
        "title": "عنوان من الخريطة",
        "via": "https://www.example.com/a/1",
        "depth": 1,
    }
    article = extract_response(
        build_response(page, "https://www.example.com/a/2"), hints=hints, now=now
    )
    assert article.published == "2024-05-13T06:00:00+02:00"
    assert article.date_source == "sitemap"
    assert article.title == "عنوان من الخريطة"
    assert (article.via, article.depth) == ("https://www.example.com/a/1", 1)
    assert article.crawled_at == "2024-05-14T08:00:00+00:00"
    page2 = page.replace(
        "<body>",
        "<body><h1>العنوان الحقيقي للخبر اليوم</h1><time datetime='2024-05-12T10:00:00+03:00'>12 مايو</time>",
    )
    article2 = extract_response(
        build_response(page2, "https://www.example.com/a/2"), hints=hints, now=now
    )
    assert article2.published == "2024-05-12T10:00:00+03:00"
    assert article2.date_source == "time-tag"
    assert article2.title == "العنوان الحقيقي للخبر اليوم"


def test_offset_follows_the_country_zone_of_the_host() -> None:
    page = (
        "<html><head><meta property='article:published_time' content='2020-12-24T23:59:50+00:00'></head>"
        f"<body><h1>خبر من القاهرة اليوم</h1><div class='article-body'><p>{P}</p></div></body></html>"
    )
    record = extract_article(page, "https://www.example.com.eg/news/1")
    assert record["published"] == "2020-12-25T01:59:50+02:00"
    assert record["date_tz_source"] == "page"
    unknown = extract_article(page, "https://www.example.net/news/1")
    assert unknown["published"] == "2020-12-24T23:59:50+00:00"


def test_byline_region_with_hidden_labels() -> None:
    """BBC-style byline: a labelled region, visually hidden "Author,"/"Role," labels, a list."""
    from newsbot.extract.blocks import class_regex

    s = sel(
        "<h1>أصدقاء الطيار الأمريكي يكافحون لاستيعاب ما حدث</h1>"
        "<section role='region' aria-labelledby='article-byline'>"
        "<strong id='article-byline' aria-hidden='true' class='vh'>Article information</strong>"
        "<ul><li><span class='vh'>Author,</span> <span>كايلا إبستين وأنجليكا كاساس</span></li>"
        "<li><span class='vh'>Role,</span> <span>بي بي سي نيوز</span></li>"
        "<li><time datetime='2024-03-03'>3 مارس/ آذار 2024</time></li></ul></section>"
    )
    anchor = find_h1(s, "أصدقاء الطيار الأمريكي يكافحون لاستيعاب ما حدث")
    assert byline_texts(s, anchor, hidden=class_regex({"vh"}))[0] == "كايلا إبستين وأنجليكا كاساس"


def test_title_from_a_block_styled_as_title_when_no_h1_matches() -> None:
    page = (
        "<html><head><title>European Commission - PRESS RELEASES - Press release - المفوضية الأوروبية "
        "تخطو إلى الأمام في تطوير الطاقة المتجددة مع بلدان المتوسطودول الخليج</title></head><body>"
        "<h1>Press releases database</h1><div class='title'>أخبار ذات صلة بالطاقة</div>"
        "<p class='A_Standard__33__20_Titre'>المفوضية الأوروبية تخطو إلى الأمام في تطوير الطاقة المتجددة"
        f" مع بلدان المتوسط <br>ودول الخليج</p><div class='text'><p>{P}</p><p>{P}</p></div></body></html>"
    )
    record = extract_article(
        page, "http://europa.eu/rapid/pressReleasesAction.do?reference=IP/09/1494"
    )
    assert record["title"] == (
        "المفوضية الأوروبية تخطو إلى الأمام في تطوير الطاقة المتجددة مع بلدان المتوسط ودول الخليج"
    )


def test_credit_line_after_the_body_but_not_in_a_related_box() -> None:
    from newsbot.extract.visible import credit_line

    s = sel(
        "<h1>وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا</h1><div class='entry-content'><p>نص</p></div>"
        "<div class='read-also'><div class='next-post-source'>المصدر: وسائل إعلام فرنسية</div></div>"
        "<div class='post-source'>المصدر: <span class='source-name'>العربية</span></div>"
    )
    anchor = find_h1(s, "وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا")
    assert credit_line(s, anchor) == "العربية"
    assert (
        credit_line(sel("<h1>عنوان الخبر هنا اليوم</h1><p>المصدر: (أبوظبي - البيان)</p>"), None)
        is None
    )


def test_served_time_in_the_header_is_not_the_article_date() -> None:
    page = (
        "<html><head><title>فيديو.. انطلاق مهرجان سباقات الهجن في الطائف | موقع</title></head><body>"
        "<header><div class='top-bar'><span class='today-date'>السبت 5 يوليو 2025</span></div></header>"
        "<article><h1>فيديو.. انطلاق مهرجان سباقات الهجن في الطائف</h1>"
        "<div class='post-meta'><span class='post-date'>تاريخ النشر: 3rd, November 2024 GMT</span></div>"
        "<div class='entry-content'><video src='a.mp4'></video><p>لقطات من السباق.</p></div></article></body></html>"
    )
    record = extract_article(page, "https://www.example.com/news/2024/11/03/1016-video")
    assert record["published"] == "2024-11-03"
    assert record["published_raw"] == "تاريخ النشر: 3rd, November 2024 GMT"


def test_headline_element_found_by_word_overlap() -> None:
    s = sel(
        "<h1>  آرون بوشنيل: أصدقاء الطيار الأمريكي يكافحون لاستيعاب حرقه لنفسه دعماً لغزة </h1><h1>بي بي سي</h1>"
    )
    h = find_h1(s, "أصدقاء الطيار الأمريكي آرون بوشنيل يكافحون لاستيعاب حرقه لنفسه دعماً لغزة")
    assert h is not None and "بوشنيل" in "".join(h.itertext())


def test_hijri_visible_date_keeps_its_hijri_form() -> None:
    page = (
        "<html><body><h1>إطلاق مبادرة لتوزيع وجبات الإفطار في الرياض</h1>"
        "<div class='post-date'>نشر في: 15 رمضان 1445 هـ</div>"
        f"<div class='article-body'><p>{P}</p><p>{P}</p></div></body></html>"
    )
    record = extract_article(page, "https://www.example.com.sa/news/ramadan-iftar")
    assert record["published"] == "2024-03-25"
    assert record["published_hijri"] == "1445-09-15"
    assert record["date_source"] == "text"


def test_last_update_stamp_gives_the_modified_time() -> None:
    from newsbot.extract.dates import update_variants

    assert update_variants("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)")[0] == (
        "الأربعاء، 28 آب/اغسطس 2013، 14:00 (GMT+0400)"
    )
    assert update_variants("28 نوفمبر 2024 آخر تحديث 29 نوفمبر 2024")[0] == "29 نوفمبر 2024"
    assert update_variants("03 يونيو 2020") == ["03 يونيو 2020"]
    page = (
        "<html><body><h1>معارضون يسيطرون على مخازن للصواريخ بريف دمشق</h1>"
        "<div class='cnn_strytmstmp'>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div>"
        f"<div class='article-body'><p>{P}</p><p>{P}</p></div></body></html>"
    )
    record = extract_article(
        page, "http://arabic.example.com/2013/middle_east/8/3/syria.clashes/index.html"
    )
    assert record["modified"] == "2013-08-28T14:00:00+04:00"
    assert record["published"] == "2013-08-03" and record["date_source"] == "url"


def test_first_texts_give_each_elements_first_non_blank_text_piece() -> None:
    """The per-page first-text index agrees with ``itertext()`` on every element: comment
    tails, blank texts, tails of children and elements without any text."""
    page = (
        "<html><body><div> <!--c--> <span>  </span>tail <b>x</b></div><ul><li><a> </a></li>"
        "<li><i>٢٠٢٤</i> بعد</li></ul><div><p><br/></p></div><section>\n<h3>عنوان</h3></section>"
        "</body></html>"
    )
    root = Selector(text=page, type="html").root
    start_page()
    firsts = first_texts(root)
    for el in (e for e in root.iter() if isinstance(e.tag, str)):
        assert firsts.get(el, "") == next((t for t in el.itertext() if t.strip()), "")
    assert firsts[root.find(".//div")] == "tail "
    assert root.find(".//ul/li") not in firsts
