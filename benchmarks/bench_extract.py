"""Extraction benchmark on the realworld pages: newsbot (with portals), newsbot generic (no
portal definition) and trafilatura side by side, plus parse_date speed.

    python benchmarks/bench_extract.py [--repeat N]

Prints pages/s and, per field, how many pages match the expected JSON (rules of
../shared/realworld/README.md, implemented in ``newsbot.quality``); for the body also the mean
share of body sub-checks passed (start, end, contains, excludes, paragraph count).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from itemadapter import ItemAdapter

from newsbot.extract import extract_article, extract_response
from newsbot.extract.encoding import build_response
from newsbot.quality import FIELDS, compare_field, realworld_dir

TRAFILATURA_FIELDS = ("title", "published", "published_day", "authors", "tags", "body")
ROWS = (*FIELDS[:2], "published_day", *FIELDS[2:])


def _check(field: str, rec: dict[str, Any], exp: dict[str, Any]) -> Any:
    """``published_day``: only the local calendar day (trafilatura gives dates without time)."""
    if field != "published_day":
        return compare_field(field, rec, exp)
    got, want = (rec.get("published") or "")[:10], (exp.get("published") or "")[:10]
    return type("C", (), {"ok": bool(want) and got == want, "score": None})()


def _pages() -> list[tuple[dict[str, Any], bytes]]:
    rw = realworld_dir()
    out = []
    for f in sorted((rw / "expected").glob("*.json")):
        exp = json.loads(f.read_text(encoding="utf-8"))
        out.append((exp, (rw / "pages" / f"{exp['id']}.html").read_bytes()))
    return out


def _newsbot(exp: dict[str, Any], html: bytes) -> dict[str, Any]:
    return extract_article(html, exp["url"])


def _generic(exp: dict[str, Any], html: bytes) -> dict[str, Any]:
    return ItemAdapter(extract_response(build_response(html, exp["url"]), None)).asdict()


def _trafilatura(exp: dict[str, Any], html: bytes) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html.decode("utf-8", "replace"), url=exp["url"], with_metadata=True
    )
    if doc is None:
        return {}
    get = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    tags = get.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    author = get.get("author") or ""
    text = get.get("text") or ""
    return {
        "title": get.get("title"),
        "published": get.get("date"),
        "authors": [a.strip() for a in author.split(";") if a.strip()],
        "tags": tags,
        # trafilatura separates paragraphs with one newline; newsbot with a blank line.
        "body": "\n\n".join(line for line in text.split("\n") if line.strip()) or None,
    }


def _run(
    fn: Any, pages: list[tuple[dict[str, Any], bytes]], fields: tuple[str, ...], repeat: int
) -> dict[str, Any]:
    records = []
    t0 = time.perf_counter()
    for _ in range(repeat):
        records = [fn(exp, html) for exp, html in pages]
    elapsed = time.perf_counter() - t0
    scores: dict[str, Any] = {}
    body_scores = []
    for field in fields:
        ok = 0
        for (exp, _), rec in zip(pages, records, strict=True):
            check = _check(field, rec, exp)
            ok += check.ok
            if field == "body":
                body_scores.append(check.score or 0.0)
        scores[field] = ok
    if body_scores:
        scores["body_mean"] = sum(body_scores) / len(body_scores)
    return {"pages_per_s": len(pages) * repeat / elapsed, "scores": scores}


def _dates() -> str:
    path = Path(__file__).with_name("bench_dates.py")
    if not path.exists():
        return "parse_date: benchmarks/bench_dates.py not found"
    spec = importlib.util.spec_from_file_location("bench_dates", path)
    if spec is None or spec.loader is None:
        return "parse_date: cannot load bench_dates.py"
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    result = mod.run()
    if isinstance(result, dict):
        rate = result.get("parses_per_s") or result.get("per_second") or result.get("rate")
        seen = (
            f" ({result['parsed']}/{result['distinct_strings']} strings understood)"
            if "parsed" in result and "distinct_strings" in result
            else ""
        )
        return (
            f"parse_date: {rate:,.0f} parses/s{seen}"
            if isinstance(rate, (int, float))
            else f"parse_date: {result}"
        )
    if isinstance(result, (int, float)):
        return f"parse_date: {result:,.0f} parses/s"
    return f"parse_date: {result}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="extraction rounds for the speed figure")
    args = ap.parse_args()
    rw = realworld_dir()
    if not (rw / "expected").is_dir():
        print(f"realworld pages not found at {rw} (set NEWSBOT_REALWORLD_DIR)")
        return 1
    warnings.filterwarnings("ignore")
    pages = _pages()
    n = len(pages)
    runs = {
        "newsbot": _run(_newsbot, pages, ROWS, args.repeat),
        "newsbot-generic": _run(_generic, pages, ROWS, args.repeat),
        "trafilatura": _run(_trafilatura, pages, TRAFILATURA_FIELDS, args.repeat),
    }
    names = list(runs)
    print(f"realworld pages: {n} ({rw})")
    print(f"{'':16}" + "".join(f"{k:>18}" for k in names))
    print(f"{'pages/s':16}" + "".join(f"{runs[k]['pages_per_s']:>18.1f}" for k in names))
    for field in [*ROWS, "body_mean"]:
        cells = []
        for k in names:
            v = runs[k]["scores"].get(field)
            if v is None:
                cells.append(f"{'-':>18}")
            elif field == "body_mean":
                cells.append(f"{v:>18.3f}")
            else:
                cells.append(f"{f'{v}/{n}':>18}")
        print(f"{field:16}" + "".join(cells))
    print(_dates())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
