"""Every realworld page x every field, compared per ../shared/realworld/README.md rules.

Known misses after honest generic work are strict xfails with the reason; when a portal
definition or the extractor fixes one, the xfail turns into a failure to be removed here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbot.quality import FIELDS, compare_field
from tests.realworld.conftest import load, page_ids

pytestmark = pytest.mark.realworld

XFAIL: dict[tuple[str, str], str] = {
    # (page id, field): reason. Empty: every field of every page passes today.
}


def _params() -> list[object]:
    out = []
    for pid in page_ids():
        for field in FIELDS:
            marks = []
            reason = XFAIL.get((pid, field))
            if reason:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            out.append(pytest.param(pid, field, marks=marks, id=f"{pid}-{field}"))
    return out


@pytest.mark.parametrize(("page_id", "field"), _params())
def test_field_matches_expected(realworld_page: Path, page_id: str, field: str) -> None:
    record, expected = load(page_id)
    check = compare_field(field, record, expected)
    assert check.ok, f"{page_id} {field}: {check.why}"


def test_every_page_is_an_article(realworld_page: Path) -> None:
    from newsbot.extract import classify
    from newsbot.items import Article

    for pid in page_ids():
        record, _ = load(pid)
        assert classify(Article(**record)) is None, pid
