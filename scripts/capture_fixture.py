"""Save an article page as a portal fixture and draft its expected values (README "Add a portal").

Usage::

    python -m scripts.capture_fixture <slug> <url> [<url> ...]
    python -m scripts.capture_fixture <slug> <url> --from-file saved.html   # no fetch
    python -m scripts.capture_fixture <slug> <url> --out /tmp/fixtures      # another root

For each page it writes, under ``tests/fixtures/portals/<cc>/<slug>/``:

- ``<YYYY-MM-DD>_<n>.html.gz`` — the page bytes as served (date = capture day, UTC);
- ``meta.json`` — ``{"<YYYY-MM-DD>_<n>": {"url", "crawled_at", "layout"}}`` for every fixture;
- ``expected.json`` — ``{"<YYYY-MM-DD>_<n>": {...}}``: a DRAFT made by ``extract_article``
  (ensure_ascii=False, sorted keys, empty values left out). Review it by hand against the page
  before committing: the test trusts it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import urllib.request
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from w3lib.url import safe_url_string

from newsbot.portals import Portal, PortalError, for_url, get

ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "portals"
USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot/newsbot; fixture capture)"
TIMEOUT = 30.0
VOLATILE = frozenset({"crawled_at", "fetched_url", "via", "depth", "version", "duplicate_of"})


def fetch(url: str, timeout: float = TIMEOUT) -> tuple[bytes, dict[str, str]]:
    """The body and headers of ``url`` (plain urllib: one polite GET, no retries).

    An Arabic (IRI) address is percent-encoded first, as a browser does.
    """
    req = urllib.request.Request(
        safe_url_string(url), headers={"User-Agent": USER_AGENT, "Accept": "text/html"}
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.read(), {k.lower(): v for k, v in resp.headers.items()}


def draft_expected(record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of an extracted record worth asserting: no empty or per-crawl values."""
    return {
        k: v for k, v in sorted(record.items()) if k not in VOLATILE and v not in (None, "", [], {})
    }


def _next_stem(folder: Path, day: date) -> str:
    taken = {
        int(m.group(1))
        for p in folder.glob(f"{day.isoformat()}_*.html.gz")
        if (m := re.search(r"_(\d+)\.html\.gz$", p.name))
    }
    n = 1
    while n in taken:
        n += 1
    return f"{day.isoformat()}_{n}"


def _update_json(path: Path, key: str, value: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = value
    path.write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n", encoding="utf-8"
    )


def _layout_name(portal: Portal, published: str | None) -> str:
    when = None
    if published:
        try:
            when = date.fromisoformat(published[:10])
        except ValueError:
            when = None
    return portal.layout_for(when).name


def capture(
    portal: Portal,
    url: str,
    body: bytes,
    headers: Mapping[str, str] | None = None,
    *,
    out: Path = ROOT,
    now: datetime | None = None,
) -> Path:
    """Write one fixture (+ meta.json and expected.json entries); return the .html.gz path."""
    from newsbot.extract import extract_article  # heavy import, only when capturing

    now = now or datetime.now(UTC)
    folder = out / portal.country / portal.slug
    folder.mkdir(parents=True, exist_ok=True)
    stem = _next_stem(folder, now.date())
    page = folder / f"{stem}.html.gz"
    page.write_bytes(gzip.compress(body, mtime=0))
    record = extract_article(body, url, portal=portal.slug, headers=dict(headers or {}))
    meta = {
        "url": url,
        "crawled_at": now.isoformat(timespec="seconds"),
        "layout": _layout_name(portal, record.get("published")),
    }
    _update_json(folder / "meta.json", stem, meta)
    _update_json(folder / "expected.json", stem, draft_expected(record))
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug", help="portal slug (see python -m scripts.gen_portals_table)")
    parser.add_argument("urls", nargs="+", metavar="url", help="article URL(s)")
    parser.add_argument("--from-file", type=Path, help="read the page from this file (one url)")
    parser.add_argument("--out", type=Path, default=ROOT, help=f"fixtures root (default {ROOT})")
    args = parser.parse_args(argv)
    try:
        portal = get(args.slug)
    except PortalError as exc:
        parser.error(str(exc))
    if args.from_file and len(args.urls) != 1:
        parser.error("--from-file takes exactly one url (the page's address)")
    status = 0
    for url in args.urls:
        owner = for_url(url)
        if owner is None or owner.slug != portal.slug:
            sys.stderr.write(f"warning: {url} is not on {portal.slug}'s domains {portal.domains}\n")
        try:
            if args.from_file:
                body, headers = args.from_file.read_bytes(), {}
            else:
                body, headers = fetch(url)
        except OSError as exc:
            sys.stderr.write(f"error: {url}: {exc}\n")
            status = 1
            continue
        page = capture(portal, url, body, headers, out=args.out)
        sys.stdout.write(f"saved {page} — review {page.parent / 'expected.json'} by hand\n")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
