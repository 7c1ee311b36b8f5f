"""``scrapy shell URL`` with newsbot helpers: ``extract(response)``, ``parse_date``,
``parse_byline`` and ``portal`` (the registry entry for the URL) need no imports."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.commands.shell import Command as ScrapyShellCommand


def _portal_for(url: str | None) -> Any:
    if not url:
        return None
    try:
        from newsbot.portals import for_url

        return for_url(url)
    except Exception:  # a broken registry must not break the shell
        return None


class Command(ScrapyShellCommand):
    def short_desc(self) -> str:
        return "Interactive scraping console with newsbot's extract(), parse_date, parse_byline"

    def long_desc(self) -> str:
        return (
            super().long_desc()
            + " newsbot adds: extract(response) -> dict (the record, with the URL's portal), parse_date,"
            " parse_byline, and portal (the registry entry for the URL, or None)."
        )

    def update_vars(self, vars: dict[str, Any]) -> None:
        from newsbot.extract import extract_response
        from newsbot.text.bylines import parse_byline
        from newsbot.text.dates import parse_date

        response = vars.get("response")
        portal = _portal_for(getattr(response, "url", None))

        def extract(resp: Any = None, portal_: Any = None) -> dict[str, Any]:
            """The record of ``resp`` (default: the current response) with its portal, as a
            dict like ``extract_article`` and the feed give it."""
            resp = resp if resp is not None else vars.get("response")
            return ItemAdapter(extract_response(resp, portal_ or _portal_for(resp.url))).asdict()

        vars.update(
            extract=extract, parse_date=parse_date, parse_byline=parse_byline, portal=portal
        )
