"""Mauritania (mr): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "mr"
DATE_LOCALE = "ar-MR"
TIMEZONE = "Africa/Nouakchott"
