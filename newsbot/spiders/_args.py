"""Spider argument parsing shared by every newsbot spider (README "Crawl arguments")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from newsbot.discovery import parse_machine_date


class ArgumentError(ValueError):
    """A spider argument (``-a name=value``) is invalid."""


def _int(name: str, value: object, minimum: int = 0) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value))
    except ValueError:
        raise ArgumentError(f"-a {name}={value!r}: an integer is required") from None
    if number < minimum:
        raise ArgumentError(f"-a {name}={value!r}: must be >= {minimum}")
    return number


def parse_cutoff(
    since: object = None, days: object = None, now: datetime | None = None
) -> datetime | None:
    """The oldest publication time wanted (aware UTC), from ``since`` and/or ``days``.

    ``since``: ``2024-01-01`` or an ISO 8601 time; ``days``: a number of days back from now.
    When both are given the later cutoff wins.
    """
    cutoffs: list[datetime] = []
    if since not in (None, ""):
        parsed = parse_machine_date(str(since))
        if parsed is None:
            raise ArgumentError(f"-a since={since!r}: use YYYY-MM-DD or an ISO 8601 time")
        cutoffs.append(parsed.astimezone(UTC))
    if days not in (None, ""):
        try:
            n = float(str(days))
        except ValueError:
            raise ArgumentError(f"-a days={days!r}: a number is required") from None
        if n < 0:
            raise ArgumentError(f"-a days={days!r}: must be >= 0")
        cutoffs.append((now or datetime.now(UTC)) - timedelta(days=n))
    return max(cutoffs) if cutoffs else None


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ArgumentError(f"not an http(s) URL: {url!r}")
    return url


def parse_urls(url: object = None, urls: object = None, urls_file: object = None) -> list[str]:
    """Article URLs given with ``-a url=``, ``-a urls=a,b`` and/or ``-a urls_file=PATH``."""
    found: list[str] = []
    if url:
        found.append(str(url).strip())
    if urls:
        found.extend(u.strip() for u in str(urls).split(",") if u.strip())
    if urls_file:
        path = Path(str(urls_file))
        if not path.is_file():
            raise ArgumentError(f"-a urls_file={urls_file!r}: no such file")
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                found.append(line)
    out: list[str] = []
    for u in found:
        if _check_url(u) not in out:
            out.append(u)
    return out


@dataclass
class CrawlArgs:
    """Validated spider arguments."""

    cutoff: datetime | None = None
    limit: int | None = None
    related_depth: int | None = None
    """None: use the NEWSBOT_RELATED_DEPTH setting."""
    urls: list[str] = field(default_factory=list)
    mirror: str | None = None
    render: str | None = None
    """``-a render=never|auto|always`` (None: NEWSBOT_RENDER / the portal's / generic default)."""

    @classmethod
    def parse(cls, kwargs: dict[str, object]) -> CrawlArgs:
        """Pop newsbot's arguments from ``kwargs`` (the rest stay spider attributes)."""
        mirror = kwargs.pop("mirror", None)
        if mirror:
            _check_url(str(mirror))
        render = str(kwargs.pop("render", None) or "").strip().lower() or None
        if render not in (None, "never", "auto", "always"):
            raise ArgumentError(f"-a render={render!r}: use never, auto or always")
        return cls(
            cutoff=parse_cutoff(kwargs.pop("since", None), kwargs.pop("days", None)),
            limit=_int("limit", kwargs.pop("limit", None), minimum=1),
            related_depth=_int("related_depth", kwargs.pop("related_depth", None)),
            urls=parse_urls(
                kwargs.pop("url", None), kwargs.pop("urls", None), kwargs.pop("urls_file", None)
            ),
            mirror=str(mirror) if mirror else None,
            render=render,
        )
