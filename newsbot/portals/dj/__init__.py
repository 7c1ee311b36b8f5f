"""Djibouti (dj): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "dj"
DATE_LOCALE = "ar-DJ"
TIMEZONE = "Africa/Djibouti"
