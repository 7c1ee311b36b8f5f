"""A long URL list is fed to the scheduler as the downloader frees slots, not all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from crawlutil import crawl_items

from newsbot.demo.server import start_server

PAGES = 240
BODY = " ".join(["جملة عربية قصيرة عن الأخبار والاقتصاد في المنطقة"] * 12)


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("many-pages")
    (root / "news").mkdir()
    for n in range(PAGES):
        (root / "news" / f"{n}.html").write_text(
            f"<html lang='ar'><head><title>خبر رقم {n} عن المدينة</title></head><body>"
            f"<article><h1>خبر رقم {n} عن المدينة</h1><time datetime='2024-05-0{1 + n % 9}'>"
            f"</time><p>{n} {BODY}</p><p>{BODY} {n}</p></article></body></html>",
            encoding="utf-8",
        )
    server, base = start_server(root)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_a_long_url_list_waits_for_the_scheduler_and_every_page_is_fetched(
    many_pages: str, tmp_path: Path
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"{many_pages}/news/{n}.html\n" for n in range(PAGES)), "utf-8")
    settings = {
        "SCHEDULER": "_schedprobe.ProbeScheduler",
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "NEWSBOT_EMPTY_EXIT_CODE": 0,
    }
    result = crawl_items("article", {"urls_file": urls}, settings, tmp_path)
    assert result.returncode == 0, result.log[-3000:]
    fetched = {i["fetched_url"] for i in result.items}
    assert len(result.items) == PAGES and len(fetched) == PAGES
    # eagerly read, all 240 requests would sit in the scheduler at once
    assert result.stats["test/scheduler/max_pending"] <= 8 * 2
