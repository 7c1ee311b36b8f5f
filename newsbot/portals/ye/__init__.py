"""Yemen (ye): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "ye"
DATE_LOCALE = "ar-YE"
TIMEZONE = "Asia/Aden"
