"""``scrapy shell URL`` with newsbot helpers: ``extract(response)``, ``parse_date``,
``parse_byline`` and ``portal`` (the registry entry for the URL) need no imports.

``scrapy shell URL -s NEWSBOT_RENDER=always`` opens the page as Chromium renders it. Scrapy's
shell runs its engine in a thread, where scrapy-playwright never answers (measured: the first
fetch hangs), so the page is rendered first by ``scrapy fetch -s NEWSBOT_RENDER=always`` in a
subprocess and the shell opens that HTML with the real URL as ``response.url``. Without a
browser the command stops with the message naming the package to install."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy.commands.shell import Command as ScrapyShellCommand
from scrapy.exceptions import UsageError


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

    _rendered_url: str | None = None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        from newsbot.render.browser import INSTALL_HINT, find_browser
        from newsbot.render.plan import parse_mode

        assert self.settings is not None
        mode = parse_mode(self.settings.get("NEWSBOT_RENDER"), "NEWSBOT_RENDER")
        if mode != "always" or not args or "://" not in args[0]:
            super().run(args, opts)
            return
        if find_browser(self.settings) is None:
            raise UsageError(f"NEWSBOT_RENDER=always: {INSTALL_HINT}", print_help=False)
        with tempfile.TemporaryDirectory(prefix="newsbot-shell-") as tmp:
            page = Path(tmp) / "rendered.html"
            page.write_bytes(_render(args[0], self.settings.copy_to_dict()))
            self._rendered_url = args[0]
            # the shell itself reads the saved page: no handlers, no browser in its thread
            self.settings.set("NEWSBOT_RENDER", "never", priority="cmdline")
            super().run([str(page), *args[1:]], opts)

    def update_vars(self, vars: dict[str, Any]) -> None:
        from newsbot.extract import extract_response
        from newsbot.text.bylines import parse_byline
        from newsbot.text.dates import parse_date

        response = vars.get("response")
        if response is not None and self._rendered_url:
            response = vars["response"] = response.replace(url=self._rendered_url)
        portal = _portal_for(getattr(response, "url", None))

        def extract(resp: Any = None, portal_: Any = None) -> dict[str, Any]:
            """The record of ``resp`` (default: the current response) with its portal, as a
            dict like ``extract_article`` and the feed give it."""
            resp = resp if resp is not None else vars.get("response")
            return ItemAdapter(extract_response(resp, portal_ or _portal_for(resp.url))).asdict()

        vars.update(
            extract=extract, parse_date=parse_date, parse_byline=parse_byline, portal=portal
        )


def _render(url: str, settings: dict[str, Any]) -> bytes:
    """The HTML of ``url`` as Chromium renders it (``scrapy fetch`` in a subprocess)."""
    cmd = [sys.executable, "-m", "scrapy", "fetch", "--nolog", url, "-s", "NEWSBOT_RENDER=always"]
    for name in ("NEWSBOT_CHROMIUM", "NEWSBOT_MIRRORS", "NEWSBOT_STATE_BACKEND", "USER_AGENT"):
        if settings.get(name):
            value = settings[name]
            cmd += ["-s", f"{name}={json.dumps(value) if isinstance(value, dict) else value}"]
    proc = subprocess.run(cmd, capture_output=True, check=False, timeout=120)
    if proc.returncode != 0 or not proc.stdout:
        raise UsageError(f"rendering {url} failed: {proc.stderr.decode(errors='replace')[-2000:]}")
    return proc.stdout
