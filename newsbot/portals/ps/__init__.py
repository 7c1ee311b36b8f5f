"""Palestine (ps): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "ps"
DATE_LOCALE = "ar-PS"
TIMEZONE = "Asia/Hebron"
