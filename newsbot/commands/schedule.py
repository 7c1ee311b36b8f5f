"""``scrapy schedule --cron | --systemd [--write DIR]``: recurring crawl recipes from the portals.

Prints (or writes into ``DIR``: ``crontab`` / ``systemd/*``) what ``newsbot.schedules``
generates, so the recipes stay in step with the portal files; ``--project`` and ``--home``
change the paths written into them. Exit status 2 (usage error) when neither format is chosen.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newsbot import portals
from newsbot.schedules import Paths, crontab, systemd_units


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "--cron | --systemd [--write DIR] [--project DIR] [--home DIR]"

    def short_desc(self) -> str:
        return "Print the crontab / systemd timers that crawl each portal at its interval"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--cron", action="store_true", help="print a crontab")
        parser.add_argument("--systemd", action="store_true", help="print systemd units")
        parser.add_argument("--write", metavar="DIR", help="write the files into DIR instead")
        parser.add_argument("--project", default=Paths.project, help="checkout (scrapy.cfg)")
        parser.add_argument("--home", default=Paths.home, help="NEWSBOT_HOME (feeds, logs...)")
        parser.add_argument("--user", default=Paths.user, help="systemd User=")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not (opts.cron or opts.systemd):
            raise UsageError("choose --cron or --systemd")
        paths = Paths(project=opts.project, home=opts.home, user=opts.user)
        files: dict[str, str] = {}
        if opts.cron:
            files["crontab"] = crontab(portals.all_portals(), paths)
        if opts.systemd:
            for name, text in systemd_units(portals.all_portals(), paths).items():
                files[f"systemd/{name}"] = text
        if opts.write:
            for name, text in files.items():
                target = Path(opts.write) / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                print(target)
            return
        for name, text in files.items():
            if len(files) > 1:
                print(f"# ==> {name} <==")
            print(text, end="")
