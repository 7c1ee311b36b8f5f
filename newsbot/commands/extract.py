"""``scrapy extract FILE --url URL [--portal SLUG]``: one saved page -> one JSON line.

Batch form: ``scrapy extract --batch LIST [--jobs N] [--now ISO]``: ``newsbot.batch`` (lines
``path<TAB>url[<TAB>portal]``, records in list order, bad entries counted, summary on stderr).
WARC form: ``scrapy extract --warc FILE_OR_URL [--warc ...] [--jobs N]``: ``newsbot.warc.extract``.
``--jobs N`` extracts in N worker processes (``0``/``auto``: one per CPU), same output as 1.
Ctrl-C stops the workers and exits with status 130 after the summary (no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newsbot.batch import ExtractError, extract_batch, extract_file, parse_now
from newsbot.parallel import resolve_jobs

INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False  # offline: no reactor, no crawler
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return (
            "FILE --url URL [--portal SLUG] | --batch LIST.tsv [--jobs N] | "
            "--warc FILE_OR_URL [--jobs N]"
        )

    def short_desc(self) -> str:
        return "Extract the article record of a saved page (offline) as one JSON line"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--url", help="address the page was saved from (required for FILE)")
        parser.add_argument(
            "--portal", help="portal slug (default: looked up by URL, else generic)"
        )
        parser.add_argument("--batch", metavar="TSV", help="lines 'path<TAB>url[<TAB>portal]'")
        parser.add_argument(
            "--warc",
            metavar="FILE_OR_URL",
            action="append",
            help="a WARC file or URL: one JSON line per article record (repeatable)",
        )
        parser.add_argument(
            "--jobs",
            metavar="N",
            default="1",
            help="worker processes for --batch/--warc (0 or 'auto': one per CPU; default 1)",
        )
        parser.add_argument(
            "--now",
            metavar="ISO",
            help="FILE/--batch: extraction time of every page (crawled_at, 'now' of relative "
            "dates; default: the start of the run); --warc uses each record's WARC-Date",
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            jobs = resolve_jobs(opts.jobs)
            now = parse_now(opts.now) if opts.now else None
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        try:
            self.exitcode = self._run(args, opts, jobs, now)
        except KeyboardInterrupt:
            sys.stderr.write("interrupted: workers stopped, output is incomplete\n")
            self.exitcode = INTERRUPTED

    def _run(
        self, args: list[str], opts: argparse.Namespace, jobs: int, now: datetime | None
    ) -> int:
        if opts.warc:
            from newsbot.warc.extract import extract_warcs

            return extract_warcs([*opts.warc, *args], jobs=jobs)
        if opts.batch:
            return extract_batch(Path(opts.batch), jobs, now)
        if len(args) != 1:
            raise UsageError("give one FILE (or --batch LIST.tsv, or --warc FILE_OR_URL)")
        if not opts.url:
            raise UsageError("--url URL is required: the address the page was saved from")
        try:
            record = extract_file(Path(args[0]), opts.url, opts.portal, now)
        except ExtractError as exc:
            sys.stderr.write(f"error: {exc}\n")
            return 1
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
