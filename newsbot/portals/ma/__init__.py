"""Morocco (ma): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "ma"
DATE_LOCALE = "ar-MA"
TIMEZONE = "Africa/Casablanca"
