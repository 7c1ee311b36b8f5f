"""Page-level classes of issue 11, on pages written on real templates (tests/fixtures/pages/
generic/classes/): statements, topic boxes, related blocks and body tails, non-articles."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsbot.extract import classify, extract_article, extract_response
from newsbot.extract.encoding import build_response
from newsbot.extract.speech import delivery
from newsbot.items import Article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "generic" / "classes"


def page(name: str, url: str) -> tuple[Article, str | None]:
    response = build_response((PAGES / f"{name}.html").read_bytes(), url)
    article = extract_response(response, None)
    return article, classify(article, response)


def test_a_delivery_line_gives_the_author_and_leaves_the_body() -> None:
    art, kind = page(
        "statement_delivered",
        "https://mission.example/ar/statements/2024/10/29/security-council-middle-east",
    )
    assert kind is None
    assert art.authors == ["محمد أبو شهاب"]
    assert not art.agencies
    assert "ألقاها" not in art.body and art.body.startswith("شكراً السيد الرئيس")


def test_a_speech_heading_names_the_speaker_and_an_unnamed_delivery_note_is_no_credit() -> None:
    art, _ = page("speech_heading", "https://mofa.example/ar/news/2024/11/12/speech-forum")
    assert art.authors == ["أيمن الصفدي"]
    assert not art.agencies  # "(كما أُلقيت)" is not an agency sign-off
    assert "كلمة معالي" not in art.body and "أُلقيت" not in art.body
    assert art.body.startswith("أصحاب المعالي")


def test_keyword_and_tag_boxes_credit_no_one() -> None:
    art, kind = page("topic_boxes", "https://khabar.example/sante/2024/11/10/measles-schools")
    assert kind is None
    assert not art.agencies and not art.authors and not art.credited_source
    assert art.body.endswith("العمومية.")  # the bracketed tag link closing the text is cut


def test_related_blocks_under_other_labels_and_body_tails() -> None:
    art, _ = page("related_and_tails", "https://riyadi.example/sport/2024/11/18/team-qualifies")
    urls = [r["url"].rsplit("/", 1)[-1] for r in art.related]
    assert urls == [
        "coach-announces-final-squad-list",  # "ذات صلة" inside the text
        "striker-returns-from-injury-ahead",
        "goalkeeper-signs-new-contract-club",  # an unlabelled card grid closing the text
        "women-team-prepares-for-arab-cup",
        "federation-renews-coach-contract",  # "مواضيع ذات صلة" card grid after the text
        "stadium-renovation-completed-before",
        "youth-team-wins-regional-tournament",  # "قد يهمك أيضاً" sidebar
        "league-schedule-announced-for-second",
    ]
    assert art.body.endswith("المنافسة على اللقب.")  # tag row, share counter, "اقرأ المزيد" cut
    for leftover in ("ذات صلة", "مشاركة", "اقرأ المزيد", "كأس إفريقيا التصفيات"):
        assert leftover not in art.body


@pytest.mark.parametrize(
    ("name", "url", "reason"),
    [
        ("home_links", "https://khabar.example/portal/home.aspx", "links"),
        ("gallery_no_text", "https://khabar.example/media/2024/11/10/rain-123", "gallery"),
    ],
)
def test_pages_that_are_not_articles(name: str, url: str, reason: str) -> None:
    art, kind = page(name, url)
    assert art.title  # they have a heading: only their kind tells them apart
    assert kind == reason


TIME_ONLY_PAGE = """<html lang="ar"><head><meta charset="utf-8"><title>خطة لدعم المزارعين</title></head>
<body><h1>الحكومة تعلن خطة جديدة لدعم المزارعين</h1><div class="news-date">07:15 مساء</div>
<div class="content"><p>{text}</p></div></body></html>""".format(
    text=" ".join(["أعلنت الحكومة اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الريفية."] * 6)
)


def test_a_day_and_a_time_in_separate_elements_keep_both() -> None:
    html = TIME_ONLY_PAGE.replace(
        '<div class="news-date">07:15 مساء</div>',
        '<div class="post-date">الأحد 10 نوفمبر 2024</div><div class="post-time">07:15 م</div>',
    )
    now = datetime(2024, 11, 12, 20, 0, tzinfo=UTC)
    record = extract_article(html, "https://news.example.eg/farmers-plan", now=now)
    assert (record["published"], record["date_source"]) == (
        "2024-11-10T19:15:00+02:00",
        "text+text-time",
    )


@pytest.mark.parametrize(
    ("url", "crawled", "published", "source"),
    [
        # the page's own day (from its URL) and the printed time, in the page's zone
        (
            "https://news.example.eg/2024/11/09/farmers",
            "2024-11-10T20:00",
            "2024-11-09T19:15:00+02:00",
            "url+text-time",
        ),
        # no day on the page: the crawl day in the page's zone
        (
            "https://news.example.eg/farmers-plan",
            "2024-11-10T20:00",
            "2024-11-10T19:15:00+02:00",
            "crawl-day+text-time",
        ),
        # that time has not come yet on the crawl day: no date rather than an invented one
        ("https://news.example.eg/farmers-plan", "2024-11-10T09:00", None, None),
    ],
)
def test_a_time_only_line_is_anchored_to_a_known_day_or_dropped(url, crawled, published, source):
    now = datetime.fromisoformat(crawled).replace(tzinfo=UTC)
    record = extract_article(TIME_ONLY_PAGE, url, now=now)
    assert (record["published"], record["date_source"]) == (published, source)


@pytest.mark.parametrize(
    ("line", "speech_page", "speaker"),
    [
        ("كما ألقاها معالي السفير محمد أبو شهاب، المندوب الدائم", False, "محمد أبو شهاب"),
        ("ألقاها نيابة عنه السفير محمد أبو شهاب", False, "محمد أبو شهاب"),
        ("(كما أُلقيت)", False, ""),
        ("As delivered by H.E. Lana Nusseibeh, Permanent Representative", False, "Lana Nusseibeh"),
        ("Check against delivery", False, ""),
        ("كلمة الأمين العام أنطونيو غوتيريش أمام مجلس الأمن", True, "أنطونيو غوتيريش"),
        ("كلمة الأمين العام أنطونيو غوتيريش أمام مجلس الأمن", False, None),  # not a speech page
        ("ألقاها الرئيس أمام البرلمان أمس وتحدث فيها عن الإصلاحات", False, None),  # a sentence
        ("أعلنت الوزارة اليوم عن خطة جديدة", False, None),
    ],
)
def test_delivery_lines(line: str, speech_page: bool, speaker: str | None) -> None:
    assert delivery(line, speech_page=speech_page) == speaker


def test_an_unlabelled_card_grid_after_the_text_is_related() -> None:
    grid = "".join(
        f'<div class="grid-item"><a href="/news/2024/11/0{i}/story-{i}">{title}</a></div>'
        for i, title in enumerate(
            ["الحارس يوقع عقدا جديدا مع ناديه", "منتخب السيدات يستعد لبطولة كأس العرب"], 1
        )
    )
    html = TIME_ONLY_PAGE.replace("</p></div>", f"</p>{grid}</div>")
    record = extract_article(html, "https://news.example.eg/news/2024/11/10/farmers")
    assert [r["url"].rsplit("/", 1)[-1] for r in record["related"]] == ["story-1", "story-2"]
    assert "الحارس" not in record["body"]
