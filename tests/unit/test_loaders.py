"""ArticleLoader processors: layering, cleaning, list fields."""

from __future__ import annotations

from newsbot.loaders import ArticleLoader


def test_first_usable_value_wins_and_text_is_cleaned() -> None:
    loader = ArticleLoader(site_names=["اليوم السابع"])
    loader.add_value("title", None)
    loader.add_value("title", "  وزير الرى\u200f يشهد   توقيع عقد - اليوم السابع ")
    loader.add_value("title", "عنوان آخر")
    loader.add_value("section", "\u00a0تقارير مصرية ")
    item = loader.load_item()
    assert item.title == "وزير الرى يشهد توقيع عقد"
    assert item.section == "تقارير مصرية"


def test_list_fields_take_the_first_non_empty_layer() -> None:
    loader = ArticleLoader()
    loader.add_layer("tags", [])
    loader.add_layer("tags", ["وزير الرى", " الخزانات الجوفية ", "وزير الرى", ""])
    loader.add_layer("tags", ["كلمة من الميتا"])
    loader.add_layer("authors", ["https://facebook.com/someone", "أسماء نصار"])
    item = loader.load_item()
    assert item.tags == ["وزير الرى", "الخزانات الجوفية"]
    assert item.authors == ["أسماء نصار"]
    assert item.agencies == [] and item.related == []


def test_urls_keep_host_case_and_encode_non_ascii() -> None:
    loader = ArticleLoader()
    loader.add_value("lead_image", "https://Images.akhbarelyom.com/images/large/1.jpg")
    loader.add_value("url", "relative/path")
    loader.add_value("url", "https://www.youm7.com/story/2020/8/24/وزير-الرى/4943459")
    item = loader.load_item()
    assert item.lead_image == "https://Images.akhbarelyom.com/images/large/1.jpg"
    assert item.url == (
        "https://www.youm7.com/story/2020/8/24/%D9%88%D8%B2%D9%8A%D8%B1-%D8%A7%D9%84%D8%B1%D9%89/4943459"
    )


def test_booleans_and_numbers_pass_through() -> None:
    loader = ArticleLoader()
    loader.add_value("is_free", False)
    loader.add_value("word_count", 0)
    loader.add_value("body", "فقرة أولى\n\n\n  فقرة   ثانية ")
    item = loader.load_item()
    assert item.is_free is False
    assert item.word_count == 0
    assert item.body == "فقرة أولى\n\nفقرة ثانية"


def test_double_escaped_entities_are_decoded() -> None:
    from newsbot.loaders import ArticleLoader

    loader = ArticleLoader()
    loader.add_value("description", "المدينة نيوز :-&nbsp; بلغت حصيلة &quot;الوفيات&quot;")
    loader.add_value("title", "عنوان &amp; خبر")
    item = loader.load_item()
    assert item.description == 'المدينة نيوز :- بلغت حصيلة "الوفيات"'
    assert item.title == "عنوان & خبر"


def test_decided_only_once_later_values_cannot_change_the_field() -> None:
    loader = ArticleLoader()
    assert not loader.decided("section")
    loader.add_value("section", "   ")  # cleaned to nothing: still open
    assert not loader.decided("section")
    loader.add_value("section", " رياضة ")
    assert loader.decided("section")
    loader.add_layer("tags", ["", None])
    assert not loader.decided("tags")
    loader.add_layer("tags", ["اقتصاد"])
    assert loader.decided("tags")
    loader.add_value("is_free", False)  # a usable value, though falsy
    assert loader.decided("is_free")
    loader.add_value("section", "أخبار")
    loader.add_layer("tags", ["سياسة"])
    item = loader.load_item()
    assert (item.section, item.tags, item.is_free) == ("رياضة", ["اقتصاد"], False)


def test_processor_arguments_still_go_through_itemloaders() -> None:
    loader = ArticleLoader()
    loader.add_value("section", "القسم: رياضة", re=r"القسم: (.+)")
    loader.add_value(None, {"title": " عنوان "})
    item = loader.load_item()
    assert (item.section, item.title) == ("رياضة", "عنوان")
