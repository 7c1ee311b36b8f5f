"""Pages of unknown sites that are not articles (section fronts, video pages) are told apart.

``tests/fixtures/pages/generic/nonarticle/<name>.html``: written on real templates; the spider
drops what :func:`newsbot.extract.classify.classify` rejects, so a wrong ``None`` here means a
section front or a video stored as an article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbot.extract import extract_response
from newsbot.extract.classify import classify
from newsbot.extract.encoding import build_response
from newsbot.items import Article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "generic" / "nonarticle"


@pytest.mark.parametrize(
    ("name", "url", "reason"),
    [
        (
            "france24_section_front",
            "https://www.france24.com/ar/الشرق-الأوسط/",
            "listing",
        ),
        (
            "dw_video_page",
            "https://www.dw.com/ar/فيديو-فيضانات-عارمة-تجتاح-جنوب-إسبانيا/video-70645123",
            "video",
        ),
    ],
)
def test_a_page_that_is_not_an_article_is_classified(name: str, url: str, reason: str) -> None:
    response = build_response((PAGES / f"{name}.html").read_bytes(), url)
    article = extract_response(response, None)
    assert article.title  # the page has a heading: only its kind tells it apart
    assert classify(article, response) == reason


def test_generic_articles_are_still_articles() -> None:
    generic = PAGES.parent
    for exp in sorted(generic.glob("*.json")):
        url = json.loads(exp.read_text(encoding="utf-8"))["url"]
        response = build_response(exp.with_suffix(".html").read_bytes(), url)
        assert classify(extract_response(response, None), response) is None, exp.stem


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://alakhbar.info/?q=node/58123", False),
        ("https://www.example.com/index.php?id=48213", False),
        ("https://www.example.com/", True),
        ("https://www.example.com/?lang=ar", True),
    ],
)
def test_a_site_root_with_an_article_id_in_the_query_is_not_the_home_page(
    url: str, home: bool
) -> None:
    article = Article(url=url, title="الحكومة تصادق على مشروع قانون", word_count=120)
    assert (classify(article) == "home") is home
