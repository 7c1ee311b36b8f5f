"""Syria (sy): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "sy"
DATE_LOCALE = "ar-SY"
TIMEZONE = "Asia/Damascus"
