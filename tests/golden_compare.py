"""Compare a scenario's result with its golden (upstream) result.

Rules, chosen to match the compatibility contract ("values printed with
'%f' identical"):

- floats are equal when ``'%f' % a == '%f' % b`` or when
  ``abs(a - b) <= 1e-9 * max(1, |a|, |b|)``; NaN equals NaN;
- ints, bools, strings and None must be equal and of the same JSON type
  (an int where upstream has a float is a difference: users print them);
- lists are compared item by item, then by length;
- dicts must have the same keys in the same order.

``compare`` returns a message naming the path of the first difference
(e.g. ``bars[17].sma``) with both values, or None when equal.
"""
from __future__ import annotations

import math
import re
from typing import Any, Optional

REL_TOL = 1e-9
_IDENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')


def floats_equal(a: float, b: float) -> bool:
    """Equality of two floats under the golden rules."""
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if a == b:
        return True
    if '%f' % a == '%f' % b:
        return True
    if math.isinf(a) or math.isinf(b):
        return False
    return abs(a - b) <= REL_TOL * max(1.0, abs(a), abs(b))


def _kind(v: Any) -> str:
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'bool'
    if isinstance(v, int):
        return 'int'
    if isinstance(v, float):
        return 'float'
    if isinstance(v, str):
        return 'str'
    if isinstance(v, (list, tuple)):
        return 'list'
    if isinstance(v, dict):
        return 'dict'
    return type(v).__name__


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return '%s[%d]' % (path, key)
    if _IDENT.match(key):
        return '%s.%s' % (path, key) if path else key
    return '%s[%r]' % (path, key)


def _short(v: Any, limit: int = 200) -> str:
    text = repr(v)
    return text if len(text) <= limit else text[:limit] + '...'


def _diff(where: str, expected: Any, actual: Any) -> str:
    return '%s: expected %s, got %s' % (where or '<root>', _short(expected),
                                        _short(actual))


def _compare_list(expected: list, actual: list, path: str) -> Optional[str]:
    for i, (e, a) in enumerate(zip(expected, actual)):
        found = compare(e, a, _join(path, i))
        if found:
            return found
    if len(expected) != len(actual):
        return '%s: length differs: expected %d items, got %d (%s)' % (
            path or '<root>', len(expected), len(actual),
            'missing ' + _short(expected[len(actual)])
            if len(expected) > len(actual)
            else 'extra ' + _short(actual[len(expected)]))
    return None


def _compare_dict(expected: dict, actual: dict, path: str) -> Optional[str]:
    missing = [k for k in expected if k not in actual]
    extra = [k for k in actual if k not in expected]
    if missing or extra:
        return '%s: keys differ: missing %s, extra %s' % (
            path or '<root>', missing, extra)
    for key, e in expected.items():
        found = compare(e, actual[key], _join(path, key))
        if found:
            return found
    if list(expected) != list(actual):
        return '%s: key order differs: expected %s, got %s' % (
            path or '<root>', list(expected), list(actual))
    return None


def compare(expected: Any, actual: Any, path: str = '') -> Optional[str]:
    """First difference between golden ``expected`` and ``actual``, or None."""
    ke, ka = _kind(expected), _kind(actual)
    if ke != ka:
        return '%s (type %s vs %s)' % (_diff(path, expected, actual), ke, ka)
    if ke == 'float':
        if floats_equal(expected, actual):
            return None
        return _diff(path, expected, actual)
    if ke == 'list':
        return _compare_list(expected, actual, path)
    if ke == 'dict':
        return _compare_dict(expected, actual, path)
    if expected != actual:
        return _diff(path, expected, actual)
    return None
