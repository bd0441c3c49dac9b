"""Boundary checks shared by the crypto commission modules.

Every user-facing number (fee rates, leverage, sizes, table rows) goes
through these so that a wrong type raises ``TypeError`` and a wrong value
``ValueError``, both naming the argument, instead of failing later inside
the broker with an unrelated message.
"""
from __future__ import annotations

import math
from typing import Any, Iterable

__all__ = ['check_number', 'check_fraction', 'check_choice']


def check_number(name: str, value: Any, *, positive: bool = False,
                 nonnegative: bool = False) -> float:
    """Return ``value`` as a float after checking it is a finite real number.

    ``bool`` is refused on purpose: ``True`` as a leverage or rate is always
    a mistake even though Python treats it as ``1``.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError('%s must be a number, got %r' % (name, value))
    value = float(value)
    if not math.isfinite(value):
        raise ValueError('%s must be finite, got %r' % (name, value))
    if positive and value <= 0.0:
        raise ValueError('%s must be > 0, got %r' % (name, value))
    if nonnegative and value < 0.0:
        raise ValueError('%s must be >= 0, got %r' % (name, value))
    return value


def check_fraction(name: str, value: Any, *, upper: float = 1.0) -> float:
    """A rate given as a fraction: ``0 <= value < upper`` (0.001 = 0.1%)."""
    value = check_number(name, value, nonnegative=True)
    if value >= upper:
        raise ValueError('%s must be a fraction below %r (0.001 = 0.1%%), '
                         'got %r' % (name, upper, value))
    return value


def check_choice(name: str, value: Any, allowed: Iterable[str]) -> str:
    """``value`` must be one of ``allowed``; the message lists them."""
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValueError('%s must be one of %s, got %r'
                         % (name, ', '.join(repr(a) for a in allowed), value))
    return value
