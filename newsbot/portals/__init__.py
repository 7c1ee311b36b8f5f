"""Portal registry: every ``PORTAL`` declared under ``newsbot.portals`` (README "Add a portal").

Every module below this package whose name does not start with ``_`` is imported (country
packages ``<cc>/`` recursively). A plain module must define ``PORTAL: Portal``; a package
(``eg/__init__.py``) only holds country defaults and may define one. Any problem — an unknown
keyword, a bad regex or selector, a missing ``PORTAL``, a duplicate slug or domain, a portal
filed under the wrong country folder — raises :class:`PortalError` naming the module file, at
start-up rather than mid-crawl.

API: :func:`all_portals`, :func:`get`, :func:`for_url`, :func:`for_host`, :func:`load`,
:func:`validate_module`.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from newsbot.portals._spec import Layout, Listing, Portal, PortalError, Selectors, Sources

__all__ = [
    "Layout",
    "Listing",
    "Portal",
    "PortalError",
    "Selectors",
    "Sources",
    "UnknownPortal",
    "all_portals",
    "for_host",
    "for_url",
    "get",
    "load",
    "validate_module",
]

DEFAULT_PACKAGE = "newsbot.portals"

_CACHE: dict[str, dict[str, Portal]] = {}


def _file_of(name: str) -> str:
    """Path of module ``name`` (for error messages), without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    return str(spec.origin) if spec is not None and spec.origin else name


def _import(name: str) -> ModuleType:
    """Import ``name``; any failure becomes a PortalError naming the file."""
    try:
        return importlib.import_module(name)
    except PortalError as exc:
        raise PortalError(f"{_file_of(name)}: {exc}") from exc
    except TypeError as exc:  # unknown / missing keyword of a dataclass
        raise PortalError(f"{_file_of(name)}: invalid portal definition: {exc}") from exc
    except Exception as exc:  # SyntaxError, NameError, ImportError ... in a portal file
        raise PortalError(f"{_file_of(name)}: cannot import: {type(exc).__name__}: {exc}") from exc


def _walk(package: str) -> list[tuple[ModuleType, bool]]:
    """Import ``package``'s modules recursively, skipping names that start with ``_``."""
    pkg = _import(package)
    found: list[tuple[ModuleType, bool]] = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        full = f"{package}.{info.name}"
        module = _import(full)
        found.append((module, info.ispkg))
        if info.ispkg:
            found.extend(_walk(full))
    return found


def _portal_of(module: ModuleType, is_package: bool, root: str | None = None) -> Portal | None:
    where = getattr(module, "__file__", None) or module.__name__
    portal = getattr(module, "PORTAL", None)
    if portal is None:
        if is_package:
            return None
        raise PortalError(f"{where}: a portal module must define PORTAL = Portal(...)")
    if not isinstance(portal, Portal):
        raise PortalError(f"{where}: PORTAL must be a Portal, not {type(portal).__name__}")
    if root is not None and not is_package:
        parts = module.__name__[len(root) + 1 :].split(".")
        if len(parts) == 2 and parts[0] != portal.country:
            raise PortalError(
                f"{where}: portal {portal.slug!r} has country {portal.country!r} "
                f"but lives in the {parts[0]!r} folder"
            )
    return portal


def _build(package: str) -> dict[str, Portal]:
    portals: dict[str, Portal] = {}
    files: dict[str, str] = {}
    owners: dict[str, str] = {}
    for module, is_package in _walk(package):
        portal = _portal_of(module, is_package, package)
        if portal is None:
            continue
        where = getattr(module, "__file__", None) or module.__name__
        if portal.slug in portals:
            raise PortalError(
                f"{where}: duplicate slug {portal.slug!r} (already defined in {files[portal.slug]})"
            )
        for domain in portal.domains:
            if domain in owners:
                other = owners[domain]
                raise PortalError(
                    f"{where}: domain {domain!r} of portal {portal.slug!r} is already claimed "
                    f"by portal {other!r} ({files[other]})"
                )
            owners[domain] = portal.slug
        portals[portal.slug] = portal
        files[portal.slug] = where
    return dict(sorted(portals.items()))


class UnknownPortal(PortalError, KeyError):
    """No portal has the requested slug."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


def load(package: str = DEFAULT_PACKAGE, *, reload: bool = False) -> dict[str, Portal]:
    """All portals of ``package`` by slug (validated once, then cached)."""
    if reload or package not in _CACHE:
        _CACHE[package] = _build(package)
    return _CACHE[package]


def all_portals(enabled_only: bool = False) -> list[Portal]:
    """Every registered portal, sorted by slug."""
    return [p for p in load().values() if p.enabled or not enabled_only]


def get(slug: str) -> Portal:
    """The portal called ``slug``; PortalError (also a KeyError) listing known slugs otherwise."""
    portals = load()
    try:
        return portals[slug]
    except KeyError:
        raise UnknownPortal(
            f"unknown portal {slug!r}; known portals: {', '.join(portals) or '(none)'}"
        ) from None


_HOSTS: tuple[dict[str, Portal], dict[str, Portal | None]] = ({}, {})
"""(the registry it was built for, host -> portal): for_host's answers, reset on reload."""
_HOSTS_MAX = 4096


def for_host(host: str) -> Portal | None:
    """The portal owning ``host`` (``www.`` and subdomains included), longest domain first."""
    global _HOSTS
    host = (host or "").strip().lower().rstrip(".").split(":")[0]
    if not host:
        return None
    registry = load()
    built_for, known = _HOSTS
    if built_for is not registry:
        known = {}
        _HOSTS = (registry, known)
    if host in known:
        return known[host]
    best: Portal | None = None
    best_len = -1
    for portal in registry.values():
        for domain in portal.domains:
            if (host == domain or host.endswith("." + domain)) and len(domain) > best_len:
                best, best_len = portal, len(domain)
    if len(known) >= _HOSTS_MAX:
        known.clear()
    known[host] = best
    return best


def for_url(url: str) -> Portal | None:
    """The portal owning ``url``'s host, or None."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return for_host(host or "")


def validate_module(path: str | Path) -> Portal:
    """Import one portal file by path (outside the registry) and return its validated PORTAL."""
    path = Path(path).resolve()
    if not path.is_file():
        raise PortalError(f"{path}: no such file")
    name = f"_newsbot_portal_check_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PortalError(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except PortalError as exc:
        raise PortalError(f"{path}: {exc}") from exc
    except TypeError as exc:
        raise PortalError(f"{path}: invalid portal definition: {exc}") from exc
    except Exception as exc:
        raise PortalError(f"{path}: cannot import: {type(exc).__name__}: {exc}") from exc
    finally:
        sys.modules.pop(name, None)
    portal = _portal_of(module, is_package=False)
    assert portal is not None
    return portal
