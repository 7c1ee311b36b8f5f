"""MirrorMiddleware: which URLs go to the mirror and how the response is dressed back."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy.http import HtmlResponse, Request

from newsbot.middlewares.mirror import MirrorMiddleware, parse_mirrors


def _mw(mirrors):
    return MirrorMiddleware(SimpleNamespace(stats=None, engine=None), parse_mirrors(mirrors))


def test_parse_mirrors_accepts_dict_json_and_pairs():
    expected = {"demo.newsbot.example": "http://127.0.0.1:8000"}
    assert parse_mirrors({"www.demo.newsbot.example": "http://127.0.0.1:8000/"}) == expected
    assert parse_mirrors('{"demo.newsbot.example": "http://127.0.0.1:8000"}') == expected
    assert parse_mirrors("demo.newsbot.example=http://127.0.0.1:8000") == expected
    assert parse_mirrors("") == {}
    with pytest.raises(ValueError):
        parse_mirrors({"a.example": "127.0.0.1:8000"})


@pytest.mark.parametrize(
    ("url", "mirrored"),
    [
        (
            "https://www.youm7.com/story/2024/5/13/x/1?a=1",
            "http://127.0.0.1:9/story/2024/5/13/x/1?a=1",
        ),
        ("http://youm7.com/", "http://127.0.0.1:9/"),
        ("https://m.youm7.com/robots.txt", "http://127.0.0.1:9/robots.txt"),
        ("https://notyoum7.com/a", None),
        ("https://example.com/a", None),
    ],
)
def test_mirror_url(url, mirrored):
    assert _mw({"youm7.com": "http://127.0.0.1:9"}).mirror_url(url) == mirrored


def test_response_gets_the_real_url_and_redirects_are_mapped_back():
    mw = _mw({"youm7.com": "http://127.0.0.1:9"})
    real = Request("https://www.youm7.com/old")
    inner = HtmlResponse(
        "http://127.0.0.1:9/old",
        status=301,
        headers={"Location": "http://127.0.0.1:9/new?x=1"},
        body=b"",
    )
    out = mw._unmirror(inner, real)
    assert out.url == "https://www.youm7.com/old"
    assert out.request is real
    assert out.headers[b"Location"] == b"https://www.youm7.com/new?x=1"


def test_without_mirrors_the_middleware_is_disabled_quietly():
    """No mirror is the normal crawl: NotConfigured without a message (Scrapy logs a WARNING
    "Disabled ...: <message>" for every NotConfigured that has one)."""
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    with pytest.raises(NotConfigured) as info:
        MirrorMiddleware.from_crawler(get_crawler(settings_dict={"NEWSBOT_MIRRORS": {}}))
    assert info.value.args == ()
