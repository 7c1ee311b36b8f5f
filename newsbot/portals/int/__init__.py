"""International / pan-Arab outlets (int): portals not tied to one Arab country.

There is no shared time zone: each portal here sets the zone its pages write times in.
"""

from __future__ import annotations

COUNTRY = "int"
DATE_LOCALE = "ar"
TIMEZONE = "UTC"
