"""Related blocks found generically by their Arabic labels (no portal selectors)."""

from __future__ import annotations

from parsel import Selector

from newsbot.extract.related import decode_url, related_links, similar_titles

PAGE = "https://arabic.example.com/arab_world/202003171044893040-مصر-تسجل-30-إصابة/"


def links(markup: str) -> list[str]:
    sel = Selector(text=f"<html><body>{markup}</body></html>", type="html")
    return [r["url"] for r in related_links(sel, PAGE, PAGE)]


def test_label_then_one_item_per_sibling_block() -> None:
    markup = "".join(
        f"<dl class='refs-item'><dt>{'<h3>انظر أيضا:</h3>' if i == 0 else ''}</dt>"
        f"<dd><a href='/world/20200317104489{i}-خبر-رقم-{i}/'><strong>عنوان الخبر المرتبط رقم {i}</strong></a></dd></dl>"
        for i in range(3)
    )
    assert links(markup) == [
        f"https://arabic.example.com/world/20200317104489{i}-خبر-رقم-{i}/" for i in range(3)
    ]


def test_nav_widgets_topics_and_short_links_are_not_related() -> None:
    markup = (
        "<nav><h4>اقرأ أيضاً</h4><a href='/news/1234567-x'>خبر في القائمة العلوية للموقع</a></nav>"
        "<footer><div><h4>مواضيع ذات علاقة</h4></div><a href='/news/2234567-y'>خبر في تذييل الصفحة اليوم</a></footer>"
        "<section><h2>مواضيع ذات صلة</h2><a href='/arabic/topics/c2dwq28209rt'>الصراع الفلسطيني الإسرائيلي</a></section>"
        "<div class='box'><h3>اقرأ أيضاً</h3><a href='/logos'>شعارات دار اليوم</a>"
        "<a href='/news/3234567-z'>وزير النقل يفتتح محطة جديدة للقطار الكهربائي</a></div>"
    )
    assert links(markup) == ["https://arabic.example.com/news/3234567-z"]


def test_title_attribute_completes_a_truncated_link_text() -> None:
    markup = (
        "<div><strong>إقرأ أيضاً</strong><ul><li><a href='/2024/02/25/vaccine-campaign-second-round' "
        "title='الصحة تعلن موعد حملة التطعيم الثانية ضد شلل الأطفال'>الصحة تعلن موعد حملة التطعيم...</a></li></ul></div>"
    )
    sel = Selector(text=f"<html><body>{markup}</body></html>", type="html")
    assert related_links(sel, PAGE, PAGE) == [
        {
            "url": "https://arabic.example.com/2024/02/25/vaccine-campaign-second-round",
            "title": "الصحة تعلن موعد حملة التطعيم الثانية ضد شلل الأطفال",
        }
    ]


def test_similar_titles_list() -> None:
    sel = Selector(
        text="<html><body><h4>مقالات مشابهة</h4><ul><li>الخارجية الفرنسية تدين الهجوم</li>"
        "<li>برلمان مالي يمنح رئيس المجلس العسكري ولاية جديدة</li></ul></body></html>",
        type="html",
    )
    assert similar_titles(sel) == [
        "الخارجية الفرنسية تدين الهجوم",
        "برلمان مالي يمنح رئيس المجلس العسكري ولاية جديدة",
    ]


def test_decode_url() -> None:
    assert (
        decode_url("https://www.youm7.com/story/2020/8/24/%D9%88%D8%B2%D9%8A%D8%B1/1#x")
        == "https://www.youm7.com/story/2020/8/24/وزير/1"
    )
    assert decode_url("https://x.example/%ZZ") == "https://x.example/%ZZ"
