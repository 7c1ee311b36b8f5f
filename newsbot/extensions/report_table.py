"""The crawl report's log table (``newsbot.extensions.report``): one row per portal + details."""

from __future__ import annotations

from typing import Any

__all__ = ["COVERAGE_FIELDS", "format_table"]

COVERAGE_FIELDS = ("published", "authors", "tags", "related", "lead_image")
"""Fields whose coverage (% of emitted articles that have them) the report shows."""


def _pairs(counts: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in counts.items()) or "-"


def format_table(report: dict[str, Any]) -> str:
    """The readable log table of a report."""
    head = ("portal", "pages", "emitted", "updated", "dropped", "dups", "skipped", "errors")
    cov = tuple("image" if f == "lead_image" else f for f in COVERAGE_FIELDS)
    rows = [head + cov]
    details = []
    for portal, p in report["portals"].items():
        rows.append(
            (
                portal,
                str(p["pages_fetched"]),
                str(p["articles_emitted"]),
                str(p["updates"]),
                str(sum(p["dropped"].values())),
                str(sum(p["duplicates"].values())),
                str(p["incremental"].get("skipped", 0)),
                str(sum(p["errors"].values())),
                *("-" if v is None else f"{v:.0f}%" for v in p["coverage"].values()),
            )
        )
        details.append(
            f"  {portal}: found by {_pairs(p.get('found_by', {}))}; "
            f"dropped {_pairs(p['dropped'])}; duplicates {_pairs(p['duplicates'])}; "
            f"not articles {_pairs(p['not_articles'])}; "
            f"date sources {_pairs(p['date_sources'])}; errors {_pairs(p['errors'])}; "
            f"HTTP errors {_pairs(p['http_status'])}"
            + (f"; render {_pairs(p['render'])}" if p.get("render") else "")
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join([*lines, *details, f"  status: {report['status']}"])
