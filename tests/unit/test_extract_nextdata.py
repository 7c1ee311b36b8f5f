"""Article fields from a Next.js ``__NEXT_DATA__`` shell (the only copy of the text)."""

from __future__ import annotations

import json

from parsel import Selector

from newsbot.extract.nextdata import article_fields

BODY = "<p>" + "أعلنت وزارة الصحة اليوم بدء الحملة الوطنية للتطعيم في جميع المناطق. " * 5 + "</p>"


def _page(data: object) -> Selector:
    script = json.dumps(data, ensure_ascii=False)
    return Selector(
        text=f'<html><body><div id="__next"></div><script id="__NEXT_DATA__" '
        f'type="application/json">{script}</script></body></html>'
    )


def test_the_article_node_is_found_deep_in_page_props() -> None:
    sel = _page(
        {
            "props": {
                "pageProps": {
                    "menu": [{"title": "محليات", "url": "/local"}],
                    "article": {
                        "title": "الصحة تبدأ حملة التطعيم",
                        "body": BODY,
                        "publishedAt": "2024-10-06T18:45:00.000Z",
                        "authors": [{"name": "عبدالله الحارثي"}],
                        "section": {"name": "محليات"},
                        "tags": [{"name": "وزارة الصحة"}, {"name": "التطعيم"}],
                    },
                }
            }
        }
    )
    got = article_fields(sel)
    assert got["headline"] == "الصحة تبدأ حملة التطعيم"
    assert got["published"] == "2024-10-06T18:45:00.000Z"
    assert got["authors"] == ["عبدالله الحارثي"]
    assert got["section"] == "محليات"
    assert got["keywords"] == ["وزارة الصحة", "التطعيم"]
    assert got["body"].startswith("<p>أعلنت وزارة الصحة")


def test_a_page_without_an_article_body_gives_nothing() -> None:
    assert article_fields(_page({"props": {"pageProps": {"title": "الرئيسية"}}})) == {}
    assert article_fields(Selector(text="<html><body><p>نص</p></body></html>")) == {}
    broken = Selector(text='<script id="__NEXT_DATA__">{"props": </script>')
    assert article_fields(broken) == {}
