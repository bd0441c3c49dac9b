"""Venues of upstream backtrader that this build does not trade with:
Interactive Brokers (IbPy2's ``ib``), Oanda (``oandapy``) and VisualChart
(``comtypes``, Windows only).

Their modules keep upstream's import contract: without the venue's
library the import fails with ``ModuleNotFoundError`` naming it (so the
``bt.stores``/``bt.brokers``/``bt.feeds`` packages leave the names out, as
upstream does).  With the library installed they import, and building a
store, broker or feed raises ``UnportedVenueError``: a working-looking
object that cannot talk to the venue would be worse than a clear stop.
"""
from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ['UnportedVenueError', 'require_library', 'library_importable',
           'missing_library', 'unported', 'export_if_installed']


class UnportedVenueError(NotImplementedError):
    """The venue's library is installed but this build has no adapter."""


def missing_library(library: str, package: str, feature: str,
                    note: str = '') -> ModuleNotFoundError:
    """The error telling that ``feature`` needs ``library`` (from ``package``)."""
    return ModuleNotFoundError(
        'No module named %r: %s needs the %s package, which provides the %r '
        'module (pip install %s)%s' % (library, feature, package, library, package,
                                       note and '; ' + note),
        name=library)


def _names_library(exc: ImportError, library: str) -> bool:
    name = exc.name or ''
    return name == library or name.startswith(library + '.')


def require_library(library: str, package: str, feature: str) -> ModuleType:
    """Import ``library``; when it is not installed raise
    ``missing_library(...)`` (any other import failure propagates as is)."""
    try:
        return importlib.import_module(library)
    except ModuleNotFoundError as exc:
        if not _names_library(exc, library):
            raise
        raise missing_library(library, package, feature) from exc


def library_importable(library: str) -> bool:
    """True when ``library`` imports here (a library that is installed but
    cannot load on this platform, like comtypes off Windows, counts as
    absent)."""
    try:
        importlib.import_module(library)
    except ImportError:
        return False
    return True


def unported(feature: str, venue: str, library: str) -> UnportedVenueError:
    """The error raised when ``feature`` is used while ``library`` is present."""
    return UnportedVenueError(
        '%s: this build of backtrader does not support %s yet (the %r '
        'library is installed, but no %s adapter is implemented)'
        % (feature, venue, library, venue))


def export_if_installed(namespace: dict, venues: dict) -> None:
    """Put each venue class into a package ``namespace`` (and its
    ``__all__``) when its module imports: ``venues`` maps a module name of
    the package to (class name, library).  A module failing only because
    its library is missing is left out, as upstream's packages do; any
    other import failure propagates."""
    package = namespace['__name__']
    for modname, (clsname, library) in venues.items():
        try:
            module = importlib.import_module('%s.%s' % (package, modname))
        except ModuleNotFoundError as exc:
            if not _names_library(exc, library):
                raise
            continue
        namespace[clsname] = getattr(module, clsname)
        namespace['__all__'].append(clsname)
