"""The publication day written in an article URL (/2013/08/03/, 2020-08-24, 20200824)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

_URL_DATE_RES = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})[/_.-](\d{1,2})[/_.-](\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"),
    re.compile(r"/((?:19|20)\d{2})/[a-z_-]+/(\d{1,2})/(\d{1,2})/"),  # /2013/middle_east/8/3/
)


def date_from_url(url: str) -> date | None:
    """The publication day written in a URL path (/2013/08/03/, 2020-08-24, 20200824).

    Only years from 1990 to next year and real calendar days count; the query string is ignored.
    """
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    this_year = datetime.now(UTC).year
    for pattern in _URL_DATE_RES:
        for m in pattern.finditer(path):
            y, mo, d = (int(x) for x in m.groups())
            if (
                1990 <= y <= this_year + 1
                and 1 <= mo <= 12
                and 1 <= d <= calendar.monthrange(y, mo)[1]
            ):
                return date(y, mo, d)
    return None
