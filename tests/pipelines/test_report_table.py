"""The crawl report's log table: what a user reads at the end of a crawl."""

from __future__ import annotations

from newsbot.extensions.report_table import format_table


def test_table_shows_counts_coverage_and_every_reason() -> None:
    portal = {
        "pages_fetched": 27,
        "articles_emitted": 18,
        "updates": 1,
        "dropped": {"short_body": 2},
        "duplicates": {"near": 1},
        "incremental": {"skipped": 4},
        "not_articles": {"video": 1, "robots_txt": 1},
        "coverage": {"published": 94.4, "authors": 22.2, "tags": 100.0, "related": None,
                     "lead_image": 50.0},
        "found_by": {"navigation": 12, "sitemap": 6},
        "date_sources": {"jsonld": 8},
        "errors": {"http_404": 3},
        "http_status": {"404": 3},
    }  # fmt: skip
    table = format_table({"status": "ok", "portals": {"demo": portal}})
    head, rule, row, details, status = table.splitlines()
    assert head.split() == ["portal", "pages", "emitted", "updated", "dropped", "dups",
                            "skipped", "errors", "published", "authors", "tags", "related",
                            "image"]  # fmt: skip
    assert set(rule) == {"-"}
    assert row.split() == ["demo", "27", "18", "1", "2", "1", "4", "3", "94%", "22%", "100%",
                           "-", "50%"]  # fmt: skip
    for part in ("found by navigation=12, sitemap=6", "dropped short_body=2", "duplicates near=1", "not articles video=1, robots_txt=1",
                 "errors http_404=3", "HTTP errors 404=3"):  # fmt: skip
        assert part in details
    assert status.strip() == "status: ok"
