"""``scrapy genportal URL``: probe a site and write a draft portal file (like ``genspider``).

    scrapy genportal https://www.example.ma/                 # -> newsbot/portals/ma/example.py
    scrapy genportal example.com.sa --slug example -o /tmp/example.py --articles 4
    scrapy genportal https://www.example.ma/ --mirror http://127.0.0.1:8000   # a local copy

Runs the ``siteprobe`` spider (robots.txt obeyed), builds the draft with
``newsbot.catalogue.draft`` and imports it back; prints where it was written, the sources found
and the TODOs. Exit status: 0 written; 1 nothing usable found (the home page did not answer) or
the draft does not validate or would break the registry (nothing is left behind); 2 usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES

from newsbot import portals
from newsbot.commands.portals import crawler_process, mirror_all

if TYPE_CHECKING:
    import argparse


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "URL [-o PATH] [--slug SLUG] [--country CC] [--articles N] [--force]"

    def short_desc(self) -> str:
        return "Probe a news site and write a draft portal file with its evidence"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-o", "--output", metavar="PATH", help="file to write")
        parser.add_argument("--slug", help="portal slug (default: from the host)")
        parser.add_argument("--country", help="ISO country code or int (default: guessed)")
        parser.add_argument("--articles", type=int, default=3, help="article pages to read")
        parser.add_argument("--force", action="store_true", help="overwrite an existing file")
        parser.add_argument("--mirror", metavar="URL", help="fetch the site from this server")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if (self.settings.getpriority("LOG_LEVEL") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        from newsbot.catalogue.draft import build_draft
        from newsbot.catalogue.portalfile import DraftError, write_draft
        from newsbot.spiders.site import home_url
        from newsbot.spiders.siteprobe import SiteProbeSpider

        if len(args) != 1:
            raise UsageError("give one site URL (https://www.example.ma/ or example.ma)")
        try:
            home = home_url(args[0]) if "://" not in args[0] else args[0]
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from None
        host = (urlsplit(home).hostname or "").removeprefix("www.")
        owner = portals.for_host(host)
        if owner is not None and not opts.output:
            sys.stderr.write(f"error: {host} is already covered by portal {owner.slug!r}\n")
            self.exitcode = 1
            return
        assert self.settings is not None
        mirror_all(self.settings, [host], opts.mirror)
        process = crawler_process(self.settings)
        crawler = process.create_crawler(SiteProbeSpider)
        process.crawl(crawler, home=home, articles=opts.articles)
        process.start()
        findings = getattr(crawler.spider, "findings", None)
        home_result = (
            next((s for s in findings.sources if s.kind == "listing"), None) if findings else None
        )
        if findings is None or home_result is None or not home_result.ok:
            why = home_result and home_result.status
            sys.stderr.write(f"error: {home} did not answer ({why or 'crawl failed'}): no draft\n")
            self.exitcode = 1
            return
        draft = build_draft(findings, slug=opts.slug, country=opts.country)
        try:
            path = write_draft(draft, Path(opts.output) if opts.output else None, opts.force)
        except DraftError as exc:
            sys.stderr.write(f"error: {exc}\n")
            self.exitcode = 1
            return
        kinds = (
            ("rss", draft.rss),
            ("news sitemaps", draft.news_sitemaps),
            ("sitemaps", draft.sitemaps),
            ("listings", draft.listings),
        )
        lines = [f"Wrote {path} (portal {draft.slug!r}, country {draft.country.value})"]
        lines += [f"  {kind}: {', '.join(urls)}" for kind, urls in kinds if urls]
        lines += [f"  unverified: {', '.join(draft.unverified)}"] if draft.unverified else []
        lines += [f"  TODO: {todo}" for todo in draft.todos]
        lines.append(f"Next: scrapy portals --check --portal-file {path}")
        sys.stdout.write("\n".join(lines) + "\n")
