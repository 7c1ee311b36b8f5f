"""Rendering decisions without a browser: browser lookup, render modes, the auto check, actions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from newsbot.extract import extract_response
from newsbot.portals import Layout, Portal, Selectors
from newsbot.portals._actions import MAX_TIMES, Click, Scroll, WaitFor
from newsbot.render.actions import action_methods
from newsbot.render.auto import render_reason
from newsbot.render.browser import find_browser, playwright_settings
from newsbot.render.plan import RenderPlan, parse_mode
from newsbot.spiders._args import ArgumentError, CrawlArgs

STORY = " ".join(["أعلنت الحكومة اليوم عن حزمة جديدة من الإجراءات الاقتصادية."] * 6)
FULL = f"""<html lang="ar"><head><title>خبر</title></head><body><article><h1>عنوان الخبر</h1>
<time datetime="2024-05-13T10:30:00+03:00">13 مايو</time>
<div class="article-body"><p>{STORY}</p><p>{STORY}</p></div></article></body></html>"""
SHELL = '<html lang="ar"><head><title>موقع</title></head><body><main id="app"></main></body></html>'


def _portal(**selectors: tuple[str, ...]) -> Portal:
    return Portal(
        slug="t",
        name="t",
        domains=("t.example",),
        country="int",
        layouts=(Layout(selectors=Selectors(**selectors)),),
        render="auto",
    )


def _response(body: str) -> HtmlResponse:
    return HtmlResponse("https://t.example/news/1.html", body=body.encode(), encoding="utf-8")


def test_find_browser_honours_the_setting_and_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSBOT_CHROMIUM", "/nonexistent/chromium")
    assert find_browser(Settings()) is None  # a given path is never replaced by a search
    assert find_browser(Settings({"NEWSBOT_CHROMIUM": sys.executable})) == Path(sys.executable)
    monkeypatch.setenv("NEWSBOT_CHROMIUM", sys.executable)
    assert find_browser(Settings()) == Path(sys.executable)


def test_playwright_settings_use_the_given_executable_and_bound_resources() -> None:
    out = playwright_settings(Path("/usr/bin/chromium"), Settings({"NEWSBOT_RENDER_TIMEOUT": 7}))
    assert out["PLAYWRIGHT_LAUNCH_OPTIONS"]["executable_path"] == "/usr/bin/chromium"
    assert out["PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT"] == 7000
    assert out["PLAYWRIGHT_MAX_CONTEXTS"] == 1 and out["PLAYWRIGHT_MAX_PAGES_PER_CONTEXT"] == 4
    assert set(out["DOWNLOAD_HANDLERS"]) == {"http", "https"}


@pytest.mark.parametrize("value", ["sometimes", "1"])
def test_bad_render_values_are_rejected(value: str) -> None:
    with pytest.raises(ValueError, match="never, auto, always"):
        parse_mode(value, "NEWSBOT_RENDER")
    with pytest.raises(ArgumentError, match="-a render"):
        CrawlArgs.parse({"render": value})


def test_render_mode_precedence() -> None:
    portal = _portal()
    plan = RenderPlan(generic="never")
    assert (plan.mode(portal), plan.mode(None)) == ("auto", "never")
    plan.forced = "always"
    assert (plan.mode(portal), plan.mode(None)) == ("always", "always")
    settings = Settings({"NEWSBOT_RENDER": "never", "NEWSBOT_CHROMIUM": "/nonexistent"})
    assert RenderPlan.from_settings(settings, arg="always").forced == "always"  # -a wins
    assert RenderPlan.from_settings(settings).forced == "never"


def test_auto_renders_a_shell_page_but_not_a_complete_one() -> None:
    portal = _portal()
    full, shell = _response(FULL), _response(SHELL)
    assert render_reason(extract_response(full, portal), full, portal) is None
    reason = render_reason(extract_response(shell, portal), shell, portal)
    assert reason == "missing:body,published"


def test_auto_renders_when_the_portal_selectors_match_nothing() -> None:
    full = _response(FULL)
    unmatched = _portal(body=("div.story-text",), byline=(".writer",))
    assert render_reason(extract_response(full, unmatched), full, unmatched) == (
        "selectors_match_nothing"
    )
    matched = _portal(body=("div.article-body",), byline=(".writer",))
    assert render_reason(extract_response(full, matched), full, matched) is None


def test_page_actions_are_validated_and_bounded() -> None:
    with pytest.raises(ValueError, match="times"):
        Click("button.more", times=MAX_TIMES + 1)
    with pytest.raises(ValueError, match="times"):
        Scroll(times=0)
    with pytest.raises(ValueError, match="bad CSS"):
        WaitFor("ul >> > a")
    methods = action_methods((Click("button.more", 3), Scroll(2), WaitFor("ul a")), 5000)
    assert [m.method for m in methods] == ["evaluate", "evaluate", "wait_for_selector"]
    assert methods[0].args[1] == ["click", "button.more", 3, 2000, 5000]
    assert methods[2].kwargs["timeout"] == 5000


def test_a_foreign_spiders_portal_attribute_is_not_taken_for_a_portal() -> None:
    from types import SimpleNamespace

    from scrapy import Request

    from newsbot.render.middleware import _portal

    spider = SimpleNamespace(portal=SimpleNamespace(slug="tiny", sources=True))
    request = Request("http://127.0.0.1:1/a.html", meta={"newsbot_portal": "tiny"})
    assert _portal(request, spider) is None
