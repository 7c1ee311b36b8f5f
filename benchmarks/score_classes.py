"""Per-class pass rates of the date and byline normalisers on the tables of real-shaped strings.

Run: ``python benchmarks/score_classes.py [--json]``. Scores ``tests/unit/class_tables.py``
(one list per class of input, issue 11) and the regional "wild" tables
(``tests/unit/test_dates_wild.py``, ``tests/unit/test_bylines_wild.py``); a byline row passes
when authors, agencies and dateline are all exact. Also counts persons filed as agencies and
times parse_date on the mixed benchmark table (``benchmarks/bench_dates.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import bench_dates
from newsbot.text.bylines import canonical_agency
from tests.unit import test_bylines_wild as wild_bylines
from tests.unit import test_dates_wild as wild_dates
from tests.unit.class_tables import BYLINE_CLASSES, DATE_CLASSES
from tests.unit.test_class_tables import read_byline, read_date


def _ids(agencies: list[str]) -> list[str]:
    return [canonical_agency(a) or a for a in agencies]


def score() -> dict[str, object]:
    """{"dates": {class: [passed, total]}, "bylines": {...}, "persons_as_agencies": n}."""
    dates: dict[str, list[int]] = {}
    for cls, rows in DATE_CLASSES.items():
        ok = sum(read_date(t, z, a) == exp for t, z, a, exp in rows)
        dates[cls] = [ok, len(rows)]
    wild = [(t, e) for t, e in wild_dates.ABSOLUTE + wild_dates.RELATIVE]
    dates["wild_regional"] = [sum(wild_dates.local(t) == e for t, e in wild), len(wild)]
    bylines: dict[str, list[int]] = {}
    persons = {a for rows in BYLINE_CLASSES.values() for _, _, au, _, _ in rows for a in au}
    misfiled = 0
    for cls, rows in BYLINE_CLASSES.items():
        ok = 0
        for text, site, authors, agencies, dateline in rows:
            got = read_byline(text, site)
            ok += got == (authors, agencies, dateline)
            misfiled += len(set(got[1]) & persons)
        bylines[cls] = [ok, len(rows)]
    ok = 0
    for text, authors, agencies, dateline in wild_bylines.CASES:
        got = read_byline(text, None)
        ok += (got[0], _ids(got[1]), got[2]) == (authors, _ids(agencies), dateline)
    bylines["wild_regional"] = [ok, len(wild_bylines.CASES)]
    return {"dates": dates, "bylines": bylines, "persons_as_agencies": misfiled}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = score()
    figures["parse_date_per_s"] = bench_dates.run(repeat=20)["parses_per_s"]
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return
    for kind in ("dates", "bylines"):
        table = figures[kind]
        assert isinstance(table, dict)
        total = [sum(v[0] for v in table.values()), sum(v[1] for v in table.values())]
        for cls, (ok, n) in table.items():
            print(f"{kind:8} {cls:34} {ok:4}/{n:<4} {100.0 * ok / n:5.1f}%")
        print(f"{kind:8} {'ALL':34} {total[0]:4}/{total[1]:<4} {100.0 * total[0] / total[1]:5.1f}%")
    print(f"persons filed as agencies: {figures['persons_as_agencies']}")
    print(f"parse_date: {figures['parse_date_per_s']:,} parses/s (mixed table)")


if __name__ == "__main__":
    main()
