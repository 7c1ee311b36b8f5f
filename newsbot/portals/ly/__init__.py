"""Libya (ly): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "ly"
DATE_LOCALE = "ar-LY"
TIMEZONE = "Africa/Tripoli"
