"""Python 2/3 compatibility names kept for code written against backtrader 1.9.

The project runs on Python 3 only.  These names still exist because user
strategies, indicators and third party extensions import them
(``from backtrader.utils.py3 import with_metaclass, string_types, ...``), and a
drop-in replacement must not break those imports.  Each name has the meaning
it had under Python 3 in backtrader 1.9.78.123.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import builtins
import itertools
import queue
import sys
from io import StringIO
from typing import Any, Iterator
from urllib.parse import quote as urlquote
from urllib.request import (
    ProxyHandler,
    build_opener,
    install_opener,
    urlopen,
)

try:  # only Windows ships the registry module
    import winreg
except ImportError:  # pragma: no cover - depends on the platform
    winreg = None

PY2 = False

# Extreme values used by the engine as "unbounded" sentinels.
MAXINT = sys.maxsize
MININT = -sys.maxsize - 1
MAXFLOAT = sys.float_info.max
MINFLOAT = sys.float_info.min

string_types = (str,)
integer_types = (int,)
long = int

# Builtins re-exported under the names the old compatibility layer used.
map = map
zip = zip
filter = filter
range = range

# ``bytes`` is importable by name but left out of ``*`` imports: it would
# shadow the builtin (with different meaning) in every module that does
# ``from backtrader.utils.py3 import *`` or star-imports a module that does.
__all__ = [
    'PY2', 'MAXINT', 'MININT', 'MAXFLOAT', 'MINFLOAT',
    'string_types', 'integer_types', 'long',
    'map', 'zip', 'filter', 'range', 'queue', 'StringIO', 'winreg',
    'urlopen', 'urlquote', 'ProxyHandler', 'build_opener', 'install_opener',
    'bstr', 'cmp',
    'iterkeys', 'itervalues', 'iteritems', 'keys', 'values', 'items',
    'with_metaclass', 'itertools', 'sys',
    'absolute_import', 'division', 'print_function', 'unicode_literals',
]


def bytes(x: str) -> builtins.bytes:
    """Encode text as UTF-8 (the old helper shadowed the builtin on purpose)."""
    return x.encode('utf-8')


def bstr(x: Any) -> str:
    """Return ``str(x)``: the text form used when writing values out."""
    return str(x)


def cmp(a: Any, b: Any) -> int:
    """Three-way comparison returning -1, 0 or 1, as Python 2's ``cmp``.

    Unordered operands (NaN) compare equal, and operands that cannot be
    ordered raise ``TypeError`` from the comparison itself.
    """
    return (a > b) - (a < b)


def iterkeys(d: dict) -> Iterator:
    """Iterator over the keys of ``d``."""
    return iter(d.keys())


def itervalues(d: dict) -> Iterator:
    """Iterator over the values of ``d``."""
    return iter(d.values())


def iteritems(d: dict) -> Iterator:
    """Iterator over the ``(key, value)`` pairs of ``d``."""
    return iter(d.items())


def keys(d: dict) -> list:
    """The keys of ``d`` as a new list (safe to keep while ``d`` changes)."""
    return list(d.keys())


def values(d: dict) -> list:
    """The values of ``d`` as a new list."""
    return list(d.values())


def items(d: dict) -> list:
    """The ``(key, value)`` pairs of ``d`` as a new list."""
    return list(d.items())


_STUB_NAME = 'temporary_class'


def with_metaclass(meta: type, *bases: type) -> type:
    """Return a stub base so that ``class C(with_metaclass(Meta, B1, B2))``
    builds ``C`` with metaclass ``Meta`` and bases ``(B1, B2)``.

    The stub never appears in ``C.__mro__``: its own metaclass intercepts the
    creation of the derived class and hands name, the real ``bases`` and the
    namespace to ``meta`` instead.
    """

    class _Redirect(type):
        def __new__(mcs, name, _stub_bases, namespace, **kwargs):
            return meta(name, bases, namespace, **kwargs)

        @classmethod
        def __prepare__(mcs, name, _stub_bases, **kwargs):
            return meta.__prepare__(name, bases, **kwargs)

    # type.__new__ is called directly so that _Redirect.__new__ (which
    # would build the final class) is not triggered for the stub itself.
    return type.__new__(_Redirect, _STUB_NAME, (), {})
