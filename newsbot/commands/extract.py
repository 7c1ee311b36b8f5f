"""``scrapy extract FILE --url URL [--portal SLUG]``: one saved page -> one JSON line.

Batch form: ``scrapy extract --batch list.tsv`` where each line is ``path<TAB>url[<TAB>portal]``
(relative paths are read from the TSV's folder); one JSON line per page, in order. A missing,
unreadable or non-HTML file is a message on stderr and exit code 1 (other pages still print).

WARC form: ``scrapy extract --warc FILE_OR_URL [--warc ...]`` (``newsbot.warc.extract``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newsbot.extract.encoding import looks_binary


class ExtractError(Exception):
    """A page could not be read (message for the user, no traceback)."""


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ExtractError(f"{path}: is a directory, not a saved page") from None
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if looks_binary(data):
        raise ExtractError(f"{path}: not an HTML page (binary content)")
    head = data[:4096].lower()
    if data.strip() and b"<" not in head:
        raise ExtractError(f"{path}: not an HTML page (no markup in the first 4 KB)")
    return data


def extract_file(path: Path, url: str, portal: str | None) -> dict[str, Any]:
    from newsbot.extract import extract_article

    data = _read(path)
    try:
        return extract_article(data, url, portal=portal)
    except KeyError as exc:  # unknown portal slug
        raise ExtractError(str(exc.args[0]) if exc.args else str(exc)) from None


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "FILE --url URL [--portal SLUG] | --batch LIST.tsv | --warc FILE_OR_URL"

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

    def _emit(self, record: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if opts.warc:
            from newsbot.warc.extract import extract_warcs

            self.exitcode = extract_warcs([*opts.warc, *args])
            return
        if opts.batch:
            self.exitcode = self._batch(Path(opts.batch))
            return
        if len(args) != 1:
            raise UsageError("give one FILE (or --batch LIST.tsv)")
        if not opts.url:
            raise UsageError("--url URL is required: the address the page was saved from")
        try:
            self._emit(extract_file(Path(args[0]), opts.url, opts.portal))
        except ExtractError as exc:
            sys.stderr.write(f"error: {exc}\n")
            self.exitcode = 1

    def _batch(self, tsv: Path) -> int:
        try:
            lines = tsv.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            sys.stderr.write(f"error: {tsv}: cannot read the list: {exc}\n")
            return 1
        code = 0
        for n, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                sys.stderr.write(f"error: {tsv}:{n}: expected 'path<TAB>url[<TAB>portal]'\n")
                code = 1
                continue
            path = Path(cols[0])
            if not path.is_absolute():
                path = tsv.parent / path
            portal = cols[2].strip() if len(cols) > 2 and cols[2].strip() else None
            try:
                self._emit(extract_file(path, cols[1].strip(), portal))
            except ExtractError as exc:
                sys.stderr.write(f"error: {tsv}:{n}: {exc}\n")
                code = 1
        return code
