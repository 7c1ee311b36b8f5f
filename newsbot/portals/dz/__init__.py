"""Algeria (dz): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "dz"
DATE_LOCALE = "ar-DZ"
TIMEZONE = "Africa/Algiers"
