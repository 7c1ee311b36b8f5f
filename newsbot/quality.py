"""Compare an extracted record with a realworld expected JSON (``../shared/realworld/README.md``).

Used by ``tests/realworld`` and ``benchmarks/bench_extract.py``. Every check returns a
:class:`Check` (ok + a short reason); :func:`compare` runs all fields.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from newsbot.extract._deps import match_key

FIELDS = (
    "title",
    "published",
    "modified",
    "authors",
    "agencies",
    "dateline",
    "section",
    "tags",
    "body",
    "related",
    "lead_image",
)
"""Fields compared, in report order."""

_WS = re.compile(r"\s+")
_URL_RE = re.compile(r"https?://[^\s'\"),]+")


@dataclass
class Check:
    ok: bool
    why: str = ""
    score: float | None = None
    """Share of sub-checks passed (body), for benchmarks."""


def realworld_dir() -> Path:
    """``NEWSBOT_REALWORLD_DIR`` or ``<repo>/../shared/realworld``."""
    env = os.environ.get("NEWSBOT_REALWORLD_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "realworld"


def collapse(value: Any) -> str:
    return _WS.sub(" ", str(value or "")).strip()


def _decode(url: str) -> str:
    try:
        return unquote(url.split("#")[0], errors="strict")
    except UnicodeDecodeError:
        return url


def _parse_iso(text: str) -> tuple[datetime | None, str]:
    """(value, kind) with kind ``offset`` / ``local`` / ``day``."""
    text = text.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return datetime.fromisoformat(text), "day"
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None, "bad"
    return value, "offset" if value.tzinfo else "local"


def compare_date(got: str | None, expected: str | None) -> Check:
    if expected is None:
        return Check(got is None, f"expected no date, got {got!r}" if got else "")
    if not got:
        return Check(False, f"missing (expected {expected})")
    exp, kind = _parse_iso(expected)
    val, gkind = _parse_iso(got)
    if exp is None or val is None:
        return Check(False, f"unparsable {got!r} / {expected!r}")
    if kind == "day":
        return Check(val.date() == exp.date(), f"{got} vs day {expected}")
    if gkind == "day":
        return Check(False, f"only a day ({got}) for {expected}")
    if kind == "offset":
        if val.tzinfo is None:
            return Check(False, f"{got} has no offset, expected {expected}")
        ok = abs((val - exp).total_seconds()) < 60 and val.replace(
            second=0, microsecond=0
        ) == exp.replace(second=0, microsecond=0)
        return Check(ok, f"{got} vs {expected}")
    # Local wall time: the record's own wall time (it is written in the page's zone).
    wall = val.replace(tzinfo=None, second=0, microsecond=0)
    return Check(wall == exp.replace(second=0, microsecond=0), f"{got} vs local {expected}")


def _set(values: Any) -> set[str]:
    return {collapse(v) for v in values or [] if collapse(v)}


def compare_body(body: str | None, exp: dict[str, Any], record: dict[str, Any]) -> Check:
    if not body:
        return Check(False, "no body", 0.0)
    text = collapse(body)
    key = match_key(text)
    problems: list[str] = []
    checks = 0
    start = collapse(exp.get("body_starts_with"))
    strip = [
        collapse(record.get("dateline")),
        *map(collapse, record.get("agencies") or []),
        collapse(record.get("credited_source")),
    ]
    checks += 1
    if start and not text.startswith(start):
        # A crawler that moved the leading dateline / credit into its own field may strip it.
        ok = any(
            s
            and s in start[:60]
            and text.startswith(start[start.find(s) + len(s) :].lstrip(" ،,-–:()").strip()[:40])
            for s in strip
        )
        if not ok:
            problems.append(f"starts with {text[:60]!r}")
    end = collapse(exp.get("body_ends_with"))
    checks += 1
    if end and not text.endswith(end):
        problems.append(f"ends with {text[-60:]!r}")
    for s in exp.get("body_contains") or []:
        checks += 1
        if collapse(s) not in text:
            problems.append(f"lacks {collapse(s)[:40]!r}")
    for s in exp.get("body_excludes") or []:
        checks += 1
        if match_key(collapse(s)) in key:
            problems.append(f"has {collapse(s)[:40]!r}")
    n = exp.get("body_paragraphs")
    if n:
        checks += 1
        got = len([p for p in re.split(r"\n\s*\n", body) if p.strip()])
        if abs(got - n) > max(2, round(n * 0.3)):
            problems.append(f"{got} paragraphs, expected {n}")
    score = 1 - len(problems) / checks
    return Check(not problems, "; ".join(problems), score)


def compare_field(name: str, record: dict[str, Any], exp: dict[str, Any]) -> Check:
    """One field of ``record`` against the expected JSON ``exp``."""
    got = record.get(name)
    if name == "title":
        return Check(collapse(got) == collapse(exp["title"]), f"{collapse(got)!r}")
    if name in ("published", "modified"):
        return compare_date(got, exp.get(name))
    if name in ("authors", "agencies", "tags"):
        ok = _set(got) == _set(exp.get(name))
        return Check(ok, f"{sorted(_set(got))} vs {sorted(_set(exp.get(name)))}")
    if name in ("dateline", "section"):
        e = exp.get(name)
        return Check(collapse(got) == collapse(e) if e else not got, f"{got!r} vs {e!r}")
    if name == "body":
        return compare_body(got, exp, record)
    if name == "related":
        g = {_decode(r["url"]) for r in got or []}
        e = {_decode(r["url"]) for r in exp.get("related") or []}
        return Check(g == e, f"missing {sorted(e - g)[:3]}, extra {sorted(g - e)[:3]}")
    if name == "lead_image":
        e = exp.get("lead_image")
        if e is None:
            return Check(not got, f"{got!r} vs None")
        alts = {e, *(u.rstrip(".") for u in _URL_RE.findall(exp.get("notes") or ""))}
        return Check(got in alts, f"{got!r} vs {e!r}")
    raise KeyError(name)


def compare(
    record: dict[str, Any], exp: dict[str, Any], fields: tuple[str, ...] = FIELDS
) -> dict[str, Check]:
    return {f: compare_field(f, record, exp) for f in fields}
