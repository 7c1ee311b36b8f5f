"""Qatar (qa): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "qa"
DATE_LOCALE = "ar-QA"
TIMEZONE = "Asia/Qatar"
