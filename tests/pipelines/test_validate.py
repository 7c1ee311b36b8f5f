"""ValidatePipeline on real-looking Arabic records: drop reasons, counters, portal limits."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

from newsbot.items import Article
from newsbot.pipelines.validate import ValidatePipeline

BODY = (
    "شهد الدكتور محمد عبد العاطي وزير الموارد المائية والري مراسم توقيع عقد دراسة تحديد السحب "
    "الآمن للخزانات الجوفية مع جامعة القاهرة، وتهدف الدراسة إلى تحديد الإمكانات والسحب الآمن "
    "المستدام للخزانات الجوفية بجمهورية مصر العربية."
)
URL = "https://www.youm7.com/story/2020/8/24/x/4943459"


def _pipeline(**settings: object) -> ValidatePipeline:
    crawler = get_crawler(settings_dict={"NEWSBOT_MIN_BODY_CHARS": 150, **settings})
    crawler.stats.open_spider()
    return ValidatePipeline.from_crawler(crawler)


def _article(**kw: object) -> Article:
    base: dict[str, object] = {
        "url": URL,
        "portal": "youm7",
        "title": "وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية",
        "body": BODY,
        "published": "2020-08-24T09:23:00+02:00",
        "authors": ["أسماء نصار"],
    }
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"url": None}, "missing_url"),
        ({"title": "  "}, "missing_title"),
        ({"body": None}, "missing_body"),
        ({"body": "اضغط هنا لمشاهدة الفيديو"}, "short_body"),
        (
            {"body": "The Minister of Water Resources attended the signing of a study "
                     "contract with Cairo University on groundwater. " * 2},
            "not_arabic",
        ),
    ],
)  # fmt: skip
def test_drop_reasons_are_counted_per_portal(changes: dict[str, object], reason: str) -> None:
    pipeline = _pipeline()
    with pytest.raises(DropItem, match=reason):
        pipeline.process_item(_article(**changes))
    assert pipeline.stats.get_value(f"newsbot/youm7/dropped/{reason}") == 1


def test_kept_records_count_missing_date_and_author() -> None:
    pipeline = _pipeline()
    item = _article(published=None, authors=[])
    assert pipeline.process_item(item) is item
    assert pipeline.stats.get_value("newsbot/youm7/missing/published") == 1
    assert pipeline.stats.get_value("newsbot/youm7/missing/authors") == 1
    assert pipeline.stats.get_value("newsbot/youm7/validated") == 1


def test_fetched_url_is_enough_and_english_names_do_not_fail_arabic_text() -> None:
    pipeline = _pipeline()
    body = BODY + " (Reuters) BBC Arabic"
    assert pipeline.process_item(_article(url=None, fetched_url=URL, body=body))


def test_portal_limits_override_the_defaults() -> None:
    pipeline = _pipeline(NEWSBOT_VALIDATE_PORTALS={"youm7": {"min_body_chars": 20}})
    short = _article(body="أعلنت وزارة الصحة بدء حملة التطعيم")
    assert pipeline.process_item(short) is short
    with pytest.raises(DropItem, match="short_body"):
        pipeline.process_item(_article(portal="alyaum", body="أعلنت وزارة الصحة بدء حملة التطعيم"))


def test_disabled_by_setting() -> None:
    with pytest.raises(NotConfigured):
        _pipeline(NEWSBOT_VALIDATE_ENABLED=False)


PERSIAN_BODY = (
    "به گزارش خبرگزاری ایرنا، وزیر نیرو روز یکشنبه در مراسم امضای قرارداد مطالعه برداشت ایمن از "
    "آبخوان‌های زیرزمینی با دانشگاه تهران حضور یافت و گفت این مطالعه ظرفیت برداشت پایدار را مشخص "
    "می‌کند."
)


def test_arabic_script_in_another_language_is_not_arabic() -> None:
    """A Persian record is Arabic script but not Arabic: dropped as ``not_arabic`` (its
    ``language`` says so), unless the portal accepts any script (min_arabic_ratio 0)."""
    pipeline = _pipeline()
    with pytest.raises(DropItem, match="not_arabic"):
        pipeline.process_item(_article(body=PERSIAN_BODY, language="fa"))
    assert pipeline.stats.get_value("newsbot/youm7/dropped/not_arabic") == 1
    item = _article(language="ar")
    assert pipeline.process_item(item) is item
    anything = _pipeline(NEWSBOT_VALIDATE_PORTALS={"youm7": {"min_arabic_ratio": 0}})
    persian = _article(body=PERSIAN_BODY, language="fa")
    assert anything.process_item(persian) is persian
