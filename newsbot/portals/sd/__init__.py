"""Sudan (sd): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "sd"
DATE_LOCALE = "ar-SD"
TIMEZONE = "Africa/Khartoum"
