"""Print, check or update the README portals table (generated from the registry, fundus-style).

Usage::

    python -m scripts.gen_portals_table            # print the table
    python -m scripts.gen_portals_table --write    # replace it in README.md
    python -m scripts.gen_portals_table --check    # exit 1 when README.md's table is stale

The table lives between ``<!-- portals:start -->`` and ``<!-- portals:end -->`` in README.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from newsbot.portals import Portal, all_portals

START = "<!-- portals:start -->"
END = "<!-- portals:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"

HEADER = (
    "| slug | name | country | time zone | sources | render | layouts |",
    "|---|---|---|---|---|---|---|",
)


class MarkersMissing(ValueError):
    """README.md has no portals table markers."""


def _sources(portal: Portal) -> str:
    src = portal.sources
    kinds = [
        ("rss", len(src.rss)),
        ("news sitemap", len(src.news_sitemaps)),
        ("sitemap", len(src.sitemaps)),
        ("listing", len(src.listings)),
    ]
    return ", ".join(f"{kind} ×{n}" if n > 1 else kind for kind, n in kinds if n) or "—"


def _layouts(portal: Portal) -> str:
    parts = []
    for lay in sorted(portal.layouts, key=lambda lay: (lay.valid_until is None, lay.valid_until)):
        parts.append(f"{lay.name} (until {lay.valid_until})" if lay.valid_until else lay.name)
    return ", ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_table(portals: Iterable[Portal] | None = None) -> str:
    """The markdown table of ``portals`` (default: every registered portal), one row each."""
    rows = list(HEADER)
    for p in portals if portals is not None else all_portals():
        name = p.name if p.enabled else f"{p.name} (disabled)"
        cells = (
            f"`{p.slug}`",
            name,
            p.country,
            p.timezone,
            _sources(p),
            p.render,
            _layouts(p),
        )
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


def _split(text: str) -> tuple[str, str, str]:
    if START not in text or END not in text or text.index(START) > text.index(END):
        raise MarkersMissing(f"README has no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    body, tail = rest.split(END, 1)
    return head, body, tail


def current_table(text: str) -> str:
    """The table text between the markers (stripped of surrounding blank lines)."""
    return _split(text)[1].strip("\n") + "\n"


def replace_table(text: str, table: str) -> str:
    """``text`` with the table between the markers replaced by ``table``."""
    head, _, tail = _split(text)
    return f"{head}{START}\n{table}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="exit 1 if README.md is stale")
    group.add_argument("--write", action="store_true", help="update README.md in place")
    parser.add_argument("--readme", type=Path, default=README, help="README file to check/update")
    args = parser.parse_args(argv)
    table = render_table()
    if not (args.check or args.write):
        sys.stdout.write(table)
        return 0
    try:
        text = args.readme.read_text(encoding="utf-8")
        if args.check:
            if current_table(text) != table:
                sys.stderr.write(
                    f"{args.readme}: portals table is stale; run "
                    "python -m scripts.gen_portals_table --write\n"
                )
                return 1
            return 0
        args.readme.write_text(replace_table(text, table), encoding="utf-8")
    except (OSError, MarkersMissing) as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
