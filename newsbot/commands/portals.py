"""``scrapy portals``: the portal catalogue as a table; ``--check``: a live health check.

    scrapy portals                              # every portal: sources by kind, render, schedule
    scrapy portals --country eg,ma --json       # filtered; JSON with the full URL lists
    scrapy portals --unverified                 # the URLs with no public evidence yet
    scrapy portals --check youm7 albayan        # fetch sources + 1-3 articles, print health
    scrapy portals --check --portal-file draft.py --mirror http://127.0.0.1:8000

``--check`` runs the ``portalcheck`` spider (robots.txt obeyed, each portal's own delay) and
prints one row per robots.txt, source and fetched article, then one verdict row per portal
(``newsbot.catalogue.health`` defines ok / degraded / broken). Exit status: 1 when a portal is
broken (``--strict``: or degraded), 2 for a usage error (unknown slug, bad portal file), else 0.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES

from newsbot import portals
from newsbot.catalogue.table import (
    catalogue_json,
    catalogue_rows,
    render_catalogue,
    render_unverified,
)

if TYPE_CHECKING:
    import argparse

    from newsbot.portals import Portal


def mirror_all(settings: Any, hosts: list[str], base: str | None) -> None:
    """Map ``hosts`` to the mirror ``base`` in NEWSBOT_MIRRORS (``--mirror``)."""
    if not base:
        return
    from newsbot.middlewares.mirror import parse_mirrors

    try:
        mirrors = parse_mirrors(settings.get("NEWSBOT_MIRRORS"))
        mirrors.update(parse_mirrors(dict.fromkeys(hosts, base)))
    except ValueError as exc:
        raise UsageError(f"--mirror: {exc}", print_help=False) from None
    settings.set("NEWSBOT_MIRRORS", mirrors, priority="cmdline")


def crawler_process(settings: Any) -> Any:
    """The crawler process ``scrapy crawl`` would make for these settings."""
    from scrapy.crawler import AsyncCrawlerProcess, CrawlerProcess

    asyncio = settings["TWISTED_REACTOR"] == _ASYNCIO_REACTOR
    if (asyncio and not settings.getbool("FORCE_CRAWLER_PROCESS")) or not settings.getbool(
        "TWISTED_REACTOR_ENABLED"
    ):
        return AsyncCrawlerProcess(settings)
    return CrawlerProcess(settings)


_ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False  # only --check crawls; it makes its own process

    def syntax(self) -> str:
        return "[--check] [SLUG ...] [--country CC[,CC]] [--json] [--portal-file PATH ...]"

    def short_desc(self) -> str:
        return "List the portal catalogue; --check fetches each portal's sources and articles"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--check", action="store_true", help="fetch sources and articles, print health"
        )
        parser.add_argument("--country", help="only these countries (comma-separated, or int)")
        parser.add_argument("--json", action="store_true", help="JSON instead of a table")
        parser.add_argument(
            "--unverified", action="store_true", help="list the URLs marked unverified"
        )
        parser.add_argument(
            "--portal-file",
            action="append",
            default=[],
            metavar="PATH",
            help="a portal definition outside the registry (repeatable)",
        )
        parser.add_argument(
            "--articles", type=int, default=3, help="--check: article pages per portal (0-10)"
        )
        parser.add_argument(
            "--mirror", metavar="URL", help="--check: fetch every portal host from this server"
        )
        parser.add_argument(
            "--strict", action="store_true", help="--check: exit 1 for degraded portals too"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """Logs at WARNING unless ``-L``/``-s LOG_LEVEL=`` asks otherwise (stdout is the table)."""
        super().process_options(args, opts)
        assert self.settings is not None
        if (self.settings.getpriority("LOG_LEVEL") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")

    def select(self, args: list[str], opts: argparse.Namespace) -> list[Portal]:
        """Portals named by slug and file (default: the registry), filtered by country."""
        try:
            chosen = [portals.get(slug) for slug in args]
            chosen += [portals.validate_module(path) for path in opts.portal_file]
        except portals.PortalError as exc:
            raise UsageError(str(exc), print_help=False) from None
        if not args and not opts.portal_file:
            chosen = portals.all_portals(enabled_only=opts.check)
        if opts.country:
            wanted = {c.strip().lower() for c in opts.country.split(",") if c.strip()}
            chosen = [p for p in chosen if p.country in wanted]
        return chosen

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        chosen = self.select(args, opts)
        if not opts.check:
            rows = catalogue_rows(chosen)
            if opts.json:
                out = catalogue_json(rows)
            elif opts.unverified:
                out = render_unverified(rows) or "no unverified URLs\n"
            else:
                out = render_catalogue(rows) + f"{len(rows)} portal(s)\n"
            sys.stdout.write(out)
            return
        if not chosen:
            raise UsageError("no portal to check", print_help=False)
        self.exitcode = self.check(chosen, opts)

    def check(self, chosen: list[Portal], opts: argparse.Namespace) -> int:
        """Run the portalcheck crawl, print its tables; the exit status (module docstring)."""
        from newsbot.catalogue.health import BROKEN, DEGRADED, render_sources, render_summary
        from newsbot.spiders.portalcheck import PortalCheckSpider

        assert self.settings is not None
        hosts = sorted({d for p in chosen for d in p.domains})
        mirror_all(self.settings, hosts, opts.mirror)
        process = crawler_process(self.settings)
        crawler = process.create_crawler(PortalCheckSpider)
        process.crawl(crawler, portals=chosen, articles=opts.articles)
        process.start()
        reports = getattr(crawler.spider, "reports", None)
        if process.bootstrap_failed or not reports:
            sys.stderr.write("error: the check crawl did not run (see the log above)\n")
            return 1
        if opts.json:
            sys.stdout.write(
                json.dumps([r.asdict() for r in reports], ensure_ascii=False, indent=2) + "\n"
            )
        else:
            sys.stdout.write(render_sources(reports) + "\n" + render_summary(reports))
        bad = {BROKEN, DEGRADED} if opts.strict else {BROKEN}
        failed = [r.slug for r in reports if r.status in bad]
        if failed:
            sys.stderr.write(
                f"{len(failed)} portal(s) {' / '.join(sorted(bad))}: {', '.join(failed)}\n"
            )
        return 1 if failed else 0
