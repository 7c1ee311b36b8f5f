"""The portal file of a :class:`newsbot.catalogue.draft.Draft`: source text, writing, checking.

``render(draft)`` is the Python source (evidence and TODOs in a raw docstring, one declarative
``Portal(...)``); ``write_draft`` writes it (default ``newsbot/portals/<cc>/<slug>.py``, creating
the country folder's ``__init__.py`` when missing) and imports it back: a draft that does not
build a valid ``Portal`` — or that breaks the registry — is removed and :class:`DraftError` raised.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from newsbot.catalogue.draft import Draft

PORTALS_DIR = Path(__file__).resolve().parent.parent / "portals"


class DraftError(ValueError):
    """The draft could not be written or does not validate."""


def _lit(value: str) -> str:
    """A double-quoted Python literal (Arabic kept as is)."""
    if "\\" in value and '"' not in value and not value.endswith("\\"):
        return f'r"{value}"'
    return json.dumps(value, ensure_ascii=False)


def _tuple(values: list[str] | tuple[str, ...], indent: str = "        ") -> str:
    if not values:
        return "()"
    inner = "".join(f"\n{indent}{_lit(v)}," for v in values)
    return f"({inner}\n{indent[:-4]})"


def _doc(text: str) -> str:
    """Text safe inside the raw docstring."""
    return text.replace('"""', "'''").rstrip("\\")


def render(draft: Draft, when: datetime | None = None) -> str:
    """The portal file's source text."""
    when = when or datetime.now(UTC)
    evidence = "\n".join(
        f"  - {_doc(line.strip())}" if line.startswith(" ") else f"- {_doc(line)}"
        for line in draft.evidence
    )
    todos = "\n".join(f"- TODO: {_doc(line)}" for line in draft.todos)
    listings = "".join(
        f"\n            Listing(url={_lit(u)}, max_pages=1)," for u in draft.listings
    )
    return f'''r"""{_doc(draft.name.value)} ({draft.domain}): DRAFT written by `scrapy genportal` on {when:%Y-%m-%d %H:%M} UTC.

Evidence (what the probe fetched; where each URL was found):
{evidence}

A human must look at:
{todos}
"""

from __future__ import annotations

from newsbot.portals._spec import Layout, {"Listing, " if draft.listings else ""}Portal, Selectors, Sources

PORTAL = Portal(
    slug={_lit(draft.slug)},
    name={_lit(draft.name.value)},
    domains=({_lit(draft.domain)},),
    country={_lit(draft.country.value)},
    date_locale={_lit(draft.locale.value)},
    timezone={_lit(draft.zone.value)},
    start_urls={_tuple(draft.start_urls)},
    sources=Sources(
        rss={_tuple(draft.rss, " " * 12)},
        news_sitemaps={_tuple(draft.news_sitemaps, " " * 12)},
        sitemaps={_tuple(draft.sitemaps, " " * 12)},
        listings=({listings}{chr(10) + " " * 8 if listings else ""}),
    ),
    article_allow={_tuple(draft.article_allow)},
    article_deny={_tuple(draft.article_deny)},
    # Selectors only where the generic extractor is measurably wrong on this template.
    layouts=(Layout(name="V1", selectors=Selectors()),),
    render={_lit(draft.render)},
    unverified={_tuple(draft.unverified)},
    notes="draft: scrapy genportal",
)
'''


def default_path(draft: Draft) -> Path:
    """``newsbot/portals/<country>/<slug>.py``."""
    return PORTALS_DIR / draft.country.value / f"{draft.slug}.py"


def _country_package(folder: Path, draft: Draft) -> None:
    init = folder / "__init__.py"
    if init.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    init.write_text(
        f'"""Portals of {draft.country.value}: country defaults (written by scrapy genportal)."""\n\n'
        "from __future__ import annotations\n\n"
        f"COUNTRY = {_lit(draft.country.value)}\n"
        f"DATE_LOCALE = {_lit(draft.locale.value)}\n"
        f"TIMEZONE = {_lit(draft.zone.value)}\n",
        encoding="utf-8",
    )


def write_draft(draft: Draft, path: Path | None = None, force: bool = False) -> Path:
    """Write the draft (default: into the registry) and import it back (module docstring)."""
    from newsbot import portals

    path = (path or default_path(draft)).resolve()
    in_registry = PORTALS_DIR in path.parents
    if path.exists() and not force:
        raise DraftError(f"{path} exists (use --force to overwrite)")
    if in_registry:
        owner = portals.for_host(draft.domain)
        if owner is not None:
            raise DraftError(f"{draft.domain} is already covered by portal {owner.slug!r}")
        if draft.slug in portals.load():
            raise DraftError(f"slug {draft.slug!r} is taken: pass --slug")
        _country_package(path.parent, draft)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(draft), encoding="utf-8")
    try:
        portals.validate_module(path)
        if in_registry:
            portals.load(reload=True)
    except portals.PortalError as exc:
        path.unlink(missing_ok=True)
        raise DraftError(f"the draft does not validate (not written): {exc}") from exc
    draft.written = str(path)
    return path
