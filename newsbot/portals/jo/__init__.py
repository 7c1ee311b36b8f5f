"""Jordan (jo): defaults for the portals filed in this folder.

A portal file imports these so the locale and time zone of a country are written once.
"""

from __future__ import annotations

COUNTRY = "jo"
DATE_LOCALE = "ar-JO"
TIMEZONE = "Asia/Amman"
