"""Extraction benchmark: newsbot vs trafilatura on the same pages in the same run.

    python benchmarks/bench_extract.py [--repeat N] [--profile] [--set S] [--pages-dir DIR]

Page sets: ``../shared/realworld`` (skipped with a message when absent), the repository's
own per-portal saved pages (``tests/fixtures/portals``), ``realsite``: 60 generated ~50 KB
portal-like pages of ``benchmarks/realsite.py`` (navigation, footer, scripts, JSON-LD, related
blocks; timing only), and ``--pages-dir DIR``: every ``*.html`` under DIR (timing only; the URL
is ``https://example.com/<file name>``). For each set it prints newsbot and
trafilatura ms/page (mean over pages of the fastest of N warm runs per page) and their ratio,
then, per field, how many pages match the expected JSON (rules of ../shared/realworld/README.md,
implemented in ``newsbot.quality``); for the body also the mean share of body sub-checks passed.
On the realworld set a third column gives newsbot generic (no portal definition). Each set
ends with the time of ``classify`` on the page after its extraction (which shares its parse
with ``response.selector``) and on a fresh response (parsed again). newsbot's
string caches are cleared before every timed run (trafilatura keeps its own caches warm).
``--profile`` prints the top-20 cumulative functions of newsbot over every page.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import importlib.util
import json
import pstats
import sys
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from itemadapter import ItemAdapter

from newsbot.extract import blocks, classify, extract_article, extract_response
from newsbot.extract.encoding import build_response
from newsbot.quality import FIELDS, compare_field, realworld_dir
from newsbot.text import arabic, boilerplate

TRAFILATURA_FIELDS = ("title", "published", "published_day", "authors", "tags", "body")
ROWS = (*FIELDS[:2], "published_day", *FIELDS[2:])
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "portals"
REALSITE_PAGES = 60

Page = tuple[dict[str, Any], bytes]
"""(expected entry with ``url`` and optional ``_slug``/``_now``, page bytes)."""


def _check(field: str, rec: dict[str, Any], exp: dict[str, Any]) -> Any:
    """``published_day``: only the local calendar day (trafilatura gives dates without time)."""
    if field != "published_day":
        return compare_field(field, rec, exp)
    got, want = (rec.get("published") or "")[:10], (exp.get("published") or "")[:10]
    return type("C", (), {"ok": bool(want) and got == want, "score": None})()


def realworld_pages() -> list[Page]:
    rw = realworld_dir()
    out = []
    for f in sorted((rw / "expected").glob("*.json")):
        exp = json.loads(f.read_text(encoding="utf-8"))
        out.append((exp, (rw / "pages" / f"{exp['id']}.html").read_bytes()))
    return out


def fixture_pages() -> list[Page]:
    """Every saved portal page with its expected entry (``now`` = the fixture's frozen time)."""
    out = []
    for meta_path in sorted(FIXTURES.glob("*/*/meta.json")):
        folder = meta_path.parent
        metas = json.loads(meta_path.read_text(encoding="utf-8"))
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        for stem, meta in sorted(metas.items()):
            exp = dict(expected.get(stem, {}))
            exp["url"] = meta["url"]
            exp["_slug"] = folder.name
            exp["_now"] = datetime.fromisoformat(meta.get("frozen_time") or meta["crawled_at"])
            out.append((exp, gzip.decompress((folder / f"{stem}.html.gz").read_bytes())))
    return out


def realsite_pages(count: int = REALSITE_PAGES) -> list[Page]:
    """``count`` generated pages of ``benchmarks/realsite.py`` (built in-process, no server)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from realsite import article_path, render_article

    base = "http://127.0.0.1:8000"
    return [({"url": base + article_path(n)}, render_article(n)) for n in range(count)]


def dir_pages(folder: Path) -> list[Page]:
    """Every ``*.html`` under ``folder`` (sorted), for timing only."""
    files = sorted(folder.rglob("*.html"))
    return [({"url": f"https://example.com/{f.name}"}, f.read_bytes()) for f in files]


def _newsbot(exp: dict[str, Any], html: bytes) -> dict[str, Any]:
    return extract_article(html, exp["url"], portal=exp.get("_slug"), now=exp.get("_now"))


def _generic(exp: dict[str, Any], html: bytes) -> dict[str, Any]:
    response = build_response(html, exp["url"])
    return ItemAdapter(extract_response(response, None, now=exp.get("_now"))).asdict()


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


def _cold() -> None:
    """Empty newsbot's string caches (clean_text, match_key, first key words, boilerplate line
    verdicts, style-sheet classes)."""
    arabic.clear_caches()
    boilerplate.clear_caches()
    blocks.clear_caches()


def _run(
    fn: Callable[[dict[str, Any], bytes], dict[str, Any]],
    pages: list[Page],
    fields: tuple[str, ...],
    repeat: int,
    reset: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """ms/page (mean over pages of the fastest of ``repeat`` runs after one warm-up) + scores.

    ``reset`` runs (untimed) before every timed run: newsbot's string caches start empty, so a
    page does not profit from its own earlier runs."""
    records, best = [], []
    for exp, html in pages:
        rec = fn(exp, html)  # warm-up (imports, caches of other pages do not count)
        times = []
        for _ in range(repeat):
            if reset is not None:
                reset()
            t0 = time.perf_counter()
            rec = fn(exp, html)
            times.append(time.perf_counter() - t0)
        records.append(rec)
        best.append(min(times))
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
    return {"ms": 1000 * sum(best) / len(best), "scores": scores}


def _table(name: str, pages: list[Page], repeat: int, generic: bool, scored: bool = True) -> None:
    rows, traf_rows = (ROWS, TRAFILATURA_FIELDS) if scored else ((), ())
    runs = {"newsbot": _run(_newsbot, pages, rows, repeat, _cold)}
    if generic:
        runs["newsbot-generic"] = _run(_generic, pages, rows, repeat, _cold)
    runs["trafilatura"] = _run(_trafilatura, pages, traf_rows, repeat)
    n, names = len(pages), list(runs)
    ratio = runs["trafilatura"]["ms"] / runs["newsbot"]["ms"]
    print(f"\n{name}: {n} pages, fastest of {repeat} per page")
    print(f"{'':16}" + "".join(f"{k:>18}" for k in names))
    print(f"{'ms/page':16}" + "".join(f"{runs[k]['ms']:>18.1f}" for k in names))
    print(f"{'pages/s':16}" + "".join(f"{1000 / runs[k]['ms']:>18.1f}" for k in names))
    for field in [*rows, "body_mean"] if scored else ():
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
    print(f"newsbot vs trafilatura: x{ratio:.1f} faster (trafilatura ms / newsbot ms)")
    print(_classify_line(pages, repeat))


def _classify_line(pages: list[Page], repeat: int) -> str:
    """ms/page of ``classify`` after the extraction (on the extraction's shared parse) and on a
    fresh response (a second parse, as before the parse was shared); fastest of ``repeat``."""
    shared, fresh = [], []
    for exp, html in pages:
        for out, reuse in ((shared, True), (fresh, False)):
            times = []
            for _ in range(repeat):
                response = build_response(html, exp["url"])
                article = extract_response(response, None, now=exp.get("_now"))
                if not reuse:
                    response = build_response(html, exp["url"])
                t0 = time.perf_counter()
                classify(article, response)
                times.append(time.perf_counter() - t0)
            out.append(min(times))
    ms = [1000 * sum(x) / len(x) for x in (shared, fresh)]
    return f"classify after extraction: {ms[0]:.2f} ms/page (on a fresh parse: {ms[1]:.2f})"


def _profile(pages: list[Page], rounds: int = 3) -> None:
    for exp, html in pages:  # warm caches and imports first
        _newsbot(exp, html)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(rounds):
        for exp, html in pages:
            _newsbot(exp, html)
    prof.disable()
    print(f"\nprofile: newsbot over {len(pages)} pages x {rounds}, top 20 by cumulative time")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(20)


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
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per page (fastest counts)")
    ap.add_argument("--profile", action="store_true", help="print top-20 cumulative functions")
    ap.add_argument("--set", choices=("all", "realworld", "fixtures", "realsite"), default="all")
    ap.add_argument("--pages-dir", type=Path, help="also time every *.html under DIR")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    sets: list[tuple[str, list[Page], bool, bool]] = []
    rw = realworld_dir()
    if args.set in ("all", "realworld"):
        if (rw / "expected").is_dir():
            sets.append((f"realworld ({rw})", realworld_pages(), True, True))
        else:
            print(f"realworld pages not found at {rw} (set NEWSBOT_REALWORLD_DIR): skipped")
    if args.set in ("all", "fixtures"):
        sets.append((f"portal fixtures ({FIXTURES})", fixture_pages(), False, True))
    if args.set in ("all", "realsite"):
        sets.append(
            ("realsite (benchmarks/realsite.py, timing only)", realsite_pages(), False, False)
        )
    if args.pages_dir is not None:
        pages = dir_pages(args.pages_dir)
        if pages:
            sets.append((f"pages under {args.pages_dir} (timing only)", pages, False, False))
        else:
            print(f"no *.html under {args.pages_dir}: skipped")
    for name, pages, generic, scored in sets:
        if args.profile:
            _profile(pages)
        else:
            _table(name, pages, args.repeat, generic, scored)
    if not args.profile:
        print(_dates())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
