"""Bahrain (bh): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "bh"
DATE_LOCALE = "ar-BH"
TIMEZONE = "Asia/Bahrain"
