"""canonical_url: every variant of one article address gives one key."""

from __future__ import annotations

import unicodedata

import pytest

from newsbot.urls import canonical_url

YOUM7 = "https://youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459"
YOUM7_KEY = (
    "https://youm7.com/story/2020/8/24/"
    "%D9%88%D8%B2%D9%8A%D8%B1-%D8%A7%D9%84%D8%B1%D9%89-%D9%8A%D8%B4%D9%87%D8%AF-"
    "%D8%AA%D9%88%D9%82%D9%8A%D8%B9-%D8%B9%D9%82%D8%AF/4943459"
)

SAME_ARTICLE = [
    # IRI (raw Arabic) and URI forms, lower/upper-case escapes, www, trailing slash
    YOUM7,
    "https://www.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459/",
    YOUM7_KEY.lower().replace("https://youm7.com", "https://www.youm7.com"),
    YOUM7_KEY + "/",
    # tracking parameters and fragment
    YOUM7 + "?utm_source=facebook&utm_medium=social&utm_campaign=news",
    YOUM7 + "?fbclid=IwAR0abc#comments",
    YOUM7 + "?gclid=xyz&_ga=2.1234&mc_cid=abc&mc_eid=def&igshid=1&yclid=2",
    YOUM7 + "?ref=home&ref_src=twsrc%5Etfw",
    # AMP and mobile variants
    "https://m.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459",
    "https://mobile.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459",
    "https://amp.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459",
    "https://www.youm7.com/amp/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459",
    "https://www.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459/amp",
    "https://www.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459?amp",
    "https://www.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459?amp=1",
    "https://www-youm7-com.cdn.ampproject.org/c/s/www.youm7.com/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459",
    # default port, upper-case host
    "https://WWW.YOUM7.COM:443/story/2020/8/24/وزير-الرى-يشهد-توقيع-عقد/4943459",
]


@pytest.mark.parametrize("variant", SAME_ARTICLE)
def test_variants_of_one_article_share_a_key(variant: str) -> None:
    assert canonical_url(variant) == YOUM7_KEY


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # query kept but sorted; only tracking parameters removed
        (
            "https://www.albayan.ae/news/1.3878?page=2&id=7&utm_content=x",
            "https://albayan.ae/news/1.3878?id=7&page=2",
        ),
        # .amp.html -> .html
        (
            "https://www.alyaum.com/articles/6297880.amp.html",
            "https://alyaum.com/articles/6297880.html",
        ),
        # the site root keeps its slash; http stays http (scheme is not guessed)
        ("http://www.lbcgroup.tv", "http://lbcgroup.tv/"),
        # non-default port kept (local test servers)
        ("http://127.0.0.1:8123/news/a01.html/", "http://127.0.0.1:8123/news/a01.html"),
        # an escaped "/" and a legacy windows-1256 escape stay as they are
        ("https://example.com/a%2fb/%c7%e1", "https://example.com/a%2Fb/%C7%E1"),
        # an Arabic query value gets one encoding
        (
            "https://www.akhbarelyom.com/search?q=مصر",
            "https://akhbarelyom.com/search?q=%D9%85%D8%B5%D8%B1",
        ),
        # m. of a two-label host is the host itself
        ("https://m.com/x", "https://m.com/x"),
        # not http(s): returned as is
        ("mailto:news@example.com", "mailto:news@example.com"),
    ],
)
def test_canonical_form(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_decomposed_hamza_is_composed() -> None:
    """أ typed as ا + combining hamza above (NFD) is the same slug as the precomposed letter."""
    composed = "https://www.aljazeera.net/news/أخبار-عاجلة"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert canonical_url(decomposed) == canonical_url(composed)


def test_different_articles_stay_different() -> None:
    a = canonical_url("https://youm7.com/story/2020/8/24/x/4943459")
    b = canonical_url("https://youm7.com/story/2020/8/24/x/4943460")
    c = canonical_url("https://youm7.com/story/2020/8/24/x/4943459?id=2")
    assert len({a, b, c}) == 3


def test_idempotent() -> None:
    for url in SAME_ARTICLE:
        key = canonical_url(url)
        assert canonical_url(key) == key
