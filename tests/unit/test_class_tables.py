"""Every row of the per-class tables of real-shaped dates and bylines (tests/unit/class_tables.py)."""

from __future__ import annotations

import pytest

from newsbot.text.bylines import parse_byline
from newsbot.text.dates import parse_date_info
from tests.unit.class_tables import BYLINE_CLASSES, DATE_CLASSES, NOW


def read_date(text: str, zone: str | None, anchor) -> str | None:
    info = parse_date_info(text, timezone=zone, now=NOW, anchor=anchor)
    if info is None:
        return None
    if info.date_only:
        return info.value.date().isoformat()
    return info.value.isoformat(timespec="minutes")


def read_byline(text: str, site: str | None) -> tuple[list[str], list[str], str | None]:
    got = parse_byline(text, site_name=site)
    return got["authors"], got["agencies"], got["dateline"]


DATE_ROWS = [(c, *row) for c, rows in DATE_CLASSES.items() for row in rows]
BYLINE_ROWS = [(c, *row) for c, rows in BYLINE_CLASSES.items() for row in rows]


@pytest.mark.parametrize(("cls", "text", "zone", "anchor", "expected"), DATE_ROWS)
def test_date_class_row(cls: str, text: str, zone, anchor, expected) -> None:
    assert read_date(text, zone, anchor) == expected, cls


@pytest.mark.parametrize(("cls", "text", "site", "authors", "agencies", "dateline"), BYLINE_ROWS)
def test_byline_class_row(cls, text, site, authors, agencies, dateline) -> None:
    assert read_byline(text, site) == (authors, agencies, dateline), cls


def test_a_person_is_never_filed_as_an_agency() -> None:
    persons = {
        a for rows in BYLINE_CLASSES.values() for _, _, authors, _, _ in rows for a in authors
    }
    for rows in BYLINE_CLASSES.values():
        for text, site, *_ in rows:
            assert not set(read_byline(text, site)[1]) & persons, text
