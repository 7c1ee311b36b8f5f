"""Oman (om): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "om"
DATE_LOCALE = "ar-OM"
TIMEZONE = "Asia/Muscat"
