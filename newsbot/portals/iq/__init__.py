"""Iraq (iq): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "iq"
DATE_LOCALE = "ar-IQ"
TIMEZONE = "Asia/Baghdad"
