"""Self-growing dictionaries used for analyzer results.

Analyzers fill nested results without declaring them first
(``self.rets.total.won += 1``) and hand them to users who read them with
attribute access (``ta.total.total``).  Once an analysis ends the tree is
closed: reading a key that was never written then raises ``KeyError``
instead of silently creating an empty branch.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from collections import OrderedDict, defaultdict
from typing import Any

__all__ = [
    'AutoDict', 'AutoDictList', 'AutoOrderedDict', 'DotDict', 'Tree',
    'py3lvalues', 'OrderedDict', 'defaultdict',
]


class _MissingKey(KeyError, AttributeError):
    """Raised by attribute access to an absent key.

    It is a ``KeyError`` (what backtrader 1.9 raised, so existing handlers
    keep working) and an ``AttributeError`` so that ``hasattr`` and
    ``getattr(obj, name, default)`` behave as Python users expect.
    """


def py3lvalues(d: dict) -> list:
    """The values of ``d`` as a list."""
    return list(d.values())


def Tree() -> defaultdict:
    """A ``defaultdict`` whose missing values are trees themselves."""
    return defaultdict(Tree)


class AutoDictList(dict):
    """A dict whose missing keys start as an empty list."""

    def __missing__(self, key: Any) -> list:
        value = self[key] = list()
        return value


class DotDict(dict):
    """A dict whose keys can also be read as attributes (``d.key``).

    Attribute assignment sets a plain attribute, not a key.
    """

    def __getattr__(self, key: str) -> Any:
        if key.startswith('__'):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise _MissingKey(key) from None


def _close_tree(node: Any) -> None:
    """Mark ``node`` and every auto-dict below it as closed."""
    object.__setattr__(node, '_closed', True)
    for value in node.values():
        if isinstance(value, (AutoDict, AutoOrderedDict)):
            _close_tree(value)


class _AutoMixin(object):
    """Behaviour shared by the auto-creating dicts.

    Public names map to keys (read and write); names starting with ``_``
    are ordinary attributes, which keeps ``copy``/``pickle`` protocol
    lookups and the ``_closed`` flag out of the data.
    """

    _closed = False

    def _close(self) -> None:
        """Stop creating missing keys, here and in every nested auto-dict."""
        _close_tree(self)

    def _open(self) -> None:
        """Create missing keys again (this level only, nested ones stay
        closed, as in backtrader 1.9)."""
        self._closed = False

    def __getattr__(self, key: str) -> Any:
        if key.startswith('_'):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise _MissingKey(key) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key.startswith('_'):
            object.__setattr__(self, key, value)
        else:
            self[key] = value


class AutoDict(_AutoMixin, dict):
    """A dict that creates a nested ``AutoDict`` for a missing key while
    open."""

    def __missing__(self, key: Any) -> 'AutoDict':
        if self._closed:
            raise KeyError(key)
        value = self[key] = AutoDict()
        return value


class AutoOrderedDict(_AutoMixin, OrderedDict):
    """The ordered variant analyzers return: missing keys become nested
    ``AutoOrderedDict`` while open, ``KeyError`` once closed."""

    def __missing__(self, key: Any) -> 'AutoOrderedDict':
        if self._closed:
            raise KeyError(key)
        value = self[key] = AutoOrderedDict()
        return value

    def lvalues(self) -> list:
        """The values as a list."""
        return list(self.values())

    # In-place arithmetic on a branch (normally one just auto-created)
    # treats it as the zero of the other operand's type, so that
    # ``self.rets.total.won += 1`` works on the very first increment.
    # The branch is replaced by the result, whatever it contained.
    def __iadd__(self, other: Any) -> Any:
        return type(other)() + other

    def __isub__(self, other: Any) -> Any:
        return type(other)() - other

    def __imul__(self, other: Any) -> Any:
        return type(other)() * other

    def __itruediv__(self, other: Any) -> Any:
        return type(other)() / other
