"""Kuwait (kw): defaults for the portals filed in this folder."""

from __future__ import annotations

COUNTRY = "kw"
DATE_LOCALE = "ar-KW"
TIMEZONE = "Asia/Kuwait"
